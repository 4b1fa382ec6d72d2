import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing

private func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

/// The plan cycle in the store (issue 13): draft → submitted → returned (with a reason) → edited →
/// submitted → approved → steps started, completed, confirmed into the record → done; versions, the
/// "changed elsewhere" check, access and the audit of every write, and bad input refused with
/// nothing saved. Roster (AccessControlTests): A01 → A02 → A03 → A04; A01 → A05 → A06; A07 → A08.
@Suite(.serialized) final class PlanCycleTests {
    var fixture: ImportFixture!
    var store: PersonnelStore!
    let catalog = TestCatalog.catalog
    let today = day(2026, 6, 1)

    init() {}

    /// Opens this test's store on `engine` (a suite takes no arguments; its tests do).
    func use(_ engine: StoreEngine) throws {
        fixture = try ImportFixture(files: AccessControlTests.files, engine: engine)
        #expect(fixture.importFolder().isEmpty)
        store = fixture.store
    }

    /// A plan for `person` toward K2 with one rotation into the ICT centre and one course.
    func plan(_ person: String, rotationMonths: Int = 12) throws -> DevelopmentPlan {
        let record = try #require(try store.record(personID: person, viewer: .system, screen: "test"))
        var plan = PlanBuilder(catalog: catalog).plan(record, target: .jobLineLevel(jobLine: "public-relations-officer", level: "K2"),
                                                      start: today)
        let start = day(2025, 1, 1)
        plan.steps = [
            PlanStep(method: "job-rotation", place: .unit("ict-center"), field: "ict", start: start,
                     end: start.adding(months: rotationMonths), months: rotationMonths, closes: ["experience:ict"]),
            PlanStep(method: "course", place: .course("nbs1"), field: nil, start: start, end: start.adding(months: 3), months: 3,
                     closes: ["training:nbs1"]),
        ]
        plan.picks = [PlannedPick(gapID: "experience:ict", suggestion: Suggestion(method: "job-rotation", place: .unit("ict-center"),
                                                                                   months: rotationMonths, fit: 1))]
        return plan
    }

    func actions(_ subject: String) throws -> [String] {
        try store.auditEntries(subject: subject).map(\.action).filter { $0 != "view" }
    }

    func kind(_ body: () throws -> Void) -> PlanReviewError.Kind? {
        do { try body(); return nil } catch let e as PlanReviewError { return e.kind } catch { return nil }
    }

