import CareerCatalog

/// The activities checklist of the department's form "แบบรายงานผลการใช้เครื่องมือในระบบความก้าวหน้า
/// ในสายอาชีพ (Career path)" (memo นร 0203.02/ว 884, 29 April 2010), in the form's order.
/// Their wording is in the app's report text table; "other, specify" is `UsageReportForm.otherActivity`.
public enum UsageActivity: String, Sendable, Hashable, CaseIterable, Codable {
    case noticeBoardAnnouncement = "announce-and-point-to-sources"
    case circulateHandbook = "circulate-handbook"
    case unitJournal = "unit-journal"
    case internalCircular = "internal-circular"
    case discussionGroups = "discussion-groups"
    case displayBoard = "display-board"
    case assignDisseminator = "assign-disseminator"
    case supportingChannels = "supporting-channels"
    case competencyLearning = "competency-learning"
    case jobRotation = "job-rotation"
}

/// The outcomes checklist of the same form, in its order ("other, specify": `UsageReportForm.otherOutcome`).
public enum UsageOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    case staffStudyAndPlan = "staff-study-and-plan"
    case staffUnderstand = "staff-understand"
    case unitHasGuidance = "unit-has-guidance"
}

/// Where a unit's usage report stands: editable while `draft`, frozen once `submitted`.
public enum UsageReportStatus: String, Sendable, Hashable, Codable {
    case draft
    case submitted
}

/// One unit's usage report for one fiscal year: what the unit head (or HR) fills in.
public struct UsageReportForm: Sendable, Hashable, Codable {
    public var unit: String
    public var fiscalYear: FiscalYear
    /// Ticked activities, in the form's order.
    public var activities: [UsageActivity]
    /// "อื่น ๆ (ระบุ)": empty when not ticked.
    public var otherActivity: String
    public var outcomes: [UsageOutcome]
    public var otherOutcome: String
    /// "ปัญหา/ข้อเสนอแนะ".
    public var problems: String
    public var signerName: String
    public var signerPosition: String
    public var signedOn: CivilDate?
    public var status: UsageReportStatus
    /// When it was marked submitted (ISO 8601 UTC), and by whom (person id).
    public var submittedAt: String?
    public var submittedBy: String?

    public init(unit: String, fiscalYear: FiscalYear, activities: [UsageActivity] = [], otherActivity: String = "",
                outcomes: [UsageOutcome] = [], otherOutcome: String = "", problems: String = "",
                signerName: String = "", signerPosition: String = "", signedOn: CivilDate? = nil,
                status: UsageReportStatus = .draft, submittedAt: String? = nil, submittedBy: String? = nil) {
        self.unit = unit; self.fiscalYear = fiscalYear
        self.activities = UsageActivity.allCases.filter(activities.contains)
        self.otherActivity = otherActivity
        self.outcomes = UsageOutcome.allCases.filter(outcomes.contains)
        self.otherOutcome = otherOutcome; self.problems = problems
        self.signerName = signerName; self.signerPosition = signerPosition; self.signedOn = signedOn
        self.status = status; self.submittedAt = submittedAt; self.submittedBy = submittedBy
    }

    /// Ticks or unticks an activity, keeping the form's order.
    public mutating func toggle(_ activity: UsageActivity) {
        let ticked = Set(activities).symmetricDifference([activity])
        activities = UsageActivity.allCases.filter(ticked.contains)
    }

    public mutating func toggle(_ outcome: UsageOutcome) {
        let ticked = Set(outcomes).symmetricDifference([outcome])
        outcomes = UsageOutcome.allCases.filter(ticked.contains)
    }

    /// What still stops it from being submitted: a form goes in signed, with at least one activity.
    public var missingForSubmission: [UsageFormField] {
        var missing: [UsageFormField] = []
        if activities.isEmpty && otherActivity.isEmpty { missing.append(.activities) }
        if signerName.isEmpty { missing.append(.signerName) }
        if signerPosition.isEmpty { missing.append(.signerPosition) }
        if signedOn == nil { missing.append(.signedOn) }
        return missing
    }

    /// Whether it reached HR by `due` (submitted on or before that day where HR is: `utcOffset`
    /// seconds east of UTC, as `DateText.day(ofStamp:)` reads the stored UTC stamp).
    public func submitted(by due: CivilDate, utcOffset: Int = 0) -> Bool {
        guard status == .submitted, let at = submittedAt, let day = DateText.day(ofStamp: at, utcOffset: utcOffset) else { return false }
        return day <= due
    }
}

