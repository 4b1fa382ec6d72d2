/// A row of tabs; the selected one highlighted. Titles shrink (with "…") when the row is short.
public struct TabsView: Sendable {
    public var titles: [String]
    public var selected: Int
    public var selectedStyle: Style
    public var style: Style
    public var glyphs: Glyphs

    public init(titles: [String], selected: Int, selectedStyle: Style = Style(bg: .selection, bold: true),
                style: Style = .normal, glyphs: Glyphs = .unicode) {
        self.titles = titles
        self.selected = selected
        self.selectedStyle = selectedStyle
        self.style = style
        self.glyphs = glyphs
    }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty, !titles.isEmpty else { return }
        let row = area.row(0)
        grid.clear(row, style: style)
        // Each tab is " title " plus a separator; shrink titles evenly when they do not fit.
        let natural = titles.reduce(0) { $0 + TextWidth.of($1) + 3 } - 1
        let perTitle = natural <= row.width ? Int.max : max(1, (row.width + 1) / titles.count - 3)
        var x = row.x
        for (i, title) in titles.enumerated() {
            if i > 0 {
                x += grid.put(text: String(glyphs.tabSeparator), x: x, y: row.y, style: Style(fg: .muted), maxWidth: row.maxX - x)
            }
            let shown = " " + TextWidth.truncate(title, toWidth: perTitle, ellipsis: glyphs.ellipsis) + " "
            x += grid.put(text: shown, x: x, y: row.y, style: i == selected ? selectedStyle : style, maxWidth: row.maxX - x)
            if x >= row.maxX { break }
        }
    }
}
