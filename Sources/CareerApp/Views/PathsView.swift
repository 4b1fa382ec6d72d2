import CareerCatalog
import CareerEngine
import TerminalUI

/// Paths: the 26 job lines, the ladder of the browsed line with each level's requirements, and
/// every target reachable next with its gap count and earliest-eligibility date.
enum PathsView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let active = state.modal == nil
        let focus = PathsPane(rawValue: state.focusedPane) ?? .targets
        let linesInner = drawPane(&grid, layout.pathsLines, title: Str.paneLines.text(language), focused: active && focus == .lines, glyphs: glyphs)
        guard let session = state.session else {
            drawPane(&grid, layout.pathsLadder, title: Str.paneLadder.text(language), focused: false, glyphs: glyphs)
            let inner = drawPane(&grid, layout.pathsTargets, title: Str.paneTargets.text(language), focused: false, glyphs: glyphs)
            drawCentered(&grid, Str.noPerson.text(language), in: inner)
            renderLines(state, nil, linesInner, focused: false, &grid)
            return
        }
        renderLines(state, session, linesInner, focused: active && focus == .lines, &grid)
        let line = session.browsedLine(state.catalog)
        let ladderTitle = Str.paneLadder.text(language) + (line.map { ": " + $0.name.text(language) } ?? "")
        let ladderInner = drawPane(&grid, layout.pathsLadder, title: ladderTitle, focused: active && focus == .ladder, glyphs: glyphs)
        if let line { renderLadder(state, session, line, ladderInner, focused: active && focus == .ladder, &grid) }
        let targetsInner = drawPane(&grid, layout.pathsTargets, title: Str.paneTargets.text(language), focused: active && focus == .targets, glyphs: glyphs)
        renderTargets(state, session, targetsInner, focused: active && focus == .targets, &grid)
    }

    static func renderLines(_ state: AppState, _ session: PersonSession?, _ area: Rect, focused: Bool, _ grid: inout CellGrid) {
        let mine = session?.person.jobLine
        let items = state.catalog.jobLines.map { line in
            ListItem(line.name.text(state.language), trailing: line.id == mine ? String(state.glyphs.ladderCurrent) : "",
                     style: line.id == mine ? Style(fg: .accent) : .normal)
        }
        ListView(items: items, state: session?.lines ?? ListState(selected: nil), focused: focused, glyphs: state.glyphs)
            .render(in: area, grid: &grid)
    }

    static func renderLadder(_ state: AppState, _ session: PersonSession, _ line: JobLine, _ area: Rect, focused: Bool, _ grid: inout CellGrid) {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language)
        let person = session.person
        let myRank = state.catalog.levelsByID[person.level]?.rank ?? 0
        let targetLevel: String? = {
            if case .jobLineLevel(let l, let level)? = session.target, l == line.id { return level }
            return nil
        }()
        let selected = session.ladder.selected
        let columns = area.columns([.ratio(2, 5), .rest], spacing: 1)
        // The cursor is always shown, since the detail describes that rung: a pointer on the
        // divider between ladder and detail (or at the rung's end when the ladder scrolls), and
        // the selection bar when the ladder has focus.
        let pointer: Character = state.glyphs == .ascii ? "<" : "◀"
        let row = selected.flatMap { ladderRow(of: $0, count: line.levels.count, height: columns[0].height) }
        let rungs = line.levels.enumerated().map { index, level -> LadderRung in
            let rank = state.catalog.levelsByID[level.level]?.rank ?? 0
            let mark: LadderRung.Mark
            if line.id == person.jobLine && level.level == person.level { mark = .current }
            else if level.level == targetLevel { mark = .target }
            else if line.type == state.catalog.levelsByID[person.level]?.type && rank < myRank { mark = .reached }
            else { mark = .open }
            let pointed = index == selected && row == nil
            return LadderRung("\(level.level) \(d.levelName(level.level))", detail: pointed ? String(pointer) : "", mark: mark)
        }
        LadderView(rungs: rungs, selected: selected, highlight: focused ? .selection : Style(), glyphs: state.glyphs)
            .render(in: columns[0], grid: &grid)
        guard let r = selected, r < line.levels.count else { return }
        let divider = columns[0].maxX
        for y in area.y..<area.maxY where divider < columns[1].x {
            grid.put(character: y == area.y + (row ?? -1) ? pointer : state.glyphs.box.vertical, x: divider, y: y,
                     style: y == area.y + (row ?? -1) ? Style(fg: .accent, bold: true) : .muted)
        }
        let text = Rect(x: columns[1].x + 1, y: columns[1].y, width: max(0, columns[1].width - 1), height: columns[1].height)
        let lines = wrap(requirements(state, line.levels[r]), width: text.width)
        // The detail starts on the row of the rung it describes when it fits from there, else as
        // low as it fits; its heading names the level either way.
        let top = max(0, min(row ?? 0, text.height - lines.count))
        let detail = Rect(x: text.x, y: text.y + top, width: text.width, height: text.height - top)
        drawLines(&grid, lines, detail, offset: 0, glyphs: state.glyphs)
    }

    /// The row (from the top of the ladder's area) where `LadderView` draws rung `index` of
    /// `count`, highest first, a rail between rungs when `height` has room; nil when the ladder
    /// scrolls (more rungs than rows).
    static func ladderRow(of index: Int, count: Int, height: Int) -> Int? {
        guard index >= 0, index < count, count <= height else { return nil }
        let step = height >= count * 2 - 1 ? 2 : 1
        return (count - 1 - index) * step
    }

    /// What a level asks: duty, competencies, and the promotion rule into it.
    static func requirements(_ state: AppState, _ level: JobLineLevel) -> [StyledLine] {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language)
        var lines: [StyledLine] = [StyledLine(d.levelLabel(level.level), .title), StyledLine(level.duty.text(language))]
        if let rule = state.catalog.rulesByLevel[level.level], !rule.alternatives.isEmpty {
            lines.append(StyledLine(Str.promotionRule.text(language), .title))
            for alt in rule.alternatives {
                var text = Str.ruleAlternative.format(language, alt.levels.joined(separator: "+"), String(alt.months))
                if let e = alt.minEducation { text += " · " + d.educationName(e) }
                lines.append(StyledLine(" " + text))
            }
        }
        if !level.competencies.isEmpty {
            lines.append(StyledLine(Str.requiredCompetencies.text(language), .title))
            for c in level.competencies { lines.append(StyledLine(" \(d.competencyName(c.competency)) \(c.level)")) }
        }
        return lines
    }

    static func renderTargets(_ state: AppState, _ session: PersonSession, _ area: Rect, focused: Bool, _ grid: inout CellGrid) {
        let language = state.language
        guard !session.paths.isEmpty else {
            drawCentered(&grid, Str.noTargets.text(language), in: area)
            return
        }
        let d = Describe(catalog: state.catalog, language: language)
        let columns = [
            TableColumn(Str.colTarget.text(language), width: .rest),
            TableColumn(Str.colRoute.text(language), width: .fixed(11)),
            TableColumn(Str.colGaps.text(language), width: .fixed(6), alignment: .trailing),
            TableColumn(Str.colEligible.text(language), width: .fixed(14)),
        ]
        let rows = session.paths.map { r -> TableRow in
            let date = r.eligible ? Str.eligibleNow.text(language) : d.date(r.eligibleOnWithPlan ?? r.eligibleOnIfNothingChanges)
            let style: Style = r.eligible ? .good : (r.eligibleOnWithPlan ?? r.eligibleOnIfNothingChanges) == nil ? .muted : .normal
            return TableRow([d.targetName(r.target), d.route(r), String(r.gapCount), date], style: style)
        }
        TableView(columns: columns, rows: rows, state: session.targets, focused: focused, glyphs: state.glyphs).render(in: area, grid: &grid)
    }
}
