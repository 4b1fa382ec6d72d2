import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing

/// The shipped reference data and demo roster of this checkout.
enum Shipped {
    static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// The shipped catalog, loaded once for every test that asks.
    static func catalog() throws -> Catalog { try loaded.get() }

    private static let loaded = CatalogLoader.result(from: data)
}

@Suite struct DemoRosterTests {
    @Test func sameSeedSameFiles() throws {
        let a = try ImportFixture(files: [:]), b = try ImportFixture(files: [:])
        try DemoRoster(catalog: TestCatalog.catalog, people: 60, seed: 7).write(to: a.folder + "/demo")
        try DemoRoster(catalog: TestCatalog.catalog, people: 60, seed: 7).write(to: b.folder + "/demo")
        for kind in RecordFile.allCases {
            let x = try Data(contentsOf: URL(fileURLWithPath: a.folder + "/demo/" + kind.fileName))
            let y = try Data(contentsOf: URL(fileURLWithPath: b.folder + "/demo/" + kind.fileName))
            #expect(x == y, "\(kind.fileName) differs between two runs with the same seed")
        }
        try DemoRoster(catalog: TestCatalog.catalog, people: 60, seed: 8).write(to: b.folder + "/demo")
        let x = try Data(contentsOf: URL(fileURLWithPath: a.folder + "/demo/people.csv"))
        let y = try Data(contentsOf: URL(fileURLWithPath: b.folder + "/demo/people.csv"))
        #expect(x != y, "another seed should give another roster")
    }

    @Test(arguments: StoreEngine.all) func smallCatalogRosterImportsCleanly(engine: StoreEngine) throws {
        let fixture = try ImportFixture(files: [:], engine: engine)
        try DemoRoster(catalog: TestCatalog.catalog, people: 200, seed: 1).write(to: fixture.folder + "/demo")
        #expect(fixture.importing([fixture.folder + "/demo"]) == [])
        #expect(try fixture.store.peopleCount() == 200)
    }

    /// The committed Data/demo: imports without an error and covers every job line and level.
    /// (Director-post coverage — someone near and someone far from each post — is checked with the
    /// engine in the engine's tests, since "near" needs its gap analysis.)
    @Test(arguments: StoreEngine.all) func shippedDemoRosterImportsAndCoversTheLadder(engine: StoreEngine) throws {
        let catalog = try Shipped.catalog()
        let fixture = try ImportFixture(files: [:], engine: engine)
        let demo = Shipped.data.appendingPathComponent("demo").path
        #expect(fixture.importing([demo], catalog: catalog) == [])
        let records = try fixture.store.allRecords(viewer: .system)
        #expect(records.count >= 300)

        let held = Set(records.map { "\($0.person.jobLine):\($0.person.level)" })
        for line in catalog.jobLines {
            for level in line.levels {
                #expect(held.contains("\(line.id):\(level.level)"), "nobody at \(line.id) \(level.level)")
            }
        }
        // Every level of the ladder is held by someone (managerial and executive ones by directors and the top).
        let levels = Set(records.map(\.person.level))
        for level in catalog.positionTypes.flatMap(\.levels) { #expect(levels.contains(level.id), "nobody at \(level.id)") }

        // The shape the engine's features rely on.
        let roles = Set(records.flatMap(\.assignments).map(\.role))
        #expect(roles.isSuperset(of: [.regular, .rotation, .acting, .taskForce]))
        #expect(Set(records.flatMap(\.assessments).map(\.assessor)) == Set(Assessor.allCases))
        #expect(records.contains { r in r.assignments.contains { catalog.unitsByID[$0.unit]?.regional == true } })
        #expect(Set(records.flatMap(\.trainings).map(\.course)).isSuperset(of: ["primary-executive", "middle-executive", "nbs1"]))
        #expect(records.filter { !$0.levelHistory.isEmpty }.count > records.count / 2)
        #expect(records.filter { $0.person.supervisorID == nil }.count == 1, "one Director-General at the top")
        // Every director post's unit has a head at the post's level.
        for post in catalog.directorPosts {
            #expect(records.contains { $0.person.unit == post.unit && $0.person.level == post.level }, "no head for \(post.id)")
        }
    }
}
