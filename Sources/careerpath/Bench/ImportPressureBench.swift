import ArgumentParser
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import TerminalUI
import CareerApp

/// `careerpath bench import-pressure`: what a TUI key costs while HR imports the whole roster.
///
/// One thread re-imports a generated roster into a database that already holds it (histories replaced:
/// the heaviest copy). The main thread runs the planner as the TUI's loop does (`ProgramDriver` with its
/// effects carried out in the background), on a connection of its own as another terminal would have:
/// every `--every` ms a key, cycling through opening the record from the people list (one audit row)
/// and saving a plan (a plan and an audit row), with list moves between. Prints, until the import ends:
/// the key answer (key → update, the answers that come within the frame's wait, render; target: ≤ 200 ms),
/// the writer wait (a write's effect handed in → carried out: mostly the import's hold on the write lock), and
/// checks that every audit row the keys led to is written (after the flush a quit does).
struct ImportPressureBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-pressure",
        abstract: "TUI key answer and write latency during a roster import (target: key max ≤ 200 ms, no audit row lost).")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Roster size.") var people: Int = 100_000
    @Option(help: "Roster seed.") var seed: UInt64 = 2553
    @Option(help: "Milliseconds between keys.") var every: Int = 20

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let folder = NSTemporaryDirectory() + "careerpath-pressure-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/csv"
        try DemoRoster(catalog: catalog, people: people, seed: seed).write(to: csv)
        let path = folder + "/records.sqlite"
        let first = try ImportBench.time { try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([csv]), into: SQLiteRecordStore(path: path, terminal: "")) }
        print("roster: \(people) people; first import \(ImportBench.seconds(first.seconds))\(Self.debugNote)")

        let terminal = try SQLiteRecordStore(path: path, terminal: "/dev/pts/bench")
        let roster = try terminal.people(unit: nil, viewer: .system)
        let planner = CountingPlanner(PlannerProgram(runner: EffectRunner(store: terminal, viewer: .system)))
        let driver = ProgramDriver(planner, state: AppState(catalog: catalog, today: DateText.today(), size: TerminalSize(width: 120, height: 40)))
        driver.run([.listPeople])
        // Someone from the middle of the roster with a path to choose.
        guard let someone = (roster[(roster.count / 2)...] + roster).first(where: { person in
            driver.run([.loadPerson(id: person.id)])
            return driver.state.session?.paths.isEmpty == false
        }) else { throw failure("error: no one on the roster has a path") }
        // A target (the first path), so `s` has a plan to save; then keys as the TUI's loop carries them out.
        for key: KeyEvent in [.char("t"), .enter, .char("n")] { driver.send(.key(key)) }
        guard driver.state.session?.projection != nil else { throw failure("error: \(someone.id) has no plan to save") }
        driver.carryOutInBackground()
        let auditBefore = try terminal.auditEntries().count
        let viewsBefore = planner.count(of: "view"), savesBefore = planner.count(of: "save")

        let done = ImportPressureBench.Done()
        let importer = Thread {
            let result = Result { try ImportBench.time { try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([csv]), into: SQLiteRecordStore(path: path, terminal: "")) } }
            done.finish(result.map(\.seconds))
        }
        importer.start()
        // Open the next record from the people list and the one before again (a view row each), choose a
        // target, save the plan (a save row), list moves. Keys come as a person types them, not after
        // the answers: what a key acts on may differ from the cycle's intent, the count stays exact.
        // (Esc first: on the people list letters type into its filter.)
        let cycle: [KeyEvent] = [.escape, .char("p"), .down, .enter, .escape, .char("p"), .up, .enter,
                                 .escape, .char("t"), .enter, .char("n"), .char("s"), .char("j"), .char("k")]
        var answers: [Double] = [], i = 0
        while !done.isFinished {
            let key = cycle[i % cycle.count]
            i += 1
            answers.append(ImportBench.time {
                driver.send(.key(key))
                driver.settleFrame()
                driver.frame { _, _ in }
            }.seconds)
            Thread.sleep(forTimeInterval: Double(every) / 1000)
            driver.takeAnswers()
        }
        let importSeconds = try done.result.get()
        // As on quit: every effect handed in is carried out before the program ends.
        let flush = ImportBench.time { driver.settle() }.seconds
        let written = try terminal.auditEntries().count - auditBefore
        let views = planner.count(of: "view") - viewsBefore, saves = planner.count(of: "save") - savesBefore
        print("re-import during the keys: \(ImportBench.seconds(importSeconds))")
        print("key answer: \(Self.summary(answers))  (target: max ≤ 200 ms) \(answers.max() ?? 0 <= 0.2 ? "ok" : "OVER")")
        print("writer wait (write handed in → carried out): \(Self.summary(planner.waits)); flush at the end \(String(format: "%.1f ms", flush * 1000))")
        print("audit rows written: \(written) of \(views + saves) (\(views) record views, \(saves) plan saves) \(written == views + saves ? "ok (none lost)" : "LOST")")
        if let refused = planner.refused.first { print("a write was refused: \(refused)") }
    }

    #if DEBUG
    static let debugNote = " — DEBUG BUILD, use -c release"
    #else
    static let debugNote = ""
    #endif

    static func summary(_ sample: [Double]) -> String {
        let sorted = sample.sorted()
        func at(_ q: Double) -> String { sorted.isEmpty ? "-" : String(format: "%.1f ms", sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] * 1000) }
        return "\(sorted.count), p50 \(at(0.5)), p99 \(at(0.99)), max \(at(1.0))"
    }

    /// The planner, counting the writes its effects make (on the effect thread) and how long each waited.
    final class CountingPlanner: Program, @unchecked Sendable {
        let planner: PlannerProgram
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        private var submitted: [Date] = []
        private(set) var waits: [Double] = []
        private(set) var refused: [String] = []

        init(_ planner: PlannerProgram) { self.planner = planner }

        func count(of kind: String) -> Int { lock.withLock { counts[kind, default: 0] } }

        func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
            let effects = planner.update(&state, event)
            let now = Date()
            lock.withLock { submitted += effects.filter { Self.kind($0) != nil }.map { _ in now } }
            return effects
        }
        func render(_ state: AppState, into grid: inout CellGrid) { planner.render(state, into: &grid) }
        func size(of state: AppState) -> TerminalSize { planner.size(of: state) }
        func tick(_ state: AppState) -> AppEvent? { nil }
        var tickInterval: TimeInterval { planner.tickInterval }
        func stopped(by signal: Int32) -> Int32 { planner.stopped(by: signal) }

        func perform(_ effect: Effect) -> EffectOutcome<AppEvent> {
            let outcome = planner.perform(effect)
            guard let kind = Self.kind(effect) else { return outcome }
            lock.withLock {
                counts[kind, default: 0] += 1
                if !submitted.isEmpty { waits.append(Date().timeIntervalSince(submitted.removeFirst())) }
                if case .events(let events) = outcome {
                    for case .planSaved(let error?) in events { refused.append(error.en) }
                    for case .personLoadFailed(_, let message) in events { refused.append(message) }
                }
            }
            return outcome
        }

        /// The writes that write an audit row: a record opened, a plan saved.
        static func kind(_ effect: Effect) -> String? {
            switch effect {
            case .loadPerson: "view"
            case .savePlan: "save"
            default: nil
            }
        }
    }

    /// The import thread's result, handed to the main thread.
    final class Done: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<Double, Error>?
        var isFinished: Bool { lock.withLock { value != nil } }
        var result: Result<Double, Error> { lock.withLock { value ?? .failure(CancellationError()) } }
        func finish(_ result: Result<Double, Error>) { lock.withLock { value = result } }
    }
}
