import CareerCatalog
import Testing
@testable import CareerEngine

@Suite struct DiverseExperienceTests {
    let index = EngineIndex(catalog: TestCatalog.catalog)

    func status(_ assignments: [Assignment], history: [LevelPeriod] = [], on: String) -> DiverseExperienceStatus {
        var record = PersonRecord(person: person(level: "K3", since: "2020-01-01"))
        record.assignments = assignments
        record.levelHistory = history
        return DiverseExperience(record: record, index: index).status(on: d(on))
    }

    @Test func regionalPostingGivesUnitLocationAndField() {
        let s = status([assignment("regional-pr-bureau-3", nil, .regular, "2017-01-01", "2018-12-31"),
                        assignment("news-bureau", "news", .regular, "2019-01-01", nil)], on: "2024-01-01")
        #expect(s.have == [.unit, .location, .workField])
        #expect(s.missing == [.jobLine])
        #expect(s.met)
        #expect(s.reachedOn == d("2018-01-01"))
    }

    @Test func postingsShorterThanTheMinimumDoNotCount() {
        let s = status([assignment("regional-pr-bureau-3", nil, .regular, "2017-01-01", "2017-12-30"),
                        assignment("news-bureau", "news", .regular, "2018-01-01", nil)], on: "2024-01-01")
        #expect(s.have.isEmpty)
        #expect(s.reachedOn == nil)
        // Exactly 12 months (1 Jan … 31 Dec) counts.
        let exact = status([assignment("regional-pr-bureau-3", nil, .regular, "2017-01-01", "2017-12-31")], on: "2024-01-01")
        #expect(exact.have.count == 3)
    }

    @Test func sameLocationOtherUnitAndJobLineFromHistory() {
        let s = status([assignment("radio-thailand", nil, .regular, "2016-01-01", "2017-12-31")],
                       history: [LevelPeriod(jobLine: "audio-visual-officer", level: "K2", start: d("2014-01-01"), end: d("2019-12-31"))],
                       on: "2024-01-01")
        #expect(s.have == [.jobLine, .unit, .workField])
        #expect(s.missing == [.location])
    }

    @Test func ongoingPostingSaysWhenTheThirdWillBeReached() {
        let s = status([assignment("regional-pr-bureau-3", nil, .rotation, "2023-06-15", nil)], on: "2024-01-01")
        #expect(s.have.isEmpty)
        #expect(s.reachedOn == d("2024-06-15"))
        let analyzer = GapAnalyzer(catalog: TestCatalog.catalog)
        var record = PersonRecord(person: person(level: "K4", since: "2022-01-01"))
        record.assignments = [assignment("regional-pr-bureau-3", nil, .rotation, "2023-06-15", nil)]
        let gap = analyzer.analyze(record, target: .directorPost("dir-news-bureau"), on: d("2024-01-01")).gap("experience:diverse-experience")
        #expect(gap?.experience?.differences?.missing == Difference.allCases)
        #expect(gap?.metOn == d("2024-06-15"))
    }

    @Test func taskForcesAreNotPostings() {
        let s = status([assignment("regional-pr-bureau-3", nil, .taskForce, "2015-01-01", "2018-12-31")], on: "2024-01-01")
        #expect(s.have.isEmpty)
    }
}
