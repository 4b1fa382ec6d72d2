import CareerCatalog

/// What a reviewer does to a saved development plan (stored in `plan_comments.action`).
public enum PlanReviewAction: String, Sendable, Hashable, CaseIterable {
    /// A note only; the status does not change.
    case comment
    /// The plan is accepted: status `approved`.
    case approve
    /// The plan goes back to its author for changes: status `returned` (it can be saved over again).
    case `return`
}

/// Where a saved plan stands (`development_plans.status`). The cycle:
/// draft → submitted → approved | returned (→ edited, submitted again) → in progress → done;
/// an approved plan changed by a new version becomes `superseded` once the new version is approved.
public enum PlanStatus: String, Sendable, Hashable, CaseIterable {
    case draft, submitted, approved, returned
    case inProgress = "in-progress"
    case done, superseded

    /// Its author may change the steps (save over it) and submit it.
    public var isEditable: Bool { self == .draft || self == .returned }
    /// A supervisor may approve or return it.
    public var awaitsReview: Bool { self == .submitted }
    /// Steps may be started, completed and confirmed.
    public var isUnderWay: Bool { self == .approved || self == .inProgress }
    /// Changed only by starting a new version.
    public var needsNewVersion: Bool { self == .approved || self == .inProgress || self == .done }
}

/// One comment or status change on a saved plan, with its author and time (ISO 8601 UTC).
/// `action`: comment | submit | approve | return | progress | confirm.
public struct PlanNote: Sendable, Hashable {
    public var authorID: String
    public var writtenAt: String
    public var action: String
    public var body: String

    public init(authorID: String, writtenAt: String, action: String, body: String) {
        self.authorID = authorID; self.writtenAt = writtenAt; self.action = action; self.body = body
    }
}

/// One stored step of a plan, with its progress: started and completed by the person or their
/// supervisor, confirmed by the supervisor (then it is in the person's record).
public struct SavedStep: Sendable, Hashable {
    public var id: Int64
    public var position: Int
    public var method: String
    public var unit: String?
    public var field: String?
    public var course: String?
    public var workingGroup: String?
    /// The gaps it closes, comma separated (`experience:news, competency:visioning`).
    public var closes: String
    public var start: CivilDate?
    public var end: CivilDate?
    public var months: Int?
    public var startedOn: CivilDate?
    public var completedOn: CivilDate?
    public var confirmedBy: String?
    public var confirmedAt: String?

    public init(id: Int64, position: Int, method: String, unit: String? = nil, field: String? = nil, course: String? = nil,
                workingGroup: String? = nil, closes: String = "", start: CivilDate? = nil, end: CivilDate? = nil, months: Int? = nil,
                startedOn: CivilDate? = nil, completedOn: CivilDate? = nil, confirmedBy: String? = nil, confirmedAt: String? = nil) {
        self.id = id; self.position = position; self.method = method; self.unit = unit; self.field = field
        self.course = course; self.workingGroup = workingGroup; self.closes = closes; self.start = start; self.end = end
        self.months = months; self.startedOn = startedOn; self.completedOn = completedOn
        self.confirmedBy = confirmedBy; self.confirmedAt = confirmedAt
    }

    public var isConfirmed: Bool { confirmedBy != nil }
}

/// A picked suggestion as stored with a plan: the gap and the suggestion's method and place, so the
/// Plan screen shows the same picks after a restart (matched against the day's report).
public struct SavedPick: Sendable, Hashable {
    public var gapID: String
    public var method: String
    public var place: String

    public init(gapID: String, method: String, place: String) { self.gapID = gapID; self.method = method; self.place = place }

    public init(_ pick: PlannedPick) {
        self.init(gapID: pick.gapID, method: pick.suggestion.method, place: pick.suggestion.place.key)
    }

    /// True when `pick` is this stored pick (same gap, method and place; months and fit may have moved).
    public func matches(gapID: String, _ suggestion: Suggestion) -> Bool {
        self.gapID == gapID && method == suggestion.method && place == suggestion.place.key
    }
}

