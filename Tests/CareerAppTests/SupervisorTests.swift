import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// Supervisor mode by keys alone (walk the subordinates, read one's gaps, approve a plan, open a
/// director post's succession pool), its snapshots, and the cost of a selection move.
@Suite("supervisor mode")
struct SupervisorTests {
    static let director = AppFixture.director
    static let records = [AppFixture.somchai, AppFixture.kesinee, PersonRecord(person: AppFixture.prapaporn)]

    /// Supervisor mode for Wichai (P0000) with the subordinates listed and every record loaded.
    static func state(_ language: Language = .th, width: Int = 80, height: Int = 24, loadAll: Bool = true) -> (AppState, [Effect]) {
        // Made once per language and size (loading the subordinates works out all their paths); each caller gets a copy.
        made.value(for: "\(language) \(width)x\(height) \(loadAll)") { make(language, width: width, height: height, loadAll: loadAll) }
    }

    private static let made = Memo<(AppState, [Effect])>()

    private static func make(_ language: Language, width: Int, height: Int, loadAll: Bool) -> (AppState, [Effect]) {
        var state = AppState(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, today: AppFixture.today,
                             language: language, size: TerminalSize(width: width, height: height), viewerID: "P0000")
        state.startSupervisorMode(supervisorID: "P0000")
        var effects = update(&state, .peopleListed(AppFixture.people + [director]))
        effects += update(&state, .supervisor(.subordinatesListed(supervisor: director, records: records)))
        if loadAll { answer(&state, effects) }
        return (state, effects)
    }

