import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// `careerpath report …`: the unit reports (issue 14). A unit head (`--as ID`) sees and files
/// only their own unit's (sub-units included); the hr role sees every unit; anyone else is
/// refused with exit 3. Without `--as` the command runs as the system operator.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Unit reports: the usage report form, HR's roll-up, training needs, training impact, curricula due.",
        subcommands: [UsageReportCommand.self, RollupReportCommand.self, NeedsReportCommand.self,
                      ImpactReportCommand.self, CurriculaReportCommand.self]
    )
}

extension ReportFormat: ExpressibleByArgument {}

/// Options every report shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: md (default), html (printable A4) or csv (the tables).")
    var format: ReportFormat = .md

    @Flag(help: "Print JSON (ISO dates, sorted keys) instead.")
    var json = false

    @Option(help: "Write the output to this file (readable by you only) instead of standard output.")
    var out: String?

    @Option(help: "Language of the report: th or en.")
    var lang: Language = .th

    @Option(name: .customLong("as"), help: "Act as this person (a unit head sees their unit; the hr role every unit).")
    var actingID: String?

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    /// The catalog, the store and who is asking (exit 1 for an unknown `--as`).
    func open() throws -> (Catalog, SQLiteRecordStore, Viewer) {
        let catalog = try dataOptions.loadCatalog()
        let store = try storeOptions.openStore(catalog: catalog, dataFolder: try dataOptions.dataFolder())
        guard let id = actingID else { return (catalog, store, .system) }
        guard let viewer = try AccountService(store: store).viewer(for: id) else {
            throw failure(CommandError.unknownPerson(id, option: "as", known: (try? store.people(unit: nil, viewer: .system).map(\.id)) ?? []))
        }
        return (catalog, store, viewer)
    }

    /// Runs `body`, turning a refusal of the store into exit 3.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let denied as ReportAccessDenied {
            throw failure(CommandError.reportDenied(denied, as: actingID), code: CommandExit.accessDenied)
        }
    }

    func unit(_ id: String, _ catalog: Catalog) throws -> String {
        guard catalog.unitsByID[id] != nil else { throw failure(CommandError.unknownUnit(id, known: catalog.units.map(\.id))) }
        return id
    }

    /// The report as asked: JSON of `value`, else `document` in `format`; to `--out` or stdout.
    func emit<T: Encodable>(_ value: T, _ document: @autoclosure () -> ReportDocument) throws {
        let text: String
        if json {
            text = try CommandJSON.text(value) + "\n"
        } else {
            text = format.render(document())
        }
        guard let out else { print(text, terminator: ""); return }
        // Reports are personnel information: the file is the user's alone (0600).
        guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw failure(CommandError.prefix + CommandError.text(.cannotWrite, out))
        }
    }
}

func parseFiscalYear(_ text: String?) throws -> FiscalYear {
    guard let text else { return FiscalYear.containing(DateText.today()) }
    guard let year = FiscalYear.parse(text) else {
        throw failure(CommandError.prefix + CommandError.text(.badFiscalYear, text))
    }
    return year
}

