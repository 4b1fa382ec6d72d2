import CareerCatalog
import Testing
import TerminalUI
@testable import CareerApp

/// The first screen's keys agree with the help and the README (issue 15, item 3): on the list
/// q quits, ? helps, L switches, digits open screens; after `/` every printable key filters.
@Suite("picker: the list's keys and the filter's keys")
struct PickerKeysTests {
    @Test("on the list the global keys work, as help says")
    func listKeys() {
        var state = AppFixture.state(.th)
        #expect(!state.picker.filtering)
        AppFixture.press(&state, .char("?"))
        guard case .help? = state.modal else { Issue.record("? did not open help"); return }
        AppFixture.press(&state, .escape)
        AppFixture.press(&state, .char("L"))
        #expect(state.language == .en)
        #expect(state.picker.filter.text.isEmpty)
        AppFixture.press(&state, .char("j"))
        #expect(state.picker.list.selected == 1)
        AppFixture.press(&state, .char("k"))
        #expect(state.picker.list.selected == 0)
        AppFixture.press(&state, .char("9"))
        #expect(state.screen == .catalog)
        AppFixture.press(&state, .char("4"))
        #expect(state.screen == .people)
        #expect(state.picker.filter.text.isEmpty)
        #expect(AppFixture.press(&state, .char("q")) == [.quit])
    }

    @Test("/ gives the filter the keys: letters, digits, q and ? are typed; ↓ keeps it, Esc clears it")
    func filterKeys() {
        var state = AppFixture.state(.en)
        AppFixture.press(&state, .char("/"))
        #expect(state.picker.filtering)
        AppFixture.type(&state, "q?L1")
        #expect(state.picker.filter.text == "q?L1")
        #expect(state.modal == nil && state.language == .en && state.screen == .people && !state.quitting)
        AppFixture.press(&state, .ctrl("u"))
        AppFixture.type(&state, "som")
        #expect(state.picker.visible.count == 1)
        // ↓ hands the keys back to the list; the filter stays.
        AppFixture.press(&state, .down)
        #expect(!state.picker.filtering)
        #expect(state.picker.filter.text == "som")
        #expect(AppFixture.press(&state, .char("q")) == [.quit])

        var again = AppFixture.state(.en)
        AppFixture.press(&again, .char("/"))
        AppFixture.type(&again, "kes")
        AppFixture.press(&again, .escape)
        #expect(!again.picker.filtering)
        #expect(again.picker.filter.text.isEmpty)
        #expect(again.picker.visible.count == 3)
        // Tab leaves too; Backspace edits while typing; Enter opens the selected person.
        AppFixture.press(&again, .char("/"))
        AppFixture.type(&again, "prax")
        AppFixture.press(&again, .backspace)
        #expect(again.picker.filter.text == "pra")
        #expect(AppFixture.press(&again, .enter) == [.loadPerson(id: "P0003")])
        #expect(!again.picker.filtering)
    }

    @Test("function keys and Ctrl-C keep their meaning while typing")
    func functionKeysWhileTyping() {
        var state = AppFixture.state()
        AppFixture.press(&state, .char("/"))
        AppFixture.press(&state, .function(2))
        #expect(state.language == .en)
        AppFixture.press(&state, .function(1))
        guard case .help? = state.modal else { Issue.record("F1 did not open help"); return }
        AppFixture.press(&state, .escape)
        #expect(AppFixture.press(&state, .ctrl("c")) == [.quit])
    }

    @Test("the screen says which state it is in: the hint, and the filter's keys in help")
    func screenAndHelp() {
        var state = AppFixture.state(.en)
        let list = AppView.render(state).lines().joined(separator: "\n")
        #expect(list.contains("/ filters"))
        AppFixture.press(&state, .char("/"))
        let typing = AppView.render(state).lines().joined(separator: "\n")
        #expect(typing.contains("↓ to the list"))
        let help = HelpText.lines(state, width: 76).map(\.text).joined(separator: "\n")
        #expect(help.contains("While typing in the filter"))
        #expect(help.contains("Filter the list"))
        // Leaving the picker hands the keys back to its list.
        AppFixture.press(&state, .function(9))
        AppFixture.press(&state, .function(4))
        #expect(!state.picker.filtering)
    }
}
