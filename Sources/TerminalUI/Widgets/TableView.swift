/// A table column: header, width (as in a layout split) and alignment.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: LayoutSize
    public var alignment: TextAlignment

    public init(_ title: String, width: LayoutSize, alignment: TextAlignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// A table row: one string per column and a style for the row.
public struct TableRow: Sendable, Hashable {
    public var cells: [String]
    public var style: Style

    public init(_ cells: [String], style: Style = .normal) {
        self.cells = cells
        self.style = style
    }
}

/// A table with a header row, columns aligned by display width (Thai marks take no column),
/// a selection marker in a gutter on the left and scrolling that keeps the selection visible.
///
/// The selection is a marker, not a painted bar: moving it rewrites two gutter cells (about 60
/// bytes to the terminal) where a bar rewrites both rows, several hundred bytes of Thai UTF-8.
/// `highlightsRow` brings the bar back for a table whose moves need not be cheap.
public struct TableView: Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var state: ListState
    public var headerStyle: Style
    public var highlight: Style
    public var focused: Bool
    /// Columns between columns.
    public var spacing: Int
    public var glyphs: Glyphs
    /// Paint the whole selected row with `highlight` as well as the marker.
    public var highlightsRow: Bool

    public init(columns: [TableColumn], rows: [TableRow], state: ListState = ListState(selected: nil),
                headerStyle: Style = Style(fg: .title, bold: true, underline: false), highlight: Style = .selection,
                focused: Bool = true, spacing: Int = 1, glyphs: Glyphs = .unicode, highlightsRow: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.state = state
        self.headerStyle = headerStyle
        self.highlight = highlight
        self.focused = focused
        self.spacing = spacing
        self.glyphs = glyphs
        self.highlightsRow = highlightsRow
    }

    /// Rows available for data in an area (the header takes one).
    public static func bodyRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// The cells of each column's text in `area`, as `render` lays them out: lets a view shorten
    /// what would be cut (a short unit name) before the table cuts it.
    public func columnRects(in area: Rect) -> [Rect] {
        let gutter = min(TextWidth.of(glyphs.selectionMarker), max(0, area.width - 1))
        let body = Rect(x: area.x + gutter, y: area.y, width: area.width - gutter, height: area.height)
        return body.row(0).columns(columns.map(\.width), spacing: spacing)
    }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty else { return }
        grid.clear(area)
        let gutter = min(TextWidth.of(glyphs.selectionMarker), max(0, area.width - 1))
        let cellRects = columnRects(in: area)
        drawRow(columns.map(\.title), y: area.y, style: headerStyle, cellRects: cellRects, grid: &grid)
        let bodyHeight = Self.bodyRows(in: area)
        let first = state.visibleOffset(rows: bodyHeight, count: rows.count)
        for line in 0..<bodyHeight {
            let index = first + line
            guard index < rows.count else { break }
            let y = area.y + 1 + line
            var style = rows[index].style
            let isSelected = state.selected == index
            if isSelected && focused && highlightsRow {
                style.bg = highlight.bg
                style.reverse = highlight.reverse
                style.bold = style.bold || highlight.bold
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            }
            if isSelected && gutter > 0 {
                let markerStyle = focused ? Style(bg: highlight.bg, bold: true, reverse: highlight.reverse) : Style(fg: .accent, bold: true)
                grid.put(text: glyphs.selectionMarker, x: area.x, y: y, style: markerStyle, maxWidth: gutter)
            }
            drawRow(rows[index].cells, y: y, style: style, cellRects: cellRects, grid: &grid)
        }
    }

    private func drawRow(_ texts: [String], y: Int, style: Style, cellRects: [Rect], grid: inout CellGrid) {
        for (i, rect) in cellRects.enumerated() where rect.width > 0 {
            let text = i < texts.count ? texts[i] : ""
            let shown = TextWidth.fit(text, toWidth: rect.width, alignment: columns[i].alignment, ellipsis: glyphs.ellipsis)
            grid.put(text: shown, x: rect.x, y: y, style: style, maxWidth: rect.width)
        }
    }
}
