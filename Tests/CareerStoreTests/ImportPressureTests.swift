import CareerCatalog
import CareerEngine
import Foundation
import GRDB
import Testing
@testable import CareerStore

/// An import next to a working office: other connections write audit rows and plans while it runs,
/// and none of them waits for it or is lost; the import still lands whole.
@Suite struct ImportPressureTests {
    @Test("while an import checks and stages, another connection writes at once (no wait allowed); nothing is lost")
    func writersAreNotHeldUp() throws {
        let fixture = try ImportFixture()
        #expect(fixture.importFolder() == [])
        let roster = fixture.folder + "/roster"
        try DemoRoster(catalog: TestCatalog.catalog, people: 300, seed: 5).write(to: roster)
        // Another terminal: its own connection to the same file.
        let kiosk = try SQLiteRecordStore(path: fixture.store.path, terminal: "/dev/tty3")
        let person = try #require(try kiosk.person(personID: "P002", viewer: .system))
        let target = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K4")
        let plan = DevelopmentPlan(person: person, target: target, start: person.levelSince,
                                   report: GapReport(person: person, target: target, on: person.levelSince, gaps: []),
                                   steps: [], eligibleOn: nil, eligibleOnIfNothingChanges: nil)
        let auditBefore = try fixture.store.auditEntries().count
        let path = fixture.store.path
        var importer = RecordImporter(catalog: TestCatalog.catalog)
        importer.afterStaging = {
            // A connection that may not wait at all: it fails if anyone holds the write lock.
            var impatient = Configuration()
            impatient.busyMode = .immediateError
            let queue = try DatabaseQueue(path: path, configuration: impatient)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO audit_log (at, actor, subject, action, screen, terminal, detail) VALUES ('t', 'P002', 'P002', 'view', 'kiosk', 'x', '')")
            }
            for _ in 0..<10 {
                _ = try kiosk.record(personID: "P002", viewer: .person(personID: "P002"), screen: "kiosk")
                try kiosk.saveDevelopmentPlan(plan, by: .person(personID: "P002"), screen: "kiosk:plan")
            }
        }
        let summary = try importer.run(try ImportRequest.resolve([roster]), into: fixture.store)
        #expect(summary.people == 300)
        #expect(try fixture.store.peopleCount() == 304)
        let audit = try fixture.store.auditEntries()
        #expect(audit.count - auditBefore == 1 + 10 + 10, "every view and plan save has its audit row")
        let plans = try fixture.store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM development_plans WHERE person_id = 'P002'") }
        #expect(plans == 1, "the saves went to one draft")
        // The scratch database is gone.
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder).filter { $0.contains("-import-") }
        #expect(left == [])
    }

    @Test("a refused import leaves no scratch database and the records as they were")
    func refusedLeavesNoScratch() throws {
        let fixture = try ImportFixture()
        #expect(fixture.importFolder() == [])
        let before = try fixture.snapshot()
        try fixture.write(["trainings.csv": "person_id,course,completed_on\nP001,nope,2019-03-31\n"])
        #expect(fixture.importFolder() == ["trainings.csv:2:2: error: unknown course `nope`"])
        #expect(try fixture.snapshot() == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder).filter { $0.contains("-import-") }
        #expect(left == [])
    }

    @Test("an import checked against records another import has since changed is refused, not half-applied")
    func anotherImportInBetween() throws {
        let fixture = try ImportFixture()
        #expect(fixture.importFolder() == [])
        let before = try fixture.snapshot()
        var importer = RecordImporter(catalog: TestCatalog.catalog)
        let path = fixture.store.path
        importer.afterStaging = {
            // Another import lands while this one is staged.
            try SQLiteRecordStore(path: path, terminal: "").database.write { db in
                try db.execute(sql: "INSERT INTO imports (imported_at, source, people, rows) VALUES ('t', 'other', 0, 0)")
            }
        }
        do {
            try importer.run(try ImportRequest.resolve([fixture.folder]), into: fixture.store)
            Issue.record("the import went in over another one")
        } catch let refused as ImportFailure {
            #expect(refused.diagnostics.map(\.message) == ["another import changed the records while this one was being checked; run this one again"])
        }
        #expect(try fixture.snapshot() == before)
    }
}
