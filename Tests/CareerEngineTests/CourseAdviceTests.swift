import CareerCatalog
import Testing
@testable import CareerEngine

/// Issue 12, findings 1–3: courses already taken, courses that do not admit the person, selective
/// programmes, and which "3 ต่าง" flag wins.
@Suite struct CourseAdviceTests {
    let analyzer = GapAnalyzer(catalog: TestCatalog.full)
    let news = Target.directorPost("dir-news-bureau")
    let on = d("2024-01-01")

    func courses(_ gap: Gap?) -> [String] {
        (gap?.suggestions ?? []).compactMap { if case .course(let c) = $0.place { return c } else { return nil } }
    }

    /// A K3 PR officer in the news bureau with a given set of completed courses.
    func k3(trainings: [CompletedTraining] = [], level: String = "K3", since: String = "2020-01-01") -> PersonRecord {
        var record = PersonRecord(person: person(level: level, since: since))
        record.assignments = [assignment("news-bureau", nil, .regular, since, nil)]
        record.trainings = trainings
        return record
    }

    // MARK: Finding 1

    @Test func aCompletedCourseIsNeverSuggestedForACompetency() {
        let record = k3(trainings: [CompletedTraining(course: "middle-executive", completedOn: d("2019-03-01"))])
        let report = analyzer.analyze(record, target: news, on: on)
        #expect(report.gap("training:middle-executive") == nil)
        let visioning = report.gap("competency:visioning")
        #expect(visioning != nil)
        #expect(!courses(visioning).contains("middle-executive"), "\(courses(visioning))")
    }

    @Test func batchesDoNotShareOnePersonsCompletions() {
        let batch = analyzer.batch(target: news, on: on)
        let fresh = batch.analyze(k3())
        let done = batch.analyze(k3(trainings: [CompletedTraining(course: "middle-executive", completedOn: d("2019-03-01"))]))
        #expect(courses(fresh.gap("competency:visioning")).contains("middle-executive"))
        #expect(!courses(done.gap("competency:visioning")).contains("middle-executive"))
    }

    @Test func aCompletedCourseIsNeverPlanned() {
        // Only posting methods: the course is the competency's first non-posting suggestion.
        let base = TestCatalog.full
        let catalog = Catalog(positionTypes: base.positionTypes, educations: base.educations, workFields: base.workFields,
                              promotionRules: base.promotionRules, diverseExperience: base.diverseExperience,
                              experienceCounting: base.experienceCounting, standards: base.standards, jobLines: base.jobLines,
                              directorPosts: base.directorPosts, units: base.units, dictionaries: base.dictionaries,
                              methods: base.methods.filter { ["job-rotation", "acting-assignment"].contains($0.id) },
                              courses: base.courses, workingGroups: base.workingGroups, executivePosts: base.executivePosts)
        let record = k3(trainings: [CompletedTraining(course: "primary-executive", completedOn: d("2018-03-01")),
                                    CompletedTraining(course: "middle-executive", completedOn: d("2019-03-01"))])
        let plan = PlanBuilder(catalog: catalog).plan(record, target: news, start: on)
        #expect(!plan.steps.contains { $0.place == .course("middle-executive") }, "\(plan.steps.map(\.place))")
        #expect(!plan.steps.contains { $0.place == .course("primary-executive") })
    }

    @Test func aLapsedCompletionIsSuggestedAgainAndSaysSo() {
        var record = k3(level: "M2", since: "2015-01-01")
        record.trainings = [CompletedTraining(course: "nbs1", completedOn: d("2016-01-01")),
                            CompletedTraining(course: "media-law-refresher", completedOn: d("2020-01-01"))]
        let s1 = analyzer.analyze(record, target: .directorPost("deputy-director-general"), on: on)
        guard case .training(_, let expired)? = s1.gap("training:nbs1")?.requirement else { Issue.record("no nbs1 gap"); return }
        #expect(expired == d("2021-01-01"))
        // The lapsed refresher (valid 2 years) comes back for its competency; a recent one does not.
        let k3Report = analyzer.analyze(k3(trainings: [CompletedTraining(course: "media-law-refresher", completedOn: d("2020-01-01"))]),
                                        target: .jobLineLevel(jobLine: "public-relations-officer", level: "K4"), on: on)
        #expect(courses(k3Report.gap("competency:expertise")).contains("media-law-refresher"))
        let recent = analyzer.analyze(k3(trainings: [CompletedTraining(course: "media-law-refresher", completedOn: d("2023-06-01"))]),
                                      target: .jobLineLevel(jobLine: "public-relations-officer", level: "K4"), on: on)
        #expect(recent.gap("competency:expertise") != nil)
        #expect(!courses(recent.gap("competency:expertise")).contains("media-law-refresher"))
    }

