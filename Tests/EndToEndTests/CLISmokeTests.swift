import Foundation
import Testing

/// The real binary, end to end: the CLI as a user runs it.
@Suite(.serialized)
struct CLISmokeTests {
    @Test func binaryIsBuiltNextToTheTestRunner() throws {
        #expect(FileManager.default.isExecutableFile(atPath: TmuxSession.binary), "no binary at \(TmuxSession.binary)")
    }

    @Test func helpRunsInsideTmux() throws {
        guard TmuxSession.tmuxAvailable else { Issue.record("tmux is not installed"); return }
        let tmux = TmuxSession()
        defer { tmux.stop() }
        try tmux.start("'\(TmuxSession.binary)' --help", width: 100, height: 30)
        let screen = try tmux.waitFor(text: "[exit 0]")
        #expect(screen.joined(separator: "\n").contains("USAGE: careerpath"))
    }

    /// `careerpath` reads plain TUI options itself (start-up speed); anything odd must still get
    /// ArgumentParser's message and exit code, before any terminal is opened.
    @Test("odd TUI options still get ArgumentParser's messages and exit 64")
    func oddTUIOptionsGoToArgumentParser() throws {
        guard TmuxSession.tmuxAvailable else { Issue.record("tmux is not installed"); return }
        let cases: [(String, String)] = [
            ("--lang fr", "The value 'fr' is invalid for '--lang <lang>'"),
            ("--person", "Missing value for '--person <person>'"),
            ("--colour", "Unknown option '--colour'"),
            ("--person A --person B --first-paint-only=yes", "Error:"),
        ]
        for (arguments, message) in cases {
            let tmux = TmuxSession()
            defer { tmux.stop() }
            try tmux.start("'\(TmuxSession.binary)' \(arguments)", width: 120, height: 30)
            let screen = try tmux.waitFor(text: "[exit ").joined(separator: "\n")
            #expect(screen.contains("[exit 64]"), "\(arguments): \(screen)")
            #expect(screen.contains(message), "\(arguments): \(screen)")
        }
    }
}
