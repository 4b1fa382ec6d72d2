import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import LocalSystem
import TerminalNcurses
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// `careerpath [--person ID] [--as ID] [--lang th|en]`: the full-screen planner (the default command).
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen planner (what `careerpath` with no command does).",
        discussion: """
            Starts on the person picker (/ filters it), or on one person with --person. Keys, on every screen: ? or F1 \
            for help, L to switch Thai/English, q or F10 to quit. The first run creates the database from the demo roster.
            Needs a terminal (TERM set, at least 80×24); for plain text use `careerpath render`.
            """
    )

    @Option(help: "Open this person's record directly (default: the person picker).")
    var person: String?

    @Option(name: .customLong("as"), help: "Look as this supervisor: only their chain is listed (access is checked; default: everyone, as the operator).")
    var viewerID: String?

    @Option(help: "Language to start in: th or en (default th; en when the terminal cannot show Thai). L switches it.")
    var lang: Language?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its own text selection); by default a click selects a row, a tab or a function key and the wheel scrolls.")
    var noMouse = false

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    /// For `careerpath bench ui`: paint the first screen, restore the terminal and exit 0.
    @Flag(name: .customLong("first-paint-only"), help: .hidden)
    var firstPaintOnly = false
    /// For `careerpath bench ui`: as `--first-paint-only`, but exit once the catalog is loaded too.
    @Flag(name: .customLong("until-ready"), help: .hidden)
    var untilReady = false

    /// The options as plain values (what `start` runs on).
    var options: TUIOptions {
        TUIOptions(person: person, viewerID: viewerID, lang: lang, data: dataOptions.data, database: storeOptions.database,
                   firstPaintOnly: firstPaintOnly, untilReady: untilReady, noMouse: noMouse)
    }

    func run() throws {
        try Self.start(options)
    }

    /// Runs the TUI; `careerpath` with no command comes here straight from `TUIOptions.parse`.
    static func start(_ options: TUIOptions) throws {
        // The plain picker can be painted without the catalog, from the names the last run
        // cached; then the catalog is loaded (before the first key is handled). Without cached
        // names, or when opening a person or a supervisor's pane, it is loaded first.
        StartupTrace.mark("arguments parsed")
        let folderPath = try DataOptions.dataFolderPath(option: options.data)
        let loading = DeferredCatalog(path: folderPath)
        let fingerprint = DataFingerprint.of(path: folderPath)
        let cachedNames = options.person == nil && options.viewerID == nil ? fingerprint.flatMap(NamesCache.read) : nil
        StartupTrace.mark(cachedNames == nil ? "no cached names: loading the catalog first" : "data fingerprint and cached names read")
        // The first screen's catalog, and (when that is the names-only preview) the full one to
        // put in place after the first paint.
        let firstScreenCatalog: Catalog
        let fullCatalog: (() throws -> Catalog)?
        if let cachedNames {
            firstScreenCatalog = cachedNames.previewCatalog()
            fullCatalog = loading.catalog
        } else {
            firstScreenCatalog = try loading.catalog()
            fullCatalog = nil
            if let fingerprint { NamesCache.write(CatalogNames(catalog: firstScreenCatalog), fingerprint: fingerprint) }
        }
        // A new database is filled from the demo roster, which needs the full catalog.
        var createdFromDemo: (path: String, people: Int)?
        let store = try StoreOptions.openStore(database: options.database, catalog: try loading.catalog(), dataFolder: loading.folder,
                                               created: { createdFromDemo = ($0, $1) })
        let viewer: Viewer = options.viewerID.map { .supervisor(personID: $0) } ?? .system
        try checkPeople(options, store: store, viewer: viewer)
        StartupTrace.mark("database open")

        let today = DateText.today()
        let runner = EffectRunner(store: store, viewer: viewer)
        let personID = options.person, viewerID = options.viewerID, lang = options.lang
        let exit: TerminalLoop.Exit = options.untilReady ? .whenReady : options.firstPaintOnly ? .afterFirstPaint : .onQuit
        let exportFolder = LocalFiles.currentDirectory() ?? FileManager.default.currentDirectoryPath

        let code: Int32 = try MainActor.assumeIsolated {
            let terminal = try TerminalLoop.open(.init(inputMode: .cbreak, mouse: !options.noMouse))
            defer { terminal.restore() }
            StartupTrace.mark("terminal open")
            let capabilities = terminal.capabilities
            // The Linux console and hardware VTs have no Thai font: English unless asked for Thai.
            let language = lang ?? (capabilities.canShowThai ? .th : .en)
            var state = AppState(catalog: firstScreenCatalog, today: today, language: language,
                                 size: TerminalSize(width: terminal.width, height: terminal.height), viewerID: viewerID)
            state.exportFolder = exportFolder
            state.glyphs = capabilities.glyphs
            if let createdFromDemo { state.noteDatabaseCreated(path: createdFromDemo.path, people: createdFromDemo.people) }
            // `--as ID` without `--person`: supervisor mode (the split pane of their subordinates).
            if personID == nil, let viewerID { state.startSupervisorMode(supervisorID: viewerID) }
            var loop = TerminalLoop(terminal: terminal, driver: AppDriver(state: state, perform: runner.perform), today: today)
            return try loop.run(personID: personID, exit: exit, fullCatalog: fullCatalog)
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// Refuses an unknown `--person` or `--as` before the screen starts, with the nearest id.
    private static func checkPeople(_ options: TUIOptions, store: SQLiteRecordStore, viewer: Viewer) throws {
        for (option, id) in [("as", options.viewerID), ("person", options.person)] {
            guard let id else { continue }
            guard try store.canView(personID: id, viewer: .system) else {
                let known = (try? store.people(unit: nil, viewer: .system).map(\.id)) ?? []
                throw failure(CommandError.unknownPerson(id, option: option, known: known))
            }
        }
        if let person = options.person, try !store.canView(personID: person, viewer: viewer) {
            throw failure(CommandError.prefix + CommandError.text(.notInReach, person, options.viewerID ?? CommandError.text(.system)),
                          code: CommandExit.accessDenied)
        }
    }
}
