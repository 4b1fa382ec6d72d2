import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
import TerminalUI
@testable import careerpath

/// The audit log is written in one place, the store (issue 16, item 2). A *view* is one read of
/// a person's record for display (`SQLiteRecordStore.record(personID:viewer:screen:)`); names in
/// a list or a supervisor chain, and another screen of a record already read, are not. So the TUI
/// (the effect runner), the kiosk (the same runner, as the signed-in user) and the command line
/// write the same rows for the same reads.
@Suite("audit: one view row per record read, the same from the TUI, the kiosk and the command line")
struct AuditOnePlaceTests {
    static let today = CivilDate(iso: "2026-10-01")!

    /// A fresh database with the demo roster, its path, and a person with two people above them:
    /// (person, their supervisor, that supervisor's supervisor).
    static func demo() throws -> (store: SQLiteRecordStore, path: String, folder: URL, chain: [String]) {
        let (store, folder) = try EffectRunnerTests.demoStore()
        let everyone = try store.people(unit: nil, viewer: .system)
        let byID = Dictionary(everyone.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let person = try #require(everyone.first { p in
            p.supervisorID.flatMap { byID[$0] }?.supervisorID.flatMap { byID[$0] } != nil
        })
        let boss = try #require(person.supervisorID)
        let top = try #require(byID[boss]?.supervisorID)
        return (store, store.path, folder, [person.id, boss, top])
    }

    /// The `view` rows written since the `before`-th row of the log.
    static func views(_ store: SQLiteRecordStore, after before: Int) throws -> [AuditEntry] {
        Array(try store.auditEntries().dropFirst(before)).filter { $0.action == "view" }
    }

    /// Runs `effects` and everything they lead to through the runner, as `AppDriver` does.
    static func run(_ effects: [Effect], _ state: inout AppState, _ runner: EffectRunner) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            for answer in runner.perform(effect) { queue.append(contentsOf: update(&state, answer)) }
        }
    }

    /// The TUI: started on `personID` as `viewer`, then Gaps (7). Returns the screen reached.
    static func tuiOpensGaps(_ store: SQLiteRecordStore, _ viewer: Viewer, _ personID: String) -> Screen {
        let runner = EffectRunner(store: store, viewer: viewer)
        var state = AppState(catalog: EffectRunnerTests.catalog, today: today, size: TerminalSize(width: 100, height: 30))
        run(AppState.startEffects(personID: personID), &state, runner)
        for key in ["7", "6", "7"] { run(update(&state, .key(.char(Character(key)))), &state, runner) }
        return state.screen
    }

    /// The kiosk: `personID` signs in (the store's PIN check is the runner's business, not the
    /// audit's), then Gaps (7); each planner effect goes to the runner as `KioskRunner` sends it.
    static func kioskOpensGaps(_ store: SQLiteRecordStore, _ personID: String) -> Screen? {
        let runner = EffectRunner(store: store, viewer: .person(personID: personID), screenPrefix: "kiosk")
        var state = KioskState(catalog: EffectRunnerTests.catalog, config: KioskConfig(language: .en), today: today,
                               size: TerminalSize(width: 100, height: 30), now: Date())
        func send(_ event: KioskEvent) {
            var queue = kioskUpdate(&state, event, now: Date())[...]
            while let effect = queue.popFirst() {
                let answers: [KioskEvent]
                switch effect {
                case .signIn: answers = [.signInResult(.signedIn(personID: personID))]
                case .app(let work): answers = runner.perform(work).map(KioskEvent.app)
                default: answers = []
                }
                for answer in answers { queue.append(contentsOf: kioskUpdate(&state, answer, now: Date())) }
            }
        }
        for c in personID { send(.key(.char(c))) }
        send(.key(.tab))
        for c in "2568" { send(.key(.char(c))) }
        send(.key(.enter))
        for key in ["7", "6", "7"] { send(.key(.char(Character(key)))) }
        return state.session?.app.screen
    }

    /// `careerpath gaps --person ID [--as SUPERVISOR]` on the database at `path`.
    static func cliGaps(_ path: String, _ personID: String, as supervisor: String? = nil) -> CommandLineRun.Result {
        var arguments = ["gaps", "--person", personID, "--target", "dir-news-bureau", "--on", "2026-10-01", "--database", path]
        if let supervisor { arguments += ["--as", supervisor] }
        return CommandLineRun.run(arguments)
    }

    @Test("opening a person's Gaps writes one view row for them, naming the actor and the screen, in the TUI, the kiosk and the CLI")
    func gapsAuditedOnce() throws {
        let (store, path, folder, chain) = try Self.demo()
        defer { try? FileManager.default.removeItem(at: folder) }
        let person = chain[0]

        var before = try store.auditEntries().count
        #expect(Self.tuiOpensGaps(store, .system, person) == .gaps)
        let tui = try Self.views(store, after: before)
        #expect(tui.map { [$0.actor, $0.subject ?? "", $0.screen] } == [["system", person, "tui"]], "\(tui)")

        before = try store.auditEntries().count
        #expect(Self.kioskOpensGaps(store, person) == .gaps)
        let kiosk = try Self.views(store, after: before)
        #expect(kiosk.map { [$0.actor, $0.subject ?? "", $0.screen] } == [[person, person, "kiosk"]], "\(kiosk)")

        before = try store.auditEntries().count
        let result = Self.cliGaps(path, person)
        #expect(result.status == 0, "\(result.stderr)")
        let cli = try Self.views(store, after: before)
        #expect(cli.map { [$0.actor, $0.subject ?? "", $0.screen] } == [["system", person, "cli:gaps"]], "\(cli)")
    }

    @Test("a supervisor's read: the record is a view, the chain above it (names) is not, in the TUI and the CLI alike")
    func supervisorChainSameRows() throws {
        let (store, path, folder, chain) = try Self.demo()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (person, top) = (chain[0], chain[2])
        let viewer = Viewer.supervisor(personID: top)

        var before = try store.auditEntries().count
        #expect(Self.tuiOpensGaps(store, viewer, person) == .gaps)
        let tui = try Self.views(store, after: before)

        before = try store.auditEntries().count
        let result = Self.cliGaps(path, person, as: top)
        #expect(result.status == 0, "\(result.stderr)")
        let cli = try Self.views(store, after: before)

        // The same rows but for the screen's surface: one, about the person, by the supervisor.
        #expect(tui.map { [$0.actor, $0.subject ?? ""] } == [[top, person]], "\(tui)")
        #expect(cli.map { [$0.actor, $0.subject ?? ""] } == [[top, person]], "\(cli)")
        #expect(tui.map(\.screen) == ["tui"] && cli.map(\.screen) == ["cli:gaps"])
    }

    @Test("a name is not a view: person(personID:viewer:) checks the viewer and writes nothing")
    func namesAreNotViews() throws {
        let (store, _, folder, chain) = try Self.demo()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try store.auditEntries().count
        #expect(try store.person(personID: chain[1], viewer: .supervisor(personID: chain[2]))?.id == chain[1])
        #expect(try store.person(personID: chain[2], viewer: .supervisor(personID: chain[1])) == nil, "above the viewer")
        #expect(try store.person(personID: "P999999", viewer: .system) == nil)
        #expect(try store.auditEntries().count == before)
        _ = try store.record(personID: chain[1], viewer: .system, screen: "test")
        #expect(try store.auditEntries().count == before + 1, "a record read is")
    }
}
