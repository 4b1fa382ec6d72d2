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
    /// Set once the sign-in notice was given (`planNews(for:)`).
    private var newsGiven = false
    /// What the audit log's `screen` column starts with: "tui", or "kiosk" at a kiosk.
    let screenPrefix: String
    /// The catalog the store checks assessments against (the competency dictionary).
    let catalog: Catalog?
    /// The reference data, for the Reports screen's effects (set by the TUI when it offers them:
    /// nil also means "no reports here").
    var reportCatalog: Catalog?

    init(store: SQLiteRecordStore, viewer: Viewer, screenPrefix: String = "tui", catalog: Catalog? = nil) {
        self.store = store
        self.viewer = viewer
        self.screenPrefix = screenPrefix
        self.catalog = catalog
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
                return [.personLoaded(record, context(for: record.person))] + planNews(for: id)
            } catch let denied as AccessDenied {
                return [.personLoadFailed(id: id, message: denied.description)]
            } catch {
                return [.personLoadFailed(id: id, message: "cannot read \(id): \(error)")]
            }
        case .savePlan(let plan, let planID, let revision):
            do {
                let saved = try store.saveDevelopmentPlan(plan, by: viewer, expected: PlanBase(planID: planID, revision: revision),
                                                          screen: screenPrefix + ":plan")
                return [.planSaved(error: nil), .savedPlanLoaded(personID: plan.person.id, target: plan.target.id, plan: saved, authors: authors(of: saved))]
            } catch let refused as PlanReviewError {
                return [.planRefused(th: refused.th, en: refused.en, changedElsewhere: refused.kind == .changedElsewhere)]
                    + perform(.loadSavedPlan(personID: plan.person.id, target: plan.target.id))
            } catch {
                return [.planSaved(error: StoreProblem.explain(error))]
            }
        case .loadSavedPlan(let personID, let target):
            do {
                let plan = try store.plan(personID: personID, target: target, viewer: viewer)
                return [.savedPlanLoaded(personID: personID, target: target, plan: plan, authors: authors(of: plan))]
            } catch {
                return [.planSaved(error: StoreProblem.explain(error))]
            }
        case .recordProgress(_, let planID, let stepID, let started, let completed):
            do {
                let saved = try store.recordStepProgress(planID: planID, stepID: stepID, started: started, completed: completed, by: viewer,
                                                         today: DateText.today(), screen: screenPrefix + ":plan")
                return [.savedPlanLoaded(personID: saved.personID, target: saved.target, plan: saved, authors: authors(of: saved))]
            } catch let refused as PlanReviewError {
                return [.planRefused(th: refused.th, en: refused.en, changedElsewhere: refused.kind == .changedElsewhere)]
            } catch {
                return [.planSaved(error: StoreProblem.explain(error))]
            }
        case .submitPlan(_, let planID, let revision):
            do {
                let saved = try store.submitPlan(planID: planID, by: viewer, expectedRevision: revision, screen: screenPrefix + ":plan")
                return [.planSubmitted(error: nil), .savedPlanLoaded(personID: saved.personID, target: saved.target, plan: saved, authors: authors(of: saved))]
            } catch let refused as PlanReviewError {
                return [.planRefused(th: refused.th, en: refused.en, changedElsewhere: refused.kind == .changedElsewhere)]
            } catch {
                return [.planSubmitted(error: StoreProblem.explain(error))]
            }
        case .exportPlanMarkdown(let path, let markdown):
            // Never over an existing file: `plan-….md` is followed by `plan-…-2.md`, `-3` ….
            let absolute = Self.freePath(URL(fileURLWithPath: path).standardizedFileURL.path)
            do {
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: absolute), options: .withoutOverwriting)
            } catch {
                return [.planExported(path: absolute, error: "\(absolute): \(error.localizedDescription)")]
            }
            // A record that left the program is audited; when the row cannot be written the file goes too.
            do {
                try store.audit(actor: viewer, subject: currentPersonID, action: "export-plan", screen: screenPrefix + ":plan", detail: absolute)
                return [.planExported(path: absolute, error: nil)]
            } catch {
                try? FileManager.default.removeItem(atPath: absolute)
                return [.planExported(path: absolute, error: "\(absolute): " + StoreProblem.explain(error).en)]
            }
        case .supervisor(let work):
            return performSupervisor(work)
        case .reports(let work):
            return performReports(work).map(AppEvent.reports)
        case .quit:
            return []
        }
    }

    /// `path`, or the first of `name-2.ext`, `name-3.ext` … that does not exist yet.
    static func freePath(_ path: String) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return path }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let base = url.deletingPathExtension().path
        var n = 2
        while FileManager.default.fileExists(atPath: "\(base)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")) { n += 1 }
        return "\(base)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")
    }

    /// The people who wrote on a plan the viewer may read: their names are shown with their notes
    /// (a name is not a record: not audited, as for a supervisor chain).
    private func authors(of plan: SavedPlan?) -> [Person] {
        Set(plan?.notes.map(\.authorID) ?? []).sorted().compactMap { peopleByID[$0] ?? ((try? store.person(personID: $0, viewer: .system)) ?? nil) }
    }

    /// The sign-in notice: on the person's own first load of a session, what others wrote on their
    /// plans since their last visit (then the visit is remembered). Nothing for anyone else's record.
    private func planNews(for id: String) -> [AppEvent] {
        guard !newsGiven, viewer.auditName == id else { return [] }
        newsGiven = true
        guard let news = try? store.planNews(personID: id, viewer: viewer) else { return [] }
        try? store.markPlansSeen(personID: id, viewer: viewer)
        guard !news.isEmpty else { return [] }
        let authors = Set(news.map(\.note.authorID)).compactMap { (try? store.person(personID: $0, viewer: .system)) ?? nil }
        return [.planNews(notes: news.map(\.note), authors: authors)]
    }

    /// The supervisor chain as far as the viewer may see it (acting posts are suggested from it).
    func context(for person: Person) -> OrganizationContext {
        OrganizationContext.chain(above: person) { peopleByID[$0] }
    }
}
