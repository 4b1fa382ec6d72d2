import CareerStore
import Foundation
import Testing

/// Every sign-in, failure, sign-out, time-out and account change leaves an audit row.
@Suite final class AuditTests: AccountsSuite {
    var f: AccountsFixture!
    init() {}

    @Test(arguments: StoreEngine.all) func signInSuccessAndFailureAreAudited(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P003", pin: try PIN("2568"))
        f.clock.advance(60)
        _ = try f.accounts.signIn(personID: "P003", pin: "1111", terminal: "/dev/tty3")
        f.clock.advance(5)
        let user = try #require(try f.accounts.signIn(personID: "P003", pin: "2568", terminal: "/dev/tty3").user)
        let rows = try f.fixture.store.auditTrail(person: "P003").filter { $0.action.hasPrefix("sign-in") }
        #expect(rows == [
            AuditEntry(at: "2025-08-31T07:01:00Z", actor: "P003", subject: "P003", action: "sign-in-failed",
                       screen: "sign-in", terminal: "/dev/tty3", detail: "wrong PIN; failure 1 of 5"),
            AuditEntry(at: "2025-08-31T07:01:05Z", actor: "P003", subject: "P003", action: "sign-in",
                       screen: "sign-in", terminal: "/dev/tty3", detail: "role person"),
        ])
        #expect(user.terminal == "/dev/tty3")
    }

    @Test(arguments: StoreEngine.all) func unknownIDsAndLockedAttemptsAreAuditedAsFailures(engine: StoreEngine) throws {
        try use(engine)
        for _ in 1...5 { _ = try f.accounts.signIn(personID: "P999", pin: "1234", terminal: "kiosk-2") }
        _ = try f.accounts.signIn(personID: "P999", pin: "1234", terminal: "kiosk-2")
        let rows = try f.fixture.store.auditTrail(person: "P999")
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { $0.action == "sign-in-failed" && $0.actor == "P999" && $0.terminal == "kiosk-2" })
        #expect(rows[0].detail == "no such person; failure 1 of 5")
        #expect(rows[4].detail == "no such person; failure 5 of 5; locked until 2025-08-31T07:05:00Z")
        #expect(rows[5].detail == "locked until 2025-08-31T07:05:00Z")
    }

    @Test(arguments: StoreEngine.all) func signOutAndTimeOutAreAudited(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P002", pin: try PIN("2568"))
        let first = try #require(try f.accounts.signIn(personID: "P002", pin: "2568", terminal: "kiosk-1").user)
        #expect(first.role == .supervisor)
        f.clock.advance(600)
        try f.accounts.signOut(first, screen: "home")
        let second = try #require(try f.accounts.signIn(personID: "P002", pin: "2568", terminal: "kiosk-1").user)
        f.clock.advance(125)
        try f.accounts.timedOut(second, screen: "gaps")
        let ends = try f.fixture.store.auditTrail(person: "P002").filter { ["sign-out", "timeout"].contains($0.action) }
        #expect(ends.map(\.action) == ["sign-out", "timeout"])
        #expect(ends.map(\.screen) == ["home", "gaps"])
        #expect(ends.map(\.detail) == ["after 10 min", "after 2 min"])
        #expect(ends.map(\.at) == ["2025-08-31T07:10:00Z", "2025-08-31T07:12:05Z"])
    }

    @Test(arguments: StoreEngine.all) func operatorChangesAreAuditedAsSystem(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P004", pin: try PIN("2568"))
        try f.accounts.grantHR(personID: "P004")
        for _ in 1...5 { _ = try f.accounts.signIn(personID: "P004", pin: "0000") }
        try f.accounts.unlock(personID: "P004")
        let rows = try f.fixture.store.auditTrail(person: "P004").filter { $0.actor == "system" }
        #expect(rows.map(\.action) == ["set-pin", "grant-hr", "unlock"])
        #expect(rows.allSatisfy { $0.subject == "P004" && $0.screen == "accounts" && $0.terminal == "test" })
        #expect(rows.last?.detail == "was locked")
    }

    @Test(arguments: StoreEngine.all) func theTrailOfAPersonHoldsWhatTheyDidAndWhatWasDoneToThem(engine: StoreEngine) throws {
        try use(engine)
        // P001 (a supervisor) opens P003's record; P003 opens their own.
        _ = try f.fixture.store.record(personID: "P003", viewer: .supervisor(personID: "P001"), screen: "gaps")
        _ = try f.fixture.store.record(personID: "P003", viewer: .person(personID: "P003"), screen: "home")
        let byP001 = try f.fixture.store.auditTrail(person: "P001")
        #expect(byP001.map { "\($0.actor)>\($0.subject ?? "")" } == ["P001>P003"])
        let aboutP003 = try f.fixture.store.auditTrail(person: "P003")
        #expect(aboutP003.map { "\($0.actor)>\($0.subject ?? "")" } == ["P001>P003", "P003>P003"])
        #expect(try f.fixture.store.auditTrail(person: "P002").isEmpty)
        #expect(try f.fixture.store.auditTrail().count == 2)
    }

    @Test(arguments: StoreEngine.all) func sinceKeepsRowsFromThatTimeOn(engine: StoreEngine) throws {
        try use(engine)
        _ = try f.accounts.signIn(personID: "P001", pin: "1234")   // 2025-08-31T07:00:00Z
        f.clock.advance(86_400)
        _ = try f.accounts.signIn(personID: "P001", pin: "1234")   // 2025-09-01T07:00:00Z
        #expect(try f.fixture.store.auditTrail(since: "2025-09-01").map(\.at) == ["2025-09-01T07:00:00Z"])
        #expect(try f.fixture.store.auditTrail(person: "P001", since: "2025-08-31T07:00:00Z").count == 2)
        #expect(try f.fixture.store.auditTrail(since: "2025-09-02").isEmpty)
    }

    @Test(arguments: StoreEngine.all) func noPINEverReachesTheAuditLog(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("73915"))
        _ = try f.accounts.signIn(personID: "P001", pin: "73915")
        _ = try f.accounts.signIn(personID: "P001", pin: "48260")
        let text = try f.fixture.store.auditTrail().map { "\($0)" }.joined(separator: "\n")
        #expect(!text.isEmpty)
        #expect(!text.contains("73915"))
        #expect(!text.contains("48260"))
    }
}
