import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The terminal is handed back however the program ends: Ctrl-\ (SIGQUIT) in the planner quits
/// it cleanly, the kiosk ignores it, and a crash (SIGSEGV, SIGABRT) of either restores the tty
/// before the process dies. After each, the pane's shell runs `stty -a`: canonical input and
/// echo must be on again.
@Suite(.serialized)
struct SignalEndToEndTests {
    /// `stty -a` after the program: prints the program's exit code, then the terminal's settings.
    static let afterwards = "; echo \"[app $?]\"; stty -a"
    /// No Swift runtime backtracer: after a signal sent with kill (not a fault that happens again
    /// when its handler returns) it would let the process run on; the default action ends it.
    static let backtrace = ["SWIFT_BACKTRACE": "enable=no"]

    /// The settings that raw and cbreak mode turn off, as `stty -a` prints them.
    func expectSane(_ screen: [String], _ when: String) {
        let words = Set(screen.joined(separator: " ").split(separator: " ").map(String.init))
        for flag in ["icanon", "echo", "isig", "icrnl"] {
            #expect(words.contains(flag) && !words.contains("-" + flag), "\(when): \(flag) is off:\n\(screen.joined(separator: "\n"))")
        }
    }

    /// The first child of the pane's shell (the program under test).
    func appPID(_ tmux: TmuxSession) throws -> pid_t {
        let shellPID = try tmux.run(["display-message", "-p", "-t", tmux.name, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shellPID)/task/\(shellPID)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) }, "no child of \(shellPID)")
    }

    @Test("Ctrl-\\ in the planner quits it (exit 0) and leaves the terminal as it was")
    func plannerCtrlBackslash() async throws {
        let app = try TUITests()
        let tmux = TmuxSession()
        defer { app.cleanUp(tmux) }
        try app.start(tmux, redirect: Self.afterwards)
        try await tmux.waitFor(text: "กรอง:", timeout: 20)
        try tmux.sendKeys("C-\\")
        // As long as the crash tests allow: the exit closes the database first (a 10 s wait ran out once under load).
        let screen = try await tmux.waitFor(text: "[exit 0]", timeout: 30)
        #expect(screen.contains { $0.contains("[app 0]") }, "\(screen.joined(separator: "\n"))")
        expectSane(screen, "after Ctrl-\\ in the planner")
    }

    @Test("a crash of the planner (SIGSEGV, SIGABRT) gives the terminal back before the process dies",
          arguments: [SIGSEGV, SIGABRT])
    func plannerCrash(signal: Int32) async throws {
        let app = try TUITests()
        let tmux = TmuxSession()
        defer { app.cleanUp(tmux) }
        try app.start(tmux, redirect: Self.afterwards, environment: Self.backtrace)
        try await tmux.waitFor(text: "กรอง:", timeout: 20)
        kill(try appPID(tmux), signal)
        let screen = try await tmux.waitFor(text: "[exit 0]", timeout: 30)
        #expect(screen.contains { $0.contains("[app \(128 + signal)]") }, "\(screen.joined(separator: "\n"))")
        expectSane(screen, "after signal \(signal) in the planner")
    }

    @Test("the kiosk ignores Ctrl-\\; a crash of it (SIGSEGV) gives the terminal back")
    func kioskCtrlBackslashAndCrash() async throws {
        let kiosk = try KioskEndToEndTests()
        let tmux = TmuxSession()
        defer { kiosk.cleanUp(tmux) }
        let command = "trap : QUIT; cd '\(kiosk.folder)' && '\(TmuxSession.binary)' kiosk --lang en --data '\(KioskEndToEndTests.dataFolder)' --database '\(kiosk.database)'" + Self.afterwards
        try tmux.start(command, width: 80, height: 24, environment: Self.backtrace)
        try await tmux.waitFor(text: "Employee ID:", timeout: 20)
        try tmux.sendKeys("C-\\")
        // Still answering keys afterwards: the language switches (the positive signal).
        _ = try await kiosk.settled(tmux)
        #expect(!(try tmux.capture()).contains { $0.contains("[app") })
        kill(try appPID(tmux), SIGSEGV)
        let screen = try await tmux.waitFor(text: "[exit 0]", timeout: 30)
        #expect(screen.contains { $0.contains("[app \(128 + SIGSEGV)]") }, "\(screen.joined(separator: "\n"))")
        expectSane(screen, "after a crash of the kiosk")
    }
}
