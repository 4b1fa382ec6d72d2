import CareerCatalog
import Testing
@testable import CareerEngine

/// SplitMix64: a small seeded generator so property tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomRecords {
    static let units = TestCatalog.catalog.units.map(\.id)
    static let fields = ["news", "radio", "television", "regional-operations", "pr-campaigns", nil]

    static func date(_ g: inout SeededGenerator, from: Int = 2005, to: Int = 2025) -> CivilDate {
        CivilDate(dayNumber: Int.random(in: d("\(from)-01-01").dayNumber...d("\(to)-12-31").dayNumber, using: &g))
    }

    static func assignment(_ g: inout SeededGenerator) -> Assignment {
        let start = date(&g)
        let ongoing = Int.random(in: 0..<5, using: &g) == 0
        let end = ongoing ? nil : start.adding(days: Int.random(in: 0...2000, using: &g))
        return Assignment(unit: units.randomElement(using: &g)!, field: fields.randomElement(using: &g)!,
                          role: AssignmentRole.allCases.randomElement(using: &g)!, start: start, end: end)
    }

    static func record(_ g: inout SeededGenerator) -> PersonRecord {
        let level = ["K1", "K2", "K3", "K4", "M1"].randomElement(using: &g)!
        var p = person(unit: units.randomElement(using: &g)!, level: level, since: "2015-01-01",
                       education: ["bachelor", "master", "doctorate"].randomElement(using: &g)!)
        p.levelSince = date(&g, from: 2010, to: 2023)
        var record = PersonRecord(person: p)
        record.assignments = (0..<Int.random(in: 0...6, using: &g)).map { _ in assignment(&g) }
        if Bool.random(using: &g) {
            record.levelHistory = [LevelPeriod(jobLine: Bool.random(using: &g) ? "audio-visual-officer" : "public-relations-officer",
                                               level: "K3", start: p.levelSince.adding(months: -Int.random(in: 12...60, using: &g)), end: nil)]
        }
        for c in ["visioning", "expertise"] where Bool.random(using: &g) {
            record.assessments.append(Assessment(competency: c, level: Int.random(in: 1...5, using: &g), assessedOn: date(&g, from: 2018, to: 2023),
                                                 assessor: [.supervisor, .panel].randomElement(using: &g)!))
        }
        if Bool.random(using: &g) { record.trainings.append(CompletedTraining(course: "middle-executive", completedOn: date(&g, from: 2015, to: 2023))) }
        return record
    }
}

@Suite struct PropertyTests {
    let analyzer = GapAnalyzer(catalog: TestCatalog.catalog)
    let targets: [Target] = [.directorPost("dir-news-bureau"), .jobLineLevel(jobLine: "public-relations-officer", level: "K3"),
                             .jobLineLevel(jobLine: "public-relations-officer", level: "K2")]

