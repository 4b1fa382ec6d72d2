import CareerCatalog
import Testing
@testable import CareerEngine

/// The "why" of a gap: what it rests on, with provenance, and the person's own records counted.
@Suite struct GapExplanationTests {
    let analyzer = GapAnalyzer(catalog: TestCatalog.full)
    let news = Target.directorPost("dir-news-bureau")
    let on = d("2024-01-01")

    /// Overlapping assignments (a task force inside a regular posting) and an acting period.
    func record() -> PersonRecord {
        var r = PersonRecord(person: person(level: "K3", since: "2020-01-01"))
        r.assignments = [assignment("news-bureau", nil, .regular, "2020-01-01", "2021-12-31"),
                         assignment("news-bureau", "news", .taskForce, "2021-06-01", "2022-05-31"),
                         assignment("radio-thailand", nil, .rotation, "2022-01-01", nil),
                         assignment("radio-thailand", "news", .acting, "2023-01-01", "2023-03-31")]
        r.assessments = [Assessment(competency: "visioning", level: 2, assessedOn: d("2022-01-01"), assessor: .supervisor),
                         Assessment(competency: "visioning", level: 3, assessedOn: d("2023-01-01"), assessor: .panel),
                         Assessment(competency: "visioning", level: 4, assessedOn: d("2023-02-01"), assessor: .`self`)]
        r.trainings = [CompletedTraining(course: "primary-executive", completedOn: d("2021-01-01"))]
        return r
    }

    @Test func experienceCountsEachAssignmentsDaysAfterOverlap() throws {
        let r = record()
        let report = analyzer.analyze(r, target: news, on: on)
        let gap = try #require(report.gap("experience:news"))
        let why = analyzer.explain(gap, of: r, target: news, on: on)
        let counted = why.counted.compactMap { c -> (Assignment, Int, Double, Double)? in
            if case .assignment(let a, let days, let w, let cd) = c { return (a, days, w, cd) } else { return nil }
        }
        #expect(counted.count == 3)       // the rotation counts toward radio, not news
        let sum = counted.reduce(0) { $0 + $1.3 }
        let expected = try #require(gap.experience?.actualMonths) * TestCatalog.full.experienceCounting.daysPerMonth
        #expect(abs(sum - expected) < 1e-6, "\(sum) vs \(expected)")
        // The task force overlaps the regular posting for 7 months: only its last 5 months add (at 0.25).
        let taskForce = try #require(counted.first { $0.0.role == .taskForce })
        #expect(taskForce.1 == 365)
        #expect(taskForce.2 == 0.25)
        #expect(taskForce.3 == 0.25 * Double(d("2022-05-31").dayNumber - d("2022-01-01").dayNumber + 1))
        #expect(why.basis.map(\.subject) == [.post("dir-news-bureau"), .experienceCounting])
        #expect(why.restsOnDefault)         // the counting rules are a default to confirm here
    }

    @Test func managementCountsActing() throws {
        let r = record()
        let gap = try #require(analyzer.analyze(r, target: news, on: on).gap("experience:management"))
        let why = analyzer.explain(gap, of: r, target: news, on: on)
        var sum = 0.0
        for c in why.counted { if case .assignment(_, _, _, let cd) = c { sum += cd } }
        #expect(abs(sum - gap.experience!.actualMonths * 30.4375) < 1e-6)
        #expect(why.counted.count == 1)
    }

    @Test func timeInLevelShowsPeriodsAndTheRatio() throws {
        let r = PersonRecord(person: person(level: "K3", since: "2022-01-01"),
                             levelHistory: [LevelPeriod(jobLine: "publicity-officer", level: "K3", start: d("2021-01-01"), end: d("2021-12-31"))])
        let target = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K4")
        let gap = try #require(analyzer.analyze(r, target: target, on: on).gap("time-in-level"))
        let why = analyzer.explain(gap, of: r, target: target, on: on)
        #expect(why.basis.map(\.subject) == [.promotionRule(level: "K4"),
                                             .relatedLine(from: "publicity-officer", to: "public-relations-officer", ratio: 50)])
        #expect(why.restsOnDefault)          // the 50 % is a default here
        var months = 0
        for c in why.counted { if case .levelPeriod(_, _, _, _, let m) = c { months += m } }
        #expect(months == gap.timeInLevel?.actualMonths)
        #expect(why.counted.first == .levelPeriod(jobLine: "publicity-officer", level: "K3", start: d("2021-01-01"), end: d("2021-12-31"), months: 6))
    }

    @Test func competencyShowsTheAssessmentThatCountsAndSelfAssessments() throws {
        let r = record()
        let gap = try #require(analyzer.analyze(r, target: news, on: on).gap("competency:visioning"))
        let why = analyzer.explain(gap, of: r, target: news, on: on)
        #expect(why.counted == [.assessment(r.assessments[1], counts: true), .assessment(r.assessments[2], counts: false)])
        #expect(why.basis.first?.subject == .post("dir-news-bureau"))
    }

    @Test func trainingEducationEligibilityAndDiverse() throws {
        var r = record()
        r.trainings.append(CompletedTraining(course: "nbs1", completedOn: d("2010-01-01")))
        r.person.level = "M2"; r.person.levelSince = d("2019-01-01"); r.person.education = "bachelor"
        let deputy = Target.directorPost("deputy-director-general")
        let report = analyzer.analyze(r, target: deputy, on: on)
        let training = try #require(report.gap("training:nbs1"))
        let why = analyzer.explain(training, of: r, target: deputy, on: on)
        #expect(why.counted == [.training(CompletedTraining(course: "nbs1", completedOn: d("2010-01-01")))])
        #expect(why.basis.map(\.subject) == [.promotionRule(level: "S1"), .course("nbs1")])
        // The rule states its source; the test catalog's nbs1 states none, so it is a default to confirm.
        #expect(why.basis.first?.provenance.confirm == false)
        #expect(why.restsOnDefault)
        #expect(analyzer.restsOnDefault(training, of: r, target: deputy))

        let legal = Target.directorPost("dir-legal-affairs")
        let k3 = record()
        let diverse = try #require(analyzer.analyze(k3, target: legal, on: on).gap("experience:diverse-experience"))
        let whyDiverse = analyzer.explain(diverse, of: k3, target: legal, on: on)
        #expect(whyDiverse.basis.map(\.subject) == [.promotionRule(level: "M1"), .diverseExperience])
        #expect(whyDiverse.restsOnDefault)

        var clerk = record()
        clerk.person.jobLine = "administrative-clerk"; clerk.person.level = "O1"
        let ineligible = try #require(analyzer.analyze(clerk, target: news, on: on).gap("eligibility"))
        #expect(analyzer.explain(ineligible, of: clerk, target: news, on: on).basis.map(\.subject) == [.post("dir-news-bureau")])

        var school = PersonRecord(person: person(level: "K1", since: "2022-01-01", education: "high-vocational-diploma"))
        school.person.education = "high-vocational-diploma"
        let k2 = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K2")
        let education = try #require(analyzer.analyze(school, target: k2, on: on).gap("education"))
        let whyEducation = analyzer.explain(education, of: school, target: k2, on: on)
        #expect(whyEducation.counted == [.education("high-vocational-diploma")])
        #expect(whyEducation.basis.contains { $0.subject == .standard("public-relations-officer") })
    }
}
