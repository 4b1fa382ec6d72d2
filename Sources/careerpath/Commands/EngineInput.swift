import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore

/// Options every engine command shares.
struct EngineOptions: ParsableArguments {
    @Option(help: "The person's id.")
    var person: String

    @Flag(help: "Print JSON (ISO dates) instead of text.")
    var json = false

    @Option(help: "Language of the text output: th or en.")
    var lang: Language = .th

    @Option(name: .customLong("as"), help: "Act as this person: a supervisor reads their chain; the person themselves edits their own plan (access is checked; default: system).")
    var viewerID: String?

    var viewer: Viewer { viewerID.map { .supervisor(personID: $0) } ?? .system }
}

/// What an engine command works on: the catalog, the person's record and their supervisor chain.
struct EngineInput {
    let catalog: Catalog
    let record: PersonRecord
    let context: OrganizationContext
    /// The store it was read from (the plan cycle's writes go through it, as the same viewer).
    let store: SQLiteRecordStore

    static func load(_ options: EngineOptions, data: DataOptions, store storeOptions: StoreOptions, screen: String) throws -> EngineInput {
        let catalog = try data.loadCatalog()
        let store = try storeOptions.openStore(catalog: catalog, dataFolder: try data.dataFolder())
        let viewer = options.viewer
        let record: PersonRecord?
        do {
            record = try store.record(personID: options.person, viewer: viewer, screen: screen)
        } catch let denied as AccessDenied {
            throw failure(CommandError.accessDenied(denied.description, as: options.viewerID), code: CommandExit.accessDenied)
        }
        guard let record else {
            let known = (try? store.people(unit: nil, viewer: .system).map(\.id)) ?? []
            throw failure(CommandError.unknownPerson(options.person, known: known))
        }
        // The supervisor chain, as far as the viewer may see it (acting posts are suggested from it):
        // names, not records, so not audited, as in the TUI.
        let context = OrganizationContext.chain(above: record.person) { id in
            (try? store.person(personID: id, viewer: viewer)) ?? nil
        }
        return EngineInput(catalog: catalog, record: record, context: context, store: store)
    }
}

extension GapAnalyzer {
    /// The explanation of each gap of `report`, in its order (`source`, `counted`, the marker, `--explain`).
    func explanations(of report: GapReport, record: PersonRecord) -> [GapExplanation] {
        report.gaps.map { explain($0, of: record, target: report.target, on: report.on) }
    }
}

func parseTarget(_ text: String, _ catalog: Catalog) throws -> Target {
    do { return try Target.parse(text, in: catalog) } catch {
        throw failure(CommandError.unknownTarget(error))
    }
}

/// A date option (`--on`, `--start`, `--since`, `--date`) read by the one date parser the importer
/// uses too (`TypedDate`: a slash date has a B.E. year, an ISO date a C.E. one); nil is today.
func parseDate(_ text: String?, option: String) throws -> CivilDate {
    guard let text else { return DateText.today() }
    switch TypedDate.parse(text) {
    case .success(let date): return date
    case .failure(let problem): throw failure(CommandError.date(text, option: option, problem))
    }
}
