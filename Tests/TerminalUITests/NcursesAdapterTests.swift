#if canImport(Glibc)
import Glibc
#endif
import Testing
import TerminalUI
import TerminalNcurses

/// The ncurses adapter on a pseudo-terminal: runs headless (no real tty, no tmux).
@Suite("ncurses adapter on a pty", .serialized)
@MainActor
struct NcursesAdapterTests {
    init() {
        setenv("LC_ALL", "C.UTF-8", 1)
        unsetenv("NO_COLOR")
    }

    func open(_ pty: PseudoTerminal, term: String = "xterm-256color", mode: NcursesTerminal.Options.InputMode = .cbreak,
              timeout: Int32 = 50) throws(TerminalError) -> NcursesTerminal {
        try NcursesTerminal(.init(inputMode: mode, device: .fileDescriptors(input: pty.slave, output: pty.slave),
                                  terminalType: term, readTimeoutMilliseconds: timeout))
    }

    /// Job-line names as the Paths screen lists them (Thai, 6–24 characters).
    static let lineNames = ["นักทรัพยากรบุคคล", "นักวิเคราะห์นโยบายและแผน", "นิติกร", "นักวิชาการคอมพิวเตอร์",
                            "นักจัดการงานทั่วไป", "นักประชาสัมพันธ์", "นักวิชาการเงินและบัญชี", "เจ้าพนักงานธุรการ",
                            "นักวิชาการพัสดุ", "นักตรวจสอบภายใน"]

