import ArgumentParser
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// `careerpath bench postgres --url postgres://…`: the PostgreSQL store against `psql` on the same
/// server (issue 18): the 100,000-person import vs `psql \copy` of the same CSVs into plain tables
/// (target ≤ 2×); 16 kiosk processes signing in and saving plans for 60 s (zero lost updates, zero
/// errors, the p99 of a save); the succession candidate query vs the same query in `psql` (≤ 3×).
/// Works in schemas of its own (`bench_PID`, `bench_plain_PID`), dropped at the end.
struct PostgresBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres",
        abstract: "The PostgreSQL store vs psql: import, 16 kiosks for 60 s, the succession query (release build).")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "The server: postgres://user@host:port/database (password from PGPASSWORD or ~/.pgpass).") var url: String
    @Option(help: "Roster size.") var people: Int = 100_000
    @Option(help: "Roster seed.") var seed: UInt64 = 2553
    @Option(help: "Kiosk processes.") var kiosks: Int = 16
    @Option(help: "How long the kiosks run, in seconds.") var seconds: Int = 60
    @Option(help: "The director post of the succession query.") var post = "dir-news-bureau"
    @Option(help: "The psql command.") var psql = "psql"
    @Flag(help: "Only the import against psql \\copy (no succession query, no kiosks).") var importOnly = false
    @Option(help: "Imports of each kind, interleaved, each after a checkpoint (the medians are compared).") var importRuns = 3

    func run() throws {
        #if DEBUG
        print("note: a debug build; use `swift run -c release careerpath bench postgres --url …` for the figures")
        #endif
        let catalog = try dataOptions.loadCatalog()
        let pid = ProcessInfo.processInfo.processIdentifier
        let schema = "bench_\(pid)", plain = "bench_plain_\(pid)", same = "bench_same_\(pid)"
        let location = try PostgresLocation(url: url)
        let storeURL = url + (url.contains("?") ? "&" : "?") + "schema=" + schema
        let folder = NSTemporaryDirectory() + "careerpath-bench-pg-\(pid)"
        try? FileManager.default.removeItem(atPath: folder)
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            _ = try? runPSQL(location, "DROP SCHEMA IF EXISTS \(schema) CASCADE; DROP SCHEMA IF EXISTS \(plain) CASCADE; DROP SCHEMA IF EXISTS \(same) CASCADE;")
        }
        let csv = folder + "/csv"
        _ = try DemoRoster(catalog: catalog, people: people, seed: seed).write(to: csv)
        let server = ServerCPU(location: location, psql: runPSQL)
        print("load average at start: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?")"
              + (server == nil ? " (server CPU not readable: not on this machine, or not as its superuser)" : ""))

        // 1. Import: ours (checked, indexed, COPY in one transaction) vs psql \copy into plain text tables,
        // interleaved, each into fresh schemas and after a checkpoint: the WAL of one run (a
        // gigabyte) otherwise makes the server checkpoint in the middle of the next, whichever it is.
        var script = "CREATE SCHEMA \(plain); SET search_path TO \(plain);\n"
        for kind in RecordFile.allCases {
            script += "CREATE TABLE \(kind.rawValue) (" + kind.columns.map { "\"\($0)\" TEXT" }.joined(separator: ", ") + ");\n"
            script += "\\copy \(kind.rawValue) FROM '\(csv)/\(kind.fileName)' WITH (FORMAT csv, HEADER true)\n"
        }
        // For reference, psql \copy into the store's own tables (made by the store, keys and indexes
        // in place, no row checked, no statistics): what the typed, constrained tables cost by themselves.
        var sameScript = "SET search_path TO \(same);\n"
        for kind in RecordFile.allCases.sorted(by: { $0.order < $1.order }) {
            let columns = kind.tableColumns.map { "\"\($0)\"" }.joined(separator: ", ")
            sameScript += "\\copy \(kind.rawValue) (\(columns)) FROM '\(csv)/\(kind.fileName)' WITH (FORMAT csv, HEADER true)\n"
        }
        let sameURL = url + (url.contains("?") ? "&" : "?") + "schema=" + same
        var sameTimes: [Double] = []
        var cpu = Usage(server: server)
        var oursTimes: [Double] = [], shellTimes: [Double] = []
        var oursCPU: [Usage.Lap] = [], shellCPU: [Usage.Lap] = []
        var summary: ImportSummary?
        for _ in 0..<max(1, importRuns) {
            _ = try? runPSQL(location, "DROP SCHEMA IF EXISTS \(schema) CASCADE; DROP SCHEMA IF EXISTS \(plain) CASCADE; CHECKPOINT;")
            _ = cpu.lap()
            let ours = try ImportBench.time { () -> ImportSummary in
                let store = try PersonnelStore(location: storeURL, terminal: "bench")
                return try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([csv]), into: store)
            }
            oursCPU.append(cpu.lap())
            oursTimes.append(ours.seconds)
            summary = ours.value
            _ = try? runPSQL(location, "CHECKPOINT;")
            _ = cpu.lap()
            shellTimes.append(try ImportBench.time { try runPSQL(location, script) }.seconds)
            shellCPU.append(cpu.lap())
            _ = try? runPSQL(location, "DROP SCHEMA IF EXISTS \(same) CASCADE;")
            _ = try PersonnelStore(location: sameURL, terminal: "bench")   // the schema, migrated
            _ = try? runPSQL(location, "CHECKPOINT;")
            sameTimes.append(try ImportBench.time { try runPSQL(location, sameScript) }.seconds)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let importRatio = median(oursTimes) / max(median(shellTimes), 1e-9)
        let runs = { (times: [Double]) in times.map { String(format: "%.2f", $0) }.joined(separator: ", ") + " s" }
        print("import \(summary?.people ?? 0) people, \(summary?.rows ?? 0) rows, median of \(oursTimes.count): careerpath \(ImportBench.seconds(median(oursTimes))) (\(runs(oursTimes))), psql \\copy \(ImportBench.seconds(median(shellTimes))) (\(runs(shellTimes)))")
        print(String(format: "  ratio %.2f× (target ≤ 2×) %@", importRatio, importRatio <= 2 ? "ok" : "OVER"))
        print(String(format: "  for reference: psql \\copy into the store's own tables (keys and indexes in place, no row checked, no ANALYZE) %.2f s (%@): careerpath %.2f× that",
                     median(sameTimes), runs(sameTimes), median(oursTimes) / max(median(sameTimes), 1e-9)))
        let middle = oursTimes.firstIndex(of: median(oursTimes)) ?? 0, shellMiddle = shellTimes.firstIndex(of: median(shellTimes)) ?? 0
        print("  cpu of the median runs: careerpath \(oursCPU[middle].text(own: true)), psql \\copy \(shellCPU[shellMiddle].text(own: false))")
        if importOnly { return }

        // 2. The succession candidate query: through the store vs the same statements in psql.
        let ranker = SuccessionRanker(catalog: catalog)
        let directorPost: DirectorPost
        do { directorPost = try ranker.post(post) } catch { throw failure(CommandError.unknownPost(error)) }
        let pairs = CandidateFilter(post: directorPost, catalog: catalog).pairs
        let store = try PersonnelStore(location: storeURL, terminal: "bench")
        _ = try store.candidateRecords(pairs: pairs, viewer: .system)   // warm the server's cache
        _ = cpu.lap()
        let query = try (0..<3).map { _ in try ImportBench.time { try store.candidateRecords(pairs: pairs, viewer: .system) }.seconds }.min() ?? 0
        let queryCPU = cpu.lap()
        // The statements the store ran, replayed in psql with their arguments written in.
        let recorded = Recorded()
        let traced = store.database as? PostgresStoreDatabase
        traced?.trace = { sql, arguments in recorded.add(PostgresStoreDatabase.literalSQL(sql, arguments)) }
        _ = try store.candidateRecords(pairs: pairs, viewer: .system)
        traced?.trace = nil
        let statements = recorded.all.filter { !$0.hasPrefix("BEGIN") && !$0.hasPrefix("COMMIT") }
        let empty = try (0..<3).map { _ in try ImportBench.time { try runPSQL(location, "SET search_path TO \(schema);\n\\o /dev/null\nSELECT 1;\n") }.seconds }.min() ?? 0
        _ = cpu.lap()
        let viaPSQL = try (0..<3).map { _ in
            try ImportBench.time { try runPSQL(location, "SET search_path TO \(schema);\n\\o /dev/null\n" + statements.map { $0 + ";\n" }.joined()) }.seconds
        }.min() ?? 0
        let psqlCPU = cpu.lap()
        let psqlQuery = max(viaPSQL - empty, 1e-4)
        let queryRatio = query / psqlQuery
        print(String(format: "succession query (%@, %d pairs): careerpath %.0f ms, psql %.0f ms (its start-up, %.0f ms, taken off); ratio %.2f× (target ≤ 3×) %@",
                     post, pairs.count, query * 1000, psqlQuery * 1000, empty * 1000, queryRatio, queryRatio <= 3 ? "ok" : "OVER"))
        print("  cpu for 3 runs: careerpath \(queryCPU.text(own: true)), psql \(psqlCPU.text(own: false) + " (start-ups included)")")

        // 3. Kiosks: processes signing in and saving plans; two kiosks per person, so saves race.
        let hasher = PINHasher.forTests()
        let accounts = AccountService(store: store, hasher: hasher)
        let persons = try store.people(unit: nil, viewer: .system).prefix(max(1, kiosks / 2)).map(\.id)
        for id in persons { try accounts.setPIN(personID: id, pin: try PIN("2568")) }
        _ = cpu.lap()
        let executable = ProcessInfo.processInfo.arguments[0]
        let processes: [(Process, Pipe)] = try (0..<kiosks).map { i in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["bench", "postgres-kiosk", "--url", storeURL, "--person", persons[i % persons.count], "--seconds", String(seconds)]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            return (process, out)
        }
        var saves = 0, refused = 0, errors = 0
        var latencies: [Double] = []
        for (process, out) in processes {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 { errors += 1 }
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                switch parts.first {
                case "saved": saves += 1; latencies.append(Double(parts[1]) ?? 0)
                case "changed": refused += 1; latencies.append(Double(parts[1]) ?? 0)
                case "error": errors += 1
                default: break
                }
            }
        }
        // Zero lost updates: every save that was accepted raised its plan's revision by one.
        var revisions = 0
        for id in persons {
            for plan in try store.plans(personID: id, viewer: .system) { revisions += plan.revision }
        }
        let lost = saves - revisions
        latencies.sort()
        let p99 = latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.99))]
        let kioskCPU = cpu.lap()
        print("kiosks: \(kiosks) processes × \(seconds) s on \(persons.count) people: \(saves) saves, \(refused) refused as changed elsewhere, "
              + "\(errors) errors, \(lost) lost updates; save p99 \(String(format: "%.1f", p99 * 1000)) ms \(errors == 0 && lost == 0 ? "ok" : "FAILED")")
        print("  cpu: \(kioskCPU.text(own: false) + " (the \(kiosks) processes)")")
    }

    /// Runs `script` in psql against `location` (ON_ERROR_STOP; output discarded).
    func runPSQL(_ location: PostgresLocation, _ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "SET client_min_messages = warning", "-f", "-", "-h", location.socketFolder ?? location.host,
                             "-p", String(location.port), "-U", location.user, "-d", location.database]
        // The same encryption as the store's connection (psql would otherwise prefer TLS).
        process.environment = ProcessInfo.processInfo.environment.merging(["PGSSLMODE": location.tls.rawValue]) { _, new in new }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw failure("error: cannot run \(psql): \(error.localizedDescription)") }
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw failure("error: \(psql) exited with \(process.terminationStatus)") }
    }
}

