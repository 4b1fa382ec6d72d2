/// A bar comparing an actual value with a required one (a competency: assessed 2, required 3).
///
/// `label ██████░░░┃░░ 2/3`: the filled part is the actual value, ┃ marks the requirement,
/// colour says met (good) or not (bad); the numbers keep it readable without colour.
public struct BarGauge: Sendable {
    public var label: String
    /// Columns for the label (nil: the label's own width, at most a third of the area).
    public var labelWidth: Int?
    public var actual: Double
    public var required: Double
    public var maximum: Double
    /// The text after the bar; nil gives "actual/required".
    public var valueText: String?
    public var glyphs: Glyphs

    public init(label: String, actual: Double, required: Double, maximum: Double,
                labelWidth: Int? = nil, valueText: String? = nil, glyphs: Glyphs = .unicode) {
        self.label = label
        self.actual = actual
        self.required = required
        self.maximum = maximum
        self.labelWidth = labelWidth
        self.valueText = valueText
        self.glyphs = glyphs
    }

    public var isMet: Bool { actual >= required }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        grid.clear(row)
        let value = valueText ?? "\(Self.number(actual))/\(Self.number(required))"
        let labelColumns = min(labelWidth ?? TextWidth.of(label), row.width / 3)
        let valueColumns = min(TextWidth.of(value), max(0, row.width - labelColumns - 2))
        let barColumns = row.width - labelColumns - valueColumns - (labelColumns > 0 ? 1 : 0) - (valueColumns > 0 ? 1 : 0)
        var x = row.x
        if labelColumns > 0 {
            grid.put(text: TextWidth.fit(label, toWidth: labelColumns, ellipsis: glyphs.ellipsis), x: x, y: row.y, maxWidth: labelColumns)
            x += labelColumns + 1
        }
        if barColumns > 0 {
            let scale = maximum > 0 ? Double(barColumns) / maximum : 0
            let filled = min(barColumns, max(0, Int((actual * scale).rounded())))
            let mark = min(barColumns - 1, max(0, Int((required * scale).rounded()) - 1))
            let barStyle = isMet ? Style(fg: .good) : Style(fg: .bad)
            grid.fill(Rect(x: x, y: row.y, width: filled, height: 1), with: glyphs.gaugeFilled, style: barStyle)
            grid.fill(Rect(x: x + filled, y: row.y, width: barColumns - filled, height: 1), with: glyphs.gaugeEmpty, style: .muted)
            if required > 0 {
                grid.fill(Rect(x: x + mark, y: row.y, width: 1, height: 1), with: glyphs.gaugeRequired,
                          style: Style(fg: .warning, bold: true))
            }
            x += barColumns + 1
        }
        if valueColumns > 0 {
            grid.put(text: TextWidth.truncate(value, toWidth: valueColumns, ellipsis: glyphs.ellipsis), x: x, y: row.y,
                     style: isMet ? .good : .bad, maxWidth: valueColumns)
        }
    }

    /// "2" for whole numbers, "2.5" otherwise.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 10).rounded() / 10)
    }
}
