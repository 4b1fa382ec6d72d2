import CareerStore
import Foundation
import Testing

/// A clock the test moves by hand, so a five-minute lock passes in no time.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// 2025-08-31 07:00:00 UTC, 14:00 in Bangkok.
    init(_ start: Date = Date(timeIntervalSince1970: 1_756_623_600)) { current = start }

    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// A fixture roster (P001 heads P002 and P004; P002 heads P003) with an account service on a clock.
/// PINs are hashed with `PINHasher.forTests()`: the lockout and audit rules do not depend on the
/// cost, and `PINHasherTests` keep the full-strength path tested.
struct AccountsFixture {
    let fixture: ImportFixture
    let clock = ManualClock()
    let hasher = PINHasher.forTests()
    let accounts: AccountService

    init(engine: StoreEngine = .sqlite) throws {
        fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let clock = self.clock
        accounts = AccountService(store: fixture.store, hasher: hasher, now: { clock.now })
    }

    /// A second service on the same file, as after a restart of the kiosk.
    func reopened() throws -> AccountService {
        let clock = self.clock
        return AccountService(store: try fixture.reopened(), hasher: hasher, now: { clock.now })
    }

}

/// A suite whose tests each open `AccountsFixture` on their engine (`use`).
protocol AccountsSuite: AnyObject {
    var f: AccountsFixture! { get set }
}

extension AccountsSuite {
    /// Opens this test's store on `engine` (a suite takes no arguments; its tests do).
    func use(_ engine: StoreEngine) throws {
        f = try AccountsFixture(engine: engine)
    }
}

@Suite struct PINTests {
    @Test func acceptsFourToTwelveDigitsAndThaiDigits() throws {
        #expect(try PIN("1234").digits == "1234")
        #expect(try PIN(" 123456789012\n").digits == "123456789012")
        #expect(try PIN("๒๕๖๘").digits == "2568")
        #expect(try PIN("2568").description == "••••")
    }

    @Test func refusesOtherPINsWithAClearMessage() {
        #expect(throws: PINError.wrongLength(3)) { try PIN("123") }
        #expect(throws: PINError.wrongLength(13)) { try PIN("1234567890123") }
        #expect(throws: PINError.notDigits) { try PIN("12a4") }
        #expect(throws: PINError.notDigits) { try PIN("12 34") }
        #expect(throws: PINError.notDigits) { try PIN("１２３４") }  // full-width digits are not ASCII
        #expect(throws: PINError.empty) { try PIN("  ") }
        #expect(PINError.wrongLength(3).description == "a PIN is 4 to 12 digits; this one has 3")
        #expect(PINError.notDigits.description == "a PIN may contain only the digits 0–9 (Thai digits are accepted)")
    }
}

@Suite struct PINHasherTests {
    let hasher = PINHasher()

    @Test func roundTripAndWrongPIN() throws {
        let stored = try hasher.hash(try PIN("2568"))
        #expect(stored.algorithm == "pbkdf2-hmac-sha256")
        #expect(stored.iterations >= 200_000)
        #expect(stored.salt.count == 16)
        #expect(stored.key.count == 32)
        #expect(hasher.verify(try PIN("2568"), against: stored))
        #expect(!hasher.verify(try PIN("2569"), against: stored))
        #expect(!hasher.verify(try PIN("25680"), against: stored))
        // The configuration-file form reads back to the same hash.
        #expect(PINHash(encoded: stored.encoded) == stored)
        #expect(PINHash(encoded: "pbkdf2-hmac-sha256$x$$") == nil)
    }

    @Test func aWeakOrForeignRowNeverVerifies() throws {
        var stored = try hasher.hash(try PIN("2568"))
        stored.iterations = 1000
        #expect(!hasher.verify(try PIN("2568"), against: stored))
        stored.iterations = PINHasher.minimumIterations
        stored.algorithm = "md5"
        #expect(!hasher.verify(try PIN("2568"), against: stored))
        // A test hasher's cheap row never opens an account under the real hasher, and the real
        // hasher cannot be made cheap.
        let cheap = try PINHasher.forTests().hash(try PIN("2568"))
        #expect(PINHasher.forTests().verify(try PIN("2568"), against: cheap))
        #expect(!hasher.verify(try PIN("2568"), against: cheap))
        #expect(PINHasher(iterations: 1_000).iterations == PINHasher.minimumIterations)
    }

