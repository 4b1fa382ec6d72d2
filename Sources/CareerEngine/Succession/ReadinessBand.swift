import CareerCatalog

extension SuccessionRanker {
    /// How soon `record` could reach `target` (the next level of their line, a director post): ready
    /// now, within 2 years following the engine's plan, or later — the bands of a succession pool,
    /// for any target (the supervisor screen's badges).
    ///
    ///     let band = SuccessionRanker(analyzer: analyzer).band(record, target: next, on: today, context: context)
    public func band(_ record: PersonRecord, target: Target, on: CivilDate, context: OrganizationContext = .none) -> SuccessionBand {
        let requirements = TargetRequirements(target: target, index: analyzer.index)
        let report = analyzer.analyze(record, requirements, on: on, suggestions: false)
        return standing(record, report: report, target: target, on: on, horizon: on.adding(months: Self.horizonMonths),
                        planner: PlanBuilder(analyzer: analyzer)) { context }.band
    }

    /// A person's band and, when it took one, the date of the engine's plan.
    struct Standing {
        var band: SuccessionBand
        var eligibleOnWithPlan: CivilDate?
        /// False when the band was decided without the plan its date would need (see `SuccessionCandidate`).
        var planEvaluated: Bool
        /// A development plan was built.
        var planned: Bool
    }

    /// The band decision, in one place (a pool's ranking and a badge): ready now when no gap is
    /// open; later when some gap no plan closes, or none could close them all by `horizon` (a cheap
    /// lower bound, no plan built); otherwise the engine's plan decides.
    func standing(_ record: PersonRecord, report: GapReport, target: Target, on: CivilDate, horizon: CivilDate,
                  planner: PlanBuilder, context: () -> OrganizationContext) -> Standing {
        if report.eligible { return Standing(band: .readyNow, eligibleOnWithPlan: on, planEvaluated: true, planned: false) }
        // nil: some gap no plan can close (education, an approval, a promotion time alone never brings).
        guard let bound = earliestPossible(report.gaps, on: on) else {
            return Standing(band: .later, eligibleOnWithPlan: nil, planEvaluated: true, planned: false)
        }
        guard bound <= horizon else { return Standing(band: .later, eligibleOnWithPlan: nil, planEvaluated: false, planned: false) }
        let plan = planner.plan(record, target: target, start: on, context: context(), reportSuggestions: false)
        let within = plan.eligibleOn.map { $0 <= horizon } ?? false
        return Standing(band: within ? .withinTwoYears : .later, eligibleOnWithPlan: plan.eligibleOn, planEvaluated: true, planned: true)
    }
}
