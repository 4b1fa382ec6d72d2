import CareerCatalog

/// The kind of an unmet requirement (domain section 5).
public enum GapKind: String, Sendable, Hashable, CaseIterable, Codable {
    case education
    case timeInLevel = "time-in-level"
    case experience
    case competency
    case training
    /// The person's job line or level is not among those that may apply to a director post.
    case eligibility
}

/// One unmet requirement toward a target, with what fits it.
public struct Gap: Sendable, Hashable {
    /// What is required and what the person has.
    public var requirement: Requirement
    /// When the gap closes if nothing changes (ongoing assignments go on, time passes);
    /// nil when time alone cannot close it.
    public var metOn: CivilDate?
    /// Development methods that fit, best first.
    public var methods: [String]
    /// Concrete suggestions (units, posts, groups, courses), best fit first.
    public var suggestions: [Suggestion]

    public init(requirement: Requirement, metOn: CivilDate?, methods: [String] = [], suggestions: [Suggestion] = []) {
        self.requirement = requirement; self.metOn = metOn; self.methods = methods; self.suggestions = suggestions
    }

    public var kind: GapKind { requirement.kind }
    /// A stable id within one report: `experience:news`, `competency:visioning`, `time-in-level` …
    public var id: String { requirement.id }
}

/// What a gap is about.
public enum Requirement: Sendable, Hashable {
    /// The qualification needs `required` (an education id); the person has `actual`.
    case education(required: String, actual: String)
    /// The closest alternative of the promotion rule.
    case timeInLevel(TimeInLevelShortfall)
    /// Months in a field, a group of fields, management, regional service, or "3 ต่าง".
    case experience(ExperienceShortfall)
    /// `actual` is the latest supervisor or panel assessment; 0 and `assessed == false` when never assessed.
    case competency(competency: String, required: Int, actual: Int, assessed: Bool)
    /// A required course not completed (or whose completion expired on `expiredOn`).
    case training(course: String, expiredOn: CivilDate?)
    /// The post takes applicants only from `eligible`; the person is `jobLine` at `level`.
    case eligibility(jobLine: String, level: String, eligible: [EligibleLine])

    public var kind: GapKind {
        switch self {
        case .education: return .education
        case .timeInLevel: return .timeInLevel
        case .experience: return .experience
        case .competency: return .competency
        case .training: return .training
        case .eligibility: return .eligibility
        }
    }

    public var id: String {
        switch self {
        case .education: return "education"
        case .timeInLevel: return "time-in-level"
        case .experience(let e): return "experience:" + e.subject.id
        case .competency(let c, _, _, _): return "competency:" + c
        case .training(let c, _): return "training:" + c
        case .eligibility: return "eligibility"
        }
    }
}

/// The promotion-rule alternative closest to being met, and how far the person is from it.
public struct TimeInLevelShortfall: Sendable, Hashable {
    /// Levels whose time counts together.
    public var levels: [String]
    public var requiredMonths: Int
    /// Whole calendar months served in `levels` (combined) up to the evaluation date.
    public var actualMonths: Int
    /// The alternative's education condition, if any.
    public var minEducation: String?
    /// The alternative also needs "3 ต่าง" (reported as its own experience gap).
    public var requiresDiverseExperience: Bool
    /// Months an approving body must accept as equivalent (never met by time alone).
    public var approvedEquivalenceMonths: Int
    /// Higher degrees that would shorten the requirement (K1→K2: 48 months with a master's, 24
    /// with a doctorate), each with the day it would be met; empty: only time closes the gap.
    public var withHigherEducation: [EducationShortcut]

    public init(levels: [String], requiredMonths: Int, actualMonths: Int, minEducation: String?,
                requiresDiverseExperience: Bool = false, approvedEquivalenceMonths: Int = 0,
                withHigherEducation: [EducationShortcut] = []) {
        self.levels = levels; self.requiredMonths = requiredMonths; self.actualMonths = actualMonths
        self.minEducation = minEducation; self.requiresDiverseExperience = requiresDiverseExperience
        self.approvedEquivalenceMonths = approvedEquivalenceMonths
        self.withHigherEducation = withHigherEducation
    }
}

/// A rule alternative open to a higher degree than the person's, shorter than the one they are on.
public struct EducationShortcut: Sendable, Hashable {
    /// The education id (`master`).
    public var education: String
    public var requiredMonths: Int
    /// The day the shorter requirement is (or was already) met; the evaluation date when already met.
    public var metOn: CivilDate?

    public init(education: String, requiredMonths: Int, metOn: CivilDate?) {
        self.education = education; self.requiredMonths = requiredMonths; self.metOn = metOn
    }
}

/// What an experience gap counts.
public enum ExperienceSubject: Sendable, Hashable {
    /// A work field (`news`).
    case field(String)
    /// At least `atLeast` of `fields`, each for the required months.
    case group(id: String, atLeast: Int, fields: [String])
    /// Heading a group or unit, acting included.
    case management
    /// Service in regional units.
    case regional
    /// "3 ต่าง".
    case diverseExperience

    /// `news`, the group id, `management`, `regional`, `diverse-experience`.
    public var id: String {
        switch self {
        case .field(let f): return f
        case .group(let id, _, _): return id
        case .management: return "management"
        case .regional: return "regional"
        case .diverseExperience: return "diverse-experience"
        }
    }
}

