import CareerCatalog
@testable import CareerEngine
import Testing

/// Succession ranking on small crafted rosters against the test catalog's `dir-news-bureau`
/// (PR officers at K3, K4, M1; news 48 months, radio or television 24, management 24, regional 12,
/// "3 ต่าง", visioning 4, course middle-executive).
@Suite struct SuccessionTests {
    let ranker = SuccessionRanker(catalog: TestCatalog.catalog)
    static let on = d("2026-10-01")
    static let post = "dir-news-bureau"

    /// A K3 PR officer who meets every requirement on `on`; variants change one thing.
    static func ready(_ id: String, since: String = "2018-01-01", visioning: Int = 4, actingFrom: String = "2021-01-01",
                      education: String = "bachelor", courses: [String] = ["primary-executive", "middle-executive"],
                      line: String = "public-relations-officer", level: String = "K3") -> PersonRecord {
        PersonRecord(
            person: person(id: id, line: line, level: level, since: since, education: education),
            assignments: [
                assignment("news-bureau", "news", .regular, "2010-01-01", "2015-12-31"),
                assignment("radio-thailand", "radio", .regular, "2016-01-01", "2018-12-31"),
                assignment("regional-pr-bureau-3", "regional-operations", .rotation, "2019-01-01", "2020-12-31"),
                assignment("news-bureau", nil, .acting, actingFrom, nil),
            ],
            assessments: [Assessment(competency: "visioning", level: visioning, assessedOn: d("2025-06-30"), assessor: .supervisor)],
            trainings: courses.map { CompletedTraining(course: $0, completedOn: d("2020-06-30")) })
    }

    func rank(_ records: [PersonRecord]) throws -> SuccessionPool {
        try ranker.rank(records, post: Self.post, on: Self.on)
    }

    @Test func theFixtureIsReadyNow() {
        let report = GapAnalyzer(catalog: TestCatalog.catalog).analyze(Self.ready("P1"), target: .directorPost(Self.post), on: Self.on)
        #expect(report.gaps.map(\.id) == [])
    }

    @Test func bandsComeInOrderReadyNowWithinTwoYearsLater() throws {
        let pool = try rank([
            Self.ready("P4", since: "2025-01-01"),          // K3+M1 48 months only on 2029-01-01: later
            Self.ready("P3", visioning: 3),                  // coaching closes visioning within months
            Self.ready("P2"),                                // ready now
        ])
        #expect(pool.candidates.map(\.person.id) == ["P2", "P3", "P4"])
        #expect(pool.candidates.map(\.band) == [.readyNow, .withinTwoYears, .later])
        #expect(pool.candidates.map(\.rank) == [1, 2, 3])
        #expect(pool.candidates[0].eligibleOnWithPlan == Self.on)
        let within = try #require(pool.candidates[1].eligibleOnWithPlan)
        #expect(within > Self.on && within <= Self.on.adding(months: 24))
        #expect(pool.candidates[1].gapKinds == [.competency])
        #expect(pool.candidates[2].gapKinds == [.timeInLevel])
        #expect(pool.isRisk == false)
    }

    @Test func twoYearsAreCountedToTheDay() throws {
        // K3 since 2024-10-01: 48 months of K3+M1 on 2028-10-01, the horizon itself; a day later is too late.
        let pool = try rank([Self.ready("P1", since: "2024-10-01"), Self.ready("P2", since: "2024-10-02")])
        #expect(pool.horizon == d("2028-10-01"))
        #expect(pool.candidates.map(\.person.id) == ["P1", "P2"])
        #expect(pool.candidates.map(\.band) == [.withinTwoYears, .later])
        #expect(pool.candidates[0].eligibleOnWithPlan == d("2028-10-01"))
    }

    @Test func competencyFitBreaksTiesBeforeIdAndMargin() throws {
        // P1 is further from visioning 4 than P9; P9 has less management experience. Fit wins.
        let pool = try rank([Self.ready("P1", visioning: 2), Self.ready("P9", visioning: 3, actingFrom: "2023-01-01")])
        #expect(pool.candidates.map(\.band) == [.withinTwoYears, .withinTwoYears])
        #expect(pool.candidates.map(\.person.id) == ["P9", "P1"])
        #expect(pool.candidates.map(\.competencyShortfall) == [1, 2])
        #expect(pool.candidates[0].experienceMarginMonths < pool.candidates[1].experienceMarginMonths)
    }

