/// A Bureau/Division Director post and its experience-accumulation framework
/// (กรอบการสั่งสมประสบการณ์).
public struct DirectorPost: Sendable, Hashable {
    public let id: String                    // dir-news-bureau
    public let name: LocalizedText
    /// The unit the post heads (for the eight regional bureaus, the first of them).
    public let unit: String
    public let level: String                 // M1 or M2
    public let standard: String              // director | specialised-director
    /// Who may apply.
    public let eligibility: [EligibleLine]
    /// Required months per work field, and at-least-N-of-M groups.
    public let experience: [ExperienceRequirement]
    /// Months heading a group or unit (acting included).
    public let managementMonths: Int
    /// Months of service in a regional unit (0 = not required).
    public let regionalMonths: Int
    public let requiresDiverseExperience: Bool
    public let competencies: [CompetencyRequirement]
    public let courses: [String]
    /// The framework's ordered stages: the path to the post.
    public let stages: [FrameworkStage]
    public let location: SourceLocation?

    public init(id: String, name: LocalizedText, unit: String, level: String, standard: String,
                eligibility: [EligibleLine], experience: [ExperienceRequirement], managementMonths: Int,
                regionalMonths: Int, requiresDiverseExperience: Bool, competencies: [CompetencyRequirement],
                courses: [String], stages: [FrameworkStage], location: SourceLocation? = nil) {
        self.id = id; self.name = name; self.unit = unit; self.level = level; self.standard = standard
        self.eligibility = eligibility; self.experience = experience; self.managementMonths = managementMonths
        self.regionalMonths = regionalMonths; self.requiresDiverseExperience = requiresDiverseExperience
        self.competencies = competencies; self.courses = courses; self.stages = stages
        self.location = location
    }
}

/// A job line and the levels on it from which one may apply.
public struct EligibleLine: Sendable, Hashable {
    public let line: String
    public let levels: [String]

    public init(line: String, levels: [String]) { self.line = line; self.levels = levels }
}

/// Months required in one field, or in at least `atLeast` of several fields (each).
public enum ExperienceRequirement: Sendable, Hashable {
    case field(id: String, months: Int)
    case group(id: String, name: LocalizedText, atLeast: Int, fields: [String], months: Int)
}

/// One stage of a framework: where to serve, at what level, for how long, and what it builds.
public struct FrameworkStage: Sendable, Hashable {
    public let order: Int
    public let field: String?
    public let unit: String?
    public let level: String
    public let months: Int
    public let develops: LocalizedText

    public init(order: Int, field: String?, unit: String?, level: String, months: Int, develops: LocalizedText) {
        self.order = order; self.field = field; self.unit = unit; self.level = level
        self.months = months; self.develops = develops
    }
}
