import CareerCatalog
import CareerEngine
import TerminalUI

/// Gaps for the chosen target: grouped by kind, required vs actual, competencies as bar gauges,
/// and for the selected gap the methods that fit and the concrete places to carry them out.
enum GapsView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        render(state, session: state.session, in: layout.body, focusedPane: state.focusedPane, active: state.modal == nil, &grid)
    }

    /// The Gaps view of `session` in `area` (a summary, the list, and the detail when `showDetail`):
    /// the Gaps screen draws it over the body, supervisor mode in its right pane.
    static func render(_ state: AppState, session: PersonSession?, in area: Rect, focusedPane: Int, active: Bool,
                       showDetail: Bool = true, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let parts = area.rows([.fixed(2), .rest])
        let summary = parts[0]
        let columns = showDetail ? parts[1].columns([.ratio(11, 20), .rest]) : [parts[1]]
        let listInner = drawPane(&grid, columns[0], title: Str.paneGapList.text(language), focused: active && focusedPane == 0, glyphs: glyphs)
        if showDetail {
            drawPane(&grid, columns[1], title: Str.paneGapDetail.text(language), focused: active && focusedPane == 1, glyphs: glyphs)
        }
        guard let session else {
            drawCentered(&grid, Str.noPerson.text(language), in: listInner)
            return
        }
        guard let report = session.report else {
            put(&grid, Str.noTarget.text(language), summary.row(0), style: .title, glyphs: glyphs)
            drawCentered(&grid, Str.chooseTargetHint.text(language), in: listInner)
            return
        }
        renderSummary(state, session, report, summary, &grid)
        // An executive post's obligations after appointment, at the foot of the list (not gaps).
        let obligations = obligationLines(state, report.obligations, width: listInner.width)
        let room = listInner.height - session.gapRows.count - 1
        let footer = obligations.count <= room ? obligations.count : 0
        let list = Rect(x: listInner.x, y: listInner.y, width: listInner.width, height: listInner.height - footer)
        if footer > 0 {
            drawLines(&grid, obligations, Rect(x: listInner.x, y: listInner.maxY - footer, width: listInner.width, height: footer),
                      offset: 0, glyphs: glyphs)
        }
        if report.gaps.isEmpty {
            drawCentered(&grid, Str.noGaps.text(language), in: list, style: .good)
            return
        }
        renderList(state, session, report, list, focused: active && focusedPane == 0, &grid)
        if showDetail, let gap = session.selectedGap {
            let inner = columns[1].inset(by: 1)
            let split = inner.rows([.fixed(inner.height / 2), .fixed(1), .rest])
            renderDetail(state, session, gap, (split[0], split[1], split[2]), focused: active && focusedPane == 1, &grid)
        }
    }

    /// Two lines: the target, then the dates (if nothing changes, with the suggested plan).
    static func renderSummary(_ state: AppState, _ session: PersonSession, _ report: GapReport, _ area: Rect, _ grid: inout CellGrid) {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language)
        let glyphs = state.glyphs
        let title = d.fitting(area.width) { "\(Str.planTarget.text(language)): \($0.targetName(report.target))" }
        put(&grid, title, area.row(0), style: Style(fg: .title, bold: true), glyphs: glyphs)
        let dates: String
        if report.eligible {
            dates = Str.eligibleAlready.text(language)
        } else {
            let planned = d.dateOrNotInReach(session.suggestedPlan?.eligibleOn)
            dates = fitSegments([Str.planGapsCount.format(language, String(report.gaps.count)),
                                 "\(Str.ifNothingChanges.text(language)): \(d.dateOrNotInReach(report.eligibleOnIfNothingChanges))",
                                 "\(Str.withSuggestedPlan.text(language)): \(planned)"],
                                last: "\(Str.withPlanShort.text(language)): \(planned)", width: area.width)
        }
        put(&grid, dates, area.row(1), style: report.eligible ? .good : .normal, glyphs: glyphs)
    }

    static func renderList(_ state: AppState, _ session: PersonSession, _ report: GapReport, _ area: Rect, focused: Bool, _ grid: inout CellGrid) {
        let d = Describe(catalog: state.catalog, language: state.language)
        let rows = session.gapRows
        let glyphs = state.glyphs
        let counts = Dictionary(grouping: report.gaps, by: \.kind).mapValues(\.count)
        let pickedGaps = Set(session.picks.map(\.gapID))
        drawRows(&grid, area, count: rows.count, state: session.gapList, focused: focused, glyphs: glyphs) { index, rect, grid in
            let row = rows[index]
            if row.kind == .heading {
                put(&grid, "\(d.kindTitle(row.gapKind)) (\(counts[row.gapKind] ?? 0))", rect, style: Style(fg: .title, bold: true), glyphs: glyphs)
                return
            }
            let gap = report.gaps[row.gap]
            let rowStyle = Style(fg: gap.metOn == nil ? .bad : .warning)
            let mark = pickedGaps.contains(gap.id) ? (glyphs == .ascii ? "* " : "✓ ") : "  "
            let x = put(&grid, mark, rect, style: Style(fg: .good, bold: true), glyphs: glyphs)
            let rest = Rect(x: rect.x + x, y: rect.y, width: rect.width - x, height: 1)
            let confirmMark = restsOnDefault(session, gap) ? " " + Str.toConfirmMark.text(state.language) : ""
            if case .competency = gap.requirement {
                // Every bar the same length (the value column as wide as the widest value), so the
                // required level's mark stands at the same place on "never assessed" rows too.
                let values = report.gaps.compactMap { competencyValue($0, state.language, room: rest.width / 3) }
                let valueWidth = values.map(TextWidth.of).max() ?? 0
                let value = TextWidth.pad(competencyValue(gap, state.language, room: rest.width / 3) ?? "", toWidth: valueWidth, alignment: .trailing)
                let (required, actual, assessed) = competencyNumbers(gap)
                let labelWidth = rest.width * 2 / 5
                // BarGauge gives its label at most a third of the row.
                BarGauge(label: marked(d.gapTitle(gap), confirmMark, width: min(labelWidth, rest.width / 3), glyphs: glyphs), actual: Double(assessed ? actual : 0),
                         required: Double(required), maximum: 5,
                         labelWidth: labelWidth, valueText: value, glyphs: glyphs).render(in: rest, grid: &grid)
                return
            }
            let standing = d.gapStanding(gap)
            let standingWidth = min(TextWidth.of(standing), rest.width / 2)
            let titleRoom = rest.width - standingWidth - 1
            let title = marked(d.gapTitle(gap), confirmMark, width: titleRoom, glyphs: glyphs)
            put(&grid, title, Rect(x: rest.x, y: rest.y, width: max(0, titleRoom), height: 1), style: rowStyle, glyphs: glyphs)
            let shown = TextWidth.truncate(standing, toWidth: standingWidth, ellipsis: glyphs.ellipsis)
            grid.put(text: shown, x: rest.maxX - TextWidth.of(shown), y: rest.y, style: rowStyle)
        }
    }

    static func renderDetail(_ state: AppState, _ session: PersonSession, _ gap: Gap, _ parts: (text: Rect, heading: Rect, list: Rect),
                             focused: Bool, _ grid: inout CellGrid) {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language, people: session.context.supervisorChain)
        let glyphs = state.glyphs
        var text: [StyledLine] = [StyledLine(d.gapTitle(gap), Style(fg: .title, bold: true))]
        if restsOnDefault(session, gap) {
            text.append(StyledLine(Str.toConfirmMark.text(language) + " " + Str.toConfirm.text(language), Style(fg: .warning)))
        }
        text += d.gapDetail(gap).map { StyledLine($0) }
        if !gap.methods.isEmpty {
            text.append(StyledLine(Str.methodsThatFit.text(language) + ": " + gap.methods.map(d.methodName).joined(separator: ", "), Style(fg: .accent)))
        }
        drawLines(&grid, wrap(text, width: parts.text.width), parts.text, offset: 0, glyphs: glyphs)
        guard !gap.suggestions.isEmpty else { return }
        put(&grid, Str.whereToDoIt.text(language), parts.heading, style: Style(fg: .title, bold: true), glyphs: glyphs)
        drawRows(&grid, parts.list, count: gap.suggestions.count, state: session.gapDetail, focused: focused, glyphs: glyphs) { i, rect, grid in
            let s = gap.suggestions[i]
            let box = session.isPicked(gap, s) ? "[x] " : "[ ] "
            put(&grid, box + d.fitting(rect.width - TextWidth.of(box)) { $0.suggestion(s) }, rect, glyphs: glyphs)
        }
    }

    /// A competency gap's value beside its bar: "3/4", or "never assessed /4" ("–/4" when that
    /// would take more than `room` columns); nil for other gaps.
    static func competencyValue(_ gap: Gap, _ language: Language, room: Int) -> String? {
        guard case .competency(_, let required, let actual, let assessed) = gap.requirement else { return nil }
        if assessed { return "\(actual)/\(required)" }
        let long = "\(Str.neverAssessed.text(language)) /\(required)"
        return TextWidth.of(long) <= room ? long : "–/\(required)"
    }

    static func competencyNumbers(_ gap: Gap) -> (required: Int, actual: Int, assessed: Bool) {
        guard case .competency(_, let required, let actual, let assessed) = gap.requirement else { return (0, 0, false) }
        return (required, actual, assessed)
    }

    /// True when the gap of the session's report rests on a value still to be confirmed.
    static func restsOnDefault(_ session: PersonSession, _ gap: Gap) -> Bool {
        guard let i = session.report?.gaps.firstIndex(where: { $0.id == gap.id }), i < session.toConfirm.count else { return false }
        return session.toConfirm[i]
    }

    /// "After appointment" and each obligation with its source, wrapped to `width`.
    static func obligationLines(_ state: AppState, _ obligations: [PostObligation], width: Int) -> [StyledLine] {
        let d = Describe(catalog: state.catalog, language: state.language)
        return wrap(WhyText.styled(d.obligations(obligations), language: state.language), width: width)
    }

    /// Segments joined with " · ", the first ones dropped until the rest fit in `width` (a date is
    /// never cut: the last segment, the one that matters most, is kept whole, in `last`'s shorter
    /// wording when even it alone does not fit).
    static func fitSegments(_ segments: [String], last: String, width: Int) -> String {
        var kept = segments[...]
        while kept.count > 1, TextWidth.of(kept.joined(separator: " · ")) > width { kept = kept.dropFirst() }
        let line = kept.joined(separator: " · ")
        return TextWidth.of(line) > width && kept.count == 1 ? last : line
    }

    /// `title` with the to-confirm mark kept in view: the title is shortened, never the mark.
    static func marked(_ title: String, _ mark: String, width: Int, glyphs: Glyphs) -> String {
        guard !mark.isEmpty else { return title }
        return TextWidth.truncate(title, toWidth: max(0, width - TextWidth.of(mark)), ellipsis: glyphs.ellipsis) + mark
    }
}
