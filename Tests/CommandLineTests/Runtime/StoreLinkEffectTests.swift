import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
import TerminalUI
@testable import careerpath

/// The runner's side of a central database away at start (issue 18): `.connectStore` answers
/// `.storeUnavailable` while nothing listens, `.storeAvailable` once the server answers, and the
/// reads that waited then load; the command line keeps exit 4.
@Suite("store link effects: connect tries against a closed port and a real server")
struct StoreLinkEffectTests {
    /// A loopback port nothing listens on (bound, then closed).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static let server = ProcessInfo.processInfo.environment["CAREERPATH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    @Test("a closed port: the try answers storeUnavailable and the state waits longer; the command line exits 4")
    func closedPortAnswersUnavailable() throws {
        let url = "postgres://careerpath@127.0.0.1:\(Self.closedPort())/careerpath"
        let store = try PersonnelStore.unconnected(location: url, terminal: "test")
        let runner = EffectRunner(store: store, viewer: .system)
        var state = AppState(catalog: CommandLineRun.catalog, today: CivilDate(iso: "2026-10-01")!, size: TerminalSize(width: 100, height: 30))
        _ = update(&state, .storeUnavailable(at: Date(), reload: AppState.startEffects(personID: nil)))
        #expect(update(&state, .storeRetryDue) == [.connectStore])
        let answer = runner.perform(.connectStore)
        guard case .storeUnavailable? = answer.first else { Issue.record("answered \(answer)"); return }
        for event in answer { _ = update(&state, event) }
        #expect(state.storeLink.failures == 2)
        #expect(!state.storeLink.isAvailable)

        let cli = CommandLineRun.run(["people", "--database", url])
        #expect(cli.status == 4)
        #expect(cli.stderr.contains("cannot be reached") || cli.stderr.contains("ติดต่อฐานข้อมูลบุคลากร"), "\(cli.stderr)")
    }

    @Test("a server that answers: storeAvailable, then the reads that waited list the people")
    func serverAnswersAvailableAndTheReadsGoOut() throws {
        guard let server = Self.server else { return }
        let schema = "t_link_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let url = server + (server.contains("?") ? "&" : "?") + "schema=" + schema
        let store = try PersonnelStore.unconnected(location: url, terminal: "test")
        defer {
            if let database = store.database as? PostgresStoreDatabase {
                _ = try? database.withoutTransaction { db in try db.execute(sql: "DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
                try? database.close()
            }
        }
        let runner = EffectRunner(store: store, viewer: .system)
        var state = AppState(catalog: CommandLineRun.catalog, today: CivilDate(iso: "2026-10-01")!, size: TerminalSize(width: 100, height: 30))
        _ = update(&state, .storeUnavailable(at: Date(), reload: AppState.startEffects(personID: nil)))
        _ = update(&state, .storeRetryDue)
        var effects: [Effect] = []
        for event in runner.perform(.connectStore) { effects += update(&state, event) }
        #expect(state.storeLink.isAvailable)
        #expect(effects == [.listPeople])
        for effect in effects { for event in runner.perform(effect) { _ = update(&state, event) } }
        #expect(state.picker.people.isEmpty, "a fresh schema: migrated, no one imported yet")
        #expect(try store.peopleCount() == 0)
    }
}
