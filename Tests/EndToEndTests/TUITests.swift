import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `careerpath` TUI in tmux (100×30, C.UTF-8), driven by keys alone. Each test has its own
/// temporary working directory and database (a copy of the demo roster's, `DemoDatabase`; the
/// first-run test removes it, so the app creates it from Data/demo).
@Suite(.serialized)
struct TUITests {
    /// A provincial-office director post is among this person's targets (a K3 public relations officer).
    static let person = "P000292"
    static let postTH = "ผู้อำนวยการสำนักงานประชาสัมพันธ์จังหวัด"
    static let postID = "dir-provincial-pr"

    let folder: String
    var database: String { folder + "/records.sqlite" }
    static var dataFolder: String { TmuxSession.packageRoot.appendingPathComponent("Data").path }

    init() throws {
        folder = NSTemporaryDirectory() + "cp-tui-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try DemoDatabase.copy(DemoDatabase.template, to: folder + "/records.sqlite")
    }

    /// Starts `careerpath ARGS` in tmux with this test's database, in this test's folder.
    func start(_ tmux: TmuxSession, _ arguments: String = "", term: String = "tmux-256color",
               redirect: String = "", environment: [String: String] = [:], width: Int = 100, height: Int = 30) throws {
        // `trap : INT QUIT`: like an interactive shell, the wrapper outlives a Ctrl-C or Ctrl-\ meant
        // for the app (a trapped signal is back to its default in the app), so it can print the exit code.
        // NO_COLOR only when a test asks for it (the test process's environment is shared with other suites).
        let colour = environment["NO_COLOR"] == nil ? "unset NO_COLOR; " : ""
        let command = colour + "trap : INT QUIT; cd '\(folder)' && '\(TmuxSession.binary)' --data '\(Self.dataFolder)' --database '\(database)' \(arguments) \(redirect)"
        try tmux.start(command, width: width, height: height, environment: environment, term: term)
    }

