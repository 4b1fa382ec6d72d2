import CareerCatalog
import Foundation
import Testing
@testable import CareerEngine

/// The engine over the shipped `Data/`: every target it can name is analysable and every suggestion
/// names something the catalog knows.
@Suite struct ShippedCatalogTests {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data")

    static func shipped() -> Catalog? {
        guard FileManager.default.fileExists(atPath: dataFolder.appendingPathComponent("rules.yaml").path) else { return nil }
        return try? CatalogLoader.load(from: dataFolder)
    }

    @Test func everyDirectorPostIsAnalysableAndSuggestionsExist() throws {
        let catalog = try #require(Self.shipped(), "the shipped Data/ should load")
        let analyzer = GapAnalyzer(catalog: catalog)
        let planner = PlanBuilder(analyzer: analyzer)
        for post in catalog.directorPosts {
            let line = try #require(post.eligibility.first)
            let level = try #require(line.levels.first)
            let p = Person(id: "T1", nameTH: "ทดสอบ สมมุติ", nameEN: "Test Sommut", unit: "secretary-office", jobLine: line.line,
                           level: level, levelSince: d("2020-01-01"), serviceStart: d("2010-01-01"), education: "bachelor", supervisorID: nil)
            let record = PersonRecord(person: p, assignments: [Assignment(unit: "secretary-office", field: nil, role: .regular, start: d("2010-01-01"), end: nil)])
            let report = analyzer.analyze(record, target: .directorPost(post.id), on: d("2026-10-01"))
            #expect(!report.eligible, "\(post.id)")
            for gap in report.gaps {
                for s in gap.suggestions {
                    switch s.place {
                    case .unit(let u):
                        #expect(catalog.unitsByID[u] != nil)
                        if s.method == "job-rotation" { #expect(u != p.unit) }
                    case .workingGroup(let g): #expect(catalog.workingGroupsByID[g] != nil)
                    case .course(let c): #expect(catalog.coursesByID[c] != nil)
                    default: break
                    }
                    #expect(s.method == "course" || catalog.methodsByID[s.method] != nil)
                }
                if gap.kind == .experience { #expect(!gap.suggestions.isEmpty, "\(post.id) \(gap.id) has no suggestion") }
            }
            let plan = planner.plan(record, target: .directorPost(post.id), start: d("2026-10-01"))
            if let e = plan.eligibleOn, let n = plan.eligibleOnIfNothingChanges { #expect(e <= n) }
        }
    }

    @Test func everyJobLineLevelParsesAsATarget() throws {
        let catalog = try #require(Self.shipped())
        for line in catalog.jobLines {
            for level in line.levels {
                #expect(try Target.parse("\(line.id):\(level.level)", in: catalog) == .jobLineLevel(jobLine: line.id, level: level.level))
            }
        }
    }
}
