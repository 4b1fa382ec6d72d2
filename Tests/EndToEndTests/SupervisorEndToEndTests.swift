import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `careerpath --as <supervisor>` in tmux: the split pane of a demo deputy director-general's
/// subordinates; moving the selection on the left changes the right pane; Tab moves the focus.
@Suite(.serialized)
struct SupervisorEndToEndTests {
    /// A deputy director-general (S1) of the demo roster with eight direct reports.
    static let supervisor = "P000002"
    static var dataFolder: String { TmuxSession.packageRoot.appendingPathComponent("Data").path }

    /// The name in the right pane's title ("Gaps and plan: NAME"), if shown.
    static func rightTitle(_ screen: [String]) -> String? {
        for line in screen {
            guard let r = line.range(of: "Gaps and plan: ") else { continue }
            let rest = line[r.upperBound...]
            return String(rest.prefix { $0 != "─" && $0 != "━" }).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    @Test("moving the selection in the left pane changes the right pane; Tab moves the focus",
          .enabled(if: TmuxSession.tmuxAvailable))
    func selectionAndFocus() async throws {
        let folder = NSTemporaryDirectory() + "cp-sup-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let tmux = TmuxSession()
        defer { tmux.stop(); try? FileManager.default.removeItem(atPath: folder) }
        let command = "cd '\(folder)' && '\(TmuxSession.binary)' --data '\(Self.dataFolder)' --database '\(folder)/records.sqlite' --as \(Self.supervisor) --lang en"
        try tmux.start(command, width: 120, height: 40)

        let first = try await tmux.waitFor(timeout: 60) { screen in
            Self.rightTitle(screen).map { !$0.isEmpty } == true && screen.contains { $0.contains("Target:") }
        }
        let text = first.joined(separator: "\n")
        #expect(text.contains("Subordinates ("), "\(text)")
        // The left pane has the focus (heavy box), the right pane a light one.
        #expect(first.contains { $0.contains("┏━ Subordinates") }, "\(text)")
        #expect(first.contains { $0.contains("┌─ Gaps and plan") }, "\(text)")
        let firstName = try #require(Self.rightTitle(first))

        try tmux.sendKeys("j")
        let second = try await tmux.waitFor(timeout: 20) { screen in
            guard let name = Self.rightTitle(screen) else { return false }
            return name != firstName && screen.contains { $0.contains("Target:") }
        }
        let secondName = try #require(Self.rightTitle(second))
        #expect(secondName != firstName)

        try tmux.sendKeys("Tab")
        let focused = try await tmux.waitFor(timeout: 10) { screen in screen.contains { $0.contains("┏━ Gaps and plan") } }
        #expect(focused.contains { $0.contains("┌─ Subordinates") }, "\(focused.joined(separator: "\n"))")
        try tmux.sendKeys("Tab")
        _ = try await tmux.waitFor(timeout: 10) { screen in screen.contains { $0.contains("┏━ Subordinates") } }

        try tmux.sendKeys("q")
        _ = try await tmux.waitFor(text: "[exit 0]", timeout: 10)
    }
}
