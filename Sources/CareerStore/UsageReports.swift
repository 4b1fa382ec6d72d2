import CareerCatalog
import CareerEngine
import Foundation

/// A report asked for outside the viewer's reach: a unit head asks about another unit, or
/// someone who heads no unit (and is not HR) asks at all.
public struct ReportAccessDenied: Error, CustomStringConvertible, Sendable {
    public let viewer: Viewer
    public let unit: String?

    public init(viewer: Viewer, unit: String?) { self.viewer = viewer; self.unit = unit }

    public var description: String {
        unit.map { "access denied: unit `\($0)` is not yours to report on" } ?? "access denied: unit reports are for unit heads and HR"
    }
}

// Unit reports (issue 14): who may see them, the usage report forms, and the figures measured for
// them. Access is decided here, as for records: HR and the system see every unit; the head of a
// unit sees that unit and its sub-units; nobody else sees any.
extension PersonnelStore {
    /// The units `viewer` may report on (sub-units included), in catalog order; empty: none.
    ///
    /// The head of a unit is read from the records: someone in the unit whose supervisor is not
    /// (or who has none); when several are, those who supervise someone in the unit.
    public func reportUnits(viewer: Viewer, catalog: Catalog) throws -> [String] {
        let id: String
        switch viewer {
        case .system, .hr: return catalog.units.map(\.id)
        case .supervisor(let p), .person(let p): id = p
        }
        guard let unit = try headedUnit(personID: id) else { return [] }
        return [unit] + catalog.descendants(of: unit).map(\.id)
    }

    /// The unit `personID` heads, if any.
    public func headedUnit(personID: String) throws -> String? {
        try database.read { db in
            let heads = """
                SELECT p.id, p.unit, EXISTS (SELECT 1 FROM people r WHERE r.supervisor_id = p.id AND r.unit = p.unit) AS leads
                FROM people p LEFT JOIN people s ON s.id = p.supervisor_id
                WHERE p.unit = (SELECT unit FROM people WHERE id = ?) AND (s.id IS NULL OR s.unit != p.unit)
                """
            let rows = try SQLRow.fetchAll(db, sql: heads, arguments: [personID])
            guard let mine = rows.first(where: { ($0[0] as String) == personID }) else { return nil }
            let leaders = rows.filter { ($0[2] as Bool) }
            if leaders.isEmpty || (mine[2] as Bool) { return mine[1] as String }
            return nil
        }
    }

    /// Throws `ReportAccessDenied` unless `viewer` may report on `unit`.
    public func requireReportAccess(unit: String?, viewer: Viewer, catalog: Catalog) throws {
        let reach = try reportUnits(viewer: viewer, catalog: catalog)
        guard let unit else {
            if reach.isEmpty { throw ReportAccessDenied(viewer: viewer, unit: nil) }
            return
        }
        guard reach.contains(unit) else { throw ReportAccessDenied(viewer: viewer, unit: unit) }
    }

    /// Only HR and the system see the department roll-up.
    public func requireDepartmentAccess(viewer: Viewer) throws {
        switch viewer {
        case .system, .hr: return
        default: throw ReportAccessDenied(viewer: viewer, unit: nil)
        }
    }

    // MARK: the usage report form

    /// The saved form of `unit` for `year`, or nil when none was started. Access checked.
    public func usageForm(unit: String, fiscalYear: FiscalYear, viewer: Viewer, catalog: Catalog) throws -> UsageReportForm? {
        try requireReportAccess(unit: unit, viewer: viewer, catalog: catalog)
        return try database.read { db in try Self.usageForms(db, fiscalYear: fiscalYear, unit: unit).first }
    }

    /// Every saved form of `year` (HR's roll-up). Access checked.
    public func usageForms(fiscalYear: FiscalYear, viewer: Viewer) throws -> [UsageReportForm] {
        try requireDepartmentAccess(viewer: viewer)
        return try database.read { db in try Self.usageForms(db, fiscalYear: fiscalYear, unit: nil) }
    }

