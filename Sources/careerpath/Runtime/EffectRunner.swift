import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// Carries out the app's effects against the store and the file system and answers with the
/// events the update function expects. The only place the TUI does I/O besides the terminal.
///
///     let runner = EffectRunner(store: store, viewer: .system)
///     let events = runner.perform(.loadPerson(id: "P000094"))   // [.personLoaded(record, context)]
final class EffectRunner {
    let store: SQLiteRecordStore
    let viewer: Viewer
    /// Everyone the viewer may see, from the last `.listPeople`: the supervisor chain of a loaded
    /// person is built from it, so the chain costs no record reads (names are not views: no audit rows).
    private var peopleByID: [String: Person] = [:]
    /// The person on screen (the subject of an export's audit row).
    private var currentPersonID: String?
    /// What the audit log's `screen` column starts with: "tui", or "kiosk" at a kiosk.
    let screenPrefix: String
    /// The reference data, for the Reports screen's effects (set by the TUI when it offers them).
    var reportCatalog: Catalog?

    init(store: SQLiteRecordStore, viewer: Viewer, screenPrefix: String = "tui") {
        self.store = store
        self.viewer = viewer
        self.screenPrefix = screenPrefix
    }

    /// Carries out one effect. `.quit` is the caller's business and answers nothing.
    func perform(_ effect: Effect) -> [AppEvent] {
        switch effect {
        case .listPeople:
            do {
                let people = try store.people(unit: nil, viewer: viewer)
                peopleByID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                return [.peopleListed(people)]
            } catch {
                return [.peopleListed([]), .personLoadFailed(id: "", message: "cannot list people: \(error)")]
            }
        case .loadPerson(let id):
            // The store audits the read (one `view` row, screen "tui" or "kiosk"); nothing else here does.
            do {
                guard let record = try store.record(personID: id, viewer: viewer, screen: screenPrefix) else {
                    return [.personLoadFailed(id: id, message: "unknown person `\(id)`" + NearestID.hint(for: id, among: peopleByID.keys))]
                }
                currentPersonID = id
                return [.personLoaded(record, context(for: record.person))]
            } catch let denied as AccessDenied {
                return [.personLoadFailed(id: id, message: denied.description)]
            } catch {
                return [.personLoadFailed(id: id, message: "cannot read \(id): \(error)")]
            }
        case .savePlan(let plan):
            do {
                try store.saveDevelopmentPlan(plan, by: viewer, screen: screenPrefix + ":plan")
                return [.planSaved(error: nil)]
            } catch {
                return [.planSaved(error: "\(error)")]
            }
        case .exportPlanMarkdown(let path, let markdown):
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            do {
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: absolute), options: .atomic)
                try? store.audit(actor: viewer, subject: currentPersonID, action: "export-plan", screen: screenPrefix + ":plan", detail: absolute)
                return [.planExported(path: absolute, error: nil)]
            } catch {
                return [.planExported(path: absolute, error: "\(absolute): \(error.localizedDescription)")]
            }
        case .supervisor(let work):
            return performSupervisor(work).map(AppEvent.supervisor)
        case .reports(let work):
            return performReports(work).map(AppEvent.reports)
        case .quit:
            return []
        }
    }

    /// The supervisor chain as far as the viewer may see it (acting posts are suggested from it).
    func context(for person: Person) -> OrganizationContext {
        OrganizationContext.chain(above: person) { peopleByID[$0] }
    }
}
