import CareerCatalog
import CareerEngine
import TerminalUI

/// The screens (tabs) of the app.
public enum Screen: String, Sendable, CaseIterable {
    case people, me, paths, gaps, plan, catalog
    /// Supervisor mode (`--as ID`): subordinates and the selected one's gaps and plan side by side.
    case supervisor
    /// Unit reports (a unit head or HR, `--as ID`): the usage report form, needs, impact, curricula.
    case reports

    /// The keymap context that applies on this screen.
    var context: KeyContext {
        switch self {
        case .people: return .picker
        case .me: return .me
        case .paths: return .paths
        case .gaps: return .gaps
        case .plan: return .plan
        case .catalog: return .catalog
        case .supervisor: return .supervisor
        case .reports: return .reports
        }
    }

    var title: Str {
        switch self {
        case .people: return .screenPeople
        case .me: return .screenMe
        case .paths: return .screenPaths
        case .gaps: return .screenGaps
        case .plan: return .screenPlan
        case .catalog: return .screenCatalog
        case .supervisor: return .screenSupervisor
        case .reports: return .screenReports
        }
    }

    /// The function key that opens it (shown in the tabs).
    var functionKey: Int {
        switch self {
        case .people: return 4
        case .me: return 5
        case .paths: return 6
        case .gaps: return 7
        case .plan: return 8
        case .catalog: return 9
        case .supervisor: return 0
        // No function key: `R` opens it (the tab says so).
        case .reports: return 0
        }
    }

    /// Screens that show a person's record (viewing them is audited).
    var showsRecord: Bool { self == .me || self == .paths || self == .gaps || self == .plan }

    /// Panes that Tab cycles through, left to right, top to bottom.
    var paneCount: Int {
        switch self {
        case .people, .reports: return 1
        case .paths: return 3
        default: return 2
        }
    }
}

/// Panes of the Paths screen, in focus order.
enum PathsPane: Int { case lines = 0, ladder = 1, targets = 2 }

/// The terminal size in cells.
public struct TerminalSize: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = max(0, width); self.height = max(0, height) }
    /// The smallest size the screens are laid out for.
    public static let minimum = TerminalSize(width: 80, height: 24)
    var isTooSmall: Bool { width < Self.minimum.width || height < Self.minimum.height }
}

/// A modal covering the screen.
public enum Modal: Sendable {
    /// The help table, scrolled by `offset` lines.
    case help(offset: Int)
    case search(SearchState)
    /// A message to acknowledge (errors, confirmations).
    case message(String)
    /// The "why" of the selected gap (`w` on Gaps).
    case why(WhyState)
    /// A yes/no question before an action that loses work or writes a record (`a` over manual picks,
    /// `x`, `d`), with the question: y or Enter does it.
    case confirm(AppAction, String)
    /// The person's self-assessment (`e` on Me), drawn in the Me screen's right pane.
    case assess(AssessmentForm)
    /// A step's start and completion dates (`d` on Plan).
    case progress(ProgressForm)
    /// The folder to export the plan to (`e` on Plan), the runner's folder at first.
    case export(InputFieldState)
    /// The unit to report on, chosen by name (`u` on Reports).
    case reportUnit(UnitChoice)
    /// The day the year's usage reports are due, typed by HR (`D` on Reports).
    case reportDue(DueEntry)

    var context: KeyContext {
        switch self {
        case .help: return .help
        case .search: return .search
        case .message, .confirm: return .message
        case .why: return .why
        case .assess, .progress, .export, .reportUnit, .reportDue: return .form
        }
    }
}

/// The why view: one gap, its explanation from the engine (made when opened), the scroll.
public struct WhyState: Sendable {
    public let gap: Gap
    public let explanation: GapExplanation
    public var offset = 0
}

