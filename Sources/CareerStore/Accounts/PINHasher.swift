import Crypto
import Foundation
import _CryptoExtras

/// A stored PIN: salt, derived key and the parameters that made it, so the iteration count
/// can be raised later without invalidating older rows.
public struct PINHash: Sendable, Hashable {
    /// The only algorithm written today.
    public static let pbkdf2SHA256 = "pbkdf2-hmac-sha256"

    public var algorithm: String
    public var iterations: Int
    public var salt: [UInt8]
    public var key: [UInt8]

    public init(algorithm: String = PINHash.pbkdf2SHA256, iterations: Int, salt: [UInt8], key: [UInt8]) {
        self.algorithm = algorithm; self.iterations = iterations; self.salt = salt; self.key = key
    }

    /// One-line form for a configuration file (e.g. the kiosk operator PIN):
    /// `pbkdf2-hmac-sha256$210000$<salt base64>$<key base64>`.
    public var encoded: String {
        "\(algorithm)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// Parses `encoded`; nil when the text is not in that form.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, let iterations = Int(parts[1]),
              let salt = Data(base64Encoded: String(parts[2])), let key = Data(base64Encoded: String(parts[3])),
              !salt.isEmpty, !key.isEmpty else { return nil }
        self.init(algorithm: String(parts[0]), iterations: iterations, salt: Array(salt), key: Array(key))
    }
}

/// Salted, slow PIN hashing: PBKDF2-HMAC-SHA256 from swift-crypto (not hand-written).
///
/// A PIN has at most 10^12 values, so the hash only buys time against someone holding a copy
/// of the database; the lockout in `AccountService` is what stops guessing at the kiosk.
///
/// Usage:
/// ```swift
/// let hasher = PINHasher()
/// let stored = try hasher.hash(try PIN("2568"))
/// hasher.verify(try PIN("2568"), against: stored)  // true
/// ```
public struct PINHasher: Sendable {
    /// swift-crypto refuses fewer rounds than this (OWASP's floor for PBKDF2-HMAC-SHA256 in 2023
    /// was 600,000; 210,000 is what the library enforces and keeps a kiosk sign-in near 0.1 s).
    public static let minimumIterations = 210_000
    /// Bytes of random salt per hash.
    public static let saltByteCount = 16
    /// Bytes of derived key.
    public static let keyByteCount = 32

    /// Iterations for new hashes; older rows keep theirs and are re-hashed on their next sign-in.
    public let iterations: Int
    /// The fewest iterations `verify` accepts in a stored row (`minimumIterations`, except in tests).
    public let floor: Int

    public init(iterations: Int = PINHasher.minimumIterations) {
        self.iterations = max(iterations, Self.minimumIterations)
        floor = Self.minimumIterations
    }

    /// A hasher below swift-crypto's floor, for tests only: the same code at a cost a test can
    /// afford (one derivation at full strength is ~0.1 s). Never for real PINs.
    public static func forTests(iterations: Int = 1_000) -> PINHasher {
        PINHasher(iterations: max(1, iterations), floor: 1)
    }

    private init(iterations: Int, floor: Int) {
        self.iterations = iterations; self.floor = floor
    }

    /// Hashes `pin` with a fresh random salt.
    public func hash(_ pin: PIN) throws -> PINHash {
        // SymmetricKey(size:) draws from the system's secure random generator.
        let salt = SymmetricKey(size: SymmetricKeySize(bitCount: Self.saltByteCount * 8)).withUnsafeBytes { Array($0) }
        return PINHash(iterations: iterations, salt: salt, key: try derive(pin.bytes, salt: salt, iterations: iterations))
    }

    /// Whether `pin` matches `stored`. False (never a throw) for an unknown algorithm or a
    /// row weaker than `floor` (swift-crypto's), so a damaged row cannot open an account.
    public func verify(_ pin: PIN, against stored: PINHash) -> Bool {
        guard stored.algorithm == PINHash.pbkdf2SHA256, stored.iterations >= floor,
              let key = try? derive(pin.bytes, salt: stored.salt, iterations: stored.iterations) else { return false }
        return Self.constantTimeEqual(key, stored.key)
    }

    /// Runs the same derivation as `verify` against a throw-away salt, so refusing an unknown ID
    /// takes as long as refusing a wrong PIN.
    public func spendVerificationTime(_ pin: [UInt8]) {
        _ = try? derive(pin, salt: Self.dummySalt, iterations: iterations)
    }

    /// Compares every byte whatever the first difference, so the time taken does not tell an
    /// attacker how many leading bytes were right. Different lengths are unequal.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        let n = max(a.count, b.count)
        for i in 0..<n {
            // Out-of-range positions compare against 0; the length check above already failed.
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        // A length difference that is a multiple of 256 would truncate to 0: count it separately.
        return difference == 0 && a.count == b.count
    }

    private static let dummySalt = [UInt8](repeating: 0x5A, count: saltByteCount)

    private func derive(_ pin: [UInt8], salt: [UInt8], iterations: Int) throws -> [UInt8] {
        // swift-crypto checks its floor itself; only a test hasher (`floor` below it) goes under.
        let key = floor >= Self.minimumIterations
            ? try KDF.Insecure.PBKDF2.deriveKey(from: pin, salt: salt, using: .sha256,
                                                 outputByteCount: Self.keyByteCount, rounds: iterations)
            : try KDF.Insecure.PBKDF2.deriveKey(from: pin, salt: salt, using: .sha256,
                                                 outputByteCount: Self.keyByteCount, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }
}