    /// Saves `form` (a draft: its status and submission fields are ignored). Refused once the
    /// unit's form for that year is submitted. Audited.
    public func saveUsageForm(_ form: UsageReportForm, viewer: Viewer, catalog: Catalog, screen: String) throws {
        try requireReportAccess(unit: form.unit, viewer: viewer, catalog: catalog)
        let now = AuditClock.timestamp(Date())
        try database.write { db in
            try db.lock("usage-report:\(form.unit):\(form.fiscalYear.buddhistEra)")
            if let status = try String.fetchOne(db, sql: "SELECT status FROM usage_reports WHERE unit = ? AND fiscal_year = ?",
                                                 arguments: [form.unit, form.fiscalYear.buddhistEra]),
               status == UsageReportStatus.submitted.rawValue {
                throw UsageReportRefusal.alreadySubmitted(unit: form.unit, fiscalYear: form.fiscalYear)
            }
            try db.execute(sql: """
                INSERT INTO usage_reports (unit, fiscal_year, activities, other_activity, outcomes, other_outcome, problems,
                                           signer_name, signer_position, signed_on, status, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)
                ON CONFLICT(unit, fiscal_year) DO UPDATE SET activities = excluded.activities,
                    other_activity = excluded.other_activity, outcomes = excluded.outcomes,
                    other_outcome = excluded.other_outcome, problems = excluded.problems,
                    signer_name = excluded.signer_name, signer_position = excluded.signer_position,
                    signed_on = excluded.signed_on, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, arguments: [form.unit, form.fiscalYear.buddhistEra, form.activities.map(\.rawValue).joined(separator: ","),
                                 form.otherActivity, form.outcomes.map(\.rawValue).joined(separator: ","), form.otherOutcome,
                                 form.problems, form.signerName, form.signerPosition, form.signedOn?.iso,
                                 viewer.auditName, now])
        }
        try audit(actor: viewer, subject: nil, action: "save-usage-report", screen: screen,
                  detail: "\(form.unit) \(form.fiscalYear)")
    }

    /// Marks the saved form submitted (it can no longer change). Refused when already submitted,
    /// when nothing was saved, or when it is not complete (`missingForSubmission`). Audited.
    @discardableResult
    public func submitUsageForm(unit: String, fiscalYear: FiscalYear, viewer: Viewer, catalog: Catalog,
                                screen: String, now: Date = Date()) throws -> UsageReportForm {
        try requireReportAccess(unit: unit, viewer: viewer, catalog: catalog)
        let at = AuditClock.timestamp(now)
        let form: UsageReportForm = try database.write { db in
            try db.lock("usage-report:\(unit):\(fiscalYear.buddhistEra)")
            let form = try Self.usageForms(db, fiscalYear: fiscalYear, unit: unit).first
                ?? UsageReportForm(unit: unit, fiscalYear: fiscalYear)
            if form.status == .submitted { throw UsageReportRefusal.alreadySubmitted(unit: unit, fiscalYear: fiscalYear) }
            let missing = form.missingForSubmission
            if !missing.isEmpty { throw UsageReportRefusal.incomplete(missing) }
            try db.execute(sql: """
                UPDATE usage_reports SET status = 'submitted', submitted_by = ?, submitted_at = ? WHERE unit = ? AND fiscal_year = ?
                """, arguments: [viewer.auditName, at, unit, fiscalYear.buddhistEra])
            var submitted = form
            submitted.status = .submitted; submitted.submittedAt = at; submitted.submittedBy = viewer.auditName
            return submitted
        }
        try audit(actor: viewer, subject: nil, action: "submit-usage-report", screen: screen, detail: "\(unit) \(fiscalYear)")
        return form
    }

    static func usageForms(_ db: StoreSession, fiscalYear: FiscalYear, unit: String?) throws -> [UsageReportForm] {
        var sql = """
            SELECT unit, activities, other_activity, outcomes, other_outcome, problems, signer_name, signer_position,
                   signed_on, status, submitted_at, submitted_by
            FROM usage_reports WHERE fiscal_year = ?
            """
        var arguments: SQLArguments = [fiscalYear.buddhistEra]
        if let unit { sql += " AND unit = ?"; arguments += [unit] }
        return try SQLRow.fetchAll(db, sql: sql + " ORDER BY unit", arguments: arguments).map { row in
            let activities = (row[1] as String).split(separator: ",").compactMap { UsageActivity(rawValue: String($0)) }
            let outcomes = (row[3] as String).split(separator: ",").compactMap { UsageOutcome(rawValue: String($0)) }
            let signed: String? = row[8]
            let status: String = row[9]
            return UsageReportForm(unit: row[0], fiscalYear: fiscalYear, activities: activities, otherActivity: row[2],
                                   outcomes: outcomes, otherOutcome: row[4], problems: row[5], signerName: row[6],
                                   signerPosition: row[7], signedOn: signed.flatMap { CivilDate(iso: $0) },
                                   status: UsageReportStatus(rawValue: status) ?? .draft, submittedAt: row[10], submittedBy: row[11])
        }
    }

    // MARK: the due date

    /// The day the usage reports of `year` are due: the one HR set, else 31 August of the year.
    /// Anyone may read it (it is on every unit's form).
    public func usageReportDue(fiscalYear: FiscalYear) throws -> CivilDate {
        try database.read { db in try Self.usageReportDue(db, fiscalYear: fiscalYear) }
    }

    static func usageReportDue(_ db: StoreSession, fiscalYear: FiscalYear) throws -> CivilDate {
        let stored = try String.fetchOne(db, sql: "SELECT due_on FROM usage_report_due WHERE fiscal_year = ?",
                                         arguments: [fiscalYear.buddhistEra])
        return stored.flatMap { CivilDate(iso: $0) } ?? fiscalYear.defaultDueDate
    }

    /// Sets the day the usage reports of `year` are due. HR only; refused for a day the year does
    /// not allow (`FiscalYear.allowsDueDate`). Audited.
    public func setUsageReportDue(_ due: CivilDate, fiscalYear: FiscalYear, viewer: Viewer, screen: String,
                                  now: Date = Date()) throws {
        try requireDepartmentAccess(viewer: viewer)
        guard fiscalYear.allowsDueDate(due) else { throw UsageReportRefusal.dueOutsideYear(due: due, fiscalYear: fiscalYear) }
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO usage_report_due (fiscal_year, due_on, set_by, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(fiscal_year) DO UPDATE SET due_on = excluded.due_on, set_by = excluded.set_by, set_at = excluded.set_at
                """, arguments: [fiscalYear.buddhistEra, due.iso, viewer.auditName, AuditClock.timestamp(now)])
        }
        try audit(actor: viewer, subject: nil, action: "set-usage-report-due", screen: screen, detail: "\(fiscalYear) \(due.iso)")
    }

