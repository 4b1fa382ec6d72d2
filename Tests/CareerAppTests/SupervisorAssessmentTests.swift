import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// Issue 13, item 3: a supervisor records a competency assessment for the selected subordinate
/// in the split pane (choose the competency, type the level, a note, Enter), carried out by the
/// runner through the store; the answer re-reads the record so the gaps move.
@Suite("supervisor assessment form")
struct SupervisorAssessmentTests {
    typealias S = SupervisorTests

    @Test("e opens the form on the target's competencies; ↓, a level digit, a note and Enter make the effect")
    func record() throws {
        var (state, _) = S.state(.en, width: 120, height: 40)
        let id = try #require(state.supervisor?.selected?.person.id)
        _ = S.press(&state, .char("e"))
        let form = try #require(state.supervisor?.assessment)
        #expect(form.personID == id)
        #expect(!form.standings.isEmpty)
        // The form shows instead of the gaps, with the keys.
        #expect(S.text(state).contains("Competency assessment on"))
        #expect(S.text(state).contains("Enter save"))
        // Enter without a level refuses and keeps the form.
        #expect(S.press(&state, .enter).isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.supervisor?.assessment != nil)
        // A digit 0–5 sets the level while the note is empty.
        _ = S.press(&state, .char("4"))
        #expect(state.supervisor?.assessment?.level == 4)
        for c in "good" { _ = S.press(&state, .char(c)) }
        // Once the note has text, digits are part of it.
        _ = S.press(&state, .char("3"))
        #expect(state.supervisor?.assessment?.level == 4)
        #expect(state.supervisor?.assessment?.note.text == "good3")
        let competency = try #require(state.supervisor?.assessment?.competency?.competency)
        let effects = S.press(&state, .enter)
        #expect(effects == [.supervisor(.recordAssessment(personID: id, competency: competency, level: 4, note: "good3", on: AppFixture.today))])
        #expect(state.supervisor?.assessment == nil)
        #expect(state.supervisor?.input == nil)
    }

    @Test("↑/↓ cycle the competencies; Esc cancels without an effect")
    func moveAndCancel() throws {
        var (state, _) = S.state(.th)
        _ = S.press(&state, .char("e"))
        let form = try #require(state.supervisor?.assessment)
        let start = form.index
        _ = S.press(&state, .down)
        #expect(state.supervisor?.assessment?.index == (start + 1) % form.standings.count)
        _ = S.press(&state, .up)
        #expect(state.supervisor?.assessment?.index == start)
        #expect(S.text(state).contains("ประเมินสมรรถนะ ณ"))
        #expect(S.press(&state, .escape).isEmpty)
        #expect(state.supervisor?.assessment == nil)
        #expect(!S.text(state).contains("ประเมินสมรรถนะ ณ"))
    }

    @Test("the answer: saved → a status naming the competency and the record read again; refused → the store's message")
    func answers() throws {
        var (state, _) = S.state(.en)
        let id = try #require(state.supervisor?.selected?.person.id)
        #expect(state.supervisor?.sessions[id] != nil)
        let reload = update(&state, .supervisor(.assessmentRecorded(personID: id, competency: "leadership", level: 3, error: nil)))
        #expect(reload.contains(.loadPerson(id: id)))
        #expect(state.status?.text.contains("level 3") == true)
        #expect(state.status?.isError == false)
        S.answer(&state, reload)
        #expect(state.supervisor?.sessions[id] != nil)
        _ = update(&state, .supervisor(.assessmentRecorded(personID: id, competency: "leadership", level: 3,
                                                             error: (th: "ปฏิเสธ", en: "refused here"))))
        #expect(state.status?.text.contains("refused here") == true)
        #expect(state.status?.isError == true)
    }

    @Test("the form at 80×24 in Thai and English matches its golden file")
    func snapshots() throws {
        for language in Language.allCases {
            var (state, _) = S.state(language)
            _ = S.press(&state, .char("e"), .char("3"))
            let lines = AppView.render(state).lines()
            #expect(lines.count == 24)
            try Snapshot.assert(lines, named: "supervisor-assess-80x24-\(language.rawValue)")
        }
    }
}
