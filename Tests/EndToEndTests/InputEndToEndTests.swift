import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `careerpath` in tmux, fed what a terminal sends (issue 15, items 3, 11, 14): `q` on
/// the first screen, an escape sequence the TERM does not know, and mouse reports as the
/// terminal encodes them (tmux passes bytes written with `send-keys -H` to the program as input).
@Suite(.serialized)
struct InputEndToEndTests {
    let folder: String
    var database: String { folder + "/records.sqlite" }
    static var dataFolder: String { TmuxSession.packageRoot.appendingPathComponent("Data").path }

    init() throws {
        folder = NSTemporaryDirectory() + "cp-input-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try DemoDatabase.copy(DemoDatabase.template, to: database)
    }

    func start(_ tmux: TmuxSession, _ arguments: String = "--lang en", term: String = "tmux-256color") async throws {
        let command = "unset NO_COLOR; cd '\(folder)' && '\(TmuxSession.binary)' --data '\(Self.dataFolder)' --database '\(database)' \(arguments)"
        try tmux.start(command, width: 100, height: 30, term: term)
        try await tmux.waitFor(text: "Filter:", timeout: 20)
    }

    func cleanUp(_ tmux: TmuxSession) {
        tmux.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes raw bytes into the pane's input, as the terminal would.
    func sendBytes(_ tmux: TmuxSession, _ text: String) throws {
        _ = try tmux.run(["send-keys", "-t", tmux.name, "-H"] + text.utf8.map { String(format: "%02x", $0) })
    }

    func filterRow(_ screen: [String]) -> String { screen.first { $0.contains("Filter:") } ?? "" }

    @Test("q quits from the first screen, as README and help say; after / it is typed into the filter")
    func quitFromPicker() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try await start(tmux)
        // A notice may hold the status line (the first run's does), so the filter's hint is not the signal that
        // "/" arrived: the q showing in the filter is (had "/" been lost, q would have quit).
        try tmux.sendKeys("/")
        try tmux.sendKeys("q")
        let typed = try await tmux.waitFor { self.filterRow($0).contains("Filter: q") }
        #expect(filterRow(typed).contains("Filter: q"), "\(typed.joined(separator: "\n"))")
        try tmux.sendKeys("Escape")
        let list = try await tmux.waitFor(text: "/ filters")
        #expect(list.joined().contains("/ filters"), "\(list.joined(separator: "\n"))")
        try tmux.sendKeys("q")
        let exit = try await tmux.waitFor(text: "[exit 0]")
        #expect(exit.joined().contains("[exit 0]"), "\(exit.joined(separator: "\n"))")
    }

    @Test("End sent as ESC [4~ under a TERM without it leaves no ~ in the filter")
    func unknownSequenceInFilter() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        // vt100's terminfo has no kend: ncurses hands the sequence over undecoded.
        try await start(tmux, term: "vt100")
        try tmux.sendKeys("/")
        try tmux.sendLiteral("so")
        try await tmux.waitFor { self.filterRow($0).contains("Filter: so") }
        try sendBytes(tmux, "\u{1B}[4~\u{1B}[99~\u{1B}[1;2Q")
        try tmux.sendLiteral("m")
        let screen = try await tmux.waitFor { self.filterRow($0).contains("Filter: som") }
        #expect(filterRow(screen).contains("Filter: som"), "\(screen.joined(separator: "\n"))")
        #expect(!filterRow(screen).contains("~"), "\(filterRow(screen))")
        #expect(!filterRow(screen).contains("["), "\(filterRow(screen))")
        try tmux.sendKeys("F10")
        try await tmux.waitFor(text: "[exit 0]")
    }

    @Test("a click (X10 under tmux-256color, SGR under xterm-256color) selects a row, a tab, a function key")
    func mouseClicks() async throws {
        for term in ["tmux-256color", "xterm-256color"] {
            let tmux = TmuxSession()
            defer { tmux.stop() }
            try await start(tmux, term: term)
            func click(x: Int, y: Int) throws {
                if term == "xterm-256color" {
                    try sendBytes(tmux, "\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
                } else {
                    let b = { (n: Int) in String(UnicodeScalar(UInt8(n))) }
                    try sendBytes(tmux, "\u{1B}[M" + b(32) + b(x + 33) + b(y + 33) + "\u{1B}[M" + b(35) + b(x + 33) + b(y + 33))
                }
            }
            let screen = try await tmux.waitFor { $0.count > 8 && $0[5].contains("P0") }
            // The fourth person's row: a click moves the selection marker there.
            let row = 7
            let id = try #require(screen[row].split(separator: " ").first { $0.hasPrefix("P0") }.map(String.init), "\(screen)")
            try click(x: 20, y: row)
            let selected = try await tmux.waitFor { s in s.count > row && s[row].contains("▶ " + id) }
            #expect(selected[row].contains("▶ " + id), "\(term): \(selected.joined(separator: "\n"))")
            // The same row again opens the person (their id at the end of the status line).
            try click(x: 20, y: row)
            let opened = try await tmux.waitFor { s in s.contains { $0.hasSuffix(id) } }
            #expect(opened.contains { $0.hasSuffix(id) }, "\(term): \(opened.joined(separator: "\n"))")
            // The "9 Catalog" tab.
            let tabs = try tmux.capture()[1]
            let x = try #require(tabs.range(of: "9 Catalog").map { tabs.distance(from: tabs.startIndex, to: $0.lowerBound) + 2 })
            try click(x: x, y: 1)
            let catalog = try await tmux.waitFor(text: "Competency dictionaries")
            #expect(catalog.joined().contains("Competency dictionaries"), "\(term): \(catalog.joined(separator: "\n"))")
            // 10Quit on the function-key bar (the last tenth of the row).
            try click(x: 92, y: 29)     // X10 encodes a column past 94 as a byte above 127: stay left of it
            let exit = try await tmux.waitFor(text: "[exit 0]")
            #expect(exit.joined().contains("[exit 0]"), "\(term): \(exit.joined(separator: "\n"))")
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
