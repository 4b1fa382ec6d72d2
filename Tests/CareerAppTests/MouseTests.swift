import CareerCatalog
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// Clicks and the wheel (issue 15, item 14): hit-tested against the layout the views draw with,
/// so the tests find their targets in the rendered screen, as a user would.
@Suite("mouse: clicks on rows, tabs and the key bar; the wheel")
struct MouseTests {
    /// Where `text` is drawn on the screen (column, row) — the first occurrence.
    func position(of text: String, in state: AppState, row: Int? = nil) -> (x: Int, y: Int)? {
        let grid = AppView.render(state)
        for y in 0..<grid.height where row == nil || row == y {
            // Cells, so the column is a cell column even with Thai marks before it.
            let cells = (0..<grid.width).map { grid[$0, y].isContinuation ? "" : grid[$0, y].text }
            let line = cells.joined()
            guard let range = line.range(of: text) else { continue }
            let prefix = String(line[..<range.lowerBound])
            var x = 0, consumed = ""
            while consumed.count < prefix.count && x < grid.width { consumed += cells[x]; x += 1 }
            while x < grid.width && cells[x].isEmpty { x += 1 }
            return (x, y)
        }
        return nil
    }

    @discardableResult
    func click(_ state: inout AppState, _ at: (x: Int, y: Int)) -> [Effect] {
        update(&state, .mouse(MouseEvent(.press(1), x: at.x, y: at.y)))
            + update(&state, .mouse(MouseEvent(.release, x: at.x, y: at.y)))
    }

    @Test("a click on a person's row selects it; a click on the selected row opens the person")
    func clickRow() throws {
        var state = AppFixture.state(.en)
        #expect(state.picker.list.selected == 0)
        let row = try #require(position(of: "Somchai Jaidee", in: state))
        #expect(click(&state, row).isEmpty)
        #expect(state.picker.selectedPerson?.id == "P0001")
        #expect(click(&state, row) == [.loadPerson(id: "P0001")])
    }