/// The status line's message.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// The person picker: everyone the viewer may see, sorted by name (Thai collation), filtered as you type.
public struct PickerState: Sendable {
    /// Sorted by Thai name (th_TH collation).
    public private(set) var people: [Person] = []
    /// Indices into `people` in English-name order; made the first time English needs them.
    var englishOrder: [Int]?
    /// Lower-cased "id nameTH nameEN" per person, for filtering without re-lowercasing on each
    /// key; made at the first filter key. Neither is made before the first screen, which
    /// shows neither.
    var haystacks: [[UInt8]]?
    public var filter = InputFieldState()
    /// True while keys type into the filter (after `/`); false when they act on the list, as
    /// they do everywhere else (q quits, ? helps). Esc or ↓ leaves the filter.
    public var filtering = false
    /// Indices into `people` that match the filter, in the current language's order.
    public private(set) var visible: [Int] = []
    public var list = ListState(selected: nil)
    /// True until the first `.peopleListed` arrives.
    public var loading = true
    /// The catalog's units: the filter also matches a person's unit by name, or any unit above
    /// it ("สำนักข่าว" finds the News Bureau's staff, its groups' too).
    var units: [String: Unit] = [:]

    mutating func setPeople(_ list: [Person], language: Language) {
        people = PeopleOrder.sortedThai(list)
        englishOrder = nil
        haystacks = nil
        loading = false
        refilter(language: language)
    }

    mutating func refilter(language: Language) {
        let order = self.order(language)
        let needle = SearchText.folded(filter.text)
        if needle.isEmpty {
            visible = order
        } else {
            let texts = nameTexts()
            let units = unitsMatching(needle)
            visible = units.isEmpty ? order.filter { Bytes.contains(texts[$0], needle) }
                : order.filter { Bytes.contains(texts[$0], needle) || units.contains(people[$0].unit) }
        }
        list.select(list.selected ?? 0, count: visible.count)
        if needle.isEmpty == false { list.selectFirst(count: visible.count) }
    }

    /// Indices of `people` in the language's order (Thai collation, or English names).
    mutating func order(_ language: Language) -> [Int] {
        guard language == .en else { return Array(people.indices) }
        let english = englishOrder ?? PeopleOrder.englishOrder(people)
        englishOrder = english
        return english
    }

    /// Folded "id nameTH nameEN" per person, made at the first use.
    mutating func nameTexts() -> [[UInt8]] {
        if let haystacks { return haystacks }
        let texts = people.map { SearchText.folded("\($0.id) \($0.nameTH) \($0.nameEN)") }
        haystacks = texts
        return texts
    }

    /// People whose id or name contains `needle` (not their unit's), in the language's order.
    mutating func peopleMatchingNames(_ needle: [UInt8], language: Language) -> [Int] {
        let texts = nameTexts()
        return order(language).filter { Bytes.contains(texts[$0], needle) }
    }

    /// Ids of the units whose id or name, or a unit's above them, contains `needle`.
    func unitsMatching(_ needle: [UInt8]) -> Set<String> {
        var out: Set<String> = []
        for (id, unit) in units {
            var current: Unit? = unit
            var depth = 0
            while let u = current, depth < 16 {
                if Bytes.contains(SearchText.folded("\(u.id) \(u.name.th) \(u.name.en)"), needle) { out.insert(id); break }
                current = u.parent.flatMap { units[$0] }
                depth += 1
            }
        }
        return out
    }

    /// Indices of the people in unit `id` or any unit below it.
    func unitMembers(_ id: String) -> [Int] {
        func within(_ unit: String) -> Bool {
            var current: String? = unit
            var depth = 0
            while let u = current, depth < 16 {
                if u == id { return true }
                current = units[u]?.parent
                depth += 1
            }
            return false
        }
        var cache: [String: Bool] = [:]
        return people.indices.filter { i in
            let unit = people[i].unit
            if let known = cache[unit] { return known }
            let answer = within(unit)
            cache[unit] = answer
            return answer
        }
    }

    /// The person under the selection bar.
    public var selectedPerson: Person? {
        guard let s = list.selected, s < visible.count else { return nil }
        return people[visible[s]]
    }
}

/// One row of a list that has group headings (gaps by kind, suggestions by gap, catalog sections).
enum RowKind: Sendable, Hashable {
    case heading
    case item
}

