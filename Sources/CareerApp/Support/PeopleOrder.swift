import CareerEngine
import Foundation

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

    /// People sorted by Thai name (th_TH collation), then by id.
    static func sortedThai(_ people: [Person]) -> [Person] {
        people.sorted { x, y in
            switch compareThai(x.nameTH, y.nameTH) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return x.id < y.id
            }
        }
    }

    /// Indices of `people` in English-name order (case-insensitive), then by id.
    static func englishOrder(_ people: [Person]) -> [Int] {
        let keys = people.map { $0.nameEN.lowercased() }
        return people.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : people[a].id < people[b].id }
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
