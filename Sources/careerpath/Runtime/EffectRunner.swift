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
            return save(plan, expected: PlanBase(planID: planID, revision: revision), newVersion: false)
        case .startPlanVersion(let plan, let planID, let revision):
            return save(plan, expected: PlanBase(planID: planID, revision: revision), newVersion: true)
        case .loadSavedPlan(let personID, let target):
            do {
                let plan = try store.plan(personID: personID, target: target, viewer: viewer)
                return loaded(plan, personID: personID, target: target)
            } catch {
                return [.planSaved(error: StoreProblem.explain(error))]
            }
        case .recordProgress(_, let planID, let stepID, let started, let completed):
            do {
                let saved = try store.recordStepProgress(planID: planID, stepID: stepID, started: started, completed: completed, by: viewer,
                                                         today: DateText.today(), screen: screenPrefix + ":plan")
                return loaded(saved, personID: saved.personID, target: saved.target)
            } catch let refused as PlanReviewError {
                return [.planRefused(th: refused.th, en: refused.en, changedElsewhere: refused.kind == .changedElsewhere)]
            } catch {
                return [.planSaved(error: StoreProblem.explain(error))]
            }
        case .submitPlan(_, let planID, let revision):
            do {
                let saved = try store.submitPlan(planID: planID, by: viewer, expectedRevision: revision, screen: screenPrefix + ":plan")
                return [.planSubmitted(error: nil)] + loaded(saved, personID: saved.personID, target: saved.target)
            } catch let refused as PlanReviewError {
                return [.planRefused(th: refused.th, en: refused.en, changedElsewhere: refused.kind == .changedElsewhere)]
            } catch {
                return [.planSubmitted(error: StoreProblem.explain(error))]
            }
        case .loadPlans(let personID):
            return [.plansListed(personID: personID, plans: (try? store.plans(personID: personID, viewer: viewer)) ?? [])]
        case .recordSelfAssessment(let personID, let competency, let level, let note, let day):
            do {
                try recordAssessment(personID: personID, competency: competency, level: level, note: note, on: day,
                                     assessor: .`self`, screen: screenPrefix + ":me")
                return [.selfAssessmentRecorded(personID: personID, competency: competency, level: level, error: nil)]
            } catch {
                return [.selfAssessmentRecorded(personID: personID, competency: competency, level: level, error: Self.refusal(error))]
            }
        case .exportPlanMarkdown(let path, let markdown):
            // Never over an existing file: `plan-….md` is followed by `plan-…-2.md`, `-3` ….
            let requested = URL(fileURLWithPath: path).standardizedFileURL.path
            let folder = URL(fileURLWithPath: requested).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                return [.planExported(path: requested, error: .noFolder(folder))]
            }
            let absolute = Self.freePath(requested)
            do {
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: absolute), options: .withoutOverwriting)
            } catch {
                return [.planExported(path: absolute, error: .cannotWrite(path: absolute, reason: error.localizedDescription))]
            }
            // A record that left the program is audited; when the row cannot be written the file goes too.
            do {
                try store.audit(actor: viewer, subject: currentPersonID, action: "export-plan", screen: screenPrefix + ":plan", detail: absolute)
                return [absolute == requested ? .planExported(path: absolute, error: nil) : .planExportRenamed(requested: requested, path: absolute)]
            } catch {
                try? FileManager.default.removeItem(atPath: absolute)
                return [.planExported(path: absolute, error: .notAudited(path: absolute, StoreProblem.explain(error)))]
            }
        case .supervisor(let work):
            return performSupervisor(work)
        case .reports(let work):
            return performReports(work).map(AppEvent.reports)
        case .connectStore:
            return [Self.connect(store)]
        case .quit:
            return []
        }
    }

    /// One try to reach the store (connect, check the schema): `.storeAvailable`, or
    /// `.storeUnavailable` while the server does not answer. A newer schema or a refused login
    /// is not "away": it is said on the status line, and no more tries are made.
    static func connect(_ store: SQLiteRecordStore) -> AppEvent {
        do {
            try store.connect()
            return .storeAvailable
        } catch is StoreUnavailable {
            return .storeUnavailable(at: Date(), reload: [])
        } catch {
            return .personLoadFailed(id: "", message: StoreProblem.explain(error).en)
        }
    }

    /// Saves the plan (over the draft or returned one, or as version n + 1 of an approved one with
    /// `newVersion`); a refusal answers in both languages with the plan read again.
    private func save(_ plan: DevelopmentPlan, expected: PlanBase, newVersion: Bool) -> [AppEvent] {
        do {
            let saved = try store.saveDevelopmentPlan(plan, by: viewer, expected: expected, newVersion: newVersion, screen: screenPrefix + ":plan")
            return [.planSaved(error: nil)] + loaded(saved, personID: plan.person.id, target: plan.target.id)
        } catch let refused as PlanReviewError {
            return [.planRefused(th: refused.th, en: refused.en, changedElsewhere: refused.kind == .changedElsewhere)]
                + perform(.loadSavedPlan(personID: plan.person.id, target: plan.target.id))
        } catch {
            return [.planSaved(error: StoreProblem.explain(error))]
        }
    }

    /// A read or write of a saved plan answered: the plan toward the target, and every plan of the person.
    private func loaded(_ plan: SavedPlan?, personID: String, target: String) -> [AppEvent] {
        [.savedPlanLoaded(personID: personID, target: target, plan: plan, authors: authors(of: plan)),
         .plansListed(personID: personID, plans: (try? store.plans(personID: personID, viewer: viewer)) ?? [])]
    }

    /// Records an assessment made in the tool (a supervisor's or the person's own) through the store,
    /// which checks who may, the level, the dictionary and the date, and audits the write.
    func recordAssessment(personID: String, competency: String, level: Int, note: String, on day: CivilDate,
                          assessor: Assessor, screen: String) throws {
        guard let catalog else {
            throw PlanReviewError(.invalid, th: "ไม่มีข้อมูลพจนานุกรมสมรรถนะ", en: "no competency dictionary loaded")
        }
        try store.recordAssessment(personID: personID, competency: competency, level: level, on: day, note: note,
                                   assessor: assessor, by: viewer, catalog: catalog, today: DateText.today(), screen: screen)
    }

    /// A store's refusal in both languages (its own words for a `PlanReviewError`, else `StoreProblem`'s).
    static func refusal(_ error: Error) -> LocalizedText {
        if let refused = error as? PlanReviewError { return LocalizedText(th: refused.th, en: refused.en) }
        return StoreProblem.explain(error)
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
