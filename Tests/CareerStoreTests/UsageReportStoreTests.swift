import CareerCatalog
import CareerEngine
@testable import CareerStore
import Foundation
import Testing

/// Unit reports in the store: who may see which unit (the unit head, read from the records; HR;
/// nobody else), the usage form's save/submit cycle, the appendix figures, and exit 3 at the CLI.
@Suite(.serialized) final class UsageReportStoreTests {
    /// news-bureau: R01 heads it (R02 → R03, R04 below); ict-center: R05 (supervised from news);
    /// regional-pr-bureau-3: R07, with R08 in its provincial office.
    static let roster: [(id: String, unit: String, line: String, level: String, supervisor: String?)] = [
        ("R01", "news-bureau", "public-relations-officer", "M1", nil),
        ("R02", "news-bureau", "public-relations-officer", "K3", "R01"),
        ("R03", "news-bureau", "public-relations-officer", "K1", "R02"),
        ("R04", "news-bureau", "public-relations-officer", "K1", "R02"),
        ("R05", "ict-center", "computer-officer", "K2", "R01"),
        ("R06", "ict-center", "computer-officer", "K1", "R05"),
        ("R07", "regional-pr-bureau-3", "public-relations-officer", "M1", nil),
        ("R08", "provincial-pr-chiang-mai", "public-relations-officer", "K2", "R07"),
    ]

    var fixture: ImportFixture!
    let catalog = TestCatalog.catalog
    let year = FiscalYear.containing(DateText.today())

    init() {}

    /// Opens this test's store on `engine` (a suite takes no arguments; its tests do).
    func use(_ engine: StoreEngine, assessments: String = "", trainings: String = "") throws {
        var people = ImportFixture.peopleHeader + "\n"
        for p in Self.roster {
            people += "\(p.id),สมมุติ \(p.id),Sommut \(p.id),\(p.unit),\(p.line),\(p.level),2018-01-01,2010-01-01,bachelor,\(p.supervisor ?? "")\n"
        }
        fixture = try ImportFixture(files: ["people.csv": people, "assignments.csv": "person_id,unit,field,role,start,end\n",
                                            "assessments.csv": "person_id,competency,level,assessed_on,assessor\n" + assessments,
                                            "trainings.csv": "person_id,course,completed_on\n" + trainings], engine: engine)
        #expect(fixture.importFolder() == [])
    }