/// One kiosk of `bench postgres`: signs in and saves the person's plan (reading it first) until the
/// time is up; prints `saved SECONDS`, `changed SECONDS` or `error MESSAGE` per save.
struct PostgresKioskBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "postgres-kiosk", abstract: "One kiosk process of bench postgres.",
                                                    shouldDisplay: false)
    @Option var url: String
    @Option var person: String
    @Option var seconds: Int = 60

    func run() throws {
        let store = try PersonnelStore(location: url, terminal: "bench")
        let accounts = AccountService(store: store, hasher: PINHasher.forTests())
        let end = Date().addingTimeInterval(TimeInterval(seconds))
        let target = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K4")
        while Date() < end {
            guard let user = try accounts.signIn(personID: person, pin: "2568", terminal: "bench").user,
                  let me = try store.person(personID: person, viewer: user.viewer) else { print("error sign-in"); continue }
            let plan = DevelopmentPlan(person: me, target: target, start: me.levelSince,
                                       report: GapReport(person: me, target: target, on: me.levelSince, gaps: []),
                                       steps: [], eligibleOn: nil, eligibleOnIfNothingChanges: nil)
            let base = PlanBase(try store.plan(personID: person, target: target.id, viewer: user.viewer))
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                try store.saveDevelopmentPlan(plan, by: user.viewer, expected: base, screen: "bench")
                print("saved \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)")
            } catch let refused as PlanReviewError where refused.kind == .changedElsewhere {
                print("changed \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)")
            } catch {
                print("error \(error)")
            }
            try accounts.signOut(user, screen: "bench")
        }
    }
}

