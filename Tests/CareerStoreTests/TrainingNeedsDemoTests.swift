import CareerCatalog
@testable import CareerEngine
@testable import CareerStore
import Testing

/// A unit's training needs count only each person's competency and course gaps
/// (`GapAnalyzer.developmentGaps`), not the whole analysis (issue 14's 2 s target). On the demo
/// roster and the shipped catalog they must be exactly the competency and course gaps of the full
/// analysis, toward each person's next level and toward a director post.
@Suite struct TrainingNeedsDemoTests {
    @Test func theNeedsSeeTheFullAnalysisCompetencyAndCourseGaps() throws {
        let demo = try DemoClaimsTests.loaded.get()
        let analyzer = GapAnalyzer(catalog: demo.catalog)
        let on = DemoClaimsTests.on
        var compared = 0, withGaps = 0
        for target in [nil, Target.directorPost("dir-news-bureau"), .directorPost("no-such-post")] as [Target?] {
            for record in demo.records {
                guard let goal = target ?? Target.nextLevel(of: record.person, in: demo.catalog) else { continue }
                let full = analyzer.analyze(record, target: goal, on: on, suggestions: false).gaps
                    .filter { $0.kind == .competency || $0.kind == .training }
                var counted: [Gap] = []
                analyzer.developmentGaps(record, TargetRequirements(target: goal, index: analyzer.index), on: on, into: &counted)
                #expect(counted == full, "\(record.person.id) → \(goal)")
                compared += 1
                if !full.isEmpty { withGaps += 1 }
            }
        }
        // The comparison means something: most of the roster was measured, many with gaps.
        #expect(compared > demo.records.count * 2 && withGaps > 100, "\(compared) compared, \(withGaps) with gaps")
    }

    /// The store reads only supervisor and panel assessments and trainings for these reports (`RecordHistories.training`),
    /// in batches of named people: the reports equal those of the whole records.
    @Test(arguments: StoreEngine.all) func theStoreReadsWhatTheReportsCount(engine: StoreEngine) throws {
        let demo = try DemoClaimsTests.loaded.get()
        let fixture = try ImportFixture(files: [:], engine: engine)
        #expect(fixture.importing([DemoClaimsTests.folder.path], catalog: demo.catalog).isEmpty)
        let units = demo.catalog.units.map(\.id), on = DemoClaimsTests.on
        let analyzer = GapAnalyzer(catalog: demo.catalog)
        for target in [nil, Target.directorPost("dir-news-bureau")] {
            let stored = try fixture.store.trainingNeeds(units: units, target: target, on: on, viewer: .system, catalog: demo.catalog, screen: "test")
            #expect(stored == TrainingNeedsAnalyzer(analyzer: analyzer).needs(demo.records, units: units, target: target, on: on))
        }
        let impact = try fixture.store.trainingImpact(units: units, on: on, viewer: .system, catalog: demo.catalog, screen: "test")
        #expect(impact == TrainingImpactAnalyzer(catalog: demo.catalog).impact(demo.records, units: units, on: on))
        #expect(!impact.courses.isEmpty)
        // Batches name their people: a unit's people, each once, whatever the batch size.
        var seen: [String] = []
        try fixture.store.forEachUnitRecordBatch(units: ["news-bureau"], viewer: .system, catalog: demo.catalog, histories: .training,
                                                 batch: 2, screen: "test", report: "needs") { batch in
            #expect(batch.count <= 2 && batch.allSatisfy { $0.assignments.isEmpty && $0.levelHistory.isEmpty })
            #expect(batch.allSatisfy { record in record.assessments.allSatisfy { $0.assessor != .`self` } })
            seen += batch.map(\.person.id)
        }
        #expect(seen == demo.records.filter { $0.person.unit == "news-bureau" }.map(\.person.id).sorted())
    }

    @Test func theReportCountsThoseGaps() throws {
        let demo = try DemoClaimsTests.loaded.get()
        let analyzer = GapAnalyzer(catalog: demo.catalog)
        let on = DemoClaimsTests.on
        let report = TrainingNeedsAnalyzer(analyzer: analyzer).needs(demo.records, units: ["all"], target: nil, on: on)
        // Each need's head count, counted again from the full analyses.
        var people: [String: Int] = [:]
        for record in demo.records {
            guard let goal = Target.nextLevel(of: record.person, in: demo.catalog) else { continue }
            for gap in analyzer.analyze(record, target: goal, on: on, suggestions: false).gaps where gap.kind == .competency || gap.kind == .training {
                people[gap.id, default: 0] += 1
            }
        }
        #expect(!report.needs.isEmpty)
        for need in report.needs {
            let id = "\(need.kind.rawValue):\(need.subject)"
            #expect(need.people == GroupCount(people[id] ?? 0), "\(id)")
        }
        #expect(report.needs.count == people.count)
    }
}
