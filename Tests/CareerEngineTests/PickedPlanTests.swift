import CareerCatalog
import Testing
@testable import CareerEngine

/// The plan of picked suggestions (the TUI's) is scheduled by the rules of the engine's own plan
/// (`careerpath plan`): picking what the engine suggests gives its plan, step for step.
@Suite struct PickedPlanTests {
    let planner = PlanBuilder(catalog: TestCatalog.catalog)
    let post = Target.directorPost("dir-news-bureau")
    let boss = Person(id: "B1", nameTH: "", nameEN: "Boss", unit: "news-bureau", jobLine: "public-relations-officer", level: "M2",
                      levelSince: d("2015-01-01"), serviceStart: d("2000-01-01"), education: "master", supervisorID: nil)

    /// A K3 with news experience only: the post needs postings (regional, radio, management), a
    /// competency and courses.
    var k3: PersonRecord {
        var record = PersonRecord(person: person(level: "K3", since: "2018-01-01"))
        record.levelHistory = [LevelPeriod(jobLine: "public-relations-officer", level: "K2", start: d("2012-01-01"), end: d("2017-12-31"))]
        record.assignments = [assignment("news-bureau", "news", .regular, "2012-01-01", nil)]
        record.trainings = [CompletedTraining(course: "primary-executive", completedOn: d("2019-01-01"))]
        return record
    }

    @Test func pickingTheSuggestedPlanGivesItsStepsAndDate() {
        let context = OrganizationContext(supervisorChain: [boss])
        let suggested = planner.plan(k3, target: post, start: d("2024-01-01"), context: context)
        #expect(suggested.steps.count >= 3)
        let picks = planner.picks(following: suggested)
        let picked = planner.plan(k3, target: post, start: d("2024-01-01"), context: context, picks: picks)
        #expect(picked.steps == suggested.steps)
        #expect(picked.eligibleOn == suggested.eligibleOn)
        #expect(picked.eligibleOnIfNothingChanges == suggested.eligibleOnIfNothingChanges)
        #expect(planner.unneededPicks(k3, target: post, start: d("2024-01-01"), context: context, picks: picks).isEmpty)
    }

    /// 150 random people, each toward a random target of the test catalog, on a random day.
    func randomCases(seed: UInt64) -> [(record: PersonRecord, start: CivilDate, target: Target, context: OrganizationContext)] {
        var g = SeededGenerator(seed: seed)
        let targets: [Target] = [post, .jobLineLevel(jobLine: "public-relations-officer", level: "K3"),
                                 .jobLineLevel(jobLine: "public-relations-officer", level: "K2")]
        return (0..<150).map { i in
            let record = RandomRecords.record(&g)
            let start = RandomRecords.date(&g, from: 2020, to: 2026)
            return (record, start, targets.randomElement(using: &g)!, i % 2 == 0 ? OrganizationContext(supervisorChain: [boss]) : .none)
        }
    }

    @Test func pickingTheSuggestedPlanGivesItsStepsForRandomPeople() {
        for (record, start, target, context) in randomCases(seed: 1212) {
            let suggested = planner.plan(record, target: target, start: start, context: context)
            let picked = planner.plan(record, target: target, start: start, context: context, picks: planner.picks(following: suggested))
            #expect(picked.steps == suggested.steps, "\(record.person) → \(target) on \(start)")
            #expect(picked.eligibleOn == suggested.eligibleOn, "\(record.person) → \(target) on \(start)")
        }
    }

    /// Every posting serves the gap it was planned for: it posts where the report suggests for that
    /// gap, and never repeats an earlier posting (the same unit and field again adds nothing to
    /// "3 ต่าง"; where history overlapping the plan left a field short, the posting is one longer posting).
    @Test func everyPostingIsAReportSuggestionAndNoneRepeats() {
        var postings = 0
        for (record, start, target, context) in randomCases(seed: 1213) {
            let plan = planner.plan(record, target: target, start: start, context: context)
            let steps = plan.steps.filter { PlanBuilder.postingMethods.contains($0.method) && $0.field != nil }   // the loop's postings
            postings += steps.count
            for (n, step) in steps.enumerated() {
                #expect(!steps[..<n].contains { $0.place == step.place && $0.field == step.field }, "\(record.person) → \(target): \(step)")
                let pick = plan.picks.first { $0.suggestion.method == step.method && $0.suggestion.place == step.place }
                let gap = plan.report.gaps.first { $0.id == pick?.gapID }
                #expect(gap?.suggestions.contains(pick!.suggestion) ?? false, "\(record.person) → \(target): \(step)")
            }
        }
        #expect(postings > 50)
    }

    @Test func aPostingsMonthsAgreeWithItsDates() {
        // 1 Oct – 30 Nov is 61 days: 2 months beside those dates, not 3 (rounding 2.004 up).
        #expect(planner.monthsSpanned(days: 61) == 2)
        #expect(planner.monthsSpanned(days: 10) == 1)
        for (record, start, target, context) in randomCases(seed: 7) {
            for step in planner.plan(record, target: target, start: start, context: context).steps where step.field != nil {
                let days = step.end.dayNumber - step.start.dayNumber + 1
                #expect(abs(Double(step.months) - Double(days) / 30.4375) <= 0.5 || step.months == 1, "\(step)")
            }
        }
    }

    @Test func noPicksIsDoingNothing() {
        let plan = planner.plan(k3, target: post, start: d("2024-01-01"), picks: [])
        #expect(plan.steps.isEmpty)
        #expect(plan.eligibleOn == plan.eligibleOnIfNothingChanges)
    }

    /// The two drifts of the TUI's old projection: an acting stint counts toward management through
    /// its role (the posting's field stays the unit's), and a group's field is chosen as the
    /// suggested plan chooses it, not as the group's first field.
    @Test func actingCountsTowardManagementByItsRole() throws {
        let context = OrganizationContext(supervisorChain: [boss])
        let report = GapAnalyzer(catalog: TestCatalog.catalog).analyze(k3, target: post, on: d("2024-01-01"), context: context)
        let management = try #require(report.gap("experience:management"))
        let acting = try #require(management.suggestions.first { $0.method == "acting-assignment" })
        let plan = planner.plan(k3, target: post, start: d("2024-01-01"), context: context,
                                picks: [PlannedPick(gapID: management.id, suggestion: acting)])
        let step = try #require(plan.steps.first)
        #expect(step.method == "acting-assignment")
        #expect(step.field != "management")
        #expect(step.closes.contains(management.id))
    }

    @Test func aPickTheEarlierStepsMadeNeedlessAddsNothing() throws {
        let context = OrganizationContext(supervisorChain: [boss])
        let report = GapAnalyzer(catalog: TestCatalog.catalog).analyze(k3, target: post, on: d("2024-01-01"), context: context)
        let experience = report.gaps.filter { $0.kind == .experience && !$0.suggestions.isEmpty }
        // Every posting suggestion of every experience gap: only those the rules need become steps.
        let picks = experience.flatMap { gap in gap.suggestions.filter { PlanBuilder.postingMethods.contains($0.method) }.map { PlannedPick(gapID: gap.id, suggestion: $0) } }
        let plan = planner.plan(k3, target: post, start: d("2024-01-01"), context: context, picks: picks)
        let unneeded = planner.unneededPicks(k3, target: post, start: d("2024-01-01"), context: context, picks: picks)
        #expect(!unneeded.isEmpty)
        let postings = plan.steps.filter { PlanBuilder.postingMethods.contains($0.method) }
        for (a, b) in zip(postings, postings.dropFirst()) { #expect(a.end < b.start) }
        #expect(postings.count < picks.count)
    }
}
