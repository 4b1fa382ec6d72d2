/// How many colours the terminal can show.
public enum ColorDepth: String, Sendable, Hashable, CaseIterable {
    /// No colour (TERM=vt100, or NO_COLOR set): roles become bold / reverse / underline.
    case monochrome
    /// The eight ANSI colours (TERM=linux, xterm).
    case ansi8
    /// The xterm 256-colour palette (xterm-256color, tmux-256color).
    case ansi256
}

/// What the terminal at hand can show; decided once at start-up and handed to the views.
public struct TerminalCapabilities: Sendable, Hashable {
    public var colors: ColorDepth
    /// The locale is UTF-8, so box drawing and other non-ASCII characters can be written.
    public var unicode: Bool
    /// Thai is likely to render: a UTF-8 locale on a terminal that is not the Linux console
    /// or a hardware VT (their fonts have no Thai). The app shows English when this is false.
    public var canShowThai: Bool

    public init(colors: ColorDepth, unicode: Bool, canShowThai: Bool? = nil) {
        self.colors = colors
        self.unicode = unicode
        self.canShowThai = canShowThai ?? unicode
    }

    /// Full colour and Unicode: what tests and `render` use.
    public static let full = TerminalCapabilities(colors: .ansi256, unicode: true)

    /// The environment variables `detect` reads.
    public static let environmentNames = ["NO_COLOR", "LC_ALL", "LC_CTYPE", "LANG", "TERM"]

    /// Decides from the environment and what the terminal library reports.
    ///
    /// - `NO_COLOR` present with a non-empty value switches colour off (https://no-color.org).
    /// - `terminalColors` is terminfo's `colors` (ncurses `COLORS` after `start_color`).
    /// - Unicode needs a UTF-8 locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`).
    public static func detect(environment: [String: String], hasColors: Bool,
                              terminalColors: Int) -> TerminalCapabilities {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let colors: ColorDepth
        if noColor || !hasColors || terminalColors < 8 {
            colors = .monochrome
        } else if terminalColors >= 256 {
            colors = .ansi256
        } else {
            colors = .ansi8
        }
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        let unicode = containsBytes(lowered, "utf-8") || containsBytes(lowered, "utf8")
        let term = environment["TERM"] ?? ""
        let consoleTerms: Set<String> = ["linux", "vt100", "vt102", "vt220", "vt52", "dumb", "ansi"]
        let canShowThai = unicode && !consoleTerms.contains(term)
        return TerminalCapabilities(colors: colors, unicode: unicode, canShowThai: canShowThai)
    }

    /// Whether `text` contains `part`, byte for byte. `String.contains(_:)` goes through the
    /// string-processing library's searcher, whose first use costs the TUI's start a runtime
    /// conformance lookup over the whole binary (~0.1 ms).
    private static func containsBytes(_ text: String, _ part: String) -> Bool {
        let text = Array(text.utf8), part = Array(part.utf8)
        guard !part.isEmpty, part.count <= text.count else { return part.isEmpty }
        return (0...(text.count - part.count)).contains { text[$0..<($0 + part.count)].elementsEqual(part) }
    }

    /// The glyph set for these capabilities: Unicode box drawing, or ASCII.
    public var glyphs: Glyphs { unicode ? .unicode : .ascii }

    /// The attribute mapping for these capabilities.
    public var styleMapping: StyleMapping { StyleMapping(colors: colors) }
}

/// A colour as the terminal library understands it: -1 is the terminal's default,
/// 0–7 the ANSI colours, 8–255 the xterm palette.
public typealias TerminalColorIndex = Int16

/// What the adapter must set for a `Style`: colours (or none) and attributes.
public struct TerminalAttributes: Sendable, Hashable {
    /// Foreground colour index, or nil on a monochrome terminal.
    public var foreground: TerminalColorIndex?
    /// Background colour index, or nil on a monochrome terminal.
    public var background: TerminalColorIndex?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: TerminalColorIndex? = nil, background: TerminalColorIndex? = nil,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// Maps semantic styles to terminal colours and attributes for one colour depth.
///
/// With colours, each role has a foreground and a background colour; a role used as
/// background with the normal foreground gets a readable foreground of its own.
/// Without colours (vt100, NO_COLOR) roles become attributes: selection and title bars
/// reverse, titles / accent / warning bold, bad bold and underlined; good, muted and normal
/// stay plain. A style's own bold / reverse / underline always apply.
public struct StyleMapping: Sendable, Hashable {
    public var colors: ColorDepth

