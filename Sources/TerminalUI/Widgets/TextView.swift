/// Wrapped, scrollable text (Thai wrapped at word boundaries through `LineBreaker`).
public struct TextView: Sendable {
    public var text: String
    public var style: Style
    /// The first wrapped line shown.
    public var offset: Int
    public var alignment: TextAlignment
    public var breaker: LineBreaker

    public init(_ text: String, style: Style = .normal, offset: Int = 0, alignment: TextAlignment = .leading,
                breaker: LineBreaker = LineBreaker()) {
        self.text = text
        self.style = style
        self.offset = offset
        self.alignment = alignment
        self.breaker = breaker
    }

    /// The wrapped lines for a width (to size a pane or bound the scroll offset).
    public func lines(width: Int) -> [String] {
        breaker.wrap(text, width: width)
    }

    /// Draws the lines from `offset`; returns the total number of wrapped lines.
    @discardableResult
    public func render(in area: Rect, grid: inout CellGrid) -> Int {
        guard !area.isEmpty else { return 0 }
        grid.clear(area)
        let wrapped = lines(width: area.width)
        let first = min(max(0, offset), max(0, wrapped.count - 1))
        for (row, line) in wrapped.dropFirst(first).prefix(area.height).enumerated() {
            let shown = alignment == .leading ? line : TextWidth.pad(line, toWidth: area.width, alignment: alignment)
            grid.put(text: shown, x: area.x, y: area.y + row, style: style, maxWidth: area.width)
        }
        return wrapped.count
    }
}
