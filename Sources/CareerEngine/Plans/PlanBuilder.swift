import CareerCatalog

/// Turns a gap report into a development plan: postings one after another (ordered by the director
/// framework's stages where it has them), with coaching, groups and courses alongside, and the date
/// the person becomes eligible by following it.
///
/// The plan is checked by the rules themselves: its steps are added to a copy of the record as
/// future assignments, assessments and completed courses, and the gaps are analysed again.
public struct PlanBuilder: Sendable {
    public let analyzer: GapAnalyzer
    var index: EngineIndex { analyzer.index }

    public init(catalog: Catalog) { analyzer = GapAnalyzer(catalog: catalog) }
    public init(analyzer: GapAnalyzer) { self.analyzer = analyzer }

    /// Methods that are postings: one at a time.
    static let postingMethods: Set<String> = ["job-rotation", "acting-assignment", "job-assignment", "job-redesign", "professional-organization"]

    /// The methods a next posting is taken from (the first such suggestion of a gap).
    static let nextPostingMethods: Set<String> = ["job-rotation", "acting-assignment", "job-assignment"]

    /// A plan for `record` toward `target`, starting on `start`.
    public func plan(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext = .none) -> DevelopmentPlan {
        plan(record, target: target, start: start, context: context, reportSuggestions: true)
    }

