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

    /// For `careerpath bench ui`: paint the first screen (ready for the first key), restore the
    /// terminal and exit 0.
    @Flag(name: .customLong("first-paint-only"), help: .hidden)
    var firstPaintOnly = false

    /// The options as plain values (what `start` runs on).
    var options: TUIOptions {
        TUIOptions(person: person, viewerID: viewerID, lang: lang, data: dataOptions.data, database: storeOptions.database,
                   firstPaintOnly: firstPaintOnly, noMouse: noMouse)
    }

    func run() throws {
        try Self.start(options)
    }

    /// Runs the TUI; `careerpath` with no command comes here straight from `TUIOptions.parse`.
    static func start(_ options: TUIOptions) throws {
        StartupTrace.mark("arguments parsed")
        let folder = try DataOptions.dataFolderPath(option: options.data)
        let preload = CatalogPreload(path: folder)
        // A new database is filled from the demo roster.
        var createdFromDemo: (path: String, people: Int)?
        let viewer: Viewer = options.viewerID.map { .supervisor(personID: $0) } ?? .system
        // A central server that cannot be reached: the screen opens all the same, says so, and tries again.
        let opening = Result {
            try StoreOptions.openStoreOrWait(database: options.database, catalog: try preload.catalog(),
                                             dataFolder: URL(fileURLWithPath: folder, isDirectory: true),
                                             created: { createdFromDemo = ($0, $1) })
        }
        // Bad data ends the start with its own errors and exit code even when the database failed too
        // (that failure is printed first then: both opened at once).
        let catalog = try preload.catalog()
        StartupTrace.mark("catalog loaded")
        let (store, unreachable) = try opening.get()
        if unreachable == nil { try checkPeople(options, store: store, viewer: viewer) }

        let runner = EffectRunner(store: store, viewer: viewer, catalog: catalog)
        // A unit head or HR (`--as`) also gets the Reports screen (`R`) (not known while the server is away).
        let reportReach = unreachable != nil ? nil : try ReportsRuntime.reach(viewerID: options.viewerID, store: store, catalog: catalog)
        if reportReach != nil { runner.reportCatalog = catalog }
        let personID = options.person, viewerID = options.viewerID
        let exportFolder = LocalFiles.currentDirectory() ?? FileManager.default.currentDirectoryPath

        let code: Int32 = try MainActor.assumeIsolated {
            let terminal = try ProgramLoop<PlannerProgram>.open(.init(inputMode: .cbreak, mouse: !options.noMouse))
            defer { terminal.restore() }
            StartupTrace.mark("terminal open")
            let capabilities = terminal.capabilities
            // The Linux console and hardware VTs have no Thai font: English unless asked for Thai.
            let language = options.lang ?? (capabilities.canShowThai ? .th : .en)
            let size = TerminalSize(width: terminal.width, height: terminal.height)
            // `--as ID` without `--person`: supervisor mode (the split pane of their subordinates).
            var state = AppState(catalog: catalog, analyzer: preload.gapAnalyzer(), today: DateText.today(), language: language, size: size, viewerID: viewerID,
                                 glyphs: capabilities.glyphs, exportFolder: exportFolder,
                                 supervisorID: personID == nil ? viewerID : nil)
            if let createdFromDemo { state.noteDatabaseCreated(path: createdFromDemo.path, people: createdFromDemo.people) }
            if let reportReach { state.enableReports(units: reportReach.units, isHR: reportReach.isHR) }
            let loop = ProgramLoop(terminal: terminal, driver: PlannerDriver(state: state, runner: runner))
            let startEffects = AppState.startEffects(personID: personID)
            return loop.run(start: [.resize(width: size.width, height: size.height)]
                                + (unreachable.map { [AppEvent.storeUnavailable(at: $0, reload: startEffects)] } ?? []),
                            effects: unreachable == nil ? startEffects : [],
                            exit: options.firstPaintOnly ? .afterFirstPaint : .onQuit)
        }
        // Every effect has been carried out (the loop waits for them on quit and on a signal): the
        // records go into the database file itself, not left in its write-ahead log.
        try? store.close()
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
