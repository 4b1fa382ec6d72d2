import CareerCatalog
import CareerEngine
import TerminalUI

/// Me: the record (name, line, level, unit, time in level, education; then the competency
/// assessments, courses and earlier levels, as `careerpath person` prints them) and a text Gantt
/// of assignments by work field and year.
enum MeView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let parts = state.meParts
        let focused = state.focusedPane
        // The self-assessment form (`e`) takes the body: the record's levels, counted and self, are in it.
        if case .assess(let form)? = state.modal, let session = state.session {
            let inner = drawPane(&grid, layout.body, title: Str.paneSelfAssessment.text(language), focused: true, glyphs: state.glyphs)
            AssessmentView.render(state, form, session, inner, &grid)
            return
        }
        let profile = drawPane(&grid, parts[0], title: Str.paneProfile.text(language), focused: focused == 0 && state.modal == nil, glyphs: state.glyphs)
        let timeline = drawPane(&grid, parts[1], title: Str.paneTimeline.text(language), focused: focused == 1 && state.modal == nil, glyphs: state.glyphs)
        guard let session = state.session else {
            drawCentered(&grid, Str.noPerson.text(language), in: profile)
            return
        }
        drawLines(&grid, MeText.profileLines(session, state), profile, offset: session.profileOffset, glyphs: state.glyphs)
        renderTimeline(session, state, timeline, &grid)
    }

}

/// The Me profile pane's text: drawn by `MeView`, and counted by `update` for the pane's scroll
/// limit (the same function for both, so they cannot disagree; no view is called from `update`).
enum MeText {
    static func profileLines(_ session: PersonSession, _ state: AppState) -> [StyledLine] {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language)
        let p = session.person
        let months = p.levelSince.wholeMonths(until: state.today)
        let inLevel = Str.yearsMonths.format(language, String(months / 12), String(months % 12))
        let other = p.otherName(language)
        let supervisor = p.supervisorID.map { id in
            session.context.supervisorChain.first { $0.id == id }?.name(language) ?? id
        }
        let rows: [(Str, String)] = [
            (.name, p.name(language) + (other.isEmpty ? "" : " (\(other))")),
            (.personID, p.id),
            (.jobLine, d.lineName(p.jobLine)),
            (.level, d.levelLabel(p.level)),
            (.unit, d.unitName(p.unit)),
            (.inLevelSince, "\(d.date(p.levelSince)) · \(inLevel)"),
            (.serviceSince, d.date(p.serviceStart)),
            (.education, d.educationName(p.education)),
            (.supervisor, supervisor ?? Str.none.text(language)),
        ]
        let labelWidth = rows.map { TextWidth.of($0.0.text(language)) }.max() ?? 0
        return rows.map { StyledLine(TextWidth.pad($0.0.text(language), toWidth: labelWidth) + "  " + $0.1) }
            + recordLines(session.record, state)
    }

    /// The assessments (per competency the latest supervisor or panel level, which is what counts,
    /// and a later self-assessment marked as not counting), completed courses, and earlier levels
    /// with their periods: names, not ids; dates B.E. in Thai.
    static func recordLines(_ record: PersonRecord, _ state: AppState) -> [StyledLine] {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language)
        let heading = Style(fg: .title, bold: true)
        var out: [StyledLine] = []
        let assessed = record.assessments.filter { $0.assessedOn <= state.today }
        out += [StyledLine(""), StyledLine(Str.meAssessments.format(language, String(Set(assessed.map(\.competency)).count)), heading)]
        if assessed.isEmpty { out.append(StyledLine("  " + Str.meNone.text(language), .muted)) }
        // Catalog order (core competencies first), then any the catalog does not know.
        let order = state.catalog.dictionaries.flatMap { $0.competencies.map(\.id) }
        let known = Set(order)
        let competencies = order.filter { id in assessed.contains { $0.competency == id } }
            + Array(Set(assessed.map(\.competency)).subtracting(known)).sorted()
        let names = competencies.map(d.competencyName)
        let nameWidth = min(40, names.map(TextWidth.of).max() ?? 0)
        for (id, name) in zip(competencies, names) {
            let counting = record.latestAssessment(of: id, on: state.today)
            let latestSelf = record.latestAssessment(of: id, on: state.today, counted: false)
            let label = "  " + TextWidth.fit(name, toWidth: nameWidth, ellipsis: state.glyphs.ellipsis) + "  "
            let when: (Assessment) -> String = { TextWidth.pad(d.date($0.assessedOn), toWidth: 12) }
            if let a = counting {
                out.append(StyledLine(label + "\(a.level)  \(when(a))  \(d.assessorName(a.assessor))"))
            }
            if let a = latestSelf {
                let lead = counting == nil ? label : "  " + String(repeating: " ", count: nameWidth) + "  "
                out.append(StyledLine(lead + "\(a.level)  \(when(a))  \(d.assessorName(a.assessor)) · "
                                      + Str.assessmentNotCounted.text(language), .muted))
            }
        }
        let courses = record.trainings.sorted { $0.completedOn < $1.completedOn }
        out += [StyledLine(""), StyledLine(Str.meCourses.format(language, String(courses.count)), heading)]
        if courses.isEmpty { out.append(StyledLine("  " + Str.meNone.text(language), .muted)) }
        for c in courses { out.append(StyledLine("  \(d.date(c.completedOn))  \(d.courseName(c.course))")) }
        let levels = record.levelHistory.sorted { $0.start < $1.start }
        out += [StyledLine(""), StyledLine(Str.meEarlierLevels.format(language, String(levels.count)), heading)]
        if levels.isEmpty { out.append(StyledLine("  " + Str.meNone.text(language), .muted)) }
        for l in levels {
            let period = "\(d.date(l.start)) – \(l.end.map { d.date($0) } ?? Str.ongoing.text(language))"
            out.append(StyledLine("  \(period)  \(d.lineName(l.jobLine)) \(d.levelLabel(l.level))"))
        }
        return out
    }
}

