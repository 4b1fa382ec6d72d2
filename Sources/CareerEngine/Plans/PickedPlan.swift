import CareerCatalog

/// One suggestion a person picked for one gap of their report: the plan in progress on the Plan screen.
public struct PlannedPick: Sendable, Hashable {
    /// The gap's id in the report (`experience:news`, `competency:visioning` …).
    public var gapID: String
    public var suggestion: Suggestion

    public init(gapID: String, suggestion: Suggestion) { self.gapID = gapID; self.suggestion = suggestion }
}

/// The plan a person made by picking suggestions, scheduled by the rules that build the engine's own
/// plan, so that picking what the engine suggests gives the engine's plan, step for step and date
/// for date (the TUI's Plan screen and `careerpath plan` never disagree).
///
///     let builder = PlanBuilder(catalog: catalog)
///     let suggested = builder.plan(record, target: target, start: today)
///     let mine = builder.plan(record, target: target, start: today, picks: builder.picks(following: suggested))
///     // mine.steps == suggested.steps, mine.eligibleOn == suggested.eligibleOn
extension PlanBuilder {
    /// A plan made of `picks` for `record` toward `target`, starting on `start`.
    ///
    /// Postings (rotation, acting, assignment) run one after another, in the framework's stage order,
    /// each chosen and sized by `nextPosting` exactly as in the suggested plan: acting counts toward
    /// management through its role, a group's field is the unit's field the person has most months
    /// in. Other posting methods (job redesign, a professional organization) count as regular work in
    /// the person's own unit. Coaching, groups and self-study run alongside from the start; courses one
    /// after another with their prerequisites; a competency counts as assessed at the required level
    /// when its step ends. Identical method-and-place steps are one step. A pick for a gap the earlier
    /// steps (or time, sooner) already close adds nothing: see `unneededPicks`.
    ///
    /// `report`: the report of `record` on `start` when the caller has it (the plan keeps it).
    public func plan(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext = .none,
                     picks: [PlannedPick], report given: GapReport? = nil) -> DevelopmentPlan {
        schedule(record, target: target, start: start, context: context, picks: picks, report: given).plan
    }

    /// The picks that add nothing to the plan of `picks` and no step serves: their gap is closed by
    /// earlier steps, time alone closes it no later than the step would, or the course does not admit the person.
    public func unneededPicks(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext = .none,
                              picks: [PlannedPick], report given: GapReport? = nil) -> [PlannedPick] {
        let used = schedule(record, target: target, start: start, context: context, picks: picks, report: given).used
        return picks.filter { !used.contains($0) }
    }

    /// The picks that stand for the steps of `plan` (what "adopt the suggested plan" picks): for each
    /// gap of its report, the first suggestion with the method and place of a step that closes it.
    /// A step the plan made from a method alone (the gap had no suggestion) is picked as it is; a
    /// posting that closes nothing stands for the first gap no step closes that suggests it.
    public func picks(following plan: DevelopmentPlan) -> [PlannedPick] {
        var out: [PlannedPick] = []
        let idle = plan.steps.filter(\.closes.isEmpty)
        for gap in plan.report.gaps {
            let closing = plan.steps.filter { $0.closes.contains(gap.id) }
            let candidates = closing.isEmpty ? idle : closing
            if let s = gap.suggestions.first(where: { s in candidates.contains { $0.method == s.method && $0.place == s.place } }) {
                out.append(PlannedPick(gapID: gap.id, suggestion: s))
            } else if let step = closing.first {
                out.append(PlannedPick(gapID: gap.id, suggestion: Suggestion(method: step.method, place: step.place, months: step.months, fit: 0)))
            }
        }
        return out
    }

    // MARK: - Scheduling

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

    func schedule(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext,
                  picks: [PlannedPick], report given: GapReport?) -> (plan: DevelopmentPlan, used: Set<PlannedPick>) {
        let requirements = TargetRequirements(target: target, index: index)
        let report = given ?? analyzer.analyze(record, requirements, on: start, context: context, suggestions: true)
        var planned = record
        var steps: [(step: PlanStep, contributes: Set<String>)] = []
        var used: Set<PlannedPick> = []
        let stageOrder: [String: Int] = { if case .directorPost(let p) = target { return index.stageOrder[p] ?? [:] } else { return [:] } }()
        var picked: [String: [PlannedPick]] = [:]
        for pick in picks where !(picked[pick.gapID]?.contains(pick) ?? false) { picked[pick.gapID, default: []].append(pick) }

        // Postings: the picked ones of the experience gaps, chosen and sized as the suggested plan's are.
        var cursor = firstPostingDay(report, start: start)
        var attempts: [String: Int] = [:]
        for _ in 0..<24 {
            let gaps = analyzer.requirementGaps(planned, requirements, on: start)
            let postingPicks: (Gap) -> [PlannedPick] = { gap in
                guard gap.kind == .experience else { return [] }
                return (picked[gap.id] ?? []).filter { Self.isPosting($0.suggestion) }
            }
            guard let (gap, posting, contributes) = nextPosting(gaps: gaps, record: planned, cursor: cursor, stageOrder: stageOrder, suggestions: { gap in
                postingPicks(gap).map { var s = $0.suggestion; s.method = Self.postingStandIn(s); return s }
            }) else { break }
            attempts[gap.id, default: 0] += 1
            if attempts[gap.id]! > 2 { break }
            var step = posting.step
            if let pick = postingPicks(gap).first(where: { Self.postingStandIn($0.suggestion) == step.method && $0.suggestion.place == step.place }) {
                step.method = pick.suggestion.method
                used.insert(pick)
            }
            planned.assignments.append(posting.assignment)
            steps.append((step, contributes))
            cursor = step.end.adding(days: 1)
        }

        // Alongside, from the start: every other pick of a gap the postings left open; courses one after another.
        let open = analyzer.requirementGaps(planned, requirements, on: start)
        var courseCursor = start
        for gap in open {
            for pick in picked[gap.id] ?? [] where !used.contains(pick) {
                let s = pick.suggestion
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
                case .training(let course, _) where s.place == .course(course):
                    // A course that will not admit the person is not planned: the gap stays open.
                    guard index.admission(to: course, record: planned, on: start) != nil else { continue }
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
                used.insert(pick)
            }
        }
        // A pick served by a step of the same method and place (one posting closing several gaps) is used.
        for pick in picks where steps.contains(where: { $0.step.method == pick.suggestion.method && $0.step.place == pick.suggestion.place }) {
            used.insert(pick)
        }
        let plan = finish(record, target: target, start: start, requirements: requirements, report: report,
                          planned: planned, steps: steps)
        return (plan, used)
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

    // MARK: - Shared with `plan(_:target:start:context:)`

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
    /// and the day every gap is met — never later than doing nothing.
    func finish(_ record: PersonRecord, target: Target, start: CivilDate, requirements: TargetRequirements, report: GapReport,
                planned: PersonRecord, steps: [(step: PlanStep, contributes: Set<String>)]) -> DevelopmentPlan {
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
                               eligibleOn: eligibleOn, eligibleOnIfNothingChanges: nothingChanges)
    }
}
