/// One terminal cell: a spacing character with its marks, or the right half of a wide one.
public struct Cell: Sendable, Hashable {
    /// One spacing character followed by its zero-width marks ("ก", "กั", "น้", "中");
    /// empty for the right half of a wide character.
    public var text: String
    /// 1 for a normal cell, 2 for the left half of a wide character, 0 for its right half.
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: Int = 1, style: Style = .normal) {
        self.text = text
        self.width = UInt8(clamping: width)
        self.style = style
    }

    /// An empty cell (a space) in the default style.
    public static let blank = Cell()

    /// A space with a style (backgrounds, cleared areas).
    public static func blank(_ style: Style) -> Cell { Cell(" ", width: 1, style: style) }

    /// The placeholder for the right half of a wide character.
    public static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// A changed stretch of one row, as found by `CellGrid.diff(from:)`.
///
/// A run never starts on the right half of a wide character and never ends on its left half,
/// so an adapter can write it cell by cell, skipping continuation cells.
public struct CellRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}
