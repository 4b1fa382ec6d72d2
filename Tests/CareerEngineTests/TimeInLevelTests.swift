import CareerCatalog
import Testing
@testable import CareerEngine

@Suite struct TimeInLevelTests {
    let analyzer = GapAnalyzer(catalog: TestCatalog.catalog)
    let k2 = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K2")

    @Test func boundaryDayItselfMeetsTheRule() {
        let record = PersonRecord(person: person(level: "K1", since: "2019-08-31"))
        let before = analyzer.analyze(record, target: k2, on: d("2025-08-30"))
        let gap = before.gap("time-in-level")
        #expect(gap?.timeInLevel?.requiredMonths == 72)
        #expect(gap?.timeInLevel?.actualMonths == 71)
        #expect(gap?.metOn == d("2025-08-31"))
        let on = analyzer.analyze(record, target: k2, on: d("2025-08-31"))
        #expect(on.gap("time-in-level") == nil)
    }

    @Test func endOfAugustPlusSixMonthsClampsToFebruary() {
        #expect(d("2019-08-31").adding(months: 6) == d("2020-02-29"))
        #expect(d("2022-08-31").adding(months: 6) == d("2023-02-28"))
        let record = PersonRecord(person: person(level: "K1", since: "2019-08-31"))
        let t = TimeInLevel(record: record, on: d("2020-02-28"))
        let s = t.standing(levels: ["K1"], required: 6)
        #expect(s.months == 5)
        #expect(s.reachedOn == d("2020-02-29"))
        #expect(TimeInLevel(record: record, on: d("2020-02-29")).standing(levels: ["K1"], required: 6).months == 6)
    }

    @Test func leapDayStart() {
        let record = PersonRecord(person: person(level: "K2", since: "2020-02-29"))
        let k3 = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K3")
        let report = analyzer.analyze(record, target: k3, on: d("2024-02-28"))
        #expect(report.gap("time-in-level")?.metOn == d("2024-02-29"))
        #expect(analyzer.analyze(record, target: k3, on: d("2024-02-29")).gap("time-in-level") == nil)
        // A year on from 29 Feb is 28 Feb.
        #expect(TimeInLevel(record: record, on: d("2021-02-28")).standing(levels: ["K2"], required: 12).months == 12)
        #expect(TimeInLevel(record: record, on: d("2021-02-27")).standing(levels: ["K2"], required: 12).months == 11)
    }

    @Test(arguments: [("bachelor", 72), ("master", 48), ("doctorate", 24)])
    func knowledgeEducationVariants(education: String, months: Int) {
        let record = PersonRecord(person: person(level: "K1", since: "2020-01-15", education: education))
        let report = analyzer.analyze(record, target: k2, on: d("2020-06-01"))
        let gap = report.gap("time-in-level")
        #expect(gap?.timeInLevel?.requiredMonths == months)
        #expect(gap?.metOn == d("2020-01-15").adding(months: months))
        #expect(report.gap("education") == nil)
    }

    @Test(arguments: [("vocational-certificate", 72), ("technical-certificate", 60), ("high-vocational-diploma", 48), ("bachelor", 48)])
    func generalEducationVariants(education: String, months: Int) {
        let record = PersonRecord(person: person(unit: "secretary-office", line: "administrative-clerk", level: "O1", since: "2018-03-01", education: education))
        let report = analyzer.analyze(record, target: .jobLineLevel(jobLine: "administrative-clerk", level: "O2"), on: d("2019-01-01"))
        #expect(report.gap("time-in-level")?.timeInLevel?.requiredMonths == months)
        #expect(report.gap("education") == nil)
    }

    @Test func belowTheQualificationIsAnEducationGap() {
        let record = PersonRecord(person: person(level: "K1", since: "2015-01-01", education: "high-vocational-diploma"))
        let report = analyzer.analyze(record, target: k2, on: d("2024-01-01"))
        guard case .education(let required, let actual)? = report.gap("education")?.requirement else {
            Issue.record("expected an education gap"); return
        }
        #expect(required == "bachelor")
        #expect(actual == "high-vocational-diploma")
        #expect(report.gap("education")?.metOn == nil)
        #expect(report.eligibleOnIfNothingChanges == nil)
    }

    @Test func combinedLevelsFromHistoryReportTheClosestAlternative() {
        // K3 for 40 months, then M1 for 3: M1 12 needs 9 more months; K3+M1 48 needs 5.
        var record = PersonRecord(person: person(level: "M1", since: "2023-05-01"))
        record.levelHistory = [LevelPeriod(jobLine: "public-relations-officer", level: "K3", start: d("2020-01-01"), end: d("2023-04-30"))]
        let gaps = analyzer.requirementGaps(record, target: .directorPost("dir-news-bureau"), on: d("2023-08-01"))
        let time = gaps.first { $0.kind == .timeInLevel }
        #expect(time?.timeInLevel?.levels == ["K3", "M1"])
        #expect(time?.timeInLevel?.requiredMonths == 48)
        #expect(time?.timeInLevel?.actualMonths == 43)
        #expect(time?.metOn == d("2024-01-01"))
    }

    @Test func combinedLevelsAlreadyMet() {
        var record = PersonRecord(person: person(level: "M1", since: "2022-01-01"))
        record.levelHistory = [LevelPeriod(jobLine: "public-relations-officer", level: "K3", start: d("2018-01-01"), end: nil)]
        let gaps = analyzer.requirementGaps(record, target: .directorPost("dir-news-bureau"), on: d("2022-06-01"))
        #expect(!gaps.contains { $0.kind == .timeInLevel })
    }

    @Test func k4AnyTimeNeedsDiverseExperience() {
        let record = PersonRecord(person: person(level: "K4", since: "2024-01-01"))
        let gaps = analyzer.requirementGaps(record, target: .directorPost("dir-news-bureau"), on: d("2024-02-01"))
        #expect(!gaps.contains { $0.kind == .timeInLevel })
        #expect(gaps.contains { $0.id == "experience:diverse-experience" })
    }

    @Test func approvedEquivalenceIsNeverMetByTime() {
        let record = PersonRecord(person: person(level: "K4", since: "2015-01-01"))
        let gaps = analyzer.requirementGaps(record, target: .jobLineLevel(jobLine: "public-relations-officer", level: "S1"), on: d("2024-01-01"))
        let time = gaps.first { $0.kind == .timeInLevel }
        #expect(time?.timeInLevel?.approvedEquivalenceMonths == 24)
        #expect(time?.metOn == nil)
    }
}