    @Test func constantTimeEqual() {
        let a: [UInt8] = [1, 2, 3, 4]
        #expect(PINHasher.constantTimeEqual(a, [1, 2, 3, 4]))
        #expect(PINHasher.constantTimeEqual([], []))
        #expect(!PINHasher.constantTimeEqual(a, [0, 2, 3, 4]))  // first byte
        #expect(!PINHasher.constantTimeEqual(a, [1, 2, 3, 5]))  // last byte
        #expect(!PINHasher.constantTimeEqual(a, [1, 2, 3]))     // shorter
        #expect(!PINHasher.constantTimeEqual(a, [1, 2, 3, 4, 0]))  // longer, extra zero
        #expect(!PINHasher.constantTimeEqual([], [UInt8](repeating: 0, count: 256)))  // length differs by 256
    }
}

@Suite final class AccountServiceTests: AccountsSuite {
    var f: AccountsFixture!
    init() {}

    @Test(arguments: StoreEngine.all) func saltsDifferPerAccountAndIterationsAreStored(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        try f.accounts.setPIN(personID: "P002", pin: try PIN("2568"))
        let one = try #require(try f.accounts.status(personID: "P001")?.hash)
        let two = try #require(try f.accounts.status(personID: "P002")?.hash)
        #expect(one.salt != two.salt)
        #expect(one.key != two.key)
        let iterations = try f.fixture.store.database.read { db in
            try Int.fetchAll(db, sql: "SELECT iterations FROM accounts ORDER BY person_id")
        }
        #expect(iterations.count == 2)
        #expect(iterations.allSatisfy { $0 == f.hasher.iterations })
    }

