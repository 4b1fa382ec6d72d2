import Foundation
import CareerCatalog

/// A kiosk PIN: 4 to 12 ASCII digits. Thai digits (๐–๙) are accepted and stored as ASCII,
/// so a PIN typed on a Thai keyboard layout signs in the same as on a Latin one.
///
/// Usage: `let pin = try PIN("๑๒๓๔")  // digits == "1234"`
public struct PIN: Sendable, Hashable, CustomStringConvertible {
    /// The shortest and longest PIN accepted.
    public static let lengths = 4...12

    /// The digits, ASCII. Never logged or printed (`description` masks them).
    public let digits: String

    /// Validates `text` (surrounding spaces and a trailing newline are ignored).
    public init(_ text: String) throws(PINError) {
        let ascii = DateText.arabicDigits(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !ascii.isEmpty else { throw .empty }
        guard ascii.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { throw .notDigits }
        guard Self.lengths.contains(ascii.unicodeScalars.count) else { throw .wrongLength(ascii.unicodeScalars.count) }
        digits = ascii
    }

    /// The bytes fed to the key derivation.
    var bytes: [UInt8] { Array(digits.utf8) }

    /// Masked, so a PIN cannot leak through string interpolation or a debugger print.
    public var description: String { String(repeating: "•", count: digits.count) }
}

/// Why a PIN was refused when it was set.
public enum PINError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notDigits
    case wrongLength(Int)
    /// The two entries of `accounts set-pin` differ.
    case entriesDiffer

    public var description: String {
        switch self {
        case .empty: return "no PIN given; a PIN is \(PIN.lengths.lowerBound) to \(PIN.lengths.upperBound) digits"
        case .notDigits: return "a PIN may contain only the digits 0–9 (Thai digits are accepted)"
        case .wrongLength(let n):
            return "a PIN is \(PIN.lengths.lowerBound) to \(PIN.lengths.upperBound) digits; this one has \(n)"
        case .entriesDiffer: return "the two PINs differ; nothing was changed"
        }
    }
}
