import CareerCatalog
import TerminalUI

/// What a search result points at.
public enum SearchHitKind: String, Sendable, Hashable {
    case jobLine = "line", directorPost = "post", competency
}

/// One searchable name.
public struct SearchHit: Sendable, Hashable {
    public var kind: SearchHitKind
    public var id: String
    public var name: LocalizedText
}

/// The `/` modal: the query and its results.
public struct SearchState: Sendable {
    public var query = InputFieldState()
    public private(set) var results: [SearchHit] = []
    public var list = ListState(selected: nil)

    mutating func run(_ index: SearchIndex) {
        results = index.search(query.text)
        list.selectFirst(count: results.count)
    }
}

/// Job lines, director posts and competencies by Thai name, English name and id, lower-cased once.
struct SearchIndex: Sendable {
    let entries: [(hit: SearchHit, haystack: [UInt8])]

    init(catalog: Catalog) {
        var out: [(SearchHit, [UInt8])] = []
        func add(_ kind: SearchHitKind, _ id: String, _ name: LocalizedText) {
            out.append((SearchHit(kind: kind, id: id, name: name), SearchText.folded("\(id) \(name.th) \(name.en)")))
        }
        for line in catalog.jobLines { add(.jobLine, line.id, line.name) }
        for post in catalog.directorPosts { add(.directorPost, post.id, post.name) }
        for competency in catalog.competencies { add(.competency, competency.id, competency.name) }
        entries = out
    }

    /// Entries whose names or id contain the query (case-insensitive; Thai matched by scalars).
    /// An empty query lists nothing.
    func search(_ query: String) -> [SearchHit] {
        let needle = SearchText.folded(query)
        guard !needle.isEmpty else { return [] }
        return entries.filter { Bytes.contains($0.haystack, needle) }.map(\.hit)
    }
}
