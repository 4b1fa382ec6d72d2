/// Suggests the closest known id for a mistyped one ("did you mean `pr-media-relations`?").
public enum NearestID {
    /// The candidate with the smallest edit distance, if it is plausibly what was meant (the first
    /// such candidate on a tie).
    public static func suggestion(for wrong: String, among candidates: some Sequence<String>) -> String? {
        // No id is this long: a pasted paragraph (or a 50 MB field) gets no suggestion, at no cost.
        guard wrong.utf8.count <= maxLength else { return nil }
        let w = wrong.lowercased().unicodeScalars.map(\.value)
        // No answer is further than this from `wrong` (`limit` with the longest candidate): a candidate
        // further away can never be suggested, and cannot be the nearest when one within it exists.
        let ceiling = limit(w.count, .max)
        var best: (id: String, distance: Int)?
        var c: [UInt32] = []
        var rows = DistanceRows()
        for candidate in candidates {
            // Our ids are ASCII: their lowercase letters are their bytes, with no allocation.
            c.removeAll(keepingCapacity: true)
            if candidate.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in candidate.utf8 { c.append(UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) }
            } else {
                c.append(contentsOf: candidate.lowercased().unicodeScalars.map(\.value))
            }
            // The distance is at least the difference in length: past the limit, not worth computing.
            let gap = abs(w.count - c.count)
            guard gap <= limit(w.count, c.count) else { continue }
            // Only a strictly nearer candidate replaces the best.
            let cap = min(ceiling, (best?.distance ?? .max) - 1)
            guard gap <= cap, let d = rows.distance(w, c, cap: cap) else { continue }
            best = (candidate, d)
            if d == 0 { break }
        }
        guard let best else { return nil }
        // Too far to be a typo: say nothing rather than suggest nonsense.
        return best.distance <= limit(w.count, best.id.count) ? best.id : nil
    }

    /// Longer input (in UTF-8 bytes) is never compared.
    static let maxLength = 256

    /// The largest distance still taken for a typo between texts of these lengths.
    static func limit(_ a: Int, _ b: Int) -> Int { max(2, min(a, b) / 2) }

    /// " (did you mean `x`?)" or "".
    public static func hint(for wrong: String, among candidates: some Sequence<String>) -> String {
        hintText(for: wrong, among: candidates).en
    }

    /// `hint` in Thai and English.
    public static func hintText(for wrong: String, among candidates: some Sequence<String>) -> LocalizedText {
        suggestion(for: wrong, among: candidates).map {
            LocalizedText(th: " (หมายถึง `\($0)` ใช่ไหม?)", en: " (did you mean `\($0)`?)")
        } ?? LocalizedText(th: "", en: "")
    }

    /// The edit distance between `a` and `b`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var rows = DistanceRows()
        return rows.distance(a.map(\.value), b.map(\.value), cap: .max) ?? .max
    }

    /// The two rows of the edit-distance table, kept from one candidate to the next.
    struct DistanceRows {
        var previous: [Int] = []
        var current: [Int] = []

        /// The edit distance between `a` and `b`, or nil as soon as it is certainly above `cap`
        /// (every cell of a row above it: the rows below only grow).
        mutating func distance(_ a: [UInt32], _ b: [UInt32], cap: Int) -> Int? {
            if a.isEmpty { return b.count <= cap ? b.count : nil }
            if b.isEmpty { return a.count <= cap ? a.count : nil }
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: 0...b.count)
            current.removeAll(keepingCapacity: true)
            current.append(contentsOf: repeatElement(0, count: b.count + 1))
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    let cell = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    current[j] = cell
                    rowMinimum = min(rowMinimum, cell)
                }
                if rowMinimum > cap { return nil }
                swap(&previous, &current)
            }
            return previous[b.count] <= cap ? previous[b.count] : nil
        }
    }
}
