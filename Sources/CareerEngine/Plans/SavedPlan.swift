/// What a reviewer does to a saved development plan (stored in `plan_comments.action`).
public enum PlanReviewAction: String, Sendable, Hashable, CaseIterable {
    /// A note only; the status does not change.
    case comment
    /// The plan is accepted: status `approved`.
    case approve
    /// The plan goes back to its author for changes: status `returned` (it can be saved over again).
    case `return`
}

/// One comment or status change on a saved plan, with its author and time (ISO 8601 UTC).
public struct PlanNote: Sendable, Hashable {
    public var authorID: String
    public var writtenAt: String
    public var action: String
    public var body: String

    public init(authorID: String, writtenAt: String, action: String, body: String) {
        self.authorID = authorID; self.writtenAt = writtenAt; self.action = action; self.body = body
    }
}

/// A stored development plan as its reviewers see it: status, who wrote and changed it, how many
/// steps, and its notes, oldest first. One value for the store that reads it and the screens that
/// show it.
public struct SavedPlan: Sendable, Hashable {
    public var id: Int64
    public var personID: String
    public var target: String
    /// draft | submitted | approved | returned
    public var status: String
    public var createdBy: String
    public var updatedAt: String
    public var statusBy: String?
    public var statusAt: String?
    public var stepCount: Int
    public var notes: [PlanNote]

    public init(id: Int64, personID: String, target: String, status: String, createdBy: String, updatedAt: String = "",
                statusBy: String? = nil, statusAt: String? = nil, stepCount: Int, notes: [PlanNote] = []) {
        self.id = id; self.personID = personID; self.target = target; self.status = status; self.createdBy = createdBy
        self.updatedAt = updatedAt; self.statusBy = statusBy; self.statusAt = statusAt; self.stepCount = stepCount
        self.notes = notes
    }
}