/// One picked suggestion: which gap it closes and how.
public struct PlanPick: Sendable, Hashable {
    public var gapID: String
    public var suggestion: Suggestion
    public init(gapID: String, suggestion: Suggestion) { self.gapID = gapID; self.suggestion = suggestion }
}

/// Everything about the person being looked at; a split pane (supervisor mode) can hold one of
/// these per subordinate and render the same views from it.
public struct PersonSession: Sendable {
    public let record: PersonRecord
    public let context: OrganizationContext
    /// Cached: every target reachable next (computed once per person and day).
    public private(set) var paths: [ReachableTarget] = []
    /// Job lines browsed on Paths (index into `catalog.jobLines`), the ladder rung, the targets table.
    public var lines = ListState()
    public var ladder = ListState()
    public var targets = ListState()
    /// Timeline scroll on Me.
    public var timelineOffset = 0
    /// Profile scroll on Me (the record's assessments, courses and earlier levels run below).
    public var profileOffset = 0

    /// The chosen target and its cached analysis (recomputed only when the target changes).
    public private(set) var target: Target?
    public private(set) var report: GapReport?
    /// Per gap of `report`: true when it rests on a value still to be confirmed. Worked out once
    /// with the report, not on every paint.
    public private(set) var toConfirm: [Bool] = []
    /// The engine's own plan for the target (PlanBuilder), for comparison and "adopt".
    public private(set) var suggestedPlan: DevelopmentPlan?
    /// Gap list rows: headings (one per kind) and gaps (index into `report.gaps`).
    private(set) var gapRows: [(kind: RowKind, gap: Int, gapKind: GapKind)] = []
    public var gapList = ListState()
    /// Selection among the selected gap's suggestions (Gaps detail pane).
    public var gapDetail = ListState()

    /// The plan in progress: picked suggestions, in gap order.
    public private(set) var picks: [PlanPick] = []
    /// The projection of `picks` (steps and the earliest-eligibility date following them).
    public private(set) var projection: DevelopmentPlan?
    /// Plan rows: headings (gap index) and suggestions (gap index, suggestion index).
    private(set) var planRows: [(kind: RowKind, gap: Int, suggestion: Int)] = []
    public var planList = ListState()
    public var summaryOffset = 0
    /// The person's saved plan toward `target` as last read from the store (nil: none saved, or not read yet).
    public private(set) var savedPlan: SavedPlan?
    /// The target `savedPlan` was read for (nil: not read for the current target yet).
    public private(set) var savedPlanTarget: String?
    /// The people who wrote on `savedPlan` (its notes name them).
    public private(set) var savedPlanAuthors: [Person] = []
    /// Every plan of the person across targets and versions, newest first (nil: not read yet).
    public internal(set) var allPlans: [SavedPlan]?

    init(record: PersonRecord, context: OrganizationContext, analyzer: GapAnalyzer, today: CivilDate) {
        self.record = record
        self.context = context
        recomputePaths(analyzer: analyzer, today: today)
        if let index = analyzer.catalog.jobLines.firstIndex(where: { $0.id == record.person.jobLine }) {
            lines.select(index, count: analyzer.catalog.jobLines.count)
        }
        resetLadder(catalog: analyzer.catalog)
    }

    var person: Person { record.person }

    mutating func recomputePaths(analyzer: GapAnalyzer, today: CivilDate) {
        paths = PathFinder(analyzer: analyzer).paths(record, on: today, context: context, withPlans: true)
        targets.select(targets.selected ?? 0, count: paths.count)
    }

    /// The job line browsed on Paths.
    func browsedLine(_ catalog: Catalog) -> JobLine? {
        guard let i = lines.selected, i < catalog.jobLines.count else { return nil }
        return catalog.jobLines[i]
    }

