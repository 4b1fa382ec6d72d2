/// Suggests the closest known id for a mistyped one ("did you mean `pr-media-relations`?").
public enum NearestID {
    /// The candidate with the smallest edit distance, if it is plausibly what was meant.
    public static func suggestion(for wrong: String, among candidates: some Sequence<String>) -> String? {
        // No id is this long: a pasted paragraph (or a 50 MB field) gets no suggestion, at no cost.
        guard wrong.utf8.count <= maxLength else { return nil }
        var best: (id: String, distance: Int)?
        let w = Array(wrong.lowercased().unicodeScalars)
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            // The distance is at least the difference in length: past the limit, not worth computing.
            guard abs(w.count - c.count) <= limit(w.count, c.count) else { continue }
            let d = distance(w, c)
            if best == nil || d < best!.distance { best = (candidate, d) }
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

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
