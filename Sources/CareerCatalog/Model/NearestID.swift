/// Suggests the closest known id for a mistyped one ("did you mean `pr-media-relations`?").
public enum NearestID {
    /// The candidate with the smallest edit distance, if it is plausibly what was meant.
    public static func suggestion(for wrong: String, among candidates: some Sequence<String>) -> String? {
        var best: (id: String, distance: Int)?
        let w = Array(wrong.lowercased().unicodeScalars)
        for candidate in candidates {
            let d = distance(w, Array(candidate.lowercased().unicodeScalars))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        // Too far to be a typo: say nothing rather than suggest nonsense.
        let limit = max(2, min(w.count, best.id.count) / 2)
        return best.distance <= limit ? best.id : nil
    }

    /// " (did you mean `x`?)" or "".
    public static func hint(for wrong: String, among candidates: some Sequence<String>) -> String {
        suggestion(for: wrong, among: candidates).map { " (did you mean `\($0)`?)" } ?? ""
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
