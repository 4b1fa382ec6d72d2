import CareerCatalog
import CareerEngine
import TerminalUI

/// The competency assessment form (`AssessmentForm`), in the split pane (a supervisor's) and on Me
/// (the person's own, a self-assessment): the chosen competency with its required, counted and
/// self level, its history (self never counts), for one below its level the dictionary's
/// behavioural indicators of the next level and the methods that fit (the engine's, with where),
/// then every competency of the target, the level and note being typed, and the keys.
enum AssessmentView {
    static func render(_ state: AppState, _ form: AssessmentForm, _ session: PersonSession, _ area: Rect, _ grid: inout CellGrid) {
        let record = session.record
        let language = state.language
        let glyphs = state.glyphs
        guard area.height >= 3 else { return }
        // People by name (a coach is someone in the chain above).
        let d = Describe(catalog: state.catalog, language: language, people: session.context.supervisorChain)
        let title = form.assessor == .`self` ? Str.assessSelfTitle.format(language, d.date(state.today))
            : SupText.assessTitle.format(language, d.date(state.today))
        var lines = [StyledLine(title, Style(fg: .title, bold: true))]
        func standing(_ s: CompetencyStanding) -> String {
            SupText.assessStanding.format(language, String(s.required), s.counted.map(String.init) ?? "–")
                + (s.selfLevel.map { " · " + Str.assessSelfLevel.format(language, String($0)) } ?? "")
        }
        if let s = form.competency {
            lines.append(StyledLine(d.competencyName(s.competency) + " · " + standing(s), Style(fg: .accent, bold: true)))
            let history = record.assessments.filter { $0.competency == s.competency }.sorted { $0.assessedOn > $1.assessedOn }
            if !history.isEmpty {
                lines.append(StyledLine(SupText.assessHistory.text(language) + ": "
                    + history.prefix(4).map { "\($0.level) \(d.date($0.assessedOn)) \(d.assessorName($0.assessor))" }.joined(separator: " · "), .muted))
            }
            if s.below {
                // The engine's guidance for the gap first (one line: the methods that fit, then where),
                // then the dictionary's indicators of the next level.
                if let gap = form.guidance[s.competency], !gap.methods.isEmpty {
                    lines.append(StyledLine(Str.assessMethods.text(language) + " " + gap.methods.map(d.methodName).joined(separator: ", "),
                                            Style(fg: .accent)))
                    lines += gap.suggestions.prefix(2).map { StyledLine("  " + Str.assessWhere.text(language) + " " + d.suggestion($0), .muted) }
                }
                if let c = state.catalog.competenciesByID[s.competency],
                   let next = c.levels.first(where: { $0.level == min(5, (s.counted ?? 0) + 1) }) {
                    lines.append(StyledLine(SupText.assessIndicators.format(language, String(next.level)), Style(fg: .accent)))
                    lines += next.indicators.map { StyledLine("  • " + $0.text(language), .muted) }
                }
            }
        }
        for (i, s) in form.standings.enumerated() {
            let mark = i == form.index ? glyphs.selectionMarker : "  "
            let text = mark + d.competencyName(s.competency) + " · " + standing(s)
            lines.append(StyledLine(text, i == form.index ? Style(fg: .accent, bold: true) : s.below ? Style(fg: .warning) : .normal))
        }
        let body = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 2)
        drawLines(&grid, wrap(lines, width: body.width), body, offset: 0, glyphs: glyphs)
        InputField(label: SupText.assessNote.format(language, form.level.map(String.init) ?? "_"), state: form.note, focused: true,
                   placeholder: "", glyphs: glyphs).render(in: area.row(area.height - 2), grid: &grid)
        put(&grid, SupText.assessHint.text(language), area.row(area.height - 1), style: .muted, glyphs: glyphs)
    }
}