/// CPU seconds spent since the last lap: this process, its waited-for children (psql, kiosks),
/// and the server's processes when it runs on this machine (`ServerCPU`).
struct Usage {
    let server: ServerCPU?
    private var last: (own: Double, children: Double, server: Double?)

    init(server: ServerCPU?) {
        self.server = server
        last = (ImportBench.cpuSeconds(children: false), ImportBench.cpuSeconds(children: true), server?.seconds())
    }

    struct Lap {
        let own: Double, children: Double, server: Double?
        /// `own`: this process's time, else its children's.
        func text(own useOwn: Bool) -> String {
            String(format: "%.2f s", useOwn ? own : children) + (server.map { String(format: " + server %.2f s", $0) } ?? "")
        }
    }

    mutating func lap() -> Lap {
        let now = (ImportBench.cpuSeconds(children: false), ImportBench.cpuSeconds(children: true), server?.seconds())
        defer { last = now }
        return Lap(own: now.0 - last.own, children: now.1 - last.children,
                   server: now.2.flatMap { n in last.server.map { n - $0 } })
    }
}

/// The CPU time of a PostgreSQL server on this machine: its postmaster's finished children (backends
/// that ended, as psql's does) plus the live processes under it (this program's connections).
struct ServerCPU {
    let postmaster: Int32

