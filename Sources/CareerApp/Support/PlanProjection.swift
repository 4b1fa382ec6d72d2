import CareerCatalog
import CareerEngine

/// Projects a plan made of the suggestions a person picked: each pick becomes a future
/// assignment, assessment or completed course on a copy of the record, and the engine analyses
/// that copy again; the date every gap closes is the plan's earliest-eligibility date.
///
/// Postings run one after another from the start; coaching, groups and self-study run alongside
/// from the start; courses one after another. A competency pick counts as assessed at the
/// required level when it ends. (The engine's `PlanBuilder` chooses its own steps; this is the
/// same check applied to the person's choice.)
struct PlanProjection {
    let analyzer: GapAnalyzer
    var catalog: Catalog { analyzer.catalog }

    /// Methods that are postings: one at a time.
    static let postingMethods: Set<String> = ["job-rotation", "acting-assignment", "job-assignment", "job-redesign", "professional-organization"]

    func project(_ record: PersonRecord, target: Target, report: GapReport, picks: [PlanPick],
                 start: CivilDate, context: OrganizationContext) -> DevelopmentPlan {
        var planned = record
        var steps: [PlanStep] = []
        var postingCursor = start
        var courseCursor = start
        let gapsByID = Dictionary(report.gaps.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A course picked for several gaps runs once: later picks reuse its dates.
        var scheduledCourses: [String: (start: CivilDate, end: CivilDate)] = [:]

        // The same method in the same place picked for several gaps is one step (one acting
        // stint serves management and leadership alike): later picks join the first one.
        var runs: [String: Int] = [:]
        for pick in picks {
            guard let gap = gapsByID[pick.gapID] else { continue }
            let s = pick.suggestion
            let runKey = "\(s.method)|\(s.place)"
            if let existing = runs[runKey] {
                steps[existing].closes.append(gap.id)
                if case .competency(let competency, let required, _, _) = gap.requirement {
                    planned.assessments.append(Assessment(competency: competency, level: required, assessedOn: steps[existing].end, assessor: .supervisor))
                }
                continue
            }
            let months = max(1, s.months)
            var from = start
            var field: String?
            switch s.place {
            case .unit(let unit):
                from = postingCursor
                field = postingField(gap: gap, unit: unit)
                let role: AssignmentRole = s.method == "acting-assignment" ? .acting : s.method == "job-assignment" ? .regular : .rotation
                let end = from.adding(months: months).adding(days: -1)
                planned.assignments.append(Assignment(unit: unit, field: field, role: role, start: from, end: end))
                postingCursor = end.adding(days: 1)
            case .actingPost(_, let unit, _):
                from = postingCursor
                let end = from.adding(months: months).adding(days: -1)
                planned.assignments.append(Assignment(unit: unit, field: nil, role: .acting, start: from, end: end))
                postingCursor = end.adding(days: 1)
            case .workingGroup(let id):
                if let group = catalog.workingGroupsByID[id] {
                    let end = from.adding(months: months).adding(days: -1)
                    planned.assignments.append(Assignment(unit: group.unit, field: group.workFields.first, role: .taskForce, start: from, end: end))
                    field = group.workFields.first
                }
            case .course(let course):
                if let run = scheduledCourses[course] {
                    from = run.start
                } else {
                    from = courseCursor
                    for c in coursesWithPrerequisites(course, record: planned) where scheduledCourses[c] == nil {
                        let length = max(1, catalog.coursesByID[c]?.durationMonths ?? months)
                        let end = courseCursor.adding(months: length).adding(days: -1)
                        planned.trainings.append(CompletedTraining(course: c, completedOn: end))
                        scheduledCourses[c] = (courseCursor, end)
                        courseCursor = end.adding(days: 1)
                    }
                }
            case .none where Self.postingMethods.contains(s.method) && gap.kind == .experience:
                from = postingCursor
                field = postingField(gap: gap, unit: record.person.unit)
                let end = from.adding(months: months).adding(days: -1)
                planned.assignments.append(Assignment(unit: record.person.unit, field: field, role: .regular, start: from, end: end))
                postingCursor = end.adding(days: 1)
            case .coach, .jobLine, .none:
                break
            }
            let end: CivilDate
            if case .course(let c) = s.place, let run = scheduledCourses[c] { end = run.end } else { end = from.adding(months: months).adding(days: -1) }
            if case .competency(let competency, let required, _, _) = gap.requirement {
                planned.assessments.append(Assessment(competency: competency, level: required, assessedOn: end, assessor: .supervisor))
            }
            runs[runKey] = steps.count
            steps.append(PlanStep(method: s.method, place: s.place, field: field, start: from, end: end,
                                  months: from.wholeMonths(until: end.adding(days: 1)), closes: [gap.id]))
        }

        let after = analyzer.analyze(planned, target: target, on: start, context: context, suggestions: false)
        let remaining = Dictionary(after.gaps.map { ($0.id, $0.metOn) }, uniquingKeysWith: { a, _ in a })
        for i in steps.indices {
            let closesBy = steps[i].end.adding(days: 1)
            steps[i].closes = steps[i].closes.filter { id in
                guard let met = remaining[id] else { return true }
                return met.map { $0 <= closesBy } ?? false
            }
        }
        steps.sort { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
        var eligibleOn = after.eligibleOnIfNothingChanges
        // Following a plan never waits longer than doing nothing.
        if let nothing = report.eligibleOnIfNothingChanges, eligibleOn.map({ nothing < $0 }) ?? true { eligibleOn = nothing }
        return DevelopmentPlan(person: record.person, target: target, start: start, report: report, steps: steps,
                               eligibleOn: eligibleOn, eligibleOnIfNothingChanges: report.eligibleOnIfNothingChanges)
    }

    /// The work field a posting counts toward for this gap.
    private func postingField(gap: Gap, unit: String) -> String? {
        guard case .experience(let e) = gap.requirement else { return nil }
        let unitFields = catalog.unitsByID[unit]?.workFields ?? []
        switch e.subject {
        case .field(let f): return f
        case .group(_, _, let fields): return fields.first { unitFields.contains($0) } ?? fields.first
        case .management: return "management"
        case .regional, .diverseExperience: return nil
        }
    }

    /// `course` preceded by its prerequisites not yet completed, prerequisites first.
    private func coursesWithPrerequisites(_ course: String, record: PersonRecord) -> [String] {
        var out: [String] = []
        var visiting: Set<String> = []
        func visit(_ c: String) {
            guard visiting.insert(c).inserted else { return }
            for p in catalog.coursesByID[c]?.prerequisites ?? [] where !record.trainings.contains(where: { $0.course == p }) { visit(p) }
            if !out.contains(c) { out.append(c) }
        }
        visit(course)
        return out
    }
}