/// A usage report that can no longer change (submitted), or that cannot be submitted yet; the
/// store's refusal, worded by the command line and the Reports screen.
public enum UsageReportRefusal: Error, Sendable, Equatable {
    case alreadySubmitted(unit: String, fiscalYear: FiscalYear)
    case incomplete([UsageFormField])
    /// A due date the year does not allow (`FiscalYear.allowsDueDate`).
    case dueOutsideYear(due: CivilDate, fiscalYear: FiscalYear)
}

/// A field of the form, for messages about what is missing.
public enum UsageFormField: String, Sendable, Hashable, CaseIterable, Codable {
    case activities, signerName = "signer-name", signerPosition = "signer-position", signedOn = "signed-on"
}

/// The appendix beside the form: figures measured from the store for the unit (sub-units
/// included) and the fiscal year. Counts of people, never who.
public struct UsageFigures: Sendable, Hashable, Codable {
    /// People now in the unit and its sub-units.
    public var people: Int
    /// Distinct people of the unit who opened their own paths or gaps during the year (audit log).
    public var openedOwnPaths: Int
    /// Plans of the unit's people by status (`PlanStatus` raw values, every one; see the store's
    /// `planStatusCounts`), counted when last changed during the year.
    public var plans: [String: Int]
    /// Plan steps by development method: started during the year, and completed during it (the
    /// days recorded on the steps, not the planned ones; the current version of each plan only).
    public var stepsStarted: [String: Int]
    public var stepsCompleted: [String: Int]
    /// Courses completed during the year, by course id.
    public var coursesCompleted: [String: Int]

    public init(people: Int = 0, openedOwnPaths: Int = 0, plans: [String: Int] = [:], stepsStarted: [String: Int] = [:],
                stepsCompleted: [String: Int] = [:], coursesCompleted: [String: Int] = [:]) {
        self.people = people; self.openedOwnPaths = openedOwnPaths; self.plans = plans
        self.stepsStarted = stepsStarted; self.stepsCompleted = stepsCompleted; self.coursesCompleted = coursesCompleted
    }

    /// The sum of several units' figures (HR's department totals).
    public static func total(_ all: [UsageFigures]) -> UsageFigures {
        var sum = UsageFigures()
        func add(_ a: inout [String: Int], _ b: [String: Int]) { for (k, v) in b { a[k, default: 0] += v } }
        for f in all {
            sum.people += f.people; sum.openedOwnPaths += f.openedOwnPaths
            add(&sum.plans, f.plans); add(&sum.stepsStarted, f.stepsStarted)
            add(&sum.stepsCompleted, f.stepsCompleted); add(&sum.coursesCompleted, f.coursesCompleted)
        }
        return sum
    }
}

/// The usage report as shown and printed: the form, its appendix, and when it is due.
public struct UsageReport: Sendable, Hashable, Codable {
    public var form: UsageReportForm
    public var figures: UsageFigures
    /// The day HR set for the year's reports (31 August of the fiscal year unless HR set another).
    public var due: CivilDate

    public init(form: UsageReportForm, figures: UsageFigures, due: CivilDate? = nil) {
        self.form = form; self.figures = figures; self.due = due ?? form.fiscalYear.defaultDueDate
    }
}

/// HR's department roll-up: one row per unit that has people or a report, and the totals.
public struct UsageRollup: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var unit: String
        public var status: UsageReportStatus?
        public var submittedAt: String?
        /// Submitted on or before the due date.
        public var onTime: Bool
        public var figures: UsageFigures
    }

    public var fiscalYear: FiscalYear
    public var due: CivilDate
    public var rows: [Row]
    public var totals: UsageFigures
    public var submittedOnTime: Int { rows.filter(\.onTime).count }
    public var submittedLate: Int { rows.filter { $0.status == .submitted && !$0.onTime }.count }

    /// One row per unit in `units` order, from the forms and figures found for them; `utcOffset`:
    /// where the due day is counted (`UsageReportForm.submitted(by:utcOffset:)`).
    public init(fiscalYear: FiscalYear, due: CivilDate, units: [String], forms: [String: UsageReportForm],
                figures: [String: UsageFigures], utcOffset: Int = 0) {
        self.fiscalYear = fiscalYear; self.due = due
        rows = units.map { unit in
            let form = forms[unit]
            return Row(unit: unit, status: form?.status, submittedAt: form?.submittedAt,
                       onTime: form?.submitted(by: due, utcOffset: utcOffset) ?? false, figures: figures[unit] ?? UsageFigures())
        }
        totals = UsageFigures.total(rows.map(\.figures))
    }
}
