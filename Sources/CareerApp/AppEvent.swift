import Foundation
import CareerCatalog
import CareerEngine
import TerminalUI

/// What the update function reacts to: keys, the terminal's size, the clock, and the results
/// of effects the runner carried out.
public enum AppEvent: Sendable {
    case key(KeyEvent)
    /// A click or the wheel (`MouseUpdate.swift`); off with `--no-mouse`.
    case mouse(MouseEvent)
    /// The terminal is now `width × height` cells.
    case resize(width: Int, height: Int)
    /// The runner's periodic tick; carries today's date so a session left open over midnight
    /// recomputes its dates (nil: the date did not change).
    case tick(today: CivilDate?)
    /// Result of `Effect.listPeople`: the people the viewer may see.
    case peopleListed([Person])
    /// Result of `Effect.loadPerson`.
    case personLoaded(PersonRecord, OrganizationContext)
    /// `Effect.loadPerson` failed (not found, access denied …): an actionable message.
    case personLoadFailed(id: String, message: String)
    /// Result of `Effect.savePlan`: nil on success; `error`: why the plan was not saved, in both languages (never a database's own message).
    case planSaved(error: LocalizedText?)
    /// Result of `Effect.loadSavedPlan` (and of every plan write): the person's saved plan toward the target (nil: none),
    /// with the people who wrote on it (their names, not ids, on the Plan screen).
    case savedPlanLoaded(personID: String, target: String, plan: SavedPlan?, authors: [Person])
    /// What changed on the person's own plans since their last visit (notes by others; `authors`: their names),
    /// sent by the runner with the person's own first load: the sign-in notice.
    case planNews(notes: [PlanNote], authors: [Person])
    /// Result of `Effect.submitPlan`: nil on success, else why not, in both languages.
    case planSubmitted(error: LocalizedText?)
    /// The store refused a plan write; `changedElsewhere`: another session wrote it first (the plan was read again).
    case planRefused(th: String, en: String, changedElsewhere: Bool)
    /// Result of `Effect.exportPlanMarkdown`: nil on success, else why not (worded by `Str`).
    case planExported(path: String, error: ExportProblem?)
    /// `Effect.exportPlanMarkdown` found `requested` taken and wrote `path` instead (never over a file).
    case planExportRenamed(requested: String, path: String)
    /// Result of `Effect.recordSelfAssessment`: nil on success, else the store's refusal in both languages.
    case selfAssessmentRecorded(personID: String, competency: String, level: Int, error: LocalizedText?)
    /// Every plan of the person, newest first (`Effect.loadPlans`, and with every read of a saved plan).
    case plansListed(personID: String, plans: [SavedPlan])
    /// Results of supervisor mode's effects.
    case supervisor(SupervisorEvent)
    /// The Reports screen's reads and writes, answered.
    case reports(ReportsEvent)
    /// The central database could not be reached at `at` (at start, or a `connectStore` try failed);
    /// `reload`: the effects to carry out once it answers (the start's reads; empty: keep those waiting).
    case storeUnavailable(at: Date, reload: [Effect])
    /// A `connectStore` try succeeded: the waiting reads go out.
    case storeAvailable
    /// The runner's clock: the next try to reach the database is due (`StoreLink.isDue`).
    case storeRetryDue
}

/// Work the runner does outside the update function (store, files); values so that
/// update tests do no I/O and can assert exactly what would happen.
public enum Effect: Sendable, Hashable {
    /// List the people the viewer may see; answer with `.peopleListed`.
    case listPeople
    /// Load one record (through the store's `Viewer` check); answer with `.personLoaded` or `.personLoadFailed`.
    /// The store writes the audit row of the read: the only "view" row a record shown gets.
    case loadPerson(id: String)
    /// Store the plan as the person's development plan, over the saved plan `planID` at `revision`
    /// as the screen last read it (nil, 0: none was saved); answer with `.planSaved` and `.savedPlanLoaded`.
    case savePlan(DevelopmentPlan, planID: Int64?, revision: Int)
    /// Read the person's saved plan toward `target`; answer with `.savedPlanLoaded`.
    case loadSavedPlan(personID: String, target: String)
    /// Record that step `stepID` of the saved plan started or was completed on the given day; answer with `.savedPlanLoaded`.
    case recordProgress(personID: String, planID: Int64, stepID: Int64, started: CivilDate?, completed: CivilDate?)
    /// Submit the saved plan to the supervisor; answer with `.planSubmitted` and `.savedPlanLoaded`.
    case submitPlan(personID: String, planID: Int64, revision: Int)
    /// Start version n + 1 of the approved plan `planID` (seen at `revision`) from `plan`, the old one
    /// kept; answer as `.savePlan` does.
    case startPlanVersion(DevelopmentPlan, planID: Int64, revision: Int)
    /// Read every plan of the person (across targets); answer with `.plansListed`.
    case loadPlans(personID: String)
    /// Record the person's own assessment of one competency on `on` (never counted; the store checks
    /// it is their own, the level and the dictionary, and audits); answer with `.selfAssessmentRecorded`.
    case recordSelfAssessment(personID: String, competency: String, level: Int, note: String, on: CivilDate)
    /// Write `markdown` to `path`; answer with `.planExported`.
    case exportPlanMarkdown(path: String, markdown: String)
    /// Supervisor mode's work (subordinates, saved plans, reviews); answered with `.supervisor` events.
    case supervisor(SupervisorEffect)
    /// The Reports screen's work; answered with `.reports` events.
    case reports(ReportsEffect)
    /// Try to reach the central database (connect and check its schema); answer with
    /// `.storeAvailable` or `.storeUnavailable`.
    case connectStore
    /// Restore the terminal and exit 0.
    case quit
}

/// Why an export was not written, worded by the screen in its language (`Str.exportProblem`).
public enum ExportProblem: Sendable, Hashable {
    /// The chosen folder does not exist.
    case noFolder(String)
    /// The file could not be written; `reason`: the system's own words.
    case cannotWrite(path: String, reason: String)
    /// The audit row of the export could not be written, so the file was removed; why, in both
    /// languages (the store's words).
    case notAudited(path: String, LocalizedText)
}
