import CareerCatalog

/// How soon a candidate could apply for a director post.
public enum SuccessionBand: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Eligible on the evaluation date: no gap remains.
    case readyNow = "ready-now"
    /// Eligible within 24 months by following the suggested development plan.
    case withinTwoYears = "within-2-years"
    /// Eligible only later, or not by any plan the engine can make (education, an approval).
    case later

    /// Position in the ranking: ready now first.
    public var order: Int {
        switch self {
        case .readyNow: return 0
        case .withinTwoYears: return 1
        case .later: return 2
        }
    }

    public static func < (a: SuccessionBand, b: SuccessionBand) -> Bool { a.order < b.order }
}

/// One person in the succession pool of a director post, with what still stands between them and it.
public struct SuccessionCandidate: Sendable, Hashable {
    public var person: Person
    /// 1-based place in the pool.
    public var rank: Int
    public var band: SuccessionBand
    /// True when the person's current level may not apply yet: they need their next promotion first.
    public var onPromotion: Bool
    /// The gaps left on the evaluation date (no suggestions attached; ask the `GapAnalyzer` for those).
    public var gaps: [Gap]
    /// First tie-breaker: the sum over competency gaps of required − assessed level (smaller is better).
    public var competencyShortfall: Int
    /// Second tie-breaker: the sum over the framework's experience requirements (fields, groups,
    /// management, regional service) of months counted − months required; negative when short
    /// (larger is better).
    public var experienceMarginMonths: Double
    /// When every gap closes if nothing changes; nil when time alone cannot close some gap.
    public var eligibleOnIfNothingChanges: CivilDate?
    /// When every gap closes following the suggested plan from the evaluation date; nil when no plan
    /// closes them all or when `planEvaluated` is false.
    public var eligibleOnWithPlan: CivilDate?
    /// False when the ranking could place the candidate in `later` without building a plan (a lower
    /// bound on their date was already past the horizon); `SuccessionRanker.withPlanDates` fills it in.
    public var planEvaluated: Bool

    public init(person: Person, rank: Int, band: SuccessionBand, onPromotion: Bool, gaps: [Gap],
                competencyShortfall: Int, experienceMarginMonths: Double,
                eligibleOnIfNothingChanges: CivilDate?, eligibleOnWithPlan: CivilDate?, planEvaluated: Bool) {
        self.person = person; self.rank = rank; self.band = band; self.onPromotion = onPromotion; self.gaps = gaps
        self.competencyShortfall = competencyShortfall; self.experienceMarginMonths = experienceMarginMonths
        self.eligibleOnIfNothingChanges = eligibleOnIfNothingChanges; self.eligibleOnWithPlan = eligibleOnWithPlan
        self.planEvaluated = planEvaluated
    }

    /// The distinct kinds of the remaining gaps, in `GapKind` order.
    public var gapKinds: [GapKind] {
        let present = Set(gaps.map(\.kind))
        return GapKind.allCases.filter(present.contains)
    }

    /// The date to show: the evaluation date when ready now, else the plan's date, else the
    /// nothing-changes date.
    public var eligibleOn: CivilDate? { eligibleOnWithPlan ?? eligibleOnIfNothingChanges }
}

/// The ranked candidates for one director post on one day.
public struct SuccessionPool: Sendable, Hashable {
    public var post: DirectorPost
    /// The evaluation date.
    public var on: CivilDate
    /// `on` + 24 months: the last day that still counts as "within 2 years".
    public var horizon: CivilDate
    /// Best first.
    public var candidates: [SuccessionCandidate]
    /// How many development plans the ranking built (the expensive step; for benchmarks).
    public var plansBuilt: Int

    public init(post: DirectorPost, on: CivilDate, horizon: CivilDate, candidates: [SuccessionCandidate], plansBuilt: Int = 0) {
        self.post = post; self.on = on; self.horizon = horizon; self.candidates = candidates; self.plansBuilt = plansBuilt
    }

    /// A succession risk: no candidate is ready now or within 2 years.
    public var isRisk: Bool { !candidates.contains { $0.band != .later } }

    /// How many candidates fall in `band`.
    public func count(_ band: SuccessionBand) -> Int { candidates.reduce(0) { $0 + ($1.band == band ? 1 : 0) } }
}

/// Whether a director post has anyone ready within 2 years.
public struct SuccessionRisk: Sendable, Hashable {
    public var post: DirectorPost
    public var on: CivilDate
    /// People whose line and level make them candidates.
    public var candidates: Int
    /// A candidate ready now or within 2 years (the first found, not necessarily the best ranked); nil for a risk.
    public var successor: SuccessionCandidate?

    public init(post: DirectorPost, on: CivilDate, candidates: Int, successor: SuccessionCandidate?) {
        self.post = post; self.on = on; self.candidates = candidates; self.successor = successor
    }

    /// No candidate ready now or within 2 years.
    public var isRisk: Bool { successor == nil }
}

/// A succession question the catalog cannot answer: a post it does not have, with the nearest id
/// when there is a plausible one (the command line words it).
public struct SuccessionError: Error, Sendable, Hashable {
    public let post: String
    public let suggestion: String?

    public init(post: String, suggestion: String?) { self.post = post; self.suggestion = suggestion }
}
