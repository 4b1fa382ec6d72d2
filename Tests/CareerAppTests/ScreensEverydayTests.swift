import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// Issue 15, the screens' items: the Paths ladder (4), stale status and the first run's notice (6),
/// bars, legend, wording and the function-key bar (10), the Me screen's record (13).
@Suite("screens in everyday use")
struct ScreensEverydayTests {
    static func screen(_ state: AppState) -> [String] { AppView.render(state).lines() }

    /// Somchai (K3, Public Relations Officer) on Paths with the ladder focused.
    static func onLadder(_ language: Language = .en, width: Int = 120, height: Int = 40) -> AppState {
        var state = AppFixture.loaded(language, width: width, height: height)
        AppFixture.press(&state, .char("t"), .backTab)
        return state
    }

    static func selectedLevel(_ state: AppState) -> String? {
        guard let s = state.session, let line = s.browsedLine(state.catalog), let r = s.ladder.selected else { return nil }
        return line.levels[r].level
    }

    // MARK: Item 4

    @Test("Paths ladder: ↓ goes down the ladder as drawn (to a lower level), ↑ up; Enter targets the level under the cursor")
    func ladderMovesAsDrawn() {
        var state = Self.onLadder()
        #expect(state.focusedPane == PathsPane.ladder.rawValue)
        #expect(Self.selectedLevel(state) == "K3")
        AppFixture.press(&state, .down)
        #expect(Self.selectedLevel(state) == "K2")
        AppFixture.press(&state, .up, .up)
        #expect(Self.selectedLevel(state) == "K4")
        AppFixture.press(&state, .enter)
        #expect(state.session?.target == .jobLineLevel(jobLine: "public-relations-officer", level: "K4"))
    }

    @Test("Paths ladder of another line starts at the person's own level (a lateral move), not the lowest")
    func otherLineStartsAtOwnLevel() throws {
        var state = AppFixture.state(.en, width: 120, height: 40)
        // Kesinee is a K2 (audio-visual officer): on the PR officer's line Enter must not target K1.
        _ = update(&state, .personLoaded(AppFixture.kesinee, .none))
        AppFixture.press(&state, .char("t"), .backTab, .backTab)
        let index = try #require(state.catalog.jobLines.firstIndex { $0.id == "public-relations-officer" })
        let current = try #require(state.session?.lines.selected)
        for _ in 0..<abs(index - current) { AppFixture.press(&state, index > current ? .down : .up) }
        #expect(state.session?.browsedLine(state.catalog)?.id == "public-relations-officer")
        AppFixture.press(&state, .enter)         // focus the ladder
        #expect(Self.selectedLevel(state) == "K2")
        AppFixture.press(&state, .enter)
        #expect(state.session?.target == .jobLineLevel(jobLine: "public-relations-officer", level: "K2"))
    }

    @Test("Paths ladder: the cursor is drawn (focused or not) on the selected rung's row, and the detail is headed by that level")
    func ladderCursorAndDetail() throws {
        for language in Language.allCases {
            var state = Self.onLadder(language)
            let d = Describe(catalog: state.catalog, language: language)
            for _ in 0..<2 {
                let lines = Self.screen(state)
                let level = try #require(Self.selectedLevel(state))
                let rungRow = try #require(lines.firstIndex { $0.contains("\(level) \(d.levelName(level))") })
                #expect(lines[rungRow].contains("◀"), "\(language): no cursor on \(level)'s row: \(lines[rungRow])")
                #expect(lines.filter { $0.contains("◀") }.count == 1)
                // The detail names the level it describes.
                #expect(lines.contains { $0.contains(d.levelLabel(level)) })
                AppFixture.press(&state, .tab)   // the ladder unfocused keeps its cursor
            }
            while state.focusedPane != PathsPane.ladder.rawValue { AppFixture.press(&state, .tab) }
            AppFixture.press(&state, .home)   // the top rung: its detail starts on its row
            #expect(Self.selectedLevel(state) == "K5")
            let lines = Self.screen(state)
            let top = try #require(Self.selectedLevel(state))
            let row = try #require(lines.firstIndex { $0.contains("\(top) \(d.levelName(top))") })
            #expect(lines[row].contains(d.levelLabel(top)), "\(language): \(lines[row])")
        }
    }

