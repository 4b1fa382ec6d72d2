#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TerminalUI

/// Why the terminal could not be opened; the caller prints `message` and exits with `exitCode` (2).
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Standard input or output is not a terminal (a pipe, a file, cron).
        case notATerminal
        /// TERM is unset or empty.
        case noTerminalType
        /// terminfo has no entry for TERM (newterm returned NULL).
        case unknownTerminalType
        /// Another NcursesTerminal is open in this process.
        case alreadyActive
        /// A system call failed (dup, fdopen, openpty).
        case system
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The exit code the command line uses for an unusable terminal.
    public var exitCode: Int32 { 2 }
    public var description: String { message }
}

/// The only code that calls ncurses: opens the terminal, reads keys as `KeyEvent`s, writes
/// the cells that changed between two `CellGrid`s, and always gives the terminal back.
///
/// Usage:
/// ```
/// try NcursesTerminal.run(.init(inputMode: .cbreak)) { terminal in
///     var previous: CellGrid? = nil
///     while terminal.pendingSignal == nil {
///         let grid = render(state, width: terminal.width, height: terminal.height)
///         terminal.flush(grid, previous: previous)
///         previous = grid
///         if let key = terminal.readKey() { update(&state, key) }
///     }
/// }
/// ```
@MainActor
public final class NcursesTerminal {
    /// How the terminal is opened.
    public struct Options: Sendable {
        public enum InputMode: Sendable, Hashable {
            /// Ctrl-C raises SIGINT and Ctrl-\ SIGQUIT (recorded, then the app restores and exits).
            case cbreak
            /// Ctrl-C, Ctrl-Z, Ctrl-\ arrive as keys (the kiosk).
            case raw
        }

        public enum Device: Sendable, Hashable {
            /// Standard input and output; both must be terminals.
            case standardStreams
            /// Other descriptors (a pseudo-terminal in tests and the bench).
            case fileDescriptors(input: Int32, output: Int32)
        }

        public var inputMode: InputMode
        public var device: Device
        /// Overrides TERM (tests); nil reads TERM from the environment.
        public var terminalType: String?
        /// How long `readKey` waits before returning nil (and checking the size).
        public var readTimeoutMilliseconds: Int32
        /// How long after Esc ncurses waits for the rest of an escape sequence.
        public var escapeDelayMilliseconds: Int32
        /// Kiosk: SIGINT, SIGQUIT and SIGTSTP are ignored; only SIGTERM and SIGHUP are recorded.
        public var kioskSignals: Bool
        /// Ask the terminal for clicks and the wheel (`--no-mouse` turns it off: the terminal's
        /// own selection then works without Shift).
        public var mouse: Bool

        public init(inputMode: InputMode = .cbreak, device: Device = .standardStreams, terminalType: String? = nil,
                    readTimeoutMilliseconds: Int32 = 200, escapeDelayMilliseconds: Int32 = 25, kioskSignals: Bool = false,
                    mouse: Bool = false) {
            self.inputMode = inputMode
            self.device = device
            self.terminalType = terminalType
            self.readTimeoutMilliseconds = readTimeoutMilliseconds
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.kioskSignals = kioskSignals
            self.mouse = mouse
        }
    }

    /// What the terminal can show, decided at start from terminfo, the locale and NO_COLOR.
    public let capabilities: TerminalCapabilities

