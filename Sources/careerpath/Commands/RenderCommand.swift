import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore

/// `careerpath render --screen NAME [--person ID] [--target T] --size WxH [--lang th|en]`:
/// one screen of the TUI as plain text, without a terminal (tests, docs, bug reports).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one screen of the planner as plain text (no terminal needed).",
        discussion: """
            Screens: \(ScreenText.screenNames.joined(separator: ", ")). Screens showing a record need --person; \
            gaps and plan also take --target (a director post id or LINE:LEVEL).
            Example: careerpath render --screen gaps --person P000094 --target dir-news-bureau --size 100x30 --lang en
            """
    )

    @Option(help: "The screen to draw: \(ScreenText.screenNames.joined(separator: ", ")).")
    var screen: String

    @Option(help: "The person whose record is shown.")
    var person: String?

    @Option(help: "The target chosen on Paths: a director post id (dir-news-bureau) or LINE:LEVEL (public-relations-officer:K3).")
    var target: String?

    @Option(help: "The terminal size, WxH (e.g. 80x24).")
    var size: String = "80x24"

    @Option(help: "Language: th or en.")
    var lang: Language = .th

    @Option(help: "Evaluation date (YYYY-MM-DD or DD/MM/YYYY B.E.; default today).")
    var date: String?

    @Flag(name: .customLong("adopt-plan"), help: "Pick the engine's suggested plan (what `a` does on the Plan screen).")
    var adoptPlan = false

    @Option(name: .customLong("as"), help: "Read the record as this supervisor (access is checked; default: system).")
    var viewerID: String?

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard ScreenText.parseSize(size) != nil else {
            throw ValidationError(CommandError.text(.badSize, size))
        }
        guard ScreenText.screenNames.contains(screen) else {
            let hint = CommandError.didYouMean(NearestID.suggestion(for: screen, among: ScreenText.screenNames))
            throw ValidationError(CommandError.text(.unknownScreen, screen, hint, ScreenText.screenNames.joined(separator: ", ")))
        }
        if target != nil, person == nil {
            throw ValidationError(CommandError.text(.targetNeedsPerson))
        }
    }

    func run() throws {
        guard let size = ScreenText.parseSize(size) else { throw ExitCode(CommandExit.input) }
        let today = try parseDate(date, option: "date")
        let catalog = try dataOptions.loadCatalog()
        let store = try storeOptions.openStore(catalog: catalog, dataFolder: try dataOptions.dataFolder())
        let viewer: Viewer = viewerID.map { .supervisor(personID: $0) } ?? .system
        let runner = EffectRunner(store: store, viewer: viewer, catalog: catalog)

        var people: [Person] = []
        for event in runner.perform(.listPeople) {
            if case .peopleListed(let listed) = event { people = listed }
            if case .personLoadFailed(_, let message) = event { throw failure("error: \(message)") }
        }
        var record: PersonRecord?
        var context = OrganizationContext.none
        if let person {
            for event in runner.perform(.loadPerson(id: person)) {
                switch event {
                case .personLoaded(let loaded, let chain):
                    record = loaded
                    context = chain
                case .personLoadFailed(_, let message):
                    let denied = (try? store.canView(personID: person, viewer: .system)) == true
                    throw failure("error: \(message)", code: denied ? CommandExit.accessDenied : CommandExit.input)
                default:
                    break
                }
            }
        }
        let chosen = try target.map { try parseTarget($0, catalog) }
        do {
            let lines = try ScreenText.render(catalog: catalog, record: record, context: context, people: people,
                                              target: chosen, adoptSuggestedPlan: adoptPlan, screen: screen,
                                              size: size, language: lang, today: today)
            print(lines.joined(separator: "\n"))
        } catch {
            throw failure("error: \(error.message)")
        }
    }
}