    public init(colors: ColorDepth) {
        self.colors = colors
    }

    public func attributes(for style: Style) -> TerminalAttributes {
        var result = TerminalAttributes(bold: style.bold, reverse: style.reverse, underline: style.underline)
        switch colors {
        case .monochrome:
            switch style.fg {
            case .title, .accent, .warning: result.bold = true
            case .bad: result.bold = true; result.underline = true
            case .selection: result.reverse = true
            case .normal, .good, .muted: break
            }
            if style.bg != .normal { result.reverse.toggle() }
        case .ansi8, .ansi256:
            let palette = colors == .ansi256 ? Self.palette256 : Self.palette8
            var fg = palette.foreground(style.fg)
            let bg = palette.background(style.bg)
            if style.fg == .normal, style.bg != .normal { fg = palette.onBackground(style.bg) }
            result.foreground = fg
            result.background = bg
            if colors == .ansi8, style.fg == .muted { result.dim = true }
            if style.fg == .title { result.bold = true }
        }
        return result
    }

    /// One line per role, for docs and the `render` command's legend.
    public func describe() -> [String] {
        ColorRole.allCases.map { role -> String in
            let fg = attributes(for: Style(fg: role))
            let bg = attributes(for: Style(bg: role))
            return "\(role.rawValue): fg \(Self.text(fg)); bg \(Self.text(bg))"
        }
    }

    private static func text(_ a: TerminalAttributes) -> String {
        var parts: [String] = []
        if let f = a.foreground { parts.append("colour \(f)") }
        if let b = a.background { parts.append("on \(b)") }
        if a.bold { parts.append("bold") }
        if a.reverse { parts.append("reverse") }
        if a.underline { parts.append("underline") }
        if a.dim { parts.append("dim") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }

    /// Colour indexes by role. `KeyValuePairs`, searched in order, rather than dictionaries:
    /// seven entries, and building a dictionary keyed by `ColorRole` cost the first paint a
    /// runtime conformance lookup (~0.1 ms).
    struct Palette {
        var fg: KeyValuePairs<ColorRole, TerminalColorIndex>
        var bg: KeyValuePairs<ColorRole, TerminalColorIndex>
        var on: KeyValuePairs<ColorRole, TerminalColorIndex>
        func foreground(_ role: ColorRole) -> TerminalColorIndex { Self.index(fg, role) }
        func background(_ role: ColorRole) -> TerminalColorIndex { Self.index(bg, role) }
        func onBackground(_ role: ColorRole) -> TerminalColorIndex { Self.index(on, role) }
        private static func index(_ pairs: KeyValuePairs<ColorRole, TerminalColorIndex>, _ role: ColorRole) -> TerminalColorIndex {
            pairs.first { $0.key == role }?.value ?? -1
        }
    }

    // ANSI: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
    static let palette8 = Palette(
        fg: [.accent: 6, .warning: 3, .good: 2, .bad: 1, .muted: -1, .selection: 0, .title: 3],
        bg: [.accent: 6, .warning: 3, .good: 2, .bad: 1, .muted: 7, .selection: 6, .title: 4],
        on: [.accent: 0, .warning: 0, .good: 0, .bad: 7, .muted: 0, .selection: 0, .title: 7])

    static let palette256 = Palette(
        fg: [.accent: 39, .warning: 214, .good: 71, .bad: 167, .muted: 245, .selection: 16, .title: 75],
        bg: [.accent: 31, .warning: 214, .good: 71, .bad: 160, .muted: 238, .selection: 24, .title: 25],
        on: [.accent: 231, .warning: 16, .good: 16, .bad: 231, .muted: 252, .selection: 231, .title: 231])
}
