/// A competency dictionary (OCSC core, managerial, senior-executive, PR, leadership).
public struct CompetencyDictionary: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    public let description: LocalizedText
    /// Competencies defined in this dictionary.
    public let competencies: [Competency]
    /// Optional grouping (the senior-executive model's 4 groups); may name competencies
    /// defined in other dictionaries.
    public let groups: [CompetencyGroup]
    public let toConfirm: Bool

    public init(id: String, name: LocalizedText, description: LocalizedText, competencies: [Competency],
                groups: [CompetencyGroup], toConfirm: Bool) {
        self.id = id; self.name = name; self.description = description
        self.competencies = competencies; self.groups = groups; self.toConfirm = toConfirm
    }
}

public struct CompetencyGroup: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    public let competencies: [String]

    public init(id: String, name: LocalizedText, competencies: [String]) {
        self.id = id; self.name = name; self.competencies = competencies
    }
}

public struct Competency: Sendable, Hashable {
    public let id: String
    public let dictionary: String
    public let name: LocalizedText
    public let definition: LocalizedText
    /// Levels 1–5, in order.
    public let levels: [CompetencyLevel]

    public init(id: String, dictionary: String, name: LocalizedText, definition: LocalizedText, levels: [CompetencyLevel]) {
        self.id = id; self.dictionary = dictionary; self.name = name
        self.definition = definition; self.levels = levels
    }
}

public struct CompetencyLevel: Sendable, Hashable {
    public let level: Int
    public let indicators: [LocalizedText]

    public init(level: Int, indicators: [LocalizedText]) { self.level = level; self.indicators = indicators }
}
