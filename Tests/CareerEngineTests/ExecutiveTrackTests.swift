import CareerCatalog
import Testing
@testable import CareerEngine

/// Issue 12, finding 6: the executive posts above the directors (S1, S2; any job line) as targets,
/// paths and succession candidates, with their post-appointment obligations.
@Suite struct ExecutiveTrackTests {
    let catalog = TestCatalog.full
    var analyzer: GapAnalyzer { GapAnalyzer(catalog: catalog) }
    let on = d("2024-01-01")
    let deputy = Target.directorPost("deputy-director-general")

    func record(line: String = "public-relations-officer", level: String, since: String, history: [LevelPeriod] = []) -> PersonRecord {
        var r = PersonRecord(person: person(unit: "secretary-office", line: line, level: level, since: since, education: "master"))
        r.assignments = [assignment("secretary-office", nil, .regular, since, nil)]
        r.levelHistory = history
        return r
    }

    @Test func executivePostsParseByIdAndAsLineLevel() throws {
        #expect(try Target.parse("deputy-director-general", in: catalog) == deputy)
        #expect(try Target.parse("public-relations-officer:S1", in: catalog) == deputy)
        #expect(try Target.parse("audio-visual-officer:s2", in: catalog) == .directorPost("director-general"))
        #expect(deputy.level(in: catalog) == "S1")
        #expect(throws: TargetError.self) { try Target.parse("public-relations-officer:K9", in: catalog) }
    }

    @Test func anM2DirectorSeesTheS1PostAndADeputyTheS2() {
        let finder = PathFinder(analyzer: analyzer)
        let m2 = record(level: "M2", since: "2021-01-01",
                        history: [LevelPeriod(jobLine: "public-relations-officer", level: "M1", start: d("2019-01-01"), end: d("2020-12-31"))])
        let paths = finder.paths(m2, on: on)
        let s1 = paths.first { $0.target == deputy }
        #expect(s1?.route == .executivePost)
        #expect(s1?.onPromotion == false)
        #expect(!paths.contains { $0.target.id == "director-general" })
        // Any line: at M1 or K4 now, at K3 on promotion to K4, not from K2.
        for (level, expected) in [("M1", false as Bool?), ("K4", false), ("K3", true), ("K2", nil)] {
            let r = record(line: "audio-visual-officer", level: level, since: "2021-01-01")
            #expect(finder.paths(r, on: on).first { $0.target == deputy }?.onPromotion == expected, "\(level)")
        }
        let s1Holder = record(level: "S1", since: "2022-01-01")
        let next = finder.paths(s1Holder, on: on).first { $0.target.id == "director-general" }
        #expect(next?.route == .executivePost)
        #expect(next?.eligible == true)
    }

    @Test func theS1RulesAndObligations() {
        // M1 2019-2020 + M2 since 2021: 60 months combined; nbs1 missing; nbs2 and ป.ย.ป. only as obligations.
        let m2 = record(line: "audio-visual-officer", level: "M2", since: "2021-01-01",
                        history: [LevelPeriod(jobLine: "audio-visual-officer", level: "M1", start: d("2019-01-01"), end: d("2020-12-31"))])
        let report = analyzer.analyze(m2, target: deputy, on: on)
        #expect(report.gap("eligibility") == nil)       // line `any`
        #expect(report.gap("time-in-level") == nil)
        #expect(report.gap("training:nbs1") != nil)
        #expect(report.gap("training:nbs2") == nil)
        #expect(report.obligations.map(\.course) == ["nbs2", "por-yor-por"])
        #expect(analyzer.obligations(for: deputy).map(\.course) == ["nbs2", "por-yor-por"])
        #expect(analyzer.obligations(for: .directorPost("dir-news-bureau")).isEmpty)
        // M1 for 12 months only: 12 short of the combined 24.
        let m1 = record(level: "M1", since: "2023-01-01")
        let time = analyzer.analyze(m1, target: deputy, on: on).gap("time-in-level")?.timeInLevel
        #expect(time?.levels == ["M1", "M2"])
        #expect(time?.actualMonths == 12)
        // K4: 24 months plus an approval time alone never brings.
        let k4 = record(level: "K4", since: "2020-01-01")
        let k4Gap = analyzer.analyze(k4, target: deputy, on: on).gap("time-in-level")
        #expect(k4Gap?.timeInLevel?.approvedEquivalenceMonths == 24)
        #expect(k4Gap?.metOn == nil)
    }

    @Test func succesionCandidatesOfAnExecutivePostComeFromEveryLine() throws {
        let ranker = SuccessionRanker(analyzer: analyzer)
        let post = try ranker.post("deputy-director-general")
        let filter = CandidateFilter(post: post, catalog: catalog)
        #expect(filter.onPromotion(record(line: "administrative-clerk", level: "M1", since: "2020-01-01").person) == false)
        #expect(filter.onPromotion(record(line: "audio-visual-officer", level: "K3", since: "2020-01-01").person) == true)
        #expect(!filter.pairs.contains { $0.jobLine == EligibleLine.anyLine })
    }
}
