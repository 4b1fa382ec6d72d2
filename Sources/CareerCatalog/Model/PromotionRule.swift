/// How someone may be appointed to a level: any one alternative, plus every extra condition.
public struct PromotionRule: Sendable, Hashable {
    public let toLevel: String
    public let alternatives: [RuleAlternative]
    public let conditions: [RuleCondition]
    /// Where the numbers come from, e.g. "confirmed (several agencies' HR pages)".
    public let source: String
    /// True where the rule is a default still to be confirmed.
    public let toConfirm: Bool

    /// `source` and `toConfirm` as one value.
    public var provenance: Provenance { Provenance(source: source.isEmpty ? nil : source, confirm: toConfirm) }

    public init(toLevel: String, alternatives: [RuleAlternative], conditions: [RuleCondition], source: String, toConfirm: Bool) {
        self.toLevel = toLevel; self.alternatives = alternatives; self.conditions = conditions
        self.source = source; self.toConfirm = toConfirm
    }
}

/// One way to meet the time requirement: `months` calendar months served in `levels` combined.
public struct RuleAlternative: Sendable, Hashable {
    /// Levels whose time counts together (e.g. [K3, M1]).
    public let levels: [String]
    /// Minimum months (0 = any time at those levels).
    public let months: Int
    /// The alternative applies only to people with at least this education.
    public let minEducation: String?
    /// The alternative also needs diverse experience ("3 ต่าง").
    public let requiresDiverseExperience: Bool
    /// Months of other work that an approving body must have accepted as equivalent
    /// (S1 via K4); not something time alone can produce.
    public let approvedEquivalenceMonths: Int

    public init(levels: [String], months: Int, minEducation: String? = nil,
                requiresDiverseExperience: Bool = false, approvedEquivalenceMonths: Int = 0) {
        self.levels = levels; self.months = months; self.minEducation = minEducation
        self.requiresDiverseExperience = requiresDiverseExperience
        self.approvedEquivalenceMonths = approvedEquivalenceMonths
    }
}

/// Extra conditions of a rule that apply whichever alternative is used.
public enum RuleCondition: Sendable, Hashable {
    /// Diverse experience "3 ต่าง".
    case diverseExperience
    /// The target director post's experience framework.
    case framework
    /// A completed course.
    case course(String)
}

/// Parameters of the "3 ต่าง" check, as data.
public struct DiverseExperienceRule: Sendable, Hashable {
    /// How many of the four kinds of difference are needed (3).
    public let required: Int
    /// A posting counts only if it lasted at least this many months (12, confirm).
    public let minimumMonths: Int
    public let provenance: Provenance

    public init(required: Int, minimumMonths: Int, provenance: Provenance = .unstated) {
        self.required = required; self.minimumMonths = minimumMonths; self.provenance = provenance
    }
}

/// How assignments count toward experience (section 3 of the domain reference).
public struct ExperienceCounting: Sendable, Hashable {
    /// Weight per role id: regular, rotation, acting, task-force, secondment.
    public let roleWeights: [String: Double]
    /// Roles whose days also count toward the `management` field.
    public let rolesCountingAsManagement: [String]
    /// Days per month for experience (30.4375).
    public let daysPerMonth: Double
    public let provenance: Provenance

    public init(roleWeights: [String: Double], rolesCountingAsManagement: [String], daysPerMonth: Double,
                provenance: Provenance = .unstated) {
        self.provenance = provenance
        self.roleWeights = roleWeights
        self.rolesCountingAsManagement = rolesCountingAsManagement
        self.daysPerMonth = daysPerMonth
    }
}