    private static var isActive = false
    private var screen: OpaquePointer?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private let outputDescriptor: Int32
    private var options: Options
    private let mapping: StyleMapping
    private let defaultColors: Bool
    private let maxColorPairs: Int
    /// Styles seen so far with their attributes and colour pair, and the last one looked up
    /// (neighbouring cells mostly share a style). A short list rather than dictionaries keyed
    /// by `Style` and by colours: a screen uses a dozen or two styles, and each dictionary cost
    /// the first paint a runtime conformance lookup over the whole binary (~0.1 ms).
    private var styles: [(style: Style, attributes: attr_t, pair: Int16)] = []
    private var lastStyle = 0
    /// Colour pairs made so far: pair number n is `pairKeys[n - 1]` (foreground << 16 | background).
    private var pairKeys: [Int32] = []
    private let characterLimit = Int(cp_ccharw_max())
    private var signalNumbers: [Int32] = []
    /// A signal that arrived and has not been acted on (SIGTERM, SIGINT, SIGQUIT, SIGHUP).
    public private(set) var pendingSignal: Int32?
    /// Codes to read again before asking ncurses (the key after Esc for Alt+key, a byte that
    /// broke an escape sequence), and a key that ended a sequence early.
    private var replay: [UInt32] = []
    private var pendingEvent: InputEvent?
    /// Whether the terminal reports the mouse (asked for and the terminfo entry knows how).
    public private(set) var mouseEnabled = false

    /// Opens the terminal. Errors: no tty, no or unknown TERM, another terminal already open.
    public init(_ options: Options = Options()) throws(TerminalError) {
        guard !Self.isActive else {
            throw TerminalError(.alreadyActive, "the terminal is already open in this process")
        }
        let input: Int32
        let output: Int32
        switch options.device {
        case .standardStreams:
            input = STDIN_FILENO
            output = STDOUT_FILENO
        case .fileDescriptors(let i, let o):
            input = i
            output = o
        }
        guard isatty(input) == 1, isatty(output) == 1 else {
            throw TerminalError(.notATerminal,
                "careerpath needs a terminal: standard input or output is not a tty. "
                + "Run it in a terminal, or use `careerpath render --screen NAME --size 80x24` for plain text.")
        }
        let termName = options.terminalType ?? Self.environmentValue("TERM") ?? ""
        guard !termName.isEmpty else {
            throw TerminalError(.noTerminalType, "TERM is not set: set it to your terminal type, e.g. TERM=xterm-256color")
        }

        setlocale(LC_ALL, "")
        var saved = termios()
        tcgetattr(output, &saved)

        let outDup = dup(output)
        let inDup = dup(input)
        guard outDup >= 0, inDup >= 0,
              let outFile = fdopen(outDup, "w"), let inFile = fdopen(inDup, "r") else {
            if outDup >= 0 { close(outDup) }
            if inDup >= 0 { close(inDup) }
            throw TerminalError(.system, "cannot open the terminal: \(String(cString: strerror(errno)))")
        }
        // Our handlers go in before newterm: ncurses only installs its own where none is set.
        let recorded: [Int32] = options.kioskSignals ? [SIGTERM, SIGHUP] : [SIGTERM, SIGINT, SIGQUIT, SIGHUP]
        for sig in recorded { Self.recordSignal(sig) }
        Self.restoreOnCrash(true)
        if options.kioskSignals {
            for sig in [SIGINT, SIGQUIT, SIGTSTP] { signal(sig, SIG_IGN) }
        }
        guard let screen = newterm(termName, outFile, inFile) else {
            fclose(outFile)
            fclose(inFile)
            for sig in recorded { signal(sig, SIG_DFL) }
            Self.restoreOnCrash(false)
            throw TerminalError(.unknownTerminalType,
                "unknown terminal type \"\(termName)\" (TERM): no terminfo entry. Try TERM=xterm-256color or TERM=vt100.")
        }
        _ = set_term(screen)
        Self.isActive = true
        self.screen = screen
        self.outputFile = outFile
        self.inputFile = inFile
        self.outputDescriptor = output
        self.options = options
        self.signalNumbers = recorded

        switch options.inputMode {
        case .cbreak: cbreak()
        case .raw: raw()
        }
        noecho()
        nonl()
        keypad(cp_stdscr(), true)
        set_escdelay(options.escapeDelayMilliseconds)
        wtimeout(cp_stdscr(), options.readTimeoutMilliseconds)
        curs_set(0)
        if options.mouse {
            let mask = cp_button1_pressed() | cp_button1_released() | cp_button1_clicked() | cp_button3_pressed()
                | cp_button4_pressed() | cp_button5_pressed()
            // Presses come at once rather than after a click-detection wait.
            mouseinterval(0)
            mouseEnabled = mousemask(mask, nil) != 0
        }
        // The cursor is hidden: do not spend bytes moving it back after each update.
        leaveok(cp_stdscr(), true)

        var environment: [String: String] = [:]
        for key in TerminalCapabilities.environmentNames where key != "TERM" {
            if let value = Self.environmentValue(key) { environment[key] = value }
        }
        environment["TERM"] = termName
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var useDefault = false
        if has_colors() && !noColor {
            start_color()
            useDefault = use_default_colors() == OK
        }
        var detected = TerminalCapabilities.detect(environment: environment, hasColors: has_colors() && !noColor,
                                                   terminalColors: Int(cp_colors()))
        // The locale actually in force decides whether UTF-8 goes out.
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        detected.unicode = codeset == "UTF-8"
        if !detected.unicode { detected.canShowThai = false }
        self.capabilities = detected
        self.mapping = detected.styleMapping
        self.defaultColors = useDefault
        self.maxColorPairs = Int(cp_color_pairs())
        cp_arm_emergency_restore(output, &saved)
    }