    /// `reportSuggestions == false`: the plan's `report` keeps its gaps without methods or suggestions
    /// (a ranking reads only the dates); steps and dates are the same.
    func plan(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext,
              reportSuggestions: Bool) -> DevelopmentPlan {
        // The target's requirements once: the plan checks them again after every step.
        let requirements = TargetRequirements(target: target, index: index)
        let report = analyzer.analyze(record, requirements, on: start, context: context, suggestions: reportSuggestions)
        let nothingChanges = report.eligibleOnIfNothingChanges
        var planned = record
        var steps: [(step: PlanStep, contributes: Set<String>)] = []
        let matcher = MethodMatcher(index: index)
        let stageOrder: [String: Int] = { if case .directorPost(let p) = target { return index.stageOrder[p] ?? [:] } else { return [:] } }()

        // Postings start once the experience the current posting is building at full speed has been
        // built: leaving earlier would undo what time alone closes. Slower accrual (a task force) is
        // not waited for; a posting will do it sooner.
        var cursor = start
        for gap in report.gaps {
            guard case .experience(let e) = gap.requirement, let met = gap.metOn, met > cursor else { continue }
            let needed: Int
            switch e.subject {
            case .diverseExperience: needed = start.adding(months: e.requiredMonths).dayNumber - start.dayNumber
            case .group: needed = daysNeeded(e.requiredMonths, e.fieldMonths.map(\.months).max() ?? 0)
            default: needed = daysNeeded(e.requiredMonths, e.actualMonths)
            }
            if met <= start.adding(days: needed) { cursor = met }
        }

        var attempts: [String: Int] = [:]
        for _ in 0..<24 {
            // Only the experience gaps' posting suggestions decide the next posting, and only until
            // one gives a posting: they are worked out one gap at a time, in stage order.
            let gaps = analyzer.requirementGaps(planned, requirements, on: start)
            let situation = MethodMatcher.Situation(gaps: gaps, record: planned, index: index)
            let record = planned
            guard let (gap, step, contributes) = nextPosting(gaps: gaps, record: planned, cursor: cursor, stageOrder: stageOrder, suggestions: {
                matcher.attach($0, record: record, context: context, situation: situation, scope: .postings, on: start).suggestions
            }) else { break }
            attempts[gap.id, default: 0] += 1
            if attempts[gap.id]! > 2 { break }
            planned.assignments.append(step.assignment)
            steps.append((step.step, contributes))
            cursor = step.step.end.adding(days: 1)
        }

        // Alongside: competencies (coaching, groups, courses) from the start; courses one after another.
        // Only competency gaps time alone does not close read their suggestions below.
        let afterPostings = GapReport(person: planned.person, target: target, on: start,
                                      gaps: matcher.attach(to: analyzer.requirementGaps(planned, requirements, on: start), record: planned,
                                                           context: context, cache: nil, scope: .openCompetencies, on: start))
        var courseCursor = start
        for gap in afterPostings.gaps where gap.metOn == nil {
            switch gap.requirement {
            case .competency(let competency, let required, _, _):
                let fallback = gap.methods.first.map { Suggestion(method: $0, place: .none, months: index.catalog.methodsByID[$0]?.typicalMonths ?? 6, fit: 0) }
                guard let s = gap.suggestions.first(where: { !Self.postingMethods.contains($0.method) }) ?? gap.suggestions.first ?? fallback else { continue }
                if case .course(let c) = s.place {
                    // The course and its prerequisites, one after another; the competency is assessed when it ends.
                    var assessedOn = start
                    for course in coursesWithPrerequisites(c, record: planned, on: start) {
                        if let done = planned.trainings.first(where: { $0.course == course && $0.completedOn >= start }) {
                            assessedOn = done.completedOn
                            if course == c { steps.append((PlanStep(method: "course", place: .course(c), field: nil, start: start, end: done.completedOn, months: 1, closes: []), [gap.id])) }
                            continue
                        }
                        let months = max(index.catalog.coursesByID[course]?.durationMonths ?? s.months, 1)
                        let from = max(courseCursor, index.admission(to: course, record: planned, on: start) ?? courseCursor)
                        let end = from.adding(months: months).adding(days: -1)
                        courseCursor = end.adding(days: 1)
                        planned.trainings.append(CompletedTraining(course: course, completedOn: end))
                        assessedOn = end
                        steps.append((PlanStep(method: "course", place: .course(course), field: nil, start: from, end: end,
                                               months: months, closes: []), course == c ? [gap.id] : ["training:" + course]))
                    }
                    planned.assessments.append(Assessment(competency: competency, level: required, assessedOn: assessedOn, assessor: .supervisor))
                    continue
                }
                let end = start.adding(months: max(s.months, 1)).adding(days: -1)
                planned.assessments.append(Assessment(competency: competency, level: required, assessedOn: end, assessor: .supervisor))
                steps.append((PlanStep(method: s.method, place: s.place, field: nil, start: start, end: end,
                                       months: max(s.months, 1), closes: []), [gap.id]))
            case .training(let course, _):
                // A course that will not admit the person (nbs2 for an M1 director) is not planned: the gap stays open.
                guard index.admission(to: course, record: planned, on: start) != nil else { continue }
                for c in coursesWithPrerequisites(course, record: planned, on: start) {
                    if let done = planned.trainings.first(where: { $0.course == c && $0.completedOn >= start }) {
                        // Already planned for a competency: that step closes this gap too (merged below).
                        steps.append((PlanStep(method: "course", place: .course(c), field: nil, start: start, end: done.completedOn,
                                               months: 1, closes: []), ["training:" + c]))
                        continue
                    }
                    let months = max(index.catalog.coursesByID[c]?.durationMonths ?? 1, 1)
                    let from = max(courseCursor, index.admission(to: c, record: planned, on: start) ?? courseCursor)
                    let end = from.adding(months: months).adding(days: -1)
                    courseCursor = end.adding(days: 1)
                    planned.trainings.append(CompletedTraining(course: c, completedOn: end))
                    steps.append((PlanStep(method: "course", place: .course(c), field: nil, start: from,
                                           end: end, months: months, closes: []), ["training:" + c]))
                }
            default: break
            }
        }

        // One course or one coaching period serves every competency it closes: merge identical steps.
        var merged: [(step: PlanStep, contributes: Set<String>)] = []
        for entry in steps {
            if let i = merged.firstIndex(where: { $0.step.method == entry.step.method && $0.step.place == entry.step.place
                && $0.step.field == nil && entry.step.field == nil && !Self.postingMethods.contains(entry.step.method) }) {
                merged[i].contributes.formUnion(entry.contributes)
            } else {
                merged.append(entry)
            }
        }
        steps = merged

        let final = analyzer.requirementGaps(planned, requirements, on: start)
        let finalMet: [String: CivilDate?] = Dictionary(final.map { ($0.id, $0.metOn) }, uniquingKeysWith: { a, _ in a })
        let openAtStart = Set(report.gaps.map(\.id))
        var finished: [PlanStep] = []
        for (step, contributes) in steps {
            var s = step
            let closesBy = s.end.adding(days: 1)
            s.closes = report.gaps.map(\.id).filter { id in
                guard contributes.contains(id), openAtStart.contains(id) else { return false }
                guard let met = finalMet[id] else { return true }   // no longer a gap at all
                return met.map { $0 <= closesBy } ?? false
            }
            finished.append(s)
        }
        finished.sort { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }

        var eligibleOn: CivilDate? = start
        for gap in final {
            guard let met = gap.metOn, let current = eligibleOn else { eligibleOn = nil; break }
            if met > current { eligibleOn = met }
        }
        // Following the plan never waits longer than doing nothing.
        if let e = eligibleOn, let n = nothingChanges, n < e { eligibleOn = n }
        if eligibleOn == nil, let n = nothingChanges { eligibleOn = n }
        return DevelopmentPlan(person: record.person, target: target, start: start, report: report, steps: finished,
                               eligibleOn: eligibleOn, eligibleOnIfNothingChanges: nothingChanges)
    }

    struct PlannedPosting { let step: PlanStep; let assignment: Assignment }

    /// The framework stage an experience gap belongs to (lower first); gaps outside the stages come after.
    func stage(of gap: Gap, _ order: [String: Int]) -> Int? {
        guard case .experience(let e) = gap.requirement else { return nil }
        switch e.subject {
        case .field(let f): return order[f]
        case .group(_, _, let fields): return fields.compactMap { order[$0] }.min()
        case .management: return order["management"]
        case .regional:
            let regionalUnits = index.regionalUnits.compactMap { order["unit:" + $0.id] }
            return (regionalUnits + [order["regional-operations"]].compactMap { $0 }).min()
        case .diverseExperience: return nil
        }
    }

