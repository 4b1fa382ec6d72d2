import ArgumentParser
import CareerApp
import CareerCatalog
import CareerStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `careerpath accounts …`: kiosk accounts, run by an operator at the shell.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Kiosk accounts: set PINs, grant the hr role, lift locks.",
        subcommands: [SetPINCommand.self, GrantHRCommand.self, RevokeHRCommand.self, UnlockCommand.self]
    )
}

struct SetPINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pin",
        abstract: "Set a person's kiosk PIN (4–12 digits), read twice from the terminal without echo.",
        discussion: "Scripts: `echo 2568 | careerpath accounts set-pin --person P000211 --stdin`. Setting a PIN also lifts a lock."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The person's employee ID.") var person: String
    @Flag(help: "Read the PIN once from standard input (first line) instead of the terminal.") var stdin = false

    func run() throws {
        let records = try store.openExisting()
        let accounts = AccountService(store: records, hasher: PINCost.hasher)
        guard (try? records.canView(personID: person, viewer: .system)) == true else {
            throw failure(CommandError.prefix + AccountError.unknownPerson(person).text(CommandLanguage.current))
        }
        let named = OperatorText.person(person, in: records)
        let pin: PIN
        do {
            if stdin {
                guard let line = readLine(strippingNewline: true) else { throw failure(CommandError.prefix + CommandError.text(.noPINOnStandardInput)) }
                pin = try PIN(line)
            } else {
                let first = try PIN(try SecretPrompt.read(OperatorText.newPIN.said(named)))
                let second = try? PIN(try SecretPrompt.read(OperatorText.repeatPIN.said()))
                guard second == first else { throw PINError.entriesDiffer }
                pin = first
            }
        } catch let error as PINError {
            throw failure(CommandError.prefix + error.text(CommandLanguage.current))
        } catch let error as SecretPrompt.Failure {
            throw failure(CommandError.prefix + error.text.said())
        }
        try accountCommand { try accounts.setPIN(personID: person, pin: pin) }
        print(OperatorText.pinSet.said(named))
    }
}

/// The cost of hashing and checking PINs: full strength (`PINHasher()`: swift-crypto's floor, and
/// rows below it refused), always, in a release build. A debug build (what `swift test` runs) takes
/// a lower cost from $CAREERPATH_TEST_PIN_ITERATIONS, so the end-to-end tests do not spend seconds
/// per sign-in, and says so on standard error. Compiled out of release builds, so a production
/// kiosk cannot be given a weaker hash by its environment, and its floor refuses the weak rows a
/// test database holds.
enum PINCost {
    static let environmentName = "CAREERPATH_TEST_PIN_ITERATIONS"

    static let hasher = hasher(environment: ProcessInfo.processInfo.environment)

    static func hasher(environment: [String: String]) -> PINHasher {
        #if DEBUG
        if let value = environment[environmentName], let iterations = Int(value), iterations > 0 {
            Output.errorLine("careerpath (debug build): PINs hashed and checked at \(iterations) iterations ($\(environmentName)); never for real PINs")
            return PINHasher.forTests(iterations: iterations)
        }
        #endif
        return PINHasher()
    }
}

struct GrantHRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant-hr", abstract: "Give a person the hr role: at the kiosk they may open everyone's record.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The person's employee ID.") var person: String

    func run() throws {
        let records = try store.openExisting()
        let changed = try accountCommand { try AccountService(store: records).grantHR(personID: person) }
        print((changed ? OperatorText.hrGranted : .hrAlreadyHeld).said(OperatorText.person(person, in: records)))
    }
}

struct RevokeHRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke-hr", abstract: "Take the hr role back from a person.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The person's employee ID.") var person: String

    func run() throws {
        let records = try store.openExisting()
        let changed = try accountCommand { try AccountService(store: records).revokeHR(personID: person) }
        print((changed ? OperatorText.hrRevoked : .hrNotHeld).said(OperatorText.person(person, in: records)))
    }
}

struct UnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Lift the lock placed on an employee ID after repeated wrong PINs.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The employee ID.") var person: String

    func run() throws {
        let records = try store.openExisting()
        let wasLocked = try accountCommand { try AccountService(store: records).unlock(personID: person) }
        print((wasLocked ? OperatorText.unlocked : .notLocked).said(OperatorText.person(person, in: records)))
    }
}

