import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import TerminalUI

/// `careerpath bench supervisor`: one selection move in supervisor mode's split pane (update and
/// render at 200×60, every subordinate's session already cached, as after the first pass).
/// Target: median ≤ 2 ms. Run with a release build:
///
///     swift run -c release careerpath bench supervisor
struct SupervisorBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "supervisor", abstract: "Selection move in the supervisor split pane.")

    @Option(name: .customLong("as"), help: "The supervisor (default: P000002, a deputy of the demo roster).")
    var supervisorID = "P000002"
    @Option(help: "Screen size, WxH.")
    var size = "200x60"
    @Option(help: "Moves to time.")
    var moves = 1000
    @Option(help: "The database to use (default: a fresh temporary one from the demo roster).")
    var database: String?
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        guard let screen = ScreenText.parseSize(size) else { throw failure("error: --size takes WxH (e.g. 200x60)") }
        let catalog = try dataOptions.loadCatalog()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-bench-sup-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = database ?? scratch.appendingPathComponent("records.sqlite").path
        let store = try StoreOptions.parse(["--database", path]).openStore(catalog: catalog, dataFolder: try dataOptions.dataFolder())
        let runner = EffectRunner(store: store, viewer: .supervisor(personID: supervisorID))
        let state = AppState(catalog: catalog, today: DateText.today(), language: .th, size: screen, viewerID: supervisorID,
                             supervisorID: supervisorID)
        let driver = PlannerDriver(state: state, runner: runner)
        driver.send(.resize(width: screen.width, height: screen.height))
        driver.run(AppState.startEffects(personID: nil))
        driver.send(.key(.char("w")))   // the whole chain: the longest list
        let count = driver.state.supervisor?.visible.count ?? 0
        // First pass loads and caches every session; the timed passes move over cached ones.
        for _ in 0..<count { driver.send(.key(.down)) }
        for _ in 0..<count { driver.send(.key(.up)) }
        var samples: [Double] = []
        samples.reserveCapacity(moves)
        for i in 0..<moves {
            let key: KeyEvent = (i / max(1, count - 1)) % 2 == 0 ? .down : .up
            let start = DispatchTime.now().uptimeNanoseconds
            driver.send(.key(key))
            driver.frame { _, _ in }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        let median = samples.isEmpty ? 0 : samples[samples.count / 2]
        let p95 = samples.isEmpty ? 0 : samples[samples.count * 95 / 100]
        print("supervisor split pane: \(supervisorID), \(count) subordinates (whole chain), \(screen.width)x\(screen.height)")
        print(String(format: "selection move (update + render): median %.3f ms, p95 %.3f ms (target ≤ 2 ms median)", median, p95))
    }
}