    /// Answers load effects the way the runner would.
    static func answer(_ state: inout AppState, _ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .loadPerson(let id):
                guard let record = records.first(where: { $0.person.id == id }) else { continue }
                _ = update(&state, .personLoaded(record, OrganizationContext(supervisorChain: [director])))
            case .supervisor(.loadPlan(let id)):
                _ = update(&state, .supervisor(.planLoaded(personID: id, plan: id == "P0001" ? savedPlan : nil)))
            default: break
            }
        }
    }

    static let savedPlan = SavedPlan(id: 7, personID: "", target: "public-relations-officer:K4", status: "draft", createdBy: "P0001", stepCount: 3)

    static func press(_ state: inout AppState, _ keys: KeyEvent...) -> [Effect] {
        var all: [Effect] = []
        for key in keys {
            let effects = update(&state, .key(key))
            answer(&state, effects)
            all += effects
        }
        return all
    }

    static func text(_ state: AppState) -> String { AppView.render(state).lines().joined(separator: "\n") }

    @Test("starting asks for the subordinates once the people are listed; the direct reports show with badges")
    func start() throws {
        var state = AppState(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, today: AppFixture.today, viewerID: "P0000")
        state.startSupervisorMode(supervisorID: "P0000")
        #expect(state.screen == .supervisor)
        #expect(update(&state, .peopleListed(AppFixture.people)) == [.supervisor(.listSubordinates(supervisorID: "P0000"))])
        #expect(update(&state, .peopleListed(AppFixture.people)).isEmpty)
        let effects = update(&state, .supervisor(.subordinatesListed(supervisor: Self.director, records: Self.records)))
        let sup = try #require(state.supervisor)
        #expect(Set(sup.rows.map(\.person.id)) == ["P0001", "P0002"])
        #expect(sup.rows.allSatisfy { $0.nextLevel != nil && $0.nextLevelBand != nil })
        let first = try #require(sup.selected?.person.id)
        #expect(effects == [.loadPerson(id: first), .supervisor(.loadPlan(personID: first))])
    }

    @Test("walk the subordinates: the right pane follows the selection; sessions are cached; Tab moves focus")
    func walk() throws {
        var (state, _) = Self.state(.en, width: 120, height: 40)
        let first = try #require(state.supervisor?.selected)
        #expect(Self.text(state).contains("Gaps and plan: \(first.person.nameEN)"))
        let effects = Self.press(&state, .down)
        let second = try #require(state.supervisor?.selected)
        #expect(second.person.id != first.person.id)
        #expect(effects.contains(.loadPerson(id: second.person.id)))
        #expect(state.screen == .supervisor)
        #expect(state.supervisor?.sessions[second.person.id]?.report != nil)
        let screen = Self.text(state)
        #expect(screen.contains("Gaps and plan: \(second.person.nameEN)"))
        #expect(screen.contains(Describe(catalog: AppFixture.catalog, language: .en).targetName(try #require(second.nextLevel))))
        // Back up: cached, no load.
        #expect(!Self.press(&state, .up).contains(.loadPerson(id: first.person.id)))
        #expect(state.focusedPane == 0)
        _ = Self.press(&state, .tab)
        #expect(state.focusedPane == 1)
        _ = Self.press(&state, .tab)
        #expect(state.focusedPane == 0)
    }

    @Test("w shows the whole chain, s cycles the sort column, / filters, d changes the director post")
    func listKeys() throws {
        var (state, _) = Self.state(.en)
        _ = Self.press(&state, .char("w"))
        #expect(state.supervisor?.rows.count == 3)
        #expect(state.supervisor?.rows.first { $0.person.id == "P0003" }?.depth == 2)
        _ = Self.press(&state, .char("s"))
        #expect(state.supervisor?.sortColumn == .line)
        _ = Self.press(&state, .char("s"), .char("s"))
        #expect(state.supervisor?.sortColumn == .timeInLevel)
        // Longest in level first: Kesinee (2019) before Prapaporn (2020) before Somchai (2021).
        #expect(state.supervisor?.rows.map(\.person.id) == ["P0002", "P0003", "P0001"])
        _ = Self.press(&state, .char("/"))
        for c in "prapa" { _ = Self.press(&state, .char(c)) }
        #expect(state.supervisor?.visible.count == 1)
        #expect(state.supervisor?.selected?.person.id == "P0003")
        _ = Self.press(&state, .enter, .escape)
        #expect(state.supervisor?.visible.count == 3)
        let post = state.supervisor?.postIndex
        _ = Self.press(&state, .char("d"))
        #expect(state.supervisor?.postIndex != post)
    }

    @Test("read one's gaps full screen and come back with Esc")
    func fullScreen() throws {
        var (state, _) = Self.state(.en)
        let id = try #require(state.supervisor?.selected?.person.id)
        let effects = Self.press(&state, .enter)
        #expect(state.screen == .gaps)
        #expect(state.session?.person.id == id)
        #expect(!effects.contains(.loadPerson(id: id)), "read (and audited by the store) when it came into view")
        _ = Self.press(&state, .escape)
        #expect(state.screen == .supervisor)
    }

    @Test("a status given on a subordinate's full screen goes with it (issue 15, item 6)")
    func statusGoesWithTheFullScreen() {
        var (state, _) = Self.state(.en)
        _ = Self.press(&state, .enter)
        _ = update(&state, .planExported(path: "./plan.md", error: nil))
        #expect(state.status != nil)
        _ = Self.press(&state, .escape)
        #expect(state.screen == .supervisor)
        #expect(state.status == nil)
        #expect(!Self.text(state).contains("plan.md"))
    }

    @Test("approve a saved plan by keys: a, a note, Enter → the review effect; the answer shows in the pane")
    func approve() throws {
        var (state, _) = Self.state(.en, width: 120, height: 40)
        // Bounded walks: an unbounded `while` hangs the whole suite when the list does not move.
        for _ in 0..<20 where state.supervisor?.selected?.person.id != "P0001" { _ = Self.press(&state, .down) }
        try #require(state.supervisor?.selected?.person.id == "P0001")
        #expect(Self.text(state).contains("Saved plan"))
        _ = Self.press(&state, .char("a"))
        for c in "ok" { _ = Self.press(&state, .char(c)) }
        let effects = Self.press(&state, .enter)
        #expect(effects == [.supervisor(.reviewPlan(personID: "P0001", planID: 7, kind: .approve, comment: "ok"))])
        var approved = Self.savedPlan
        approved.status = "approved"; approved.statusBy = "P0000"; approved.statusAt = "2025-08-31T10:00:00Z"
        approved.notes = [PlanNote(authorID: "P0000", writtenAt: "2025-08-31T10:00:00Z", action: "approve", body: "ok")]
        _ = update(&state, .supervisor(.planReviewed(personID: "P0001", plan: approved, error: nil)))
        #expect(state.status?.text == "Plan approved")
        // The approver by name, the day as a date (issue 15, item 1).
        #expect(Self.text(state).contains("Saved plan: Public Relations Officer Expert · approved by Wichai"))
        // The date is one word (no-break spaces) where the line wraps.
        #expect(Self.text(state).replacingOccurrences(of: "\u{00A0}", with: " ").contains("Phunam 31 Aug 2025 · 3 steps"))
        #expect(Self.text(state).replacingOccurrences(of: "\u{00A0}", with: " ").contains("31 Aug 2025 · Wichai Phunam · approved: ok"))
        #expect(!Self.text(state).contains("P0000"))
        // Without a saved plan the keys refuse with a message.
        for key in [KeyEvent.down, .up, .up] where state.supervisor?.selected?.person.id == "P0001" { _ = Self.press(&state, key) }
        try #require(state.supervisor?.selected?.person.id != "P0001")
        #expect(Self.press(&state, .char("r")).isEmpty)
        #expect(state.status?.isError == true)
    }

    @Test("compare two side by side: v on one, v on another; Esc closes")
    func compare() throws {
        var (state, _) = Self.state(.en)
        let a = try #require(state.supervisor?.selected?.person.id)
        _ = Self.press(&state, .char("v"), .down)
        let b = try #require(state.supervisor?.selected?.person.id)
        _ = Self.press(&state, .char("v"))
        #expect(state.supervisor?.mode == .compare(a, b))
        #expect(Self.text(state).components(separatedBy: "Compare:").count == 3)
        _ = Self.press(&state, .escape)
        #expect(state.supervisor?.mode == .split)
    }

    @Test("open the succession pool of a director post by keys: S, move to the post, the ranked pool on the right")
    func succession() throws {
        var (state, _) = Self.state(.en)
        _ = Self.press(&state, .char("S"))
        #expect(state.supervisor?.mode == .succession)
        let posts = AppFixture.catalog.directorPosts
        let target = try #require(posts.firstIndex { $0.id == "dir-news-bureau" })
        for _ in 0..<40 where (state.supervisor?.posts.selected ?? 0) < target { _ = Self.press(&state, .down) }
        for _ in 0..<40 where (state.supervisor?.posts.selected ?? 0) > target { _ = Self.press(&state, .up) }
        let pool = try #require(state.selectedPool)
        #expect(pool.post.id == "dir-news-bureau")
        #expect(pool.candidates.map(\.person.id).contains("P0001"))
        #expect(Self.text(state).contains("Pool: \(posts[target].name.en)"))
        _ = Self.press(&state, .tab)
        #expect(state.focusedPane == 1)
        _ = Self.press(&state, .escape)
        #expect(state.supervisor?.mode == .split)
    }

    @Test("the split pane at 80×24 and 120×40 in Thai and English matches its golden file")
    func snapshots() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for language in Language.allCases {
                let (state, _) = Self.state(language, width: w, height: h)
                let lines = AppView.render(state).lines()
                #expect(lines.count == h)
                try Snapshot.assert(lines, named: "supervisor-\(w)x\(h)-\(language.rawValue)")
            }
        }
    }

    // MARK: Issue 15, item 5

    @Test("d retargets the right pane, for people opened before too, and the pane follows the post")
    func postRetargetsOpened() throws {
        var (state, _) = Self.state(.en, width: 120, height: 40)
        let first = try #require(state.supervisor?.selected?.person.id)
        _ = Self.press(&state, .down)
        let second = try #require(state.supervisor?.selected?.person.id)
        #expect(first != second)
        _ = Self.press(&state, .char("d"))
        let post = try #require(state.chosenPost)
        #expect(state.supervisor?.sessions[second]?.target == .directorPost(post.id))
        #expect(Self.text(state).contains("Target: \(post.name.en)"))
        // The one opened before `d` follows when shown again.
        _ = Self.press(&state, .up)
        #expect(state.supervisor?.selected?.person.id == first)
        #expect(state.supervisor?.sessions[first]?.target == .directorPost(post.id))
        #expect(Self.text(state).contains("Target: \(post.name.en)"))
    }

    @Test("the default post is the one above the supervisor's own")
    func defaultPost() throws {
        let (state, _) = Self.state(.en)
        // Wichai directs the News Bureau (M2): the post above is the deputy director-general's.
        #expect(state.chosenPost?.id == "deputy-director-general")
        let catalog = AppFixture.catalog
        let posts = catalog.directorPosts + catalog.executivePosts
        func person(_ unit: String, _ level: String) -> Person {
            Person(id: "X", nameTH: "x", nameEN: "x", unit: unit, jobLine: "public-relations-officer", level: level,
                   levelSince: AppFixture.today, serviceStart: AppFixture.today, education: "master", supervisorID: nil)
        }
        // A provincial office's head (M1, the provincial post): their regional bureau's director.
        #expect(SupervisorRoster.defaultPost(for: person("provincial-pr-chiang-mai", "M1"), posts: posts, catalog: catalog) == "dir-regional-pr")
        // A group head holding no post: the director of their bureau.
        #expect(SupervisorRoster.defaultPost(for: person("news-bureau", "K4"), posts: posts, catalog: catalog) == "dir-news-bureau")
        // The deputy director-general: the director-general.
        #expect(SupervisorRoster.defaultPost(for: person("secretary-office", "S1"), posts: posts, catalog: catalog) == "director-general")
    }

    @Test("subordinates sort by Thai collation in Thai (leading vowels under their consonant), as the picker does")
    func thaiOrder() throws {
        var (state, _) = Self.state(.th)
        _ = Self.press(&state, .char("w"))
        let names = try #require(state.supervisor?.rows.map(\.person.nameTH))
        #expect(names == ["เกศินี แก้วมณี", "ประภาพร สุขใจ", "สมชาย ใจดี"])
        #expect(names == PeopleOrder.sortedThai(state.supervisor?.rows.map(\.person) ?? []).map(\.nameTH))
        _ = Self.press(&state, .function(2))
        #expect(state.supervisor?.rows.map(\.person.nameEN) == ["Kesinee Kaewmanee", "Prapaporn Sukjai", "Somchai Jaidee"])
    }

    @Test("the sort mark shows in every s state, at 80 and 120 columns, Thai and English")
    func sortMarkAlwaysShown() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for language in Language.allCases {
                var (state, _) = Self.state(language, width: w, height: h)
                for n in 0..<SubordinateColumn.allCases.count {
                    let column = try #require(state.supervisor?.sortColumn)
                    let lines = AppView.render(state).lines()
                    // The list's heading or, for a column not shown, the line above it.
                    let head = lines[3...4].joined()
                    #expect(head.contains("▲"), "\(w)x\(h) \(language) after \(n) presses (\(column))")
                    #expect(head.contains("▲" + SupText.column(column).text(language).prefix(2)), "\(w)x\(h) \(language) \(column)")
                    _ = Self.press(&state, .char("s"))
                }
            }
        }
    }

    @Test("after a subordinate was opened: the title bar, F5 and the plan pane are the supervisor's again")
    func supervisorIsMe() throws {
        var (state, _) = Self.state(.en, width: 120, height: 40)
        let sub = try #require(state.supervisor?.selected?.person)
        _ = Self.press(&state, .enter)
        #expect(state.screen == .gaps)
        // On the subordinate's screens: their name, and no "my".
        #expect(AppView.render(state).lines()[0].contains(sub.nameEN))
        #expect(AppView.render(state).lines()[1].contains("5 Record"))
        _ = Self.press(&state, .function(8))
        #expect(Self.text(state).contains("Plan of \(sub.nameEN)"))
        #expect(!Self.text(state).contains("My plan"))
        for _ in 0..<4 where state.screen != .supervisor { _ = Self.press(&state, .escape) }
        try #require(state.screen == .supervisor)
        let title = AppView.render(state).lines()[0]
        #expect(title.contains(Self.director.nameEN))
        #expect(!title.contains(sub.nameEN))
        // F5 is the supervisor's own record.
        let effects = Self.press(&state, .function(5))
        #expect(effects == [.loadPerson(id: "P0000")])
        _ = update(&state, .personLoaded(PersonRecord(person: Self.director), .none))
        #expect(state.screen == .me)
        #expect(state.session?.person.id == "P0000")
        #expect(AppView.render(state).lines()[1].contains("5 Me"))
        _ = Self.press(&state, .function(8))
        #expect(Self.text(state).contains("My plan"))
    }
}
