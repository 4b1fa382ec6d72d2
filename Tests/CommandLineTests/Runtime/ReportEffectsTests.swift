import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
@testable import careerpath

/// The Reports screen's effects through the store (issue 14 review): every refusal comes back as a
/// `ReportsProblem` the screen words in Thai or English (no command-line wording), and HR sets the
/// year's due date from the screen through the same store call as `report usage --set-due`,
/// checked and audited there. On the demo roster: P000005 heads the News Bureau.
@Suite("the Reports screen's effects through the store")
struct ReportEffectsTests {
    static let head = "P000005"
    static let year = FiscalYear(2569)
    static let today = CivilDate(iso: "2026-03-01")!

    @Test("refused work answers with problems, worded by the screen in both languages")
    func refusalsAreProblems() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = EffectRunnerTests.catalog
        let runner = EffectRunner(store: store, viewer: .supervisor(personID: Self.head), catalog: catalog)
        let load = ReportsEffect.load(.usage, unit: "news-bureau", fiscalYear: Self.year, on: Self.today)
        guard case .failed(.unavailable)? = runner.performReports(load).first else { Issue.record("reports without a catalog"); return }
        runner.reportCatalog = catalog
        guard case .loaded(.usage, _)? = runner.performReports(load).first else { Issue.record("the head's own unit"); return }
        let other = runner.performReports(.load(.usage, unit: "ict-center", fiscalYear: Self.year, on: Self.today))
        guard case .failed(.denied(unit: "ict-center"))? = other.first else { Issue.record("\(other)"); return }
        let rollup = runner.performReports(.load(.rollup, unit: "news-bureau", fiscalYear: Self.year, on: Self.today))
        guard case .failed(.hrOnly)? = rollup.first else { Issue.record("\(rollup)"); return }
        let due = runner.performReports(.setDue(Self.year.defaultDueDate.adding(days: -10), fiscalYear: Self.year))
        guard case .dueSet(_, _, .hrOnly?)? = due.first else { Issue.record("\(due)"); return }
        #expect(try store.usageReportDue(fiscalYear: Self.year) == Self.year.defaultDueDate, "nothing set")
        let submit = runner.performReports(.submit(unit: "news-bureau", fiscalYear: Self.year))
        guard case .submitted(.refused(.incomplete)?)? = submit.first else { Issue.record("\(submit)"); return }

        // On screen: the unit's name, the form's words; never the command line's options or an id.
        for language in Language.allCases {
            var state = AppState(catalog: catalog, today: Self.today, language: language, size: TerminalSize(width: 100, height: 30))
            state.enableReports(units: ["news-bureau"], isHR: false)
            for event in [other, submit].flatMap({ $0 }) {
                _ = update(&state, .reports(event))
                let text = state.status?.text ?? ""
                #expect(!text.contains("--") && !text.contains("ict-center") && !text.contains("access denied"), "\(text)")
            }
            #expect(state.status?.text.contains(ReportStr.fieldSignerName.text(language)) == true)
            _ = update(&state, .reports(other[0]))
            #expect(state.status?.text.contains(catalog.unitsByID["ict-center"]!.name.text(language)) == true)
        }
    }

    @Test("HR sets the due date from the screen: typed in B.E., set in the store, audited as the screen's")
    func hrSetsTheDueDate() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = EffectRunnerTests.catalog
        #expect(try AccountService(store: store).grantHR(personID: "P000010"))
        let runner = EffectRunner(store: store, viewer: .supervisor(personID: "P000010"), catalog: catalog)
        runner.reportCatalog = catalog
        let reach = try #require(try ReportsRuntime.reach(viewerID: "P000010", store: store, catalog: catalog))
        #expect(reach.isHR)
        var state = AppState(catalog: catalog, today: Self.today, language: .th, size: TerminalSize(width: 100, height: 30))
        state.enableReports(units: reach.units, isHR: reach.isHR)
        func run(_ effects: [Effect]) {
            var queue = effects
            while !queue.isEmpty { queue = queue.flatMap(runner.perform).flatMap { update(&state, $0) } }
        }
        run(update(&state, .key(.char("R"))))
        _ = update(&state, .key(.char("D")))
        _ = update(&state, .key(.ctrl("u")))
        for c in "15/08/2569" { _ = update(&state, .key(.char(c))) }
        run(update(&state, .key(.enter)))
        let due = CivilDate(iso: "2026-08-15")!
        #expect(try store.usageReportDue(fiscalYear: Self.year) == due)
        #expect(state.status?.text == "กำหนดส่งแบบรายงานผล ปีงบประมาณ 2569: 15 สิงหาคม 2569")
        #expect(state.reports?.usage?.due == due, "the form shows the day")
        let set = try store.auditEntries().filter { $0.action == "set-usage-report-due" }
        #expect(set.map(\.actor) == ["P000010"] && set.map(\.screen) == ["tui:reports"])
        // A day the year does not allow: refused by the store, worded on screen, nothing changed.
        _ = update(&state, .key(.char("D")))
        _ = update(&state, .key(.ctrl("u")))
        for c in "30/09/2568" { _ = update(&state, .key(.char(c))) }
        run(update(&state, .key(.enter)))
        #expect(try store.usageReportDue(fiscalYear: Self.year) == due)
        #expect(state.status?.isError == true && state.status?.text.contains("30 กันยายน 2568") == true, "\(state.status?.text ?? "")")
    }

    @Test("an export whose audit row cannot be written is removed, and says why in Thai and English")
    func anUnauditedExportIsWordedInBothLanguages() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.database.write { db in
            try db.execute(sql: "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END")
        }
        let runner = EffectRunner(store: store, viewer: .system, catalog: EffectRunnerTests.catalog)
        let path = folder.appendingPathComponent("plan.md").path
        let events = runner.perform(.exportPlanMarkdown(path: path, markdown: "x"))
        guard case .planExported(_, .notAudited(let removed, _)?)? = events.first else { Issue.record("\(events)"); return }
        #expect(removed == path && !FileManager.default.fileExists(atPath: path), "the file went with the audit row")
        // The export's words and the store's, both in the screen's language.
        for (language, words, store) in [(Language.th, "บันทึกการใช้งานไม่ได้", "ฐานข้อมูลบุคลากรขัดข้อง"),
                                         (.en, "could not be written to the audit log", "the personnel database failed")] {
            var state = AppState(catalog: EffectRunnerTests.catalog, today: Self.today, language: language, size: TerminalSize(width: 100, height: 30))
            _ = update(&state, events[0])
            let text = state.status?.text ?? ""
            #expect(text.contains(words) && text.contains(store) && text.contains(path), "\(text)")
        }
    }
}