    @Test(arguments: StoreEngine.all) func theDatabaseHoldsNoPINInPlainText(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("90817263"))
        #expect(try f.accounts.signIn(personID: "P001", pin: "90817263", terminal: "kiosk-1").user != nil)
        #expect(try f.accounts.signIn(personID: "P001", pin: "55443322", terminal: "kiosk-1").user == nil)
        guard engine == .sqlite else {
            // On the server: every value of every table, as text (blobs in hex).
            var text = ""
            for table in StoreSchema.tables {
                for row in try f.fixture.store.database.read({ try SQLRow.fetchAll($0, sql: "SELECT * FROM \(table)") }) {
                    text += row.description
                }
            }
            #expect(!text.contains("90817263") && !text.contains("55443322"))
            #expect(!text.contains(Data("90817263".utf8).map { String(format: "%02x", $0) }.joined()))
            #expect(text.contains("P001"))
            return
        }
        // WAL mode: the rows may still be in the -wal file, so read every file of the database.
        let folder = (f.fixture.store.path as NSString).deletingLastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("records.sqlite") }
        #expect(files.contains("records.sqlite"))
        var bytes = Data()
        for file in files { bytes += try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)) }
        #expect(bytes.count > 0)
        #expect(bytes.range(of: Data("90817263".utf8)) == nil)
        #expect(bytes.range(of: Data("55443322".utf8)) == nil)
        // The search itself works: the ID is there.
        #expect(bytes.range(of: Data("P001".utf8)) != nil)
    }

    @Test(arguments: StoreEngine.all) func rolesAtSignIn(engine: StoreEngine) throws {
        try use(engine)
        for id in ["P001", "P003", "P004"] { try f.accounts.setPIN(personID: id, pin: try PIN("1234")) }
        #expect(try f.accounts.grantHR(personID: "P004"))
        #expect(try f.accounts.grantHR(personID: "P004") == false)
        let head = try #require(try f.accounts.signIn(personID: "P001", pin: "1234").user)
        #expect(head.role == .supervisor)
        #expect(head.viewer == .supervisor(personID: "P001"))
        let staff = try #require(try f.accounts.signIn(personID: "P003", pin: "1234").user)
        #expect(staff.role == .person)
        #expect(staff.viewer == .person(personID: "P003"))
        let hr = try #require(try f.accounts.signIn(personID: "P004", pin: "1234").user)
        #expect(hr.role == .hr)
        #expect(hr.viewer == .hr(personID: "P004"))
        #expect(try f.accounts.revokeHR(personID: "P004"))
        #expect(try f.accounts.signIn(personID: "P004", pin: "1234").user?.role == .person)
    }

    @Test(arguments: StoreEngine.all) func operatorCommandsNeedAPersonInTheRecords(engine: StoreEngine) throws {
        try use(engine)
        #expect(throws: AccountError.unknownPerson("P999")) { try f.accounts.setPIN(personID: "P999", pin: try PIN("1234")) }
        #expect(throws: AccountError.unknownPerson("P999")) { try f.accounts.grantHR(personID: "P999") }
        #expect(try f.accounts.status(personID: "P999") == nil)
    }

    @Test(arguments: StoreEngine.all) func fiveFailuresLockForFiveMinutesEvenTheRightPIN(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        for _ in 1...4 {
            #expect(try f.accounts.signIn(personID: "P001", pin: "0000") == .refused(.incorrect))
            f.clock.advance(10)
        }
        let lockedAt = f.clock.now
        let fifth = try f.accounts.signIn(personID: "P001", pin: "0000")
        #expect(fifth == .refused(.locked(until: lockedAt + 300)))
        f.clock.advance(60)
        let refused = try f.accounts.signIn(personID: "P001", pin: "2568")
        #expect(refused == .refused(.locked(until: lockedAt + 300)))
        // 07:00:40 UTC + 5 min = 07:05:40, shown rounded up: 14:06 in Bangkok.
        guard case .refused(let refusal) = refused else { Issue.record("not refused"); return }
        #expect(refusal.message(timeZone: try #require(TimeZone(identifier: "Asia/Bangkok")))
                == "too many attempts; try again after 14:06")
        // One second before the end: still locked; at the end: the right PIN works again.
        f.clock.advance(300 - 60 - 1)
        #expect(try f.accounts.signIn(personID: "P001", pin: "2568").user == nil)
        f.clock.advance(1)
        #expect(try f.accounts.signIn(personID: "P001", pin: "2568").user?.personID == "P001")
        let status = try #require(try f.accounts.status(personID: "P001"))
        #expect(status.failedAttempts == 0)
        #expect(status.lockedUntil == nil)
    }

    @Test(arguments: StoreEngine.all) func aSuccessResetsTheCountAndAnExpiredLockStartsAFreshOne(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        for _ in 1...4 { _ = try f.accounts.signIn(personID: "P001", pin: "1111") }
        #expect(try f.accounts.signIn(personID: "P001", pin: "2568").user != nil)
        for _ in 1...4 { #expect(try f.accounts.signIn(personID: "P001", pin: "1111") == .refused(.incorrect)) }
        #expect(try f.accounts.status(personID: "P001")?.failedAttempts == 4)
    }

    @Test(arguments: StoreEngine.all) func theLockSurvivesReopeningTheDatabase(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        for _ in 1...5 { _ = try f.accounts.signIn(personID: "P001", pin: "9999") }
        let restarted = try f.reopened()
        f.clock.advance(120)
        guard case .refused(.locked) = try restarted.signIn(personID: "P001", pin: "2568") else {
            Issue.record("the lock did not survive a restart"); return
        }
        f.clock.advance(181)
        #expect(try restarted.signIn(personID: "P001", pin: "2568").user != nil)
    }

    @Test(arguments: StoreEngine.all) func unlockLiftsTheLockAtOnce(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        for _ in 1...5 { _ = try f.accounts.signIn(personID: "P001", pin: "9999") }
        #expect(try f.accounts.status(personID: "P001")?.isLocked(at: f.clock.now) == true)
        #expect(try f.accounts.unlock(personID: "P001"))
        #expect(try f.accounts.unlock(personID: "P001") == false)
        #expect(try f.accounts.signIn(personID: "P001", pin: "2568").user != nil)
    }

    @Test(arguments: StoreEngine.all) func anUnknownIDLooksExactlyLikeAWrongPIN(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        let wrongPIN = try f.accounts.signIn(personID: "P001", pin: "1111")
        let unknownID = try f.accounts.signIn(personID: "P999", pin: "1111")
        let noPINSet = try f.accounts.signIn(personID: "P002", pin: "1111")
        let notAPIN = try f.accounts.signIn(personID: "P001", pin: "12")
        #expect(wrongPIN == .refused(.incorrect))
        #expect(unknownID == wrongPIN)
        #expect(noPINSet == wrongPIN)
        #expect(notAPIN == wrongPIN)
        guard case .refused(let refusal) = unknownID else { return }
        #expect(refusal.message() == "employee ID or PIN is incorrect")
        // Unknown IDs are counted and locked too, so probing cannot tell them apart.
        for _ in 2...4 { #expect(try f.accounts.signIn(personID: "P999", pin: "1111") == .refused(.incorrect)) }
        #expect(try f.accounts.signIn(personID: "P999", pin: "1111") == .refused(.locked(until: f.clock.now + 300)))
    }

    @Test(arguments: StoreEngine.all) func anUnknownIDTakesAboutAsLongAsAWrongPIN(engine: StoreEngine) throws {
        try use(engine)
        // At full strength: the derivation's cost is what is measured.
        let accounts = AccountService(store: f.fixture.store)
        try accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        let clock = ContinuousClock()
        let wrong = clock.measure { _ = try? accounts.signIn(personID: "P001", pin: "1111") }
        let unknown = clock.measure { _ = try? accounts.signIn(personID: "P998", pin: "1111") }
        // Without the dummy derivation the unknown ID would answer ~100× faster; allow for a busy machine.
        #expect(unknown > wrong / 4, "unknown ID \(unknown) vs wrong PIN \(wrong)")
    }

    @Test(arguments: StoreEngine.all) func aStrongerPolicyReHashesOnTheNextSignIn(engine: StoreEngine) throws {
        try use(engine)
        try f.accounts.setPIN(personID: "P003", pin: try PIN("2568"))
        #expect(try f.accounts.status(personID: "P003")?.hash?.iterations == f.hasher.iterations)
        let clock = f.clock
        let stronger = AccountService(store: f.fixture.store, hasher: PINHasher.forTests(iterations: f.hasher.iterations * 2), now: { clock.now })
        #expect(try stronger.signIn(personID: "P003", pin: "2568").user != nil)
        #expect(try stronger.status(personID: "P003")?.hash?.iterations == f.hasher.iterations * 2)
        #expect(try stronger.signIn(personID: "P003", pin: "2568").user != nil)
    }
}

/// The kiosk's operator exit is locked like an employee PIN, in the database.
@Suite final class OperatorPINLockTests: AccountsSuite {
    var f: AccountsFixture!
    init() {}

    @Test("five wrong operator PINs lock the exit for five minutes, even the right PIN; each try is audited", arguments: StoreEngine.all)
    func wrongOperatorPINsLock(engine: StoreEngine) throws {
        try use(engine)
        let hash = try f.hasher.hash(try PIN("86420"))
        for _ in 1...4 {
            #expect(try f.accounts.checkOperatorPIN("11111", against: hash) == .refused)
            f.clock.advance(1)
        }
        let lockedAt = f.clock.now
        #expect(try f.accounts.checkOperatorPIN("11111", against: hash) == .locked(until: lockedAt + 300))
        // Held in the database: a kiosk started again on the same file is still locked.
        let restarted = try f.reopened()
        #expect(try restarted.checkOperatorPIN("86420", against: hash) == .locked(until: lockedAt + 300))
        f.clock.advance(300)
        #expect(try restarted.checkOperatorPIN("86420", against: hash) == .accepted)
        let rows = try f.fixture.store.auditEntries().filter { $0.screen == "kiosk:operator" }.map(\.action)
        #expect(rows == Array(repeating: "operator-exit-refused", count: 6) + ["operator-exit"])
    }

    @Test("the operator's lock is not an employee's: no typed ID reaches it, and theirs do not touch it", arguments: StoreEngine.all)
    func separateFromEmployeeIDs(engine: StoreEngine) throws {
        try use(engine)
        let hash = try f.hasher.hash(try PIN("86420"))
        for _ in 1...5 { _ = try f.accounts.signIn(personID: " operator ", pin: "1111") }
        for _ in 1...5 { _ = try f.accounts.signIn(personID: "operator", pin: "1111") }
        #expect(try f.accounts.checkOperatorPIN("86420", against: hash) == .accepted)
        for _ in 1...5 { _ = try f.accounts.checkOperatorPIN("1234", against: hash) }
        try f.accounts.setPIN(personID: "P001", pin: try PIN("2568"))
        #expect(try f.accounts.signIn(personID: "P001", pin: "2568").user != nil)
    }
}
