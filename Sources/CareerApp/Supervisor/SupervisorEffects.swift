import CareerCatalog
import CareerEngine

/// Effects of supervisor mode, carried out by the runner (through the store's `Viewer` checks).
public enum SupervisorEffect: Sendable, Hashable {
    /// Every record below the supervisor (their whole chain, as the viewer may see it);
    /// answer with `.subordinatesListed`.
    case listSubordinates(supervisorID: String)
    /// The person's latest saved plan; answer with `.planLoaded`.
    case loadPlan(personID: String)
    /// Comment on, approve or return a saved plan (stored with author and time); answer with `.planReviewed`.
    case reviewPlan(personID: String, planID: Int64, kind: PlanReviewAction, comment: String)
    /// Record the supervisor's assessment of one competency on `on` (the store checks the chain,
    /// the level and the dictionary, and audits); answer with `.assessmentRecorded`.
    case recordAssessment(personID: String, competency: String, level: Int, note: String, on: CivilDate)
    /// Confirm a completed step of the person's plan into their record (the store checks the chain and
    /// the step, writes the assignment or training record, audits); answer with `.stepConfirmed`.
    case confirmStep(personID: String, planID: Int64, stepID: Int64)
}

/// Answers to `SupervisorEffect`s.
public enum SupervisorEvent: Sendable {
    /// The supervisor (nil when not visible) and every record in their chain below them.
    case subordinatesListed(supervisor: Person?, records: [PersonRecord])
    case planLoaded(personID: String, plan: SavedPlan?)
    /// The plan after the review, or the error message.
    case planReviewed(personID: String, plan: SavedPlan?, error: String?)
    /// How many submitted plans in the chain wait for the supervisor's decision (with the listing).
    case awaitingReview(Int)
    /// The assessment is stored (error nil) or refused (the store's message in both languages).
    case assessmentRecorded(personID: String, competency: String, level: Int, error: (th: String, en: String)?)
    /// The step is confirmed (`plan` after it; `error` nil) or refused (the store's message in both languages).
    case stepConfirmed(personID: String, position: Int, plan: SavedPlan?, error: LocalizedText?)
    /// A listing failed: an actionable message.
    case failed(String)
}
