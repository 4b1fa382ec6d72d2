import CareerCatalog
import CareerEngine
import TerminalUI

/// The columns of the subordinates table, in the order the sort key cycles through them.
public enum SubordinateColumn: Int, Sendable, CaseIterable {
    case name, line, level, timeInLevel, nextLevel, post
}

/// One subordinate in the left pane with their readiness badges (computed once per load, post
/// choice and day, never on a selection move).
public struct SubordinateRow: Sendable {
    public let record: PersonRecord
    /// 1 for a direct report, 2 for their reports …
    public let depth: Int
    public let monthsInLevel: Int
    /// Toward the next level of their line (nil: top of the line).
    public let nextLevel: Target?
    public let nextLevelBand: SuccessionBand?
    /// Toward the chosen director post (nil: not a candidate for it).
    public var postBand: SuccessionBand?
    public var person: Person { record.person }
}

/// What the supervisor screen shows in its body.
public enum SupervisorMode: Sendable, Hashable {
    /// Subordinates on the left, the selected one's gaps and plan on the right.
    case split
    /// Two subordinates side by side (the marked one and the selected one).
    case compare(String, String)
    /// Director posts on the left, the ranked succession pool of the selected post on the right.
    case succession
}

/// Typing into the filter or a plan comment.
public enum SupervisorInput: Sendable {
    case filter
    case comment(PlanReviewAction)
    /// The competency assessment form (`AssessmentForm`).
    case assess
}

/// Supervisor mode: the subordinates, cached sessions per person (each with its own target,
/// lists and plan, rendered with the same views as the individual screens), saved plans, and
/// the succession pools.
public struct SupervisorState: Sendable {
    public let supervisorID: String
    public internal(set) var supervisor: Person?
    /// Everyone visible below the supervisor (the whole chain).
    public internal(set) var records: [PersonRecord] = []
    /// True once `.listSubordinates` was asked for / answered.
    var requested = false
    public internal(set) var loaded = false
    public internal(set) var wholeChain = false
    public internal(set) var sortColumn: SubordinateColumn = .name
    public internal(set) var filter = InputFieldState()
    public internal(set) var input: SupervisorInput?
    public internal(set) var comment = InputFieldState()
    /// The assessment form while `input` is `.assess`.
    public internal(set) var assessment: AssessmentForm?
    /// Rows of the shown set (direct or whole chain), sorted; `visible` indexes them after the filter.
    public internal(set) var rows: [SubordinateRow] = []
    public internal(set) var visible: [Int] = []
    public var list = ListState(selected: nil)
    /// Index into `AppState.supervisorPosts` for the post badge (set to `SupervisorRoster.defaultPost`
    /// when the supervisor's record arrives, unless `d` chose one before).
    public internal(set) var postIndex = 0
    /// Counts `d` presses: once the supervisor has chosen a post, the right pane's target is that post
    /// for everyone (a session loaded or targeted under an older count is retargeted when shown).
    var postChoice = 0
    /// The `postChoice` each cached session was targeted under.
    var targetedUnder: [String: Int] = [:]
    /// The supervisor's own session (F5, the title bar), kept aside while a subordinate is opened full.
    var ownSession: PersonSession?
    public internal(set) var mode: SupervisorMode = .split
    /// The person marked for a side-by-side comparison.
    public internal(set) var marked: String?
    /// Sessions by person id (loaded through `.loadPerson`, audited by the store).
    public internal(set) var sessions: [String: PersonSession] = [:]
    /// Loads asked for and not yet answered.
    var pending: Set<String> = []
    /// Saved plans by person id (`.some(nil)`: none saved).
    public internal(set) var plans: [String: SavedPlan?] = [:]
    /// Set while the selected person is open on the individual screens (Esc comes back).
    var openedFull: String?
    /// Succession screen: the post list (`AppState.supervisorPosts`), the pool list, pools by post id.
    public var posts = ListState()
    public var pool = ListState(selected: nil)
    public internal(set) var pools: [String: SuccessionPool] = [:]
    /// Badge caches: next level by person, post band by post then person.
    var nextBands: [String: (Target?, SuccessionBand?)] = [:]
    var postBands: [String: [String: SuccessionBand]] = [:]

