import CareerCatalog
import Foundation

/// Kiosk accounts over the personnel database: PINs, the hr role, sign-in with lockout,
/// and the audit rows for each of them.
///
/// Usage (the kiosk):
/// ```swift
/// let accounts = AccountService(store: store)
/// switch try accounts.signIn(personID: typedID, pin: typedPIN, terminal: "/dev/tty3") {
/// case .signedIn(let user): show(user.viewer)                 // pass user.viewer to the store
/// case .refused(let refusal): flash(refusal.message())        // never says whether the ID exists
/// }
/// try accounts.signOut(user, screen: "home")                  // or timedOut(user, screen:)
/// ```
///
/// Lockout state is in the `accounts` table, so it survives restarts and is shared by every
/// terminal using the same file. Failures for IDs with no account (or no person) are counted
/// in a PIN-less row of the same table, so an unknown ID locks exactly like a known one.
public final class AccountService: Sendable {
    /// The current time; injected so tests can step through a lock without sleeping.
    public typealias Now = @Sendable () -> Date

    public let store: PersonnelStore
    public let hasher: PINHasher
    public let policy: LockoutPolicy
    private let now: Now

    /// How the audit log names operator actions run from the shell.
    static let operatorActor = Viewer.system.auditName
    /// The `screen` of audit rows written by the `accounts` commands.
    static let operatorScreen = "accounts"

    public init(store: PersonnelStore, hasher: PINHasher = PINHasher(), policy: LockoutPolicy = LockoutPolicy(),
                now: @escaping Now = { Date() }) {
        self.store = store; self.hasher = hasher; self.policy = policy; self.now = now
    }

    // MARK: operator commands

