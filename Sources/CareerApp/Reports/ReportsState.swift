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
}

/// The runner's answers.
public enum ReportsEvent: Sendable {
    case loaded(ReportsTab, ReportContent)
    case saved(error: String?)
    case submitted(error: String?)
    case failed(String)
}
