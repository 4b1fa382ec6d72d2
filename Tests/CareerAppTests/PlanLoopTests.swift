import CareerCatalog
import CareerEngine
import Testing
import TerminalUI
@testable import CareerApp

/// Closing the loop (issue 13): the person's self-assessment on Me (never counted, shown beside the
/// counted level), the guidance for a competency below its level (next-level indicators and the
/// engine's fitting methods), a step's dates typed in a form, the supervisor's confirmation in the
/// split pane, the person's plans across targets, a new version of an approved plan, and the export
/// folder. Update tests (no I/O) and screens read from the cell grid.
@Suite struct PlanLoopTests {
    typealias S = SupervisorTests
    static let post = "dir-news-bureau"

    static func text(_ state: AppState) -> String { AppView.render(state).lines().joined(separator: "\n") }

    /// Somchai loaded, the news bureau's director post chosen, on `screen`.
    static func onTarget(_ language: Language = .en, width: Int = 100, height: Int = 30, screen: KeyEvent = .char("5")) -> AppState {
        var state = AppFixture.loaded(language, width: width, height: height)
        _ = state.choose(.directorPost(post))
        _ = AppFixture.press(&state, screen)
        return state
    }

    /// The suggested plan saved in `status`, its steps numbered from 10; `progress` sets step 0's dates.
    static func saved(_ state: AppState, status: PlanStatus, id: Int64 = 7, started: CivilDate? = nil, completed: CivilDate? = nil,
                      confirmed: Bool = false) throws -> SavedPlan {
        let suggested = try #require(state.session?.suggestedPlan)
        let steps = suggested.steps.enumerated().map { i, s in
            SavedStep(id: Int64(10 + i), position: i, method: s.method, unit: "regional-pr-bureau-1", field: "regional-operations",
                      start: s.start, end: s.end, months: s.months,
                      startedOn: i == 0 ? started : nil, completedOn: i == 0 ? completed : nil, confirmedBy: i == 0 && confirmed ? "P0000" : nil)
        }
        return SavedPlan(id: id, personID: "P0001", target: post, status: status.rawValue, createdBy: "P0001", stepCount: steps.count,
                         version: 1, revision: 4, steps: steps, picks: suggested.picks.map(SavedPick.init))
    }

    // MARK: 1–2. The self-assessment and the guidance

