import Foundation
import Testing

/// The real binary, end to end: the CLI as a user runs it.
@Suite(.serialized)
struct CLISmokeTests {
    @Test func binaryIsBuiltNextToTheTestRunner() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: TmuxSession.binary), "no binary at \(TmuxSession.binary)")
    }

    @Test func helpRunsInsideTmux() async throws {
        guard TmuxSession.tmuxAvailable else { Issue.record("tmux is not installed"); return }
        let tmux = TmuxSession()
        defer { tmux.stop() }
        try tmux.start("'\(TmuxSession.binary)' --help", width: 100, height: 50)
        let screen = try await tmux.waitFor(text: "[exit 0]")
        #expect(screen.joined(separator: "\n").contains("USAGE: careerpath"))
    }

    /// `careerpath` reads plain TUI options itself (start-up speed); anything odd must still get
    /// ArgumentParser's message (in the user's language: Thai by default) and the usage exit code
    /// (1, docs/cli.md), before any terminal is opened.
    @Test("odd TUI options still get ArgumentParser's messages, in Thai, and exit 1")
    func oddTUIOptionsGoToArgumentParser() async throws {
        guard TmuxSession.tmuxAvailable else { Issue.record("tmux is not installed"); return }
        let cases: [(String, String)] = [
            ("--lang fr", "ค่า 'fr' ใช้กับ '--lang <lang>' ไม่ได้"),
            ("--person", "'--person <person>' ต้องมีค่าตามหลัง"),
            ("--colour", "ไม่รู้จักตัวเลือก '--colour'"),
            ("--person A --person B --first-paint-only=yes", "ข้อผิดพลาด:"),
        ]
        for (arguments, message) in cases {
            let tmux = TmuxSession()
            defer { tmux.stop() }
            try tmux.start("'\(TmuxSession.binary)' \(arguments)", width: 120, height: 30)
            let screen = try await tmux.waitFor(text: "[exit ").joined(separator: "\n")
            #expect(screen.contains("[exit 1]"), "\(arguments): \(screen)")
            #expect(screen.contains(message), "\(arguments): \(screen)")
        }
    }
}
