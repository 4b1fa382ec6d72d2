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

    /// A plan for `record` toward `target`, starting on `start`.
    public func plan(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext = .none) -> DevelopmentPlan {
        let report = analyzer.analyze(record, target: target, on: start, context: context)
        let nothingChanges = report.eligibleOnIfNothingChanges
        var planned = record
        var steps: [(step: PlanStep, contributes: Set<String>)] = []
        let matcher = MethodMatcher(index: index)
        let stageOrder: [String: Int] = { if case .directorPost(let p) = target { return index.stageOrder[p] ?? [:] } else { return [:] } }()

        // Postings start once the experience the current posting is still building has been built:
        // leaving earlier would undo what time alone closes.
        var cursor = start
        for gap in report.gaps where gap.kind == .experience {
            if let met = gap.metOn, met > cursor { cursor = met }
        }
        if cursor > start {
            // Only wait if waiting is not slower than any alternative: keep it simple, wait.
            cursor = cursor.adding(days: 0)
        }

        var attempts: [String: Int] = [:]
        for _ in 0..<24 {
            let gaps = matcher.attach(to: analyzer.requirementGaps(planned, target: target, on: start),
                                      record: planned, target: target, context: context)
            guard let (gap, step, contributes) = nextPosting(gaps: gaps, record: planned, cursor: cursor, stageOrder: stageOrder) else { break }
            attempts[gap.id, default: 0] += 1
            if attempts[gap.id]! > 2 { break }
            planned.assignments.append(step.assignment)
            steps.append((step.step, contributes))
            cursor = step.step.end.adding(days: 1)
        }

        // Alongside: competencies (coaching, groups, courses) from the start; courses one after another.
        let afterPostings = analyzer.analyze(planned, target: target, on: start, context: context)
        var courseCursor = start
        for gap in afterPostings.gaps where gap.metOn == nil {
            switch gap.requirement {
            case .competency(let competency, let required, _, _):
                guard let s = gap.suggestions.first(where: { !Self.postingMethods.contains($0.method) }) ?? gap.suggestions.first else { continue }
                let from = s.method == "course" ? courseCursor : start
                let end = from.adding(months: max(s.months, 1)).adding(days: -1)
                if s.method == "course" { courseCursor = end.adding(days: 1) }
                planned.assessments.append(Assessment(competency: competency, level: required, assessedOn: end, assessor: .supervisor))
                if case .course(let c) = s.place, !planned.trainings.contains(where: { $0.course == c }) {
                    planned.trainings.append(CompletedTraining(course: c, completedOn: end))
                }
                steps.append((PlanStep(method: s.method, place: s.place, field: nil, start: from, end: end,
                                       months: max(s.months, 1), closes: []), [gap.id]))
            case .training(let course, _):
                for c in coursesWithPrerequisites(course, record: planned, on: start) {
                    let months = max(index.catalog.coursesByID[c]?.durationMonths ?? 1, 1)
                    let end = courseCursor.adding(months: months).adding(days: -1)
                    courseCursor = end.adding(days: 1)
                    planned.trainings.append(CompletedTraining(course: c, completedOn: end))
                    steps.append((PlanStep(method: "course", place: .course(c), field: nil, start: end.adding(months: -months).adding(days: 1),
                                           end: end, months: months, closes: []), ["training:" + c]))
                }
            default: break
            }
        }

        let final = analyzer.requirementGaps(planned, target: target, on: start)
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

    /// The next posting: the first experience gap (in framework order) that a posting starting on
    /// `cursor` would close sooner than time alone.
    func nextPosting(gaps: [Gap], record: PersonRecord, cursor: CivilDate, stageOrder: [String: Int]) -> (Gap, PlannedPosting, Set<String>)? {
        let dpm = index.daysPerMonth
        let regionalGap = gaps.first { if case .experience(let e) = $0.requirement, case .regional = e.subject { return true } else { return false } }
        let diverseGap = gaps.first { if case .experience(let e) = $0.requirement, case .diverseExperience = e.subject { return true } else { return false } }
        for gap in gaps {
            guard case .experience(let e) = gap.requirement else { continue }
            guard let suggestion = gap.suggestions.first(where: { Self.postingMethods.contains($0.method) && $0.method != "job-redesign" && $0.method != "professional-organization" })
            else { continue }
            // Days the chosen posting must last for this gap.
            var field: String?
            var unit: String
            var role: AssignmentRole = .rotation
            switch suggestion.place {
            case .unit(let u): unit = u
            case .actingPost(_, let u, _): unit = u; role = .acting
            default: unit = record.person.unit
            }
            if suggestion.method == "acting-assignment" { role = .acting }
            if suggestion.method == "job-assignment" { role = .regular }
            let facts = index.units[unit]
            var days: Int
            switch e.subject {
            case .field(let f):
                field = f
                days = Int((Double(e.requiredMonths) * dpm - e.actualMonths * dpm).rounded(.up))
            case .group(_, _, let fields):
                let months = Dictionary(e.fieldMonths.map { ($0.field, $0.months) }, uniquingKeysWith: max)
                let covered = fields.filter { facts?.fields.contains($0) ?? false }
                let f = covered.max { (months[$0] ?? 0) < (months[$1] ?? 0) } ?? fields.first
                field = f
                days = Int((Double(e.requiredMonths) * dpm - (months[f ?? ""] ?? 0) * dpm).rounded(.up))
            case .management:
                field = role == .acting ? nil : "management"
                days = Int((Double(e.requiredMonths) * dpm - e.actualMonths * dpm).rounded(.up))
            case .regional:
                days = Int((Double(e.requiredMonths) * dpm - e.actualMonths * dpm).rounded(.up))
            case .diverseExperience:
                days = cursor.adding(months: max(e.requiredMonths, 1)).dayNumber - cursor.dayNumber
            }
            let weight = index.weight(role)
            guard weight > 0 else { continue }
            days = Int((Double(max(days, 1)) / weight).rounded(.up))
            var contributes: Set<String> = [gap.id]
            // One posting serves several gaps: stay long enough for regional service and "3 ต่าง" too.
            if let regionalGap, facts?.regional == true, case .experience(let r) = regionalGap.requirement {
                days = max(days, Int((Double(r.requiredMonths) * dpm - r.actualMonths * dpm).rounded(.up)))
                contributes.insert(regionalGap.id)
            }
            if let diverseGap, unit != record.person.unit, role != .taskForce {
                days = max(days, cursor.adding(months: index.catalog.diverseExperience.minimumMonths).dayNumber - cursor.dayNumber)
                contributes.insert(diverseGap.id)
            }
            if role == .acting || field == "management", let m = gaps.first(where: { $0.id == "experience:management" }) { contributes.insert(m.id) }
            if let f = field { contributes.insert("experience:" + f) }
            for g in gaps { if case .experience(let x) = g.requirement, case .group(_, _, let fs) = x.subject, let f = field, fs.contains(f) { contributes.insert(g.id) } }
            let end = cursor.adding(days: days - 1)
            // Time alone closes it no later: no posting needed.
            if let met = gap.metOn, met <= end.adding(days: 1) { continue }
            let months = Int((Double(days) / dpm).rounded(.up))
            let stage = field.flatMap { stageOrder[$0] } ?? stageOrder["unit:" + unit]
            let step = PlanStep(method: suggestion.method, place: suggestion.place, field: field ?? facts?.firstField,
                                start: cursor, end: end, months: months, closes: [], stage: stage)
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
