import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import TerminalNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// `careerpath kiosk [--database DB] [--data DIR] [--idle SECONDS] [--idle-warning SECONDS] [--lang th|en]`: a shared
/// terminal where anyone signs in with employee ID and PIN and sees only their own record (a
/// supervisor also gets supervisor mode: the split pane of their subordinates).
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Run a shared-terminal kiosk: PIN sign-in, each person sees only their own record (supervisors: their staff too).",
        discussion: """
            Keyboard only, in raw mode: Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-D, q, F10 and Esc never leave; SIGINT, \
            SIGQUIT and SIGTSTP are ignored. o signs out. Someone with subordinates gets supervisor mode (their \
            chain only, as the store enforces); ? lists only the keys that work at the kiosk. After --idle \
            seconds without a key a warning counts down (--idle-warning, 10 seconds), then the session is wiped \
            and the sign-in screen returns.
            The kiosk ends only on SIGTERM (or SIGHUP) or with Ctrl-] followed by the operator PIN, whose hash \
            is read from $\(OperatorPINSetting.environmentName) or from the file \(OperatorPINSetting.fileName) \
            next to the database. Make that line with `careerpath kiosk --hash-operator-pin < pinfile`.
            PINs: `careerpath accounts set-pin --person ID`.
            """
    )

    @Option(help: "Seconds without a key before the idle warning (default 120).")
    var idle: Int = 120

    @Option(name: .customLong("idle-warning"), help: "Seconds the idle warning counts down before the session is wiped (default 10).")
    var idleWarning: Int = 10

    @Option(help: "Language of the sign-in screen: th or en (default th; en when the terminal cannot show Thai).")
    var lang: Language?

    @Flag(name: .customLong("hash-operator-pin"),
          help: "Read an operator PIN (4–12 digits) from standard input, print its hash line for \(OperatorPINSetting.environmentName) or \(OperatorPINSetting.fileName), and exit.")
    var hashOperatorPIN = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal; by default a click selects a row, a tab or a function key and the wheel scrolls.")
    var noMouse = false

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard idle >= 1 else { throw ValidationError("--idle must be at least 1 second (got \(idle))") }
        guard idleWarning >= 1 else { throw ValidationError("--idle-warning must be at least 1 second (got \(idleWarning))") }
    }

    func run() throws {
        if hashOperatorPIN {
            let line = readLine(strippingNewline: true) ?? ""
            do {
                let hash = try PINCost.hasher.hash(try PIN(line)).encoded
                // `> kiosk-operator-pin` made the file with the shell's umask (0644): the hash is as private as the PINs.
                Output.keepNewOutputFilePrivate()
                print(hash)
            } catch let error as PINError {
                throw failure(CommandError.prefix + OperatorText.operatorPIN.said(error.text(CommandLanguage.current)))
            }
            return
        }
        let catalog = try dataOptions.loadCatalog()
        // A central server that cannot be reached: the kiosk opens all the same, says so, and tries again.
        let dataFolder = try dataOptions.dataFolder()
        let (store, unreachable) = try StoreOptions.openStoreOrWait(database: storeOptions.database, catalog: catalog,
                                                                    dataFolder: dataFolder)
        let operatorHash: PINHash?
        do {
            operatorHash = try OperatorPINSetting.load(databasePath: storeOptions.path)
        } catch {
            throw failure("error: \(error)")
        }
        _ = PINCost.hasher  // a debug build's test cost is announced before the screen is taken
        let idleSeconds = TimeInterval(idle)
        let language = lang ?? .th
        let code: Int32 = try MainActor.assumeIsolated {
            let terminal = try ProgramLoop<KioskProgram>.open(.init(inputMode: .raw, readTimeoutMilliseconds: 250, kioskSignals: true,
                                                                    mouse: !noMouse))
            defer { terminal.restore() }
            let config = KioskConfig(idleSeconds: idleSeconds, warningSeconds: TimeInterval(idleWarning), language: language,
                                     thaiAvailable: terminal.capabilities.canShowThai,
                                     operatorExitConfigured: operatorHash != nil)
            let state = KioskState(catalog: catalog, config: config, today: DateText.today(),
                                   size: TerminalSize(width: terminal.width, height: terminal.height), now: Date(),
                                   glyphs: terminal.capabilities.glyphs)
            let program = KioskProgram(store: store, operatorHash: operatorHash, catalog: catalog)
            return ProgramLoop(terminal: terminal, driver: ProgramDriver(program, state: state))
                .run(start: unreachable.map { [KioskEvent.storeUnavailable(at: $0)] } ?? [])
        }
        // As the planner does when it ends: every effect carried out, the log checkpointed into the file.
        try? store.close()
        if code != 0 { throw ExitCode(code) }
    }
}

/// Where the operator PIN's hash comes from: the environment first, then a file next to the database.
enum OperatorPINSetting {
    static let environmentName = "CAREERPATH_OPERATOR_PIN_HASH"
    static let fileName = "kiosk-operator-pin"

    struct Malformed: Error, CustomStringConvertible {
        let source: String
        var description: String {
            "\(source) is not an operator PIN hash (expected algorithm$iterations$salt$key); make one with `careerpath kiosk --hash-operator-pin`"
        }
    }

    /// The configured hash, nil when none is configured; throws when one is there but unreadable
    /// (a kiosk that silently lost its operator exit would need a SIGTERM to service).
    static func load(databasePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PINHash? {
        if let value = environment[environmentName], !value.isEmpty {
            guard let hash = PINHash(encoded: value.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw Malformed(source: "$\(environmentName)")
            }
            return hash
        }
        let file = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent(fileName).path
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let hash = PINHash(encoded: line) else { throw Malformed(source: file) }
        return hash
    }
}
