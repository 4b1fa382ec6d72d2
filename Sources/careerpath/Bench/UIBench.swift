import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import TerminalNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// `careerpath bench ui`: what a key costs, what a list move writes, and how fast the first screen
/// appears. Run with a release build:
///
///     swift run -c release careerpath bench ui
///
/// 1. One key's update + render + diff at 200×60 (through `ProgramDriver`, as the TUI runs it), per
///    screen; target: median ≤ 1 ms.
/// 2. Bytes ncurses writes to a pseudo-terminal for one cursor move in each list; target ≤ 200.
///    Moves that also redraw a detail pane or scroll the list are printed apart, for reference.
/// 3. Start to first painted screen, ready for the first key (`careerpath --first-paint-only`
///    under a pty), next to an empty Swift program that links ncurses, compiled with `swiftc` in
///    the same run; target ≤ 3×. The catalog comes from its compiled form (`CatalogCache`); a
///    start that has to read and check the YAML (a changed `Data/`) is timed too, and so are
///    command line runs (`careerpath people`, `person`, `gaps`, `plan`, `paths`, `person --json`),
///    each held to the same 3×. The bench reads each program's output as soon as it is written and
///    sees its exit the moment it happens, as a terminal would.
struct UIBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "Key latency, bytes per list move, start-up time of the TUI.")

    @Option(help: "Keys to time (spread over the picker, Paths, Gaps and Plan).")
    var keys = 2000
    @Option(help: "Screen size for the key timing, WxH.")
    var size = "200x60"
    @Option(help: "Screen size for the byte counts and the start-up runs, WxH.")
    var ptySize = "100x30"
    @Option(help: "The person to open (default: the first on the roster with a director post among their targets).")
    var person: String?
    @Option(help: "Start-up runs of each program (the median is reported).")
    var runs = 15
    @Flag(help: "Skip the start-up comparison (it compiles a small Swift program).")
    var skipStartup = false
    @Option(help: "The database to use (default: a fresh temporary one from the demo roster).")
    var database: String?
    @OptionGroup var dataOptions: DataOptions

    /// Prints each timed screen as text (to see what the keys act on).
    @Flag(name: .customLong("show-screens"), help: "Print each timed screen as text.")
    var showScreens = false

    /// Prints the cells each measured cursor move changed (to see what costs bytes).
    @Flag(name: .customLong("show-moves"), help: "Print the cells each measured cursor move changes.")
    var showMoves = false

    /// The in-binary baseline: open ncurses on the standard streams, close it, exit.
    @Flag(name: .customLong("ncurses-baseline"), help: .hidden)
    var ncursesBaseline = false

    func run() throws {
        // ncurses is used from the main actor only; the command runs on the main thread.
        try MainActor.assumeIsolated { try measure() }
    }

    @MainActor
    private func measure() throws {
        if ncursesBaseline {
            try ProgramLoop<PlannerProgram>.open(.init()).restore()
            return
        }
        guard let keySize = ScreenText.parseSize(size), let ptySize = ScreenText.parseSize(ptySize) else {
            throw failure("error: --size and --pty-size take WxH (e.g. 200x60)")
        }
        if (getenv("LC_ALL").map { String(cString: $0) } ?? "").isEmpty { setenv("LC_ALL", "C.UTF-8", 1) }

        let catalog = try dataOptions.loadCatalog()
        let dataFolder = try dataOptions.dataFolder()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-bench-ui-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let databasePath = database ?? scratch.appendingPathComponent("records.sqlite").path
        let store = try StoreOptions.parse(["--database", databasePath]).openStore(catalog: catalog, dataFolder: dataFolder)
        let setup = try BenchSetup(catalog: catalog, store: store, person: person)
        print("ui bench: \(setup.personID) toward \(setup.target.id) (\(setup.peopleCount) people on the roster)\(isDebugBuild ? " — DEBUG BUILD, use -c release" : "")")

        try keyLatency(setup, size: keySize)
        try bytesPerMove(setup, size: ptySize)
        if !skipStartup {
            try startup(databasePath: databasePath, dataFolder: dataFolder, scratch: scratch, size: ptySize, setup: setup)
        }
    }

    // MARK: 1. Key latency

    private func keyLatency(_ setup: BenchSetup, size: TerminalSize) throws {
        let driver = setup.driver(size: size)
        let perScreen = max(10, keys / 4)
        var all: [Double] = []
        print("  key → update + render + diff at \(size.width)×\(size.height), \(perScreen) keys per screen:")
        for phase in BenchSetup.phases {
            setup.enter(phase, driver)
            if showScreens { driver.frame { grid, _ in print(grid.lines().joined(separator: "\n")) } }
            var times: [Double] = []
            times.reserveCapacity(perScreen)
            var changed = 0
            var updates: [Double] = [], diffs: [Double] = []
            for i in 0..<perScreen {
                let key = phase.keys[(i / phase.swing) % 2]
                let start = DispatchTime.now().uptimeNanoseconds
                driver.send(.key(key))
                let updated = DispatchTime.now().uptimeNanoseconds
                var diffStart: UInt64 = 0
                driver.frame { grid, previous in
                    diffStart = DispatchTime.now().uptimeNanoseconds
                    changed &+= grid.diff(from: previous).count
                }
                let end = DispatchTime.now().uptimeNanoseconds
                times.append(Double(end - start) / 1e6)
                updates.append(Double(updated - start) / 1e6)
                diffs.append(Double(end - diffStart) / 1e6)
            }
            all += times
            print("    \(phase.name.padding(toLength: 7, withPad: " ", startingAt: 0)) median \(ms(percentile(times, 0.5)))  p95 \(ms(percentile(times, 0.95)))  max \(ms(times.max() ?? 0))"
                  + "  (median update \(ms(percentile(updates, 0.5))), diff \(ms(percentile(diffs, 0.5))), the rest rendering)")
        }
        // The most expensive key there is: every text on screen changes language.
        var language: [Double] = []
        for _ in 0..<50 {
            let start = DispatchTime.now().uptimeNanoseconds
            driver.send(.key(.char("L")))
            driver.frame { grid, previous in _ = grid.diff(from: previous) }
            language.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let median = percentile(all, 0.5)
        print("    all     median \(ms(median))  p95 \(ms(percentile(all, 0.95)))  over \(all.count) keys  (target: median ≤ 1 ms)\(median > 1 ? "  OVER TARGET" : "")")
        print("    L (switch language, every text changes): median \(ms(percentile(language, 0.5)))  p95 \(ms(percentile(language, 0.95)))")
    }

    // MARK: 2. Bytes per cursor move

    @MainActor
    private func bytesPerMove(_ setup: BenchSetup, size: TerminalSize) throws {
        let pty: PseudoTerminal
        do { pty = try PseudoTerminal(width: size.width, height: size.height) } catch { throw failure("error: \(error.message)") }
        let lines: [String] = try {
            let terminal = try ProgramLoop<PlannerProgram>.open(.init(device: .fileDescriptors(input: pty.slave, output: pty.slave),
                                                       terminalType: "xterm-256color", readTimeoutMilliseconds: 10))
            defer { terminal.restore() }
            var out: [String] = []
            let flush = { (grid: CellGrid, previous: CellGrid?) in terminal.flush(grid, previous: previous) }
            let driver = setup.driver(size: size, glyphs: terminal.capabilities.glyphs)
            for phase in BenchSetup.movePhases {
                setup.enter(phase, driver)
                driver.invalidate()
                terminal.redrawAll()
                driver.frame(flush)
                let full = pty.drain().count
                var moves: [Int] = []
                for i in 0..<12 {
                    driver.send(.key(phase.keys[(i / phase.swing) % 2]))
                    driver.frame { grid, previous in
                        if showMoves {
                            let runs = grid.diff(from: previous).map { "(\($0.x),\($0.y)) \"\($0.cells.map(\.text).joined())\"" }
                            out.append("      \(phase.name) move \(i): " + runs.joined(separator: " "))
                        }
                        flush(grid, previous)
                    }
                    moves.append(pty.drain().count)
                }
                let sorted = moves.sorted()
                let over = phase.targeted && (sorted.last ?? 0) > 200
                out.append("    \(phase.name.padding(toLength: 24, withPad: " ", startingAt: 0)) full paint \(full) B; one move: median \(sorted[sorted.count / 2]) B, max \(sorted.last ?? 0) B"
                           + (over ? "  OVER TARGET" : phase.targeted ? "" : "  (\(phase.note))"))
            }
            return out
        }()
        print("  bytes written to the terminal (xterm-256color on a pty, \(size.width)×\(size.height), UTF-8) per cursor move in a list (target ≤ 200;")
        print("  moves that also redraw another pane or scroll the list are shown for reference):")
        lines.forEach { print($0) }
    }

    // MARK: 3. Start-up

    private func startup(databasePath: String, dataFolder: URL, scratch: URL, size: TerminalSize, setup: BenchSetup) throws {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let app = [me, "--first-paint-only", "--database", databasePath, "--data", dataFolder.path]
        var programs: [(String, [String])] = []
        let baseline = compileEmptyProgram(in: scratch)
        if let empty = baseline.binary {
            programs.append(("empty Swift program linking ncursesw", [empty]))
            programs.append(("minimal Swift ncurses program (newterm + endwin)", [empty, "init"]))
        } else {
            print("  start-up: could not build the empty Swift program (\(baseline.error)); comparing with the in-binary baseline only")
        }
        programs.append(("careerpath opening and closing ncurses", [me, "bench", "ui", "--ncurses-baseline"]))
        // Command line runs, each to its exit, with the compiled catalog.
        let store = ["--database", databasePath, "--data", dataFolder.path]
        let commands: [(String, [String])] = [
            ("careerpath people", [me, "people"] + store),
            ("careerpath person", [me, "person", setup.personID] + store),
            ("careerpath gaps", [me, "gaps", "--person", setup.personID, "--target", setup.target.id] + store),
            ("careerpath plan", [me, "plan", "--person", setup.personID, "--target", setup.target.id] + store),
            ("careerpath paths", [me, "paths", "--person", setup.personID] + store),
            ("careerpath person --json", [me, "person", setup.personID, "--json"] + store),
        ]
        let firstCommand = programs.count
        programs += commands.map { ("\($0.0) (a command line run, compiled catalog)", $0.1) }
        programs.append(("careerpath to the first screen, reading the YAML (no compiled catalog)",
                         app + ["--cache-off"]))
        programs.append(("careerpath to the first painted screen (compiled catalog)", app))

        // Warm the page cache once for each program so the first timed run is not an outlier.
        for (_, argv) in programs { _ = try timeUnderPTY(argv, size: size) }
        var medians: [Double] = []
        print("  start to exit under a pty (\(size.width)×\(size.height)), median of \(runs) runs, runs interleaved:")
        var samples = Array(repeating: [Double](), count: programs.count)
        // The first-paint run's moment of handing the screen back: its first paint is over then;
        // closing the database (a WAL checkpoint) and the process exit come after.
        var painted: [Double] = []
        for _ in 0..<max(1, runs) {
            for (i, (_, argv)) in programs.enumerated() {
                let times = try timesUnderPTY(argv, size: size)
                samples[i].append(times.exit)
                if i == programs.count - 1, let returned = times.screenReturned { painted.append(returned) }
            }
        }
        for (i, (name, _)) in programs.enumerated() {
            let median = percentile(samples[i], 0.5)
            medians.append(median)
            print("    \(ms(median).padding(toLength: 10, withPad: " ", startingAt: 0)) \(name)\(i == programs.count - 1 ? " and exiting" : "")")
        }
        if painted.count == samples[programs.count - 1].count {
            let median = percentile(painted, 0.5)
            print("    \(ms(median).padding(toLength: 10, withPad: " ", startingAt: 0)) careerpath to the first painted screen (until it hands the screen back, before closing the database)")
            medians[programs.count - 1] = median
        }
        try startupBreakdown(databasePath: databasePath, dataFolder: dataFolder, size: size)
        let appTime = medians.last ?? 0
        let reference = medians.first ?? 1
        let ratio = appTime / max(reference, 0.001)
        print("    ratio first paint / \(programs[0].0): \(format(ratio, 2))× (target ≤ 3×)\(ratio > 3 ? "  OVER TARGET" : "")")
        if programs.count > 2 {
            print("    ratio first paint / \(programs[1].0): \(format(appTime / max(medians[1], 0.001), 2))×")
        }
        for (i, (name, _)) in commands.enumerated() {
            let command = medians[firstCommand + i] / max(reference, 0.001)
            print("    ratio \(name) / \(programs[0].0): \(format(command, 2))× (target ≤ 3×)\(command > 3 ? "  OVER TARGET" : "")")
        }
    }

    /// Where the app's start-up goes, step by step in this process, along the TUI's own path
    /// (this process has paid the one-time costs already, so the steps add up to less than a
    /// fresh start). The YAML load is timed apart, for comparison.
    private func startupBreakdown(databasePath: String, dataFolder: URL, size: TerminalSize) throws {
        var steps: [(String, Double)] = []
        var mark = DispatchTime.now().uptimeNanoseconds
        func step(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            steps.append((name, Double(now - mark) / 1e6))
            mark = now
        }
        let cache = benchCacheFolder
        _ = CatalogCache.load(path: dataFolder.path, cacheFolder: cache)   // written by the timed runs already
        step("warm-up")
        steps.removeAll()
        guard case .success(let catalog) = CatalogCache.load(path: dataFolder.path, cacheFolder: cache) else {
            throw failure("error: the catalog did not load")
        }
        step("compiled catalog (fingerprint, read, decode)")
        let store = try SQLiteRecordStore(path: databasePath)
        step("open the database")
        let runner = EffectRunner(store: store, viewer: .system)
        let state = AppState(catalog: catalog, today: DateText.today(), size: size)
        step("AppState")
        let driver = PlannerDriver(state: state, runner: runner)
        driver.run([.listPeople])
        step("list and sort the people (Thai collation)")
        driver.frame { _, _ in }
        step("render the first screen")
        _ = CatalogLoader.result(from: dataFolder)
        step("for comparison: read and validate the YAML")
        print("    in-process steps: " + steps.map { "\($0.0) \(ms($0.1))" }.joined(separator: "; "))
        catalogLoading(dataFolder: dataFolder, cache: cache)
    }

    /// The compiled catalog's load (the file already in the page cache) and its fingerprint,
    /// median of 20 each.
    private func catalogLoading(dataFolder: URL, cache: String) {
        func median(_ body: () -> Void) -> Double {
            var times: [Double] = []
            for _ in 0..<20 {
                let start = DispatchTime.now().uptimeNanoseconds
                body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return percentile(times, 0.5)
        }
        let compiled = median { _ = CatalogCache.load(path: dataFolder.path, cacheFolder: cache) }
        let fingerprint = median { _ = DataFingerprint.of(dataFolder) }
        let size = ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasSuffix(".bin") }
            .compactMap { try? FileManager.default.attributesOfItem(atPath: cache + "/" + $0)[.size] as? Int }.max() ?? 0
        print("    catalog, median of 20: compiled file (fingerprint, read, decode) \(ms(compiled)) (\(size / 1024) kB),"
              + " of which the fingerprint \(ms(fingerprint))")
    }

    /// Compiles a Swift program that links ncursesw (through the package's CNcursesw module map)
    /// and exits; with the argument `init` it also opens and closes the terminal.
    private func compileEmptyProgram(in scratch: URL) -> (binary: String?, error: String) {
        // Sources/careerpath/Bench/UIBench.swift → Sources/CNcursesw.
        let moduleFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("CNcursesw").path
        guard FileManager.default.fileExists(atPath: moduleFolder + "/module.modulemap") else {
            return (nil, "no module map at \(moduleFolder)")
        }
        let candidates = ["/opt/swift/usr/bin/swiftc", "/usr/bin/swiftc"] + ((getenv("PATH").map { String(cString: $0) } ?? "")
            .split(separator: ":").map { "\($0)/swiftc" })
        guard let swiftc = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return (nil, "swiftc not found")
        }
        let source = scratch.appendingPathComponent("main.swift")
        let binary = scratch.appendingPathComponent("empty-ncurses").path
        let program = """
            import CNcursesw
            if CommandLine.arguments.count > 1 {
                setlocale(LC_ALL, "")
                if let screen = newterm(nil, stdout, stdin) { endwin(); delscreen(screen) }
            }
            """
        do { try program.write(to: source, atomically: true, encoding: .utf8) } catch { return (nil, "\(error)") }
        let status = spawnAndWait([swiftc, "-O", "-I", moduleFolder, source.path, "-o", binary])
        return status == 0 ? (binary, "") : (nil, "swiftc exited \(status)")
    }

    // MARK: Helpers

    /// The compiled catalog for the timed runs (and the in-process breakdown), in the bench's scratch folder.
    private var benchCacheFolder: String {
        FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-bench-ui-\(getpid())/cache").path
    }

    /// Runs `argv` with a pseudo-terminal as its standard streams; returns the wall time in ms.
    private func timeUnderPTY(_ argv: [String], size: TerminalSize) throws -> Double {
        try timesUnderPTY(argv, size: size).exit
    }

    /// As `timeUnderPTY`, with the time the program handed the screen back (rmcup, `ESC[?1049l`,
    /// which ncurses writes on endwin) if it did: for the TUI, the end of its first paint, before
    /// the database is closed and the process exits.
    private func timesUnderPTY(_ argv: [String], size: TerminalSize) throws -> (exit: Double, screenReturned: Double?) {
        let pty: PseudoTerminal
        do { pty = try PseudoTerminal(width: size.width, height: size.height) } catch { throw failure("error: \(error.message)") }
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "NO_COLOR")
        // The compiled catalog (written by the warm-up run) lives in the bench's scratch folder;
        // `--cache-off` (the bench's own marker, not an option) runs with no cache folder at all.
        var argv = argv
        if argv.last == "--cache-off" {
            argv.removeLast()
            environment.removeValue(forKey: "XDG_CACHE_HOME")
            environment.removeValue(forKey: "HOME")
        } else {
            environment["XDG_CACHE_HOME"] = benchCacheFolder
        }
        let start = DispatchTime.now().uptimeNanoseconds
        guard let pid = spawn(argv, stdio: pty.slave, environment: environment) else {
            throw failure("error: cannot start \(argv[0])")
        }
        var status: Int32 = 0
        let rmcup = Array("\u{1B}[?1049l".utf8)
        var output: [UInt8] = []   // a few kilobytes: the first screen and endwin's sequences
        var screenReturned: Double?
        func watch(_ bytes: [UInt8]) {
            guard screenReturned == nil, !bytes.isEmpty else { return }
            let from = max(0, output.count - rmcup.count + 1)
            output += bytes
            if output.count >= rmcup.count,
               (from...(output.count - rmcup.count)).contains(where: { output[$0..<($0 + rmcup.count)].elementsEqual(rmcup) }) {
                screenReturned = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            }
        }
        // Read what the program writes as soon as it is there, as a terminal emulator does (a pty's
        // buffer holds a few kilobytes; polling it every few hundred microseconds held a command
        // that writes 40 kB back for milliseconds), and note the exit the moment it happens: the
        // wait wakes on output or on the process's pidfd becoming readable when it ends.
        let exitNotice = PseudoTerminal.exitNotice(of: pid)
        defer { if exitNotice >= 0 { close(exitNotice) } }
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            watch(pty.drain())
            pty.waitForOutput(orExit: exitNotice)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        watch(pty.drain())
        let exited = (status & 0x7f) == 0
        guard exited, (status >> 8) & 0xff == 0 else {
            throw failure("error: \(argv.joined(separator: " ")) failed (status \(status))")
        }
        return (elapsed, screenReturned)
    }

    private func spawnAndWait(_ argv: [String]) -> Int32 {
        guard let pid = spawn(argv, stdio: nil, environment: ProcessInfo.processInfo.environment) else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// posix_spawn with default signal handling; `stdio` (a pty slave) as fds 0–2, else /dev/null.
    private func spawn(_ argv: [String], stdio: Int32?, environment: [String: String]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 {
            if let stdio { posix_spawn_file_actions_adddup2(&actions, stdio, fd) } else {
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv) == 0 ? pid : nil
    }

    private func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }

    private func ms(_ value: Double) -> String { format(value, value < 10 ? 3 : 1) + " ms" }

    private func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    private var isDebugBuild: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }
}

