import Foundation

/// Whether the personnel database (a central PostgreSQL server) answers, and while it does not,
/// when the screen tries again: after 1, 2, 4, 8, 16, then every 30 seconds. Held by the planner's
/// and the kiosk's state; changed only by their update functions (`.storeUnavailable`,
/// `.storeAvailable`); the try itself is the `connectStore` effect.
///
///     var link = StoreLink()
///     link.lost(at: now)          // attempt 1 failed: due again at now + 1 s
///     link.isDue(now + 1)         // true → the update returns the connect effect and calls `trying()`
public struct StoreLink: Sendable, Hashable {
    /// False from a failed connect until one succeeds.
    public private(set) var isAvailable = true
    /// Failed tries since the store was last available.
    public private(set) var failures = 0
    /// When to try again (nil: available, or a try is under way).
    public private(set) var retryAt: Date?

    public init() {}

    /// The wait after `failures` failed tries.
    public static func delay(afterFailures failures: Int) -> TimeInterval {
        min(30, pow(2, Double(max(0, failures - 1))))
    }

    /// A try failed (or the server was found unreachable) at `now`.
    mutating func lost(at now: Date) {
        isAvailable = false
        failures += 1
        retryAt = now.addingTimeInterval(Self.delay(afterFailures: failures))
    }

    /// Whether a try is due at `now`.
    public func isDue(_ now: Date) -> Bool { retryAt.map { now >= $0 } ?? false }

    /// A try was handed to the effect runner: none is due until it answers.
    mutating func trying() { retryAt = nil }

    /// The server answered.
    mutating func restored() { self = StoreLink() }
}