    // MARK: figures

    /// The appendix figures of each of `units` (its own people, not its sub-units') for `year`:
    /// one query per figure, grouped by unit, however many units are asked about. A unit's report
    /// adds up its units (`UsageFigures.total`): everyone is in one unit, so nobody counts twice.
    /// The queries count the year's rows of every unit and the units asked about are kept here: a
    /// filter on the unit in SQL makes SQLite walk every person of those units into each history
    /// (~0.3 s a figure on 100,000 people) instead of only the year's rows.
    /// No access check: callers check the reach first (`usageReport`, `usageRollup`); only counts
    /// leave this function.
    ///
    /// Days typed by people (a step's start and completion, a course's) are compared as days; the
    /// store's timestamps (`AuditClock`, UTC) with the stamps of local midnight starting 1 October
    /// and the next 1 October in `zone`, so what happens at 01:00 in Bangkok on 1 October counts
    /// in the new year.
    func usageFigures(_ db: StoreSession, units: [String], fiscalYear: FiscalYear,
                      zone: TimeZone = .current) throws -> [String: UsageFigures] {
        let (from, to) = (fiscalYear.start.iso, fiscalYear.end.iso)
        let fromStamp = AuditClock.timestamp(atStartOf: fiscalYear.start, in: zone)
        let toStamp = AuditClock.timestamp(atStartOf: fiscalYear.end.adding(days: 1), in: zone)
        var figures: [String: UsageFigures] = [:]
        /// Rows of (unit, key, count) into one figure of each unit.
        func byUnit(_ sql: String, _ arguments: SQLArguments, into figure: WritableKeyPath<UsageFigures, [String: Int]>) throws {
            for row in try SQLRow.fetchAll(db, sql: sql, arguments: arguments) {
                figures[row[0], default: UsageFigures()][keyPath: figure][row[1]] = row[2]
            }
        }
        for row in try SQLRow.fetchAll(db, sql: "SELECT unit, COUNT(*) FROM people GROUP BY unit") {
            figures[row[0], default: UsageFigures()].people = row[1]
        }
        // People who opened their own record (the paths and gaps screens show it) in the year.
        for row in try SQLRow.fetchAll(db, sql: """
            SELECT p.unit, COUNT(DISTINCT a.actor) FROM audit_log a JOIN people p ON p.id = a.actor
            WHERE a.action = 'view' AND a.subject = a.actor AND a.at >= ? AND a.at < ? GROUP BY p.unit
            """, arguments: [fromStamp, toStamp]) {
            figures[row[0], default: UsageFigures()].openedOwnPaths = row[1]
        }
        try byUnit(Self.planStatusCounts, [fromStamp, toStamp], into: \.plans)
        // Steps as carried out (the days recorded on them, not the planned ones), on the current
        // version of each plan: a superseded version's steps are not counted again.
        for (column, figure) in [("started_on", \UsageFigures.stepsStarted), ("completed_on", \UsageFigures.stepsCompleted)] {
            try byUnit("""
                SELECT p.unit, COALESCE(s.method, ''), COUNT(*) FROM plan_steps s JOIN development_plans d ON d.id = s.plan_id
                JOIN people p ON p.id = d.person_id
                WHERE d.status <> '\(PlanStatus.superseded.rawValue)' AND s.\(column) >= ? AND s.\(column) <= ?
                GROUP BY p.unit, COALESCE(s.method, '')
                """, [from, to], into: figure)
        }
        try byUnit("""
            SELECT p.unit, t.course, COUNT(*) FROM trainings t JOIN people p ON p.id = t.person_id
            WHERE t.completed_on >= ? AND t.completed_on <= ? GROUP BY p.unit, t.course
            """, [from, to], into: \.coursesCompleted)
        let asked = Set(units)
        return figures.filter { asked.contains($0.key) }
    }