/// Months required against months counted (days ÷ 30.4375, weighted by role).
public struct ExperienceShortfall: Sendable, Hashable {
    public var subject: ExperienceSubject
    public var requiredMonths: Int
    /// Counted months; for a group, the sum over the fields that count best is not meaningful,
    /// so this is the months of the `atLeast`-th best field.
    public var actualMonths: Double
    /// For a group: months per field, in the group's order.
    public var fieldMonths: [FieldMonths]
    /// For "3 ต่าง": which differences the person has and lacks.
    public var differences: DiverseExperienceStatus?

    public init(subject: ExperienceSubject, requiredMonths: Int, actualMonths: Double,
                fieldMonths: [FieldMonths] = [], differences: DiverseExperienceStatus? = nil) {
        self.subject = subject; self.requiredMonths = requiredMonths; self.actualMonths = actualMonths
        self.fieldMonths = fieldMonths; self.differences = differences
    }
}

/// Months counted in one field.
public struct FieldMonths: Sendable, Hashable {
    public var field: String
    public var months: Double

    public init(field: String, months: Double) { self.field = field; self.months = months }
}

/// One of the four kinds of difference of "3 ต่าง".
public enum Difference: String, Sendable, Hashable, CaseIterable, Codable {
    case jobLine = "job-line"
    case unit
    case location
    case workField = "work-field"
}

/// Where a person stands on "3 ต่าง".
public struct DiverseExperienceStatus: Sendable, Hashable {
    /// Differences already counted (each from a posting of at least `minimumMonths`), with the date each counted from.
    public var have: [Difference]
    public var missing: [Difference]
    /// How many are needed (3).
    public var required: Int
    public var minimumMonths: Int
    /// The day the `required`-th difference was (or, if nothing changes, will be) reached; nil if never.
    public var reachedOn: CivilDate?

    public init(have: [Difference], missing: [Difference], required: Int, minimumMonths: Int, reachedOn: CivilDate?) {
        self.have = have; self.missing = missing; self.required = required
        self.minimumMonths = minimumMonths; self.reachedOn = reachedOn
    }

    public var met: Bool { have.count >= required }
}

/// A concrete way to close a gap: a method and where to carry it out.
public struct Suggestion: Sendable, Hashable {
    /// A development method id, or `course` for enrolling in a course.
    public var method: String
    public var place: SuggestedPlace
    /// Typical (or needed) duration in months.
    public var months: Int
    /// Higher is a better fit; suggestions are sorted by it.
    public var fit: Int
    /// The first day it can start when that is later than the evaluation date (a course that admits
    /// the person only after their next promotion); nil: now.
    public var from: CivilDate?

    public init(method: String, place: SuggestedPlace, months: Int, fit: Int, from: CivilDate? = nil) {
        self.method = method; self.place = place; self.months = months; self.fit = fit; self.from = from
    }
}

/// Where a suggestion is carried out.
public enum SuggestedPlace: Sendable, Hashable {
    /// Rotate into (or be assigned to) this unit.
    case unit(String)
    /// Act in the post held by `holder` (a person in the supervisor chain), heading `unit`.
    case actingPost(holder: String, unit: String, level: String)
    /// Join this task force, committee or discussion group.
    case workingGroup(String)
    /// Complete this course.
    case course(String)
    /// Be coached by this person (the supervisor).
    case coach(String)
    /// Move laterally to this job line.
    case jobLine(String)
    /// Nothing more specific than the method.
    case none
}

/// Every unmet requirement of one person toward one target on one day.
public struct GapReport: Sendable, Hashable {
    public var person: Person
    public var target: Target
    /// The evaluation date.
    public var on: CivilDate
    /// True only when no gap remains.
    public var eligible: Bool
    public var gaps: [Gap]
    /// What the target post asks after appointment (executive posts: นบส.2, ป.ย.ป., with their
    /// source): shown beside the gaps, never one of them, and never part of `eligible`.
    public var obligations: [PostObligation]

    public init(person: Person, target: Target, on: CivilDate, gaps: [Gap], obligations: [PostObligation] = []) {
        self.person = person; self.target = target; self.on = on; self.gaps = gaps
        self.eligible = gaps.isEmpty
        self.obligations = obligations
    }

    /// When every gap closes if nothing changes: the evaluation date when eligible,
    /// nil when some gap cannot close by time alone.
    public var eligibleOnIfNothingChanges: CivilDate? {
        var latest = on
        for gap in gaps {
            guard let met = gap.metOn else { return nil }
            if met > latest { latest = met }
        }
        return latest
    }
}

/// What the engine knows about the organisation beyond one record (kept outside `PersonRecord`
/// so the engine stays pure): the people above the person, nearest first.
public struct OrganizationContext: Sendable, Hashable {
    /// Direct supervisor first, then their supervisor, and so on.
    public var supervisorChain: [Person]

    public init(supervisorChain: [Person] = []) { self.supervisorChain = supervisorChain }

    public static let none = OrganizationContext()

    /// Walks up from `person` through `supervisor(id)` (nil = unknown or out of the viewer's reach),
    /// stopping at a cycle or after `limit` levels, so bad supervisor data cannot loop forever.
    public static func chain(above person: Person, limit: Int = 12,
                             supervisor: (String) throws -> Person?) rethrows -> OrganizationContext {
        var chain: [Person] = []
        var next = person.supervisorID
        var seen: Set<String> = [person.id]
        while let id = next, !id.isEmpty, seen.insert(id).inserted, chain.count < limit,
              let boss = try supervisor(id) {
            chain.append(boss)
            next = boss.supervisorID
        }
        return OrganizationContext(supervisorChain: chain)
    }
}