    @Test("the whole cycle: save, submit, return with a reason, edit, resubmit, approve, complete and confirm into the record", arguments: StoreEngine.all)
    func wholeCycle(engine: StoreEngine) throws {
        try use(engine)
        let owner = Viewer.supervisor(personID: "A03")   // A03 signed in: their own plans
        let boss = Viewer.supervisor(personID: "A02")
        var saved = try store.saveDevelopmentPlan(try plan("A03"), by: owner, expected: PlanBase.none)
        #expect(saved.status == "draft" && saved.version == 1 && saved.stepCount == 2)
        #expect(saved.picks == [SavedPick(gapID: "experience:ict", method: "job-rotation", place: "unit:ict-center")])
        #expect(try store.plansAwaitingReview(supervisorID: "A02") == 0)
        saved = try store.submitPlan(planID: saved.id, by: owner, expectedRevision: saved.revision)
        #expect(saved.status == "submitted")
        #expect(try store.plansAwaitingReview(supervisorID: "A02") == 1)
        #expect(try store.plansAwaitingReview(supervisorID: "A01") == 1)
        #expect(try store.plansAwaitingReview(supervisorID: "A05") == 0)
        // A return needs its reason.
        #expect(kind { _ = try store.reviewPlan(planID: saved.id, action: .return, comment: " ", by: boss) } == .invalid)
        saved = try store.reviewPlan(planID: saved.id, action: .return, comment: "เพิ่มหลักสูตร", by: boss)
        #expect(saved.status == "returned")
        #expect(try store.planNews(personID: "A03", viewer: owner).map(\.note.body) == ["เพิ่มหลักสูตร"])
        try store.markPlansSeen(personID: "A03", viewer: owner, now: Date().addingTimeInterval(1))
        #expect(try store.planNews(personID: "A03", viewer: owner).isEmpty)
        // Edited (same plan, one more revision) and submitted again, then approved.
        let edited = try store.saveDevelopmentPlan(try plan("A03", rotationMonths: 6), by: owner, expected: PlanBase(saved))
        #expect(edited.id == saved.id && edited.revision > saved.revision && edited.status == "returned")
        saved = try store.submitPlan(planID: edited.id, by: owner)
        saved = try store.reviewPlan(planID: saved.id, action: .approve, comment: "", by: boss)
        #expect(saved.status == "approved" && saved.approvedAt != nil)
        #expect(saved.notes.map(\.action) == ["submit", "return", "submit", "approve"])
        // The rotation is carried out and confirmed: an assignment record; the course: a training.
        let rotation = try #require(saved.steps.first { $0.method == "job-rotation" })
        let course = try #require(saved.steps.first { $0.method == "course" })
        saved = try store.recordStepProgress(planID: saved.id, stepID: rotation.id, started: day(2025, 2, 1),
                                             completed: nil, by: owner, today: today)
        #expect(saved.status == "in-progress")
        saved = try store.recordStepProgress(planID: saved.id, stepID: rotation.id, started: nil,
                                             completed: day(2026, 1, 31), by: boss, today: today)
        #expect(kind { _ = try store.confirmStep(planID: saved.id, stepID: rotation.id, by: owner, catalog: catalog) } == .refused)
        saved = try store.confirmStep(planID: saved.id, stepID: rotation.id, by: boss, catalog: catalog)
        let record = try #require(try store.record(personID: "A03", viewer: .system, screen: "test"))
        #expect(record.assignments.contains(Assignment(unit: "ict-center", field: "ict", role: .rotation,
                                                       start: day(2025, 2, 1), end: day(2026, 1, 31))))
        #expect(saved.status == "in-progress")
        _ = try store.recordStepProgress(planID: saved.id, stepID: course.id, started: day(2026, 2, 1),
                                         completed: day(2026, 4, 30), by: owner, today: today)
        saved = try store.confirmStep(planID: saved.id, stepID: course.id, by: .supervisor(personID: "A01"), catalog: catalog)
        #expect(saved.status == "done")
        #expect(try store.record(personID: "A03", viewer: .system, screen: "test")?.trainings
                    == [CompletedTraining(course: "nbs1", completedOn: day(2026, 4, 30))])
        // Every write is in the audit log, with who.
        #expect(try actions("A03") == ["save-plan", "plan-submit", "plan-return", "save-plan", "plan-submit", "plan-approve",
                                       "plan-step-progress", "plan-step-progress", "plan-step-confirm", "plan-step-progress", "plan-step-confirm"])
        #expect(try store.auditEntries(subject: "A03").filter { $0.action == "plan-step-confirm" }.map(\.actor) == ["A02", "A01"])
    }

    @Test("two sessions: the second save is refused as changed elsewhere and the first one's steps stay", arguments: StoreEngine.all)
    func changedElsewhere(engine: StoreEngine) throws {
        try use(engine)
        let owner = Viewer.person(personID: "A04")
        let first = try store.saveDevelopmentPlan(try plan("A04"), by: owner, expected: PlanBase.none)
        // A second session that read nothing (or an older revision) is refused.
        #expect(kind { _ = try store.saveDevelopmentPlan(try plan("A04", rotationMonths: 3), by: owner, expected: PlanBase.none) } == .changedElsewhere)
        let second = try store.saveDevelopmentPlan(try plan("A04", rotationMonths: 6), by: owner, expected: PlanBase(first))
        #expect(kind { _ = try store.saveDevelopmentPlan(try plan("A04", rotationMonths: 3), by: owner, expected: PlanBase(first)) } == .changedElsewhere)
        #expect(kind { _ = try store.submitPlan(planID: first.id, by: owner, expectedRevision: first.revision) } == .changedElsewhere)
        #expect(try store.plan(personID: "A04", target: "public-relations-officer:K2", viewer: owner)?.steps.first?.months == 6)
        #expect(second.revision == first.revision + 1)
    }

    @Test("an approved plan changes only by a new version; approving it supersedes the old one, which is kept", arguments: StoreEngine.all)
    func versions(engine: StoreEngine) throws {
        try use(engine)
        let owner = Viewer.person(personID: "A06")
        var v1 = try store.saveDevelopmentPlan(try plan("A06"), by: owner)
        v1 = try store.submitPlan(planID: v1.id, by: owner)
        v1 = try store.reviewPlan(planID: v1.id, action: .approve, comment: "ok", by: .supervisor(personID: "A05"))
        #expect(kind { _ = try store.saveDevelopmentPlan(try plan("A06"), by: owner) } == .invalid)
        let v2 = try store.saveDevelopmentPlan(try plan("A06", rotationMonths: 6), by: owner, newVersion: true)
        #expect(v2.version == 2 && v2.previousID == v1.id && v2.status == "draft")
        _ = try store.submitPlan(planID: v2.id, by: owner)
        _ = try store.reviewPlan(planID: v2.id, action: .approve, comment: "", by: .supervisor(personID: "A05"))
        let all = try store.plans(personID: "A06", viewer: owner)
        #expect(all.map(\.status) == ["approved", "superseded"])
        #expect(all.map(\.version) == [2, 1])
    }

    @Test("access: a supervisor does not edit, the person does not approve or confirm, outsiders are refused; nothing stored", arguments: StoreEngine.all)
    func access(engine: StoreEngine) throws {
        try use(engine)
        let before = try store.recordsSnapshot()
        #expect(kind { _ = try store.saveDevelopmentPlan(try plan("A04"), by: .supervisor(personID: "A03")) } == .refused)
        #expect(throws: AccessDenied.self) { try store.saveDevelopmentPlan(try plan("A04"), by: .supervisor(personID: "A05")) }
        #expect(throws: AccessDenied.self) { try store.saveDevelopmentPlan(try plan("A04"), by: .person(personID: "A03")) }
        let saved = try store.submitPlan(planID: try store.saveDevelopmentPlan(try plan("A04"), by: .person(personID: "A04")).id,
                                         by: .person(personID: "A04"))
        #expect(kind { _ = try store.submitPlan(planID: saved.id, by: .supervisor(personID: "A03")) } == .refused)
        #expect(kind { _ = try store.reviewPlan(planID: saved.id, action: .approve, comment: "", by: .person(personID: "A04")) } == .refused)
        #expect(throws: AccessDenied.self) { try store.reviewPlan(planID: saved.id, action: .approve, comment: "", by: .supervisor(personID: "A07")) }
        #expect(kind {
            try store.recordAssessment(personID: "A04", competency: "teamwork", level: 3, on: today, note: "", assessor: .supervisor,
                                       by: .person(personID: "A04"), catalog: catalog, today: today)
        } == .refused)
        #expect(kind {
            try store.recordAssessment(personID: "A04", competency: "teamwork", level: 3, on: today, note: "", assessor: .`self`,
                                       by: .supervisor(personID: "A03"), catalog: catalog, today: today)
        } == .refused)
        #expect(throws: AccessDenied.self) {
            try store.recordAssessment(personID: "A04", competency: "teamwork", level: 3, on: today, note: "", assessor: .supervisor,
                                       by: .supervisor(personID: "A05"), catalog: catalog, today: today)
        }
        #expect(try store.recordsSnapshot() == before)
    }

    @Test("bad input: dates out of order or in the future, a level outside 0–5, an unknown competency: refused, nothing saved", arguments: StoreEngine.all)
    func badInput(engine: StoreEngine) throws {
        try use(engine)
        let owner = Viewer.person(personID: "A03")
        var saved = try store.submitPlan(planID: try store.saveDevelopmentPlan(try plan("A03"), by: owner).id, by: owner)
        // Progress before approval is refused too.
        let step = try #require(saved.steps.first)
        #expect(kind { _ = try store.recordStepProgress(planID: saved.id, stepID: step.id, started: today, completed: nil, by: owner, today: today) } == .invalid)
        saved = try store.reviewPlan(planID: saved.id, action: .approve, comment: "", by: .supervisor(personID: "A02"))
        let before = try store.plan(personID: "A03", target: saved.target, viewer: owner)?.steps
        let may = day(2026, 5, 1)
        #expect(kind { _ = try store.recordStepProgress(planID: saved.id, stepID: step.id, started: may,
                                                       completed: day(2026, 4, 1), by: owner, today: today) } == .invalid)
        #expect(kind { _ = try store.recordStepProgress(planID: saved.id, stepID: step.id, started: nil, completed: may, by: owner, today: today) } == .invalid)
        #expect(kind { _ = try store.recordStepProgress(planID: saved.id, stepID: step.id, started: today.adding(days: 1), completed: nil,
                                                       by: owner, today: today) } == .invalid)
        #expect(try store.plan(personID: "A03", target: saved.target, viewer: owner)?.steps == before)
        let assessments = try store.assessmentHistory(personID: "A03", viewer: owner)
        for (competency, level) in [("teamwork", 6), ("teamwork", -1), ("no-such-competency", 3)] {
            #expect(kind {
                try store.recordAssessment(personID: "A03", competency: competency, level: level, on: today, note: "", assessor: .supervisor,
                                           by: .supervisor(personID: "A02"), catalog: catalog, today: today)
            } == .invalid)
        }
        #expect(try store.assessmentHistory(personID: "A03", viewer: owner) == assessments)
    }

    @Test("assessments in the tool: a supervisor's counts, a self-assessment is kept beside it and never counts", arguments: StoreEngine.all)
    func assessments(engine: StoreEngine) throws {
        try use(engine)
        try store.recordAssessment(personID: "A03", competency: "teamwork", level: 2, on: day(2026, 1, 10),
                                   note: "ทำงานเป็นทีมดี", assessor: .supervisor, by: .supervisor(personID: "A02"), catalog: catalog, today: today)
        try store.recordAssessment(personID: "A03", competency: "teamwork", level: 5, on: day(2026, 2, 10),
                                   note: "", assessor: .`self`, by: .person(personID: "A03"), catalog: catalog, today: today)
        let history = try store.assessmentHistory(personID: "A03", competency: "teamwork", viewer: .supervisor(personID: "A02"))
        #expect(history.map(\.assessment.assessor) == [.supervisor, .`self`])
        #expect(history.map(\.recordedBy) == ["A02", "A03"])
        #expect(history.first?.note == "ทำงานเป็นทีมดี")
        let record = try #require(try store.record(personID: "A03", viewer: .system, screen: "test"))
        #expect(record.latestAssessment(of: "teamwork", on: today)?.level == 2)
        #expect(try actions("A03") == ["assessment", "assessment-self"])
    }

    @Test("a re-import replaces only imported rows: assessments and confirmed steps recorded in the tool stay, an exact duplicate is kept once (the tool's), a refused import changes nothing", arguments: StoreEngine.all)
    func reimportKeepsToolRecords(engine: StoreEngine) throws {
        try use(engine)
        let boss = Viewer.supervisor(personID: "A02")
        try store.recordAssessment(personID: "A03", competency: "teamwork", level: 2, on: day(2026, 1, 10), note: "ทำงานเป็นทีมดี",
                                   assessor: .supervisor, by: boss, catalog: catalog, today: today)
        try store.recordAssessment(personID: "A03", competency: "teamwork", level: 4, on: day(2026, 2, 10), note: "",
                                   assessor: .`self`, by: .person(personID: "A03"), catalog: catalog, today: today)
        var saved = try store.saveDevelopmentPlan(try plan("A03"), by: .person(personID: "A03"))
        saved = try store.submitPlan(planID: saved.id, by: .person(personID: "A03"))
        saved = try store.reviewPlan(planID: saved.id, action: .approve, comment: "", by: boss)
        let rotation = try #require(saved.steps.first { $0.method == "job-rotation" })
        _ = try store.recordStepProgress(planID: saved.id, stepID: rotation.id, started: day(2025, 2, 1), completed: day(2026, 1, 31),
                                         by: boss, today: today)
        _ = try store.confirmStep(planID: saved.id, stepID: rotation.id, by: boss, catalog: catalog)
        let toolAssignment = Assignment(unit: "ict-center", field: "ict", role: .rotation, start: day(2025, 2, 1), end: day(2026, 1, 31))
        func a03() throws -> PersonRecord { try #require(try store.record(personID: "A03", viewer: .system, screen: "test")) }
        func teamwork() throws -> [AssessmentEntry] {
            try store.assessmentHistory(personID: "A03", competency: "teamwork", viewer: boss)
        }
        #expect(try a03().assignments.contains(toolAssignment))
        #expect(try teamwork().count == 2)

        // HR re-imports the same roster (twice): the tool's rows are still there, once.
        #expect(fixture.importFolder().isEmpty)
        #expect(fixture.importFolder().isEmpty)
        #expect(try a03().assignments.filter { $0 == toolAssignment }.count == 1)
        #expect(try a03().assignments.count == 2)
        #expect(try teamwork().map(\.recordedBy) == ["A02", "A03"])

        // HR's roster now carries the supervisor's assessment too: one row stays, the tool's, with its note.
        var files = AccessControlTests.files
        files["assessments.csv", default: ""] += "A03,teamwork,2,2026-01-10,supervisor\nA03,teamwork,1,2025-01-10,supervisor\n"
        try fixture.write(files)
        #expect(fixture.importFolder().isEmpty)
        #expect(try teamwork().map(\.recordedBy) == [nil, "A02", "A03"])
        #expect(try teamwork().map(\.note) == ["", "ทำงานเป็นทีมดี", ""])

        // All or nothing still: a refused import leaves every row, the tool's included.
        let before = try store.recordsSnapshot()
        files["trainings.csv", default: ""] += "A03,no-such-course,2025-01-01\n"
        try fixture.write(files)
        #expect(!fixture.importFolder().isEmpty)
        #expect(try store.recordsSnapshot() == before)
    }
}