/// The person and target the bench drives the app to, and the screens it times.
private struct BenchSetup {
    let catalog: Catalog
    let runner: EffectRunner
    let personID: String
    let target: Target
    let peopleCount: Int

    /// A screen and the two keys that swing a list's selection on it.
    struct Phase {
        let name: String
        /// How to get there from the phase before (Esc first: on the picker letters type into the filter).
        let enter: [KeyEvent]
        /// Down, then up (`swing` times each).
        let keys: [KeyEvent]
        let swing: Int
        /// Whether the ≤ 200 B target is about this move (a pure list move), else why not.
        var targeted = true
        var note = ""
    }

    /// Where the key latency is timed.
    static let phases = [
        Phase(name: "people", enter: [.char("p")], keys: [.down, .up], swing: 6),
        Phase(name: "paths", enter: [.escape, .char("t")], keys: [.char("j"), .char("k")], swing: 3),
        Phase(name: "gaps", enter: [.escape, .char("g")], keys: [.char("j"), .char("k")], swing: 3),
        Phase(name: "plan", enter: [.escape, .char("n")], keys: [.char("j"), .char("k")], swing: 3),
    ]

    /// Where the bytes of one move are counted: pure list moves (the target), then moves that
    /// also change what another pane shows or scroll the list, for reference.
    static let movePhases = [
        Phase(name: "people", enter: [.char("p"), .home], keys: [.down, .up], swing: 6),
        Phase(name: "paths: targets", enter: [.escape, .char("t")], keys: [.char("j"), .char("k")], swing: 3),
        Phase(name: "gaps: list + its detail", enter: [.escape, .char("g")], keys: [.char("j"), .char("k")], swing: 3,
              targeted: false, note: "the detail pane shows the newly selected gap"),
        Phase(name: "gaps: where to do it", enter: [.escape, .char("g"), .tab], keys: [.char("j"), .char("k")], swing: 2),
        Phase(name: "plan", enter: [.escape, .char("n")], keys: [.char("j"), .char("k")], swing: 3),
        Phase(name: "people, scrolling by one", enter: [.char("p"), .home, .pageDown], keys: [.down, .down], swing: 1,
              targeted: false, note: "every row shifts; ncurses rewrites them"),
    ]