    public init(supervisorID: String) { self.supervisorID = supervisorID }

    /// The person under the selection bar.
    public var selected: SubordinateRow? {
        guard let s = list.selected, s < visible.count else { return nil }
        return rows[visible[s]]
    }

    /// The session of the selected person, when loaded.
    public var selectedSession: PersonSession? { selected.flatMap { sessions[$0.person.id] } }

    func row(_ id: String) -> SubordinateRow? { rows.first { $0.person.id == id } }
}

/// The chain below a supervisor and the next rung of each person's line (their readiness bands come
/// from the engine: `SuccessionRanker.band`).
enum SupervisorRoster {
    /// Depth below `supervisorID` of each record in their chain (1 = direct report).
    static func depths(_ records: [PersonRecord], below supervisorID: String) -> [String: Int] {
        var children: [String: [String]] = [:]
        for r in records { if let boss = r.person.supervisorID { children[boss, default: []].append(r.person.id) } }
        var out: [String: Int] = [:]
        var frontier = [supervisorID]
        var depth = 0
        while !frontier.isEmpty, depth < 64 {
            depth += 1
            var next: [String] = []
            for id in frontier {
                for child in children[id] ?? [] where out[child] == nil && child != supervisorID {
                    out[child] = depth
                    next.append(child)
                }
            }
            frontier = next
        }
        return out
    }

    /// The post a supervisor's subordinates are measured against at first: the post above the
    /// supervisor's own (an M1 provincial head: their regional bureau's director; a bureau director:
    /// the deputy director-general), else, for someone holding no post, the post heading their unit
    /// or the nearest unit above it. nil: none found (the list's first post is used).
    static func defaultPost(for supervisor: Person, posts: [DirectorPost], catalog: Catalog) -> String? {
        let held = posts.first { heads($0, unit: supervisor.unit, catalog: catalog) && $0.level == supervisor.level }
        let ranks = levelRanks(catalog)
        func higher(_ p: DirectorPost, than level: String) -> Bool { (ranks[p.level] ?? 0) > (ranks[level] ?? 0) }
        let floor = held?.level ?? supervisor.level
        // Up the unit chain from the supervisor's unit: the first post above them.
        var unit: String? = supervisor.unit
        var seen: Set<String> = []
        while let u = unit, !seen.contains(u) {
            seen.insert(u)
            if let p = posts.first(where: { heads($0, unit: u, catalog: catalog) && higher($0, than: floor) }) { return p.id }
            unit = catalog.unitsByID[u]?.parent
        }
        // Above a unit's head: the lowest executive post above them.
        let executives = posts.filter { $0.kind == .executive && higher($0, than: floor) }
        if let p = executives.min(by: { (ranks[$0.level] ?? 0) < (ranks[$1.level] ?? 0) }) { return p.id }
        return held?.id
    }

    /// True when `post` heads `unit`: its own unit, or any unit of a kind that one post stands for
    /// (the provincial offices, the regional bureaus: one framework, many units).
    static func heads(_ post: DirectorPost, unit: String, catalog: Catalog) -> Bool {
        if post.unit == unit { return true }
        guard post.kind == .director, let kind = catalog.unitsByID[post.unit]?.kind, catalog.unitsByID[unit]?.kind == kind else { return false }
        let postsOfKind = catalog.directorPosts.filter { catalog.unitsByID[$0.unit]?.kind == kind }
        return postsOfKind.count == 1 && catalog.units.filter { $0.kind == kind }.count > 1
    }

    /// Levels by rank, lowest first (K1 … S2 by their order in the ladder).
    static func levelRanks(_ catalog: Catalog) -> [String: Int] {
        let all = catalog.positionTypes.flatMap(\.levels)
        // The ladder file's order: O1 … O4, K1 … K5, M1, M2, S1, S2.
        return Dictionary(all.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// The next rung of the person's own line.
    static func nextLevel(_ person: Person, catalog: Catalog) -> Target? {
        Target.nextLevel(of: person, in: catalog)
    }
}
