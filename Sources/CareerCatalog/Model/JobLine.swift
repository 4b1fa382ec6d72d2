/// A job line (สายงาน) and its ladder.
public struct JobLine: Sendable, Hashable {
    public let id: String
    public let type: String                 // position type id
    public let name: LocalizedText
    /// The position classification standard this line follows (same id as the line).
    public let standard: String
    public let workFields: [String]
    public let relatedLines: [RelatedLine]
    public let levels: [JobLineLevel]       // lowest first
    /// Where the competency requirements of the line's levels come from.
    public let provenance: Provenance
    public let location: SourceLocation?

    public init(id: String, type: String, name: LocalizedText, standard: String, workFields: [String],
                relatedLines: [RelatedLine], levels: [JobLineLevel], provenance: Provenance = .unstated,
                location: SourceLocation? = nil) {
        self.id = id; self.type = type; self.name = name; self.standard = standard
        self.workFields = workFields; self.relatedLines = relatedLines; self.levels = levels
        self.provenance = provenance
        self.location = location
    }

    public func level(_ id: String) -> JobLineLevel? { levels.first { $0.level == id } }
}

/// A line to which lateral moves are natural, and how much time there counts here.
public struct RelatedLine: Sendable, Hashable {
    public let line: String
    /// Percentage (50–100) of time served in `line` that counts as this line's experience.
    public let ratio: Int
    public let provenance: Provenance

    public init(line: String, ratio: Int, provenance: Provenance = .unstated) {
        self.line = line; self.ratio = ratio; self.provenance = provenance
    }
}

/// What a job line expects at one of its levels.
public struct JobLineLevel: Sendable, Hashable {
    public let level: String
    public let duty: LocalizedText
    public let competencies: [CompetencyRequirement]

    public init(level: String, duty: LocalizedText, competencies: [CompetencyRequirement]) {
        self.level = level; self.duty = duty; self.competencies = competencies
    }
}

/// A competency at a required level (0–5).
public struct CompetencyRequirement: Sendable, Hashable {
    public let competency: String
    public let level: Int

    public init(competency: String, level: Int) { self.competency = competency; self.level = level }
}

/// A position classification standard (มาตรฐานกำหนดตำแหน่ง).
public struct PositionStandard: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    public let type: String
    public let summary: LocalizedText
    /// Qualification as the standard words it.
    public let qualification: LocalizedText
    /// The lowest education that meets the qualification.
    public let minEducation: String

    public init(id: String, name: LocalizedText, type: String, summary: LocalizedText,
                qualification: LocalizedText, minEducation: String) {
        self.id = id; self.name = name; self.type = type; self.summary = summary
        self.qualification = qualification; self.minEducation = minEducation
    }
}