    @Test(arguments: StoreEngine.all) func aUnitHeadReachesTheirUnitAndItsSubUnitsOnly(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        #expect(try store.reportUnits(viewer: .supervisor(personID: "R01"), catalog: catalog) == ["news-bureau"])
        #expect(try store.reportUnits(viewer: .supervisor(personID: "R05"), catalog: catalog) == ["ict-center"])
        #expect(try store.reportUnits(viewer: .supervisor(personID: "R07"), catalog: catalog) == ["regional-pr-bureau-3", "provincial-pr-chiang-mai"])
        // Not heads: a supervisor inside the unit, staff.
        #expect(try store.reportUnits(viewer: .supervisor(personID: "R02"), catalog: catalog).isEmpty)
        #expect(try store.reportUnits(viewer: .person(personID: "R03"), catalog: catalog).isEmpty)
        #expect(try store.reportUnits(viewer: .hr(personID: "R03"), catalog: catalog) == catalog.units.map(\.id))
        #expect(throws: ReportAccessDenied.self) {
            try store.usageForm(unit: "ict-center", fiscalYear: year, viewer: .supervisor(personID: "R01"), catalog: catalog)
        }
        #expect(throws: ReportAccessDenied.self) {
            try store.forEachUnitRecordBatch(units: ["news-bureau"], viewer: .supervisor(personID: "R02"), catalog: catalog, screen: "test", report: "needs") { _ in }
        }
        #expect(throws: ReportAccessDenied.self) {
            try store.usageRollup(fiscalYear: year, due: year.defaultDueDate, viewer: .supervisor(personID: "R01"), catalog: catalog, screen: "test")
        }
    }

    @Test(arguments: StoreEngine.all) func aFormIsSavedEditedAndFrozenOnceSubmitted(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        let head = Viewer.supervisor(personID: "R01")
        var form = UsageReportForm(unit: "news-bureau", fiscalYear: year, activities: [.displayBoard], problems: "ไม่มีงบประมาณ")
        try store.saveUsageForm(form, viewer: head, catalog: catalog, screen: "test")
        #expect(try store.usageForm(unit: "news-bureau", fiscalYear: year, viewer: head, catalog: catalog)?.activities == [.displayBoard])
        #expect(throws: UsageReportRefusal.incomplete([.signerName, .signerPosition, .signedOn])) {
            try store.submitUsageForm(unit: "news-bureau", fiscalYear: year, viewer: head, catalog: catalog, screen: "test")
        }
        form.toggle(.jobRotation)
        form.otherOutcome = "มีผู้สมัครหมุนเวียนงาน 3 คน"
        form.signerName = "สมมุติ R01"; form.signerPosition = "ผู้อำนวยการ"; form.signedOn = year.defaultDueDate.adding(days: -5)
        try store.saveUsageForm(form, viewer: head, catalog: catalog, screen: "test")
        let submitted = try store.submitUsageForm(unit: "news-bureau", fiscalYear: year, viewer: head, catalog: catalog, screen: "test")
        #expect(submitted.status == .submitted && submitted.submittedBy == "R01")
        let saved = try #require(try store.usageForm(unit: "news-bureau", fiscalYear: year, viewer: .hr(personID: "R03"), catalog: catalog))
        #expect(saved.activities == [.displayBoard, .jobRotation])
        #expect(saved.otherOutcome == "มีผู้สมัครหมุนเวียนงาน 3 คน" && saved.status == .submitted)
        #expect(throws: UsageReportRefusal.alreadySubmitted(unit: "news-bureau", fiscalYear: year)) {
            try store.saveUsageForm(form, viewer: head, catalog: catalog, screen: "test")
        }
        #expect(throws: UsageReportRefusal.alreadySubmitted(unit: "news-bureau", fiscalYear: year)) {
            try store.submitUsageForm(unit: "news-bureau", fiscalYear: year, viewer: head, catalog: catalog, screen: "test")
        }
        let actions = try store.auditEntries().filter { $0.actor == "R01" }.map(\.action)
        #expect(actions == ["save-usage-report", "save-usage-report", "submit-usage-report"])
        // The roll-up sees it.
        let rollup = try store.usageRollup(fiscalYear: year, due: year.defaultDueDate.adding(days: 400), viewer: .system, catalog: catalog, screen: "test")
        #expect(rollup.rows.first { $0.unit == "news-bureau" }?.onTime == true)
        #expect(rollup.rows.first { $0.unit == "ict-center" }?.status == nil)
        #expect(rollup.totals.people == Self.roster.count)
    }

    @Test(arguments: StoreEngine.all) func theAppendixCountsTheYearsActivityOfTheUnitAndItsSubUnits(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        // R08 (a provincial office under the bureau) opens their own record; R07 opens R08's (not "own").
        _ = try store.record(personID: "R08", viewer: .person(personID: "R08"), screen: "kiosk")
        _ = try store.record(personID: "R08", viewer: .person(personID: "R08"), screen: "kiosk")
        _ = try store.record(personID: "R08", viewer: .supervisor(personID: "R07"), screen: "tui")
        let inYear = year.start.adding(days: 40).iso, before = year.start.adding(days: -1).iso
        try store.database.write { db in
            var ids: [Int64] = []
            for (status, at) in [("approved", inYear), ("draft", inYear), ("submitted", before)] {
                ids.append(try db.insertReturningID(sql: """
                    INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at, status_at)
                    VALUES ('R08', 'public-relations-officer:K3', ?, 'R08', ?, ?, ?)
                    """, arguments: [status, at, at, at]))
            }
            let plan = ids[0]
            try db.execute(sql: """
                INSERT INTO plan_steps (plan_id, position, gap_kind, method, start, "end", started_on, completed_on, done) VALUES
                    (?, 0, 'experience', 'job-rotation', ?, ?, ?, ?, 1),
                    (?, 1, 'competency', 'coaching', ?, NULL, ?, NULL, 0)
                """, arguments: [plan, inYear, inYear, inYear, inYear, plan, inYear, inYear])
            try db.execute(sql: "INSERT INTO trainings (person_id, course, completed_on) VALUES ('R08', 'primary-executive', ?), ('R03', 'primary-executive', ?)",
                           arguments: [inYear, inYear])
        }
        let report = try store.usageReport(unit: "regional-pr-bureau-3", fiscalYear: year, viewer: .supervisor(personID: "R07"), catalog: catalog, screen: "test")
        #expect(report.form == UsageReportForm(unit: "regional-pr-bureau-3", fiscalYear: year))
        #expect(report.figures.people == 2)
        #expect(report.figures.openedOwnPaths == 1)
        #expect(report.figures.plans == ["approved": 1, "draft": 1])
        #expect(report.figures.stepsStarted == ["job-rotation": 1, "coaching": 1])
        #expect(report.figures.stepsCompleted == ["job-rotation": 1])
        #expect(report.figures.coursesCompleted == ["primary-executive": 1])
        #expect(try store.auditEntries().last?.detail == "usage regional-pr-bureau-3 \(year)")
    }

    @Test(arguments: StoreEngine.all) func stepsCountByTheirRecordedDaysOnTheCurrentVersionOfEachPlan(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        let year = FiscalYear(2569)
        let inYear = year.start.adding(days: 40).iso, before = year.start.adding(days: -30).iso, after = year.end.adding(days: 10).iso
        try store.database.write { db in
            func plan(_ status: String, version: Int) throws -> Int64 {
                try db.insertReturningID(sql: """
                    INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at, status_at, version)
                    VALUES ('R08', 'public-relations-officer:K3', ?, 'R08', ?, ?, ?, ?)
                    """, arguments: [status, inYear, inYear, inYear, version])
            }
            let old = try plan("superseded", version: 1), current = try plan("in-progress", version: 2)
            // Version 1's steps were carried out in the year, then copied into version 2 and carried on.
            try db.execute(sql: """
                INSERT INTO plan_steps (plan_id, position, gap_kind, method, start, "end", started_on, completed_on, done) VALUES
                    (?, 0, 'experience', 'job-rotation', ?, ?, ?, ?, 1),
                    (?, 0, 'experience', 'job-rotation', ?, ?, ?, ?, 1),
                    (?, 1, 'experience', 'acting', ?, ?, ?, NULL, 0),
                    (?, 2, 'competency', 'coaching', ?, ?, NULL, NULL, 0),
                    (?, 3, 'competency', 'task-force', ?, ?, ?, ?, 1)
                """, arguments: [old, inYear, inYear, inYear, inYear,
                                 current, inYear, inYear, inYear, inYear,
                                 // Planned before the year, started in it.
                                 current, before, before, inYear,
                                 // Planned in the year, never started.
                                 current, inYear, inYear,
                                 // Planned in the year, carried out the year before and after.
                                 current, inYear, inYear, before, after])
        }
        let report = try store.usageReport(unit: "regional-pr-bureau-3", fiscalYear: year, viewer: .system, catalog: catalog, screen: "test")
        #expect(report.figures.stepsStarted == ["job-rotation": 1, "acting": 1])
        #expect(report.figures.stepsCompleted == ["job-rotation": 1])
        // Every status is counted, the superseded version too: the appendix and the roll-up add up the same plans.
        #expect(report.figures.plans == ["superseded": 1, "in-progress": 1])
    }

    @Test(arguments: StoreEngine.all) func theYearBeginsAtLocalMidnightOnTheFirstOfOctober(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        let bangkok = try #require(TimeZone(identifier: "Asia/Bangkok"))
        let year = FiscalYear(2569)
        // 01:00 in Bangkok on 1 October 2025 (the year's first hour) and on 1 October 2026 (the next year's).
        let first = "2025-09-30T18:00:00Z", next = "2026-09-30T18:00:00Z"
        #expect(DateText.day(ofStamp: first, utcOffset: 7 * 3600) == year.start)
        #expect(AuditClock.timestamp(atStartOf: year.start, in: bangkok) == "2025-09-30T17:00:00Z")
        try store.database.write { db in
            for (who, at) in [("R07", first), ("R08", next)] {
                try db.execute(sql: "INSERT INTO audit_log (at, actor, subject, action, screen) VALUES (?, ?, ?, 'view', 'kiosk')",
                               arguments: [at, who, who])
                try db.execute(sql: """
                    INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at, status_at)
                    VALUES (?, 'public-relations-officer:K3', 'submitted', ?, ?, ?, ?)
                    """, arguments: [who, who, at, at, at])
            }
        }
        func figures(_ year: FiscalYear) throws -> UsageFigures {
            try store.usageReport(unit: "regional-pr-bureau-3", fiscalYear: year, viewer: .system, catalog: catalog, screen: "test",
                                  zone: bangkok).figures
        }
        let this = try figures(year), last = try figures(FiscalYear(2568)), coming = try figures(FiscalYear(2570))
        #expect(this.openedOwnPaths == 1 && this.plans == ["submitted": 1], "\(this)")
        #expect(last.openedOwnPaths == 0 && last.plans.isEmpty, "\(last)")
        #expect(coming.openedOwnPaths == 1 && coming.plans == ["submitted": 1], "\(coming)")
        let rollup = try store.usageRollup(fiscalYear: year, viewer: .system, catalog: catalog, screen: "test", zone: bangkok)
        #expect(rollup.totals.openedOwnPaths == 1 && rollup.totals.plans == ["submitted": 1])

        // Submitted at 01:00 in Bangkok on 1 September: late there, though still 31 August in UTC.
        let form = UsageReportForm(unit: "regional-pr-bureau-3", fiscalYear: year, activities: [.displayBoard], signerName: "สมมุติ R07",
                                   signerPosition: "ผู้อำนวยการ", signedOn: year.defaultDueDate)
        try store.saveUsageForm(form, viewer: .system, catalog: catalog, screen: "test")
        let lateNight = try #require(ISO8601DateFormatter().date(from: "2026-08-31T18:00:00Z"))
        try store.submitUsageForm(unit: "regional-pr-bureau-3", fiscalYear: year, viewer: .system, catalog: catalog, screen: "test", now: lateNight)
        let inBangkok = try store.usageRollup(fiscalYear: year, viewer: .system, catalog: catalog, screen: "test", zone: bangkok)
        #expect(inBangkok.submittedLate == 1 && inBangkok.submittedOnTime == 0)
        let inUTC = try store.usageRollup(fiscalYear: year, viewer: .system, catalog: catalog, screen: "test", zone: try #require(TimeZone(identifier: "UTC")))
        #expect(inUTC.submittedOnTime == 1)
    }

    @Test(arguments: StoreEngine.all) func theRollupCountsEachUnitAsItsOwnReportWould(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        let inYear = year.start.adding(days: 40).iso
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO trainings (person_id, course, completed_on) VALUES ('R08', 'primary-executive', ?), ('R03', 'primary-executive', ?),
                    ('R04', 'primary-executive', ?), ('R06', 'primary-executive', ?)
                """, arguments: [inYear, inYear, inYear, inYear])
        }
        _ = try store.record(personID: "R06", viewer: .person(personID: "R06"), screen: "kiosk")
        _ = try store.record(personID: "R03", viewer: .person(personID: "R03"), screen: "kiosk")
        // One grouped query per figure (the roll-up) gives each unit what asking about it alone gives.
        let rollup = try store.usageRollup(fiscalYear: year, viewer: .system, catalog: catalog, screen: "test")
        let alone = try store.database.read { db in
            try catalog.units.map { try store.usageFigures(db, units: [$0.id], fiscalYear: year)[$0.id] ?? UsageFigures() }
        }
        #expect(rollup.rows.map(\.figures) == alone)
        #expect(rollup.rows.first { $0.unit == "news-bureau" }?.figures == UsageFigures(people: 4, openedOwnPaths: 1, coursesCompleted: ["primary-executive": 2]))
        #expect(rollup.rows.first { $0.unit == "ict-center" }?.figures == UsageFigures(people: 2, openedOwnPaths: 1, coursesCompleted: ["primary-executive": 1]))
        #expect(rollup.totals.coursesCompleted == ["primary-executive": 4] && rollup.totals.openedOwnPaths == 2)
    }

    @Test(arguments: StoreEngine.all) func hrSetsTheYearsDueDateWhichTheFormsAndTheRollupUse(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        let hr = Viewer.hr(personID: "R03"), head = Viewer.supervisor(personID: "R01")
        #expect(try store.usageReportDue(fiscalYear: year) == year.defaultDueDate)
        let due = year.defaultDueDate.adding(days: -16)   // 15 August
        #expect(throws: ReportAccessDenied.self) { try store.setUsageReportDue(due, fiscalYear: year, viewer: head, screen: "test") }
        #expect(try store.usageReportDue(fiscalYear: year) == year.defaultDueDate)
        try store.setUsageReportDue(due, fiscalYear: year, viewer: hr, screen: "test")
        #expect(try store.usageReportDue(fiscalYear: year) == due)
        let next = FiscalYear(year.buddhistEra + 1)
        #expect(try store.usageReportDue(fiscalYear: next) == next.defaultDueDate)
        #expect(try store.usageReport(unit: "news-bureau", fiscalYear: year, viewer: head, catalog: catalog, screen: "test").due == due)

        // Submitted after the set day (but before 31 August): late by the stored date.
        let form = UsageReportForm(unit: "news-bureau", fiscalYear: year, activities: [.displayBoard], signerName: "สมมุติ R01",
                                   signerPosition: "ผู้อำนวยการ", signedOn: due)
        try store.saveUsageForm(form, viewer: head, catalog: catalog, screen: "test")
        let day = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: due.year,
                                                                            month: due.month, day: due.day + 5, hour: 9))!
        try store.submitUsageForm(unit: "news-bureau", fiscalYear: year, viewer: head, catalog: catalog, screen: "test", now: day)
        let rollup = try store.usageRollup(fiscalYear: year, viewer: hr, catalog: catalog, screen: "test")
        #expect(rollup.due == due)
        #expect(rollup.submittedLate == 1 && rollup.submittedOnTime == 0)
        // Asking about another day does not change the stored one.
        #expect(try store.usageRollup(fiscalYear: year, due: year.defaultDueDate, viewer: hr, catalog: catalog, screen: "test").submittedOnTime == 1)
        #expect(try store.usageReportDue(fiscalYear: year) == due)

        // Set again: replaced; a day the year does not allow is refused and changes nothing.
        try store.setUsageReportDue(year.end, fiscalYear: year, viewer: hr, screen: "test")
        #expect(try store.usageRollup(fiscalYear: year, viewer: hr, catalog: catalog, screen: "test").submittedOnTime == 1)
        let before = year.start.adding(days: -1)
        #expect(throws: UsageReportRefusal.dueOutsideYear(due: before, fiscalYear: year)) {
            try store.setUsageReportDue(before, fiscalYear: year, viewer: hr, screen: "test")
        }
        #expect(try store.usageReportDue(fiscalYear: year) == year.end)
        let set = try store.auditEntries().filter { $0.action == "set-usage-report-due" }
        #expect(set.map(\.actor) == ["R03", "R03"])
        #expect(set.map(\.detail) == ["\(year) \(due.iso)", "\(year) \(year.end.iso)"])
    }

    @Test(arguments: StoreEngine.all) func recordsComeInBatchesCoveringTheUnitOnce(engine: StoreEngine) throws {
        try use(engine)
        var seen: [[String]] = []
        try fixture.store.forEachUnitRecordBatch(units: ["news-bureau", "ict-center"], viewer: .system, catalog: catalog, batch: 4,
                                                 screen: "test", report: "needs") { seen.append($0.map(\.person.id)) }
        #expect(seen == [["R01", "R02", "R03", "R04"], ["R05", "R06"]])
    }

    /// Whichever way a batch's histories are read (by its id range when the batch is most of the
    /// people in it, else by its ids), each person gets exactly their own counted assessments and
    /// trainings: none of a person outside the units, none twice.
    @Test(arguments: StoreEngine.all) func batchesCarryExactlyTheirPeoplesHistories(engine: StoreEngine) throws {
        var assessments = "", trainings = ""
        for (n, p) in Self.roster.enumerated() {
            assessments += "\(p.id),achievement-motivation,\(n % 5 + 1),2024-0\(n % 9 + 1)-15,supervisor\n"
            assessments += "\(p.id),achievement-motivation,5,2025-01-15,self\n"
            assessments += "\(p.id),teamwork,\(n % 4 + 1),2023-11-0\(n % 9 + 1),panel\n"
            if n % 2 == 0 { trainings += "\(p.id),primary-executive,2024-06-0\(n % 9 + 1)\n" }
        }
        try use(engine, assessments: assessments, trainings: trainings)
        let store = fixture.store
        var expected: [String: PersonRecord] = [:]
        for p in Self.roster {
            var record = try #require(try store.record(personID: p.id, viewer: .system, screen: "test"))
            #expect(record.assessments.count == 3 && record.assessments.contains { !$0.counts })
            record.assessments.removeAll { !$0.counts }
            expected[p.id] = record
        }
        let trained = Set(Self.roster.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.id))
        // The units leave out R05 and R06, between R04 and R07 in id order. Only the people with a
        // course (R01, R03, R07 of those units) in batches of 3 are a batch spread thin over its
        // range (3 of the 7 people from R01 to R07): read by their ids, not by the range.
        var spreadThin = 0
        for units in [["news-bureau", "regional-pr-bureau-3", "provincial-pr-chiang-mai"], ["regional-pr-bureau-3", "provincial-pr-chiang-mai"],
                      ["news-bureau", "ict-center", "regional-pr-bureau-3", "provincial-pr-chiang-mai"]] {
            for trainingsOnly in [false, true] {
                for batch in 1...8 {
                    var seen: [String] = []
                    try store.forEachUnitRecordBatch(units: units, viewer: .system, catalog: catalog, withTrainingsOnly: trainingsOnly,
                                                     histories: .training, batch: batch, screen: "test", report: "needs") { records in
                        let ids = records.map(\.person.id)
                        if let first = ids.first, let last = ids.last,
                           ids.count * 2 < Self.roster.filter({ (first...last).contains($0.id) }).count { spreadThin += 1 }
                        for record in records {
                            seen.append(record.person.id)
                            let want = try #require(expected[record.person.id])
                            #expect(record.assessments == want.assessments, "\(record.person.id), batch \(batch)")
                            #expect(record.trainings == want.trainings, "\(record.person.id), batch \(batch)")
                        }
                    }
                    let want = Self.roster.filter { units.contains($0.unit) && (!trainingsOnly || trained.contains($0.id)) }.map(\.id)
                    #expect(seen == want, "\(units), trainings only: \(trainingsOnly), batch \(batch)")
                }
            }
        }
        #expect(spreadThin > 0, "no batch was read by its ids")
    }

    // MARK: the CLI

    @Test(arguments: StoreEngine.all) func aReportOutsideYourUnitExitsThree(engine: StoreEngine) throws {
        try use(engine)
        let db = fixture.store.path
        let other = try CLI.run(["report", "usage", "--unit", "ict-center", "--as", "R01", "--lang", "en"], database: db)
        #expect(other.status == 3, "stderr: \(other.stderr)")
        #expect(other.stderr.contains("access denied") && other.stdout.isEmpty)
        let staff = try CLI.run(["report", "needs", "--as", "R03", "--lang", "en"], database: db)
        #expect(staff.status == 3, "stderr: \(staff.stderr)")
        let rollup = try CLI.run(["report", "rollup", "--as", "R01", "--lang", "en"], database: db)
        #expect(rollup.status == 3, "stderr: \(rollup.stderr)")
        let own = try CLI.run(["report", "usage", "--unit", "news-bureau", "--as", "R01", "--year", "2569", "--json"], database: db)
        #expect(own.status == 0, "stderr: \(own.stderr)")
        #expect(own.stdout.contains("\"people\": 4"))
    }

    @Test(arguments: StoreEngine.all) func hrSetsTheDueDateFromTheCLI(engine: StoreEngine) throws {
        try use(engine)
        let db = fixture.store.path
        #expect(try AccountService(store: fixture.store).grantHR(personID: "R02"))
        let head = try CLI.run(["report", "usage", "--year", "2569", "--set-due", "15/08/2569", "--as", "R01", "--lang", "en"], database: db)
        #expect(head.status == 3, "stderr: \(head.stderr)")
        let set = try CLI.run(["report", "usage", "--year", "2569", "--set-due", "15/08/2569", "--as", "R02", "--lang", "th"], database: db)
        #expect(set.status == 0, "stderr: \(set.stderr)")
        #expect(set.stdout.contains("กำหนดส่ง 15 สิงหาคม 2569"), "\(set.stdout)")
        let outside = try CLI.run(["report", "usage", "--year", "2569", "--set-due", "2024-09-30", "--as", "R02", "--lang", "en"], database: db)
        #expect(outside.status == 1 && outside.stderr.contains("--set-due") && outside.stderr.contains("2569"), "\(outside.stderr)")
        let neither = try CLI.run(["report", "usage", "--year", "2569", "--as", "R02", "--lang", "en"], database: db)
        #expect(neither.status != 0 && neither.stderr.contains("--unit is needed"), "\(neither.stderr)")
        // The unit head's form shows the day; HR's roll-up counts by it.
        let form = try CLI.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "R01", "--lang", "th"], database: db)
        #expect(form.stdout.contains("กำหนดส่ง 15 สิงหาคม 2569"), "\(form.stdout)")
        let rollup = try CLI.run(["report", "rollup", "--year", "2569", "--as", "R02", "--lang", "th"], database: db)
        #expect(rollup.status == 0 && rollup.stdout.contains("กำหนดส่ง 15 สิงหาคม 2569"), "\(rollup.stdout)")
    }

    @Test(arguments: StoreEngine.all) func theCLIFillsSavesAndSubmitsAForm(engine: StoreEngine) throws {
        try use(engine)
        let db = fixture.store.path
        let incomplete = try CLI.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "R01", "--submit", "--lang", "en"], database: db)
        #expect(incomplete.status == 1)
        #expect(incomplete.stderr.contains("--activity") && incomplete.stderr.contains("--signer-name"))
        let fill = try CLI.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "R01",
                                "--activity", "display-board", "--activity", "circulate-handbook", "--signer-name", "สมมุติ R01",
                                "--signer-position", "ผู้อำนวยการสำนักข่าว", "--signed-on", "20/08/2569", "--lang", "th"], database: db)
        #expect(fill.status == 0, "stderr: \(fill.stderr)")
        #expect(fill.stdout.contains("- [x] แจ้งเวียนแฟ้มคู่มือหรือซีดีให้บุคลากรรับทราบทั่วกัน"))
        #expect(fill.stdout.contains("- [ ] จัดกิจกรรมกลุ่มสนทนาศึกษาแลกเปลี่ยนเรียนรู้"))
        #expect(fill.stdout.contains("20 สิงหาคม 2569"))
        let submit = try CLI.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "R01", "--submit", "--lang", "en", "--format", "csv"], database: db)
        #expect(submit.status == 0, "stderr: \(submit.stderr)")
        let again = try CLI.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "R01", "--problems", "x", "--lang", "en"], database: db)
        #expect(again.status == 1)
        #expect(again.stderr.contains("submitted and cannot change"))
        let typo = try CLI.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--activity", "display-bord", "--lang", "en"], database: db)
        #expect(typo.status == 1 && typo.stderr.contains("did you mean `display-board`"))
    }
}
