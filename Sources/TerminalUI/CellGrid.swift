/// An in-memory screen: `width × height` cells that views draw into and the adapter flushes.
///
/// Every write keeps the grid consistent: a wide character is written whole or not at all,
/// and overwriting either half of a wide character blanks the other half, so the grid never
/// holds half a character (which would shift every column after it on a real terminal).
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major cells; index `y * width + x`.
    public private(set) var cells: [Cell]

    /// Negative sizes become 0.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        let cell = fill.width == 1 ? fill : .blank
        self.cells = Array(repeating: cell, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position; a blank cell outside the grid. Usage: `grid[x: 3, y: 1]`.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// The cell at column `x`, row `y` (same as `grid[x: x, y: y]`).
    public subscript(x: Int, y: Int) -> Cell {
        self[x: x, y: y]
    }

    // MARK: Writing text

    /// Writes text from column `x` on row `y`, clipped to the grid and to `maxWidth` columns.
    ///
    /// Clips between grapheme clusters: a character that does not fit whole is not written
    /// (a wide character at the last column leaves that column as it was). Control characters
    /// and bidi controls are skipped (`TextWidth.isUnsafe`). Returns the number of columns advanced.
    @discardableResult
    public mutating func put(text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        var limit = width
        if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
        var column = x
        var pending: [DisplayCell] = []
        for character in text {
            pending.removeAll(keepingCapacity: true)
            var clusterWidth = 0
            for scalar in character.unicodeScalars {
                let w = TextWidth.of(scalar)
                if w > 0 {
                    pending.append(DisplayCell(text: String(Character(scalar)), width: w))
                    clusterWidth += w
                } else if !TextWidth.isUnsafe(scalar), !pending.isEmpty {
                    pending[pending.count - 1].text.unicodeScalars.append(scalar)
                }
            }
            if clusterWidth == 0 { continue }
            if column + clusterWidth > limit { break }
            for cell in pending {
                if column >= 0 {
                    write(cell.text, width: cell.width, style: style, x: column, y: y)
                } else if column + cell.width > 0 {
                    // A wide character straddling the left edge: its visible half becomes a space.
                    write(" ", width: 1, style: style, x: 0, y: y)
                }
                column += cell.width
            }
        }
        return max(0, column - x)
    }

    /// Writes one character (with its marks) at a position; ignored when it does not fit.
    public mutating func put(character: Character, x: Int, y: Int, style: Style = .normal) {
        put(text: String(character), x: x, y: y, style: style, maxWidth: TextWidth.of(character))
    }

    // MARK: Areas

    /// Fills a rectangle (clipped to the grid) with a narrow character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cellWidth = TextWidth.of(character)
        let text = cellWidth == 1 ? String(character) : " "
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                write(text, width: 1, style: style, x: column, y: row)
            }
        }
    }

    /// Clears a rectangle to spaces.
    public mutating func clear(_ rect: Rect, style: Style = .normal) {
        fill(rect, with: " ", style: style)
    }

    /// Changes the style of every cell in a rectangle, keeping the text (a selection bar).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                change(&cells[row * width + column].style)
            }
        }
    }

    /// Sets the style of every cell in a rectangle.
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        restyle(rect) { $0 = style }
    }

    // MARK: Lines and boxes

    /// A horizontal line of `length` cells.
    public mutating func horizontalLine(x: Int, y: Int, length: Int, glyph: Character = "─", style: Style = .normal) {
        fill(Rect(x: x, y: y, width: length, height: 1), with: glyph, style: style)
    }

    /// A vertical line of `length` cells.
    public mutating func verticalLine(x: Int, y: Int, length: Int, glyph: Character = "│", style: Style = .normal) {
        fill(Rect(x: x, y: y, width: 1, height: length), with: glyph, style: style)
    }

    /// Draws a box on the edge of `rect`, with an optional title in the top border
    /// (truncated to fit). Needs at least 2×2; returns the inside.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, glyphs: BoxGlyphs = .light, style: Style = .normal,
                                 title: String? = nil, titleStyle: Style? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return .zero }
        horizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, glyph: glyphs.horizontal, style: style)
        horizontalLine(x: rect.x + 1, y: rect.maxY - 1, length: rect.width - 2, glyph: glyphs.horizontal, style: style)
        verticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, glyph: glyphs.vertical, style: style)
        verticalLine(x: rect.maxX - 1, y: rect.y + 1, length: rect.height - 2, glyph: glyphs.vertical, style: style)
        fill(Rect(x: rect.x, y: rect.y, width: 1, height: 1), with: glyphs.topLeft, style: style)
        fill(Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: 1), with: glyphs.topRight, style: style)
        fill(Rect(x: rect.x, y: rect.maxY - 1, width: 1, height: 1), with: glyphs.bottomLeft, style: style)
        fill(Rect(x: rect.maxX - 1, y: rect.maxY - 1, width: 1, height: 1), with: glyphs.bottomRight, style: style)
        if let title, !title.isEmpty, rect.width >= 5 {
            let room = rect.width - 4
            let shown = " " + TextWidth.truncate(title, toWidth: room - 2 >= 1 ? room - 2 : room) + " "
            put(text: shown, x: rect.x + 2, y: rect.y, style: titleStyle ?? style, maxWidth: room)
        }
        return rect.inset(by: 1)
    }

    // MARK: Reading back

    /// The grid as text, one string per row, trailing spaces removed: for snapshot tests
    /// and the `render` command.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line += cell.text }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous`, as runs per row. With no previous grid or a
    /// different size every row is one run (a full repaint).
    public func diff(from previous: CellGrid?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).compactMap { row in
                width == 0 ? nil : CellRun(x: 0, y: row, cells: Array(cells[(row * width)..<((row + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        for row in 0..<height {
            let base = row * width
            var column = 0
            while column < width {
                if cells[base + column] == previous.cells[base + column] {
                    column += 1
                    continue
                }
                var start = column
                // Never start on the right half of a wide character: include its left half.
                let covered = runs.last.map { $0.y == row && $0.x + $0.cells.count >= start } ?? false
                if start > 0, !covered,
                   cells[base + start].isContinuation || previous.cells[base + start].isContinuation {
                    start -= 1
                }
                var end = column + 1
                while end < width {
                    if cells[base + end] != previous.cells[base + end] {
                        end += 1
                    } else if cells[base + end - 1].width == 2 {
                        end += 1 // never end on the left half of a wide character
                    } else {
                        break
                    }
                }
                runs.append(CellRun(x: start, y: row, cells: Array(cells[(base + start)..<(base + end)])))
                column = end
            }
        }
        return runs
    }

    // MARK: The one place cells change

    /// Writes a cell (and the continuation of a wide one), blanking the other half of any
    /// wide character it partly covers. Callers guarantee the cell fits in the row.
    private mutating func write(_ text: String, width cellWidth: Int, style: Style, x: Int, y: Int) {
        guard x >= 0, x + cellWidth <= width, y >= 0, y < height else { return }
        let index = y * width + x
        breakWide(at: index, column: x)
        if cellWidth == 2 { breakWide(at: index + 1, column: x + 1) }
        cells[index] = Cell(text, width: cellWidth, style: style)
        if cellWidth == 2 { cells[index + 1] = .continuation(style) }
    }

    /// Before overwriting the cell at `index`: if it is half of a wide character, blank the
    /// other half so no orphan half remains.
    private mutating func breakWide(at index: Int, column: Int) {
        let cell = cells[index]
        if cell.isContinuation, column > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if cell.width == 2, column + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }
}
