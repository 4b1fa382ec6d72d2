import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `careerpath kiosk` in tmux at 80×24: sign-in, idle wipe, keys that never leave, lockout across
/// restarts, no PIN in the database, no way to another person's record, vt100 and the Linux console
/// (a supervisor's split pane: `KioskSupervisorEndToEndTests`).
/// Each test has its own copy of a database made once from Data/demo with a PIN set by `accounts set-pin --stdin`.
/// One test at a time although each has its own folder: the `--idle 2` test must see the signed-in
/// screen before the idle period ends, and with several kiosks running beside it on two loaded
/// cores it missed it. The supervisor suite's one kiosk runs beside this suite's.
@Suite(.serialized)
struct KioskEndToEndTests: KioskTestFolder {
    /// A K3 public relations officer with no subordinates (role: person).
    static let person = "P000292"
    static let nameEN = "Suklom Maneesommutsakun"
    static let nameTH = "สุขลม มณีสมมุติสกุล"
    /// Someone else in the roster, never to appear on the person's screens.
    static let otherEN = "Thongkaeo Chansommutphan"
    static let otherTH = "ทองแก้ว จันทร์สมมุติพันธ์"
    /// Digits that appear nowhere else in the demo database.
    static let pin = "907153"
    static let operatorPIN = "86420"
    /// PINs are hashed and checked at a test's cost (a debug build honours it, a release build
    /// never: `PINCost`), so no sign-in here spends a full-strength derivation.
    static let pinCost = "CAREERPATH_TEST_PIN_ITERATIONS=1000"

    /// The idle warning's window in the tests that wait for it: long enough that a loaded machine's
    /// slow screen captures still see it (a 2-second window was missed under a load of 20 on 2 cores),
    /// short enough that no test waits 12 s (issue 16, item 7); the wipe still has to follow.
    static let idleWarning = 4

    let folder: String
    static var dataFolder: String { TmuxSession.packageRoot.appendingPathComponent("Data").path }

    init() throws { folder = try Self.makeFolder() }

    /// The demo database with the person's PIN set (`accounts set-pin --stdin`).
    static let template = DemoDatabase.make("kiosk.sqlite") { path in
        let bin = TmuxSession.binary
        return "'\(bin)' people --data '\(dataFolder)' --database '\(path)' >/dev/null 2>&1 && "
            + "echo \(pin) | \(pinCost) '\(bin)' accounts set-pin --person \(person) --stdin --database '\(path)'"
    }

    /// The operator PIN's hash file (`kiosk --hash-operator-pin`).
    static let operatorPINFile = DemoDatabase.make("kiosk-operator-pin") { path in
        "echo \(operatorPIN) | \(pinCost) '\(TmuxSession.binary)' kiosk --hash-operator-pin > '\(path)'"
    }

    @discardableResult
    static func shell(_ command: String) throws -> String {
        try TmuxSession.spawn(["/bin/sh", "-c", command])
    }

