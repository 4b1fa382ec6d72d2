import CareerStore
import Testing

/// Access is enforced in the store, whatever the query path.
@Suite final class ViewerAccessTests {
    // The fixture's chain: P001 heads P002 and P004; P002 heads P003.
    var fixture: ImportFixture!

    init() {}

    /// Opens this test's store on `engine` (a suite takes no arguments; its tests do).
    func use(_ engine: StoreEngine) throws {
        fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
    }

    @Test(arguments: StoreEngine.all) func supervisorSeesTheWholeChainBelow(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        #expect(try store.people(unit: nil, viewer: .supervisor(personID: "P001")).map(\.id) == ["P001", "P002", "P003", "P004"])
        #expect(try store.people(unit: nil, viewer: .supervisor(personID: "P002")).map(\.id) == ["P002", "P003"])
        #expect(try store.allRecords(viewer: .supervisor(personID: "P002")).map(\.person.id) == ["P002", "P003"])
        #expect(try store.record(personID: "P003", viewer: .supervisor(personID: "P001"), screen: "gaps")?.person.id == "P003")
        #expect(try store.directReports(of: "P001", viewer: .supervisor(personID: "P001")).map(\.id) == ["P002", "P004"])
    }

    @Test(arguments: StoreEngine.all) func supervisorCannotReadANonSubordinate(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        let p2 = Viewer.supervisor(personID: "P002")
        #expect(throws: AccessDenied.self) { try store.record(personID: "P004", viewer: p2, screen: "gaps") }
        #expect(throws: AccessDenied.self) { try store.record(personID: "P001", viewer: p2, screen: "gaps") }
        #expect(throws: AccessDenied.self) { try store.directReports(of: "P001", viewer: p2) }
        #expect(try store.people(unit: "ict-center", viewer: p2).isEmpty)
        #expect(try store.canView(personID: "P004", viewer: p2) == false)
        #expect(try store.allRecords(viewer: p2).contains { $0.person.id == "P004" } == false)
    }

    @Test(arguments: StoreEngine.all) func personSeesOnlyThemselves(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        let me = Viewer.person(personID: "P003")
        #expect(try store.people(unit: nil, viewer: me).map(\.id) == ["P003"])
        #expect(try store.allRecords(viewer: me).map(\.person.id) == ["P003"])
        #expect(try store.record(personID: "P003", viewer: me, screen: "home")?.person.id == "P003")
        #expect(throws: AccessDenied.self) { try store.record(personID: "P002", viewer: me, screen: "home") }
    }

    @Test(arguments: StoreEngine.all) func hrAndSystemSeeEveryone(engine: StoreEngine) throws {
        try use(engine)
        #expect(try fixture.store.people(unit: nil, viewer: .hr(personID: "P004")).count == 4)
        #expect(try fixture.store.allRecords(viewer: .system).count == 4)
        #expect(try fixture.store.record(personID: "P404", viewer: .system, screen: "x") == nil)
    }

    @Test(arguments: StoreEngine.all) func readsAreAudited(engine: StoreEngine) throws {
        try use(engine)
        _ = try fixture.store.record(personID: "P003", viewer: .supervisor(personID: "P001"), screen: "gaps")
        _ = try? fixture.store.record(personID: "P004", viewer: .person(personID: "P003"), screen: "home")
        let entries = try fixture.store.auditEntries(subject: "P003")
        #expect(entries.count == 1)
        #expect(entries.first?.actor == "P001")
        #expect(entries.first?.screen == "gaps")
        #expect(entries.first?.terminal == "test")
        #expect(entries.first?.action == "view")
        // A refused read is not a view.
        #expect(try fixture.store.auditEntries(subject: "P004").isEmpty)
    }
}