/// `careerpath report usage --unit U --year 2569`: the usage report form and its appendix; with
/// the form's options it is filled in and saved (a draft), with `--submit` marked submitted.
struct UsageReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "The usage report of the career-path tools for a unit and fiscal year: show, fill in, submit.",
        discussion: """
            Activities: \(UsageActivity.allCases.map { $0.rawValue }.joined(separator: ", ")).
            Outcomes: \(UsageOutcome.allCases.map { $0.rawValue }.joined(separator: ", ")).
            --activity and --outcome replace the ticked lists when given. A submitted form can no longer change.
            Examples:
              careerpath report usage --unit news-bureau --year 2569 --as P000005 --activity display-board --activity job-rotation --signer-name "สมมุติ หัวหน้า" --signer-position "ผู้อำนวยการสำนักข่าว" --signed-on 20/08/2569
              careerpath report usage --unit news-bureau --year 2569 --as P000005 --submit
              careerpath report usage --unit news-bureau --year 2569 --format html
            """)

    @Option(help: "The unit id (news-bureau).") var unit: String
    @Option(help: "The fiscal year, B.E. (default: the current one).") var year: String?
    @Option(help: "Tick this activity (repeat; replaces the ticked activities).") var activity: [String] = []
    @Option(name: .customLong("other-activity"), help: "Other activity (specify); empty to clear.") var otherActivity: String?
    @Option(help: "Tick this outcome (repeat; replaces the ticked outcomes).") var outcome: [String] = []
    @Option(name: .customLong("other-outcome"), help: "Other outcome (specify).") var otherOutcome: String?
    @Option(help: "Problems and suggestions.") var problems: String?
    @Option(name: .customLong("signer-name"), help: "The signer's name.") var signerName: String?
    @Option(name: .customLong("signer-position"), help: "The signer's position.") var signerPosition: String?
    @Option(name: .customLong("signed-on"), help: "The date signed (YYYY-MM-DD or DD/MM/YYYY B.E.).") var signedOn: String?
    @Flag(help: "Mark the saved form submitted (then it cannot change).") var submit = false
    @OptionGroup var options: ReportOptions

    var edits: Bool {
        !activity.isEmpty || !outcome.isEmpty || otherActivity != nil || otherOutcome != nil || problems != nil
            || signerName != nil || signerPosition != nil || signedOn != nil
    }

    func run() throws {
        let (catalog, store, viewer) = try options.open()
        let unit = try options.unit(self.unit, catalog)
        let year = try parseFiscalYear(self.year)
        let activities = try activity.map { id in
            guard let a = UsageActivity(rawValue: id) else { throw failure(CommandError.unknownChoice(id, option: "activity", known: UsageActivity.allCases.map(\.rawValue))) }
            return a
        }
        let outcomes = try outcome.map { id in
            guard let o = UsageOutcome(rawValue: id) else { throw failure(CommandError.unknownChoice(id, option: "outcome", known: UsageOutcome.allCases.map(\.rawValue))) }
            return o
        }
        let signed = try signedOn.map { try parseDate($0, option: "signed-on") }
        let report = try options.guarded { () throws -> UsageReport in
            do {
                if edits {
                    var form = try store.usageForm(unit: unit, fiscalYear: year, viewer: viewer, catalog: catalog)
                        ?? UsageReportForm(unit: unit, fiscalYear: year)
                    if !activity.isEmpty { form = UsageReportForm.replacing(form, activities: activities) }
                    if !outcome.isEmpty { form = UsageReportForm.replacing(form, outcomes: outcomes) }
                    if let otherActivity { form.otherActivity = otherActivity }
                    if let otherOutcome { form.otherOutcome = otherOutcome }
                    if let problems { form.problems = problems }
                    if let signerName { form.signerName = signerName }
                    if let signerPosition { form.signerPosition = signerPosition }
                    if let signed { form.signedOn = signed }
                    try store.saveUsageForm(form, viewer: viewer, catalog: catalog, screen: "cli:report")
                }
                if submit { try store.submitUsageForm(unit: unit, fiscalYear: year, viewer: viewer, catalog: catalog, screen: "cli:report") }
            } catch let refusal as UsageReportRefusal {
                throw failure(CommandError.usageRefused(refusal))
            }
            return try store.usageReport(unit: unit, fiscalYear: year, viewer: viewer, catalog: catalog, screen: "cli:report")
        }
        try options.emit(report, ReportLayout(catalog: catalog, language: options.lang).usage(report))
    }
}

/// `careerpath report rollup --year 2569 [--due DATE]`: HR's view of who submitted by the due date.
struct RollupReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "HR: which units submitted their usage report by the due date, and the department totals.")

    @Option(help: "The fiscal year, B.E. (default: the current one).") var year: String?
    @Option(help: "The due date (default: 31 August of the fiscal year).") var due: String?
    @OptionGroup var options: ReportOptions

    func run() throws {
        let (catalog, store, viewer) = try options.open()
        let year = try parseFiscalYear(self.year)
        let due = try self.due.map { try parseDate($0, option: "due") } ?? year.defaultDueDate
        let rollup = try options.guarded {
            try store.usageRollup(fiscalYear: year, due: due, viewer: viewer, catalog: catalog, screen: "cli:report")
        }
        try options.emit(rollup, ReportLayout(catalog: catalog, language: options.lang).rollup(rollup))
    }
}

/// The units a report covers: `--unit` and its sub-units, else the viewer's own (a unit head's
/// unit, or every unit for HR).
func reportUnits(_ unit: String?, options: ReportOptions, catalog: Catalog, store: SQLiteRecordStore, viewer: Viewer) throws -> [String] {
    if let unit {
        let id = try options.unit(unit, catalog)
        return [id] + catalog.descendants(of: id).map(\.id)
    }
    let reach = try options.guarded { try store.reportUnits(viewer: viewer, catalog: catalog) }
    if reach.isEmpty { _ = try options.guarded { try store.requireReportAccess(unit: nil, viewer: viewer, catalog: catalog) } }
    return reach
}