/// `careerpath audit`: who signed in, out or timed out, and who opened whose record.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: sign-ins (and failures), sign-outs, time-outs, record views, account changes.",
        discussion: "Times are UTC. `--person` matches rows where the person acted or whose record was concerned."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Only rows where this employee ID acted or was the subject.") var person: String?
    @Option(help: "Only rows from this local date on: YYYY-MM-DD, or DD/MM/YYYY with a Buddhist-era year.") var since: String?
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(help: "Language of the table's headings: th or en.") var lang: Language = .th

    func run() throws {
        var from: String?
        if let since {
            let day = try parseDate(since, option: "since")
            from = AuditClock.timestamp(atStartOf: day)
        }
        let entries = try accountCommand { try store.openExisting().auditTrail(person: person, since: from) }
        if json {
            try CommandJSON.print(entries)
        } else if entries.isEmpty {
            print(AuditReportText.noEntries.text(lang))
        } else {
            print(AuditReportText.table(entries, lang), terminator: "")
        }
    }
}

/// The audit log's words, a `TextTable`; the rows are the log's own codes and ids.
enum AuditReportText: String, CaseIterable, TextTable {
    case at, action, actor, subject, screen, terminal, detail, noEntries

    var pair: (th: String, en: String) {
        switch self {
        case .at: ("เวลา (UTC)", "at (UTC)")
        case .action: ("การกระทำ", "action")
        case .actor: ("ผู้กระทำ", "actor")
        case .subject: ("ประวัติของ", "subject")
        case .screen: ("หน้าจอ", "screen")
        case .terminal: ("เครื่อง", "terminal")
        case .detail: ("รายละเอียด", "detail")
        case .noEntries: ("ไม่มีรายการบันทึกการใช้งานที่ตรงกับเงื่อนไข", "no audit entries match")
        }
    }

    /// The log as a text table, headings in `lang`.
    static func table(_ entries: [AuditEntry], _ lang: Language) -> String {
        let headers = [at, action, actor, subject, screen, terminal, detail].map { $0.text(lang) }
        return ColumnText.rows([headers] + entries.map { [$0.at, $0.action, $0.actor, $0.subject ?? "-", $0.screen, $0.terminal, $0.detail] })
    }
}

extension StoreOptions {
    /// Opens an existing personnel database; unlike `openStore(catalog:)` never creates one
    /// (a typo in `--database` must not "succeed" against a blank file).
    func openExisting() throws -> PersonnelStore {
        let path = StoreLocation.resolve(option: database)
        guard PostgresLocation.isURL(path) || FileManager.default.fileExists(atPath: path) else {
            throw failure(CommandError.prefix + CommandError.text(.noDatabase, path))
        }
        do {
            return try PersonnelStore(location: path)
        } catch {
            throw storeOpenFailure(path, error)
        }
    }
}

/// Runs `body`, turning store and account errors into a message on standard error and exit 1.
func accountCommand<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let refused as AccountError {
        throw failure(CommandError.prefix + refused.text(CommandLanguage.current))
    } catch {
        throw failure("error: \(error)")
    }
}

/// Reads a secret line from /dev/tty with echo off, restoring the terminal even on Ctrl-C.
enum SecretPrompt {
    struct Failure: Error, CustomStringConvertible {
        let text: OperatorText
        var description: String { text.text(.en) }
    }

    static func read(_ prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw Failure(text: .noTerminalForPIN) }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else {
            throw Failure(text: .cannotHideEcho)
        }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        TerminalRestore.arm(fd: fd, saved: saved)
        defer {
            var restore = saved
            tcsetattr(fd, TCSAFLUSH, &restore)
            TerminalRestore.disarm()
        }
        guard tcsetattr(fd, TCSAFLUSH, &quiet) == 0 else {
            throw Failure(text: .cannotHideEcho)
        }
        write(fd, prompt)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
            if bytes.count < 256 { bytes.append(byte) }
        }
        write(fd, "\n")
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}

/// Puts the terminal's echo back if a signal ends the program mid-prompt.
enum TerminalRestore {
    nonisolated(unsafe) static var fd: Int32 = -1
    nonisolated(unsafe) static var saved = termios()
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func arm(fd: Int32, saved: termios) {
        self.fd = fd
        self.saved = saved
        for sig in signals {
            signal(sig) { received in
                // Only async-signal-safe calls here: restore, then die of the same signal.
                if TerminalRestore.fd >= 0 { tcsetattr(TerminalRestore.fd, TCSAFLUSH, &TerminalRestore.saved) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func disarm() {
        for sig in signals { signal(sig, SIG_DFL) }
        fd = -1
    }
}