    /// Plans by unit and status (arguments: the stamps of local midnight starting the year and
    /// the next year), counted when their status (or, for a draft, their steps) last changed in
    /// the year: every `PlanStatus`, superseded versions included, as the roll-up adds them up.
    static let planStatusCounts = """
        SELECT p.unit, d.status, COUNT(*) FROM development_plans d JOIN people p ON p.id = d.person_id
        WHERE COALESCE(d.status_at, d.updated_at) >= ? AND COALESCE(d.status_at, d.updated_at) < ?
        GROUP BY p.unit, d.status
        """

    /// The usage report of `unit` (sub-units included in the figures) for `year`: its saved form
    /// (a blank draft when none) and the appendix. Access checked; audited as a `report` view.
    /// `zone`: where the year's days begin (`usageFigures`).
    public func usageReport(unit: String, fiscalYear: FiscalYear, viewer: Viewer, catalog: Catalog, screen: String,
                            zone: TimeZone = .current) throws -> UsageReport {
        try requireReportAccess(unit: unit, viewer: viewer, catalog: catalog)
        let units = [unit] + catalog.descendants(of: unit).map(\.id)
        let report = try database.read { db in
            UsageReport(form: try Self.usageForms(db, fiscalYear: fiscalYear, unit: unit).first ?? UsageReportForm(unit: unit, fiscalYear: fiscalYear),
                        figures: UsageFigures.total(Array(try usageFigures(db, units: units, fiscalYear: fiscalYear, zone: zone).values)),
                        due: try Self.usageReportDue(db, fiscalYear: fiscalYear))
        }
        try audit(actor: viewer, subject: nil, action: "report", screen: screen, detail: "usage \(unit) \(fiscalYear)")
        return report
    }