/// `careerpath report needs [--unit U] [--target T]`: competency and course gaps, aggregated.
struct NeedsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "Training needs of a unit (sub-units included): competency and course gaps toward each person's next level, or a target.")

    @Option(help: "The unit id (default: your own unit; HR: the whole department).") var unit: String?
    @Option(help: "Measure everyone against this target (dir-news-bureau, LINE:LEVEL); default: each person's next level.") var target: String?
    @Option(help: "Evaluation date (default today).") var on: String?
    @OptionGroup var options: ReportOptions

    func run() throws {
        let (catalog, store, viewer) = try options.open()
        let target = try self.target.map { try parseTarget($0, catalog) }
        let date = try parseDate(on, option: "on")
        let units = try reportUnits(unit, options: options, catalog: catalog, store: store, viewer: viewer)
        let report = try options.guarded {
            try store.trainingNeeds(units: units, target: target, on: date, viewer: viewer, catalog: catalog, screen: "cli:report")
        }
        try options.emit(report, ReportLayout(catalog: catalog, language: options.lang).needs(report))
    }
}

/// `careerpath report impact [--unit U]`: paired before/after competency levels per course.
struct ImpactReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Training impact: participants' competency levels before and at least 3 months after each course, paired.")

    @Option(help: "The unit id (default: your own unit; HR: the whole department).") var unit: String?
    @Option(help: "Evaluation date (default today).") var on: String?
    @OptionGroup var options: ReportOptions

    func run() throws {
        let (catalog, store, viewer) = try options.open()
        let date = try parseDate(on, option: "on")
        let units = try reportUnits(unit, options: options, catalog: catalog, store: store, viewer: viewer)
        let report = try options.guarded {
            try store.trainingImpact(units: units, on: date, viewer: viewer, catalog: catalog, screen: "cli:report")
        }
        try options.emit(report, ReportLayout(catalog: catalog, language: options.lang).impact(report))
    }
}

/// `careerpath report curricula [--within 12]`: agency curricula whose certification ends soon.
struct CurriculaReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curricula",
        abstract: "Agency curricula certified for a number of years: when each approval ends, and which are due within --within months.")

    @Option(help: "Months ahead to look (default 12).") var within = 12
    @Option(help: "Evaluation date (default today).") var on: String?
    @OptionGroup var options: ReportOptions

    func validate() throws {
        if within < 0 { throw ValidationError(CommandError.text(.withinNegative)) }
    }

    func run() throws {
        let (catalog, store, viewer) = try options.open()
        let date = try parseDate(on, option: "on")
        try options.guarded { try store.requireReportAccess(unit: nil, viewer: viewer, catalog: catalog) }
        let report = CurriculumRenewal.report(catalog.courses, on: date, withinMonths: within)
        try options.emit(report, ReportLayout(catalog: catalog, language: options.lang).curricula(report))
    }
}

extension UsageReportForm {
    /// `form` with exactly `activities` ticked.
    static func replacing(_ form: UsageReportForm, activities: [UsageActivity]) -> UsageReportForm {
        var f = form; f.activities = UsageActivity.allCases.filter(activities.contains); return f
    }

    static func replacing(_ form: UsageReportForm, outcomes: [UsageOutcome]) -> UsageReportForm {
        var f = form; f.outcomes = UsageOutcome.allCases.filter(outcomes.contains); return f
    }
}

extension CommandError {
    static func reportDenied(_ denied: ReportAccessDenied, as viewer: String?) -> String {
        let who = viewer ?? text(.system)
        if let unit = denied.unit { return prefix + text(.reportUnitDenied, unit, who) }
        return prefix + text(.reportDenied, who)
    }

    static func unknownChoice(_ id: String, option: String, known: [String]) -> String {
        prefix + text(.unknownChoice, option, id, known.joined(separator: ", ")) + didYouMean(NearestID.suggestion(for: id, among: known))
    }

    static func usageRefused(_ refusal: UsageReportRefusal) -> String {
        switch refusal {
        case .alreadySubmitted(let unit, let year):
            return prefix + text(.usageSubmitted, unit, String(year.buddhistEra))
        case .incomplete(let fields):
            return prefix + text(.usageIncomplete, fields.map { "--" + ($0 == .activities ? "activity" : $0.rawValue) }.joined(separator: ", "))
        }
    }
}
