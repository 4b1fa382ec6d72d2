import CareerCatalog
import CareerEngine
@testable import CareerStore
import Foundation
import GRDB
import Testing

/// Unit reports in the store: who may see which unit (the unit head, read from the records; HR;
/// nobody else), the usage form's save/submit cycle, the appendix figures, and exit 3 at the CLI.
@Suite(.serialized) struct UsageReportStoreTests {
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

    let fixture: ImportFixture
    let catalog = TestCatalog.catalog
    let year = FiscalYear.containing(DateText.today())

    init() throws {
        var people = ImportFixture.peopleHeader + "\n"
        for p in Self.roster {
            people += "\(p.id),สมมุติ \(p.id),Sommut \(p.id),\(p.unit),\(p.line),\(p.level),2018-01-01,2010-01-01,bachelor,\(p.supervisor ?? "")\n"
        }
        fixture = try ImportFixture(files: ["people.csv": people, "assignments.csv": "person_id,unit,field,role,start,end\n",
                                            "assessments.csv": "person_id,competency,level,assessed_on,assessor\n",
                                            "trainings.csv": "person_id,course,completed_on\n"])
        #expect(fixture.importFolder() == [])
    }

    @Test func aUnitHeadReachesTheirUnitAndItsSubUnitsOnly() throws {
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

    @Test func aFormIsSavedEditedAndFrozenOnceSubmitted() throws {
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

    @Test func theAppendixCountsTheYearsActivityOfTheUnitAndItsSubUnits() throws {
        let store = fixture.store
        // R08 (a provincial office under the bureau) opens their own record; R07 opens R08's (not "own").
        _ = try store.record(personID: "R08", viewer: .person(personID: "R08"), screen: "kiosk")
        _ = try store.record(personID: "R08", viewer: .person(personID: "R08"), screen: "kiosk")
        _ = try store.record(personID: "R08", viewer: .supervisor(personID: "R07"), screen: "tui")
        let inYear = year.start.adding(days: 40).iso, before = year.start.adding(days: -1).iso
        try store.database.write { db in
            for (status, at) in [("approved", inYear), ("draft", inYear), ("submitted", before)] {
                try db.execute(sql: """
                    INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at, status_at)
                    VALUES ('R08', 'public-relations-officer:K3', ?, 'R08', ?, ?, ?)
                    """, arguments: [status, at, at, at])
            }
            let plan = db.lastInsertedRowID - 2
            try db.execute(sql: """
                INSERT INTO plan_steps (plan_id, position, gap_kind, method, start, "end", done) VALUES
                    (?, 0, 'experience', 'job-rotation', ?, ?, 1),
                    (?, 1, 'competency', 'coaching', ?, NULL, 0)
                """, arguments: [plan, inYear, inYear, plan, inYear])
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

    @Test func recordsComeInBatchesCoveringTheUnitOnce() throws {
        var seen: [[String]] = []
        try fixture.store.forEachUnitRecordBatch(units: ["news-bureau", "ict-center"], viewer: .system, catalog: catalog, batch: 4,
                                                 screen: "test", report: "needs") { seen.append($0.map(\.person.id)) }
        #expect(seen == [["R01", "R02", "R03", "R04"], ["R05", "R06"]])
    }

    // MARK: the CLI

    @Test func aReportOutsideYourUnitExitsThree() throws {
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

    @Test func theCLIFillsSavesAndSubmitsAForm() throws {
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
