import CareerCatalog
import CareerEngine
import TerminalUI

/// A competency assessment being written for one person: by a supervisor for a subordinate in the
/// split pane (`e`), or by the person themselves on Me (`e`, a self-assessment: shown beside the
/// counted level, never counted). The competencies the target requires (with the counted and the
/// self level), the one chosen, the level typed (0–5), a short note, and the engine's competency
/// gaps toward the target (their fitting methods and suggestions, `MethodMatcher`'s) for guidance.
public struct AssessmentForm: Sendable {
    public let personID: String
    /// `.supervisor` in the split pane, `.self` on the person's own Me screen.
    public let assessor: Assessor
    public let standings: [CompetencyStanding]
    /// The competency gaps of the target by competency id, as the engine reported them (methods and suggestions).
    public let guidance: [String: Gap]
    public internal(set) var index = 0
    public internal(set) var level: Int?
    public internal(set) var note = InputFieldState()
    public var competency: CompetencyStanding? { index < standings.count ? standings[index] : nil }

    /// What a key did to the form.
    enum Outcome: Equatable {
        /// Typed, moved or set the level: the form stays.
        case edited
        case cancelled
        /// Enter without a level: refused, the form stays.
        case levelMissing
        /// Enter with a level: the assessment to record.
        case save(competency: String, level: Int, note: String)
    }

    /// Opens the form on the competencies `target` requires, the first one below its level chosen;
    /// nil when the target requires none. The guidance is the report's competency gaps (the engine
    /// analyses the target once here when `report` is for another target).
    init?(personID: String, assessor: Assessor, record: PersonRecord, target: Target, report: GapReport?,
          context: OrganizationContext, analyzer: GapAnalyzer, today: CivilDate) {
        let standings = analyzer.competencyStandings(record, target: target, on: today)
        guard !standings.isEmpty else { return nil }
        let gaps = report?.target == target ? report?.gaps ?? [] : analyzer.analyze(record, target: target, on: today, context: context).gaps
        var guidance: [String: Gap] = [:]
        for gap in gaps {
            if case .competency(let id, _, _, _) = gap.requirement { guidance[id] = gap }
        }
        self.personID = personID
        self.assessor = assessor
        self.standings = standings
        self.guidance = guidance
        self.index = standings.firstIndex(where: \.below) ?? 0
    }

    /// ↑/↓ choose the competency, a digit 0–5 (while the note is empty) sets the level, other keys
    /// write the note; Enter saves, Esc cancels.
    mutating func apply(_ key: KeyEvent) -> Outcome {
        switch key {
        case .escape:
            return .cancelled
        case .enter:
            guard let level, let standing = competency else { return .levelMissing }
            return .save(competency: standing.competency, level: level, note: note.text)
        case .up, .down:
            let count = standings.count
            index = (index + (key == .up ? count - 1 : 1)) % count
        case .char(let c) where note.text.isEmpty && ("0"..."5").contains(String(c)):
            level = Int(String(c))
        case .char(let c):
            _ = note.insert(String(c))
        default:
            _ = note.apply(key)
        }
        return .edited
    }
}
