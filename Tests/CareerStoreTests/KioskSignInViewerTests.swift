import CareerStore
import Foundation
import Testing

/// The viewer a kiosk sign-in hands to the store (`SignedInUser.viewer`, what `careerpath kiosk`
/// passes to every call of a session) refuses a supervisor everyone outside their chain, by
/// every query path the kiosk's supervisor mode uses. Roster: P001 heads P002 and P004; P002 heads P003.
@Suite(.serialized) final class KioskSignInViewerTests {
    var f: AccountsFixture!

    init() {}

    /// Opens this test's store on `engine` (a suite takes no arguments; its tests do).
    func use(_ engine: StoreEngine) throws {
        f = try AccountsFixture(engine: engine)
        try f.accounts.setPIN(personID: "P002", pin: try PIN("4826"))
    }

    /// A draft plan of `person`, as the planner saves one.
    func draft(_ person: String) throws -> Int64 {
        try f.fixture.store.database.write { db in
            try db.insertReturningID(sql: """
                INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at)
                VALUES (?, 'computer-officer:K3', 'draft', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                """, arguments: [person, person])
        }
    }

    @Test("a supervisor signed in at the kiosk reads their subordinate and no one else, by any query", arguments: StoreEngine.all)
    func supervisorViewerStaysInTheChain(engine: StoreEngine) throws {
        try use(engine)
        let store = f.fixture.store
        let user = try #require(try f.accounts.signIn(personID: "P002", pin: "4826", terminal: "/dev/tty3").user)
        #expect(user.role == .supervisor)
        let viewer = user.viewer
        #expect(viewer == .supervisor(personID: "P002"))

        // The chain: themselves and P003.
        #expect(try store.record(personID: "P003", viewer: viewer, screen: "kiosk")?.person.id == "P003")
        #expect(try store.people(unit: nil, viewer: viewer).map(\.id) == ["P002", "P003"])
        #expect(try store.allRecords(viewer: viewer).map(\.person.id) == ["P002", "P003"])
        #expect(try store.directReports(of: "P002", viewer: viewer).map(\.id) == ["P003"])

        // A colleague beside them (P004) and their own boss (P001): refused whichever way they are asked for.
        let otherPlan = try draft("P004")
        for outsider in ["P004", "P001"] {
            #expect(try store.canView(personID: outsider, viewer: viewer) == false)
            #expect(throws: AccessDenied.self) { try store.record(personID: outsider, viewer: viewer, screen: "kiosk") }
            #expect(throws: AccessDenied.self) { try store.directReports(of: outsider, viewer: viewer) }
            #expect(throws: AccessDenied.self) { try store.latestPlan(personID: outsider, viewer: viewer) }
        }
        #expect(throws: AccessDenied.self) {
            try store.reviewPlan(planID: otherPlan, action: .approve, comment: "ok", by: viewer)
        }
        #expect(throws: AccessDenied.self) {
            try store.reviewPlan(planID: otherPlan, action: .comment, comment: "hello", by: viewer)
        }

        // Only the subordinate's read reached the audit log, with the kiosk's terminal.
        let views = try store.database.read { db in
            try SQLRow.fetchAll(db, sql: "SELECT subject, terminal FROM audit_log WHERE action = 'view' AND actor = 'P002'")
                .map { "\($0["subject"] as String? ?? "")@\($0["terminal"] as String? ?? "")" }
        }
        #expect(views == ["P003@test"])
        let reviews = try store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_comments") ?? 0 }
        #expect(reviews == 0)
    }

    @Test("a person without subordinates signed in at the kiosk reads only themselves", arguments: StoreEngine.all)
    func personViewerOnlyThemselves(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P003", pin: try PIN("5937"))
        let user = try #require(try f.accounts.signIn(personID: "P003", pin: "5937").user)
        #expect(user.role == .person)
        #expect(try f.fixture.store.people(unit: nil, viewer: user.viewer).map(\.id) == ["P003"])
        #expect(throws: AccessDenied.self) { try f.fixture.store.record(personID: "P002", viewer: user.viewer, screen: "kiosk") }
    }
}
