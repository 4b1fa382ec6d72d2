import CareerCatalog
import Testing
@testable import CareerEngine

/// Issue 12, findings 4 and 5: time on a related job line counts at its ratio toward a job-line
/// promotion; a time-in-level gap says what a higher degree would change, or that only time closes it.
@Suite struct TimeInLevelWaysTests {
    let analyzer = GapAnalyzer(catalog: TestCatalog.full)
    let on = d("2024-01-01")
    let prK4 = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K4")

    /// A PR officer at K3 since 2022-01-01 (24 months on `on`), with 12 earlier months at K3 on `line`.
    func k3(earlierOn line: String) -> PersonRecord {
        PersonRecord(person: person(level: "K3", since: "2022-01-01"),
                     levelHistory: [LevelPeriod(jobLine: line, level: "K3", start: d("2021-01-01"), end: d("2021-12-31"))])
    }

    // MARK: Finding 4

    @Test func relatedLineTimeCountsAtItsRatio() {
        // publicity-officer counts at 50 %: 12 months there give 6; 24 + 6 = 30 of 36.
        let gap = analyzer.analyze(k3(earlierOn: "publicity-officer"), target: prK4, on: on).gap("time-in-level")
        #expect(gap?.timeInLevel?.actualMonths == 30)
        #expect(gap?.metOn == d("2024-07-01"))
    }

    @Test func fullyRelatedLineCountsInFullAndAnUnrelatedOneNotAtAll() {
        #expect(analyzer.analyze(k3(earlierOn: "audio-visual-officer"), target: prK4, on: on).gap("time-in-level") == nil)
        let unrelated = analyzer.analyze(k3(earlierOn: "legal-officer"), target: prK4, on: on).gap("time-in-level")
        #expect(unrelated?.timeInLevel?.actualMonths == 24)
        #expect(unrelated?.metOn == d("2025-01-01"))
    }

    @Test func postsCountTheRulesLevelsWhateverTheLine() {
        // M1 for S1 counts M1+M2 on any line: 24 months on legal-officer (M1) meet it.
        var record = PersonRecord(person: person(level: "M2", since: "2023-06-01", education: "master"))
        record.levelHistory = [LevelPeriod(jobLine: "legal-officer", level: "M1", start: d("2021-06-01"), end: d("2023-05-31"))]
        let report = analyzer.analyze(record, target: .directorPost("deputy-director-general"), on: on)
        #expect(report.gap("time-in-level") == nil)
    }

    @Test func theRunsSayWhatEachPeriodGave() {
        let timeline = TimeInLevel(record: k3(earlierOn: "publicity-officer"), on: on)
        let credit = TimeInLevel.LineCredit(jobLine: "public-relations-officer", catalog: TestCatalog.full)!
        let runs = timeline.runs(levels: ["K3"], credit: credit)
        #expect(runs.map(\.jobLine) == ["publicity-officer", "public-relations-officer"])
        #expect(runs.map(\.months) == [12, 24])
        #expect(runs.map(\.percent) == [50, 100])
        #expect(runs.map(\.creditedMonths) == [6, 24])
    }

    // MARK: Finding 5

    @Test func aHigherDegreeShortensTheRequirementAndIsOffered() {
        let k1 = PersonRecord(person: person(level: "K1", since: "2022-01-01", education: "bachelor"))
        let gap = analyzer.analyze(k1, target: .jobLineLevel(jobLine: "public-relations-officer", level: "K2"), on: on).gap("time-in-level")
        #expect(gap?.timeInLevel?.requiredMonths == 72)
        #expect(gap?.timeInLevel?.withHigherEducation == [
            EducationShortcut(education: "master", requiredMonths: 48, metOn: d("2026-01-01")),
            EducationShortcut(education: "doctorate", requiredMonths: 24, metOn: on),
        ])
        #expect(gap?.methods == ["self-study"])
        #expect(gap?.suggestions.first?.method == "self-study")
        // With a master's, the doctorate is the only shorter way.
        let master = PersonRecord(person: person(level: "K1", since: "2022-01-01", education: "master"))
        let shorter = analyzer.analyze(master, target: .jobLineLevel(jobLine: "public-relations-officer", level: "K2"), on: on).gap("time-in-level")
        #expect(shorter?.timeInLevel?.requiredMonths == 48)
        #expect(shorter?.timeInLevel?.withHigherEducation.map(\.education) == ["doctorate"])
    }

    @Test func otherwiseOnlyTimeClosesIt() {
        let k2 = PersonRecord(person: person(level: "K2", since: "2022-01-01"))
        let batch = analyzer.batch(target: .jobLineLevel(jobLine: "public-relations-officer", level: "K3"), on: on)
        let gap = batch.analyze(k2).gap("time-in-level")
        #expect(gap != nil)
        #expect(gap?.timeInLevel?.withHigherEducation.isEmpty == true)
        #expect(gap?.methods.isEmpty == true)
        #expect(gap?.suggestions.isEmpty == true)
    }
}
