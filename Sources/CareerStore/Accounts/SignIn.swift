import Foundation

/// What a signed-in kiosk user may see, decided at sign-in.
public enum SignInRole: String, Sendable, Hashable, Codable {
    /// Granted with `careerpath accounts grant-hr`: everyone's record.
    case hr
    /// Has at least one subordinate: their own record and their chain's.
    case supervisor
    /// Their own record only.
    case person
}

/// A successful sign-in: hand `viewer` to every store call for this session.
public struct SignedInUser: Sendable, Hashable {
    public let personID: String
    public let role: SignInRole
    public let signedInAt: Date
    /// The terminal the session runs on (written with every audit row of the session).
    public let terminal: String

    public init(personID: String, role: SignInRole, signedInAt: Date, terminal: String) {
        self.personID = personID; self.role = role; self.signedInAt = signedInAt; self.terminal = terminal
    }

    /// The store's access rule for this user.
    public var viewer: Viewer {
        switch role {
        case .hr: return .hr(personID: personID)
        case .supervisor: return .supervisor(personID: personID)
        case .person: return .person(personID: personID)
        }
    }
}

/// Why a sign-in was refused. Neither case says whether the ID exists: unknown IDs are
/// counted and locked exactly like known ones.
public enum SignInRefusal: Sendable, Hashable, CustomStringConvertible {
    /// Wrong ID, wrong PIN, no PIN set, or a PIN that is not 4–12 digits.
    case incorrect
    /// Too many failures; every attempt is refused until `until`.
    case locked(until: Date)

    /// The English message with the unlock time in `timeZone` (HH:MM, rounded up to the minute
    /// so "after 14:06" is never too early). The kiosk's localisation table can rebuild it
    /// from the case and `SignInRefusal.clockText`.
    public func message(timeZone: TimeZone = .current) -> String {
        switch self {
        case .incorrect: return "employee ID or PIN is incorrect"
        case .locked(let until): return "too many attempts; try again after \(Self.clockText(until, timeZone: timeZone))"
        }
    }

    public var description: String { message() }

    /// `until` as HH:MM in `timeZone`, rounded up to the next whole minute.
    public static func clockText(_ until: Date, timeZone: TimeZone) -> String {
        let seconds = Int(until.timeIntervalSince1970.rounded(.up)) + timeZone.secondsFromGMT(for: until)
        let minutes = (seconds + 59) / 60
        let dayMinutes = ((minutes % 1440) + 1440) % 1440
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(dayMinutes / 60)):\(two(dayMinutes % 60))"
    }
}

/// The result of `AccountService.signIn`.
public enum SignInOutcome: Sendable, Hashable {
    case signedIn(SignedInUser)
    case refused(SignInRefusal)

    /// The signed-in user, or nil when refused.
    public var user: SignedInUser? {
        if case .signedIn(let user) = self { return user }
        return nil
    }
}

/// How many failures lock an ID and for how long.
public struct LockoutPolicy: Sendable, Hashable {
    /// Consecutive failures that lock the ID.
    public var maxFailures: Int
    /// How long the lock lasts, in seconds.
    public var lockSeconds: Int

    public init(maxFailures: Int = 5, lockSeconds: Int = 300) {
        self.maxFailures = maxFailures; self.lockSeconds = lockSeconds
    }
}
