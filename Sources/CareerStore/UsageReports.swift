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

/// A usage report that can no longer change (submitted), or that cannot be submitted yet.
public enum UsageReportRefusal: Error, Sendable, Equatable {
    case alreadySubmitted(unit: String, fiscalYear: FiscalYear)
    case incomplete([UsageFormField])
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

    // MARK: figures

    /// The appendix figures of `units` (taken together) for `year`. No access check: callers
    /// check the reach first (`usageReport`, `usageRollup`); only counts leave this function.
    func usageFigures(_ db: StoreSession, units: [String], fiscalYear: FiscalYear) throws -> UsageFigures {
        let marks = Array(repeating: "?", count: units.count).joined(separator: ", ")
        let inUnits = "IN (SELECT id FROM people WHERE unit IN (\(marks)))"
        let unitArgs = SQLArguments(units)
        let (from, to) = (fiscalYear.start.iso, fiscalYear.end.iso)
        // Audit timestamps are `YYYY-MM-DDTHH:MM:SSZ`: the year's last day ends before the next day's date.
        let toStamp = fiscalYear.end.adding(days: 1).iso
        var figures = UsageFigures()
        figures.people = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM people WHERE unit IN (\(marks))", arguments: unitArgs) ?? 0
        // People who opened their own record (the paths and gaps screens show it) in the year.
        figures.openedOwnPaths = try Int.fetchOne(db, sql: """
            SELECT COUNT(DISTINCT actor) FROM audit_log
            WHERE action = 'view' AND subject = actor AND at >= ? AND at < ? AND actor \(inUnits)
            """, arguments: [from, toStamp] + unitArgs) ?? 0
        figures.plans = try Self.planStatusCounts(db, inUnits: inUnits, unitArgs: unitArgs, from: from, toStamp: toStamp)
        func byKey(_ sql: String, _ arguments: SQLArguments) throws -> [String: Int] {
            var result: [String: Int] = [:]
            for row in try SQLRow.fetchAll(db, sql: sql, arguments: arguments) { result[row[0]] = row[1] }
            return result
        }
        figures.stepsStarted = try byKey("""
            SELECT COALESCE(s.method, ''), COUNT(*) FROM plan_steps s JOIN development_plans d ON d.id = s.plan_id
            WHERE s.start >= ? AND s.start <= ? AND d.person_id \(inUnits) GROUP BY 1
            """, [from, to] + unitArgs)
        figures.stepsCompleted = try byKey("""
            SELECT COALESCE(s.method, ''), COUNT(*) FROM plan_steps s JOIN development_plans d ON d.id = s.plan_id
            WHERE s.done = 1 AND s."end" >= ? AND s."end" <= ? AND d.person_id \(inUnits) GROUP BY 1
            """, [from, to] + unitArgs)
        figures.coursesCompleted = try byKey("""
            SELECT course, COUNT(*) FROM trainings WHERE completed_on >= ? AND completed_on <= ? AND person_id \(inUnits) GROUP BY 1
            """, [from, to] + unitArgs)
        return figures
    }

    /// Plans by status, counted when their status (or, for a draft, their steps) last changed in
    /// the year. The statuses are those of `development_plans` today (draft, submitted, approved,
    /// returned); the plan cycle's own tables extend this one query.
    static func planStatusCounts(_ db: StoreSession, inUnits: String, unitArgs: SQLArguments,
                                 from: String, toStamp: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try SQLRow.fetchAll(db, sql: """
            SELECT status, COUNT(*) FROM development_plans
            WHERE COALESCE(status_at, updated_at) >= ? AND COALESCE(status_at, updated_at) < ? AND person_id \(inUnits)
            GROUP BY status
            """, arguments: [from, toStamp] + unitArgs) { result[row[0]] = row[1] }
        return result
    }

    /// The usage report of `unit` (sub-units included in the figures) for `year`: its saved form
    /// (a blank draft when none) and the appendix. Access checked; audited as a `report` view.
    public func usageReport(unit: String, fiscalYear: FiscalYear, viewer: Viewer, catalog: Catalog, screen: String) throws -> UsageReport {
        try requireReportAccess(unit: unit, viewer: viewer, catalog: catalog)
        let units = [unit] + catalog.descendants(of: unit).map(\.id)
        let report = try database.read { db in
            UsageReport(form: try Self.usageForms(db, fiscalYear: fiscalYear, unit: unit).first ?? UsageReportForm(unit: unit, fiscalYear: fiscalYear),
                        figures: try usageFigures(db, units: units, fiscalYear: fiscalYear))
        }
        try audit(actor: viewer, subject: nil, action: "report", screen: screen, detail: "usage \(unit) \(fiscalYear)")
        return report
    }