    init(catalog: Catalog, store: SQLiteRecordStore, person: String?) throws {
        self.catalog = catalog
        runner = EffectRunner(store: store, viewer: .system)
        let people = try store.people(unit: nil, viewer: .system)
        peopleCount = people.count
        let probe = PlannerDriver(state: AppState(catalog: catalog, today: DateText.today()), runner: runner)
        probe.run([.listPeople])
        for id in person.map({ [$0] }) ?? people.map(\.id) {
            probe.run([.loadPerson(id: id)])
            if let post = probe.state.session?.paths.first(where: { $0.route == .directorPost }) {
                personID = id
                target = post.target
                return
            }
            if person != nil { break }
        }
        throw failure("error: \(person.map { "\($0) has" } ?? "no one on the roster has") no director post among the targets")
    }

    /// An app on the person, with the director post chosen (its gaps analysed), at `size`.
    func driver(size: TerminalSize, glyphs: Glyphs = .unicode) -> PlannerDriver {
        let driver = PlannerDriver(state: AppState(catalog: catalog, today: DateText.today(), size: size, glyphs: glyphs),
                                   runner: runner)
        driver.run(AppState.startEffects(personID: personID))
        // Choose the target the way a user does: Paths, down to the post, Enter.
        driver.send(.key(.char("t")))
        if let index = driver.state.session?.paths.firstIndex(where: { $0.target == target }) {
            for _ in 0..<index { driver.send(.key(.char("j"))) }
        }
        driver.send(.key(.enter))
        driver.frame { _, _ in }
        return driver
    }

    func enter(_ phase: Phase, _ driver: PlannerDriver) {
        for key in phase.enter { driver.send(.key(key)) }
        driver.frame { _, _ in }
    }
}
