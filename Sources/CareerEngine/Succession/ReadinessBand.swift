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
        if report.eligible { return .readyNow }
        let horizon = on.adding(months: Self.horizonMonths)
        // No plan can close some gap, or none can close them all by the horizon: no plan to build.
        guard let bound = earliestPossible(report.gaps, on: on), bound <= horizon else { return .later }
        let plan = PlanBuilder(analyzer: analyzer).plan(record, target: target, start: on, context: context, reportSuggestions: false)
        if let date = plan.eligibleOn, date <= horizon { return .withinTwoYears }
        return .later
    }
}