    /// A folder of its own with a copy of the template database and the operator PIN file.
    static func makeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "cp-kiosk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The database from the demo roster with the person's PIN, and the operator PIN's hash file:
        // made once per run, copied for each test.
        try DemoDatabase.copy(Self.template, to: folder + "/records.sqlite")
        try FileManager.default.copyItem(atPath: try Self.operatorPINFile.get(), toPath: folder + "/kiosk-operator-pin")
        return folder
    }

    // MARK: Tests

    @Test("sign in and view the own record; o signs out and the name leaves the screen; audit rows written")
    func signInAndView() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux)
        try await tmux.waitFor(text: "Employee ID:", timeout: 20)
        try signIn(tmux)
        let session = try await tmux.waitFor(text: Self.nameEN)
        #expect(text(session).contains(Self.person), "\(text(session))")
        #expect(text(session).contains("Sign out"), "\(text(session))")
        #expect(!text(session).contains(Self.pin))
        try tmux.sendKeys("o")
        let out = try await tmux.waitFor(text: "Signed out")
        #expect(!text(out).contains(Self.nameEN), "\(text(out))")
        let actions = try sql("SELECT action FROM audit_log WHERE actor = '\(Self.person)' ORDER BY id")
        #expect(actions.contains("sign-in"), "\(actions)")
        #expect(actions.contains("sign-out"), "\(actions)")
        #expect(try sql("SELECT COUNT(*) FROM audit_log WHERE subject = '\(Self.person)' AND action = 'view'") != "0")
    }

    @Test("with --idle 2 and an idle warning: a warning, then the sign-in screen with nothing of the person left")
    func idleWipe() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux, "--lang en --idle 2 --idle-warning \(Self.idleWarning)")
        try await tmux.waitFor(text: "Employee ID:", timeout: 20)
        try signIn(tmux)
        try await tmux.waitFor(text: Self.nameEN)
        // Into the person's data: Paths lists their targets.
        try tmux.sendKeys("t")
        let warning = try await tmux.waitFor(text: "Still there?", timeout: 20)
        #expect(text(warning).contains("Signing out and clearing the screen in"), "\(text(warning))")
        let wiped = try await tmux.waitFor(text: "Signed out after a time without keys", timeout: Double(Self.idleWarning) + 20)
        let all = text(wiped)
        for trace in [Self.nameEN, Self.nameTH, Self.person, "Suklom", "K3", "radio-thailand-world-service-group"] {
            #expect(!all.contains(trace), "\(trace) left on screen:\n\(all)")
        }
        #expect(all.contains("Employee ID:"))
        let timeouts = try sql("SELECT COUNT(*) FROM audit_log WHERE actor = '\(Self.person)' AND action = 'timeout'")
        #expect(timeouts == "1")
    }

    @Test("Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-D, q, F10, Esc and SIGINT/SIGQUIT/SIGTSTP do not end the kiosk; SIGTERM does")
    func keysDoNotLeave() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux)
        try await tmux.waitFor(text: "Employee ID:", timeout: 20)
        let keys = ["C-c", "C-z", "C-\\", "C-d", "q", "F10", "Escape"]
        for key in keys { try tmux.sendKeys(key) }
        // Esc (the last key) emptied the form and put the cursor back in the ID field.
        try signIn(tmux)
        try await tmux.waitFor(text: Self.nameEN)
        for key in keys { try tmux.sendKeys(key) }
        let pid = try kioskPID(tmux)
        for sig in [SIGINT, SIGQUIT, SIGTSTP] { kill(pid, sig) }
        // Still answering keys after the signals, and still in the session.
        let screen = try await settled(tmux)[1]
        #expect(!screen.contains("[exit"), "\(screen)")
        #expect(screen.contains(Self.nameEN), "\(screen)")
        #expect(kill(pid, 0) == 0, "the kiosk process is gone")
        kill(pid, SIGTERM)
        let ended = try await tmux.waitFor(text: "[exit 0]")
        #expect(text(ended).contains("[exit 0]"), "\(text(ended))")
    }

    @Test("the operator exit: Ctrl-] and a wrong PIN stay, the right PIN exits 0")
    func operatorExit() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux)
        try await tmux.waitFor(text: "Employee ID:", timeout: 20)
        try tmux.sendKeys("C-]")
        try await tmux.waitFor(text: "Operator PIN to close the kiosk")
        try tmux.sendLiteral("1111")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(text: "Wrong operator PIN")
        try tmux.sendLiteral(Self.operatorPIN)
        try tmux.sendKeys("Enter")
        let ended = try await tmux.waitFor(text: "[exit 0]")
        #expect(text(ended).contains("[exit 0]"), "\(text(ended))")
        // The wrong PIN's audit row is in the database file itself: the kiosk closed the store on its way out.
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"), "the -wal file is left after the kiosk closed")
    }

    @Test("five wrong PINs lock the ID, the lock survives a restart, and no PIN is in the database in plain text")
    func lockoutSurvivesRestart() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux)
        try await tmux.waitFor(text: "Employee ID:", timeout: 20)
        try tmux.sendLiteral(Self.person)
        try tmux.sendKeys("Tab")
        for attempt in 1...5 {
            // After a refusal the ID stays and the (emptied) PIN field has the focus.
            try tmux.sendLiteral("11112\(attempt)")
            try tmux.sendKeys("Enter")
            let deadline = Date().addingTimeInterval(10)
            while (try? sql("SELECT failed_attempts FROM accounts WHERE person_id = '\(Self.person)'")) != String(attempt) {
                guard Date() < deadline else { Issue.record("attempt \(attempt) was not counted within 10 s"); return }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            let expected = attempt < 5 ? "Employee ID or PIN is incorrect" : "Too many attempts"
            let screen = try await tmux.waitFor(text: expected)
            #expect(text(screen).contains(expected), "attempt \(attempt):\n\(text(screen))")
        }
        let pid = try kioskPID(tmux)
        kill(pid, SIGTERM)
        try await tmux.waitFor(text: "[exit 0]")
        tmux.stop()

        let again = TmuxSession()
        defer { again.stop() }
        try start(again)
        try await again.waitFor(text: "Employee ID:", timeout: 20)
        try signIn(again)
        let locked = try await again.waitFor(text: "Too many attempts")
        #expect(text(locked).contains("Too many attempts"), "\(text(locked))")
        #expect(!text(locked).contains(Self.nameEN))

        // The files themselves too (pages not yet checkpointed live in -wal).
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: database + suffix))) ?? Data()
            #expect(bytes.range(of: Data(Self.pin.utf8)) == nil, "the PIN is in records.sqlite\(suffix)")
        }
        let dump = try Self.shell("sqlite3 '\(database)' .dump")
        #expect(dump.contains("CREATE TABLE"), "sqlite3 .dump printed nothing useful")
        #expect(!dump.contains(Self.pin), "the PIN is in the database in plain text")
        #expect(!dump.contains(Self.operatorPIN))
        #expect(try sql("SELECT iterations FROM accounts WHERE person_id = '\(Self.person)'") == "1000",
                "the PIN is hashed at the test's cost (CAREERPATH_TEST_PIN_ITERATIONS), not at full strength")
    }

    @Test("no key path reaches another person: the picker keys, search by name, the tabs")
    func noOtherPerson() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try start(tmux)
        try await tmux.waitFor(text: "Employee ID:", timeout: 20)
        try signIn(tmux)
        try await tmux.waitFor(text: Self.nameEN)
        // Each screen is read only once the keys before it are known to be handled (see `settled`).
        var screens: [String] = []
        for key in ["p", "F4", "4", "Enter", "j", "Enter"] {
            try tmux.sendKeys(key)
            screens += try await settled(tmux)
        }
        try tmux.sendKeys("/")
        try tmux.sendLiteral("Thongkaeo")
        screens.append(text(try await tmux.waitFor(text: "Thongkaeo")))
        try tmux.sendKeys("Enter")
        try tmux.sendKeys("Escape", "t", "Tab", "Enter", "g", "n")
        screens += try await settled(tmux)
        for screen in screens {
            #expect(!screen.contains(Self.otherEN) && !screen.contains(Self.otherTH), "\(screen)")
            #expect(!screen.contains("Filter"), "the person picker is showing:\n\(screen)")
        }
        let views = try sql("SELECT DISTINCT subject FROM audit_log WHERE actor = '\(Self.person)'")
        #expect(views == Self.person, "audit rows about others: \(views)")
    }

    @Test("80×24 on TERM=vt100 and TERM=linux: English although Thai was asked for, sign-in works")
    func consoleTerminals() async throws {
        for term in ["vt100", "linux"] {
            let tmux = TmuxSession()
            defer { tmux.stop() }
            try start(tmux, "--lang th", term: term)
            let signInScreen = try await tmux.waitFor(text: "Employee ID:", timeout: 20)
            #expect(!text(signInScreen).unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }, "\(term):\n\(text(signInScreen))")
            try signIn(tmux)
            // The key bar is drawn after the rows above it: wait for the whole frame, so a capture
            // mid-draw is not taken for a bar without sign-out; a kiosk that never shows it times out and fails.
            let session = try await tmux.waitFor("the signed-in screen drawn whole") { screen in
                let all = screen.joined(separator: "\n")
                return all.contains(Self.nameEN) && all.contains("Sign out")
            }
            #expect(text(session).contains(Self.nameEN), "\(term):\n\(text(session))")
            #expect(text(session).contains("Sign out"), "\(term):\n\(text(session))")
            #expect(session.allSatisfy { $0.count <= 80 })
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// What every kiosk suite's test does in its own folder: start the kiosk, sign in, read the database.
protocol KioskTestFolder {
    var folder: String { get }
}

extension KioskTestFolder {
    var database: String { folder + "/records.sqlite" }

    func start(_ tmux: TmuxSession, _ arguments: String = "--lang en", term: String = "tmux-256color") throws {
        // A child of the pane's shell (not exec'd), so the shell prints "[exit N]" when it ends.
        let command = "cd '\(folder)' && \(KioskEndToEndTests.pinCost) '\(TmuxSession.binary)' kiosk --data '\(KioskEndToEndTests.dataFolder)' --database '\(database)' \(arguments)"
        try tmux.start(command, width: 80, height: 24, term: term)
    }

    func cleanUp(_ tmux: TmuxSession) {
        tmux.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    func text(_ screen: [String]) -> String { screen.joined(separator: "\n") }

    func signIn(_ tmux: TmuxSession, id: String = KioskEndToEndTests.person, pin: String = KioskEndToEndTests.pin) throws {
        try tmux.sendLiteral(id)
        try tmux.sendKeys("Tab")
        try tmux.sendLiteral(pin)
        try tmux.sendKeys("Enter")
    }

    /// Switches the language there and back (F2), waiting for each header: the positive signal that
    /// every key sent before has been handled, so what is absent afterwards is absent for good.
    /// Returns both screens (Thai, then English).
    func settled(_ tmux: TmuxSession) async throws -> [String] {
        try tmux.sendKeys("F2")
        let thai = try await tmux.waitFor(text: "ไทย · ")
        try tmux.sendKeys("F2")
        let english = try await tmux.waitFor(text: "EN · ")
        return [text(thai), text(english)]
    }

    /// The kiosk process (the child of the pane's shell).
    func kioskPID(_ tmux: TmuxSession) throws -> pid_t {
        let shellPID = try tmux.run(["display-message", "-p", "-t", tmux.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shellPID)/task/\(shellPID)/children", encoding: .utf8)
        let first = try #require(children.split(separator: " ").first.flatMap { pid_t($0) }, "no child of \(shellPID)")
        return first
    }

    func sql(_ query: String) throws -> String {
        try KioskEndToEndTests.shell("sqlite3 '\(database)' \"\(query)\"")
    }
}
