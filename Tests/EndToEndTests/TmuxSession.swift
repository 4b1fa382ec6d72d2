import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real `careerpath` binary inside a private tmux server (send-keys, capture-pane).
///
/// tmux is started with `posix_spawn` and an empty signal mask: Foundation's `Process` under the
/// test runner starts children with SIGWINCH/SIGTERM blocked, so the app would never see a resize.
final class TmuxSession {
    let socket: String
    let name = "cp"
    private(set) var started = false

    /// The binary under test: built next to the test runner.
    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The runner may be inside `X.xctest/` on some layouts.
        if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("careerpath").path
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var tmuxAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    init() {
        socket = "cp-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    deinit { stop() }

    /// Starts `command` (a shell command line) in a detached session of the given size.
    func start(_ command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:],
               term: String = "tmux-256color") throws {
        var env = "TERM=\(term); export TERM; LANG=C.UTF-8; export LANG; LC_ALL=C.UTF-8; export LC_ALL; "
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { env += "\(k)=\(shellQuote(v)); export \(k); " }
        let full = env + command + "; echo \"[exit $?]\"; sleep 60"
        try run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "sh", "-c", full])
        _ = try? run(["set-option", "-t", name, "status", "off"])
        started = true
    }

    func sendKeys(_ keys: String...) throws { try run(["send-keys", "-t", name] + keys) }
    func sendLiteral(_ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The visible screen as lines.
    func capture() throws -> [String] {
        let output = try run(["capture-pane", "-p", "-t", name])
        return output.components(separatedBy: "\n")
    }

    /// Polls the screen until `predicate` holds and returns that screen; throws `WaitTimeout` (with
    /// the last screen) when `timeout` passes first, so a wait can never pass by running out.
    /// Sleeps with `Task.sleep`, not `usleep`: a waiting test leaves its thread to other tests.
    @discardableResult
    func waitFor(timeout: Double = 10, _ what: String = "a screen the test waits for",
                 _ predicate: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while true {
            screen = (try? capture()) ?? []
            if predicate(screen) { return screen }
            guard Date() < deadline else { throw WaitTimeout(what: what, seconds: timeout, screen: screen) }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 10) async throws -> [String] {
        try await waitFor(timeout: timeout, "\"\(text)\"") { $0.joined(separator: "\n").contains(text) }
    }

    func stop() {
        guard started else { return }
        _ = try? run(["kill-server"])
        started = false
        unlink("/tmp/tmux-\(getuid())/\(socket)")
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        try TmuxSession.spawn(["/usr/bin/tmux", "-L", socket] + arguments)
    }

    /// posix_spawn with an empty signal mask and default dispositions; returns stdout.
    ///
    /// Output goes to a temporary file, not a pipe: `new-session` forks the tmux server, which would
    /// keep a pipe open (and a reader waiting) for as long as the server lives.
    static func spawn(_ argv: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "cp-tmux-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGWINCH, SIGCHLD, SIGTERM, SIGHUP, SIGINT, SIGPIPE] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, environ)
        guard rc == 0 else { throw SpawnError(message: "posix_spawn \(argv[0]) failed: \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw SpawnError(message: "\(argv.joined(separator: " ")) exited \(code): \(text)")
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    private func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// A `waitFor` that ran out of time: what it waited for, and the screen it saw last.
struct WaitTimeout: Error, CustomStringConvertible {
    let what: String
    let seconds: Double
    let screen: [String]
    var description: String { "waited \(seconds) s for \(what); the screen was:\n" + screen.joined(separator: "\n") }
}

struct SpawnError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
