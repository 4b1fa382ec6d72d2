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

    public var description: String { text(.en) }

    public func text(_ language: Language) -> String {
        let shortest = PIN.lengths.lowerBound, longest = PIN.lengths.upperBound
        switch (self, language) {
        case (.empty, .th): return "ไม่ได้ใส่ PIN: PIN เป็นตัวเลข \(shortest) ถึง \(longest) หลัก"
        case (.empty, .en): return "no PIN given; a PIN is \(shortest) to \(longest) digits"
        case (.notDigits, .th): return "PIN มีได้เฉพาะตัวเลข 0–9 (ใช้เลขไทยได้)"
        case (.notDigits, .en): return "a PIN may contain only the digits 0–9 (Thai digits are accepted)"
        case (.wrongLength(let n), .th): return "PIN เป็นตัวเลข \(shortest) ถึง \(longest) หลัก แต่ที่ใส่มี \(n) หลัก"
        case (.wrongLength(let n), .en): return "a PIN is \(shortest) to \(longest) digits; this one has \(n)"
        case (.entriesDiffer, .th): return "PIN ที่ใส่สองครั้งไม่ตรงกัน จึงไม่ได้เปลี่ยนแปลงใด ๆ"
        case (.entriesDiffer, .en): return "the two PINs differ; nothing was changed"
        }
    }
}
