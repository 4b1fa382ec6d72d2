import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// HR on the Reports screen: the unit chosen by name, the fiscal year stepped, the year's due date
/// typed (B.E. in Thai) and sent to the store as an effect; a unit head cannot set the day. The
/// appendix lists every plan status; refusals are worded in the screen's language.
@Suite struct ReportsChoicesTests {
    static let today = AppFixture.today   // 31 August 2025: fiscal year 2568

    static func state(_ language: Language = .en, hr: Bool = true, width: Int = 100, height: Int = 30) -> AppState {
        var state = AppState(catalog: AppFixture.catalog, today: today, language: language, size: TerminalSize(width: width, height: height))
        let units = hr ? AppFixture.catalog.units.map(\.id) : ["news-bureau"] + AppFixture.catalog.descendants(of: "news-bureau").map(\.id)
        state.enableReports(units: units, isHR: hr)
        _ = update(&state, .key(.char("R")))
        return state
    }

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = update(&state, .key(.char(c))) }
    }

    @Test func hrChoosesTheUnitByItsName() throws {
        for language in Language.allCases {
            var state = Self.state(language)
            #expect(state.reports?.unit == AppFixture.catalog.units.first?.id)
            #expect(update(&state, .key(.char("u"))).isEmpty)
            guard case .reportUnit? = state.modal else { Issue.record("no unit choice"); return }
            let ict = try #require(AppFixture.catalog.unitsByID["ict-center"])
            // Part of the name in the screen's language; the id is not a name.
            Self.type(&state, language == .th ? "เทคโนโลยีสารสนเทศ" : "communication tech")
            let effects = update(&state, .key(.enter))
            #expect(state.modal == nil)
            #expect(state.reports?.unit == "ict-center")
            #expect(effects == [.reports(.load(.usage, unit: "ict-center", fiscalYear: FiscalYear(2568), on: Self.today))])
            let title = AppView.render(state).lines().joined(separator: "\n")
            #expect(title.contains(ict.name.text(language)), "\(title)")
        }
        var state = Self.state()
        _ = update(&state, .key(.char("u")))
        Self.type(&state, "ict-center")
        #expect(update(&state, .key(.enter)).isEmpty, "ids are not names")
        #expect(state.status?.isError == true)
        _ = update(&state, .key(.escape))
        #expect(state.modal == nil && state.reports?.unit == AppFixture.catalog.units.first?.id)
    }

    @Test func theYearStepsAndTheReportIsReadAgain() {
        var state = Self.state(hr: false)
        let unit = "news-bureau"
        #expect(update(&state, .key(.char("<"))) == [.reports(.load(.usage, unit: unit, fiscalYear: FiscalYear(2567), on: Self.today))])
        #expect(update(&state, .key(.char(">"))) == [.reports(.load(.usage, unit: unit, fiscalYear: FiscalYear(2568), on: Self.today))])
        #expect(update(&state, .key(.char(">"))) == [.reports(.load(.usage, unit: unit, fiscalYear: FiscalYear(2569), on: Self.today))])
        // Not past next year.
        #expect(update(&state, .key(.char(">"))).isEmpty)
        // Unsaved changes stay: no other year or unit until the form is saved.
        _ = update(&state, .reports(.loaded(.usage, .usage(UsageReport(form: UsageReportForm(unit: unit, fiscalYear: FiscalYear(2569)),
                                                                     figures: UsageFigures())))))
        _ = update(&state, .key(.char(" ")))
        #expect(state.reports?.dirty == true)
        #expect(update(&state, .key(.char("<"))).isEmpty)
        #expect(update(&state, .key(.char("u"))).isEmpty && state.modal == nil)
        #expect(state.reports?.fiscalYear == FiscalYear(2569) && state.status?.isError == true)
    }

    @Test func hrSetsTheDueDateAsTypedAndAUnitHeadCannot() {
        var head = Self.state(.th, hr: false)
        #expect(update(&head, .key(.char("D"))).isEmpty)
        #expect(head.modal == nil)
        #expect(head.status?.text == ReportStr.tuiDueHROnly.text(.th))

        var state = Self.state(.th)
        _ = update(&state, .key(.char("D")))
        guard case .reportDue(let entry)? = state.modal else { Issue.record("no due entry"); return }
        // The year's day as it stands, in the Thai form `DateText.parse` reads back.
        #expect(entry.field.text == "31/08/2568")
        _ = update(&state, .key(.ctrl("u")))
        Self.type(&state, "31/02/2568")
        #expect(update(&state, .key(.enter)).isEmpty)
        guard case .reportDue(let refused)? = state.modal else { Issue.record("the entry closed on a bad day"); return }
        #expect(refused.problem != nil && state.status?.isError == true)
        #expect(state.status?.text.contains("31/02/2568") == true)
        _ = update(&state, .key(.ctrl("u")))
        Self.type(&state, "15/08/2568")
        let due = AppFixture.day("2025-08-15")
        #expect(update(&state, .key(.enter)) == [.reports(.setDue(due, fiscalYear: FiscalYear(2568)))])
        #expect(state.modal == nil)
        // Answered: said in Thai with a B.E. date, and the form read again to show it.
        let reload = update(&state, .reports(.dueSet(due, fiscalYear: FiscalYear(2568), error: nil)))
        #expect(state.status?.text == "กำหนดส่งแบบรายงานผล ปีงบประมาณ 2568: 15 สิงหาคม 2568")
        #expect(reload == [.reports(.load(.usage, unit: state.reports?.unit ?? "", fiscalYear: FiscalYear(2568), on: Self.today))])
        // Refused by the store: the day outside the year, worded on screen.
        _ = update(&state, .reports(.dueSet(due, fiscalYear: FiscalYear(2568), error: .refused(.dueOutsideYear(due: due, fiscalYear: FiscalYear(2570))))))
        #expect(state.status?.text.hasPrefix("ตั้งกำหนดส่งไม่ได้: 15 สิงหาคม 2568 เป็นกำหนดส่งของปีงบประมาณ 2570 ไม่ได้") == true, "\(state.status?.text ?? "")")
    }

    @Test("the unit choice and the due date at 80×24 in Thai and English match their golden files")
    func snapshots() throws {
        for language in Language.allCases {
            var state = Self.state(language, width: 80, height: 24)
            _ = update(&state, .key(.char("u")))
            Self.type(&state, language == .th ? "ข่าว" : "News")
            _ = update(&state, .key(.down))
            try Snapshot.assert(AppView.render(state).lines(), named: "reports-unit-80x24-\(language.rawValue)")
            _ = update(&state, .key(.escape))
            _ = update(&state, .key(.char("D")))
            _ = update(&state, .key(.ctrl("u")))
            Self.type(&state, "31/9/2568")
            _ = update(&state, .key(.enter))
            try Snapshot.assert(AppView.render(state).lines(), named: "reports-due-80x24-\(language.rawValue)")
        }
    }

    @Test func refusalsAreWordedInTheScreensLanguageWithNames() throws {
        let ict = try #require(AppFixture.catalog.unitsByID["ict-center"])
        for language in Language.allCases {
            var state = Self.state(language, hr: false)
            _ = update(&state, .reports(.failed(.denied(unit: "ict-center"))))
            #expect(state.status?.text == ReportStr.problemDeniedUnit.format(language, ict.name.text(language)))
            #expect(state.status?.text.contains("ict-center") == false)
            _ = update(&state, .reports(.submitted(error: .refused(.incomplete([.activities, .signerName])))))
            let incomplete = state.status?.text ?? ""
            #expect(incomplete.contains(ReportStr.fieldSignerName.text(language)) && !incomplete.contains("--"), "\(incomplete)")
            _ = update(&state, .reports(.saved(error: .refused(.alreadySubmitted(unit: "news-bureau", fiscalYear: FiscalYear(2568))))))
            #expect(state.status?.text.contains(AppFixture.catalog.unitsByID["news-bureau"]!.name.text(language)) == true)
            _ = update(&state, .reports(.failed(.unavailable)))
            #expect(state.status?.text == ReportStr.problemUnavailable.text(language))
            _ = update(&state, .reports(.failed(.store(LocalizedText(th: "ฐานข้อมูลไม่ว่าง", en: "the database is busy")))))
            #expect(state.status?.text == (language == .th ? "ฐานข้อมูลไม่ว่าง" : "the database is busy"))
        }
    }

    @Test func theAppendixListsEveryPlanStatusAndAddsUpAsTheRollupDoes() throws {
        let plans = ["draft": 1, "submitted": 2, "approved": 3, "returned": 1, "in-progress": 4, "done": 2, "superseded": 5]
        let figures = UsageFigures(people: 30, plans: plans)
        let rollup = UsageRollup(fiscalYear: FiscalYear(2569), due: FiscalYear(2569).defaultDueDate, units: ["news-bureau"],
                                 forms: [:], figures: ["news-bureau": figures])
        for language in Language.allCases {
            let layout = ReportLayout(catalog: AppFixture.catalog, language: language)
            let doc = layout.rollup(rollup)
            let rollupPlans = try #require(doc.tables.first?.rows.first?[4])
            #expect(rollupPlans == "18")
            let appendix = try #require(doc.tables.first { $0.header == ["", ReportStr.count.text(language)] })
            let planRows = appendix.rows.filter { $0[0].hasPrefix(ReportStr.figPlans.text(language) + ": ") }
            #expect(planRows.count == PlanStatus.allCases.count)
            #expect(planRows.compactMap { Int($0[1]) }.reduce(0, +) == 18)
            for status in PlanStatus.allCases {
                #expect(planRows.contains { $0[0].hasSuffix(Str.status(status).text(language)) && $0[1] == String(plans[status.rawValue] ?? 0) },
                        "\(status) in \(planRows)")
            }
            // The unit's own report shows the same rows.
            let usage = layout.usage(UsageReport(form: UsageReportForm(unit: "news-bureau", fiscalYear: FiscalYear(2569)), figures: figures))
            #expect(usage.tables.flatMap(\.rows).filter { $0[0].hasPrefix(ReportStr.figPlans.text(language) + ": ") } == planRows)
        }
    }
}
