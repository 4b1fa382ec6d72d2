import CareerCatalog
import CareerEngine

/// What a supervisor does to a subordinate's saved plan.
public enum PlanReviewKind: String, Sendable, Hashable, CaseIterable {
    case comment, approve, `return`
}

/// One note on a saved plan (a comment or a status change), with its author and time.
public struct PlanNote: Sendable, Hashable {
    public var authorID: String
    public var writtenAt: String
    public var action: String
    public var body: String
    public init(authorID: String, writtenAt: String, action: String, body: String) {
        self.authorID = authorID; self.writtenAt = writtenAt; self.action = action; self.body = body
    }
}

/// A subordinate's saved development plan as the supervisor pane shows it (a plain value the
/// runner builds from the store's plan tables).
public struct SupervisedPlan: Sendable, Hashable {
    public var planID: Int64
    public var target: String
    /// draft | submitted | approved | returned
    public var status: String
    public var createdBy: String
    public var statusBy: String?
    public var statusAt: String?
    public var stepCount: Int
    public var notes: [PlanNote]
    public init(planID: Int64, target: String, status: String, createdBy: String, statusBy: String? = nil,
                statusAt: String? = nil, stepCount: Int, notes: [PlanNote] = []) {
        self.planID = planID; self.target = target; self.status = status; self.createdBy = createdBy
        self.statusBy = statusBy; self.statusAt = statusAt; self.stepCount = stepCount; self.notes = notes
    }
}

/// Effects of supervisor mode, carried out by the runner (through the store's `Viewer` checks).
public enum SupervisorEffect: Sendable, Hashable {
    /// Every record below the supervisor (their whole chain, as the viewer may see it);
    /// answer with `.subordinatesListed`.
    case listSubordinates(supervisorID: String)
    /// The person's latest saved plan; answer with `.planLoaded`.
    case loadPlan(personID: String)
    /// Comment on, approve or return a saved plan (stored with author and time); answer with `.planReviewed`.
    case reviewPlan(personID: String, planID: Int64, kind: PlanReviewKind, comment: String)
}

/// Answers to `SupervisorEffect`s.
public enum SupervisorEvent: Sendable {
    /// The supervisor (nil when not visible) and every record in their chain below them.
    case subordinatesListed(supervisor: Person?, records: [PersonRecord])
    case planLoaded(personID: String, plan: SupervisedPlan?)
    /// The plan after the review, or the error message.
    case planReviewed(personID: String, plan: SupervisedPlan?, error: String?)
    /// A listing failed: an actionable message.
    case failed(String)
}
