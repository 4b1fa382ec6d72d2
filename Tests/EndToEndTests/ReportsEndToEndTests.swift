import Foundation
import Testing

/// The unit head's Reports screen in the real TUI (tmux): the News Bureau's director (P000005,
/// `--as`) opens it with `R`, ticks an activity, signs, submits; the store then has the submitted
/// form, as `careerpath report usage --json` shows.
extension TUITests {
    static let unitHead = "P000005"

    @Test("a unit head fills in, saves and submits the usage report from the Reports screen")
    func unitHeadFilesTheUsageReport() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, "--as \(Self.unitHead) --lang th", width: 120, height: 40)
        try await tmux.waitFor(text: "R รายงาน", timeout: 20)
        try tmux.sendKeys("R")
        // The appendix heading is drawn after the first activity: wait for the whole form, so a
        // capture mid-draw is not taken for a form without it.
        let form = try await tmux.waitFor("the usage form drawn whole") { screen in
            let all = screen.joined(separator: "\n")
            return all.contains("☐ ติดประกาศให้บุคลากร") && all.contains("ภาคผนวก")
        }
        #expect(text(form).contains("สำนักข่าว"), "\(text(form))")
        #expect(text(form).contains("ภาคผนวก"), "\(text(form))")
        // Tick the first activity (the cursor starts on it).
        try tmux.sendKeys("Space")
        try await tmux.waitFor(text: "☑ ติดประกาศให้บุคลากร")
        // Down to the signer's name: 10 activities, other, 3 outcomes, other, problems.
        for _ in 0..<16 { try tmux.sendKeys("j") }
        for value in ["Sommut Head", "Director, News Bureau", "20/08/2569"] {
            try tmux.sendKeys("Enter")
            try tmux.sendLiteral(value)
            try tmux.sendKeys("Enter")
            try tmux.sendKeys("j")
        }
        try await tmux.waitFor(text: "20 สิงหาคม 2569")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "บันทึกแบบรายงานแล้ว")
        try tmux.sendKeys("S")
        let submitted = try await tmux.waitFor(text: "ส่งแบบรายงานแล้ว")
        #expect(text(submitted).contains("Sommut Head"), "\(text(submitted))")
        // Frozen now: a tick is refused with a message.
        try tmux.sendKeys("k")
        try tmux.sendKeys("Space")
        try await tmux.waitFor(text: "ส่งแล้ว แก้ไขไม่ได้")
        try tmux.sendKeys("q")
        try await tmux.waitFor(text: "[exit 0]")

        // What the store holds, read back through the CLI as the same unit head.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        let year = String(Calendar(identifier: .gregorian).component(.year, from: Date())
                          + 543 + (Calendar(identifier: .gregorian).component(.month, from: Date()) >= 10 ? 1 : 0))
        process.arguments = ["report", "usage", "--unit", "news-bureau", "--year", year, "--as", Self.unitHead, "--json",
                             "--data", Self.dataFolder, "--database", database]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let json = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(json.contains("\"status\": \"submitted\""), "\(json)")
        #expect(json.contains("\"announce-and-point-to-sources\""), "\(json)")
        #expect(json.contains("\"signerName\": \"Sommut Head\""), "\(json)")
    }
}
