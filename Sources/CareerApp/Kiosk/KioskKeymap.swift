import CareerCatalog
import TerminalUI

/// The kiosk's keys as data: its own bindings (sign-out, the operator's exit, the sign-in
/// screen's language switch) and the planner's keymap narrowed to the actions a kiosk session
/// allows. `kioskUpdate` refuses every other action, and the help screen, the key bar and the
/// kiosk section of docs/keys.md are generated from the same narrowed table, so what the
/// kiosk lists and what it does cannot drift apart.
///
///     KioskKeymap.allowedActions(supervises: false, thaiAvailable: true).contains(.quit)   // false
public enum KioskKeymap {
    /// The context of the kiosk's keys that work anywhere (sign-in screen and sessions).
    static let anywhereContext = "kiosk"
    /// The context of the kiosk's own keys in a session.
    static let sessionContext = "kiosk-session"
    /// The context of the kiosk's own keys on the sign-in screen.
    static let signInContext = "kiosk-sign-in"

    /// The kiosk's own actions.
    enum Action: String {
        case signOut = "sign-out", operatorExit = "operator-exit", language = "language"
    }

    /// The kiosk's own bindings; `KioskKeys` reads its keys from here.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("o"), .function(12)], action: Action.signOut.rawValue,
                   th: "ออกจากระบบ (ล้างหน้าจอ)", en: "Sign out (clears the screen)", context: sessionContext),
        KeyBinding([.ctrl("]")], action: Action.operatorExit.rawValue,
                   th: "ผู้ดูแลเครื่อง: ปิดโปรแกรมด้วยรหัส PIN ผู้ดูแล", en: "Operator: close the kiosk with the operator PIN",
                   context: anywhereContext),
        // F2 is missing on the Linux console, hence Ctrl-T.
        KeyBinding([.function(2), .ctrl("t")], action: Action.language.rawValue,
                   th: "สลับภาษาไทย/อังกฤษ", en: "Switch Thai/English", context: signInContext),
    ]

    /// The keys of one of the kiosk's own actions.
    static func keys(_ action: Action, in context: String = sessionContext) -> [KeyEvent] {
        bindings.first { $0.action == action.rawValue && $0.context == context }?.keys ?? []
    }

    // MARK: The planner's actions at a kiosk

    /// Planner actions every kiosk session may use: the person's own screens and lists, search
    /// in the catalog, the plan (saved to the database, never exported to the shared disk).
    static let personActions: Set<AppAction> = [
        .help, .language, .search, .screenMe, .screenPaths, .screenGaps, .screenPlan, .screenCatalog,
        .nextPane, .previousPane, .up, .down, .left, .right, .pageUp, .pageDown, .first, .last,
        .activate, .back, .togglePick, .savePlan, .submitPlan, .stepProgress, .adoptSuggested, .clearPlan, .deleteBackward, .clearInput, .close, .why,
        .focusList, .assessSelf, .newPlanVersion,
    ]

    /// Supervisor mode's actions, for a supervisor only. Every one stays inside the subordinates
    /// the store listed: the filter narrows that list, compare and review act on people in it,
    /// succession ranks only the records in reach.
    static let supervisorActions: Set<AppAction> = [
        .sortNext, .wholeChain, .nextPost, .filterList, .compare, .approvePlan, .returnPlan, .commentPlan, .succession, .assessCompetency,
        .confirmStep,
    ]

    /// Planner actions no kiosk session gets, and why (a test checks that every planner action is
    /// in exactly one of the three sets, so a new action is refused until it is placed here).
    static let refusedActions: [AppAction: KioskText] = [
        .quit: .refusedQuit,
        .screenPeople: .refusedPicker,
        .exportPlan: .refusedExport,
        .screenReports: .refusedReports, .reportNextTab: .refusedReports, .reportPreviousTab: .refusedReports,
        .reportSubmit: .refusedReports, .reportUnit: .refusedReports, .reportNextYear: .refusedReports,
        .reportPreviousYear: .refusedReports, .reportDue: .refusedReports,
    ]

    /// The planner actions a session may use.
    public static func allowedActions(supervises: Bool, thaiAvailable: Bool) -> Set<AppAction> {
        var actions = personActions
        if supervises { actions.formUnion(supervisorActions) }
        // Without Thai the kiosk stays in English (the update function refuses the switch too).
        if !thaiAvailable { actions.remove(.language) }
        return actions
    }

    /// The action `update` would take for `key` in `app`, or nil when the key is typed into a
    /// field or bound to nothing. Read-only: it follows the routing of the planner's key handling
    /// (a modal's keys, then only quit and language; a field being typed into; the screen's keys).
    static func action(for key: KeyEvent, in app: AppState) -> AppAction? {
        if let modal = app.modal {
            if let action = AppKeymap.action(for: key, in: modal.context, globalFallback: false) { return action }
            if case .search = modal, case .char = key { return nil }
            // A form's field takes printable keys (a date, a note), as the search does.
            if modal.context == .form, case .char = key { return nil }
            let global = AppKeymap.action(for: key, in: .global)
            return global == .quit || global == .language ? global : nil
        }
        if app.screen == .supervisor, app.supervisor?.input != nil { return nil }
        if app.screen == .people { return AppKeymap.action(for: key, in: .picker, globalFallback: false) }
        return AppKeymap.action(for: key, in: app.screen.context)
    }

    /// Keys the kiosk takes before the planner sees them (in a session without a modal).
    static var takenKeys: Set<KeyEvent> {
        Set(KioskKeys.leaving + KioskKeys.signOut + [KioskKeys.operatorPrompt])
    }

    /// The planner's bindings that work in a session: allowed actions only, without the keys the
    /// kiosk takes itself; a binding left with no key is dropped.
    static func sessionBindings(supervises: Bool, thaiAvailable: Bool) -> [KeyBinding] {
        let allowed = allowedActions(supervises: supervises, thaiAvailable: thaiAvailable)
        let taken = takenKeys
        return AppKeymap.bindings.compactMap { binding in
            guard let action = AppAction(rawValue: binding.action), allowed.contains(action) else { return nil }
            // Supervisor mode's context only exists for a supervisor.
            if binding.context == KeyContext.supervisor.rawValue && !supervises { return nil }
            var b = binding
            // Inside a modal the kiosk takes no key, so only modal-less contexts lose keys.
            if !Self.modalContexts.contains(binding.context) { b.keys = binding.keys.filter { !taken.contains($0) } }
            return b.keys.isEmpty ? nil : b
        }
    }

    static let modalContexts: Set<String> = [KeyContext.help.rawValue, KeyContext.search.rawValue, KeyContext.message.rawValue,
                                             KeyContext.why.rawValue]

    /// The narrowed keymap (a subset of a valid keymap cannot conflict).
    static func sessionKeymap(supervises: Bool, thaiAvailable: Bool) -> Keymap {
        let bindings = sessionBindings(supervises: supervises, thaiAvailable: thaiAvailable)
        return (try? Keymap(validating: bindings)) ?? Keymap.unvalidated(bindings)
    }

    // MARK: Generated from the tables

    /// The help of a session, section by section: the screen's keys, the keys that work
    /// everywhere (without those the screen binds to something else), then the kiosk's own
    /// (sign-out); each from the narrowed keymap.
    static func helpSections(_ session: KioskSession, thaiAvailable: Bool) -> [(title: String, bindings: [KeyBinding])] {
        let app = session.app
        let language = app.language
        let keymap = sessionKeymap(supervises: session.supervises, thaiAvailable: thaiAvailable)
        let screen = app.screen.context.rawValue
        let everywhere = keymap.bindings(in: KeyContext.global.rawValue).compactMap { binding -> KeyBinding? in
            var b = binding
            b.keys = binding.keys.filter { keymap.action(for: $0, in: [screen]) == binding.action }
            return b.keys.isEmpty ? nil : b
        }
        let own = bindings.filter { $0.context == sessionContext && $0.action == Action.signOut.rawValue }
        return [(app.screen.title.text(language), keymap.bindings(in: screen)),
                (Str.helpContextGlobal.text(language), everywhere),
                (KioskText.helpKiosk.text(language), own)].filter { !$0.bindings.isEmpty }
    }

    /// The help's lines, fitted to `width`.
    static func helpLines(_ session: KioskSession, thaiAvailable: Bool, width: Int, unicode: Bool) -> [StyledLine] {
        let uiLanguage = UILanguage(rawValue: session.app.language.rawValue) ?? .th
        var out: [StyledLine] = []
        for (title, rows) in helpSections(session, thaiAvailable: thaiAvailable) {
            out.append(StyledLine(title, Style(fg: .title, bold: true)))
            out += Keymap.unvalidated(rows).helpLines(contexts: [rows[0].context], language: uiLanguage, width: width, unicode: unicode)
                .map { StyledLine($0) }
            out.append(StyledLine(""))
        }
        return out
    }

    /// The planner's F1–F10 bar without the keys whose action a session may not use, then sign-out;
    /// with `width`, fitted to it as the planner's bar is.
    static func functionBar(_ language: Language, supervises: Bool, thaiAvailable: Bool, width: Int? = nil) -> [FunctionKeyLabel] {
        let allowed = allowedActions(supervises: supervises, thaiAvailable: thaiAvailable)
        var entries = AppKeymap.functionBar(language).filter { entry in
            guard let n = Int(entry.key), let action = AppKeymap.action(for: .function(n), in: .global) else { return false }
            return allowed.contains(action)
        }
        entries.append(FunctionKeyLabel(keys(.signOut).first?.label(unicode: true) ?? "o", KioskText.fkSignOut.text(language)))
        return width.map { AppKeymap.fitted(entries, width: $0, language) } ?? entries
    }

    /// The kiosk section of docs/keys.md: the kiosk's own keys, then the planner's keys it refuses.
    public static func markdown() -> String {
        var out = "\n## kiosk\n\n"
        out += "`careerpath kiosk` keeps the planner's keys above except those below; its help screen lists only the keys that work there. "
        let leaving = (KioskKeys.leaving + [.char("q"), .escape]).map { "`\($0.label(unicode: true))`" }.joined(separator: " ")
        out += "Supervisor-mode keys work only for someone with subordinates, the language switch only where Thai can be shown, "
        out += "and \(leaving) never leave the program.\n\n"
        out += "| keys | action | where | English | ไทย |\n|---|---|---|---|---|\n"
        for binding in bindings {
            let keys = binding.keys.map { "`\($0.label(unicode: true))`" }.joined(separator: " ")
            let place = binding.context == signInContext ? "sign-in" : binding.context == sessionContext ? "session" : "anywhere"
            out += "| \(keys) | \(binding.action) | \(place) | \(binding.description.en) | \(binding.description.th) |\n"
        }
        out += "\nRefused at a kiosk:\n\n| keys | action | why | ไทย |\n|---|---|---|---|\n"
        for action in AppAction.allCases {
            guard let why = refusedActions[action] else { continue }
            let keys = AppKeymap.bindings.filter { $0.action == action.rawValue }.flatMap(\.keys)
                .map { "`\($0.label(unicode: true))`" }.joined(separator: " ")
            out += "| \(keys) | \(action.rawValue) | \(why.text(.en)) | \(why.text(.th)) |\n"
        }
        return out
    }
}