    /// Sets (or replaces) the PIN of `personID`, who must be in the records. Clears any lock.
    public func setPIN(personID: String, pin: PIN) throws {
        let id = Self.normalised(personID)
        try requirePerson(id)
        // Derive outside the write transaction: 0.1 s of KDF must not hold other terminals' writes.
        let hash = try hasher.hash(pin)
        let at = now()
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO accounts (person_id, pin_hash, salt, iterations, algorithm, failed_attempts, locked_until, updated_at)
                VALUES (?, ?, ?, ?, ?, 0, NULL, ?)
                ON CONFLICT(person_id) DO UPDATE SET pin_hash = excluded.pin_hash, salt = excluded.salt,
                    iterations = excluded.iterations, algorithm = excluded.algorithm,
                    failed_attempts = 0, locked_until = NULL, updated_at = excluded.updated_at
                """, arguments: [id, Data(hash.key), Data(hash.salt), hash.iterations, hash.algorithm, AuditClock.timestamp(at)])
            try Self.audit(db, at: at, actor: Self.operatorActor, subject: id, action: .setPIN,
                           screen: Self.operatorScreen, terminal: store.terminal)
        }
    }

    /// Gives `personID` (who must be in the records) the hr role: everyone's record at the kiosk.
    /// Returns false when they already had it.
    @discardableResult
    public func grantHR(personID: String) throws -> Bool {
        try setRole(personID: personID, role: .hr)
    }

    /// Takes the hr role back. Returns false when they did not have it.
    @discardableResult
    public func revokeHR(personID: String) throws -> Bool {
        try setRole(personID: personID, role: .staff)
    }

    /// Lifts a lock and forgets failed attempts. Works for any ID, known or not (a probe may
    /// have locked an ID that is imported later). Returns whether the ID was locked.
    @discardableResult
    public func unlock(personID: String) throws -> Bool {
        let id = Self.normalised(personID)
        let at = now()
        return try store.database.write { db in
            let account = try Self.lockedAccount(db, id)
            let wasLocked = account?.isLocked(at: at) ?? false
            guard let account, account.failedAttempts > 0 || account.lockedUntil != nil else { return false }
            try db.execute(sql: "UPDATE accounts SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE person_id = ?",
                           arguments: [AuditClock.timestamp(at), id])
            try Self.audit(db, at: at, actor: Self.operatorActor, subject: id, action: .unlock,
                           screen: Self.operatorScreen, terminal: store.terminal,
                           detail: wasLocked ? "was locked" : "cleared \(account.failedAttempts) failed attempt(s)")
            return wasLocked
        }
    }

    /// What `personID` may see, by the same rule as sign-in (hr role, else supervisor when they
    /// have subordinates, else themselves); nil when they are not in the records. For `--as ID`
    /// on the command line, where the operator vouches for the identity instead of a PIN.
    public func viewer(for personID: String) throws -> Viewer? {
        let id = Self.normalised(personID)
        return try store.database.read { db in
            guard try PersonnelStore.exists(db, id) else { return nil }
            let role = Self.role(account: try Self.account(db, id), hasReports: try Self.hasReports(db, id))
            return SignedInUser(personID: id, role: role, signedInAt: Date(), terminal: "").viewer
        }
    }

    /// The account of `personID`, or nil when it has none.
    public func status(personID: String) throws -> AccountStatus? {
        try store.database.read { db in try Self.account(db, Self.normalised(personID)) }
    }

    // MARK: kiosk sessions

    /// Checks `pin` for `personID`. Refusals never tell an unknown ID from a wrong PIN: both are
    /// counted toward the lock, both run the key derivation, both get the same message.
    /// Every outcome is written to the audit log. Throws only when the database fails.
    public func signIn(personID: String, pin pinText: String, terminal: String? = nil,
                       screen: String = "sign-in") throws -> SignInOutcome {
        let id = Self.normalised(personID)
        let terminal = terminal ?? store.terminal
        let at = now()
        let (before, personExists, hasReports) = try store.database.read { db in
            (try Self.account(db, id), try PersonnelStore.exists(db, id), try Self.hasReports(db, id))
        }
        if let until = before?.lockedUntil, until > at {
            try store.database.write { db in
                try Self.audit(db, at: at, actor: id, subject: id, action: .signInFailed, screen: screen,
                               terminal: terminal, detail: "locked until \(AuditClock.timestamp(until))")
            }
            return .refused(.locked(until: until))
        }

        // Verify outside any transaction (slow on purpose).
        let pin = try? PIN(pinText)
        var verified = false
        var reason: String
        var rehash: PINHash?
        if let pin, personExists, let stored = before?.hash {
            verified = hasher.verify(pin, against: stored)
            reason = "wrong PIN"
            if verified, stored.iterations < hasher.iterations { rehash = try? hasher.hash(pin) }
        } else {
            hasher.spendVerificationTime(pin?.bytes ?? Array(pinText.utf8))
            reason = pin == nil ? "PIN not \(PIN.lengths.lowerBound)–\(PIN.lengths.upperBound) digits"
                : !personExists ? "no such person" : "no PIN set"
        }

        return try store.database.write { db in
            // Re-read: another terminal may have locked the ID while we were deriving.
            let account = try Self.lockedAccount(db, id)
            if let until = account?.lockedUntil, until > at {
                try Self.audit(db, at: at, actor: id, subject: id, action: .signInFailed, screen: screen,
                               terminal: terminal, detail: "locked until \(AuditClock.timestamp(until))")
                return .refused(.locked(until: until))
            }
            let stamp = AuditClock.timestamp(at)
            if verified, let account {
                try db.execute(sql: "UPDATE accounts SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE person_id = ?",
                               arguments: [stamp, id])
                if let rehash {
                    try db.execute(sql: "UPDATE accounts SET pin_hash = ?, salt = ?, iterations = ?, algorithm = ? WHERE person_id = ?",
                                   arguments: [Data(rehash.key), Data(rehash.salt), rehash.iterations, rehash.algorithm, id])
                }
                let role = Self.role(account: account, hasReports: hasReports)
                try Self.audit(db, at: at, actor: id, subject: id, action: .signIn, screen: screen,
                               terminal: terminal, detail: "role \(role.rawValue)")
                return .signedIn(SignedInUser(personID: id, role: role, signedInAt: at, terminal: terminal))
            }

            let (lockedUntil, detail) = try countFailure(db, id, account, at: at, reason: reason)
            try Self.audit(db, at: at, actor: id, subject: id, action: .signInFailed, screen: screen,
                           terminal: terminal, detail: detail)
            return .refused(lockedUntil.map { .locked(until: $0) } ?? .incorrect)
        }
    }

    /// One more failure for `id` (an expired lock starts a fresh count); the lock it brings, if any,
    /// and the audit detail. Inside the caller's write transaction.
    private func countFailure(_ db: StoreSession, _ id: String, _ account: AccountStatus?, at: Date,
                              reason: String) throws -> (lockedUntil: Date?, detail: String) {
        let previous = (account?.lockedUntil == nil ? account?.failedAttempts : nil) ?? 0
        let failures = previous + 1
        let lockedUntil = failures >= policy.maxFailures
            ? Date(timeIntervalSince1970: (at.timeIntervalSince1970 + Double(policy.lockSeconds)).rounded(.down)) : nil
        try db.execute(sql: """
            INSERT INTO accounts (person_id, failed_attempts, locked_until, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(person_id) DO UPDATE SET failed_attempts = excluded.failed_attempts,
                locked_until = excluded.locked_until, updated_at = excluded.updated_at
            """, arguments: [id, failures, lockedUntil.map(AuditClock.timestamp), AuditClock.timestamp(at)])
        var detail = "\(reason); failure \(failures) of \(policy.maxFailures)"
        if let lockedUntil { detail += "; locked until \(AuditClock.timestamp(lockedUntil))" }
        return (lockedUntil, detail)
    }

    // MARK: the kiosk's operator exit

    /// The `accounts` row that counts wrong operator PINs. Its leading space keeps it apart from every
    /// employee ID: a typed ID is trimmed (`normalised`), so no one can lock the operator out by typing it.
    public static let operatorAccount = " operator"

    /// Checks the kiosk's operator PIN against `hash`, locked like an employee PIN (`policy`, in the
    /// database, shared by every terminal on the file) and audited either way. Throws only when the
    /// database fails.
    public func checkOperatorPIN(_ pinText: String, against hash: PINHash, terminal: String? = nil,
                                 screen: String = "kiosk:operator") throws -> OperatorPINOutcome {
        let id = Self.operatorAccount
        let terminal = terminal ?? store.terminal
        let at = now()
        func refusedWhileLocked(_ db: StoreSession, _ until: Date) throws -> OperatorPINOutcome {
            try Self.audit(db, at: at, actor: Self.operatorActor, subject: nil, action: .operatorExitRefused, screen: screen,
                           terminal: terminal, detail: "locked until \(AuditClock.timestamp(until))")
            return .locked(until: until)
        }
        if let until = try store.database.read({ db in try Self.account(db, id) })?.lockedUntil, until > at {
            return try store.database.write { db in try refusedWhileLocked(db, until) }
        }
        // Verify outside any transaction (slow on purpose); a malformed PIN costs the same time.
        let verified: Bool
        if let pin = try? PIN(pinText) { verified = hasher.verify(pin, against: hash) } else {
            hasher.spendVerificationTime(Array(pinText.utf8))
            verified = false
        }
        return try store.database.write { db in
            // Another terminal may have locked it while we were deriving.
            let account = try Self.lockedAccount(db, id)
            if let until = account?.lockedUntil, until > at { return try refusedWhileLocked(db, until) }
            if verified {
                try db.execute(sql: "DELETE FROM accounts WHERE person_id = ?", arguments: [id])
                try Self.audit(db, at: at, actor: Self.operatorActor, subject: nil, action: .operatorExit, screen: screen,
                               terminal: terminal)
                return .accepted
            }
            let (lockedUntil, detail) = try countFailure(db, id, account, at: at, reason: "wrong operator PIN")
            try Self.audit(db, at: at, actor: Self.operatorActor, subject: nil, action: .operatorExitRefused, screen: screen,
                           terminal: terminal, detail: detail)
            return lockedUntil.map { .locked(until: $0) } ?? .refused
        }
    }

    /// Records that `user` signed out from `screen`.
    public func signOut(_ user: SignedInUser, screen: String) throws {
        try endSession(user, action: .signOut, screen: screen)
    }

    /// Records that the kiosk wiped `user`'s session after the idle time-out.
    public func timedOut(_ user: SignedInUser, screen: String) throws {
        try endSession(user, action: .timeout, screen: screen)
    }

    // MARK: internals

    private func endSession(_ user: SignedInUser, action: AuditAction, screen: String) throws {
        let at = now()
        let minutes = max(0, Int(at.timeIntervalSince(user.signedInAt) / 60))
        try store.database.write { db in
            try Self.audit(db, at: at, actor: user.personID, subject: user.personID, action: action, screen: screen,
                           terminal: user.terminal, detail: "after \(minutes) min")
        }
    }

    private func setRole(personID: String, role: AccountRole) throws -> Bool {
        let id = Self.normalised(personID)
        try requirePerson(id)
        let at = now()
        return try store.database.write { db in
            guard try Self.lockedAccount(db, id)?.role != role else { return false }
            try db.execute(sql: """
                INSERT INTO accounts (person_id, role, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(person_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at
                """, arguments: [id, role.rawValue, AuditClock.timestamp(at)])
            try Self.audit(db, at: at, actor: Self.operatorActor, subject: id, action: role == .hr ? .grantHR : .revokeHR,
                           screen: Self.operatorScreen, terminal: store.terminal)
            return true
        }
    }

    private func requirePerson(_ id: String) throws {
        guard try store.database.read({ db in try PersonnelStore.exists(db, id) }) else {
            throw AccountError.unknownPerson(id)
        }
    }

    /// IDs are compared as typed, minus surrounding spaces (a kiosk field may pad them).
    static func normalised(_ id: String) -> String { id.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The one rule for what a person may see: hr role first, then being someone's supervisor.
    static func role(account: AccountStatus?, hasReports: Bool) -> SignInRole {
        account?.role == .hr ? .hr : hasReports ? .supervisor : .person
    }

    static func hasReports(_ db: StoreSession, _ id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM people WHERE supervisor_id = ?)", arguments: [id]) ?? false
    }

    /// The account of `id` read inside a write that decides from it (a failure count, a role): other
    /// terminals' writes to the same account wait until this transaction ends, so none is lost.
    static func lockedAccount(_ db: StoreSession, _ id: String) throws -> AccountStatus? {
        try db.lock("account:" + id)
        return try account(db, id)
    }

    static func account(_ db: StoreSession, _ id: String) throws -> AccountStatus? {
        guard let row = try SQLRow.fetchOne(db, sql: """
            SELECT pin_hash, salt, iterations, algorithm, role, failed_attempts, locked_until FROM accounts WHERE person_id = ?
            """, arguments: [id]) else { return nil }
        var hash: PINHash?
        if let key: Data = row["pin_hash"], let salt: Data = row["salt"], let iterations: Int = row["iterations"] {
            hash = PINHash(algorithm: row["algorithm"] ?? PINHash.pbkdf2SHA256, iterations: iterations,
                           salt: Array(salt), key: Array(key))
        }
        let roleText: String = row["role"]
        let lockedText: String? = row["locked_until"]
        return AccountStatus(personID: id, hash: hash, role: AccountRole(rawValue: roleText) ?? .staff,
                             failedAttempts: row["failed_attempts"],
                             lockedUntil: lockedText.flatMap(AccountTime.date(fromTimestamp:)))
    }

    static func audit(_ db: StoreSession, at: Date, actor: String, subject: String?, action: AuditAction,
                      screen: String, terminal: String, detail: String = "") throws {
        try db.execute(sql: """
            INSERT INTO audit_log (at, actor, subject, action, screen, terminal, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [AuditClock.timestamp(at), actor, subject, action.rawValue, screen, terminal, detail])
    }
}

/// How an operator PIN check ended.
public enum OperatorPINOutcome: Sendable, Hashable {
    case accepted
    case refused
    /// Too many wrong PINs: every attempt is refused until then.
    case locked(until: Date)
}

/// The role column of `accounts`.
public enum AccountRole: String, Sendable, Hashable {
    case staff
    case hr
}

/// One row of `accounts`, as the operator commands report it.
public struct AccountStatus: Sendable, Hashable {
    public let personID: String
    /// Nil until a PIN is set (rows created by failed sign-ins have none).
    public let hash: PINHash?
    public let role: AccountRole
    public let failedAttempts: Int
    public let lockedUntil: Date?

    public var hasPIN: Bool { hash != nil }

    /// Whether sign-in is refused at `date`.
    public func isLocked(at date: Date) -> Bool { lockedUntil.map { $0 > date } ?? false }
}

/// An operator command refused.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownPerson(String)

    public var description: String { text(.en) }

    public func text(_ language: Language) -> String {
        switch self {
        case .unknownPerson(let id):
            return language == .th
                ? "ไม่มีบุคคลรหัส `\(id)` ในฐานข้อมูลบุคลากร: ตรวจรหัส หรือนำเข้าประวัติก่อน"
                : "no person with ID `\(id)` in the personnel database; check the ID or import the records first"
        }
    }
}

/// Reads back the `AuditClock` timestamps (`2025-08-31T14:05:00Z`) stored in `accounts`.
enum AccountTime {
    static func date(fromTimestamp text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CivilDate(iso: String(parts[0])), parts[1].hasSuffix("Z") else { return nil }
        let clock = parts[1].dropLast().split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0..<61).contains(clock[2]) else {
            return nil
        }
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]))
    }
}
