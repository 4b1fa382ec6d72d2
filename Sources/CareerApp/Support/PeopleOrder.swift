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
    ///
    /// `compare(_:options:range:locale:)` costs several microseconds per call on Linux, too slow
    /// to sort a 100,000-person roster directly. So: sort by a cheap approximation of the Thai
    /// order (leading vowels after their consonant, tone marks only to break ties), then let an
    /// insertion pass with the real collation fix what the approximation got wrong. The result
    /// is what the real collation says; the approximation only saves comparisons.
    static func sortedThai(_ people: [Person]) -> [Person] {
        let keys = people.map { approximateKey($0.nameTH) }
        var order = people.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b]) : people[a].id < people[b].id
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            switch compareThai(people[a].nameTH, people[b].nameTH) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return people[a].id < people[b].id
            }
        }
        var moves = 0
        var i = 1
        while i < order.count {
            if keys[order[i - 1]] != keys[order[i]] || people[order[i - 1]].nameTH != people[order[i]].nameTH,
               before(order[i], order[i - 1]) {
                var j = i
                while j > 0 && before(order[j], order[j - 1]) {
                    order.swapAt(j, j - 1)
                    j -= 1
                    moves += 1
                }
                // A poor approximation would make this quadratic: sort with the collation alone.
                if moves > order.count {
                    order = people.indices.sorted(by: before)
                    break
                }
            }
            i += 1
        }
        return order.map { people[$0] }
    }

    /// Thai names in roughly dictionary order: a leading vowel (เ แ โ ใ ไ) after the consonant it
    /// precedes in writing, tone and other marks left out of the first pass and appended after.
    static func approximateKey(_ name: String) -> [UInt32] {
        let scalars = name.unicodeScalars.map(\.value)
        var primary: [UInt32] = []
        var marks: [UInt32] = []
        primary.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let v = scalars[i]
            if (0x0E40...0x0E44).contains(v), i + 1 < scalars.count, (0x0E01...0x0E2E).contains(scalars[i + 1]) {
                primary.append(scalars[i + 1])
                primary.append(v)
                i += 2
                continue
            }
            if v == 0x0E47 || (0x0E48...0x0E4E).contains(v) {
                marks.append(v)
            } else {
                primary.append(v)
            }
            i += 1
        }
        return primary + [0] + marks
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