    /// Selects the person's own level on their own line; on another line of the same position
    /// type, their own level there (a lateral move) or else the first one above it; otherwise the
    /// lowest level. (Enter on the ladder targets the level under the cursor.)
    mutating func resetLadder(catalog: Catalog) {
        guard let line = browsedLine(catalog) else { ladder = ListState(selected: nil); return }
        var index = 0
        if line.id == person.jobLine, let own = line.levels.firstIndex(where: { $0.level == person.level }) {
            index = own
        } else if let mine = catalog.levelsByID[person.level], line.type == mine.type,
                  let near = line.levels.firstIndex(where: { (catalog.levelsByID[$0.level]?.rank ?? Int.min) >= mine.rank }) {
            index = near
        }
        ladder.select(index, count: line.levels.count)
    }

    /// Chooses a target: analyses it once, builds the engine's suggested plan, clears the picks.
    mutating func choose(_ newTarget: Target, analyzer: GapAnalyzer, today: CivilDate) {
        target = newTarget
        let analysed = analyzer.analyze(record, target: newTarget, on: today, context: context)
        report = analysed
        toConfirm = analysed.gaps.map { analyzer.restsOnDefault($0, of: record, target: newTarget) }
        suggestedPlan = PlanBuilder(analyzer: analyzer).plan(record, target: newTarget, start: today, context: context)
        var rows: [(kind: RowKind, gap: Int, gapKind: GapKind)] = []
        for kind in GapKind.allCases {
            let members = analysed.gaps.indices.filter { analysed.gaps[$0].kind == kind }
            guard !members.isEmpty else { continue }
            rows.append((.heading, members[0], kind))
            for g in members { rows.append((.item, g, kind)) }
        }
        gapRows = rows
        gapList = ListState(selected: nil)
        gapList.select(rows.firstIndex { $0.kind == .item } ?? 0, count: rows.count)
        gapDetail = ListState()
        var plan: [(kind: RowKind, gap: Int, suggestion: Int)] = []
        for (g, gap) in analysed.gaps.enumerated() where !gap.suggestions.isEmpty {
            plan.append((.heading, g, -1))
            for s in gap.suggestions.indices { plan.append((.item, g, s)) }
        }
        planRows = plan
        planList = ListState(selected: nil)
        planList.select(plan.firstIndex { $0.kind == .item } ?? 0, count: plan.count)
        picks = []
        summaryOffset = 0
        if savedPlanTarget != newTarget.id { savedPlan = nil; savedPlanTarget = nil }
        reproject(analyzer: analyzer, today: today)
    }

    /// Takes the saved plan read for `targetID`. When nothing is picked yet, the picks it was made
    /// from come back (matched against today's report by gap, method and place), so the Plan
    /// screen shows the saved plan after a restart.
    mutating func takeSavedPlan(_ plan: SavedPlan?, targetID: String, authors: [Person] = [], analyzer: GapAnalyzer, today: CivilDate) {
        guard target?.id == targetID else { return }
        savedPlan = plan
        savedPlanTarget = targetID
        savedPlanAuthors = authors
        guard let plan, picks.isEmpty, let report else { return }
        var restored: [PlanPick] = []
        for gap in report.gaps {
            for suggestion in gap.suggestions where plan.picks.contains(where: { $0.matches(gapID: gap.id, suggestion) }) {
                restored.append(PlanPick(gapID: gap.id, suggestion: suggestion))
            }
        }
        picks = restored
        reproject(analyzer: analyzer, today: today)
    }

    /// The gap under the Gaps list's selection.
    var selectedGap: Gap? {
        guard let report, let s = gapList.selected, s < gapRows.count else { return nil }
        return report.gaps[gapRows[s].gap]
    }

    func isPicked(_ gap: Gap, _ suggestion: Suggestion) -> Bool {
        picks.contains { $0.gapID == gap.id && $0.suggestion == suggestion }
    }

