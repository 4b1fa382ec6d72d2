import CareerEngine
import Foundation
import TerminalUI

/// Sorting people by name: Thai names with Thai collation (`th_TH`), English names case-insensitively.
///
/// Thai collation matters: code-point order puts leading vowels (เ แ โ ใ ไ) after every consonant,
/// so "เกศินี" would sort after "ฮ…"; the Thai dictionary order sorts it under ก.
enum PeopleOrder {
    static let thai = Locale(identifier: "th_TH")

    /// Thai collation of two strings: negative, zero or positive.
    static func compareThai(_ a: String, _ b: String) -> ComparisonResult {
        a.compare(b, options: [], range: nil, locale: thai)
    }

    /// People sorted by Thai name (Thai collation), then by id.
    ///
    /// By ICU's sort keys (`ThaiCollator`): one key per name, then byte comparisons. Foundation's
    /// `compare(_:options:range:locale:)` costs several microseconds per call on Linux, too slow
    /// for a 100,000-person roster and a visible part of the picker's start. Without an ICU
    /// collator the Foundation comparison is used.
    static func sortedThai(_ people: [Person]) -> [Person] {
        guard let keys = ThaiCollator.shared?.sortKeys(people.map(\.nameTH)) else {
            return people.sorted { a, b in
                switch compareThai(a.nameTH, b.nameTH) {
                case .orderedAscending: return true
                case .orderedDescending: return false
                case .orderedSame: return a.id < b.id
                }
            }
        }
        let order = people.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b]) : people[a].id < people[b].id
        }
        return order.map { people[$0] }
    }

    /// Indices of `people` in English-name order (case-insensitive), then by id.
    static func englishOrder(_ people: [Person]) -> [Int] {
        let keys = people.map { SearchText.folded($0.nameEN) }
        return people.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b]) : people[a].id < people[b].id
        }
    }
}

/// Text made case-insensitive for search and English sorting, as UTF-8 bytes.
enum SearchText {
    /// `text.lowercased()` as UTF-8. Names are Thai (which has no case) and ASCII, and for those
    /// only A–Z change: done on the bytes, which is many times faster than `lowercased()` on Thai
    /// text (the picker folds every name before its first paint). Anything else goes through
    /// `lowercased()`.
    static func folded(_ text: String) -> [UInt8] {
        let thaiOrASCII = text.unicodeScalars.allSatisfy { $0.isASCII || (0x0E00...0x0E7F).contains($0.value) }
        guard thaiOrASCII else { return Array(text.lowercased().utf8) }
        return text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
}

/// Byte-level substring search: Thai typed one scalar at a time must match inside a cluster
/// ("ขา" finds "ข่าว" only by scalars, and a half-typed "ข่" must match too).
enum Bytes {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