    /// HR's roll-up for `year`: each unit of the catalog (its own people, not its sub-units', so
    /// the totals count everyone once), whether it submitted by the due date, and the totals. HR
    /// only. `due`: the year's due date (`usageReportDue`) unless another day is asked about.
    public func usageRollup(fiscalYear: FiscalYear, due: CivilDate? = nil, viewer: Viewer, catalog: Catalog, screen: String,
                            zone: TimeZone = .current) throws -> UsageRollup {
        try requireDepartmentAccess(viewer: viewer)
        let units = catalog.units.map(\.id)
        let rollup = try database.read { db in
            let due = try due ?? Self.usageReportDue(db, fiscalYear: fiscalYear)
            let forms = Dictionary(try Self.usageForms(db, fiscalYear: fiscalYear, unit: nil).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
            let figures = try usageFigures(db, units: units, fiscalYear: fiscalYear, zone: zone)
            // On time: submitted by the end of the due day where HR is, not in UTC.
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(due.dayNumber * 86_400 + 43_200)))
            return UsageRollup(fiscalYear: fiscalYear, due: due, units: units, forms: forms, figures: figures, utcOffset: offset)
        }
        try audit(actor: viewer, subject: nil, action: "report", screen: screen, detail: "rollup \(fiscalYear)")
        return rollup
    }

    // MARK: records for the analyses

    /// The records of the people of `units`, for the training needs and impact analyses (counts
    /// only leave the engine), handed over in batches of `batch` people so that a department's
    /// roster need not be in memory at once. Access checked against the unit reach; audited as one
    /// `report` row, not as a view of each record. `withTrainingsOnly`: only people with a completed
    /// course. `histories`: the histories read with each person (the others are left empty);
    /// `competencies`: only the assessments of these (all when nil).
    public func forEachUnitRecordBatch(units: [String], viewer: Viewer, catalog: Catalog, withTrainingsOnly: Bool = false,
                                       histories: RecordHistories = .all, competencies: Set<String>? = nil,
                                       batch: Int = 5_000, screen: String, report: String,
                                       _ body: ([PersonRecord]) throws -> Void) throws {
        let reach = Set(try reportUnits(viewer: viewer, catalog: catalog))
        if let outside = units.first(where: { !reach.contains($0) }) { throw ReportAccessDenied(viewer: viewer, unit: outside) }
        let marks = Array(repeating: "?", count: units.count).joined(separator: ", ")
        var peopleWhere = "unit IN (\(marks))"
        if withTrainingsOnly { peopleWhere += " AND id IN (SELECT person_id FROM trainings)" }
        try audit(actor: viewer, subject: nil, action: "report", screen: screen, detail: report)
        // Batches of ids, each a few set queries (`loadRecords`) naming its people: a condition on
        // the units instead walked every person of the units for every batch and history table.
        let ids = try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM people WHERE \(peopleWhere) ORDER BY id", arguments: SQLArguments(units))
        }
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + max(batch, 1), ids.count)])
            let named = "IN (" + Array(repeating: "?", count: chunk.count).joined(separator: ", ") + ")"
            let records = try database.read { db in
                // When the batch is most of the people in its id range (a department, a big unit), the histories
                // are read by the range: the ids are in order, so the batches' ranges do not overlap and each row
                // is read once, in index order, skipping the few of people outside the batch. A list of ids looks
                // each up and, with the page cache far smaller than the table, reads the same pages again and
                // again (`bench reports`: needs 2.3 → 1.5 s CPU); it stays for a batch spread thin over its range.
                let range: SQLArguments = [chunk[0], chunk[chunk.count - 1]]
                let inRange = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM people WHERE id BETWEEN ? AND ?", arguments: range) ?? 0
                let dense = chunk.count * 2 >= inRange
                return try Self.loadRecords(db, where: dense ? "person_id BETWEEN ? AND ?" : "person_id \(named)", peopleWhere: "id \(named)",
                                            arguments: SQLArguments(chunk), historyArguments: dense ? range : nil,
                                            histories: histories, competencies: competencies)
            }
            try body(records)
            start += chunk.count
        }
    }
}

extension PersonnelStore {
    /// The training needs of `units` (sub-units as listed) toward `target` or each person's next
    /// level, counted batch by batch. Access checked and audited as for `forEachUnitRecordBatch`.
    public func trainingNeeds(units: [String], target: Target?, on: CivilDate, viewer: Viewer, catalog: Catalog,
                              screen: String) throws -> TrainingNeedsReport {
        var tally = TrainingNeedsAnalyzer(catalog: catalog).tally(target: target, on: on)
        try forEachUnitRecordBatch(units: units, viewer: viewer, catalog: catalog, histories: RecordHistories.training,
                                   competencies: tally.competenciesCounted, screen: screen,
                                   report: "needs \(units.first ?? "")") { for record in $0 { tally.add(record) } }
        return tally.report(units: units)
    }

    /// The training impact in `units`: only people with a completed course are read.
    public func trainingImpact(units: [String], on: CivilDate, viewer: Viewer, catalog: Catalog,
                               screen: String) throws -> TrainingImpactReport {
        var tally = TrainingImpactAnalyzer(catalog: catalog).tally(on: on)
        try forEachUnitRecordBatch(units: units, viewer: viewer, catalog: catalog, withTrainingsOnly: true,
                                   histories: RecordHistories.training, screen: screen,
                                   report: "impact \(units.first ?? "")") { for record in $0 { tally.add(record) } }
        return tally.report(units: units)
    }
}
