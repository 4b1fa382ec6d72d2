import CareerCatalog

/// A suggested sequence of development steps toward a target, and when it makes the person eligible.
public struct DevelopmentPlan: Sendable, Hashable {
    public var person: Person
    public var target: Target
    /// The day the plan starts.
    public var start: CivilDate
    /// The gaps on `start`, before any step.
    public var report: GapReport
    /// Steps in order of their start (postings one after another; coaching, groups and courses alongside).
    public var steps: [PlanStep]
    /// When every gap closes if the plan is followed; nil when some gap is out of the plan's reach
    /// (education, a promotion first, an approval).
    public var eligibleOn: CivilDate?
    /// When every gap closes if nothing changes; nil when time alone cannot close some gap.
    public var eligibleOnIfNothingChanges: CivilDate?
    /// The suggestions the steps were made from, by gap, in the order they were scheduled: picking
    /// them (`PlanBuilder.picks(following:)`) gives this plan again.
    public var picks: [PlannedPick]

    public init(person: Person, target: Target, start: CivilDate, report: GapReport, steps: [PlanStep],
                eligibleOn: CivilDate?, eligibleOnIfNothingChanges: CivilDate?, picks: [PlannedPick] = []) {
        self.person = person; self.target = target; self.start = start; self.report = report
        self.steps = steps; self.eligibleOn = eligibleOn; self.eligibleOnIfNothingChanges = eligibleOnIfNothingChanges
        self.picks = picks
    }
}

/// One step of a plan: a method carried out somewhere from `start` to `end` (both included).
public struct PlanStep: Sendable, Hashable {
    public var method: String
    public var place: SuggestedPlace
    /// The work field the step's days count toward (postings only).
    public var field: String?
    public var start: CivilDate
    public var end: CivilDate
    /// Rounded-up months (days ÷ 30.4375).
    public var months: Int
    /// Ids of the gaps it closes (`experience:news`, `competency:visioning` …).
    public var closes: [String]
    /// The framework stage it follows, when the target's framework has stages.
    public var stage: Int?

    public init(method: String, place: SuggestedPlace, field: String?, start: CivilDate, end: CivilDate,
                months: Int, closes: [String], stage: Int? = nil) {
        self.method = method; self.place = place; self.field = field; self.start = start; self.end = end
        self.months = months; self.closes = closes; self.stage = stage
    }
}

/// How a reachable target relates to where the person is.
public enum Route: String, Sendable, Hashable, Codable {
    /// The next level in the person's job line.
    case promotion
    /// The same level in a related job line.
    case lateral
    /// A director post open to the person's line and level.
    case directorPost = "director-post"
    /// An executive post (S1 deputy director-general, S2 director-general), open to any line at its levels.
    case executivePost = "executive-post"
}

/// A target the person can reach next, with how far away it is.
public struct ReachableTarget: Sendable, Hashable {
    public var target: Target
    public var route: Route
    /// True for a director post open to the person's line only at a higher level (apply after promotion).
    public var onPromotion: Bool
    public var gapCount: Int
    public var eligible: Bool
    public var eligibleOnIfNothingChanges: CivilDate?
    /// Following the suggested plan from the evaluation date.
    public var eligibleOnWithPlan: CivilDate?

    public init(target: Target, route: Route, onPromotion: Bool, gapCount: Int, eligible: Bool,
                eligibleOnIfNothingChanges: CivilDate?, eligibleOnWithPlan: CivilDate?) {
        self.target = target; self.route = route; self.onPromotion = onPromotion; self.gapCount = gapCount
        self.eligible = eligible; self.eligibleOnIfNothingChanges = eligibleOnIfNothingChanges
        self.eligibleOnWithPlan = eligibleOnWithPlan
    }
}