    @Test func monthsInAFieldNeverExceedTheCalendarSpan() {
        var g = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let record = RandomRecords.record(&g)
            let on = RandomRecords.date(&g, from: 2015, to: 2026)
            let ledger = ExperienceLedger(record: record, on: on, index: analyzer.index)
            let earliest = record.assignments.map(\.start).min() ?? on
            let span = Double(max(0, on.dayNumber - earliest.dayNumber + 1)) / 30.4375
            for field in ["news", "radio", "television", "regional-operations", "pr-campaigns"] {
                #expect(ledger.months(in: field) <= span + 1e-9)
            }
            #expect(ledger.managementMonths <= span + 1e-9)
            #expect(ledger.regionalMonths <= span + 1e-9)
        }
    }

    /// Whether `after` is no further from the target than `before` on this gap.
    func notWider(_ after: Gap, _ before: Gap?) -> Bool {
        guard let before else { return false }  // a gap that was not there before
        switch (after.requirement, before.requirement) {
        case (.experience(let a), .experience(let b)):
            if a.subject == .diverseExperience { return a.differences!.have.count >= b.differences!.have.count }
            if !a.fieldMonths.isEmpty { return zip(a.fieldMonths, b.fieldMonths).allSatisfy { $0.months >= $1.months - 1e-9 } }
            return a.actualMonths >= b.actualMonths - 1e-9
        default:
            break
        }
        switch (after.metOn, before.metOn) {
        case (_, nil): return true
        case (nil, _?): return false
        case let (x?, y?): return x <= y
        }
    }

    @Test func addingAnAssignmentNeverWidensAGap() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            var record = RandomRecords.record(&g)
            let on = RandomRecords.date(&g, from: 2018, to: 2026)
            let target = targets.randomElement(using: &g)!
            let before = analyzer.analyze(record, target: target, on: on, suggestions: false)
            record.assignments.append(RandomRecords.assignment(&g))
            let after = analyzer.analyze(record, target: target, on: on, suggestions: false)
            for gap in after.gaps {
                #expect(notWider(gap, before.gap(gap.id)), "\(gap.id) widened for \(record)")
            }
            #expect(after.gaps.count <= before.gaps.count)
        }
    }

    @Test func followingThePlanIsNeverLaterThanDoingNothing() {
        var g = SeededGenerator(seed: 2024)
        let planner = PlanBuilder(analyzer: analyzer)
        for _ in 0..<150 {
            let record = RandomRecords.record(&g)
            let start = RandomRecords.date(&g, from: 2020, to: 2026)
            let target = targets.randomElement(using: &g)!
            let plan = planner.plan(record, target: target, start: start)
            if let nothing = plan.eligibleOnIfNothingChanges {
                #expect(plan.eligibleOn != nil)
                if let e = plan.eligibleOn { #expect(e <= nothing) }
            }
            if let e = plan.eligibleOn { #expect(e >= start) }
            // Postings are sequential and inside the plan.
            let postings = plan.steps.filter { PlanBuilder.postingMethods.contains($0.method) }
            for (a, b) in zip(postings, postings.dropFirst()) { #expect(a.end < b.start) }
        }
    }

    @Test func thePlansDateHoldsWhenTheStepsAreDone() {
        // Replaying a plan's postings as real assignments gives a report whose experience gaps close by eligibleOn.
        var g = SeededGenerator(seed: 99)
        let planner = PlanBuilder(analyzer: analyzer)
        for _ in 0..<100 {
            var record = RandomRecords.record(&g)
            let start = RandomRecords.date(&g, from: 2020, to: 2025)
            let plan = planner.plan(record, target: .directorPost("dir-news-bureau"), start: start)
            guard let eligibleOn = plan.eligibleOn else { continue }
            for step in plan.steps {
                switch step.place {
                case .unit(let u): record.assignments.append(Assignment(unit: u, field: step.field, role: step.method == "job-assignment" ? .regular : .rotation, start: step.start, end: step.end))
                case .actingPost(_, let u, _): record.assignments.append(Assignment(unit: u, field: step.field, role: .acting, start: step.start, end: step.end))
                default: break
                }
            }
            let later = analyzer.analyze(record, target: .directorPost("dir-news-bureau"), on: eligibleOn, suggestions: false)
            #expect(!later.gaps.contains { $0.kind == .experience && $0.id != "experience:diverse-experience" && $0.metOn == nil },
                    "\(later.gaps.map(\.id))")
        }
    }
}

@Suite struct CountedAssessmentTests {
    @Test("the latest supervisor or panel assessment counts (same day: the later row); self-assessments never do")
    func oneRule() {
        func a(_ level: Int, _ day: String, _ assessor: Assessor) -> Assessment {
            Assessment(competency: "c", level: level, assessedOn: CivilDate(iso: day)!, assessor: assessor)
        }
        var record = PersonRecord(person: Person(id: "P1", nameTH: "ก", nameEN: "A", unit: "u", jobLine: "l", level: "K1",
                                                 levelSince: CivilDate(iso: "2020-01-01")!, serviceStart: CivilDate(iso: "2020-01-01")!,
                                                 education: "bachelor", supervisorID: nil))
        record.assessments = [a(2, "2025-01-01", .supervisor), a(5, "2025-06-01", .`self`), a(3, "2025-03-01", .panel),
                              a(4, "2025-03-01", .supervisor), a(1, "2025-09-01", .supervisor)]
        let on = CivilDate(iso: "2025-08-01")!
        #expect(record.latestAssessment(of: "c", on: on)?.level == 4)
        #expect(record.latestAssessment(of: "c", on: on, counted: false)?.level == 5)
        #expect(record.latestAssessment(of: "c", on: CivilDate(iso: "2025-12-31")!)?.level == 1)
        #expect(record.latestAssessment(of: "other", on: on) == nil)
        #expect(!a(5, "2025-06-01", .`self`).counts)
    }
}

@Suite struct BatchTests {
    @Test func sharedSuggestionsGiveTheSameReportsAsSingleAnalyses() {
        let analyzer = GapAnalyzer(catalog: TestCatalog.catalog)
        let boss = person(id: "B1", unit: "radio-thailand", level: "M2")
        var g = SeededGenerator(seed: 5)
        for target in [Target.directorPost("dir-news-bureau"), .jobLineLevel(jobLine: "public-relations-officer", level: "K3")] {
            let batch = analyzer.batch(target: target, on: d("2024-06-01"))
            for i in 0..<300 {
                let record = RandomRecords.record(&g)
                let context = i % 3 == 0 ? OrganizationContext(supervisorChain: [boss]) : .none
                #expect(batch.analyze(record, context: context) == analyzer.analyze(record, target: target, on: d("2024-06-01"), context: context))
            }
            #expect(batch.sharedSituations < 300)
        }
    }
}
