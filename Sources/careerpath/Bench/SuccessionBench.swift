import ArgumentParser
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// `careerpath bench succession`: ranking one director post's candidates on a generated roster,
/// against `sqlite3` scanning the same tables. Run with a release build:
///
///     swift run -c release careerpath bench succession
struct SuccessionBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "succession",
        abstract: "Load one post's candidates and rank them vs sqlite3 scanning the same tables (target ≤ 3×).",
        discussion: "The roster is generated and imported once into --folder and reused on later runs.")

    @Option(help: "People in the generated roster.") var people = 100_000
    @Option(help: "Seed of the demo generator.") var seed: UInt64 = 2553
    @Option(help: "The director post to rank.") var post = "dir-news-bureau"
    @Option(help: "Where the roster CSV files and the database are kept between runs.")
    var folder = NSTemporaryDirectory() + "careerpath-bench-succession"
    @Option(help: "Candidates shown (their plan dates are filled in, as `succession --limit`).")
    var shown = 20
    @Flag(help: "Also print a digest of the pool and of the first 300 plan dates (untimed).")
    var digest = false
    @Flag(help: "Also load every record and rank them (the path before the candidate query) and check the pools agree.")
    var verify = false
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let ranker = SuccessionRanker(catalog: catalog)
        let directorPost: DirectorPost
        do { directorPost = try ranker.post(post) } catch { throw failure(CommandError.unknownPost(error)) }
        #if DEBUG
        print("note: a debug build; use `swift run -c release careerpath bench succession` for the figures")
        #endif

        let database = try prepare(catalog: catalog)
        let on = DemoRoster.referenceDate
        let pairs = CandidateFilter(post: directorPost, catalog: catalog).pairs

        // (a) What `careerpath succession --post` does: load the candidates' records (and the people
        // above them) through the store, rank, fill in the plan dates of the candidates shown.
        // Wall time and CPU time both: on a shared machine the CPU times are the steadier figure.
        PeakMemory.reset()
        var roster = CandidateRoster(records: [], supervisors: [])
        var ranked: SuccessionPool?
        var pool: SuccessionPool?
        let load = try Timed.measure {
            let store = try SQLiteRecordStore(path: database, terminal: "bench")
            roster = try store.candidateRecords(pairs: pairs, viewer: .system)
        }
        let ranking = Timed.measure { ranked = ranker.rank(roster, post: directorPost, on: on) }
        guard let ranked else { return }
        let dates = Timed.measure {
            pool = ranker.withPlanDates(ranked, records: roster.records, supervisors: roster.supervisors, first: shown)
        }
        let peak = PeakMemory.current()
        guard let pool else { return }

        // (b) sqlite3 reading every column of the same tables (its CPU time is the child's).
        let scan = try Timed.measure(children: true) { try SQLiteScan.run(database: database) }

        let wall = load.wall + ranking.wall + dates.wall, cpu = load.cpu + ranking.cpu + dates.cpu
        let wallRatio = wall / scan.wall
        let cpuRatio = cpu / scan.cpu
        func row(_ t: Timed) -> String { String(format: "%6.0f ms wall, %6.0f ms CPU", t.wall * 1000, t.cpu * 1000) }
        let people = try SQLiteRecordStore(path: database, terminal: "bench").peopleCount()
        let datesLabel = "    plan dates, \(shown) shown"
            + String(repeating: " ", count: max(0, 24 - "    plan dates, \(shown) shown".count))
        print("""
            roster: \(people) people in \(database)
            post: \(directorPost.id), on \(on.iso): \(pool.candidates.count) candidates — \
            \(pool.count(.readyNow)) ready now, \(pool.count(.withinTwoYears)) within 2 years, \(pool.count(.later)) later\
            \(pool.isRisk ? " (succession risk)" : ""); \(ranked.plansBuilt) development plans built to rank
            (a) load the candidates \(row(load))   (\(roster.records.count) records by line and level, \(roster.supervisors.count) people above them)
                rank one post       \(row(ranking))
            \(datesLabel)\(row(dates))
            (b) sqlite3 scan        \(row(scan))   (every column of people, assignments, assessments, trainings, level_history)
            ratio (a)/(b): \(String(format: "%.2f", wallRatio))× wall, \(String(format: "%.2f", cpuRatio))× CPU (target ≤ 3×) \
            \(min(wallRatio, cpuRatio) <= 3 ? "OK" : "OVER TARGET")
            peak RSS during (a): \(peak.map { "\($0 / 1024) MB" } ?? "unknown")
            """)
        if digest {
            var pools = ResultDigest(), planned = ResultDigest()
            pools.add(String(describing: ranked.candidates))
            planned.add(String(describing: ranker.withPlanDates(ranked, records: roster.records, supervisors: roster.supervisors,
                                                                first: 300).candidates.prefix(300)))
            print("pool digest: \(pools.hex); first 300 with plan dates: \(planned.hex)")
        }
        if verify { try compareWithFullLoad(database: database, post: directorPost, on: on, fast: pool, ranker: ranker) }
    }

    /// (c) The path before the candidate query: every record loaded, then ranked. Timed for
    /// comparison; the pool must be the same.
    func compareWithFullLoad(database: String, post: DirectorPost, on: CivilDate, fast: SuccessionPool,
                             ranker: SuccessionRanker) throws {
        var records: [PersonRecord] = []
        var pool: SuccessionPool?
        let load = try Timed.measure {
            records = try SQLiteRecordStore(path: database, terminal: "bench").allRecords(viewer: .system)
        }
        let ranking = Timed.measure {
            pool = ranker.withPlanDates(ranker.rank(records, post: post, on: on), records: records, first: shown)
        }
        func row(_ t: Timed) -> String { String(format: "%6.0f ms wall, %6.0f ms CPU", t.wall * 1000, t.cpu * 1000) }
        let same = pool?.candidates == fast.candidates
        print("""
            (c) load all records    \(row(load))   (\(records.count) records; the path before the candidate query)
                rank, plan dates    \(row(ranking))
            same pool from all records: \(same ? "yes" : "NO")
            """)
        if !same { throw failure("error: the candidate query ranks a different pool than all records") }
    }

    /// The database of a `people`-person roster, generated and imported unless already there.
    func prepare(catalog: Catalog) throws -> String {
        try Self.prepareRoster(catalog: catalog, people: people, seed: seed, folder: folder)
    }

    /// The generated roster of `people` imported into a database in `folder`, made once and reused
    /// (`bench succession` and `bench reports` share it).
    static func prepareRoster(catalog: Catalog, people: Int, seed: UInt64, folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = folder + "/records-\(people)-\(seed).sqlite"
        if FileManager.default.fileExists(atPath: database),
           let count = try? SQLiteRecordStore(path: database, terminal: "bench").peopleCount(), count == people {
            print("reusing \(database)")
            return database
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let roster = folder + "/roster-\(people)-\(seed)"
        let clock = ContinuousClock()
        let generated = try clock.measure { try DemoRoster(catalog: catalog, people: people, seed: seed).write(to: roster) }
        print("generated \(people) people into \(roster) in \(Self.ms(generated))")
        let store = try SQLiteRecordStore(path: database, terminal: "bench")
        let imported = try clock.measure {
            do {
                try RecordImporter(catalog: catalog).run(try ImportRequest.resolve([roster]), into: store)
            } catch let error as ImportFailure {
                throw failure("error: the generated roster does not import:\n\(error)")
            }
        }
        print("imported into \(database) in \(Self.ms(imported))")
        return database
    }

    static func ms(_ d: Duration) -> String {
        let c = d.components
        return String(format: "%.0f ms", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
    }
}

/// Wall and CPU seconds of one step.
struct Timed {
    let wall: Double
    let cpu: Double

    /// Times `body`; `children`: count the CPU of child processes it waits for instead of this process's.
    static func measure(children: Bool = false, _ body: () throws -> Void) rethrows -> Timed {
        let cpu0 = cpuSeconds(children: children)
        let start = ContinuousClock.now
        try body()
        let wall = ContinuousClock.now - start
        let c = wall.components
        return Timed(wall: Double(c.seconds) + Double(c.attoseconds) / 1e18, cpu: cpuSeconds(children: children) - cpu0)
    }

    /// User + system CPU seconds of this process (all threads: GRDB reads on its own queue), or of
    /// its finished children.
    static func cpuSeconds(children: Bool) -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue)
        #else
        let who = children ? RUSAGE_CHILDREN : RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// `sqlite3` (the CLI) reading every column the store loads, table by table.
enum SQLiteScan {
    static let query = """
        SELECT count(*), sum(length(id) + length(name_th) + length(name_en) + length(unit) + length(job_line) + length(level)
            + length(level_since) + length(service_start) + length(education) + ifnull(length(supervisor_id), 0)) FROM people;
        SELECT count(*), sum(length(person_id) + length(unit) + ifnull(length(field), 0) + length(role) + length(start)
            + ifnull(length("end"), 0)) FROM assignments;
        SELECT count(*), sum(length(person_id) + length(competency) + level + length(assessed_on) + length(assessor)) FROM assessments;
        SELECT count(*), sum(length(person_id) + length(course) + length(completed_on)) FROM trainings;
        SELECT count(*), sum(length(person_id) + length(job_line) + length(level) + length(start) + ifnull(length("end"), 0)) FROM level_history;
        """

    static func run(database: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", database, query]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch {
            throw failure("error: cannot run sqlite3 (install the sqlite3 package): \(error)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw failure("error: sqlite3 failed: \(text)") }
    }
}

/// Peak resident memory of this process (Linux: VmHWM, which `clear_refs` resets).
enum PeakMemory {
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// In KiB.
    static func current() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }
}