    isolated deinit {
        restore()
    }

    /// Opens the terminal, runs `body`, and restores the terminal however `body` ends.
    public static func run<T>(_ options: Options = Options(), _ body: (NcursesTerminal) throws -> T) throws -> T {
        let terminal = try NcursesTerminal(options)
        defer { terminal.restore() }
        return try body(terminal)
    }

    /// Gives the terminal back (endwin) and removes the signal handlers. Safe to call twice.
    public func restore() {
        guard let screen else { return }
        if mouseEnabled {
            mousemask(0, nil)
            mouseEnabled = false
        }
        endwin()
        delscreen(screen)
        self.screen = nil
        if let outputFile { fclose(outputFile) }
        if let inputFile { fclose(inputFile) }
        outputFile = nil
        inputFile = nil
        cp_disarm_emergency_restore()
        for sig in signalNumbers { signal(sig, SIG_DFL) }
        Self.restoreOnCrash(false)
        if options.kioskSignals {
            for sig in [SIGINT, SIGQUIT, SIGTSTP] { signal(sig, SIG_DFL) }
        }
        Self.isActive = false
    }

    /// Whether the terminal is still open.
    public var isOpen: Bool { screen != nil }

    /// Columns, as ncurses knows them (updated on resize).
    public var width: Int { screen == nil ? 0 : Int(getmaxx(cp_stdscr())) }
    /// Rows, as ncurses knows them.
    public var height: Int { screen == nil ? 0 : Int(getmaxy(cp_stdscr())) }

    /// How long `readInput` waits for a key, in milliseconds (the options' value until changed): the
    /// program loop reads in short steps while an effect's answer is awaited.
    public var readTimeoutMilliseconds: Int32 {
        get { options.readTimeoutMilliseconds }
        set {
            guard newValue != options.readTimeoutMilliseconds else { return }
            options.readTimeoutMilliseconds = newValue
            if screen != nil { wtimeout(cp_stdscr(), newValue) }
        }
    }

    /// Waits up to the read timeout for a key. Returns nil on timeout, on an undecodable key,
    /// and when a signal arrived (see `pendingSignal`). After a timeout it compares the real
    /// size with ncurses' and reports `.resize` when they differ (KEY_RESIZE can come late).
    public func readKey() -> KeyEvent? {
        guard case .key(let key)? = readInput() else { return nil }
        return key
    }