    // MARK: Item 6

    @Test("a status message belongs to its screen: 'Plan exported' is gone on the next screen")
    func statusClearsOnScreenChange() {
        var state = AppFixture.loaded(.en, width: 120, height: 40)
        AppFixture.press(&state, .char("8"))
        _ = update(&state, .planExported(path: "./plan.md", error: nil))
        #expect(Self.screen(state).contains { $0.contains("Plan exported to ./plan.md") })
        AppFixture.press(&state, .char("5"))
        #expect(state.status == nil)
        #expect(!Self.screen(state).contains { $0.contains("Plan exported") })
    }

    @Test("the first run's notice shows on the first screen's status line, survives the person's load, and goes with the screen")
    func firstRunNotice() {
        for language in Language.allCases {
            var state = AppFixture.state(language, width: 120, height: 40)
            state.noteDatabaseCreated(path: "/tmp/db.sqlite", people: 320)
            let text = Str.databaseCreated.format(language, "/tmp/db.sqlite", "320")
            #expect(text.contains("320"))
            #expect(Self.screen(state)[38].contains(text))
            _ = update(&state, .personLoaded(AppFixture.somchai, AppFixture.context))
            #expect(state.screen == .me)
            #expect(Self.screen(state)[38].contains(text))
            AppFixture.press(&state, .char("6"))
            #expect(!Self.screen(state)[38].contains(text))
        }
    }

    // MARK: Item 10

