/// The language the interface speaks (TerminalUI cannot see the catalog's `Language`;
/// the app converts with `UILanguage(rawValue: language.rawValue)`).
public enum UILanguage: String, Sendable, Hashable, CaseIterable {
    case th, en
}

/// A label in Thai and English.
public struct BilingualText: Sendable, Hashable {
    public var th: String
    public var en: String

    public init(th: String, en: String) {
        self.th = th
        self.en = en
    }

    public func text(_ language: UILanguage) -> String {
        switch language {
        case .th: return th.isEmpty ? en : th
        case .en: return en.isEmpty ? th : en
        }
    }
}

/// One keymap entry: these keys run this action in this context.
///
/// Usage: `KeyBinding([.function(1), .char("?")], action: "help", th: "วิธีใช้", en: "Help")`.
public struct KeyBinding: Sendable, Hashable {
    /// Every key that triggers the action (a letter alternative for each function key,
    /// since vt100 and the Linux console miss some).
    public var keys: [KeyEvent]
    /// The action id the app's update function switches on.
    public var action: String
    public var description: BilingualText
    /// Where the binding applies: "global", or a screen / pane / modal name.
    public var context: String

    public init(_ keys: [KeyEvent], action: String, th: String, en: String, context: String = Keymap.globalContext) {
        self.keys = keys
        self.action = action
        self.description = BilingualText(th: th, en: en)
        self.context = context
    }
}

/// Two different actions on one key in one context.
public struct KeymapConflict: Error, Sendable, Hashable, CustomStringConvertible {
    public var key: KeyEvent
    public var context: String
    public var actions: [String]

    public init(key: KeyEvent, context: String, actions: [String]) {
        self.key = key
        self.context = context
        self.actions = actions
    }

    public var description: String {
        "key \(key.label(unicode: false)) in context \"\(context)\" is bound to \(actions.joined(separator: " and ")); give one of them another key"
    }
}

/// A keymap rejected by `Keymap(validating:)`.
public struct KeymapError: Error, Sendable, Hashable, CustomStringConvertible {
    public var conflicts: [KeymapConflict]
    public init(conflicts: [KeymapConflict]) { self.conflicts = conflicts }
    public var description: String { conflicts.map(\.description).joined(separator: "\n") }
}

/// One row of the generated help table.
public struct KeyHelpRow: Sendable, Hashable {
    /// The keys, joined: "F1, ?".
    public var keys: String
    public var description: String
    public var context: String
    public var action: String

    public init(keys: String, description: String, context: String, action: String) {
        self.keys = keys
        self.description = description
        self.context = context
        self.action = action
    }
}

/// Key bindings as data (lazygit style): the app looks actions up here and the help screen
/// is generated from the same table, so the two cannot drift apart.
public struct Keymap: Sendable, Hashable {
    /// The context that applies everywhere unless a more specific context binds the key.
    public static let globalContext = "global"

    public let bindings: [KeyBinding]

    /// Builds a keymap, rejecting two different actions on one key in one context.
    public init(validating bindings: [KeyBinding]) throws(KeymapError) {
        let conflicts = Self.conflicts(in: bindings)
        guard conflicts.isEmpty else { throw KeymapError(conflicts: conflicts) }
        self.bindings = bindings
    }

    /// Every key bound to more than one action within the same context, in table order.
    public static func conflicts(in bindings: [KeyBinding]) -> [KeymapConflict] {
        struct Slot: Hashable { var key: KeyEvent; var context: String }
        var actionsBySlot: [Slot: [String]] = [:]
        var order: [Slot] = []
        for binding in bindings {
            for key in binding.keys {
                let slot = Slot(key: key, context: binding.context)
                if actionsBySlot[slot] == nil { order.append(slot) }
                if !(actionsBySlot[slot, default: []].contains(binding.action)) {
                    actionsBySlot[slot, default: []].append(binding.action)
                }
            }
        }
        return order.compactMap { slot in
            let actions = actionsBySlot[slot] ?? []
            return actions.count > 1 ? KeymapConflict(key: slot.key, context: slot.context, actions: actions) : nil
        }
    }

    /// The action for a key, searching `contexts` in order (most specific first);
    /// "global" is searched last when not listed.
    public func action(for key: KeyEvent, in contexts: [String]) -> String? {
        var search = contexts
        if !search.contains(Self.globalContext) { search.append(Self.globalContext) }
        for context in search {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    /// The bindings of one context, in table order.
    public func bindings(in context: String) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// Help rows for the given contexts (in the order given), each binding once.
    public func helpRows(contexts: [String], language: UILanguage, unicode: Bool = true) -> [KeyHelpRow] {
        contexts.flatMap { context in
            bindings(in: context).map { binding in
                KeyHelpRow(keys: binding.keys.map { $0.label(unicode: unicode) }.joined(separator: ", "),
                           description: binding.description.text(language),
                           context: context, action: binding.action)
            }
        }
    }

    /// The help table as text lines fitted to `width` columns: a key column as wide as the
    /// widest keys (at most half the width), then the description, truncated with "…".
    public func helpLines(contexts: [String], language: UILanguage, width: Int, unicode: Bool = true) -> [String] {
        let rows = helpRows(contexts: contexts, language: language, unicode: unicode)
        guard width > 0 else { return [] }
        let keyWidth = min(rows.map { TextWidth.of($0.keys) }.max() ?? 0, width / 2)
        let ellipsis = unicode ? "…" : "~"
        return rows.map { row in
            let keys = TextWidth.fit(row.keys, toWidth: keyWidth, ellipsis: ellipsis)
            let room = max(0, width - keyWidth - 2)
            let line = keys + "  " + TextWidth.truncate(row.description, toWidth: room, ellipsis: ellipsis)
            return LineBreaker.trimmingTrailingSpaces(TextWidth.truncate(line, toWidth: width, ellipsis: ellipsis))
        }
    }
}