    // MARK: Finding 2

    @Test func executiveCoursesAreNeverSuggestedToM1() {
        let m1 = k3(level: "M1", since: "2022-01-01")
        for target in [news, .directorPost("deputy-director-general")] {
            let report = analyzer.analyze(m1, target: target, on: on)
            for gap in report.gaps {
                #expect(!courses(gap).contains("nbs2"), "\(target) \(gap.id)")
                #expect(!courses(gap).contains("por-yor-por"), "\(target) \(gap.id)")
            }
            let plan = PlanBuilder(analyzer: analyzer).plan(m1, target: target, start: on)
            #expect(!plan.steps.contains { $0.place == .course("nbs2") || $0.place == .course("por-yor-por") })
        }
    }

    @Test func aCourseForTheNextLevelStartsWhenThePromotionTimeIsMet() {
        // K2 since 2019-01-01: K3 time (48 months) met on 2023-01-01; primary-executive admits K3 only.
        let k2 = k3(level: "K2", since: "2019-01-01")
        let start = d("2022-01-01")
        let report = analyzer.analyze(k2, target: news, on: start)
        let primary = report.gap("training:middle-executive")?.suggestions.first { $0.place == .course("middle-executive") }
        #expect(primary?.from == d("2023-01-01"))
        let plan = PlanBuilder(analyzer: analyzer).plan(k2, target: news, start: start)
        let step = plan.steps.first { $0.place == .course("primary-executive") }
        #expect(step != nil)
        #expect(step.map { $0.start >= d("2023-01-01") } ?? false)
    }

    @Test func aCompetencyIsNeverBuiltWithACourseForTheNextLevel() {
        // An M1 whose M2 time is met is still M1: nbs1 (M2, K4, K5) is no way for them to build a
        // competency (a required course may wait for the promotion; see the test above).
        let m1 = k3(level: "M1", since: "2020-01-01")
        let report = analyzer.analyze(m1, target: news, on: on)
        for gap in report.gaps where gap.kind == .competency {
            #expect(!courses(gap).contains("nbs1"), "\(gap.id)")
        }
        // Every course offered for a competency admits M1 (it is not an empty test: some are offered).
        let offered = report.gaps.filter { $0.kind == .competency }.flatMap(courses)
        #expect(!offered.isEmpty)
        for course in offered {
            let levels = analyzer.catalog.coursesByID[course]?.eligibleLevels ?? []
            #expect(levels.isEmpty || levels.contains("M1"), "\(course)")
        }
    }

    @Test func selectiveCoursesAreSuggestedButNeverRequired() {
        let report = analyzer.analyze(k3(), target: .directorPost("dir-legal-affairs"), on: on)
        #expect(report.gap("training:himm") == nil)
        let m2 = analyzer.analyze(k3(), target: news, on: on)
        // himm develops visioning: it may be suggested (when it fits among the first courses).
        #expect(m2.gap("competency:visioning") != nil)
    }

    // MARK: Finding 3

    @Test func aPostCannotSwitchOffTheLevelRulesDiverseExperience() {
        // dir-legal-affairs says diverse_experience: false; the M1 rule still asks for "3 ต่าง".
        #expect(TestCatalog.full.directorPostsByID["dir-legal-affairs"]?.requiresDiverseExperience == false)
        let record = k3(since: "2019-01-01")
        let report = analyzer.analyze(record, target: .directorPost("dir-legal-affairs"), on: on)
        #expect(report.gap("experience:diverse-experience") != nil)
        // And a post can add it where the rule does not (M2 by M1 12 months has no "3 ต่าง" of its own).
        let m1 = k3(level: "M1", since: "2020-01-01")
        #expect(analyzer.analyze(m1, target: news, on: on).gap("experience:diverse-experience") != nil)
    }
}
