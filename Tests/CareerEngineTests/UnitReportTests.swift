import CareerCatalog
@testable import CareerEngine
import Testing

@Suite struct FiscalYearTests {
    @Test func runsFromOctoberToSeptember() {
        let year = FiscalYear(2569)
        #expect(year.start == d("2025-10-01"))
        #expect(year.end == d("2026-09-30"))
        #expect(year.defaultDueDate == d("2026-08-31"))
        #expect(FiscalYear.containing(d("2026-09-30")) == year)
        #expect(FiscalYear.containing(d("2026-10-01")) == FiscalYear(2570))
        #expect(FiscalYear.containing(d("2025-10-01")) == year)
        #expect(FiscalYear.containing(d("2025-09-30")) == FiscalYear(2568))
        #expect(year.contains(d("2026-01-15")) && !year.contains(d("2026-10-01")))
    }

    @Test func aDueDateFallsFromTheYearsStartToTheEndOfTheNext() {
        let year = FiscalYear(2569)
        #expect(year.allowsDueDate(year.defaultDueDate))
        #expect(year.allowsDueDate(d("2025-10-01")) && !year.allowsDueDate(d("2025-09-30")))
        #expect(year.allowsDueDate(d("2027-09-30")) && !year.allowsDueDate(d("2027-10-01")))
    }

    @Test func aCommonEraYearIsRefusedNotGuessed() {
        #expect(FiscalYear.parse("2569") == FiscalYear(2569))
        #expect(FiscalYear.parse(" 2553 ") == FiscalYear(2553))
        #expect(FiscalYear.parse("2026") == nil)
        #expect(FiscalYear.parse("๒๕๖๙") == nil || FiscalYear.parse("๒๕๖๙") == FiscalYear(2569))
        #expect(FiscalYear.parse("next") == nil)
    }
}

@Suite struct GroupCountTests {
    @Test func groupsSmallerThanFiveAreNotCounted() {
        #expect(GroupCount(4) == .fewerThanMinimum)
        #expect(GroupCount(1) == .fewerThanMinimum)
        #expect(GroupCount(5) == .count(5))
        #expect(GroupCount(0) == .count(0))
        #expect(!GroupCount(0).isShown && GroupCount(5).isShown && !GroupCount(3).isShown)
    }
}

@Suite struct UsageReportFormTests {
    @Test func ticksKeepTheFormsOrder() {
        var form = UsageReportForm(unit: "news-bureau", fiscalYear: FiscalYear(2569), activities: [.jobRotation, .circulateHandbook])
        #expect(form.activities == [.circulateHandbook, .jobRotation])
        form.toggle(.noticeBoardAnnouncement)
        form.toggle(.jobRotation)
        #expect(form.activities == [.noticeBoardAnnouncement, .circulateHandbook])
        #expect(UsageActivity.allCases.count == 10)
        #expect(UsageOutcome.allCases.count == 3)
    }

    @Test func aFormGoesInSignedWithAnActivity() {
        var form = UsageReportForm(unit: "news-bureau", fiscalYear: FiscalYear(2569))
        #expect(form.missingForSubmission == [.activities, .signerName, .signerPosition, .signedOn])
        form.otherActivity = "จัดสัมมนา"
        form.signerName = "นายสมมุติ ทดสอบ"; form.signerPosition = "ผู้อำนวยการสำนักข่าว"; form.signedOn = d("2026-08-20")
        #expect(form.missingForSubmission.isEmpty)
    }

    @Test func onTimeMeansSubmittedByTheDueDay() {
        var form = UsageReportForm(unit: "news-bureau", fiscalYear: FiscalYear(2569))
        #expect(!form.submitted(by: d("2026-08-31")))
        form.status = .submitted
        form.submittedAt = "2026-08-31T16:59:59Z"
        #expect(form.submitted(by: d("2026-08-31")))
        form.submittedAt = "2026-09-01T00:00:01Z"
        #expect(!form.submitted(by: d("2026-08-31")))
    }