    /// Adds or removes a suggestion and re-projects the eligibility date.
    mutating func togglePick(gap: Gap, suggestion: Suggestion, analyzer: GapAnalyzer, today: CivilDate) {
        if let i = picks.firstIndex(where: { $0.gapID == gap.id && $0.suggestion == suggestion }) {
            picks.remove(at: i)
        } else {
            picks.append(PlanPick(gapID: gap.id, suggestion: suggestion))
            // Keep picks in report order so the projection does not depend on the order of key presses.
            let gaps = report?.gaps ?? []
            let order = Dictionary(gaps.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
            let suggestionOrder: (PlanPick) -> Int = { pick in
                gaps.first { $0.id == pick.gapID }?.suggestions.firstIndex(of: pick.suggestion) ?? 0
            }
            picks.sort { (order[$0.gapID] ?? 0, suggestionOrder($0)) < (order[$1.gapID] ?? 0, suggestionOrder($1)) }
        }
        reproject(analyzer: analyzer, today: today)
    }

    /// Picks, for each gap, the suggestion the engine's suggested plan uses for it (the engine says which).
    mutating func adoptSuggested(analyzer: GapAnalyzer, today: CivilDate) {
        guard let suggestedPlan else { return }
        picks = PlanBuilder(analyzer: analyzer).picks(following: suggestedPlan).map { PlanPick(gapID: $0.gapID, suggestion: $0.suggestion) }
        reproject(analyzer: analyzer, today: today)
    }

    mutating func clearPicks(analyzer: GapAnalyzer, today: CivilDate) {
        picks = []
        reproject(analyzer: analyzer, today: today)
    }

    private mutating func reproject(analyzer: GapAnalyzer, today: CivilDate) {
        guard let target, let report else { projection = nil; return }
        // The engine schedules the picks, by the rules of its own plan (`careerpath plan`).
        projection = PlanBuilder(analyzer: analyzer).plan(record, target: target, start: today, context: context,
                                                          picks: picks.map { PlannedPick(gapID: $0.gapID, suggestion: $0.suggestion) },
                                                          report: report)
    }

    /// Re-analyses everything for a new day (a tick after midnight).
    mutating func refresh(analyzer: GapAnalyzer, today: CivilDate) {
        recomputePaths(analyzer: analyzer, today: today)
        if let target {
            let kept = picks
            choose(target, analyzer: analyzer, today: today)
            picks = kept.filter { pick in report?.gaps.contains { $0.id == pick.gapID && $0.suggestions.contains(pick.suggestion) } ?? false }
            reproject(analyzer: analyzer, today: today)
        }
    }
}

/// The Catalog screen: entries (sections, dictionaries, competencies, frameworks, methods) and the detail scroll.
public struct CatalogBrowserState: Sendable {
    var entries: [CatalogEntry]
    public var list = ListState()
    public var detailOffset = 0

    init(catalog: Catalog) {
        entries = CatalogEntry.all(catalog)
        list.select(entries.firstIndex { $0.isItem } ?? 0, count: entries.count)
    }
}

/// One row of the Catalog screen's list.
enum CatalogEntry: Sendable, Hashable {
    case section(Str)
    case dictionary(String)
    case competency(String)
    case framework(String)
    case method(String)
    case course(String)
    case unit(String)

    var isItem: Bool {
        if case .section = self { return false }
        return true
    }

