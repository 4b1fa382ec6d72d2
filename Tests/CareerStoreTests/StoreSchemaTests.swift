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
