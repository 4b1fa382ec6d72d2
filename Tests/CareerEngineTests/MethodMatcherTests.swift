import CareerCatalog
import Testing
@testable import CareerEngine

@Suite struct MethodMatcherTests {
    let analyzer = GapAnalyzer(catalog: TestCatalog.catalog)
    let post = Target.directorPost("dir-news-bureau")
    let boss = Person(id: "B1", nameTH: "หัวหน้า", nameEN: "Boss", unit: "radio-thailand", jobLine: "public-relations-officer",
                      level: "M2", levelSince: d("2018-01-01"), serviceStart: d("2000-01-01"), education: "master", supervisorID: nil)

    func report(unit: String = "news-bureau") -> GapReport {
        var record = PersonRecord(person: person(unit: unit, level: "K3", since: "2020-01-01"))
        record.assignments = [assignment(unit, nil, .regular, "2020-01-01", nil)]
        return analyzer.analyze(record, target: post, on: d("2024-01-01"), context: OrganizationContext(supervisorChain: [boss]))
    }

    @Test func rotationNeverSuggestsTheOwnUnit() {
        for unit in ["news-bureau", "radio-thailand", "regional-pr-bureau-3"] {
            for gap in report(unit: unit).gaps {
                for s in gap.suggestions where s.method == "job-rotation" {
                    #expect(s.place != .unit(unit), "\(gap.id) suggests the own unit \(unit)")
                }
            }
        }
    }

    @Test func regionalUnitsFirstWhenRegionalServiceIsMissing() {
        let r = report()
        #expect(r.gap("experience:regional") != nil)
        let rotations = r.gap("experience:broadcast-media")?.suggestions.filter { $0.method == "job-rotation" } ?? []
        // Radio is covered by radio-thailand (central) and regional-pr-bureau-3 (regional): the regional one fits better.
        #expect(rotations.first?.place == .unit("regional-pr-bureau-3"))
        let regional = r.gap("experience:regional")?.suggestions.first { $0.method == "job-rotation" }
        guard case .unit(let u)? = regional?.place else { Issue.record("no regional rotation"); return }
        #expect(TestCatalog.catalog.unitsByID[u]?.regional == true)
    }

    @Test func actingPostsComeFromTheSupervisorChain() {
        let management = report().gap("experience:management")
        #expect(management?.methods.contains("acting-assignment") == true)
        #expect(management?.suggestions.contains { $0.place == .actingPost(holder: "B1", unit: "radio-thailand", level: "M2") } == true)
    }

    @Test func competencyGetsCoachingGroupsAndCourses() {
        let visioning = report().gap("competency:visioning")
        #expect(visioning?.methods == ["acting-assignment", "coaching", "committee-task-force", "discussion-group", "self-study"])
        #expect(visioning?.suggestions.contains { $0.method == "coaching" && $0.place == .coach("B1") } == true)
        #expect(visioning?.suggestions.contains { $0.place == .workingGroup("dg-vision") } == true)
        #expect(visioning?.suggestions.contains { $0.method == "course" && $0.place == .course("middle-executive") } == true)
    }

    @Test func suggestionsAreOrderedByFit() {
        for gap in report().gaps {
            let fits = gap.suggestions.map(\.fit)
            #expect(fits == fits.sorted(by: >), "\(gap.id)")
            #expect(gap.suggestions.allSatisfy { $0.months > 0 })
        }
    }

    @Test func taskForcesByName() {
        let news = report(unit: "radio-thailand").gap("experience:news")
        #expect(news?.suggestions.contains { $0.method == "committee-task-force" && $0.place == .workingGroup("tf-election-information") } == true)
    }
}

@Suite struct PlanTests {
    let planner = PlanBuilder(catalog: TestCatalog.catalog)
    let post = Target.directorPost("dir-news-bureau")

