import CareerCatalog
import CareerEngine
import Testing
import TerminalUI
@testable import CareerApp

/// The why view (`w` on Gaps): opened and closed only by `update`, drawn over the Gaps screen
/// with the rule, the source of each value (or the "default, to confirm" marker) and the records counted.
@Suite("why view")
struct WhyViewTests {
    /// Somchai toward the News Bureau director post, on Gaps with the management gap selected.
    static func onManagementGap(_ language: Language, width: Int = 80, height: Int = 24) -> AppState {
        var state = ScreenText.state(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, record: AppFixture.somchai,
                                     context: AppFixture.context, people: AppFixture.people, target: .directorPost("dir-news-bureau"),
                                     size: TerminalSize(width: width, height: height), language: language, today: AppFixture.today)
        while state.session?.selectedGap?.id != "experience:management" {
            let before = state.session?.gapList.selected
            AppFixture.press(&state, .down)
            if state.session?.gapList.selected == before { break }
        }
        return state
    }

    @Test("w opens the selected gap's explanation from the engine; Esc closes it")
    func opensAndCloses() throws {
        var state = Self.onManagementGap(.en)
        let gap = try #require(state.session?.selectedGap)
        #expect(gap.id == "experience:management")
        #expect(AppFixture.press(&state, .char("w")).isEmpty)
        guard case .why(let why)? = state.modal else { Issue.record("no why view"); return }
        #expect(why.gap == gap)
        let report = try #require(state.session?.report)
        #expect(why.explanation == AppFixture.analyzer.explain(gap, of: AppFixture.somchai, target: report.target, on: report.on))
        #expect(!why.explanation.counted.isEmpty, "the acting stint counts toward management")
        AppFixture.press(&state, .escape)
        #expect(state.modal == nil)
        #expect(state.screen == .gaps)
    }

    @Test("w does nothing off Gaps, and scrolling stays within the explanation")
    func keysInContext() {
        var state = AppFixture.loaded(.en)
        AppFixture.press(&state, .char("w"))
        #expect(state.modal == nil)
        state = Self.onManagementGap(.th)
        AppFixture.press(&state, .char("w"))
        for _ in 0..<50 { AppFixture.press(&state, .down) }
        guard case .why(let why)? = state.modal else { Issue.record("no why view"); return }
        let total = WhyText.lines(state, why, width: state.layout.helpFrame.width - 2).count
        #expect(why.offset == max(0, total - WhyText.rows(state.layout)))
        AppFixture.press(&state, .pageUp, .pageUp, .pageUp)
        if case .why(let back)? = state.modal { #expect(back.offset == 0) }
    }

    @Test("the explanation names units and dates, and marks defaults to confirm, in both languages")
    func words() throws {
        for language in Language.allCases {
            var state = Self.onManagementGap(language)
            AppFixture.press(&state, .char("w"))
            guard case .why(let why)? = state.modal else { Issue.record("no why view"); return }
            let text = WhyText.lines(state, why, width: 200).map(\.text).joined(separator: "\n")
            #expect(!text.contains("news-bureau-online-news-group") || AppFixture.catalog.unitsByID["news-bureau-online-news-group"] == nil)
            #expect(text.contains(language == .th ? "2566" : "2023"), "the acting stint's dates, B.E. in Thai")
            if why.explanation.restsOnDefault {
                #expect(text.contains(Str.toConfirm.text(language)))
            }
        }
    }

    @Test("the why view at 80×24 and 120×40 in Thai and English matches its golden file")
    func snapshot() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for language in Language.allCases {
                var state = Self.onManagementGap(language, width: w, height: h)
                AppFixture.press(&state, .char("w"))
                let lines = AppView.render(state).lines()
                #expect(lines.count == h)
                try Snapshot.assert(lines, named: "why-\(w)x\(h)-\(language.rawValue)")
            }
        }
    }
}