    /// As `readKey`, with mouse events too (when `Options.mouse` asked for them). An escape
    /// sequence ncurses did not know is read whole (`EscapeSequenceParser`): decoded when it is
    /// a common form (End as ESC [4~ under another TERM), else dropped, never typed as text.
    public func readInput() -> InputEvent? {
        guard screen != nil else { return nil }
        if let event = pendingEvent {
            pendingEvent = nil
            return event
        }
        let code: UInt32
        if !replay.isEmpty {
            code = replay.removeFirst()
        } else {
            switch next(timeout: nil) {
            case .code(let c): code = c
            case .key(let event): return event
            case .none: return checkSize() ? .key(.resize) : nil
            }
        }
        guard code == 0x1B else { return KeyEvent.fromCharacterCode(code).map(InputEvent.key) }
        var parser = EscapeSequenceParser()
        while true {
            let step: EscapeSequenceParser.Step
            if !replay.isEmpty {
                step = parser.feed(replay.removeFirst())
            } else {
                switch next(timeout: options.escapeDelayMilliseconds) {
                case .code(let c): step = parser.feed(c)
                case .key(let event):
                    // A key ncurses decoded came before the sequence ended: the sequence is over.
                    pendingEvent = event
                    step = parser.timedOut()
                case .none: step = parser.timedOut()
                }
            }
            if case .done(let event, let again) = step {
                replay.insert(contentsOf: again, at: 0)
                return event
            }
        }
    }

    private enum Read { case code(UInt32), key(InputEvent?), none }

    /// One read from ncurses: a character code, a key or mouse event it decoded, or nothing
    /// within the timeout (nil: the read timeout).
    private func next(timeout: Int32?) -> Read {
        if let timeout { wtimeout(cp_stdscr(), timeout) }
        defer { if timeout != nil { wtimeout(cp_stdscr(), options.readTimeoutMilliseconds) } }
        var code: wint_t = 0
        let result = wget_wch(cp_stdscr(), &code)
        let sig = cp_take_pending_signal()
        if sig != 0 { pendingSignal = sig }
        switch result {
        case OK:
            return .code(UInt32(code))
        case KEY_CODE_YES:
            let keyCode = Int32(bitPattern: UInt32(code))
            if keyCode == KEY_MOUSE { return .key(readMouse()) }
            return .key(Self.functionKey(keyCode).map(InputEvent.key))
        default:
            return .none
        }
    }

