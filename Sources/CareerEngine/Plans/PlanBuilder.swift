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
        let requirements = TargetRequirements(target: target, index: index)
        let report = analyzer.analyze(record, requirements, on: start, context: context, suggestions: reportSuggestions)
        return schedule(record, requirements: requirements, start: start, context: context, report: report, source: .engine)
    }

    /// Where a plan's steps come from: the engine's own choice among the suggestions of the report,
    /// or the suggestions a person picked. Both are scheduled by one loop (`schedule`).
    enum SuggestionSource {
        /// For each gap, the engine's suggestions for `record` on `start`, best first: a posting is
        /// the first of them that serves the gap; alongside, one step for each competency and course.
        case engine
        /// The picks: a posting is the first posting pick of the gap that serves it; every other pick runs alongside.
        case picks([PlannedPick])
    }

    /// The one plan loop. Postings one after another (framework stage order, each chosen and sized by
    /// `nextPosting`) from `firstPostingDay`; then, alongside from `start`, the competency steps,
    /// courses one after another with their prerequisites, and task forces; then `finish`.
    /// The plan's `picks` are the suggestions its steps were made from, gap by gap.
    func schedule(_ record: PersonRecord, requirements: TargetRequirements, start: CivilDate, context: OrganizationContext,
                  report: GapReport, source: SuggestionSource) -> DevelopmentPlan {
        let target = requirements.target
        var planned = record
        var steps: [(step: PlanStep, contributes: Set<String>)] = []
        var used: [PlannedPick] = []
        let matcher = MethodMatcher(index: index)
        let stageOrder: [String: Int] = { if case .directorPost(let p) = target { return index.stageOrder[p] ?? [:] } else { return [:] } }()
        var picked: [String: [Suggestion]] = [:]
        if case .picks(let picks) = source {
            for pick in picks where !(picked[pick.gapID]?.contains(pick.suggestion) ?? false) { picked[pick.gapID, default: []].append(pick.suggestion) }
        }

        // The posting suggestions of each experience gap, as the report gives them on `start` (asked
        // for only as far as needed, once per gap): a plan posts only where the report suggests.
        let startGaps = Dictionary(report.gaps.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let situation = MethodMatcher.Situation(gaps: report.gaps, record: record, index: index)
        var engineSuggestions: [String: [Suggestion]] = [:]
        func postingCandidates(_ gap: Gap) -> [Suggestion] {
            guard gap.kind == .experience else { return [] }
            switch source {
            case .picks: return (picked[gap.id] ?? []).filter(Self.isPosting)
            case .engine:
                if let known = engineSuggestions[gap.id] { return known }
                let found = matcher.attach(startGaps[gap.id] ?? gap, record: record, context: context, situation: situation,
                                           scope: .postings, on: start).suggestions
                engineSuggestions[gap.id] = found
                return found
            }
        }

        var cursor = firstPostingDay(report, start: start)
        var attempts: [String: Int] = [:]
        for _ in 0..<24 {
            let gaps = analyzer.requirementGaps(planned, requirements, on: start)
            guard let next = nextPosting(gaps: gaps, record: planned, cursor: cursor, stageOrder: stageOrder,
                                         candidates: postingCandidates) else { break }
            attempts[next.gap.id, default: 0] += 1
            if attempts[next.gap.id]! > 2 { break }
            let step = next.posting.step
            if let last = steps.last, last.step.method == step.method, last.step.place == step.place, last.step.field == step.field,
               last.step.end.adding(days: 1) == step.start {
                // The same posting again (days it overlaps the record's own counted once): one longer posting.
                steps[steps.count - 1].step.end = step.end
                steps[steps.count - 1].step.months = monthsSpanned(days: step.end.dayNumber - last.step.start.dayNumber + 1)
                steps[steps.count - 1].contributes.formUnion(next.contributes)
                planned.assignments[planned.assignments.count - 1].end = step.end
            } else {
                planned.assignments.append(next.posting.assignment)
                steps.append((step, next.contributes))
            }
            let pick = PlannedPick(gapID: next.gap.id, suggestion: next.suggestion)
            if !used.contains(pick) { used.append(pick) }
            cursor = next.posting.step.end.adding(days: 1)
        }

        // Alongside, from the start: what the gaps the postings left open still need; courses one after another.
        var open = analyzer.requirementGaps(planned, requirements, on: start)
        if case .engine = source {
            open = matcher.attach(to: open, record: planned, context: context, cache: nil, scope: .openCompetencies, on: start)
        }
        var courseCursor = start
        for gap in open {
            for s in alongside(gap, source: source, picked: picked[gap.id] ?? [], record: planned, start: start) {
                switch gap.requirement {
                case .experience where Self.isPosting(s):
                    continue   // a posting nextPosting did not choose: time alone closes the gap no later
                case .competency(let competency, let required, _, _):
                    guard gap.metOn == nil else { continue }
                    var assessedOn = start.adding(months: max(s.months, 1)).adding(days: -1)
                    if case .course(let c) = s.place {
                        assessedOn = scheduleCourse(c, months: s.months, for: gap.id, planned: &planned, steps: &steps,
                                                    cursor: &courseCursor, start: start)
                    } else {
                        steps.append((PlanStep(method: s.method, place: s.place, field: nil, start: start, end: assessedOn,
                                               months: max(s.months, 1), closes: []), [gap.id]))
                    }
                    planned.assessments.append(Assessment(competency: competency, level: required, assessedOn: assessedOn, assessor: .supervisor))
                case .training(let course, _):
                    // A course that will not admit the person (nbs2 for an M1 director) is not planned: the gap stays open.
                    guard gap.metOn == nil, s.place == .course(course), index.admission(to: course, record: planned, on: start) != nil else { continue }
                    _ = scheduleCourse(course, months: 1, for: gap.id, planned: &planned, steps: &steps, cursor: &courseCursor, start: start)
                case .experience(let e):
                    // A task force alongside: its days count at the task-force weight toward the gap's field.
                    let end = start.adding(months: max(s.months, 1)).adding(days: -1)
                    if let met = gap.metOn, met <= end { continue }
                    var field: String?
                    if case .workingGroup(let id) = s.place, let group = index.catalog.workingGroupsByID[id] {
                        field = Self.taskForceField(e, groupFields: group.workFields)
                        planned.assignments.append(Assignment(unit: group.unit, field: field, role: .taskForce, start: start, end: end))
                    }
                    steps.append((PlanStep(method: s.method, place: s.place, field: field, start: start, end: end,
                                           months: max(s.months, 1), closes: []), [gap.id]))
                default:
                    // Self-study toward a degree, a lateral move: shown, but nothing the rules can count.
                    let end = start.adding(months: max(s.months, 1)).adding(days: -1)
                    steps.append((PlanStep(method: s.method, place: s.place, field: nil, start: start, end: end,
                                           months: max(s.months, 1), closes: []), [gap.id]))
                }
                let pick = PlannedPick(gapID: gap.id, suggestion: s)
                if !used.contains(pick) { used.append(pick) }
            }
        }
        return finish(record, target: target, start: start, requirements: requirements, report: report,
                      planned: planned, steps: steps, picks: used)
    }

    /// What runs alongside the postings for `gap`: the picks of it; or, by the engine, for a competency
    /// time alone does not close the first suggestion that is not a posting (else the first, else its
    /// first method), and for a required course the course.
    func alongside(_ gap: Gap, source: SuggestionSource, picked: [Suggestion], record: PersonRecord, start: CivilDate) -> [Suggestion] {
        if case .picks = source { return picked }
        guard gap.metOn == nil else { return [] }
        switch gap.requirement {
        case .competency:
            let fallback = gap.methods.first.map { Suggestion(method: $0, place: .none, months: index.catalog.methodsByID[$0]?.typicalMonths ?? 6, fit: 0) }
            return [gap.suggestions.first { !Self.postingMethods.contains($0.method) } ?? gap.suggestions.first ?? fallback].compactMap { $0 }
        case .training(let course, _):
            // The report's suggestion of the course (what a person would pick), else the course itself.
            var g = gap
            MethodMatcher(index: index).addCourses(to: &g, record: record, on: start)
            return [g.suggestions.first { $0.place == .course(course) } ?? Suggestion(method: "course", place: .course(course), months: 1, fit: 0)]
        default:
            return []
        }
    }

    // MARK: - The loop's parts

    /// The method `nextPosting` sizes a posting pick as: its own when it is a next-posting method, else
    /// the one with the same role (a unit: rotation; an acting post: acting; otherwise regular work
    /// in the person's own unit).
    static func postingStandIn(_ s: Suggestion) -> String {
        if nextPostingMethods.contains(s.method) { return s.method }
        switch s.place {
        case .unit: return "job-rotation"
        case .actingPost: return "acting-assignment"
        default: return "job-assignment"
        }
    }

    /// Whether a pick for an experience gap is a posting (one at a time, sized by `nextPosting`).
    static func isPosting(_ s: Suggestion) -> Bool {
        guard postingMethods.contains(s.method) else { return false }
        switch s.place {
        case .unit, .actingPost, .none: return true
        case .workingGroup, .course, .coach, .jobLine: return false
        }
    }

    /// `course` and its prerequisites not yet done, one after another from `cursor`; the day the course
    /// itself ends (the competency it builds is assessed then). A course already planned is not planned again.
    func scheduleCourse(_ course: String, months: Int, for gapID: String, planned: inout PersonRecord,
                        steps: inout [(step: PlanStep, contributes: Set<String>)], cursor: inout CivilDate, start: CivilDate) -> CivilDate {
        var endsOn = start
        for c in coursesWithPrerequisites(course, record: planned, on: start) {
            let contributes: Set<String> = [c == course ? gapID : "training:" + c]
            if let done = planned.trainings.first(where: { $0.course == c && $0.completedOn >= start }) {
                endsOn = done.completedOn
                if c == course { steps.append((PlanStep(method: "course", place: .course(c), field: nil, start: start, end: done.completedOn, months: 1, closes: []), contributes)) }
                continue
            }
            let length = max(index.catalog.coursesByID[c]?.durationMonths ?? months, 1)
            let from = max(cursor, index.admission(to: c, record: planned, on: start) ?? cursor)
            let end = from.adding(months: length).adding(days: -1)
            cursor = end.adding(days: 1)
            planned.trainings.append(CompletedTraining(course: c, completedOn: end))
            endsOn = end
            steps.append((PlanStep(method: "course", place: .course(c), field: nil, start: from, end: end, months: length, closes: []), contributes))
        }
        return endsOn
    }

    /// The field a task force's days count toward for an experience gap: the gap's own when the
    /// group works in it; for a group requirement, the group's field the person has most months in.
    static func taskForceField(_ e: ExperienceShortfall, groupFields: [String]) -> String? {
        switch e.subject {
        case .field(let f): return groupFields.contains(f) ? f : groupFields.first
        case .group(_, _, let fields):
            let months = Dictionary(e.fieldMonths.map { ($0.field, $0.months) }, uniquingKeysWith: max)
            return fields.filter(groupFields.contains).max { (months[$0] ?? 0) < (months[$1] ?? 0) } ?? groupFields.first
        case .management, .regional, .diverseExperience: return groupFields.first
        }
    }

    /// The first day a posting may start: once the experience the current posting builds at full
    /// speed has been built (leaving earlier would undo what time alone closes). Slower accrual (a
    /// task force) is not waited for; a posting will do it sooner.
    func firstPostingDay(_ report: GapReport, start: CivilDate) -> CivilDate {
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
        return cursor
    }

    /// The plan from its steps and the record they make: identical non-posting steps merged (one
    /// course or coaching period serves every competency it closes), what each step closes (the gaps
    /// open at the start that it serves and that are met by the day after it ends), steps by start,
    /// and the day every gap is met — never later than doing nothing. `picks`: the suggestions the steps were made from.
    func finish(_ record: PersonRecord, target: Target, start: CivilDate, requirements: TargetRequirements, report: GapReport,
                planned: PersonRecord, steps: [(step: PlanStep, contributes: Set<String>)], picks: [PlannedPick]) -> DevelopmentPlan {
        let nothingChanges = report.eligibleOnIfNothingChanges
        var merged: [(step: PlanStep, contributes: Set<String>)] = []
        for entry in steps {
            if let i = merged.firstIndex(where: { $0.step.method == entry.step.method && $0.step.place == entry.step.place
                && $0.step.field == nil && entry.step.field == nil && !Self.postingMethods.contains(entry.step.method) }) {
                merged[i].contributes.formUnion(entry.contributes)
            } else {
                merged.append(entry)
            }
        }

        let final = analyzer.requirementGaps(planned, requirements, on: start)
        let finalMet: [String: CivilDate?] = Dictionary(final.map { ($0.id, $0.metOn) }, uniquingKeysWith: { a, _ in a })
        let openAtStart = Set(report.gaps.map(\.id))
        var finished: [PlanStep] = []
        for (step, contributes) in merged {
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
                               eligibleOn: eligibleOn, eligibleOnIfNothingChanges: nothingChanges, picks: picks)
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
    /// A posting's length as people read it beside its dates: 1 Oct – 30 Nov (61 days) is 2
    /// months, not 3 (the nearest whole month, at least 1).
    func monthsSpanned(days: Int) -> Int {
        max(1, Int((Double(days) / index.daysPerMonth).rounded()))
    }

    func daysNeeded(_ months: Int, _ actual: Double) -> Int {
        max(0, Int((Double(months) * index.daysPerMonth - actual * index.daysPerMonth - 1e-9).rounded(.up)))
    }

    /// The next posting and what it was chosen for: the gap, the suggestion, and the gaps it serves.
    struct NextPosting { let gap: Gap; let suggestion: Suggestion; let posting: PlannedPosting; let contributes: Set<String> }

    /// The next posting: for the first experience gap (in framework stage order), the first of its
    /// `candidates` that serves it and, starting on `cursor`, closes it sooner than time alone.
    /// A posting serves a gap when it adds what the gap lacks: months in a field of it still short
    /// (with the postings already planned), management, regional service, or a "3 ต่าง" difference
    /// the record does not already have. It is made long enough to close every gap it serves, and
    /// serves no gap it adds nothing to (so a posting never repeats one already planned).
    func nextPosting(gaps: [Gap], record: PersonRecord, cursor: CivilDate, stageOrder: [String: Int],
                     candidates: (Gap) -> [Suggestion]) -> NextPosting? {
        let ordered = gaps.enumerated().sorted { a, b in
            let x = stage(of: a.element, stageOrder) ?? Int.max, y = stage(of: b.element, stageOrder) ?? Int.max
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let minimumMonths = index.catalog.diverseExperience.minimumMonths
        let missingFields = Set(gaps.compactMap { g -> [String]? in
            guard case .experience(let x) = g.requirement else { return nil }
            switch x.subject { case .field(let f): return [f]; case .group(_, _, let fs): return fs; default: return nil }
        }.flatMap { $0 })
        // Worked out only when a group or "3 ต่าง" gap needs them: months per field by `cursor`, planned
        // postings included, and the differences the record (planned postings included) already has.
        var ledger: ExperienceLedger?
        func monthsByCursor(_ field: String) -> Double {
            if ledger == nil { ledger = ExperienceLedger(record: record, on: cursor, index: index) }
            return ledger!.months(in: field)
        }
        var had: [Difference: CivilDate]?
        func newDifferences(unit: String, field: String?) -> Bool {
            if had == nil { had = DiverseExperience(record: record, index: index).countsFrom }
            let home = index.units[record.person.unit], there = index.units[unit]
            if unit != record.person.unit && had![.unit] == nil { return true }
            if had![.location] == nil, let home, let there,
               there.regional != home.regional || (!there.province.isEmpty && !home.province.isEmpty && there.province != home.province) {
                return true
            }
            if had![.workField] == nil, let field, let homeField = index.currentField(of: record), field != homeField { return true }
            return false
        }

        for gap in ordered {
            guard case .experience(let e) = gap.requirement else { continue }
            for suggestion in candidates(gap) where Self.isPosting(suggestion) {
                let method = Self.postingStandIn(suggestion)
                let unit: String
                switch suggestion.place {
                case .unit(let u): unit = u
                case .actingPost(_, let u, _): unit = u
                default: unit = record.person.unit
                }
                let role: AssignmentRole = method == "acting-assignment" ? .acting : method == "job-assignment" ? .regular : .rotation
                let facts = index.units[unit]
                // The field the posting counts toward: the gap's own, else one another gap is missing.
                var field: String?
                switch e.subject {
                case .field(let f): field = f
                case .group(_, _, let fields):
                    // The unit's field of the group closest to the requirement among those still short.
                    let months = Dictionary(e.fieldMonths.map { ($0.field, $0.months) }, uniquingKeysWith: max)
                    field = fields.filter { (facts?.fields.contains($0) ?? false) && monthsByCursor($0) + 1e-9 < Double(e.requiredMonths) }
                        .max { (months[$0] ?? 0) < (months[$1] ?? 0) }
                case .management:
                    field = role == .acting ? nil : "management"
                case .regional, .diverseExperience:
                    field = facts?.fields.first { missingFields.contains($0) }
                }
                let countedField = field ?? facts?.firstField
                let weight = index.weight(role)
                guard weight > 0 else { continue }
                var days = 0
                var contributes: Set<String> = []
                for other in gaps {
                    // A gap the planned postings (or time) close by `cursor` gains nothing from this one.
                    guard case .experience(let x) = other.requirement, other.metOn.map({ $0 > cursor }) ?? true else { continue }
                    var need: Int?
                    switch x.subject {
                    case .field(let f) where f == countedField: need = daysNeeded(x.requiredMonths, x.actualMonths)
                    case .group(_, _, let fs) where countedField.map(fs.contains) ?? false:
                        let m = x.fieldMonths.first { $0.field == countedField }?.months ?? 0
                        if monthsByCursor(countedField!) + 1e-9 < Double(x.requiredMonths) { need = daysNeeded(x.requiredMonths, m) }
                    case .management where role == .acting || countedField == "management": need = daysNeeded(x.requiredMonths, x.actualMonths)
                    case .regional where facts?.regional == true: need = daysNeeded(x.requiredMonths, x.actualMonths)
                    case .diverseExperience where newDifferences(unit: unit, field: countedField):
                        need = cursor.adding(months: minimumMonths).dayNumber - cursor.dayNumber
                    default: break
                    }
                    if let need, need > 0 {
                        contributes.insert(other.id)
                        let calendar = x.subject == .diverseExperience ? need : Int((Double(need) / weight).rounded(.up))
                        days = max(days, calendar)
                    }
                }
                // A posting that adds nothing to its gap is no posting for it.
                guard contributes.contains(gap.id) else { continue }
                let end = cursor.adding(days: days - 1)
                // Time alone closes it no later: no posting needed for this gap.
                if let met = gap.metOn, met <= end { continue }
                let months = monthsSpanned(days: days)
                let step = PlanStep(method: suggestion.method, place: suggestion.place, field: countedField,
                                    start: cursor, end: end, months: months, closes: [], stage: stage(of: gap, stageOrder))
                let assignment = Assignment(unit: unit, field: field, role: role, start: cursor, end: end)
                return NextPosting(gap: gap, suggestion: suggestion, posting: PlannedPosting(step: step, assignment: assignment),
                                   contributes: contributes)
            }
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
