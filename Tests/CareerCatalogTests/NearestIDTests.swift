import Testing
@testable import CareerCatalog

/// The "did you mean" search stops early (a length bound, a row bound, the best so far) but must
/// suggest exactly what the plain search over every candidate suggests.
@Suite("NearestID: the bounded search suggests what the full search does")
struct NearestIDTests {
    /// The full search: every candidate's whole edit distance, the first nearest kept. `known` holds
    /// distances already worked out for `wrong` (the same in any candidate order); new ones are added.
    static func plainSuggestion(for wrong: String, among candidates: [String], known: inout [String: Int]) -> String? {
        guard wrong.utf8.count <= NearestID.maxLength else { return nil }
        let w = Array(wrong.lowercased().unicodeScalars)
        var best: (id: String, distance: Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            guard abs(w.count - c.count) <= NearestID.limit(w.count, c.count) else { continue }
            let d = known[candidate] ?? NearestID.distance(w, c)
            known[candidate] = d
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        return best.distance <= NearestID.limit(w.count, best.id.count) ? best.id : nil
    }

    static let ids = ["public-relations-officer", "pr-media-relations", "radio", "news", "teamwork", "knowledge",
                      "nbs1", "nbs2", "K1", "K2", "K3", "O1", "M1", "M2", "S1", "bureau", "division", "ข่าว", "วิทยุ", "ÉCOLE"]

    @Test func knownTypos() {
        #expect(NearestID.suggestion(for: "teamwrok", among: Self.ids) == "teamwork")
        #expect(NearestID.suggestion(for: "RADOI", among: Self.ids) == "radio")
        #expect(NearestID.suggestion(for: "nbs22", among: Self.ids) == "nbs2")
        #expect(NearestID.suggestion(for: "k4", among: Self.ids) == "K1", "the first of equally near ids")
        #expect(NearestID.suggestion(for: "école", among: Self.ids) == "ÉCOLE")
        #expect(NearestID.suggestion(for: "ข่าา", among: Self.ids) == "ข่าว")
        #expect(NearestID.suggestion(for: "completely-unrelated-text", among: Self.ids) == nil)
        #expect(NearestID.suggestion(for: String(repeating: "x", count: 300), among: Self.ids) == nil)
    }

    /// Every single edit (a letter inserted, removed or replaced) of `text`, from a few letters.
    static func edits(of text: [Character]) -> [[Character]] {
        let letters: [Character] = ["a", "e", "k", "r", "K", "1", "-", "é", "ว"]
        var out: [[Character]] = []
        for at in 0...text.count {
            for letter in letters {
                var inserted = text; inserted.insert(letter, at: at); out.append(inserted)
                if at < text.count { var replaced = text; replaced[at] = letter; out.append(replaced) }
            }
            if at < text.count { var removed = text; removed.remove(at: at); out.append(removed) }
        }
        return out
    }

    @Test("every one and two letter mistyping: the same suggestion as the full search, in either candidate order")
    func sameAsTheFullSearch() {
        var checked = 0
        for id in Self.ids {
            let once = Self.edits(of: Array(id))
            // Two edits on a sample of the one-edit texts (every 41st), to keep the test quick; a text
            // that several edits make is checked once.
            let twice = once.enumerated().filter { $0.offset % 41 == 0 }.flatMap { Self.edits(of: $0.element) }
            var seen: Set<String> = []
            for wrong in (once + twice).map({ String($0) }) where seen.insert(wrong).inserted {
                var distances: [String: Int] = [:]
                for candidates in [Self.ids, Self.ids.reversed()] {
                    let plain = Self.plainSuggestion(for: wrong, among: candidates, known: &distances)
                    #expect(NearestID.suggestion(for: wrong, among: candidates) == plain, "\(wrong.debugDescription) among \(candidates)")
                    checked += 1
                }
            }
        }
        #expect(checked > 3_000)
    }
}