    @Test("a click on the filter gives it the keys; a click on the list takes them back")
    func clickFilter() throws {
        var state = AppFixture.state(.en)
        let layout = Layout(size: state.size)
        click(&state, (layout.peopleFilter.x + 12, layout.peopleFilter.y))
        #expect(state.picker.filtering)
        AppFixture.type(&state, "q")
        #expect(state.picker.filter.text == "q" && !state.quitting)
        AppFixture.press(&state, .backspace)
        click(&state, try #require(position(of: "Kesinee", in: state)))
        #expect(!state.picker.filtering)
        #expect(state.picker.selectedPerson?.id == "P0002")
    }

    @Test("a click on a tab opens its screen; on the key bar, does the key's action")
    func clickTabAndBar() throws {
        var state = AppFixture.loaded(.en)
        let tab = try #require(position(of: "9 Catalog", in: state, row: 1))
        #expect(click(&state, tab).isEmpty)
        #expect(state.screen == .catalog)
        let paths = try #require(position(of: "6 Paths", in: state, row: 1))
        #expect(click(&state, paths).isEmpty)
        #expect(state.screen == .paths)
        let bar = state.size.height - 1
        let help = try #require(position(of: "Help", in: state, row: bar))
        click(&state, help)
        guard case .help? = state.modal else { Issue.record("a click on 1Help did not open help"); return }
        // With help open the wheel scrolls it; the bar still works.
        _ = update(&state, .mouse(MouseEvent(.scrollDown, x: 40, y: 10)))
        guard case .help(let offset)? = state.modal else { Issue.record("help closed"); return }
        #expect(offset == AppState.wheelStep)
        let quit = try #require(position(of: "Quit", in: state, row: bar))
        #expect(click(&state, quit) == [.quit])
    }

    @Test("the wheel scrolls the list under the pointer and focuses its pane")
    func wheel() throws {
        var state = AppFixture.loaded(.en)
        AppFixture.press(&state, .char("9"))
        #expect(state.focusedPane == 0)
        let start = try #require(state.catalogBrowser.list.selected)
        let layout = Layout(size: state.size)
        let list = layout.catalogColumns[0]
        _ = update(&state, .mouse(MouseEvent(.scrollDown, x: list.x + 3, y: list.y + 3)))
        let after = try #require(state.catalogBrowser.list.selected)
        #expect(after >= start + AppState.wheelStep)
        _ = update(&state, .mouse(MouseEvent(.scrollUp, x: list.x + 3, y: list.y + 3)))
        #expect(try #require(state.catalogBrowser.list.selected) < after)
        // Over the detail pane: that pane gets the focus and scrolls.
        let detail = layout.catalogColumns[1]
        _ = update(&state, .mouse(MouseEvent(.scrollDown, x: detail.x + 3, y: detail.y + 3)))
        #expect(state.focusedPane == 1)
    }

    @Test("a click on a target row on Paths selects it; a second click opens its gaps")
    func clickTarget() throws {
        var state = AppFixture.loaded(.en)
        AppFixture.press(&state, .char("6"))
        let session = try #require(state.session)
        #expect(session.paths.count > 1)
        let targets = Layout(size: state.size).panes(.paths)[2]
        let rows = try #require(targets.rows)
        let at = (rows.x + 4, rows.y + 1)
        click(&state, at)
        #expect(state.focusedPane == PathsPane.targets.rawValue)
        #expect(state.session?.targets.selected == 1)
        #expect(click(&state, at).isEmpty)
        #expect(state.screen == .gaps)
    }

    @Test("search: a click on a result selects it; a second click opens it")
    func clickSearchResult() throws {
        var state = AppFixture.loaded(.en)
        AppFixture.press(&state, .function(3))
        AppFixture.type(&state, "Director")
        guard case .search(let search)? = state.modal, search.results.count > 1 else { Issue.record("no results"); return }
        let list = Layout(size: state.size).searchResults
        click(&state, (list.x + 3, list.y + 1))
        guard case .search(let picked)? = state.modal else { Issue.record("search closed"); return }
        #expect(picked.list.selected == 1)
        click(&state, (list.x + 3, list.y + 1))
        #expect(state.modal == nil)
        #expect(state.screen != .me)
    }

    @Test("supervisor mode: a click on a subordinate selects them; on the selected one opens them")
    func supervisorClick() throws {
        var (state, _) = SupervisorTests.state(.en, width: 120, height: 40)
        let before = try #require(state.supervisor?.selected?.person.id)
        let other = try #require(state.supervisor.map { s in s.visible.map { s.rows[$0].person.id } }?.first { $0 != before })
        let name = try #require(AppFixture.people.first { $0.id == other }?.nameEN)
        let at = try #require(position(of: name, in: state))
        let effects = click(&state, at)
        #expect(state.supervisor?.selected?.person.id == other)
        SupervisorTests.answer(&state, effects)
        click(&state, at)
        #expect(state.screen != .supervisor)
        #expect(state.session?.person.id == other)
    }

    @Test("kiosk: the wheel scrolls in a session; a click on the kiosk's own bar signs out as its key does")
    func kiosk() throws {
        var kiosk = KioskHarness()
        kiosk.signIn()
        kiosk.press(.char("9"))
        let before = kiosk.state.session?.app.catalogBrowser.list.selected
        let layout = Layout(size: kiosk.state.size)
        let list = layout.catalogColumns[0]
        kiosk.send(.mouse(MouseEvent(.scrollDown, x: list.x + 3, y: list.y + 3)))
        #expect(kiosk.state.session?.app.catalogBrowser.list.selected != before)
        // The kiosk's own bar: its last slot is sign-out, and a click there signs out as the key does.
        kiosk.send(.mouse(MouseEvent(.press(1), x: layout.bar.maxX - 2, y: layout.bar.y)))
        #expect(kiosk.state.signedInPersonID == nil)
    }
}
