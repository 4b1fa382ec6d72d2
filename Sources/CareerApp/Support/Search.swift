import CareerCatalog
import CareerEngine
import TerminalUI

/// What a search result points at, in the order results are listed.
public enum SearchHitKind: String, Sendable, Hashable, CaseIterable {
    case unit, jobLine = "line", directorPost = "post", competency, method, course, person
}

/// One searchable name.
public struct SearchHit: Sendable, Hashable {
    public var kind: SearchHitKind
    public var id: String
    public var name: LocalizedText
    /// What tells two hits of one name apart: a person's unit, a unit's parent.
    public var context: LocalizedText?

    public init(kind: SearchHitKind, id: String, name: LocalizedText, context: LocalizedText? = nil) {
        self.kind = kind; self.id = id; self.name = name; self.context = context
    }
}

/// The `/` modal: the query and its results.
public struct SearchState: Sendable {
    public var query = InputFieldState()
    public private(set) var results: [SearchHit] = []
    /// People who matched, of whom at most `SearchIndex.peopleShown` are listed.
    public private(set) var peopleMatched = 0
    public var list = ListState(selected: nil)

    /// People who matched but are not listed (a line under the list says how many).
    public var peopleNotShown: Int { peopleMatched - results.filter { $0.kind == .person }.count }

    /// Rows for the list when `rows` are free (one goes to the "and N more" line).
    func listRows(_ rows: Int) -> Int { peopleNotShown > 0 ? max(0, rows - 1) : rows }

    mutating func show(_ hits: [SearchHit], peopleMatched: Int) {
        results = hits
        self.peopleMatched = peopleMatched
        list.selectFirst(count: results.count)
    }
}

/// Units, job lines, director posts, competencies, methods and courses by Thai name, English
/// name and id, lower-cased once. People are not here: they come from what the store listed
/// for the viewer (`AppState.runSearch`).
struct SearchIndex: Sendable {
    let entries: [(hit: SearchHit, haystack: [UInt8])]
    /// People listed at most (a one-letter query matches much of a 100,000-person roster).
    static let peopleShown = 50

    init(catalog: Catalog) {
        var out: [(SearchHit, [UInt8])] = []
        func add(_ kind: SearchHitKind, _ id: String, _ name: LocalizedText, _ context: LocalizedText? = nil) {
            out.append((SearchHit(kind: kind, id: id, name: name, context: context), SearchText.folded("\(id) \(name.th) \(name.en)")))
        }
        for unit in catalog.units { add(.unit, unit.id, unit.name, unit.parent.flatMap { catalog.unitsByID[$0]?.name }) }
        for line in catalog.jobLines { add(.jobLine, line.id, line.name) }
        for post in catalog.directorPosts { add(.directorPost, post.id, post.name) }
        for competency in catalog.competencies { add(.competency, competency.id, competency.name) }
        for method in catalog.methods { add(.method, method.id, method.name) }
        for course in catalog.courses { add(.course, course.id, course.name) }
        entries = out
    }

    /// Entries whose names or id contain the folded query (case-insensitive; Thai matched by
    /// scalars). An empty query lists nothing.
    func search(_ needle: [UInt8]) -> [SearchHit] {
        guard !needle.isEmpty else { return [] }
        return entries.filter { Bytes.contains($0.haystack, needle) }.map(\.hit)
    }
}

extension AppState {
    /// Runs the search for the query typed: catalog names, then people by name or id.
    ///
    /// People come only from what the store answered for this viewer (`.listPeople`, the
    /// picker's list: a supervisor's chain, everyone for HR); a session that was never given a
    /// list (a kiosk) finds only the record it has open. The search never reads the store.
    mutating func runSearch(_ search: inout SearchState) {
        let needle = SearchText.folded(search.query.text)
        let index = searchIndex ?? SearchIndex(catalog: catalog)
        searchIndex = index
        var hits = index.search(needle)
        var matched = 0
        if !needle.isEmpty {
            let units = catalog.unitsByID
            func hit(_ p: Person) -> SearchHit {
                SearchHit(kind: .person, id: p.id, name: LocalizedText(th: p.nameTH, en: p.nameEN), context: units[p.unit]?.name)
            }
            if picker.people.isEmpty {
                if let own = session?.person, Bytes.contains(SearchText.folded("\(own.id) \(own.nameTH) \(own.nameEN)"), needle) {
                    hits.append(hit(own)); matched = 1
                }
            } else {
                let found = picker.peopleMatchingNames(needle, language: language)
                matched = found.count
                hits += found.prefix(SearchIndex.peopleShown).map { hit(picker.people[$0]) }
            }
        }
        search.show(hits, peopleMatched: matched)
    }

    /// Opens a search result where it lives: a person's record, a unit's people in the picker
    /// (sub-units too), a line on Paths, a post's gaps, the rest in the Catalog.
    mutating func open(_ hit: SearchHit) -> [Effect] {
        switch hit.kind {
        case .person:
            if session?.person.id == hit.id { return show(.me) }
            loadingPersonID = hit.id
            status = StatusMessage(Str.loadingPerson.format(language, hit.name.text(language)))
            return [.loadPerson(id: hit.id)]
        case .unit:
            // The picker when the viewer may see anyone there; else the unit itself.
            guard !picker.unitMembers(hit.id).isEmpty else { return openInCatalog(hit) }
            picker.filter = InputFieldState(text: hit.name.text(language))
            picker.refilter(language: language)
            return show(.people)
        case .jobLine:
            guard session != nil, let i = catalog.jobLines.firstIndex(where: { $0.id == hit.id }) else {
                return openInCatalog(hit)
            }
            let catalog = self.catalog
            withSession { $0.lines.select(i, count: catalog.jobLines.count); $0.resetLadder(catalog: catalog) }
            focus[.paths] = PathsPane.lines.rawValue
            return show(.paths)
        case .directorPost:
            if session != nil { return choose(.directorPost(hit.id)) }
            return openInCatalog(hit)
        case .competency, .method, .course:
            return openInCatalog(hit)
        }
    }

    private mutating func openInCatalog(_ hit: SearchHit) -> [Effect] {
        let entry: CatalogEntry
        switch hit.kind {
        case .jobLine: entry = .section(.sectionFrameworks)
        case .directorPost: entry = .framework(hit.id)
        case .competency: entry = .competency(hit.id)
        case .method: entry = .method(hit.id)
        case .course: entry = .course(hit.id)
        case .unit: entry = .unit(hit.id)
        case .person: return []
        }
        if let i = catalogBrowser.entries.firstIndex(of: entry) {
            catalogBrowser.list.select(i, count: catalogBrowser.entries.count)
            catalogBrowser.detailOffset = 0
        }
        focus[.catalog] = 0
        return show(.catalog)
    }
}
