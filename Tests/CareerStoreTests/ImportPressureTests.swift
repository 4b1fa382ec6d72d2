import CareerCatalog
import CareerEngine
import Foundation
import GRDB
import Testing
@testable import CareerStore

/// An import next to a working office: other connections write audit rows and plans while it runs,
/// and none of them waits for it or is lost; the import still lands whole.
@Suite struct ImportPressureTests {
    @Test("while an import checks and stages (PostgreSQL: streams), another connection writes at once (no wait allowed); nothing is lost",
          arguments: StoreEngine.all)
    func writersAreNotHeldUp(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let roster = fixture.folder + "/roster"
        try DemoRoster(catalog: TestCatalog.catalog, people: 300, seed: 5).write(to: roster)
        // Another terminal: its own connection to the same file.
        let kiosk = try fixture.reopened(terminal: "/dev/tty3")
        let person = try #require(try kiosk.person(personID: "P002", viewer: .system))
        let target = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K4")
        let plan = DevelopmentPlan(person: person, target: target, start: person.levelSince,
                                   report: GapReport(person: person, target: target, on: person.levelSince, gaps: []),
                                   steps: [], eligibleOn: nil, eligibleOnIfNothingChanges: nil)
        let auditBefore = try fixture.store.auditEntries().count
        let path = fixture.store.path
        var importer = RecordImporter(catalog: TestCatalog.catalog)
        let impatientSQL = "INSERT INTO audit_log (at, actor, subject, action, screen, terminal, detail) VALUES ('t', 'P002', 'P002', 'view', 'kiosk', 'x', '')"
        importer.afterStaging = {
            // A connection that may not wait at all: it fails if anyone holds the write lock (SQLite)
            // or a lock on a row or table it needs (PostgreSQL: `lock_timeout` of 1 ms).
            switch engine {
            case .sqlite:
                var impatient = Configuration()
                impatient.busyMode = .immediateError
                let queue = try DatabaseQueue(path: path, configuration: impatient)
                try queue.write { db in try db.execute(sql: impatientSQL) }
            case .postgres:
                let server = try PersonnelStore(location: path, terminal: "x").database
                try server.write { db in
                    try db.execute(sql: "SET LOCAL lock_timeout = '1ms'")
                    try db.execute(sql: impatientSQL)
                }
                try server.close()
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
        // The scratch database is gone (SQLite: it sits next to the records; PostgreSQL: in a
        // private temporary folder that the store tests running in parallel share, so not counted here).
        if engine == .sqlite {
            let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder).filter { $0.contains("-import-") }
            #expect(left == [])
        }
    }

    @Test("a refused import leaves no scratch database and the records as they were", arguments: StoreEngine.all)
    func refusedLeavesNoScratch(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let before = try fixture.snapshot()
        try fixture.write(["trainings.csv": "person_id,course,completed_on\nP001,nope,2019-03-31\n"])
        #expect(fixture.importFolder() == ["trainings.csv:2:2: error: unknown course `nope`"])
        #expect(try fixture.snapshot() == before)
        if engine == .sqlite {
            let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder).filter { $0.contains("-import-") }
            #expect(left == [])
        }
    }

    @Test("an import checked against records another import has since changed is refused, not half-applied",
          arguments: StoreEngine.all)
    func anotherImportInBetween(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let before = try fixture.snapshot()
        var importer = RecordImporter(catalog: TestCatalog.catalog)
        let path = fixture.store.path
        importer.afterStaging = {
            // Another import lands while this one is staged.
            try PersonnelStore(location: path, terminal: "").database.write { db in
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

    /// (A PostgreSQL import writes no scratch file: its rows stream to the server.)
    @Test("the import's scratch database is private while it exists: 0600, in the records' folder")
    func scratchIsPrivate() throws {
        let fixture = try ImportFixture(engine: .sqlite)
        let folder = fixture.folder
        let seen = ScratchModes()
        var importer = RecordImporter(catalog: TestCatalog.catalog)
        importer.afterStaging = {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.contains("-import-\(getpid())-") {
                seen.add(StoreFileTests.mode(folder + "/" + name))
            }
        }
        try importer.run(try ImportRequest.resolve([fixture.folder]), into: fixture.store)
        #expect(!seen.all.isEmpty, "the scratch database was not found in \(folder)")
        #expect(seen.all.allSatisfy { $0 == 0o600 }, "\(seen.all.map { String($0 ?? -1, radix: 8) })")
    }
}

/// File modes seen from inside an import (its `afterStaging` hook).
final class ScratchModes: @unchecked Sendable {
    private let lock = NSLock()
    private var modes: [Int?] = []
    func add(_ mode: Int?) { lock.withLock { modes.append(mode) } }
    var all: [Int?] { lock.withLock { modes } }
}

/// The COPY stream an import into PostgreSQL writes through: the server's refusal comes back as an
/// error, an abandoned COPY leaves the connection out of copy mode, and either way the transaction
/// is rolled back whole and the connection serves the next one.
@Suite struct CopyStreamTests {
    @Test("a COPY the server refuses, or one abandoned half-way, rolls its transaction back; the connection goes on",
          arguments: StoreEngine.all.filter { $0 == .postgres })
    func refusedAndAbandonedCopies(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        let server = fixture.store.database
        struct Stop: Error {}
        // A value the column cannot take: the server says so at `finish`.
        #expect(throws: PostgresStoreError.self) {
            try server.write { db in
                try db.execute(sql: "INSERT INTO imports (imported_at, source, people, rows) VALUES ('t', 'first', 0, 0)")
                let stream = try db.copyStream(table: "imports", columns: ["imported_at", "source", "people", "rows"])
                try stream.write(Array("t\tcopy\tnot-a-number\t0\n".utf8))
                try stream.finish()
            }
        }
        // Abandoned while open (as when the importer stops on an error of its own).
        #expect(throws: Stop.self) {
            try server.write { db in
                let stream = try db.copyStream(table: "imports", columns: ["imported_at", "source", "people", "rows"])
                defer { stream.abandon() }
                for _ in 0..<3 { try stream.write(Array(String(repeating: "t\tcopy\t1\t1\n", count: 10_000).utf8)) }
                throw Stop()
            }
        }
        // Nothing of either went in, and the same connection streams the next COPY.
        #expect(try server.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM imports") } == 0)
        try server.write { db in
            let stream = try db.copyStream(table: "imports", columns: ["imported_at", "source", "people", "rows"])
            try stream.write(Array("t\tcopy\t2\t3\n".utf8))
            try stream.finish()
        }
        #expect(try server.read { db in try Int.fetchOne(db, sql: "SELECT people + rows FROM imports") } == 5)
    }
}
