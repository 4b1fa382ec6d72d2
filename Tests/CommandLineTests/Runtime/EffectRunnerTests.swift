@testable import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
import TerminalUI
@testable import careerpath

/// The TUI's `/` search finds people only through the store: the runner's `.listPeople` answer
/// for the viewer, on the demo roster (issue 15, item 12).
@Suite("search: people only within the viewer's reach, through the store")
struct EffectRunnerTests {
    static let repository = CommandLineRun.repository
    static let catalog = CommandLineRun.catalog

    /// A fresh database with the demo roster.
    static func demoStore() throws -> (SQLiteRecordStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-reach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteRecordStore(path: folder.appendingPathComponent("db.sqlite").path, terminal: "test")
        _ = try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([repository.appendingPathComponent("Data/demo").path]), into: store)
        return (store, folder)
    }

    /// The app after the runner listed the people for `viewer`.
    static func app(_ runner: EffectRunner) -> AppState {
        var state = AppState(catalog: catalog, today: CivilDate(iso: "2026-10-01")!, size: TerminalSize(width: 100, height: 30))
        for event in runner.perform(.listPeople) { _ = update(&state, event) }
        return state
    }

    static func people(_ state: inout AppState, _ query: String) -> [String] {
        if case .search? = state.modal { _ = update(&state, .key(.ctrl("u"))) } else { _ = update(&state, .key(.function(3))) }   // F3: on the picker `/` is its filter
        for scalar in query.unicodeScalars { _ = update(&state, .key(.char(Character(scalar)))) }
        guard case .search(let search)? = state.modal else { return ["no search modal"] }
        return search.results.filter { $0.kind == .person }.map(\.id)
    }

    /// The people the search finds for the whole of `query`: the search every typed key runs, run
    /// once (typing each name key by key would run it for every prefix, whose results nothing checks).
    static func peopleFound(_ state: inout AppState, _ query: String) -> [String] {
        var search = SearchState()
        search.query = InputFieldState(text: query)
        state.runSearch(&search)
        return search.results.filter { $0.kind == .person }.map(\.id)
    }

    @Test("a supervisor finds the people of their chain, never anyone outside it")
    func supervisorChain() throws {
        let (store, folder) = try Self.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let boss = "P000011"
        let viewer = Viewer.supervisor(personID: boss)
        let chain = Set(try store.people(unit: nil, viewer: viewer).map(\.id))
        let everyone = try store.people(unit: nil, viewer: .system)
        #expect(chain.count > 1 && chain.count < everyone.count)
        let outsider = try #require(everyone.first { !chain.contains($0.id) })
        let insider = try #require(everyone.first { chain.contains($0.id) && $0.id != boss })

        var state = Self.app(EffectRunner(store: store, viewer: viewer))
        #expect(Self.people(&state, outsider.nameTH).isEmpty)
        #expect(Self.people(&state, outsider.id).isEmpty)
        #expect(Self.people(&state, insider.nameTH).contains(insider.id))
        // Every id starts with P: all the people found are the chain, and all of it is counted.
        let all = Self.people(&state, "P")
        #expect(Set(all).isSubset(of: chain))
        guard case .search(let search)? = state.modal else { Issue.record("no search modal"); return }
        #expect(search.peopleMatched == chain.count)
        // For every outsider, by Thai name: never found.
        for person in everyone where !chain.contains(person.id) {
            let found = Self.peopleFound(&state, person.nameTH)
            #expect(found.allSatisfy(chain.contains), "\(person.id) found by a supervisor outside the chain")
        }
    }

    @Test("a person viewer (as at a kiosk) finds only themselves")
    func personOnly() throws {
        let (store, folder) = try Self.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let me = try #require(try store.people(unit: nil, viewer: .system).dropFirst(40).first)
        var state = Self.app(EffectRunner(store: store, viewer: .person(personID: me.id)))
        #expect(Self.people(&state, "P") == [me.id])
        #expect(Self.people(&state, me.nameTH) == [me.id])
    }
}
