import ArgumentParser
import CareerCatalog
import CareerStore
import Foundation

/// `careerpath bench import`: the importer against `sqlite3 .import` on the same generated CSVs.
///
/// Run a release build: `swift run -c release careerpath bench import`. Targets (issue 3): at most
/// 2× sqlite3's time for the 100,000-person roster, and at most 100 MB peak memory.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a generated roster vs sqlite3 .import (targets: ≤ 2× the time, ≤ 100 MB peak RSS).")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Roster size.") var people: Int = 100_000
    @Option(help: "Roster seed.") var seed: UInt64 = 2553
    @Option(help: "The sqlite3 command-line shell.") var sqlite3 = "sqlite3"
    @Flag(help: "Keep the temporary folder (CSVs and both databases) and print its path.") var keep = false

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let folder = NSTemporaryDirectory() + "careerpath-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: folder)
        defer { if !keep { try? FileManager.default.removeItem(atPath: folder) } }
        let csv = folder + "/csv"

        let generated = try Self.time { try DemoRoster(catalog: catalog, people: people, seed: seed).write(to: csv) }
        let rows = generated.value.values.reduce(0, +)
        let bytes = RecordFile.allCases.reduce(0) { total, kind in
            total + ((try? FileManager.default.attributesOfItem(atPath: csv + "/" + kind.fileName)[.size] as? Int) ?? 0)
        }
        print("roster: \(people) people, \(rows) rows, \(Self.megabytes(bytes)) of CSV (generated in \(Self.seconds(generated.seconds)))")

        // Ours: a fresh database, migrations included, then the all-or-nothing import.
        let cpuBefore = Self.cpuSeconds(children: false)
        var phases: [(String, Double)] = []
        let ours = try Self.time { () -> ImportSummary in
            let opened = try Self.time { try SQLiteRecordStore(path: folder + "/records.sqlite", terminal: "") }
            phases.append(("open and migrate", opened.seconds))
            let imported = try Self.time { try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([csv]), into: opened.value) }
            phases.append(("check and write, commit", imported.seconds))
            return imported.value
        }
        phases.append(("close (WAL checkpoint)", ours.seconds - phases.map(\.1).reduce(0, +)))
        guard ours.value.people == people else { throw failure("error: imported \(ours.value.people) people, expected \(people)") }
        let peak = Self.peakResidentBytes()
        let oursCPU = Self.cpuSeconds(children: false) - cpuBefore

        // sqlite3: the same CSVs into plain tables (created from the headers, no checks, no indexes).
        let script = RecordFile.allCases.map { ".import --csv \(csv)/\($0.fileName) \($0.rawValue)" }.joined(separator: "\n") + "\n"
        let childrenBefore = Self.cpuSeconds(children: true)
        let shell = try Self.time { try Self.runSQLite(sqlite3, database: folder + "/plain.sqlite", script: script) }
        let shellCPU = Self.cpuSeconds(children: true) - childrenBefore

        let ratio = ours.seconds / max(shell.seconds, 1e-9)
        print("careerpath import: \(Self.seconds(ours.seconds))  (validated against the catalog, indexed, one transaction)")
        print("  " + phases.map { "\($0.0) \(Self.seconds($0.1))" }.joined(separator: ", "))
        print("sqlite3 .import:   \(Self.seconds(shell.seconds))  (plain text tables, no checks)")
        print(String(format: "ratio: %.2f× (target ≤ 2×) %@", ratio, ratio <= 2 ? "ok" : "OVER"))
        // Wall time is the target; CPU time (user + system) shows the work when other processes compete for the cores.
        print(String(format: "cpu: careerpath %.2f s (parsing threads included), sqlite3 %.2f s, ratio %.2f×",
                     oursCPU, shellCPU, oursCPU / max(shellCPU, 1e-9)))
        print("peak RSS: \(Self.megabytes(peak)) (target ≤ 100 MB) \(peak <= 100 * 1_048_576 ? "ok" : "OVER")")
        if keep { print("kept: \(folder)") }
    }

    static func time<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    static func runSQLite(_ command: String, database: String, script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command, database]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw failure("error: cannot run \(command): \(error.localizedDescription) (install sqlite3 or pass --sqlite3 PATH)")
        }
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw failure("error: \(command) exited with \(process.terminationStatus)") }
    }

    /// Peak resident set size of this process so far (getrusage; Linux reports KiB, macOS bytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }

    /// User + system CPU seconds of this process (or of its waited-for children).
    static func cpuSeconds(children: Bool) -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    static func seconds(_ s: Double) -> String { String(format: "%.2f s", s) }
    static func megabytes(_ b: Int) -> String { String(format: "%.1f MB", Double(b) / 1_048_576) }
}