    static func all(_ catalog: Catalog) -> [CatalogEntry] {
        var out: [CatalogEntry] = [.section(.sectionDictionaries)]
        for d in catalog.dictionaries {
            out.append(.dictionary(d.id))
            out += d.competencies.map { .competency($0.id) }
        }
        out.append(.section(.sectionFrameworks))
        out += catalog.directorPosts.map { .framework($0.id) }
        out.append(.section(.sectionMethods))
        out += catalog.methods.map { .method($0.id) }
        out.append(.section(.sectionCourses))
        out += catalog.courses.map { .course($0.id) }
        out.append(.section(.sectionUnits))
        out += catalog.units.map { .unit($0.id) }
        return out
    }
}

/// The whole state of the app: a value changed only by `update(_:_:)`.
public struct AppState: Sendable {
    public private(set) var catalog: Catalog
    /// The engine, indexed once for the catalog.
    public private(set) var analyzer: GapAnalyzer
    /// The evaluation date (today), given by the runner so tests are deterministic.
    public internal(set) var today: CivilDate
    public internal(set) var language: Language
    public internal(set) var size: TerminalSize
    public internal(set) var screen: Screen
    /// The screen before the current one (Esc on Catalog goes back to it).
    var previousScreen: Screen = .me
    /// The focused pane on each screen that has been given one (see `focusedPane` for the
    /// default). Empty at first: a dictionary literal here cost the first screen a runtime
    /// conformance lookup for `Screen: Hashable` (~0.1 ms).
    var focus: [Screen: Int] = [:]
    public internal(set) var modal: Modal?
    public internal(set) var status: StatusMessage?
    /// Whether the central database answers; while it does not, the status line says so and the
    /// runner's clock asks for tries (`StoreLink`).
    public internal(set) var storeLink = StoreLink()
    /// The reads to carry out once the database answers (the start's, when it opened unreachable).
    var reloadWhenStoreAvailable: [Effect] = []
    /// Who is looking (nil: the person themselves, or the operator at the shell). Supervisor mode
    /// (a split pane of subordinates) sets it; the store enforces access, this only labels.
    public var viewerID: String?
    public internal(set) var picker = PickerState()
    public internal(set) var session: PersonSession?
    /// The id asked for with `.loadPerson`, until it arrives.
    public internal(set) var loadingPersonID: String?
    /// A plan save was sent and its answer has not come yet (effects are carried out in the
    /// background): the status says so, and `s` waits for it rather than send a second save.
    public internal(set) var savingPlan = false
    public internal(set) var catalogBrowser: CatalogBrowserState
    /// Searchable names (lines, posts, competencies), built at the first search (`runSearch`), not
    /// on the way to the first screen, where it cost a tenth of the time to the first paint.
    var searchIndex: SearchIndex?
    /// Box drawing and marks the terminal can show (the runner's, from its capabilities).
    public internal(set) var glyphs: Glyphs
    /// Where exported plans go (the runner gives the working directory's path; "" at the kiosk).
    public internal(set) var exportFolder: String
    /// Supervisor mode's state (nil unless started with `supervisorID` or `startSupervisorMode`).
    public internal(set) var supervisor: SupervisorState?
    /// The Reports screen's state, when the viewer heads a unit or has the hr role (`enableReports`).
    public internal(set) var reports: ReportsState?
    /// Set when a quit was asked for (the runner also gets `.quit`).
    public internal(set) var quitting = false

    /// A fresh state on the person picker (or on a person when the runner opens one directly),
    /// or with `supervisorID` on supervisor mode (`careerpath --as ID`: the split pane of their
    /// subordinates, asked for once the people list arrives).
    public init(catalog: Catalog, analyzer: GapAnalyzer? = nil, today: CivilDate, language: Language = .th,
                size: TerminalSize = .minimum, viewerID: String? = nil, glyphs: Glyphs = .unicode,
                exportFolder: String = ".", supervisorID: String? = nil) {
        self.catalog = catalog
        self.glyphs = glyphs
        self.exportFolder = exportFolder
        self.analyzer = analyzer ?? GapAnalyzer(catalog: catalog)
        self.today = today
        self.language = language
        self.size = size
        self.screen = .people
        self.viewerID = viewerID
        self.catalogBrowser = CatalogBrowserState(catalog: catalog)
        self.picker.units = catalog.unitsByID
        if let supervisorID { startSupervisorMode(supervisorID: supervisorID) }
    }

    /// Tells the user, on the status line of the first screen, that this run created the database
    /// from the demo roster (the runner knows; a line on standard error would be hidden under the
    /// full screen). Like any status, it goes when the screen changes.
    public mutating func noteDatabaseCreated(path: String, people: Int) {
        status = StatusMessage(Str.databaseCreated.format(language, path, String(people)))
    }

    /// The focused pane on the current screen.
    public var focusedPane: Int { focus[screen] ?? (screen == .paths ? PathsPane.targets.rawValue : 0) }

    /// The keymap context that applies now (a modal's, else the screen's).
    public var keyContext: KeyContext { modal?.context ?? screen.context }

    /// The effects to start with: list the people (and load one person when given).
    public static func startEffects(personID: String?) -> [Effect] {
        personID.map { [.listPeople, .loadPerson(id: $0)] } ?? [.listPeople]
    }
}