    /// The mouse event ncurses queued (KEY_MOUSE), in the app's terms.
    private func readMouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        let state = event.bstate
        if state & cp_button4_pressed() != 0 { return .mouse(MouseEvent(.scrollUp, x: x, y: y)) }
        if state & cp_button5_pressed() != 0 { return .mouse(MouseEvent(.scrollDown, x: x, y: y)) }
        if state & (cp_button1_pressed() | cp_button1_clicked()) != 0 { return .mouse(MouseEvent(.press(1), x: x, y: y)) }
        if state & cp_button3_pressed() != 0 { return .mouse(MouseEvent(.press(3), x: x, y: y)) }
        if state & cp_button1_released() != 0 { return .mouse(MouseEvent(.release, x: x, y: y)) }
        return nil
    }

    /// Writes the cells of `grid` that differ from `previous` (all of them when `previous` is
    /// nil or another size), then updates the screen once.
    public func flush(_ grid: CellGrid, previous: CellGrid?) {
        guard screen != nil else { return }
        let window = cp_stdscr()
        let rows = Int(getmaxy(window))
        let columns = Int(getmaxx(window))
        var characters = [wchar_t](repeating: 0, count: characterLimit + 1)
        for run in grid.diff(from: previous) where run.y < rows {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation || x + Int(cell.width) > columns { continue }
                var count = 0
                for scalar in cell.text.unicodeScalars where count < characterLimit {
                    characters[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
                if count == 0 { characters[0] = 0x20; count = 1 }
                characters[count] = 0
                let (attributes, pair) = attributes(for: cell.style)
                var complex = cchar_t()
                setcchar(&complex, characters, attributes, pair, nil)
                mvwadd_wch(window, Int32(run.y), Int32(x), &complex)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next update repaint the whole screen (Ctrl-L, or after another program wrote).
    public func redrawAll() {
        guard screen != nil else { return }
        clearok(cp_stdscr(), true)
    }

    // MARK: - Private

    private func checkSize() -> Bool {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard cp_tty_size(outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0 else { return false }
        if rows != getmaxy(cp_stdscr()) || columns != getmaxx(cp_stdscr()) {
            resizeterm(rows, columns)
            return true
        }
        return false
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        if lastStyle < styles.count, styles[lastStyle].style == style {
            return (styles[lastStyle].attributes, styles[lastStyle].pair)
        }
        if let known = styles.firstIndex(where: { $0.style == style }) {
            lastStyle = known
            return (styles[known].attributes, styles[known].pair)
        }
        let mapped = mapping.attributes(for: style)
        var attributes = cp_a_normal()
        if mapped.bold { attributes |= cp_a_bold() }
        if mapped.reverse { attributes |= cp_a_reverse() }
        if mapped.underline { attributes |= cp_a_underline() }
        if mapped.dim { attributes |= cp_a_dim() }
        var pair: Int16 = 0
        if let foreground = mapped.foreground, let background = mapped.background {
            pair = colorPair(foreground: foreground, background: background)
        }
        styles.append((style, attributes, pair))
        lastStyle = styles.count - 1
        return (attributes, pair)
    }

    private func colorPair(foreground: Int16, background: Int16) -> Int16 {
        var fg = foreground
        var bg = background
        if !defaultColors {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        if fg < 0 && bg < 0 { return 0 }
        let key = Int32(fg) << 16 | Int32(UInt16(bitPattern: bg))
        if let known = pairKeys.firstIndex(of: key) { return Int16(known + 1) }
        let next = pairKeys.count + 1
        guard next < min(maxColorPairs, Int(Int16.max)) else { return 0 }
        init_pair(Int16(next), fg, bg)
        pairKeys.append(key)
        return Int16(next)
    }

    private static func functionKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            let f0 = cp_key_f(0)
            if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }

    /// Installs the recording handler (no SA_RESTART, so a blocked read returns) and unblocks
    /// the signal for this thread: test runners may start the process with signals blocked.
    private static func recordSignal(_ sig: Int32) {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { cp_record_signal($0) }
        #else
        action.__sigaction_u.__sa_handler = { cp_record_signal($0) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(sig, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signals of a crash (a bad pointer, `fatalError` and failed preconditions, abort).
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// With `on`, a crash gives the terminal back before the process dies: the handler restores
    /// the tty settings and the screen (`cp_emergency_restore`: write and tcsetattr, both
    /// async-signal-safe), puts back what handled the signal before (the Swift runtime's
    /// backtracer, or the default: a core dump) and raises the signal again for it. Without
    /// `on`, those earlier handlers are put back.
    private static func restoreOnCrash(_ on: Bool) {
        for sig in fatalSignals {
            if on {
                var action = sigaction()
                #if os(Linux)
                action.__sigaction_handler.sa_handler = { sig in
                    cp_emergency_restore()
                    sigaction(sig, previousCrashActions + Int(sig), nil)
                    raise(sig)
                }
                #else
                action.__sigaction_u.__sa_handler = { sig in
                    cp_emergency_restore()
                    sigaction(sig, previousCrashActions + Int(sig), nil)
                    raise(sig)
                }
                #endif
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                sigaction(sig, &action, previousCrashActions + Int(sig))
            } else {
                sigaction(sig, previousCrashActions + Int(sig), nil)
            }
        }
    }

    private static func environmentValue(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}

/// What handled each crash signal before the terminal was opened, by signal number (a fixed
/// block, so the crash handler reads it without allocating or taking a lock).
private nonisolated(unsafe) let previousCrashActions: UnsafeMutablePointer<sigaction> = {
    let block = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    block.initialize(repeating: sigaction(), count: 65)
    return block
}()