    /// nil when the server's data folder cannot be asked for (not a superuser) or is not on this machine.
    init?(location: PostgresLocation, psql: (PostgresLocation, String) throws -> Void) {
        let file = NSTemporaryDirectory() + "careerpath-bench-datadir-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard (try? psql(location, "\\pset tuples_only on\n\\pset format unaligned\n\\o \(file)\nSHOW data_directory;\n")) != nil,
              let folder = try? String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
              let pidText = try? String(contentsOfFile: folder + "/postmaster.pid", encoding: .utf8),
              let pid = pidText.split(separator: "\n").first.flatMap({ Int32($0) }), Self.stat(pid) != nil else { return nil }
        postmaster = pid
    }

    /// Fields of /proc/PID/stat after the command name (index 0 is the state).
    static func stat(_ pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    func seconds() -> Double {
        let tick = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard let own = Self.stat(postmaster), own.count > 14 else { return 0 }
        // utime 11, stime 12, cutime 13, cstime 14 (0-based after the name).
        var ticks = (Double(own[13]) ?? 0) + (Double(own[14]) ?? 0) + (Double(own[11]) ?? 0) + (Double(own[12]) ?? 0)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), pid != postmaster, let fields = Self.stat(pid), fields.count > 12,
                  Int32(fields[1]) == postmaster else { continue }
            ticks += (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        }
        return ticks / tick
    }
}

/// Statements seen by a trace.
final class Recorded: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
