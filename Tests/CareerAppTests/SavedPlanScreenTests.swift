import CareerCatalog
import CareerEngine
import Testing
import TerminalUI
@testable import CareerApp

/// The Plan screen and the saved plan (issue 13): opening it reads the saved plan toward the target,
/// whose picks come back after a restart; the status, decisions and comments are shown; `s` names
/// the revision it saw, `u` submits, `d` records progress on an approved plan after a question.
@Suite struct SavedPlanScreenTests {
    /// A loaded person on the Plan screen of the news bureau's director post (English).
    func onPlan() throws -> AppState {
        var state = AppFixture.loaded(.en, width: 100, height: 30)
        _ = state.choose(.directorPost("dir-news-bureau"))
        let effects = AppFixture.press(&state, .char("8"))
        #expect(effects == [.loadSavedPlan(personID: "P0001", target: "dir-news-bureau")])
        return state
    }

    /// The plan the engine suggests, saved with its picks, in `status`.
    func saved(_ state: AppState, status: PlanStatus) throws -> SavedPlan {
        let suggested = try #require(state.session?.suggestedPlan)
        let steps = suggested.steps.enumerated().map { i, s in
            SavedStep(id: Int64(10 + i), position: i, method: s.method, start: s.start, end: s.end, months: s.months)
        }
        return SavedPlan(id: 7, personID: "P0001", target: "dir-news-bureau", status: status.rawValue, createdBy: "P0001",
                         stepCount: steps.count, notes: [PlanNote(authorID: "P0000", writtenAt: "2025-08-30T09:00:00Z", action: "return",
                                                                  body: "add a course")],
                         revision: 3, steps: steps, picks: suggested.picks.map(SavedPick.init))
    }

    @Test("after a restart the saved plan's picks come back, with its status and the supervisor's reason by name")
    func savedPicksComeBack() throws {
        var state = try onPlan()
        #expect(state.session?.picks.isEmpty == true)
        let plan = try saved(state, status: .returned)
        _ = update(&state, .savedPlanLoaded(personID: "P0001", target: "dir-news-bureau", plan: plan, authors: [AppFixture.director]))
        let picks = try #require(state.session?.picks)
        #expect(!picks.isEmpty)
        #expect(state.session?.projection?.steps == state.session?.suggestedPlan?.steps, "the saved picks give the saved steps")
        let screen = AppView.render(state).lines().joined(separator: "\n")
        #expect(screen.contains("Saved plan: returned · version 1"), "\(screen)")
        // The date keeps its words together (no-break spaces) where the note wraps.
        let plain = screen.replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(plain.contains("30 Aug 2025 · Wichai Phunam ·") && plain.contains("returned: add a course"), "\(screen)")
        // Saving names the revision seen; a second session's save is refused by the store and reported.
        let save = AppFixture.press(&state, .char("s"))
        #expect(save == [.savePlan(try #require(state.session?.projection), planID: 7, revision: 3)])
        _ = update(&state, .planRefused(th: "x", en: "x", changedElsewhere: true))
        #expect(state.status?.text.contains("changed elsewhere") == true)
        AppFixture.press(&state, .escape)
        #expect(AppFixture.press(&state, .char("u")) == [.submitPlan(personID: "P0001", planID: 7, revision: 3)])
    }

    @Test("d on an approved plan opens the dates form on the first step, today filled in; Esc records nothing; unsaved plans say so")
    func progress() throws {
        var state = try onPlan()
        #expect(AppFixture.press(&state, .char("u")).isEmpty)
        #expect(state.status?.isError == true)
        #expect(AppFixture.press(&state, .char("d")).isEmpty)
        #expect(state.status?.text == Str.noStepToRecord.text(.en))
        let plan = try saved(state, status: .approved)
        _ = update(&state, .savedPlanLoaded(personID: "P0001", target: "dir-news-bureau", plan: plan, authors: []))
        #expect(AppFixture.press(&state, .char("d")).isEmpty)
        guard case .progress(let form)? = state.modal else { Issue.record("d opens the dates form"); return }
        #expect(form.step?.id == 10 && form.started.text == AppFixture.today.iso)
        #expect(AppFixture.press(&state, .escape).isEmpty && state.modal == nil)
        AppFixture.press(&state, .char("d"))
        let effects = AppFixture.press(&state, .enter)
        #expect(effects == [.recordProgress(personID: "P0001", planID: 7, stepID: 10, started: AppFixture.today, completed: nil)])
    }
}