    /// Weighted days still needed for `months` when `actual` months are counted.
    func daysNeeded(_ months: Int, _ actual: Double) -> Int {
        max(0, Int((Double(months) * index.daysPerMonth - actual * index.daysPerMonth - 1e-9).rounded(.up)))
    }

    /// The next posting: the first experience gap (in framework stage order) that a posting
    /// starting on `cursor` would close sooner than time alone. The posting is made long enough
    /// to close the other gaps it also serves (its field, regional service, "3 ต่าง").
    /// `suggestions`: a gap's posting suggestions, best first (asked for only as far as needed).
    func nextPosting(gaps: [Gap], record: PersonRecord, cursor: CivilDate, stageOrder: [String: Int],
                     suggestions: (Gap) -> [Suggestion] = { $0.suggestions }) -> (Gap, PlannedPosting, Set<String>)? {
        let ordered = gaps.enumerated().sorted { a, b in
            let x = stage(of: a.element, stageOrder) ?? Int.max, y = stage(of: b.element, stageOrder) ?? Int.max
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let minimumMonths = index.catalog.diverseExperience.minimumMonths
        for gap in ordered {
            guard case .experience(let e) = gap.requirement else { continue }
            guard let suggestion = suggestions(gap).first(where: { Self.nextPostingMethods.contains($0.method) })
            else { continue }
            let unit: String
            var role: AssignmentRole = .rotation
            switch suggestion.place {
            case .unit(let u): unit = u
            case .actingPost(_, let u, _): unit = u
            default: unit = record.person.unit
            }
            if suggestion.method == "acting-assignment" { role = .acting }
            if suggestion.method == "job-assignment" { role = .regular }
            let facts = index.units[unit]
            // The field the posting counts toward: the gap's own, else one another gap is missing.
            var field: String?
            switch e.subject {
            case .field(let f): field = f
            case .group(_, _, let fields):
                let months = Dictionary(e.fieldMonths.map { ($0.field, $0.months) }, uniquingKeysWith: max)
                field = fields.filter { facts?.fields.contains($0) ?? false }.max { (months[$0] ?? 0) < (months[$1] ?? 0) } ?? fields.first
            case .management:
                field = role == .acting ? nil : "management"
            case .regional, .diverseExperience:
                let missing = Set(gaps.compactMap { g -> [String]? in
                    guard case .experience(let x) = g.requirement else { return nil }
                    switch x.subject { case .field(let f): return [f]; case .group(_, _, let fs): return fs; default: return nil }
                }.flatMap { $0 })
                field = facts?.fields.first { missing.contains($0) }
            }
            let countedField = field ?? facts?.firstField
            let weight = index.weight(role)
            guard weight > 0 else { continue }
            var days = 1
            var contributes: Set<String> = [gap.id]
            for other in gaps {
                guard case .experience(let x) = other.requirement else { continue }
                var need: Int?
                switch x.subject {
                case .field(let f) where f == countedField: need = daysNeeded(x.requiredMonths, x.actualMonths)
                case .group(_, _, let fs) where countedField.map(fs.contains) ?? false:
                    let m = x.fieldMonths.first { $0.field == countedField }?.months ?? 0
                    need = daysNeeded(x.requiredMonths, m)
                case .management where role == .acting || countedField == "management": need = daysNeeded(x.requiredMonths, x.actualMonths)
                case .regional where facts?.regional == true: need = daysNeeded(x.requiredMonths, x.actualMonths)
                case .diverseExperience where unit != record.person.unit:
                    need = cursor.adding(months: minimumMonths).dayNumber - cursor.dayNumber
                default: break
                }
                if let need {
                    contributes.insert(other.id)
                    let calendar = x.subject == .diverseExperience ? need : Int((Double(need) / weight).rounded(.up))
                    days = max(days, calendar)
                }
            }
            let end = cursor.adding(days: days - 1)
            // Time alone closes it no later: no posting needed for this gap.
            if let met = gap.metOn, met <= end { continue }
            let months = Int((Double(days) / index.daysPerMonth).rounded(.up))
            let step = PlanStep(method: suggestion.method, place: suggestion.place, field: countedField,
                                start: cursor, end: end, months: months, closes: [], stage: stage(of: gap, stageOrder))
            let assignment = Assignment(unit: unit, field: field, role: role, start: cursor, end: end)
            return (gap, PlannedPosting(step: step, assignment: assignment), contributes)
        }
        return nil
    }

    /// `course` preceded by its prerequisites not yet completed, prerequisites first.
    func coursesWithPrerequisites(_ course: String, record: PersonRecord, on: CivilDate) -> [String] {
        var out: [String] = []
        var visiting: Set<String> = []
        func visit(_ c: String) {
            guard visiting.insert(c).inserted else { return }
            for p in index.catalog.coursesByID[c]?.prerequisites ?? [] where !record.trainings.contains(where: { $0.course == p }) { visit(p) }
            if !out.contains(c) { out.append(c) }
        }
        visit(course)
        return out
    }
}
