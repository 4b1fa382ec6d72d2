import CareerCatalog
import CareerEngine
import Testing
@testable import CareerApp

@Suite("plan export and dates")
struct PlanMarkdownTests {
    @Test("Markdown has the person, B.E. dates in Thai, and one table row per step")
    func markdown() throws {
        var state = AppFixture.loaded(.th)
        _ = state.choose(.directorPost("dir-news-bureau"))
        _ = state.perform(.adoptSuggested)
        let plan = try #require(state.session?.projection)
        let thai = PlanMarkdown.render(plan, catalog: AppFixture.catalog, language: .th)
        #expect(thai.hasPrefix("# แผนพัฒนารายบุคคล: ผู้อำนวยการสำนักข่าว\n"))
        #expect(thai.contains("สมชาย ใจดี (P0001)"))
        #expect(thai.contains("31 ส.ค. 2568"), "the start date in B.E.")
        let tableRows = thai.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ลำดับ") }
        #expect(tableRows.count == plan.steps.count)
        let english = PlanMarkdown.render(plan, catalog: AppFixture.catalog, language: .en)
        #expect(english.contains("31 Aug 2025"))
        #expect(!english.contains("2568"))
        #expect(PlanMarkdown.fileName(plan) == "plan-P0001-dir-news-bureau.md")
    }

    @Test("an empty plan still exports, saying nothing is picked")
    func emptyPlan() throws {
        var state = AppFixture.loaded(.en)
        _ = state.choose(.directorPost("dir-news-bureau"))
        let plan = try #require(state.session?.projection)
        #expect(plan.steps.isEmpty)
        #expect(PlanMarkdown.render(plan, catalog: AppFixture.catalog, language: .en).contains("Nothing picked yet"))
    }

    @Test("Me shows time in level since a B.E. date")
    func meShowsBuddhistEra() {
        let state = AppFixture.loaded(.th)
        let text = AppView.render(state).lines().joined(separator: "\n")
        #expect(text.contains("1 ต.ค. 2564 · 3 ปี 10 เดือน"))
        var english = state
        _ = update(&english, .key(.char("L")))
        #expect(AppView.render(english).lines().joined(separator: "\n").contains("1 Oct 2021 · 3 y 10 m"))
    }

    @Test("picking a posting toward a missing field moves the projected date no later than doing nothing")
    func projectionNeverLater() throws {
        var state = AppFixture.loaded(.en)
        _ = state.choose(.directorPost("dir-news-bureau"))
        let report = try #require(state.session?.report)
        for gap in report.gaps {
            for s in gap.suggestions.prefix(1) {
                var copy = state
                copy.withSession { $0.togglePick(gap: gap, suggestion: s, analyzer: AppFixture.analyzer, today: AppFixture.today) }
                let plan = try #require(copy.session?.projection)
                if let nothing = report.eligibleOnIfNothingChanges {
                    #expect(plan.eligibleOn.map { $0 <= nothing } == true)
                }
            }
        }
    }
}
