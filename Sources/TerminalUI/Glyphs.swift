/// The characters a box is drawn with.
public struct BoxGlyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// ├ and ┤: a horizontal divider meeting the left and right sides.
    public var teeRight: Character
    public var teeLeft: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character, teeRight: Character, teeLeft: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeRight = teeRight
        self.teeLeft = teeLeft
    }

    /// ┌─┐│└┘ — Unicode box drawing, written as characters (never the ACS alternate charset,
    /// which some terminals show as `lqqk`).
    public static let light = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                        bottomLeft: "└", bottomRight: "┘", teeRight: "├", teeLeft: "┤")
    /// ┏━┓┃┗┛ — for the focused pane.
    public static let heavy = BoxGlyphs(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                        bottomLeft: "┗", bottomRight: "┛", teeRight: "┣", teeLeft: "┫")
    /// ╔═╗║╚╝ — for modals.
    public static let double = BoxGlyphs(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
                                         bottomLeft: "╚", bottomRight: "╝", teeRight: "╠", teeLeft: "╣")
    /// ╭─╮│╰╯
    public static let rounded = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                          bottomLeft: "╰", bottomRight: "╯", teeRight: "├", teeLeft: "┤")
    /// +-+| for terminals without a UTF-8 locale.
    public static let ascii = BoxGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                        bottomLeft: "+", bottomRight: "+", teeRight: "+", teeLeft: "+")
}

/// Every non-letter character the widgets draw, in a Unicode and an ASCII set.
public struct Glyphs: Sendable, Hashable {
    public var box: BoxGlyphs
    public var focusedBox: BoxGlyphs
    public var modalBox: BoxGlyphs
    public var ellipsis: String
    /// Before the selected row of a list.
    public var selectionMarker: String
    public var scrollUp: Character
    public var scrollDown: Character
    public var gaugeFilled: Character
    public var gaugeEmpty: Character
    /// Where the requirement sits on a bar gauge.
    public var gaugeRequired: Character
    /// Ladder: my current level, a target, a level reached, a level above, the rail between.
    public var ladderCurrent: Character
    public var ladderTarget: Character
    public var ladderReached: Character
    public var ladderOpen: Character
    public var ladderRail: Character
    /// Shown for each character of a masked input (PIN).
    public var mask: Character
    /// Between tabs.
    public var tabSeparator: Character

    public static let unicode = Glyphs(
        box: .light, focusedBox: .heavy, modalBox: .double, ellipsis: "…", selectionMarker: "▶ ",
        scrollUp: "▲", scrollDown: "▼", gaugeFilled: "█", gaugeEmpty: "░", gaugeRequired: "┃",
        ladderCurrent: "▶", ladderTarget: "★", ladderReached: "●", ladderOpen: "○", ladderRail: "│",
        mask: "•", tabSeparator: "│")

    public static let ascii = Glyphs(
        box: .ascii, focusedBox: .ascii, modalBox: .ascii, ellipsis: "~", selectionMarker: "> ",
        scrollUp: "^", scrollDown: "v", gaugeFilled: "#", gaugeEmpty: ".", gaugeRequired: "|",
        ladderCurrent: ">", ladderTarget: "*", ladderReached: "o", ladderOpen: ".", ladderRail: "|",
        mask: "*", tabSeparator: "|")
}