    @Test func planClosesEveryClosableGapInStageOrder() {
        var record = PersonRecord(person: person(level: "K3", since: "2018-01-01"))
        record.levelHistory = [LevelPeriod(jobLine: "public-relations-officer", level: "K2", start: d("2012-01-01"), end: d("2017-12-31"))]
        record.assignments = [assignment("news-bureau", "news", .regular, "2012-01-01", nil)]
        record.trainings = [CompletedTraining(course: "primary-executive", completedOn: d("2019-01-01"))]
        let boss = Person(id: "B1", nameTH: "", nameEN: "Boss", unit: "news-bureau", jobLine: "public-relations-officer", level: "M2",
                          levelSince: d("2015-01-01"), serviceStart: d("2000-01-01"), education: "master", supervisorID: nil)
        let plan = planner.plan(record, target: post, start: d("2024-01-01"), context: OrganizationContext(supervisorChain: [boss]))
        #expect(plan.report.gap("experience:news") == nil)
        #expect(plan.eligibleOnIfNothingChanges == nil)      // a competency and the courses need action
        #expect(plan.eligibleOn != nil)
        let postings = plan.steps.filter { $0.method == "job-rotation" || $0.method == "acting-assignment" }
        #expect(!postings.isEmpty)
        // Postings do not overlap and follow one another.
        for (a, b) in zip(postings, postings.dropFirst()) { #expect(a.end < b.start) }
        // Every gap at the start is closed by some step.
        let closed = Set(plan.steps.flatMap(\.closes))
        for gap in plan.report.gaps where gap.kind != .timeInLevel {
            #expect(closed.contains(gap.id), "\(gap.id) not closed by the plan")
        }
        // The regional stage comes before the radio stage.
        let stages = postings.compactMap(\.stage)
        #expect(stages == stages.sorted())
        // Following the plan makes the person eligible: check it by analysing the record with the steps done.
        #expect(plan.steps.allSatisfy { $0.start >= plan.start })
        #expect(plan.steps.contains { $0.closes.contains("training:middle-executive") })
    }

    @Test func planForSomeoneAlreadyEligibleIsEmpty() {
        var record = PersonRecord(person: person(level: "K1", since: "2010-01-01"))
        record.assessments = [Assessment(competency: "expertise", level: 2, assessedOn: d("2023-01-01"), assessor: .supervisor)]
        let plan = planner.plan(record, target: .jobLineLevel(jobLine: "public-relations-officer", level: "K2"), start: d("2024-01-01"))
        #expect(plan.report.eligible)
        #expect(plan.steps.isEmpty)
        #expect(plan.eligibleOn == d("2024-01-01"))
        #expect(plan.eligibleOnIfNothingChanges == d("2024-01-01"))
    }

    @Test func timeAloneGivesTheDateWhenOnlyTimeIsMissing() {
        var record = PersonRecord(person: person(level: "K1", since: "2020-03-31"))
        record.assessments = [Assessment(competency: "expertise", level: 2, assessedOn: d("2023-01-01"), assessor: .panel)]
        let plan = planner.plan(record, target: .jobLineLevel(jobLine: "public-relations-officer", level: "K2"), start: d("2024-01-01"))
        #expect(plan.eligibleOnIfNothingChanges == d("2026-03-31"))
        #expect(plan.eligibleOn == d("2026-03-31"))
    }
}

@Suite struct PathFinderTests {
    @Test func nextLevelLateralAndDirectorPosts() {
        let finder = PathFinder(catalog: TestCatalog.catalog)
        let record = PersonRecord(person: person(level: "K2", since: "2020-01-01"))
        let paths = finder.paths(record, on: d("2024-01-01"))
        #expect(paths.map(\.target.id) == ["public-relations-officer:K3", "audio-visual-officer:K2", "dir-news-bureau"])
        #expect(paths.map(\.route) == [.promotion, .lateral, .directorPost])
        #expect(paths[2].onPromotion)
        #expect(paths.allSatisfy { $0.gapCount > 0 })
        let k3 = PersonRecord(person: person(level: "K3", since: "2020-01-01"))
        #expect(finder.paths(k3, on: d("2024-01-01")).first { $0.target.id == "dir-news-bureau" }?.onPromotion == false)
    }

    @Test func targetParsingSuggestsTheNearestID() throws {
        let catalog = TestCatalog.catalog
        #expect(try Target.parse("public-relations-officer:k3", in: catalog) == .jobLineLevel(jobLine: "public-relations-officer", level: "K3"))
        #expect(try Target.parse("dir-news-bureau", in: catalog) == .directorPost("dir-news-bureau"))
        #expect(throws: TargetError.self) { try Target.parse("dir-news-buraeu", in: catalog) }
        do { _ = try Target.parse("dir-news-buraeu", in: catalog) } catch { #expect(error.suggestion == "dir-news-bureau") }
        do { _ = try Target.parse("public-relation-officer:K3", in: catalog) } catch { #expect(error.suggestion == "public-relations-officer") }
        do { _ = try Target.parse("public-relations-officer:K9", in: catalog) } catch {
            guard case .noSuchLevel(let line, let level, let levels) = error.problem else { Issue.record("\(error.problem)"); return }
            #expect(line == "public-relations-officer" && level == "K9" && levels.contains("K3"))
        }
    }
}