extension MeView {
    static func renderTimeline(_ session: PersonSession, _ state: AppState, _ area: Rect, _ grid: inout CellGrid) {
        guard area.height >= 3, area.width >= 10 else { return }
        let language = state.language
        let model = TimelineModel(record: session.record, catalog: state.catalog, today: state.today)
        guard !model.fields.isEmpty else {
            drawCentered(&grid, Str.timelineEmpty.text(language), in: area)
            return
        }
        let d = Describe(catalog: state.catalog, language: language)
        let labelWidth = min(max(12, area.width / 3), 30)
        let cellWidth = 3
        let yearsShown = max(1, min(model.years.count, (area.width - labelWidth - 1) / cellWidth))
        let years = Array(model.years.suffix(yearsShown))
        let x0 = area.x + labelWidth + 1
        // Header: the years' last two digits (B.E. in Thai).
        put(&grid, Str.yearAxis.text(language), area.row(0), style: .muted, glyphs: state.glyphs)
        for (i, year) in years.enumerated() {
            let shown = DateLabels.year(year, language) % 100
            grid.put(text: (shown < 10 ? "0" : "") + String(shown), x: x0 + i * cellWidth, y: area.y, style: .muted)
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2)
        let first = max(0, min(session.timelineOffset, max(0, model.fields.count - body.height)))
        for (row, field) in model.fields.dropFirst(first).prefix(body.height).enumerated() {
            let y = body.y + row
            grid.put(text: TextWidth.fit(d.fieldName(field), toWidth: labelWidth, ellipsis: state.glyphs.ellipsis), x: area.x, y: y)
            for (i, year) in years.enumerated() {
                guard let mark = model.marks[field]?[year] else { continue }
                let glyph: Character
                let style: Style
                switch mark {
                case .regular: glyph = state.glyphs.gaugeFilled; style = Style(fg: .accent)
                case .acting: glyph = state.glyphs == .ascii ? "=" : "▓"; style = Style(fg: .warning)
                case .taskForce: glyph = state.glyphs.gaugeEmpty; style = Style(fg: .muted)
                }
                grid.fill(Rect(x: x0 + i * cellWidth, y: y, width: cellWidth - 1, height: 1), with: glyph, style: style)
            }
        }
        let acting: Character = state.glyphs == .ascii ? "=" : "▓"
        let legend = "\(state.glyphs.gaugeFilled) \(Str.legendRegular.text(language))  \(acting) \(Str.legendActing.text(language))  \(state.glyphs.gaugeEmpty) \(Str.legendTaskForce.text(language))"
        put(&grid, legend, area.row(area.height - 1), style: .muted, glyphs: state.glyphs)
    }
}

/// Assignments by work field and year, for the Me screen's Gantt.
struct TimelineModel {
    enum Mark: Int, Comparable {
        case taskForce = 0, acting = 1, regular = 2
        static func < (a: Mark, b: Mark) -> Bool { a.rawValue < b.rawValue }
    }

    /// Work fields in order of first assignment.
    var fields: [String] = []
    /// Years (C.E.) from the first assignment to today.
    var years: [Int] = []
    /// The strongest role held in each field in each year.
    var marks: [String: [Int: Mark]] = [:]

    init(record: PersonRecord, catalog: Catalog, today: CivilDate? = nil) {
        let sorted = record.assignments.sorted { $0.start < $1.start }
        guard let firstYear = sorted.first?.start.year else { return }
        let lastYear = max(today?.year ?? firstYear, sorted.map { ($0.end ?? today ?? $0.start).year }.max() ?? firstYear)
        years = Array(firstYear...max(firstYear, lastYear))
        for a in sorted {
            let field = a.field ?? catalog.unitsByID[a.unit]?.workFields.first ?? a.unit
            if !fields.contains(field) { fields.append(field) }
            let mark: Mark = a.role == .acting ? .acting : a.role == .taskForce ? .taskForce : .regular
            let endYear = (a.end ?? today ?? a.start).year
            guard endYear >= a.start.year else { continue }
            for y in a.start.year...endYear {
                if let old = marks[field]?[y], old >= mark { continue }
                marks[field, default: [:]][y] = mark
            }
        }
    }
}
