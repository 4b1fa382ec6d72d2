/// A one-line bar: text on the left, text on the right (right wins the space it needs,
/// up to half the bar; the left is truncated with "…").
public struct StatusLine: Sendable {
    public var left: String
    public var right: String
    public var style: Style
    public var glyphs: Glyphs

    public init(left: String, right: String = "", style: Style = .bar, glyphs: Glyphs = .unicode) {
        self.left = left
        self.right = right
        self.style = style
        self.glyphs = glyphs
    }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        grid.clear(row, style: style)
        let rightShown = TextWidth.truncate(right, toWidth: max(0, row.width / 2 - 1), ellipsis: glyphs.ellipsis)
        let rightWidth = TextWidth.of(rightShown)
        let leftRoom = row.width - 1 - (rightWidth > 0 ? rightWidth + 1 : 0)
        if leftRoom > 0 {
            grid.put(text: TextWidth.truncate(left, toWidth: leftRoom, ellipsis: glyphs.ellipsis),
                     x: row.x + 1, y: row.y, style: style, maxWidth: leftRoom)
        }
        if rightWidth > 0 {
            grid.put(text: rightShown, x: row.maxX - 1 - rightWidth, y: row.y, style: style)
        }
    }
}

/// One slot of the function-key bar: "1" + "Help".
public struct FunctionKeyLabel: Sendable, Hashable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// The bottom bar of mc and htop: `1Help  2Lang  … 10Quit`, the key number plain and the
/// label on a coloured (or reverse) background, slots of equal width across the row.
public struct FunctionKeyBar: Sendable {
    public var entries: [FunctionKeyLabel]
    public var keyStyle: Style
    public var labelStyle: Style
    public var glyphs: Glyphs

    public init(entries: [FunctionKeyLabel], keyStyle: Style = Style(bold: true),
                labelStyle: Style = Style(bg: .title), glyphs: Glyphs = .unicode) {
        self.entries = entries
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.glyphs = glyphs
    }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty, !entries.isEmpty else { return }
        let row = area.row(0)
        grid.clear(row)
        for (entry, slot) in zip(entries, Self.slots(in: row, count: entries.count)) where slot.width > 0 {
            let keyWidth = grid.put(text: entry.key, x: slot.x, y: slot.y, style: keyStyle, maxWidth: slot.width)
            let room = slot.width - keyWidth
            guard room > 0 else { continue }
            let label = TextWidth.fit(entry.label, toWidth: room, ellipsis: "")
            grid.put(text: label, x: slot.x + keyWidth, y: slot.y, style: labelStyle, maxWidth: room)
        }
    }

    /// The slot of each entry across `row` (what `render` draws in and a click is tested against).
    public static func slots(in row: Rect, count: Int) -> [Rect] {
        count > 0 ? row.columns(Array(repeating: .rest, count: count)) : []
    }

    /// The entry under column `x` of the bar's `area` (a click), if any.
    public func entry(at x: Int, in area: Rect) -> FunctionKeyLabel? {
        guard !area.isEmpty else { return nil }
        let slots = Self.slots(in: area.row(0), count: entries.count)
        return zip(entries, slots).first { $0.1.width > 0 && x >= $0.1.x && x < $0.1.maxX }?.0
    }
}