    @Test("e on Me opens the self-assessment: a level, a note and Enter record it as the person's own; Esc cancels")
    func selfAssessment() throws {
        var state = Self.onTarget()
        #expect(AppFixture.press(&state, .char("e")).isEmpty)
        guard case .assess(let form)? = state.modal else { Issue.record("e opens the form"); return }
        #expect(form.assessor == .`self` && form.personID == "P0001")
        let screen = Self.text(state)
        #expect(screen.contains("Self-assessment on 31 Aug 2025"), "\(screen)")
        // Enter without a level is refused, the form stays.
        #expect(AppFixture.press(&state, .enter).isEmpty)
        #expect(state.status?.isError == true)
        AppFixture.press(&state, .char("4"))
        AppFixture.type(&state, "ok")
        let competency = try #require(form.competency?.competency)
        #expect(AppFixture.press(&state, .enter) == [.recordSelfAssessment(personID: "P0001", competency: competency, level: 4, note: "ok",
                                                                            on: AppFixture.today)])
        #expect(state.modal == nil)
        AppFixture.press(&state, .char("e"))
        AppFixture.press(&state, .escape)
        #expect(state.modal == nil)
    }

    @Test("recorded: a status, the record read again with the target kept; refused: the store's words")
    func selfAssessmentAnswered() throws {
        var state = Self.onTarget()
        let reload = update(&state, .selfAssessmentRecorded(personID: "P0001", competency: "leadership", level: 4, error: nil))
        #expect(reload == [.loadPerson(id: "P0001")])
        #expect(state.status?.text.contains("not counted") == true)
        var record = AppFixture.somchai
        record.assessments.append(Assessment(competency: "leadership", level: 4, assessedOn: AppFixture.today, assessor: .`self`))
        _ = update(&state, .personLoaded(record, AppFixture.context))
        #expect(state.session?.target == .directorPost(Self.post), "the target stays when the same person is read again")
        // Beside the counted level, never counting it: the standing still reads the supervisor's 2.
        let standing = AppFixture.analyzer.competencyStandings(record, target: .directorPost(Self.post), on: AppFixture.today)
            .first { $0.competency == "leadership" }
        #expect(standing?.counted == 2 && standing?.selfLevel == 4 && standing?.below == true)
        AppFixture.press(&state, .char("e"))
        #expect(Self.text(state).contains("self 4 (not counted)"), "\(Self.text(state))")
        AppFixture.press(&state, .escape)
        _ = update(&state, .selfAssessmentRecorded(personID: "P0001", competency: "leadership", level: 4,
                                                   error: LocalizedText(th: "ประเมินตนเองได้เฉพาะเจ้าของประวัติ", en: "only the person records a self-assessment")))
        #expect(state.status?.isError == true && state.status?.text.contains("only the person") == true)
    }

    @Test("a competency below its level: the next level's indicators and the methods the engine matched to the gap")
    func guidance() throws {
        var state = Self.onTarget(width: 120, height: 40)
        AppFixture.press(&state, .char("e"))
        guard case .assess(let form)? = state.modal, let standing = form.competency else { Issue.record("no form"); return }
        #expect(standing.below, "the form opens on a competency below its level")
        let gap = try #require(state.session?.report?.gaps.first { $0.id == "competency:" + standing.competency })
        #expect(form.guidance[standing.competency]?.methods == gap.methods, "the engine's methods, not a second matcher")
        let screen = Self.text(state)
        #expect(screen.contains("Behavioural indicators of level \((standing.counted ?? 0) + 1)"), "\(screen)")
        let d = Describe(catalog: AppFixture.catalog, language: .en)
        let first = try #require(gap.methods.first)
        #expect(screen.contains("Methods that fit: " + d.methodName(first)), "\(screen)")
        // The supervisor's form shows the same guidance.
        var (sup, _) = S.state(.en, width: 120, height: 40)
        _ = S.press(&sup, .char("e"))
        #expect(Self.text(sup).contains("Methods that fit:"), "\(Self.text(sup))")
    }

    @Test("the self-assessment on Me at 80×24 in Thai and English matches its golden file")
    func selfAssessmentSnapshots() throws {
        for language in Language.allCases {
            var state = Self.onTarget(language, width: 80, height: 24)
            AppFixture.press(&state, .char("e"), .char("3"))
            try Snapshot.assert(AppView.render(state).lines(), named: "me-self-assess-80x24-\(language.rawValue)")
        }
    }

    // MARK: 3. Dates of a step, and the supervisor's confirmation

    @Test("d opens the dates form: B.E. in Thai, a bad date refused with its reason, Tab to the completion, Enter records both")
    func progressForm() throws {
        var state = Self.onTarget(.th, screen: .char("8"))
        #expect(AppFixture.press(&state, .char("d")).isEmpty)
        #expect(state.status?.text == Str.noStepToRecord.text(.th))
        _ = update(&state, .savedPlanLoaded(personID: "P0001", target: Self.post, plan: try Self.saved(state, status: .approved), authors: []))
        AppFixture.press(&state, .char("d"))
        guard case .progress(let form)? = state.modal else { Issue.record("d opens the form"); return }
        #expect(form.started.text == "31/08/2568", "today, Buddhist era")
        #expect(form.completed.text.isEmpty && form.field == 0)
        // A bad date: refused, the reason shown, nothing recorded.
        AppFixture.press(&state, .ctrl("u"))
        AppFixture.type(&state, "31/02/2568")
        #expect(AppFixture.press(&state, .enter).isEmpty)
        guard case .progress(let refused)? = state.modal else { Issue.record("the form stays"); return }
        #expect(refused.problem?.contains("วันที่ไม่ถูกต้อง") == true)
        #expect(Self.text(state).contains("วันที่ไม่ถูกต้อง “31/02/2568”"), "\(Self.text(state))")
        // A Common Era year written as B.E. is refused too (it would be 1482).
        AppFixture.press(&state, .ctrl("u"))
        AppFixture.type(&state, "01/02/2025")
        #expect(AppFixture.press(&state, .enter).isEmpty)
        AppFixture.press(&state, .ctrl("u"))
        AppFixture.type(&state, "01/02/2568")
        AppFixture.press(&state, .tab)
        AppFixture.type(&state, "2025-08-29")
        let effects = AppFixture.press(&state, .enter)
        #expect(effects == [.recordProgress(personID: "P0001", planID: 7, stepID: 10, started: AppFixture.day("2025-02-01"),
                                            completed: AppFixture.day("2025-08-29"))])
        #expect(state.modal == nil)
        // ↓ chooses the next step; Esc records nothing.
        AppFixture.press(&state, .char("d"), .down)
        guard case .progress(let moved)? = state.modal else { Issue.record("the form"); return }
        #expect(moved.step?.id == 11)
        #expect(AppFixture.press(&state, .escape).isEmpty && state.modal == nil)
    }

    @Test("the dates form at 80×24 in Thai and English matches its golden file")
    func progressSnapshots() throws {
        for language in Language.allCases {
            var state = Self.onTarget(language, width: 80, height: 24, screen: .char("8"))
            _ = update(&state, .savedPlanLoaded(personID: "P0001", target: Self.post,
                                                plan: try Self.saved(state, status: .inProgress, started: AppFixture.day("2025-01-15")), authors: []))
            AppFixture.press(&state, .char("d"))
            try Snapshot.assert(AppView.render(state).lines(), named: "plan-progress-80x24-\(language.rawValue)")
        }
    }

    @Test("f in the split pane asks, then confirms the completed step; without one it says so; the answer re-reads the record")
    func supervisorConfirms() throws {
        var (state, _) = S.state(.en, width: 120, height: 40)
        let id = try #require(state.supervisor?.selected?.person.id)
        #expect(S.press(&state, .char("f")).isEmpty)
        #expect(state.status?.text == Str.noStepToConfirm.text(.en))
        var mine = Self.onTarget()
        let plan = try Self.saved(mine, status: .inProgress, started: AppFixture.day("2025-01-01"), completed: AppFixture.day("2025-08-01"))
        _ = update(&state, .supervisor(.planLoaded(personID: id, plan: plan)))
        #expect(Self.text(state).contains("Step 1 (") && Self.text(state).contains("awaits confirmation (f)"), "\(Self.text(state))")
        #expect(S.press(&state, .char("f")).isEmpty)
        guard case .confirm(.confirmStep, let question)? = state.modal else { Issue.record("f asks first"); return }
        #expect(question.contains("Confirm step 1") && question.contains("1 Aug 2025"), "\(question)")
        #expect(S.press(&state, .char("y")) == [.supervisor(.confirmStep(personID: id, planID: 7, stepID: 10))])
        var done = plan
        done.steps[0].confirmedBy = "P0000"
        let reload = update(&state, .supervisor(.stepConfirmed(personID: id, position: 0, plan: done, error: nil)))
        #expect(reload.contains(.loadPerson(id: id)))
        #expect(state.status?.text == Str.stepConfirmed.format(.en, "1"))
        _ = update(&state, .supervisor(.stepConfirmed(personID: id, position: 0, plan: nil,
                                                      error: LocalizedText(th: "x", en: "only a completed step not yet confirmed can be confirmed"))))
        #expect(state.status?.isError == true)
        // The person's Plan screen shows the step's dates and the confirmation.
        _ = update(&mine, .savedPlanLoaded(personID: "P0001", target: Self.post, plan: done, authors: []))
        AppFixture.press(&mine, .char("8"))
        #expect(Self.text(mine).contains("Step 1 ·"), "\(Self.text(mine))")
    }

    // MARK: 4. Plans across targets; a new version

    @Test("the Plan screen lists the person's plans with their status; without a target it asks for them")
    func plansAcrossTargets() throws {
        var bare = AppFixture.loaded(.en, width: 100, height: 30)
        #expect(AppFixture.press(&bare, .char("8")) == [.loadPlans(personID: "P0001")])
        var state = Self.onTarget(screen: .char("8"))
        let current = try Self.saved(state, status: .approved)
        let other = SavedPlan(id: 3, personID: "P0001", target: "public-relations-officer:K4", status: "returned", createdBy: "P0001", stepCount: 2)
        _ = update(&state, .savedPlanLoaded(personID: "P0001", target: Self.post, plan: current, authors: []))
        _ = update(&state, .plansListed(personID: "P0001", plans: [current, other]))
        let screen = Self.text(state)
        #expect(screen.contains("All plans (2)"), "\(screen)")
        #expect(screen.contains("returned · version 1"), "\(screen)")
        _ = update(&bare, .plansListed(personID: "P0001", plans: [other]))
        #expect(Self.text(bare).contains("All plans (1)"), "\(Self.text(bare))")
        // Someone else's list is not taken.
        _ = update(&bare, .plansListed(personID: "P0002", plans: []))
        #expect(bare.session?.allPlans?.count == 1)
    }

    @Test("v starts a new version of an approved plan after a question; a draft says to save instead")
    func newVersion() throws {
        var state = Self.onTarget(screen: .char("8"))
        _ = update(&state, .savedPlanLoaded(personID: "P0001", target: Self.post, plan: try Self.saved(state, status: .draft), authors: []))
        #expect(AppFixture.press(&state, .char("v")).isEmpty)
        #expect(state.status?.text == Str.noNewVersion.text(.en))
        _ = update(&state, .savedPlanLoaded(personID: "P0001", target: Self.post, plan: try Self.saved(state, status: .approved), authors: []))
        AppFixture.press(&state, .char("v"))
        guard case .confirm(.newPlanVersion, let question)? = state.modal else { Issue.record("v asks first"); return }
        #expect(question.contains("Start version 2") && question.contains("Version 1 is kept"), "\(question)")
        let projection = try #require(state.session?.projection)
        #expect(AppFixture.press(&state, .char("y")) == [.startPlanVersion(projection, planID: 7, revision: 4)])
    }

    // MARK: 5. The export folder

    @Test("e asks where to export (the last folder filled in); Enter exports there; a taken name is reported renamed")
    func exportFolder() throws {
        var state = Self.onTarget(screen: .char("8"))
        #expect(AppFixture.press(&state, .char("e")).isEmpty)
        guard case .export(let field)? = state.modal else { Issue.record("e asks for the folder"); return }
        #expect(field.text == ".")
        #expect(Self.text(state).contains("Folder:"))
        AppFixture.press(&state, .ctrl("u"))
        AppFixture.type(&state, "/tmp/plans/")
        let effects = AppFixture.press(&state, .enter)
        let paths = effects.compactMap { effect -> String? in
            if case .exportPlanMarkdown(let path, _) = effect { return path }
            return nil
        }
        #expect(paths.count == 1 && paths[0].hasPrefix("/tmp/plans/plan-") && paths[0].hasSuffix(".md"), "\(paths)")
        #expect(state.exportFolder == "/tmp/plans/")
        AppFixture.press(&state, .char("e"))
        guard case .export(let again)? = state.modal else { Issue.record("the form again"); return }
        #expect(again.text == "/tmp/plans/", "the folder chosen last is filled in")
        #expect(AppFixture.press(&state, .escape).isEmpty && state.modal == nil)
        _ = update(&state, .planExportRenamed(requested: "/tmp/plans/a.md", path: "/tmp/plans/a-2.md"))
        #expect(state.status?.text == "/tmp/plans/a.md exists (not overwritten): saved as /tmp/plans/a-2.md")
    }

    // MARK: The kiosk

    @Test("the kiosk allows the person's own self-assessment, plan list and new version, and a supervisor's confirmation in reach only")
    func kioskAllows() throws {
        var person = KioskSession(personID: "P0001", supervises: false, app: AppFixture.loaded(.en))
        let plan = try #require(Self.onTarget().session?.suggestedPlan)
        #expect(person.allows(.recordSelfAssessment(personID: "P0001", competency: "leadership", level: 3, note: "", on: AppFixture.today)))
        #expect(!person.allows(.recordSelfAssessment(personID: "P0002", competency: "leadership", level: 3, note: "", on: AppFixture.today)))
        #expect(person.allows(.loadPlans(personID: "P0001")) && !person.allows(.loadPlans(personID: "P0002")))
        #expect(person.allows(.startPlanVersion(plan, planID: 1, revision: 1)))
        #expect(!person.allows(.supervisor(.confirmStep(personID: "P0002", planID: 1, stepID: 1))))
        var boss = KioskSession(personID: "P0000", supervises: true, app: AppFixture.loaded(.en))
        boss.reach = ["P0001"]
        #expect(boss.allows(.supervisor(.confirmStep(personID: "P0001", planID: 1, stepID: 1))))
        #expect(!boss.allows(.supervisor(.confirmStep(personID: "P0002", planID: 1, stepID: 1))))
        // Dates of a step: the person's own, or a supervisor's for someone in reach.
        #expect(person.allows(.recordProgress(personID: "P0001", planID: 1, stepID: 1, started: AppFixture.today, completed: nil)))
        #expect(!person.allows(.recordProgress(personID: "P0002", planID: 1, stepID: 1, started: AppFixture.today, completed: nil)))
        #expect(boss.allows(.recordProgress(personID: "P0001", planID: 1, stepID: 1, started: AppFixture.today, completed: nil)))
        #expect(!boss.allows(.recordProgress(personID: "P0002", planID: 1, stepID: 1, started: AppFixture.today, completed: nil)))
        // Keys typed into a form are text (q does not quit, o does not sign out).
        person.app.modal = .progress(try #require(ProgressForm(personID: "P0001", plan: try Self.saved(Self.onTarget(), status: .approved),
                                                                today: AppFixture.today, language: .en)))
        #expect(KioskKeymap.action(for: .char("q"), in: person.app) == nil)
        #expect(KioskKeymap.action(for: .enter, in: person.app) == .activate)
    }

    @Test("at a kiosk the signed-in person assesses themselves on Me: o and q are text in the note, Enter asks the store")
    func kioskSelfAssessment() throws {
        var kiosk = KioskHarness()
        kiosk.signIn()
        #expect(kiosk.state.session?.app.screen == .me)
        kiosk.press(.char("e"))
        guard case .assess? = kiosk.state.session?.app.modal else { Issue.record("e opens the form at the kiosk"); return }
        kiosk.press(.char("2"))
        kiosk.type("oq")
        #expect(kiosk.state.session != nil, "o did not sign out")
        let effects = kiosk.press(.enter)
        #expect(effects.contains { effect in
            if case .app(.recordSelfAssessment("P0001", _, 2, "oq", _)) = effect { return true }
            return false
        }, "\(effects)")
    }
}