    /// HR's roll-up for `year`: each unit of the catalog (its own people, not its sub-units', so
    /// the totals count everyone once), whether it submitted by `due`, and the totals. HR only.
    public func usageRollup(fiscalYear: FiscalYear, due: CivilDate, viewer: Viewer, catalog: Catalog, screen: String) throws -> UsageRollup {
        try requireDepartmentAccess(viewer: viewer)
        let units = catalog.units.map(\.id)
        let rollup = try database.read { db in
            let forms = Dictionary(try Self.usageForms(db, fiscalYear: fiscalYear, unit: nil).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
            var figures: [String: UsageFigures] = [:]
            for unit in units { figures[unit] = try usageFigures(db, units: [unit], fiscalYear: fiscalYear) }
            return UsageRollup(fiscalYear: fiscalYear, due: due, units: units, forms: forms, figures: figures)
        }
        try audit(actor: viewer, subject: nil, action: "report", screen: screen, detail: "rollup \(fiscalYear)")
        return rollup
    }

    // MARK: records for the analyses

    /// The records of the people of `units`, for the training needs and impact analyses (counts
    /// only leave the engine), handed over in batches of `batch` people so that a department's
    /// roster need not be in memory at once. Access checked against the unit reach; audited as one
    /// `report` row, not as a view of each record. `withTrainingsOnly`: only people with a completed course.
    public func forEachUnitRecordBatch(units: [String], viewer: Viewer, catalog: Catalog, withTrainingsOnly: Bool = false,
                                       batch: Int = 5_000, screen: String, report: String,
                                       _ body: ([PersonRecord]) throws -> Void) throws {
        let reach = Set(try reportUnits(viewer: viewer, catalog: catalog))
        if let outside = units.first(where: { !reach.contains($0) }) { throw ReportAccessDenied(viewer: viewer, unit: outside) }
        let marks = Array(repeating: "?", count: units.count).joined(separator: ", ")
        var peopleWhere = "unit IN (\(marks))"
        if withTrainingsOnly { peopleWhere += " AND id IN (SELECT person_id FROM trainings)" }
        try audit(actor: viewer, subject: nil, action: "report", screen: screen, detail: report)
        // Batches by id range: each is a few set queries (`loadRecords`), like a candidate pool.
        let ids = try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM people WHERE \(peopleWhere) ORDER BY id", arguments: SQLArguments(units))
        }
        var start = 0
        while start < ids.count {
            let end = min(start + max(batch, 1), ids.count) - 1
            let range = peopleWhere + " AND id BETWEEN ? AND ?"
            let arguments = SQLArguments(units) + [ids[start], ids[end]]
            let records = try database.read { db in
                try Self.loadRecords(db, where: "person_id IN (SELECT id FROM people WHERE \(range))", peopleWhere: range, arguments: arguments)
            }
            try body(records)
            start = end + 1
        }
    }
}

extension PersonnelStore {
    /// The training needs of `units` (sub-units as listed) toward `target` or each person's next
    /// level, counted batch by batch. Access checked and audited as for `forEachUnitRecordBatch`.
    public func trainingNeeds(units: [String], target: Target?, on: CivilDate, viewer: Viewer, catalog: Catalog,
                              screen: String) throws -> TrainingNeedsReport {
        var tally = TrainingNeedsAnalyzer(catalog: catalog).tally(target: target, on: on)
        try forEachUnitRecordBatch(units: units, viewer: viewer, catalog: catalog, screen: screen,
                                   report: "needs \(units.first ?? "")") { for record in $0 { tally.add(record) } }
        return tally.report(units: units)
    }

    /// The training impact in `units`: only people with a completed course are read.
    public func trainingImpact(units: [String], on: CivilDate, viewer: Viewer, catalog: Catalog,
                               screen: String) throws -> TrainingImpactReport {
        var tally = TrainingImpactAnalyzer(catalog: catalog).tally(on: on)
        try forEachUnitRecordBatch(units: units, viewer: viewer, catalog: catalog, withTrainingsOnly: true, screen: screen,
                                   report: "impact \(units.first ?? "")") { for record in $0 { tally.add(record) } }
        return tally.report(units: units)
    }
}
