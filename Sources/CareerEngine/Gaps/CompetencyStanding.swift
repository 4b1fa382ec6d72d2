import CareerCatalog

/// One competency a target asks for, with the person's counted level (the latest supervisor or
/// panel assessment on or before the day; self-assessments never count).
public struct CompetencyStanding: Sendable, Hashable {
    public var competency: String
    public var required: Int
    /// nil: never assessed by a supervisor or panel.
    public var counted: Int?
    /// The person's latest self-assessment on or before the day: shown beside `counted`, never counted.
    public var selfLevel: Int?
    public var below: Bool { (counted ?? 0) < required }
}

extension GapAnalyzer {
    /// Every competency `target` requires, in the target's order, with the person's counted level
    /// on `on` (the same rule as the competency gaps: the latest non-self assessment).
    public func competencyStandings(_ record: PersonRecord, target: Target, on: CivilDate) -> [CompetencyStanding] {
        let requirements = TargetRequirements(target: target, index: index)
        return requirements.competencies.map { requirement in
            CompetencyStanding(competency: requirement.id, required: requirement.required,
                               counted: record.latestAssessment(of: requirement.id, on: on)?.level,
                               selfLevel: record.latestAssessment(of: requirement.id, on: on, counted: false)?.level)
        }
    }
}
