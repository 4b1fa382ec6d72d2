/// Selection and scroll position of a list or table; kept in the app state.
public struct ListState: Sendable, Hashable {
    /// The selected row, or nil when nothing is selected (an empty list).
    public var selected: Int?
    /// The first row shown.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Selects `index` clamped to `0..<count` (nil when the list is empty).
    public mutating func select(_ index: Int, count: Int) {
        selected = count > 0 ? min(max(0, index), count - 1) : nil
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    public mutating func move(by delta: Int, count: Int) {
        select((selected ?? 0) + delta, count: count)
    }

    public mutating func selectFirst(count: Int) { select(0, count: count) }
    public mutating func selectLast(count: Int) { select(count - 1, count: count) }

    /// The offset to draw with so that the selected row is inside `rows` visible rows and the
    /// view does not scroll past the end. Pure: the widgets call it while rendering.
    public func visibleOffset(rows: Int, count: Int) -> Int {
        guard rows > 0, count > 0 else { return 0 }
        var first = min(max(0, offset), max(0, count - rows))
        if let selected {
            if selected < first { first = selected }
            if selected >= first + rows { first = selected - rows + 1 }
        }
        return max(0, first)
    }

    /// The index drawn on row `row` (0 = the first visible row) of a list showing `rows` rows
    /// of `count` (a click), nil below the last entry.
    public func index(atRow row: Int, rows: Int, count: Int) -> Int? {
        guard row >= 0, row < rows else { return nil }
        let index = visibleOffset(rows: rows, count: count) + row
        return index < count ? index : nil
    }

    /// Stores `visibleOffset`, so the next move scrolls from what the user saw.
    public mutating func keepVisible(rows: Int, count: Int) {
        offset = visibleOffset(rows: rows, count: count)
    }
}

/// One row of a list: text, an optional right-aligned note (a count, a date) and a style.
public struct ListItem: Sendable, Hashable {
    public var text: String
    public var trailing: String
    public var style: Style

    public init(_ text: String, trailing: String = "", style: Style = .normal) {
        self.text = text
        self.trailing = trailing
        self.style = style
    }
}

/// A vertical list whose selection (a marker, or a bar with `highlightsRow`) always stays
/// visible; when the items do not fit, the last column shows ▲/▼ where more rows are hidden.
public struct ListView: Sendable {
    public var items: [ListItem]
    public var state: ListState
    /// The style of the selection marker (and of the whole row with `highlightsRow`).
    public var highlight: Style
    /// Whether the list has focus: an unfocused list marks its selection without the bar.
    public var focused: Bool
    public var glyphs: Glyphs
    /// Paint the selected row with `highlight` (true) or show only the marker (false).
    /// A painted bar costs bytes on every move: both rows are rewritten, about twice the
    /// row's UTF-8 (3 bytes per Thai character) plus ~60 bytes of escapes; the marker alone
    /// rewrites two cells.
    public var highlightsRow: Bool

    public init(items: [ListItem], state: ListState, highlight: Style = .selection,
                focused: Bool = true, glyphs: Glyphs = .unicode, highlightsRow: Bool = false) {
        self.items = items
        self.state = state
        self.highlight = highlight
        self.focused = focused
        self.glyphs = glyphs
        self.highlightsRow = highlightsRow
    }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty else { return }
        grid.clear(area)
        let overflow = items.count > area.height
        let textWidth = area.width - (overflow && area.width > 1 ? 1 : 0)
        let first = state.visibleOffset(rows: area.height, count: items.count)
        let markerWidth = TextWidth.of(glyphs.selectionMarker)
        for row in 0..<area.height {
            let index = first + row
            guard index < items.count else { break }
            let item = items[index]
            let y = area.y + row
            let isSelected = state.selected == index
            var style = item.style
            let painted = isSelected && focused && highlightsRow
            if painted {
                style.bg = highlight.bg
                style.bold = style.bold || highlight.bold
                style.reverse = highlight.reverse
                grid.fill(Rect(x: area.x, y: y, width: textWidth, height: 1), style: style)
            }
            let marker = isSelected ? glyphs.selectionMarker : String(repeating: " ", count: markerWidth)
            var x = area.x
            let markerStyle = painted || !isSelected ? style
                : focused ? Style(bg: highlight.bg, bold: true, reverse: highlight.reverse) : Style(fg: .accent, bold: true)
            x += grid.put(text: marker, x: x, y: y, style: markerStyle, maxWidth: textWidth)
            let room = area.x + textWidth - x
            let trailingWidth = item.trailing.isEmpty ? 0 : min(TextWidth.of(item.trailing), max(0, room - 2))
            let textRoom = room - (trailingWidth > 0 ? trailingWidth + 1 : 0)
            grid.put(text: TextWidth.truncate(item.text, toWidth: textRoom, ellipsis: glyphs.ellipsis),
                     x: x, y: y, style: style, maxWidth: textRoom)
            if trailingWidth > 0 {
                let trailing = TextWidth.truncate(item.trailing, toWidth: trailingWidth, ellipsis: glyphs.ellipsis)
                grid.put(text: trailing, x: area.x + textWidth - TextWidth.of(trailing), y: y, style: style)
            }
        }
        if overflow && area.width > 1 {
            let column = area.maxX - 1
            if first > 0 { grid.put(character: glyphs.scrollUp, x: column, y: area.y, style: .muted) }
            if first + area.height < items.count {
                grid.put(character: glyphs.scrollDown, x: column, y: area.maxY - 1, style: .muted)
            }
        }
    }
}
