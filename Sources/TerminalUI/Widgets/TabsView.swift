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
        var x = row.x
        for (i, shown) in shownTitles(width: row.width).enumerated() {
            if i > 0 {
                x += grid.put(text: String(glyphs.tabSeparator), x: x, y: row.y, style: Style(fg: .muted), maxWidth: row.maxX - x)
            }
            x += grid.put(text: shown, x: x, y: row.y, style: i == selected ? selectedStyle : style, maxWidth: row.maxX - x)
            if x >= row.maxX { break }
        }
    }

    /// The tab under column `x` of `area` (a click), nil on a separator or past the last tab.
    /// The same arithmetic as `render`, so a click lands on the tab drawn there.
    public func tab(at x: Int, in area: Rect) -> Int? {
        guard !area.isEmpty, x >= area.x, x < area.maxX else { return nil }
        var left = area.x
        for (i, shown) in shownTitles(width: area.width).enumerated() {
            if i > 0 { left += TextWidth.of(String(glyphs.tabSeparator)) }
            let right = left + TextWidth.of(shown)
            if x >= left && x < right { return i }
            left = right
            if left >= area.maxX { break }
        }
        return nil
    }

    /// Each tab is " title " plus a separator; titles shrink evenly when they do not fit.
    private func shownTitles(width: Int) -> [String] {
        let natural = titles.reduce(0) { $0 + TextWidth.of($1) + 3 } - 1
        let perTitle = natural <= width ? Int.max : max(1, (width + 1) / titles.count - 3)
        return titles.map { " " + TextWidth.truncate($0, toWidth: perTitle, ellipsis: glyphs.ellipsis) + " " }
    }
}