    @Test func experienceMarginBreaksTiesThenId() throws {
        // Same band and fit: more months above the framework first (acting since 2019 overlaps the
        // regional posting, so it adds management months only); equal records fall back to id order.
        let pool = try rank([Self.ready("P2"), Self.ready("P1"), Self.ready("P7", actingFrom: "2019-01-01")])
        #expect(pool.candidates.map(\.person.id) == ["P7", "P1", "P2"])
        #expect(pool.candidates.allSatisfy { $0.band == .readyNow && $0.competencyShortfall == 0 })
        #expect(pool.candidates[0].experienceMarginMonths > pool.candidates[1].experienceMarginMonths)
        #expect(pool.candidates[1].experienceMarginMonths == pool.candidates[2].experienceMarginMonths)
    }

    @Test func onlyEligibleLinesAndLevelsAreCandidates() throws {
        let pool = try rank([
            Self.ready("P1"),
            Self.ready("P2", line: "audio-visual-officer"),     // line not open to the post
            Self.ready("P3", level: "K1"),                      // two promotions away
            Self.ready("P4", since: "2020-01-01", level: "K2"), // one promotion away
            Self.ready("P5", level: "K4"),
        ])
        #expect(pool.candidates.map(\.person.id).sorted() == ["P1", "P4", "P5"])
        #expect(pool.candidates.first { $0.person.id == "P4" }?.onPromotion == true)
        #expect(pool.candidates.first { $0.person.id == "P1" }?.onPromotion == false)
        #expect(pool.candidates.first { $0.person.id == "P4" }?.gapKinds.contains(.eligibility) == true)
    }

    @Test func aGapNoPlanClosesIsLaterWithoutADate() throws {
        let pool = try rank([Self.ready("P1", education: "high-vocational-diploma")])
        let c = try #require(pool.candidates.first)
        #expect(c.band == .later)
        #expect(c.gapKinds.contains(.education))
        #expect(c.planEvaluated && c.eligibleOnWithPlan == nil && c.eligibleOn == nil)
    }

    @Test func aPostWithNoCandidateWithinTwoYearsIsARisk() throws {
        #expect(try rank([Self.ready("P1", since: "2025-01-01"), Self.ready("P2", education: "high-vocational-diploma")]).isRisk)
        #expect(try rank([]).isRisk)
        #expect(try rank([Self.ready("P1", since: "2025-01-01"), Self.ready("P3", visioning: 3)]).isRisk == false)
        // The cheaper check agrees with the full ranking.
        let post = try ranker.post(Self.post)
        let rosters = [[Self.ready("P1", since: "2025-01-01")], [Self.ready("P1", since: "2025-01-01"), Self.ready("P3", visioning: 3)],
                       [Self.ready("P2"), Self.ready("P1", since: "2025-01-01")], []]
        for roster in rosters {
            let risk = ranker.risk(roster, post: post, on: Self.on)
            #expect(risk.isRisk == (try rank(roster).isRisk))
            #expect(risk.candidates == roster.count)
        }
        #expect(ranker.risk(rosters[1], post: post, on: Self.on).successor?.person.id == "P3")
        let all = ranker.risks(rosters[0], on: Self.on)
        #expect(all.map(\.post.id) == [Self.post])
        #expect(all.map(\.isRisk) == [true])
    }