    @Test("Gaps: the required level's mark stands in one column on assessed and never-assessed rows")
    func barMarkDoesNotMove() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            for language in Language.allCases {
                let lines = try SnapshotTests.lines(screen: "gaps", language: language, width: width, height: height)
                let never = Str.neverAssessed.text(language)
                var columns: Set<Int> = []
                var rows = 0
                for line in lines where line.contains("/4") {
                    let cells = Array(line)
                    // The gauge's mark: a ┃ inside the row (not the pane's borders).
                    let inner = cells.indices.dropFirst().dropLast().filter { cells[$0] == "┃" && cells[$0 - 1] != "┃" }
                    guard let mark = inner.first(where: { i in "█░".contains(cells[i - 1]) }) else { continue }
                    columns.insert(TextWidth.of(String(cells[..<mark])))
                    rows += 1
                }
                #expect(rows >= 4, "\(language) \(width)x\(height)")
                #expect(columns.count == 1, "\(language) \(width)x\(height): marks at \(columns.sorted()) (\(never))")
            }
        }
    }

    @Test("help ends with a legend of the symbols the screens draw")
    func helpHasSymbols() {
        for language in Language.allCases {
            let state = AppFixture.loaded(language, width: 120, height: 40)
            let text = HelpText.lines(state, width: 80).map(\.text)
            #expect(text.contains(Str.helpSymbols.text(language)))
            for symbol in ["●", "○", "★", "▶", "◀", "✓", "*", "·", "!", "[x]", SupText.ready(.withinTwoYears).text(language)] {
                #expect(text.contains { $0.hasPrefix("  " + symbol + " ") }, "\(language): no legend for \(symbol)")
            }
        }
    }

    @Test("English interface text has no Thai in it ('3 ต่าง' is 'diverse experience (3 differences)'), Thai keeps 3 ต่าง")
    func englishWithoutThai() {
        let thai: (Character) -> Bool = { $0.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) } }
        for s in Str.allCases where s != .languageSwitched && s != .appTitle {
            #expect(!s.text(.en).contains(where: thai), "\(s): \(s.text(.en))")
        }
        #expect(Str.diverseExperience.text(.en).lowercased() == "diverse experience (3 differences)")
        #expect(Str.diverseExperience.text(.th) == "3 ต่าง")
    }

    @Test("English detail lines start with a capital (Required:, Have:, Closes by itself …)")
    func detailLabelsCapitalised() throws {
        let lines = try SnapshotTests.lines(screen: "gaps", language: .en, width: 120, height: 40)
        let detail = lines.compactMap { line -> String? in
            guard let start = line.range(of: "┃│") else { return nil }
            return String(line[start.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
        }.filter { !$0.isEmpty }
        #expect(detail.contains { $0.hasPrefix("Required:") })
        #expect(detail.contains { $0.hasPrefix("Have:") })
        for line in detail { #expect(line.first.map { !$0.isLowercase } ?? true, "lower-case detail line: \(line)") }
    }

    @Test("the function-key bar keeps a blank between entries at every width (9Cat. 10Quit, not 9Catalog10Quit)")
    func functionBarSeparated() {
        for language in Language.allCases {
            for width in [80, 81, 90, 99, 100, 120, 200] {
                let state = AppFixture.loaded(language, width: width, height: 24)
                let bar = Self.screen(state)[23]
                let chars = Array(bar)
                for i in chars.indices.dropFirst() where chars[i].isNumber && !chars[i - 1].isNumber {
                    #expect(chars[i - 1] == " ", "\(language) \(width): \(bar)")
                }
                #expect(bar.contains("10"), "\(language) \(width): \(bar)")
            }
        }
    }

    // MARK: Item 13

    @Test("Me shows the counted assessment per competency with its date, self-assessments as not counted, courses and earlier levels")
    func meShowsTheRecord() {
        var record = AppFixture.somchai
        record.assessments.append(Assessment(competency: "visioning", level: 5, assessedOn: AppFixture.day("2025-01-15"), assessor: .self))
        var state = AppFixture.state(.en, width: 120, height: 40)
        _ = update(&state, .personLoaded(record, AppFixture.context))
        let text = MeText.profileLines(state.session!, state).map(\.text)
        #expect(text.contains { $0.contains("Visioning") && $0.contains("3") && $0.contains("30 Sep 2024") && $0.contains("supervisor") })
        #expect(text.contains { $0.contains("5") && $0.contains("15 Jan 2025") && $0.contains("self") && $0.contains("not counted") })
        #expect(text.contains { $0.hasPrefix("Courses (1)") })
        #expect(text.contains { $0.contains("30 Jun 2022") && $0.contains("Primary") })
        #expect(text.contains { $0.hasPrefix("Earlier levels (2)") })
        #expect(text.contains { $0.contains("1 May 2010 – 30 Apr 2014") && $0.contains("Practitioner (K1)") })
        #expect(text.contains { $0.contains("Wichai Phunam") })   // the supervisor by name
        // Thai: B.E. years.
        state = AppFixture.state(.th, width: 120, height: 40)
        _ = update(&state, .personLoaded(record, AppFixture.context))
        let thai = MeText.profileLines(state.session!, state).map(\.text)
        #expect(thai.contains { $0.contains("1 พ.ค. 2553 – 30 เม.ย. 2557") })
        #expect(thai.contains { $0.contains("ไม่นับ") })
    }

    @Test("Me at 80×24: ↓ on the profile scrolls to the earlier levels")
    func meProfileScrolls() {
        var state = AppFixture.loaded(.en)
        #expect(state.screen == .me && state.focusedPane == 0)
        #expect(!Self.screen(state).contains { $0.contains("Earlier levels") })
        for _ in 0..<40 { AppFixture.press(&state, .down) }
        #expect((state.session?.profileOffset ?? 0) > 0)
        #expect(Self.screen(state).contains { $0.contains("Earlier levels") })
        AppFixture.press(&state, .home)
        #expect(state.session?.profileOffset == 0)
    }
}
