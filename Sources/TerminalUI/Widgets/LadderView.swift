/// One level of a career ladder as the ladder widget shows it.
public struct LadderRung: Sendable, Hashable {
    public enum Mark: Sendable, Hashable {
        /// A level above, not reached.
        case open
        /// A level already held.
        case reached
        /// The level the person holds now.
        case current
        /// The level being aimed at.
        case target
    }

    public var label: String
    /// Right-aligned note: time in level, gap count, earliest date.
    public var detail: String
    public var mark: Mark

    public init(_ label: String, detail: String = "", mark: Mark = .open) {
        self.label = label
        self.detail = detail
        self.mark = mark
    }
}

/// A career ladder drawn top (highest level) to bottom, with a marker for the current level
/// and the target, a rail between rungs when there is room, and an optional selection.
public struct LadderView: Sendable {
    /// Levels from the lowest to the highest.
    public var rungs: [LadderRung]
    public var selected: Int?
    public var highlight: Style
    public var glyphs: Glyphs

    public init(rungs: [LadderRung], selected: Int? = nil, highlight: Style = .selection, glyphs: Glyphs = .unicode) {
        self.rungs = rungs
        self.selected = selected
        self.highlight = highlight
        self.glyphs = glyphs
    }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty, !rungs.isEmpty else { return }
        grid.clear(area)
        let spaced = area.height >= rungs.count * 2 - 1
        let step = spaced ? 2 : 1
        // Highest level first; when rows run short, keep the top of the ladder in view
        // unless that would hide the current level.
        let order = Array(rungs.indices.reversed())
        let capacity = spaced ? (area.height + 1) / 2 : area.height
        var start = 0
        if order.count > capacity, let current = order.firstIndex(where: { rungs[$0].mark == .current }) {
            start = min(max(0, current - capacity + 1), order.count - capacity)
        }
        for (slot, index) in order.dropFirst(start).prefix(capacity).enumerated() {
            let rung = rungs[index]
            let y = area.y + slot * step
            var style: Style
            let marker: Character
            let node: Character
            switch rung.mark {
            case .current: marker = glyphs.ladderCurrent; node = glyphs.ladderReached; style = Style(fg: .accent, bold: true)
            case .target: marker = glyphs.ladderTarget; node = glyphs.ladderOpen; style = Style(fg: .warning, bold: true)
            case .reached: marker = " "; node = glyphs.ladderReached; style = .normal
            case .open: marker = " "; node = glyphs.ladderOpen; style = .muted
            }
            if selected == index {
                style.bg = highlight.bg
                style.reverse = highlight.reverse
                grid.fill(area.row(y - area.y), style: style)
            }
            grid.put(text: "\(marker) \(node) ", x: area.x, y: y, style: style, maxWidth: area.width)
            let room = area.width - 4
            guard room > 0 else { continue }
            let detailWidth = rung.detail.isEmpty ? 0 : min(TextWidth.of(rung.detail), max(0, room / 2))
            let labelRoom = room - (detailWidth > 0 ? detailWidth + 1 : 0)
            grid.put(text: TextWidth.truncate(rung.label, toWidth: labelRoom, ellipsis: glyphs.ellipsis),
                     x: area.x + 4, y: y, style: style, maxWidth: labelRoom)
            if detailWidth > 0 {
                let detail = TextWidth.truncate(rung.detail, toWidth: detailWidth, ellipsis: glyphs.ellipsis)
                grid.put(text: detail, x: area.maxX - TextWidth.of(detail), y: y, style: style)
            }
            if spaced, slot < capacity - 1, slot + start < order.count - 1 {
                grid.put(character: glyphs.ladderRail, x: area.x + 2, y: y + 1, style: .muted)
            }
        }
    }
}