    @Test func theRollupCountsEveryUnitOnce() {
        var early = UsageReportForm(unit: "news-bureau", fiscalYear: FiscalYear(2569))
        early.status = .submitted; early.submittedAt = "2026-08-01T09:00:00Z"
        var late = UsageReportForm(unit: "nbt", fiscalYear: FiscalYear(2569))
        late.status = .submitted; late.submittedAt = "2026-09-02T09:00:00Z"
        let rollup = UsageRollup(fiscalYear: FiscalYear(2569), due: d("2026-08-31"), units: ["news-bureau", "nbt", "radio-thailand"],
                                 forms: ["news-bureau": early, "nbt": late],
                                 figures: ["news-bureau": UsageFigures(people: 10, plans: ["draft": 2]), "nbt": UsageFigures(people: 7, plans: ["draft": 1, "approved": 1])])
        #expect(rollup.submittedOnTime == 1)
        #expect(rollup.submittedLate == 1)
        #expect(rollup.rows.map(\.unit) == ["news-bureau", "nbt", "radio-thailand"])
        #expect(rollup.rows[2].status == nil)
        #expect(rollup.totals.people == 17)
        #expect(rollup.totals.plans == ["draft": 3, "approved": 1])
    }
}

@Suite struct TrainingNeedsTests {
    let catalog = TestCatalog.catalog
    let on = d("2026-01-01")

    func officer(_ n: Int, unit: String = "news-bureau", expertise: Int) -> PersonRecord {
        PersonRecord(person: person(id: "P\(n)", unit: unit, level: "K1", since: "2019-08-31"),
                     assessments: [Assessment(competency: "expertise", level: expertise, assessedOn: d("2025-06-01"), assessor: .supervisor)])
    }

    @Test func countsPeopleAndAveragesTheShortfallTowardTheNextLevel() throws {
        // K2 asks expertise 2: five at 1 and one at 0 are short by 1 and 2.
        let records = (1...5).map { officer($0, expertise: 1) } + [officer(6, expertise: 0)]
        let report = TrainingNeedsAnalyzer(catalog: catalog).needs(records, units: ["news-bureau"], target: nil, on: on)
        #expect(report.measured == 6 && report.people == 6)
        let need = try #require(report.needs.first { $0.subject == "expertise" })
        #expect(need.kind == .competency)
        #expect(need.people == .count(6))
        #expect(need.averageShortfall == 7.0 / 6.0)
        // Methods that develop expertise (or any competency), by the catalog's preference; not acting (leadership, visioning).
        #expect(need.methods.first == "job-rotation")
        #expect(!need.methods.contains("acting-assignment"))
    }

    @Test func aSmallGroupShowsNoNumberAndNoAverage() throws {
        let records = (1...4).map { officer($0, expertise: 1) }
        let report = TrainingNeedsAnalyzer(catalog: catalog).needs(records, units: ["news-bureau"], target: nil, on: on)
        let need = try #require(report.needs.first { $0.subject == "expertise" })
        #expect(need.people == .fewerThanMinimum)
        #expect(need.averageShortfall == nil)
    }

    @Test func theTopOfALineHasNoNextLevelAndIsNotMeasured() {
        let top = PersonRecord(person: person(id: "P9", level: "K4", since: "2015-01-01"))
        let report = TrainingNeedsAnalyzer(catalog: catalog).needs([top], units: ["news-bureau"], target: nil, on: on)
        #expect(report.people == 1 && report.measured == 0 && report.needs.isEmpty)
    }

    @Test func aGivenTargetMeasuresEveryone() throws {
        let records = (1...5).map { officer($0, expertise: 3) }
        let report = TrainingNeedsAnalyzer(catalog: catalog).needs(records, units: ["news-bureau"],
                                                                  target: .jobLineLevel(jobLine: "public-relations-officer", level: "K4"), on: on)
        #expect(report.target == "public-relations-officer:K4")
        let need = try #require(report.needs.first { $0.subject == "expertise" })
        #expect(need.averageShortfall == 1)
    }
}

@Suite struct TrainingImpactTests {
    let catalog = TestCatalog.catalog

