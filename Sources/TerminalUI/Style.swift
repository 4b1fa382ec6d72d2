/// What a piece of text means, not which colour it has: the palette for the terminal at hand
/// (256 colours, 8 colours, or none) decides how a role looks.
public enum ColorRole: String, Sendable, Hashable, CaseIterable {
    /// The terminal's own default colour.
    case normal
    /// Things to notice: keys, links, the focused pane's border.
    case accent
    /// Near a limit: a requirement almost met, a deadline close.
    case warning
    /// Met, done, eligible.
    case good
    /// Missing, failed, a gap.
    case bad
    /// Secondary text: hints, units, disabled entries.
    case muted
    /// The selected row or the cursor.
    case selection
    /// Headings, the title bar, column headers.
    case title
}

/// How a cell looks: semantic foreground and background roles plus attributes.
///
/// Usage: `Style(fg: .bad, bold: true)`, `Style(bg: .selection)`, `.normal`.
public struct Style: Sendable, Hashable {
    public var fg: ColorRole
    public var bg: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: ColorRole = .normal, bg: ColorRole = .normal,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// Default colours, no attributes.
    public static let normal = Style()
    /// A highlighted row (the selection background).
    public static let selection = Style(bg: .selection)
    /// A heading.
    public static let title = Style(fg: .title, bold: true)
    /// Something to notice.
    public static let accent = Style(fg: .accent)
    /// Secondary text.
    public static let muted = Style(fg: .muted)
    /// Met / done.
    public static let good = Style(fg: .good)
    /// Missing / failed.
    public static let bad = Style(fg: .bad)
    /// Near a limit.
    public static let warning = Style(fg: .warning)
    /// A bar across the screen (status line, title bar).
    public static let bar = Style(bg: .title)

    /// This style with bold switched on.
    public var bolded: Style {
        var copy = self
        copy.bold = true
        return copy
    }
}
