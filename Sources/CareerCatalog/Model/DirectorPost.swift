/// Whether a post is one of the 15 Bureau/Division Director posts or an executive post above them.
public enum PostKind: String, Sendable, Hashable {
    /// M1/M2 director posts with an experience-accumulation framework (`Data/directors/`).
    case director
    /// S1/S2 executive posts (deputy director-general, director-general; `Data/executives/`).
    case executive
}

/// A compulsory programme that comes with a post after appointment (seed 001: the SES
/// post-service programmes นบส.2 and ป.ย.ป.), shown as an obligation, never as a gap.
public struct PostObligation: Sendable, Hashable {
    public let course: String
    /// Within how many months of appointment (0 = not stated).
    public let withinMonths: Int
    public let provenance: Provenance

    public init(course: String, withinMonths: Int = 0, provenance: Provenance) {
        self.course = course; self.withinMonths = withinMonths; self.provenance = provenance
    }
}

/// A Bureau/Division Director post and its experience-accumulation framework
/// (กรอบการสั่งสมประสบการณ์), or an executive post (S1/S2) with its rules.
public struct DirectorPost: Sendable, Hashable {
    public let id: String                    // dir-news-bureau
    public let name: LocalizedText
    /// A short name for where space is short ("ผอ.สำนักข่าว", "Dir. News"); nil: the name is short enough.
    public let short: LocalizedText?
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
    public let kind: PostKind
    /// Where the framework's values come from.
    public let provenance: Provenance
    /// Compulsory programmes after appointment.
    public let obligations: [PostObligation]
    public let location: SourceLocation?

    public init(id: String, name: LocalizedText, unit: String, level: String, standard: String,
                eligibility: [EligibleLine], experience: [ExperienceRequirement], managementMonths: Int,
                regionalMonths: Int, requiresDiverseExperience: Bool, competencies: [CompetencyRequirement],
                courses: [String], stages: [FrameworkStage], kind: PostKind = .director,
                provenance: Provenance = .unstated, obligations: [PostObligation] = [],
                location: SourceLocation? = nil, short: LocalizedText? = nil) {
        self.id = id; self.name = name; self.short = short; self.unit = unit; self.level = level; self.standard = standard
        self.eligibility = eligibility; self.experience = experience; self.managementMonths = managementMonths
        self.regionalMonths = regionalMonths; self.requiresDiverseExperience = requiresDiverseExperience
        self.competencies = competencies; self.courses = courses; self.stages = stages
        self.kind = kind; self.provenance = provenance; self.obligations = obligations
        self.location = location
    }

    /// The short name where there is one, else the name.
    public func shortName(_ language: Language) -> String { short?.text(language) ?? name.text(language) }
}

/// A job line and the levels on it from which one may apply.
public struct EligibleLine: Sendable, Hashable {
    public let line: String
    public let levels: [String]

    public init(line: String, levels: [String]) { self.line = line; self.levels = levels }

    /// `line: any` in the data: every job line (executive posts take any line at the listed levels).
    public static let anyLine = "any"

    /// True when a person on `jobLine` at `level` may apply through this entry.
    public func admits(jobLine: String, level: String) -> Bool {
        (line == Self.anyLine || line == jobLine) && levels.contains(level)
    }

    /// True when this entry is about `jobLine` (at some level).
    public func covers(jobLine: String) -> Bool { line == Self.anyLine || line == jobLine }
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