    /// Took primary-executive (develops leadership) on 1 March 2024: assessed `before` in January,
    /// a noisy 5 in April (under 3 months: not counted), `after` in July; a self-assessment ignored.
    func participant(_ n: Int, unit: String = "news-bureau", before: Int, after: Int) -> PersonRecord {
        PersonRecord(person: person(id: "P\(n)", unit: unit, level: "K3"),
                     assessments: [
                        Assessment(competency: "leadership", level: before, assessedOn: d("2024-01-10"), assessor: .supervisor),
                        Assessment(competency: "leadership", level: 5, assessedOn: d("2024-04-01"), assessor: .panel),
                        Assessment(competency: "leadership", level: 0, assessedOn: d("2024-06-15"), assessor: Assessor(rawValue: "self")!),
                        Assessment(competency: "leadership", level: after, assessedOn: d("2024-07-01"), assessor: .supervisor),
                     ],
                     trainings: [CompletedTraining(course: "primary-executive", completedOn: d("2024-03-01"))])
    }

    @Test func pairsTheLatestBeforeWithTheFirstThreeMonthsAfter() throws {
        let records = (1...4).map { participant($0, before: 2, after: 3) } + [participant(5, before: 3, after: 3)]
            + [participant(6, unit: "nbt", before: 1, after: 3)]
        let report = TrainingImpactAnalyzer(catalog: catalog).impact(records, units: ["news-bureau", "nbt"], on: d("2025-01-01"))
        let course = try #require(report.courses.first { $0.course == "primary-executive" })
        #expect(course.participants == .count(6))
        #expect(course.overall.people == .count(6))
        #expect(course.overall.pairs == 6)
        #expect(course.overall.meanChange == 6.0 / 6.0)
        #expect(course.overall.shareImproved == 5.0 / 6.0)
        // By unit: the news bureau's five are shown, the one at NBT is not.
        #expect(course.byUnit.map(\.unit) == ["nbt", "news-bureau"])
        #expect(course.byUnit[0].figure.people == .fewerThanMinimum && course.byUnit[0].figure.meanChange == nil)
        #expect(course.byUnit[1].figure.meanChange == 4.0 / 5.0)
    }

    @Test func tooFewPairsShowNoFigures() throws {
        let records = (1...4).map { participant($0, before: 2, after: 3) }
        let report = TrainingImpactAnalyzer(catalog: catalog).impact(records, units: ["news-bureau"], on: d("2025-01-01"))
        let course = try #require(report.courses.first)
        #expect(course.overall.people == .fewerThanMinimum)
        #expect(course.overall.pairs == nil && course.overall.meanChange == nil && course.overall.shareImproved == nil)
    }

    @Test func anAssessmentNotYetThreeMonthsAfterMakesNoPair() {
        let records = (1...5).map { participant($0, before: 2, after: 3) }
        let report = TrainingImpactAnalyzer(catalog: catalog).impact(records, units: ["news-bureau"], on: d("2024-06-30"))
        #expect(report.courses.first?.overall.people == .count(0))
    }
}

@Suite struct CurriculumRenewalTests {
    func course(_ id: String, years: Int, certified: String?) -> Course {
        Course(id: id, name: TestCatalog.t(id), provider: TestCatalog.t(""), description: TestCatalog.t(""), eligibleLevels: [],
               prerequisites: [], competencies: [], durationMonths: 1, certificationYears: years, validYears: 0,
               certifiedOn: certified.map(d))
    }

    @Test func approvalEndsAfterItsYearsAndIsDueWithinTheWindow() {
        let courses = [course("a", years: 3, certified: "2023-11-01"), course("b", years: 3, certified: "2024-06-15"),
                       course("c", years: 0, certified: nil), course("d", years: 3, certified: nil), course("e", years: 3, certified: "2022-01-01")]
        let report = CurriculumRenewal.report(courses, on: d("2026-01-01"), withinMonths: 12)
        #expect(report.curricula.map(\.course) == ["e", "a", "b", "d"])
        let byID = Dictionary(uniqueKeysWithValues: report.curricula.map { ($0.course, $0) })
        #expect(byID["a"]?.endsOn == d("2026-11-01") && byID["a"]?.due == true && byID["a"]?.lapsed == false)
        #expect(byID["b"]?.endsOn == d("2027-06-15") && byID["b"]?.due == false)
        #expect(byID["e"]?.lapsed == true && byID["e"]?.due == true)
        // An unrecorded certification date is due (someone must look it up), never silently fine.
        #expect(byID["d"]?.endsOn == nil && byID["d"]?.due == true)
    }
}