    func listScreen(selected: Int, highlightsRow: Bool = true, width: Int = 80, height: Int = 24) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let inner = grid.drawBox(grid.bounds, title: "สายงาน")
        let items = (0..<30).map { ListItem(Self.lineNames[$0 % Self.lineNames.count], trailing: "\($0 + 1)") }
        ListView(items: items, state: ListState(selected: selected), highlightsRow: highlightsRow)
            .render(in: inner, grid: &grid)
        return grid
    }

    @Test("an unknown TERM is a clear error, not an exit")
    func unknownTerm() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        do {
            _ = try open(pty, term: "no-such-terminal-xyz")
            Issue.record("opened an unknown terminal")
        } catch {
            #expect(error.kind == .unknownTerminalType)
            #expect(error.message.contains("no-such-terminal-xyz"))
            #expect(error.exitCode == 2)
        }
    }

    @Test("a pipe is not a terminal")
    func notATerminal() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(throws: TerminalError.self) {
            try NcursesTerminal(.init(device: .fileDescriptors(input: fds[0], output: fds[1]), terminalType: "xterm"))
        }
    }

    @Test("Thai and box characters go out as UTF-8, not the ACS charset")
    func writesThai() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty)
        defer { terminal.restore() }
        #expect(terminal.width == 80 && terminal.height == 24)
        #expect(terminal.capabilities.colors == .ansi256)
        #expect(terminal.capabilities.unicode)
        pty.drain()
        terminal.flush(listScreen(selected: 0), previous: nil)
        let output = String(decoding: pty.drain(), as: UTF8.self)
        #expect(output.contains("นักทรัพยากรบุคคล"))
        #expect(output.contains("┌"))
        #expect(!output.contains("lqqq"))
    }

    @Test("a cursor move in a list writes at most 200 bytes")
    func cursorMoveBytes() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty)
        defer { terminal.restore() }
        for highlightsRow in [true, false] {
            var previous = listScreen(selected: 0, highlightsRow: highlightsRow)
            terminal.flush(previous, previous: nil)
            let full = pty.drain().count
            var moves: [Int] = []
            for selected in 1..<12 {
                let grid = listScreen(selected: selected, highlightsRow: highlightsRow)
                terminal.flush(grid, previous: previous)
                previous = grid
                moves.append(pty.drain().count)
            }
            print("ncurses on a pty, 80x24, xterm-256color, \(highlightsRow ? "selection bar" : "marker only"): "
                  + "full paint \(full) bytes; one-row moves \(moves) bytes (max \(moves.max() ?? 0))")
            if highlightsRow { #expect(full > 1000) }   // the second pass starts from what ncurses shows
            #expect(moves.allSatisfy { $0 > 0 && $0 <= 200 }, "\(moves)")
            // The marker alone: two cells in the selection colour, a few dozen bytes.
            if !highlightsRow { #expect(moves.allSatisfy { $0 <= 80 }, "\(moves)") }
            // Nothing changed: next to nothing written.
            terminal.flush(previous, previous: previous)
            #expect(pty.drain().count < 16)
        }
    }

    @Test("keys decode from escape sequences, Thai and control bytes")
    func keys() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty, mode: .raw)
        defer { terminal.restore() }
        pty.drain()
        func key(_ bytes: String) -> KeyEvent? {
            pty.send(bytes)
            for _ in 0..<20 {
                if let key = terminal.readKey() { return key }
            }
            return nil
        }
        #expect(key("\u{1B}OA") == .up)
        #expect(key("\u{1B}OB") == .down)
        #expect(key("\u{1B}OP") == .function(1))
        #expect(key("\u{1B}[21~") == .function(10))
        #expect(key("\u{1B}[Z") == .backTab)
        #expect(key("\u{1B}[6~") == .pageDown)
        #expect(key("ก") == .char("ก"))
        #expect(key("\u{7F}") == .backspace)
        #expect(key("\u{3}") == .ctrl("c"))          // raw mode: Ctrl-C is a key, not SIGINT
        #expect(key("\u{1A}") == .ctrl("z"))
        #expect(key("\r") == .enter)
        #expect(key("\t") == .tab)
        #expect(key("\u{1B}") == .escape)
    }

    /// Types `bytes` and reads every input event they make (until three reads in a row time out).
    static func inputs(_ bytes: String, _ pty: PseudoTerminal, _ terminal: NcursesTerminal) -> [InputEvent] {
        pty.send(bytes)
        var out: [InputEvent] = []
        var idle = 0
        while idle < 3 {
            if let event = terminal.readInput() { out.append(event); idle = 0 } else { idle += 1 }
        }
        return out
    }

    @Test("an escape sequence the TERM lacks is read whole: decoded or dropped, never typed (issue 15, item 11)")
    func unknownSequences() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty, term: "vt100", mode: .raw)
        defer { terminal.restore() }
        pty.drain()
        func inputs(_ bytes: String) -> [InputEvent] { Self.inputs(bytes, pty, terminal) }
        // vt100's terminfo has no End, no F10 and no SGR mouse: the parser decodes them.
        #expect(inputs("\u{1B}[4~a") == [.key(.end), .key(.char("a"))])
        #expect(inputs("\u{1B}[21~") == [.key(.function(10))])
        #expect(inputs("\u{1B}[99;7~b") == [.key(.char("b"))])
        #expect(inputs("\u{1B}[<0;10;5M\u{1B}[<0;10;5m") == [.mouse(MouseEvent(.press(1), x: 9, y: 4)),
                                                             .mouse(MouseEvent(.release, x: 9, y: 4))])
        // Esc alone still arrives after the escape delay; Esc then a letter is both.
        #expect(inputs("\u{1B}") == [.key(.escape)])
        #expect(inputs("\u{1B}x") == [.key(.escape), .key(.char("x"))])
        #expect(inputs("\u{1B}OA") == [.key(.up)])
    }

    @Test("with mouse on, ncurses' own mouse reports arrive as mouse events and it is turned off at the end")
    func mouse() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try NcursesTerminal(.init(inputMode: .raw, device: .fileDescriptors(input: pty.slave, output: pty.slave),
                                                 terminalType: "xterm-256color", readTimeoutMilliseconds: 50, mouse: true))
        #expect(terminal.mouseEnabled)
        terminal.flush(CellGrid(width: 80, height: 24), previous: nil)
        let start = String(decoding: pty.drain(), as: UTF8.self)
        #expect(start.contains("1000h"), "\(start.debugDescription)")     // ESC [?1006;1000h: SGR reports
        func inputs(_ bytes: String) -> [InputEvent] { Self.inputs(bytes, pty, terminal) }
        #expect(inputs("\u{1B}[<0;10;5M").first == .mouse(MouseEvent(.press(1), x: 9, y: 4)))
        #expect(inputs("\u{1B}[<65;3;7M").first == .mouse(MouseEvent(.scrollDown, x: 2, y: 6)))
        #expect(inputs("\u{1B}[<64;3;7M").first == .mouse(MouseEvent(.scrollUp, x: 2, y: 6)))
        terminal.restore()
        let end = String(decoding: pty.drain(), as: UTF8.self)
        #expect(end.contains("1000l"), "\(end.debugDescription)")
    }

    @Test("a size change is noticed on the read timeout and ncurses is resized")
    func resize() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty)
        defer { terminal.restore() }
        pty.resize(width: 100, height: 30)
        var sawResize = false
        for _ in 0..<20 where !sawResize {
            sawResize = terminal.readKey() == .resize
        }
        #expect(sawResize)
        #expect(terminal.width == 100 && terminal.height == 30)
        pty.resize(width: 1, height: 1)
        for _ in 0..<20 where terminal.width != 1 { _ = terminal.readKey() }
        terminal.flush(CellGrid(width: 1, height: 1), previous: nil)    // no crash at 1×1
        terminal.flush(listScreen(selected: 0), previous: nil)        // larger grid: clipped
        #expect(terminal.width == 1 && terminal.height == 1)
    }

    @Test("vt100 has no colour: roles become attributes")
    func vt100() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty, term: "vt100")
        defer { terminal.restore() }
        #expect(terminal.capabilities.colors == .monochrome)
        #expect(!terminal.capabilities.canShowThai)
        pty.drain()
        var grid = CellGrid(width: 80, height: 24)
        grid.put(text: "selected", x: 0, y: 0, style: .selection)
        terminal.flush(grid, previous: nil)
        let output = String(decoding: pty.drain(), as: UTF8.self)
        #expect(output.contains("7m"))             // reverse (ESC [0;7m on vt100)
        #expect(!output.contains("\u{1B}[3"))      // no colour sequences
    }

    @Test("NO_COLOR switches colour off on a colour terminal")
    func noColor() throws {
        setenv("NO_COLOR", "1", 1)
        defer { unsetenv("NO_COLOR") }
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty)
        defer { terminal.restore() }
        #expect(terminal.capabilities.colors == .monochrome)
    }

    @Test("SIGTERM is recorded and the terminal restored; restore is idempotent")
    func signalAndRestore() throws {
        let pty = try PseudoTerminal(width: 80, height: 24)
        let terminal = try open(pty)
        terminal.flush(listScreen(selected: 0), previous: nil)
        pty.drain()
        kill(getpid(), SIGTERM)
        var waited = 0
        while terminal.pendingSignal == nil && waited < 40 {
            _ = terminal.readKey()
            waited += 1
        }
        #expect(terminal.pendingSignal == SIGTERM)
        terminal.restore()
        #expect(!terminal.isOpen)
        let output = String(decoding: pty.drain(), as: UTF8.self)
        #expect(output.contains("\u{1B}[?1049l"))   // left the alternate screen
        terminal.restore()
        // A second terminal can open after the first is restored.
        let again = try open(pty)
        again.restore()
    }
}
