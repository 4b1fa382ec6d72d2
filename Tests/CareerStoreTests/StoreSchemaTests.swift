import CareerStore
import Foundation
import Testing

/// The schema on both engines: one list of migrations, a newer database refused untouched,
/// `check` finding what is wrong, a whole store copied between engines with the same counts.
@Suite struct StoreSchemaTests {
    @Test(arguments: StoreEngine.all) func aNewStoreHasEveryStepAndChecksClean(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(try StoreSchema.migrator.applied(fixture.store.database).sorted() == StoreSchema.migrator.names.sorted())
        #expect(try StoreSchema.check(fixture.store.database) == [])
    }

    @Test(arguments: StoreEngine.all) func aNewerSchemaIsRefusedAndLeftAlone(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        try fixture.store.database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        let before = try fixture.snapshot()
        #expect(throws: SchemaTooNew.self) { _ = try fixture.reopened() }
        #expect(try StoreSchema.check(fixture.store.database) == ["schema step `v99-from-the-future` is newer than this program"])
        #expect(try fixture.snapshot() == before)
    }

    @Test(arguments: StoreEngine.all) func aWholeStoreCopiesToTheOtherEngineAndBack(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let accounts = AccountService(store: fixture.store, hasher: PINHasher.forTests())
        try accounts.setPIN(personID: "P002", pin: try PIN("2568"))
        let other: StoreEngine = engine == .sqlite ? (StoreEngine.all.contains(.postgres) ? .postgres : .sqlite) : .sqlite
        let copyFolder = fixture.folder + "/copy"
        try FileManager.default.createDirectory(atPath: copyFolder, withIntermediateDirectories: true)
        let copy = try other.makeStore(folder: copyFolder)
        defer { TestPostgres.drop(copy) }
        let counts = try copy.copyAll(from: fixture.store)
        #expect(counts.map(\.rows) == (try fixture.store.allTableCounts()).map(\.rows))
        #expect(try copy.recordsSnapshot() == (try fixture.snapshot()))
        // The copy works: the PIN signs in there, and a second copy into it is refused.
        #expect(try AccountService(store: copy, hasher: PINHasher.forTests()).signIn(personID: "P002", pin: "2568").user != nil)
        #expect(throws: StoreCopyError.self) { try copy.copyAll(from: fixture.store) }
    }
}

/// The server's side of a session going away: the connection is cut (as by a restart or a network
/// drop); the call that meets it fails as `StoreUnavailable`, which people are told in their language,
/// nothing half-saved; the next call connects again and works.
@Suite struct ServerFaultTests {
    @Test(arguments: StoreEngine.all.filter { $0 == .postgres }) func aLostConnectionIsReopenedAtTheNextCall(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let store = fixture.store
        let pid = try #require(try store.database.read { try Int.fetchOne($0, sql: "SELECT pg_backend_pid()") })
        let other = try fixture.reopened()
        _ = try other.database.read { try Bool.fetchOne($0, sql: "SELECT pg_terminate_backend(?::int)", arguments: [pid]) }
        let before = try other.auditEntries().count
        do {
            try store.audit(actor: .system, subject: nil, action: "test", screen: "test")
        } catch let lost as StoreUnavailable {
            #expect(StoreProblem.explain(lost).en.contains("cannot be reached"))
            #expect(try other.auditEntries().count == before, "nothing was written half-way")
        }
        // The next call opens a new connection.
        try store.audit(actor: .system, subject: nil, action: "test", screen: "test")
        #expect(try store.peopleCount() == 4)
        let newPID = try #require(try store.database.read { try Int.fetchOne($0, sql: "SELECT pg_backend_pid()") })
        #expect(newPID != pid)
    }
}
