import ArgumentParser
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// `careerpath bench import-pressure`: what a kiosk or TUI write costs while HR imports the whole roster.
///
/// One thread re-imports a generated roster into a database that already holds it (histories replaced:
/// the heaviest copy); the main thread, on a connection of its own as another terminal would have, opens
/// a record (one audit row) and saves a plan (a transaction and an audit row) every `--every` ms until the
/// import ends. Prints p50/p99/max of those writes and checks none was lost (target: p99 ≤ 200 ms).
struct ImportPressureBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-pressure",
        abstract: "Latency of small writes (a record view, a plan save) during a roster import (target: p99 ≤ 200 ms, none lost).")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Roster size.") var people: Int = 100_000
    @Option(help: "Roster seed.") var seed: UInt64 = 2553
    @Option(help: "Milliseconds between small writes.") var every: Int = 20

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let folder = NSTemporaryDirectory() + "careerpath-pressure-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/csv"
        try DemoRoster(catalog: catalog, people: people, seed: seed).write(to: csv)
        let path = folder + "/records.sqlite"
        let first = try ImportBench.time { try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([csv]), into: SQLiteRecordStore(path: path, terminal: "")) }
        print("roster: \(people) people; first import \(ImportBench.seconds(first.seconds))")

        let terminal = try SQLiteRecordStore(path: path, terminal: "/dev/pts/bench")
        let someone = try terminal.people(unit: nil, viewer: .system)[people / 2]
        let viewer = Viewer.hr(personID: someone.id)
        let target = Target.jobLineLevel(jobLine: someone.jobLine, level: someone.level)
        let plan = DevelopmentPlan(person: someone, target: target, start: someone.levelSince,
                                   report: GapReport(person: someone, target: target, on: someone.levelSince, gaps: []),
                                   steps: [], eligibleOn: nil, eligibleOnIfNothingChanges: nil)
        let auditBefore = try terminal.auditTrail(person: someone.id).count

        let done = Done()
        let importer = Thread {
            let result = Result { try ImportBench.time { try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([csv]), into: SQLiteRecordStore(path: path, terminal: "")) } }
            done.finish(result.map(\.seconds))
        }
        importer.start()
        var views: [Double] = [], saves: [Double] = [], failures: [String] = []
        while !done.isFinished {
            do {
                views.append(try ImportBench.time { _ = try terminal.record(personID: someone.id, viewer: viewer, screen: "bench") }.seconds)
                saves.append(try ImportBench.time { try terminal.saveDevelopmentPlan(plan, by: viewer, screen: "bench:plan") }.seconds)
            } catch {
                failures.append("\(error)")
            }
            Thread.sleep(forTimeInterval: Double(every) / 1000)
        }
        let importSeconds = try done.result.get()
        let written = try terminal.auditTrail(person: someone.id).count - auditBefore
        print("re-import during the writes: \(ImportBench.seconds(importSeconds))")
        for (name, sample) in [("record view (1 audit row)", views), ("plan save (plan + audit row)", saves)] {
            let sorted = sample.sorted()
            func at(_ q: Double) -> String { sorted.isEmpty ? "-" : String(format: "%.1f ms", sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] * 1000) }
            print("\(name): \(sorted.count) writes, p50 \(at(0.5)), p99 \(at(0.99)), max \(at(1.0))")
        }
        let expected = views.count + saves.count
        print("audit rows written: \(written) of \(expected) \(written == expected && failures.isEmpty ? "ok (none lost)" : "LOST")")
        for failure in failures.prefix(5) { print("failed: \(failure)") }
        let all = (views + saves).sorted()
        let p99 = all.isEmpty ? 0 : all[min(all.count - 1, Int(Double(all.count) * 0.99))]
        print(String(format: "p99 of all writes: %.1f ms (target ≤ 200 ms) %@", p99 * 1000, p99 <= 0.2 ? "ok" : "OVER"))
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
