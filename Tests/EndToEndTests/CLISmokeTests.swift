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
}