    func cleanUp(_ tmux: TmuxSession) {
        tmux.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// From the Me screen: Paths, down the targets to the provincial director post, Enter.
    func openDirectorGaps(_ tmux: TmuxSession) async throws -> [String] {
        try tmux.sendKeys("t")
        let paths = try await tmux.waitFor { screen in
            screen.contains { $0.contains("เป้าหมายถัดไป") } && screen.contains { $0.contains(Self.postTH) }
        }
        let header = try #require(paths.firstIndex { $0.contains("ประเภท") && $0.contains("เป้าหมาย") }, "\(text(paths))")
        let row = try #require(paths.indices.first { $0 > header && paths[$0].contains(Self.postTH) })
        for _ in 0..<(row - header - 1) { try tmux.sendKeys("j") }
        try tmux.sendKeys("Enter")
        return try await tmux.waitFor(text: "เป้าหมาย: " + Self.postTH)
    }

    func text(_ screen: [String]) -> String { screen.joined(separator: "\n") }

    // MARK: Tests

    @Test("a second start reads the compiled catalog (one file in the cache); keys then reach a director post's gaps")
    func cachedNamesStart() async throws {
        let cache = folder + "/cache"
        let first = TmuxSession()
        try start(first, environment: ["XDG_CACHE_HOME": cache])
        try await first.waitFor(text: "กรอง:", timeout: 20)
        try first.sendKeys("F10")
        try await first.waitFor(text: "[exit 0]")
        first.stop()
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache + "/careerpath")
        #expect(cached.count == 1 && cached[0].hasPrefix("catalog-"), "\(cached)")

        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, environment: ["XDG_CACHE_HOME": cache])
        try await tmux.waitFor(text: "กรอง:", timeout: 20)
        try tmux.sendKeys("/")          // the filter takes the keys (on the list, digits open screens)
        try tmux.sendLiteral(Self.person)
        try await tmux.waitFor { screen in screen.contains { $0.contains(Self.person) && $0.contains("นักประชาสัมพันธ์") } }
        try tmux.sendKeys("Enter")
        try await tmux.waitFor { screen in screen.contains { $0.contains("ประวัติ") } && screen.contains { $0.hasSuffix(Self.person) } }
        // Gaps need the whole catalog: the compiled one is all of it.
        let all = text(try await openDirectorGaps(tmux))
        #expect(all.contains("สมรรถนะ"), "\(all)")
        try tmux.sendKeys("F10")
        try await tmux.waitFor(text: "[exit 0]")
    }

    @Test("from the person picker to a director post's gaps by keys, in Thai, borders in their columns")
    func pickerToDirectorGaps() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux)
        try await tmux.waitFor(text: "กรอง:", timeout: 20)
        try tmux.sendKeys("/")          // the filter takes the keys (on the list, digits open screens)
        try tmux.sendLiteral(Self.person)
        try await tmux.waitFor { screen in screen.contains { $0.contains(Self.person) && $0.contains("นักประชาสัมพันธ์") } }
        try tmux.sendKeys("Enter")
        try await tmux.waitFor { screen in screen.contains { $0.contains("ประวัติ") } && screen.contains { $0.hasSuffix(Self.person) } }
        _ = try await openDirectorGaps(tmux)
        // The title is drawn before the rows under it: wait for a whole frame (borders where the corners are),
        // so a capture mid-draw is not taken for a misaligned box; a real misalignment times out and fails.
        let gaps = try await tmux.waitFor("the gaps screen drawn whole") { screen in
            screen.contains { $0.contains("สมรรถนะ") } && ScreenColumns.verticalBorderViolations(screen).violations.isEmpty
        }
        let all = text(gaps)
        #expect(all.contains("ช่องว่าง"), "\(all)")
        #expect(all.contains("สมรรถนะ"), "\(all)")
        #expect(all.contains("ประสบการณ์"), "\(all)")
        // The gap list's and the detail's boxes: every row keeps its vertical borders where the corners are.
        let boxes = ScreenColumns.verticalBorderViolations(gaps)
        #expect(boxes.checkedRows >= 20, "\(all)")
        #expect(boxes.thaiRows >= 10, "\(all)")
        #expect(boxes.violations.isEmpty, "\(boxes.violations)\n\(all)")
        try tmux.sendKeys("q")
        try await tmux.waitFor(text: "[exit 0]")
    }

    @Test("L switches the language live")
    func languageToggle() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, "--person \(Self.person)")
        try await tmux.waitFor(text: "ข้อมูลของฉัน", timeout: 20)
        try tmux.sendKeys("L")
        // The whole screen redrawn: the tabs and the function-key bar (drawn last) both in English.
        let english = try await tmux.waitFor(timeout: 10, "the English tabs and function keys") {
            text($0).contains("5 Me │ 6 Paths") && text($0).contains("Quit")
        }
        #expect(!text(english).contains("ข้อมูลของฉัน"), "\(text(english))")
        #expect(english.first?.contains("CareerPath ·") == true, "\(text(english))")
        try tmux.sendKeys("L")
        try await tmux.waitFor(text: "ข้อมูลของฉัน")
        try tmux.sendKeys("q")
        try await tmux.waitFor(text: "[exit 0]")
    }

    @Test("a 20×5 terminal says it is too small, and the screen recovers at 100×30")
    func resizeSmallAndBack() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, "--person \(Self.person) --lang en")
        try await tmux.waitFor(text: "5 Me │ 6 Paths", timeout: 20)
        try tmux.resize(width: 20, height: 5)
        let small = try await tmux.waitFor { text($0).contains("too small") && text($0).contains("20×5") }
        #expect(text(small).contains("80×24"), "\(text(small))")
        try tmux.resize(width: 100, height: 30)
        let back = try await tmux.waitFor { screen in
            screen.contains { $0.contains("5 Me │ 6 Paths") } && screen.contains { $0.contains("10Quit") || $0.contains("10 Quit") }
        }
        #expect(!text(back).contains("too small"), "\(text(back))")
        let boxes = ScreenColumns.verticalBorderViolations(back)
        #expect(boxes.checkedRows >= 20 && boxes.violations.isEmpty, "\(boxes.violations)\n\(text(back))")
        #expect(back.count >= 30 && back[29].contains("Quit"), "\(text(back))")
        try tmux.sendKeys("q")
        try await tmux.waitFor(text: "[exit 0]")
    }

    @Test("save and export a plan, quit with q: exit 0 and the terminal restored")
    func savePlanAndQuit() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        // The first run: no database, so the app makes it from the demo roster and says so.
        try FileManager.default.removeItem(atPath: database)
        try start(tmux, "--person \(Self.person)")
        try await tmux.waitFor(text: "ข้อมูลของฉัน", timeout: 20)
        // The first run's notice is on the status line, not hidden under the full screen.
        try await tmux.waitFor(text: "สร้างฐานข้อมูล", timeout: 10)
        _ = try await openDirectorGaps(tmux)
        try tmux.sendKeys("n")
        try await tmux.waitFor(text: "a ใช้แผนแนะนำ")
        try tmux.sendKeys("a")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "บันทึกแผนพัฒนาแล้ว")
        try tmux.sendKeys("e")
        // The export asks for the folder (the working folder first); Enter takes it.
        try await tmux.waitFor(text: "ส่งออกแผน (Markdown และ HTML พร้อมพิมพ์)")
        try tmux.sendKeys("Enter")
        let exported = folder + "/plan-\(Self.person)-\(Self.postID).md"
        try await tmux.waitFor(text: "ส่งออกแผนไปที่")
        let markdown = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(markdown.contains(Self.postTH), "\(markdown)")

        try tmux.sendKeys("q")
        let after = try await tmux.waitFor(text: "[exit 0]")
        // Back on the normal screen: no alternate screen, cursor visible, none of the app left over.
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.name, "#{alternate_on} #{cursor_flag}"]) == "0 1")
        #expect(!text(after).contains("10ออก") && !text(after).contains("บันทึกแผนพัฒนาแล้ว"), "\(text(after))")
        // In the command line's language: Thai, as the screen was.
        #expect(text(after).contains("จากรายชื่อตัวอย่างแล้ว"), "the first-run note on stderr: \(text(after))")
        // Closed on quit: the demo roster and the saved plan are in the database file itself (a copy of
        // it alone is a whole backup), not left in its write-ahead log.
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"), "the -wal file is left after quitting")

        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let steps = try TmuxSession.spawn(["/usr/bin/sqlite3", database, """
                SELECT COUNT(*) FROM plan_steps JOIN development_plans p ON p.id = plan_id
                WHERE p.person_id = '\(Self.person)' AND p.target = '\(Self.postID)'
                """])
            #expect((Int(steps) ?? 0) > 0, "saved steps: \(steps)")
            let audit = try TmuxSession.spawn(["/usr/bin/sqlite3", database,
                                               "SELECT action || ' ' || screen FROM audit_log WHERE subject = '\(Self.person)' ORDER BY id"])
            // One view: the store's read of the record (the screens after it read nothing, issue 16).
            #expect(audit.hasPrefix("view tui\n") && !audit.contains("view tui:") && audit.contains("save-plan tui:plan"), "\(audit)")
        }
    }

    @Test("Ctrl-C quits cleanly and restores the terminal")
    func controlC() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, "--person \(Self.person) --lang en")
        try await tmux.waitFor(text: "5 Me │ 6 Paths", timeout: 20)
        try tmux.sendKeys("C-c")
        let after = try await tmux.waitFor(text: "[exit ")
        #expect(text(after).contains("[exit 0]"), "\(text(after))")
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.name, "#{alternate_on}"]) == "0")
    }

    @Test("TERM=vt100 starts in English (no Thai font expected) and quits cleanly")
    func vt100() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, "--person \(Self.person)", term: "vt100")
        let screen = try await tmux.waitFor(text: "5 Me", timeout: 20)
        #expect(!text(screen).contains("ข้อมูลของฉัน"), "\(text(screen))")
        try tmux.sendKeys("q")
        try await tmux.waitFor(text: "[exit 0]")
    }

    @Test("NO_COLOR: attributes only, no colour sequences")
    func noColor() async throws {
        func styled(_ tmux: TmuxSession) throws -> String {
            try tmux.run(["capture-pane", "-p", "-e", "-t", tmux.name])
        }
        let coloured = TmuxSession()
        defer { coloured.stop() }
        try start(coloured, "--person \(Self.person) --lang en")
        try await coloured.waitFor(text: "5 Me │ 6 Paths", timeout: 20)
        let withColour = try styled(coloured)
        #expect(withColour.contains("38;5;") || withColour.contains("48;5;"), "\(withColour)")
        try coloured.sendKeys("q")
        try await coloured.waitFor(text: "[exit 0]")

        let plain = TmuxSession()
        defer { cleanUp(plain) }
        try start(plain, "--person \(Self.person) --lang en", environment: ["NO_COLOR": "1"])
        try await plain.waitFor(text: "5 Me │ 6 Paths", timeout: 20)
        let withoutColour = try styled(plain)
        #expect(!withoutColour.contains("38;5;") && !withoutColour.contains("48;5;"), "\(withoutColour)")
        #expect(withoutColour.contains("\u{1B}[7m") || withoutColour.contains(";7m"), "reverse video for bars: \(withoutColour)")
        try plain.sendKeys("q")
        try await plain.waitFor(text: "[exit 0]")
    }

    @Test("an unknown TERM is a clear error, in Thai by default, with exit 2")
    func unknownTerm() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, term: "no-such-terminal-xyz")
        let screen = try await tmux.waitFor(text: "[exit ", timeout: 20)
        #expect(text(screen).contains("[exit 2]"), "\(text(screen))")
        #expect(text(screen).contains("ไม่รู้จักชนิดเทอร์มินัล \"no-such-terminal-xyz\""), "\(text(screen))")
    }

    @Test("output that is not a terminal is a clear error, in English with --lang en, with exit 2")
    func notATerminal() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, "--lang en", redirect: "> '\(folder)/out.txt'")
        let screen = try await tmux.waitFor(text: "[exit ", timeout: 20)
        #expect(text(screen).contains("[exit 2]"), "\(text(screen))")
        #expect(text(screen).contains("careerpath needs a terminal"), "\(text(screen))")
    }

    @Test("render prints a screen as plain text without a terminal")
    func renderCommand() async throws {
        let output = try TmuxSession.spawn([TmuxSession.binary, "render", "--screen", "gaps", "--person", Self.person,
                                            "--target", Self.postID, "--size", "100x30", "--lang", "en",
                                            "--data", Self.dataFolder, "--database", database])
        let lines = output.components(separatedBy: "\n")
        #expect(lines.count == 30, "\(output)")
        #expect(output.contains("Target: Director, Provincial Public Relations Office"), "\(output)")
        let boxes = ScreenColumns.verticalBorderViolations(lines)
        #expect(boxes.checkedRows >= 20 && boxes.violations.isEmpty, "\(boxes.violations)\n\(output)")
    }
}

