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
        let rungs = line.levels.map { level -> LadderRung in
            let rank = state.catalog.levelsByID[level.level]?.rank ?? 0
            let mark: LadderRung.Mark
            if line.id == person.jobLine && level.level == person.level { mark = .current }
            else if level.level == targetLevel { mark = .target }
            else if line.type == state.catalog.levelsByID[person.level]?.type && rank < myRank { mark = .reached }
            else { mark = .open }
            return LadderRung("\(level.level) \(d.levelName(level.level))", mark: mark)
        }
        let columns = area.columns([.ratio(2, 5), .rest], spacing: 1)
        LadderView(rungs: rungs, selected: focused ? session.ladder.selected : nil, glyphs: state.glyphs)
            .render(in: columns[0], grid: &grid)
        guard let r = session.ladder.selected, r < line.levels.count else { return }
        drawLines(&grid, wrap(requirements(state, line.levels[r]), width: columns[1].width), columns[1], offset: 0, glyphs: state.glyphs)
    }

    /// What a level asks: duty, competencies, and the promotion rule into it.
    static func requirements(_ state: AppState, _ level: JobLineLevel) -> [StyledLine] {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language)
        var lines: [StyledLine] = [StyledLine(level.duty.text(language))]
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