    @Test func skippingPlansNeverChangesABand() throws {
        // Where ranking skipped the plan (its lower bound was past the horizon), the real plan agrees.
        var records: [PersonRecord] = []
        for (i, since) in ["2024-12-01", "2025-01-01", "2026-01-01", "2026-09-30"].enumerated() {
            records.append(Self.ready("S\(i)", since: since))
            records.append(Self.ready("V\(i)", since: since, visioning: 1, courses: []))
        }
        var short = Self.ready("N1")
        short.assignments = [assignment("news-bureau", "news", .regular, "2024-01-01", nil)]   // news 33 of 48 months
        records.append(short)
        let pool = try rank(records)
        let skipped = pool.candidates.filter { !$0.planEvaluated }
        #expect(skipped.count >= 4)
        let planner = PlanBuilder(analyzer: ranker.analyzer)
        for c in skipped {
            let record = try #require(records.first { $0.person.id == c.person.id })
            let plan = planner.plan(record, target: .directorPost(Self.post), start: Self.on)
            #expect(c.band == .later)
            #expect(plan.eligibleOn.map { $0 > pool.horizon } ?? true, "\(c.person.id): plan date \(String(describing: plan.eligibleOn))")
            let bound = try #require(ranker.earliestPossible(c.gaps, on: Self.on))
            #expect(plan.eligibleOn.map { bound <= $0 } ?? true)
        }
        // Filling in the dates for display agrees with the plans.
        let shown = ranker.withPlanDates(pool, records: records)
        #expect(shown.candidates.allSatisfy { $0.planEvaluated })
        #expect(shown.candidates.map(\.person.id) == pool.candidates.map(\.person.id))
    }

    @Test func aRankingsPlanWithoutReportSuggestionsHasTheSameStepsAndDates() throws {
        // Rankings build plans without the report's suggestions; the steps and dates must not move.
        var short = Self.ready("N1", visioning: 2, courses: ["primary-executive"])
        short.assignments = [assignment("news-bureau", "news", .regular, "2024-01-01", nil)]
        let records = [Self.ready("P1"), Self.ready("P2", visioning: 3), Self.ready("P3", since: "2025-01-01"), short,
                       Self.ready("P4", visioning: 1, courses: [])]
        let planner = PlanBuilder(analyzer: ranker.analyzer)
        let boss = person(id: "B1", line: "public-relations-officer", level: "M1", since: "2020-01-01", education: "master")
        for record in records {
            for context in [OrganizationContext.none, OrganizationContext(supervisorChain: [boss])] {
                let full = planner.plan(record, target: .directorPost(Self.post), start: Self.on, context: context)
                let lean = planner.plan(record, target: .directorPost(Self.post), start: Self.on, context: context, reportSuggestions: false)
                #expect(lean.steps == full.steps, "\(record.person.id)")
                #expect(lean.eligibleOn == full.eligibleOn && lean.eligibleOnIfNothingChanges == full.eligibleOnIfNothingChanges)
                #expect(lean.report.gaps.map(\.id) == full.report.gaps.map(\.id))
                #expect(lean.report.gaps.allSatisfy { $0.suggestions.isEmpty })
            }
        }
        #expect(planner.plan(short, target: .directorPost(Self.post), start: Self.on).steps.isEmpty == false)
    }

    @Test func rankingIsDeterministicWhateverTheInputOrder() throws {
        let records = [Self.ready("P3"), Self.ready("P1", visioning: 3), Self.ready("P2"), Self.ready("P4", since: "2025-01-01")]
        let a = try rank(records).candidates.map(\.person.id)
        let b = try rank(records.reversed()).candidates.map(\.person.id)
        #expect(a == b)
        #expect(a == ["P2", "P3", "P1", "P4"])
    }

    @Test func oneCandidatesBadgeAgreesWithThePool() throws {
        let post = try ranker.post(Self.post)
        let records = [Self.ready("P1"), Self.ready("P2", visioning: 3), Self.ready("P3", since: "2025-01-01")]
        let pool = try rank(records)
        for record in records {
            let badge = try #require(ranker.candidate(record, post: post, on: Self.on))
            let ranked = try #require(pool.candidates.first { $0.person.id == record.person.id })
            #expect(badge.band == ranked.band)
            #expect(badge.planEvaluated)
        }
        // The later one's date is filled in for the badge, and it is past the horizon.
        let later = try #require(ranker.candidate(records[2], post: post, on: Self.on))
        #expect(try #require(later.eligibleOnWithPlan) > pool.horizon)
        #expect(ranker.candidate(Self.ready("P9", line: "audio-visual-officer"), post: post, on: Self.on) == nil)
    }

    @Test func anUnknownPostNamesTheNearest() {
        #expect(throws: SuccessionError(post: "dir-news-bureu", suggestion: "dir-news-bureau")) {
            try ranker.rank([], post: "dir-news-bureu", on: Self.on)
        }
    }
}
