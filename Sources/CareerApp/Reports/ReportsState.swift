import CareerCatalog
import CareerEngine
import TerminalUI

/// The parts of the Reports screen, in tab order (the roll-up only for HR).
public enum ReportsTab: String, Sendable, CaseIterable {
    case usage, needs, impact, curricula, rollup
}

/// A line of the usage form that the cursor can stop on, in the form's order.
public enum UsageFormRow: Sendable, Hashable {
    case activity(UsageActivity)
    case otherActivity
    case outcome(UsageOutcome)
    case otherOutcome
    case problems
    case signerName, signerPosition, signedOn

    /// Every row, top to bottom (the order `ReportLayout.usage` lays the form out in).
    public static let all: [UsageFormRow] = UsageActivity.allCases.map(UsageFormRow.activity) + [.otherActivity]
        + UsageOutcome.allCases.map(UsageFormRow.outcome) + [.otherOutcome, .problems, .signerName, .signerPosition, .signedOn]

    /// Rows that take typed text (Enter edits); the others are checkboxes (Space or Enter ticks).
    var isText: Bool {
        switch self {
        case .activity, .outcome: return false
        default: return true
        }
    }
}

/// What the runner read for a tab.
public enum ReportContent: Sendable {
    case usage(UsageReport)
    case needs(TrainingNeedsReport)
    case impact(TrainingImpactReport)
    case curricula(CurriculumRenewalReport)
    case rollup(UsageRollup)
}

/// The Reports screen, for a unit head (their unit, sub-units included) or HR (every unit).
public struct ReportsState: Sendable {
    /// The units the viewer may report on; the first is theirs (HR: the department's first).
    public let units: [String]
    public let isHR: Bool
    public var unit: String
    public var fiscalYear: FiscalYear
    public var tab: ReportsTab = .usage
    /// The usage report as read, with the form as being edited (saved with `s`).
    public var usage: UsageReport?
    public var form: UsageReportForm?
    /// The other tabs' reports, as last read.
    public var content: [ReportsTab: ReportContent] = [:]
    /// The usage form's cursor (index into `UsageFormRow.all`), or the scroll of another tab.
    public var cursor = 0
    public var offset = 0
    /// The text row being edited, and its text so far.
    public var editing: InputFieldState?
    /// Unsaved changes to the form.
    public var dirty = false
    /// `S` with unsaved changes: the save goes first, the submit once it is saved.
    public var submitAfterSave = false
    public var loading = false

    public init(units: [String], isHR: Bool, fiscalYear: FiscalYear) {
        self.units = units; self.isHR = isHR; self.unit = units.first ?? ""; self.fiscalYear = fiscalYear
    }

    public var tabs: [ReportsTab] { isHR ? ReportsTab.allCases : ReportsTab.allCases.filter { $0 != .rollup } }

    var row: UsageFormRow { UsageFormRow.all[max(0, min(cursor, UsageFormRow.all.count - 1))] }

    /// The text a row holds now.
    func text(of row: UsageFormRow, language: Language) -> String {
        guard let form else { return "" }
        switch row {
        case .otherActivity: return form.otherActivity
        case .otherOutcome: return form.otherOutcome
        case .problems: return form.problems
        case .signerName: return form.signerName
        case .signerPosition: return form.signerPosition
        case .signedOn: return form.signedOn.map { DateText.editable($0, language) } ?? ""
        case .activity, .outcome: return ""
        }
    }
}

/// The Reports screen's work for the runner (through the store, as the viewer; audited there).
public enum ReportsEffect: Sendable, Hashable {
    case load(ReportsTab, unit: String, fiscalYear: FiscalYear, on: CivilDate)
    case save(UsageReportForm)
    case submit(unit: String, fiscalYear: FiscalYear)
    /// HR sets the day the year's usage reports are due (the store checks the role and the day, and audits).
    case setDue(CivilDate, fiscalYear: FiscalYear)
}

/// Why the runner did not do what the Reports screen asked: facts, worded in the viewer's
/// language by `ReportStr.explain` (units by name, dates as the language writes them).
public enum ReportsProblem: Sendable, Equatable {
    /// No reference data here: the reports are not offered.
    case unavailable
    /// The store refused: another unit's reports (`unit`), or unit reports at all (nil).
    case denied(unit: String?)
    /// The store refused: the department's roll-up and due date are HR's.
    case hrOnly
    /// The store refused the form or the due date (`UsageReportRefusal`).
    case refused(UsageReportRefusal)
    /// The records could not be read or written (the store's words, both languages).
    case store(LocalizedText)
}

/// The runner's answers.
public enum ReportsEvent: Sendable {
    case loaded(ReportsTab, ReportContent)
    case saved(error: ReportsProblem?)
    case submitted(error: ReportsProblem?)
    /// `Effect.setDue` answered: the day now set, or why not.
    case dueSet(CivilDate, fiscalYear: FiscalYear, error: ReportsProblem?)
    case failed(ReportsProblem)
}

/// HR's (or a unit head's, within their reach) choice of the unit to report on: the units by name,
/// narrowed by what is typed (Thai or English name), one chosen with the arrows.
public struct UnitChoice: Sendable {
    public let units: [String]
    public internal(set) var filter = InputFieldState()
    public internal(set) var index = 0

    init(units: [String], current: String) {
        self.units = units
        index = units.firstIndex(of: current) ?? 0
    }

    /// The units whose Thai or English name contains what is typed, in catalog order.
    func shown(_ catalog: Catalog) -> [String] {
        let needle = SearchText.folded(filter.text.trimmingCharacters(in: .whitespaces))
        guard !needle.isEmpty else { return units }
        return units.filter { id in
            guard let unit = catalog.unitsByID[id] else { return false }
            return Bytes.contains(SearchText.folded(unit.name.th + " " + unit.name.en), needle)
        }
    }

    /// The unit Enter chooses, if any is shown.
    func chosen(_ catalog: Catalog) -> String? {
        let shown = shown(catalog)
        return shown.isEmpty ? nil : shown[max(0, min(index, shown.count - 1))]
    }
}

/// HR's entry of the day the year's usage reports are due, as typed (`DateText.parse`).
public struct DueEntry: Sendable {
    public let fiscalYear: FiscalYear
    public internal(set) var field: InputFieldState
    /// Why the last Enter was refused.
    public internal(set) var problem: LocalizedText?

    init(fiscalYear: FiscalYear, due: CivilDate, language: Language) {
        self.fiscalYear = fiscalYear
        field = InputFieldState(text: DateText.editable(due, language))
    }
}