/// Reads a captured screen by display column (Thai marks take no column), the way the terminal shows it.
enum ScreenColumns {
    /// The characters of a line placed at their display columns (nil: the right half of a wide character or nothing).
    static func cells(_ line: String) -> [Character?] {
        var out: [Character?] = []
        for character in line {
            let scalars = character.unicodeScalars
            guard let base = scalars.first else { continue }
            let width = scalarWidth(base) + scalars.dropFirst().reduce(0) { $0 + scalarWidth($1) }
            if width == 0 { continue }
            out.append(character)
            if width == 2 { out.append(nil) }
        }
        return out
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let v = scalar.value
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
            return 2
        }
        return 1
    }

    static func isThai(_ line: String) -> Bool { line.unicodeScalars.contains { (0x0E01...0x0E5B).contains($0.value) } }

    /// For each box (a top-left corner to its top-right corner), every row down to its bottom
    /// corners must have a vertical border at both edges' columns.
    static func verticalBorderViolations(_ screen: [String]) -> (checkedRows: Int, thaiRows: Int, violations: [String]) {
        let grid = screen.map(cells)
        let topLeft: Set<Character> = ["┌", "┏"], topRight: Set<Character> = ["┐", "┓"]
        let bottom: Set<Character> = ["└", "┗", "┘", "┛"], vertical: Set<Character> = ["│", "┃"]
        var violations: [String] = []
        var checked = 0, thai = 0
        for (y, row) in grid.enumerated() {
            for (x, cell) in row.enumerated() where cell.map(topLeft.contains) == true {
                guard let right = (x + 1..<row.count).first(where: { row[$0].map(topRight.contains) == true }) else { continue }
                var line = y + 1
                while line < grid.count {
                    let cellsBelow = grid[line]
                    let left = x < cellsBelow.count ? cellsBelow[x] : nil
                    if let left, bottom.contains(left) { break }
                    checked += 1
                    if isThai(screen[line]) { thai += 1 }
                    for edge in [x, right] {
                        let c = edge < cellsBelow.count ? cellsBelow[edge] : nil
                        if c.map(vertical.contains) != true {
                            violations.append("row \(line) column \(edge): \(c.map { String($0) } ?? "nothing") in \(screen[line])")
                        }
                    }
                    line += 1
                }
            }
        }
        return (checked, thai, violations)
    }
}