extension SuggestedPlace {
    /// A stable text for the place (`unit:news-bureau`, `acting:P000073|news-bureau|M1`, `course:…`).
    public var key: String {
        switch self {
        case .unit(let u): return "unit:" + u
        case .actingPost(let holder, let unit, let level): return "acting:\(holder)|\(unit)|\(level)"
        case .workingGroup(let g): return "group:" + g
        case .course(let c): return "course:" + c
        case .coach(let p): return "coach:" + p
        case .jobLine(let l): return "line:" + l
        case .none: return ""
        }
    }
}

/// A stored development plan as its author and reviewers see it: status, version, who wrote and
/// changed it, its steps with their progress, the picks it was made from, and its notes, oldest
/// first. One value for the store that reads it and the screens that show it.
public struct SavedPlan: Sendable, Hashable {
    public var id: Int64
    public var personID: String
    public var target: String
    /// draft | submitted | approved | returned | in-progress | done | superseded (`PlanStatus`)
    public var status: String
    public var createdBy: String
    public var updatedAt: String
    public var statusBy: String?
    public var statusAt: String?
    public var stepCount: Int
    public var notes: [PlanNote]
    /// 1 for a first plan toward the target, 2 for the version started from an approved one …
    public var version: Int
    /// Counts the writes to the plan: a save that names an older revision was overtaken ("changed elsewhere").
    public var revision: Int
    /// The version this one replaces.
    public var previousID: Int64?
    public var steps: [SavedStep]
    public var picks: [SavedPick]

    public init(id: Int64, personID: String, target: String, status: String, createdBy: String, updatedAt: String = "",
                statusBy: String? = nil, statusAt: String? = nil, stepCount: Int, notes: [PlanNote] = [],
                version: Int = 1, revision: Int = 1, previousID: Int64? = nil, steps: [SavedStep] = [], picks: [SavedPick] = []) {
        self.id = id; self.personID = personID; self.target = target; self.status = status; self.createdBy = createdBy
        self.updatedAt = updatedAt; self.statusBy = statusBy; self.statusAt = statusAt; self.stepCount = stepCount
        self.notes = notes; self.version = version; self.revision = revision; self.previousID = previousID
        self.steps = steps; self.picks = picks
    }

    /// The status as a value (`.draft` for a text no release wrote).
    public var planStatus: PlanStatus { PlanStatus(rawValue: status) ?? .draft }

    /// When it was approved (the last approval note), if ever.
    public var approvedAt: String? { notes.last { $0.action == PlanReviewAction.approve.rawValue }?.writtenAt }
}

/// What a confirmed step adds to the person's record.
public enum StepRecord: Sendable, Hashable {
    case assignment(Assignment)
    case training(CompletedTraining)
}

extension SavedStep {
    /// The record a completed step becomes once its supervisor confirms it: a rotation, an acting
    /// assignment, a job assignment or a task force an assignment (in the step's unit, or the
    /// working group's, and field, from its start to its completion); a course a training. Other
    /// methods (coaching, self-study …) add no record: a competency moves by an assessment.
    /// nil also when the step was not started and completed.
    public func record(catalog: Catalog) -> StepRecord? {
        guard let started = startedOn, let completed = completedOn, completed >= started else { return nil }
        switch method {
        case "job-rotation", "acting-assignment", "job-assignment":
            guard let unit else { return nil }
            let role: AssignmentRole = method == "acting-assignment" ? .acting : method == "job-assignment" ? .regular : .rotation
            return .assignment(Assignment(unit: unit, field: method == "acting-assignment" ? nil : field, role: role,
                                          start: started, end: completed))
        case "committee-task-force":
            guard let group = workingGroup.flatMap({ catalog.workingGroupsByID[$0] }) else { return nil }
            return .assignment(Assignment(unit: group.unit, field: field, role: .taskForce, start: started, end: completed))
        case "course":
            guard let course else { return nil }
            return .training(CompletedTraining(course: course, completedOn: completed))
        default:
            return nil
        }
    }
}
