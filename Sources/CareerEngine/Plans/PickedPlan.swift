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
    /// each chosen and sized by `nextPosting` exactly as in the suggested plan (one loop, `schedule`):
    /// acting counts toward management through its role, a group's field is the unit's field of it
    /// still short that the person has most months in. Other posting methods (job redesign, a professional organization) count as regular work in
    /// the person's own unit. Coaching, groups and self-study run alongside from the start; courses one
    /// after another with their prerequisites; a competency counts as assessed at the required level
    /// when its step ends. Identical method-and-place steps are one step. A pick for a gap the earlier
    /// steps (or time, sooner) already close adds nothing: see `unneededPicks`.
    ///
    /// `report`: the report of `record` on `start` when the caller has it (the plan keeps it).
    public func plan(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext = .none,
                     picks: [PlannedPick], report given: GapReport? = nil) -> DevelopmentPlan {
        let requirements = TargetRequirements(target: target, index: index)
        let report = given ?? analyzer.analyze(record, requirements, on: start, context: context, suggestions: true)
        return schedule(record, requirements: requirements, start: start, context: context, report: report, source: .picks(picks))
    }

    /// The picks that add nothing to the plan of `picks` and no step serves: their gap is closed by
    /// earlier steps, time alone closes it no later than the step would, or the course does not admit the person.
    /// A pick with the method and place of a step (one posting serving several gaps) is served.
    public func unneededPicks(_ record: PersonRecord, target: Target, start: CivilDate, context: OrganizationContext = .none,
                              picks: [PlannedPick], report given: GapReport? = nil) -> [PlannedPick] {
        let plan = plan(record, target: target, start: start, context: context, picks: picks, report: given)
        return picks.filter { pick in
            !plan.picks.contains(pick)
                && !plan.steps.contains { $0.method == pick.suggestion.method && $0.place == pick.suggestion.place }
        }
    }

    /// The picks that stand for the steps of `plan` (what "adopt the suggested plan" picks): the
    /// suggestions its steps were made from, in the order of its report's gaps and their suggestions.
    /// Scheduling them gives the same steps and dates.
    public func picks(following plan: DevelopmentPlan) -> [PlannedPick] {
        let gapOrder = Dictionary(plan.report.gaps.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let suggestionOrder: (PlannedPick) -> Int = { pick in
            plan.report.gaps.first { $0.id == pick.gapID }?.suggestions.firstIndex(of: pick.suggestion) ?? Int.max
        }
        return plan.picks.enumerated().sorted { a, b in
            let x = (gapOrder[a.element.gapID] ?? Int.max, suggestionOrder(a.element), a.offset)
            let y = (gapOrder[b.element.gapID] ?? Int.max, suggestionOrder(b.element), b.offset)
            return x < y
        }.map(\.element)
    }
}
