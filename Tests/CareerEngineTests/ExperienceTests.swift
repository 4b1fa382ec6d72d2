import CareerCatalog
import Testing
@testable import CareerEngine

@Suite struct ExperienceTests {
    let index = EngineIndex(catalog: TestCatalog.catalog)
    let analyzer = GapAnalyzer(catalog: TestCatalog.catalog)
    let post = Target.directorPost("dir-news-bureau")

    func ledger(_ assignments: [Assignment], on: String) -> ExperienceLedger {
        var record = PersonRecord(person: person(level: "K3"))
        record.assignments = assignments
        return ExperienceLedger(record: record, on: d(on), index: index)
    }

    @Test func overlappingAssignmentsCountOnce() {
        let l = ledger([assignment("news-bureau", "news", .regular, "2020-01-01", "2020-12-31"),
                        assignment("regional-pr-bureau-3", "news", .rotation, "2020-07-01", "2021-06-30")], on: "2024-01-01")
        // 2020-01-01 … 2021-06-30 = 547 days.
        #expect(abs(l.months(in: "news") - 547 / 30.4375) < 1e-9)
    }

    @Test func highestWeightWinsOnOverlap() {
        let l = ledger([assignment("news-bureau", "news", .taskForce, "2020-01-01", "2020-12-31"),
                        assignment("news-bureau", "news", .regular, "2020-07-01", "2020-12-31")], on: "2024-01-01")
        // Jan–Jun (182 days) at 0.25, Jul–Dec (184 days) at 1.
        #expect(abs(l.months(in: "news") - (182 * 0.25 + 184) / 30.4375) < 1e-9)
    }

    @Test func taskForceWeighsAQuarter() {
        let l = ledger([assignment("news-bureau", "news", .taskForce, "2020-01-01", "2023-12-31")], on: "2024-06-01")
        #expect(abs(l.months(in: "news") - 1461 * 0.25 / 30.4375) < 1e-9)
        #expect(abs(l.months(in: "news") - 12) < 1e-9)
        let other = GapAnalyzer(catalog: TestCatalog.make(taskForceWeight: 0.5))
        var record = PersonRecord(person: person(level: "K3"))
        record.assignments = [assignment("news-bureau", "news", .taskForce, "2020-01-01", "2023-12-31")]
        let months = ExperienceLedger(record: record, on: d("2024-06-01"), index: other.index).months(in: "news")
        #expect(abs(months - 24) < 1e-9)
    }

    @Test func actingCountsTowardManagementAndItsField() {
        let l = ledger([assignment("radio-thailand", nil, .acting, "2022-01-01", "2022-12-31"),
                        assignment("news-bureau", "news", .regular, "2021-01-01", nil)], on: "2023-06-01")
        #expect(abs(l.managementMonths - 365 / 30.4375) < 1e-9)
        #expect(abs(l.months(in: "radio") - 365 / 30.4375) < 1e-9)
    }

    @Test func ongoingAssignmentCountsUpToTheEvaluationDateAndProjects() {
        let l = ledger([assignment("news-bureau", "news", .regular, "2020-01-01", nil)], on: "2020-01-31")
        #expect(abs(l.months(in: "news") - 31 / 30.4375) < 1e-9)
        // 48 months = 1461 days: the 1461st day is 2023-12-31.
        #expect(l.reachedOn(months: 48, in: "news") == d("2023-12-31"))
        var record = PersonRecord(person: person(level: "K3"))
        record.assignments = [assignment("news-bureau", "news", .regular, "2020-01-01", nil)]
        #expect(analyzer.analyze(record, target: post, on: d("2023-12-30")).gap("experience:news")?.metOn == d("2023-12-31"))
        #expect(analyzer.analyze(record, target: post, on: d("2023-12-31")).gap("experience:news") == nil)
    }

    @Test func unitFieldIsTheDefault() {
        let l = ledger([assignment("radio-thailand", nil, .regular, "2020-01-01", "2020-01-10")], on: "2021-01-01")
        #expect(abs(l.months(in: "radio") - 10 / 30.4375) < 1e-9)
        #expect(l.months(in: "news") == 0)
    }

    @Test func regionalServiceFromRegionalUnits() {
        let l = ledger([assignment("regional-pr-bureau-3", "news", .regular, "2019-01-01", "2019-12-31"),
                        assignment("news-bureau", "news", .regular, "2020-01-01", nil)], on: "2021-01-01")
        #expect(abs(l.regionalMonths - 365 / 30.4375) < 1e-9)
    }

    @Test func atLeastNOfMGroup() {
        var record = PersonRecord(person: person(level: "K3"))
        record.assignments = [assignment("radio-thailand", nil, .regular, "2018-01-01", "2018-12-31"),
                              assignment("nbt", nil, .regular, "2019-01-01", "2019-06-30")]
        let report = analyzer.analyze(record, target: post, on: d("2024-01-01"))
        let group = report.gap("experience:broadcast-media")
        guard case .group(_, let atLeast, let fields)? = group?.experience?.subject else { Issue.record("no group gap"); return }
        #expect(atLeast == 1)
        #expect(fields == ["radio", "television"])
        #expect(group?.experience?.fieldMonths.count == 2)
        #expect(group?.metOn == nil)
        // 24 months of radio meets "at least 1 of 2".
        record.assignments.append(assignment("radio-thailand", nil, .regular, "2020-01-01", "2020-12-31"))
        #expect(analyzer.analyze(record, target: post, on: d("2024-01-01")).gap("experience:broadcast-media") == nil)
    }

    @Test func competencyUsesLatestSupervisorOrPanelAndFlagsNeverAssessed() {
        var record = PersonRecord(person: person(level: "K3"))
        let never = analyzer.analyze(record, target: post, on: d("2024-01-01")).gap("competency:visioning")
        #expect(never?.requirement == .competency(competency: "visioning", required: 4, actual: 0, assessed: false))
        record.assessments = [Assessment(competency: "visioning", level: 5, assessedOn: d("2022-01-01"), assessor: .panel),
                              Assessment(competency: "visioning", level: 3, assessedOn: d("2023-01-01"), assessor: .supervisor),
                              Assessment(competency: "visioning", level: 5, assessedOn: d("2023-06-01"), assessor: .`self`)]
        let latest = analyzer.analyze(record, target: post, on: d("2024-01-01")).gap("competency:visioning")
        #expect(latest?.requirement == .competency(competency: "visioning", required: 4, actual: 3, assessed: true))
    }

    @Test func requiredCoursesAreTrainingGaps() {
        var record = PersonRecord(person: person(level: "K3"))
        #expect(analyzer.analyze(record, target: post, on: d("2024-01-01")).gap("training:middle-executive") != nil)
        record.trainings = [CompletedTraining(course: "middle-executive", completedOn: d("2023-01-01"))]
        #expect(analyzer.analyze(record, target: post, on: d("2024-01-01")).gap("training:middle-executive") == nil)
    }

    @Test func ineligibleLineIsAGap() {
        let record = PersonRecord(person: person(unit: "secretary-office", line: "administrative-clerk", level: "O3", education: "bachelor"))
        let report = analyzer.analyze(record, target: post, on: d("2024-01-01"))
        #expect(report.gaps.first?.kind == .eligibility)
        #expect(report.gaps.first?.metOn == nil)
    }
}
