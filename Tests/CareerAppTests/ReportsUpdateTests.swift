import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// The Reports screen's update: only for a unit head or HR; ticks, typed texts, a refused date,
/// save and submit as effects for the runner (no I/O here); frozen once submitted.
@Suite struct ReportsUpdateTests {
    func state() -> AppState {
        var state = AppState(catalog: AppFixture.catalog, today: AppFixture.today, language: .en, size: TerminalSize(width: 100, height: 30))
        state.enableReports(units: ["news-bureau"], isHR: false)
        return state
    }

    func loaded(_ state: inout AppState, status: UsageReportStatus = .draft) {
        var form = UsageReportForm(unit: "news-bureau", fiscalYear: FiscalYear(2568))
        form.status = status
        _ = update(&state, .reports(.loaded(.usage, .usage(UsageReport(form: form, figures: UsageFigures(people: 14))))))
    }

    @Test func theScreenShowsWhenTheFormIsDue() {
        var state = state()
        _ = update(&state, .key(.char("R")))
        let form = UsageReportForm(unit: "news-bureau", fiscalYear: FiscalYear(2568))
        let due = CivilDate(iso: "2025-08-15")!
        _ = update(&state, .reports(.loaded(.usage, .usage(UsageReport(form: form, figures: UsageFigures(people: 14), due: due)))))
        let text = AppView.render(state).lines().joined(separator: "\n")
        #expect(text.contains("Due 15 August 2025"), "\(text)")
        // Without a day set, the form's year's 31 August.
        #expect(UsageReport(form: form, figures: UsageFigures()).due == CivilDate(iso: "2025-08-31")!)
    }

    @Test func noReachNoScreen() {
        var state = AppState(catalog: AppFixture.catalog, today: AppFixture.today, language: .en, size: TerminalSize(width: 100, height: 30))
        state.enableReports(units: [], isHR: false)
        #expect(state.reports == nil)
        #expect(update(&state, .key(.char("R"))).isEmpty)
        #expect(state.screen != .reports)
        #expect(!state.tabScreens.contains(.reports))
    }

    @Test func rOpensTheFormAndReadsIt() {
        var state = state()
        #expect(state.tabTitles.last == "R Reports")
        let effects = update(&state, .key(.char("R")))
        #expect(state.screen == .reports)
        #expect(effects == [.reports(.load(.usage, unit: "news-bureau", fiscalYear: FiscalYear(2568), on: AppFixture.today))])
        // The other tabs; no roll-up for a unit head.
        #expect(state.reports?.tabs == [.usage, .needs, .impact, .curricula])
        #expect(update(&state, .key(.char("]"))) == [.reports(.load(.needs, unit: "news-bureau", fiscalYear: FiscalYear(2568), on: AppFixture.today))])
    }

    @Test func ticksTextsAndADateBecomeTheSavedAndSubmittedForm() throws {
        var state = state()
        _ = update(&state, .key(.char("R")))
        loaded(&state)
        _ = update(&state, .key(.char(" ")))                 // the first activity
        #expect(state.reports?.form?.activities == [.noticeBoardAnnouncement])
        #expect(state.reports?.dirty == true)
        for _ in 0..<16 { _ = update(&state, .key(.down)) }   // the signer's name
        _ = update(&state, .key(.enter))
        for c in "Somchai" { _ = update(&state, .key(.char(c))) }
        _ = update(&state, .key(.enter))
        #expect(state.reports?.form?.signerName == "Somchai")
        _ = update(&state, .key(.down)); _ = update(&state, .key(.down))   // signed on
        _ = update(&state, .key(.enter))
        for c in "31/13/2568" { _ = update(&state, .key(.char(c))) }
        _ = update(&state, .key(.enter))
        #expect(state.reports?.form?.signedOn == nil)
        #expect(state.status?.isError == true)
        _ = update(&state, .key(.enter))
        for c in "20/08/2568" { _ = update(&state, .key(.char(c))) }
        _ = update(&state, .key(.enter))
        #expect(state.reports?.form?.signedOn == CivilDate(iso: "2025-08-20"))
        // Editing the date again starts from a text the form reads back: Enter on it changes nothing.
        _ = update(&state, .key(.enter))
        #expect(state.reports?.editing?.text == (state.language == .th ? "20/08/2568" : "2025-08-20"))
        _ = update(&state, .key(.enter))
        #expect(state.status?.text.contains("2025-08-20") != true, "the unchanged date is not refused")
        #expect(state.reports?.form?.signedOn == CivilDate(iso: "2025-08-20"))
        let form = try #require(state.reports?.form)
        // Submit saves what is on screen first, and submits only once that is saved.
        let submit = ReportsEffect.submit(unit: "news-bureau", fiscalYear: FiscalYear(2568))
        #expect(update(&state, .key(.char("S"))) == [.reports(.save(form))])
        // A refused save submits nothing (the older saved form would go in instead).
        #expect(update(&state, .reports(.saved(error: .store(LocalizedText(th: "ไม่ว่าง", en: "busy"))))).isEmpty)
        #expect(state.reports?.dirty == true)
        #expect(update(&state, .key(.char("S"))) == [.reports(.save(form))])
        #expect(update(&state, .reports(.saved(error: nil))) == [.reports(submit)])
        #expect(state.reports?.dirty == false)
        #expect(update(&state, .key(.char("S"))) == [.reports(submit)])
        #expect(update(&state, .key(.char("s"))) == [.reports(.save(form))])
    }

    @Test func aSubmittedFormCannotChange() {
        var state = state()
        _ = update(&state, .key(.char("R")))
        loaded(&state, status: .submitted)
        #expect(update(&state, .key(.char(" "))).isEmpty)
        #expect(state.reports?.form?.activities == [])
        #expect(state.status?.isError == true)
        #expect(update(&state, .key(.char("S"))).isEmpty)
        #expect(update(&state, .key(.char("s"))).isEmpty)
    }
}
