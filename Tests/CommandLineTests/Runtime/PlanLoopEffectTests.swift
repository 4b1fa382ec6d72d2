import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
@testable import careerpath

/// Issue 13, closing the loop: the runner carries the screens' new effects out through the store's
/// one function for each (self-assessment, confirmation, a new version, the plans across targets),
/// and an export never writes over a file. On the demo roster: P000292 and their supervisor P000033.
@Suite("plan loop effects through the store")
struct PlanLoopEffectTests {
    static let person = "P000292"
    static let boss = "P000033"

    /// The person's own saved, submitted and approved plan toward their next level (a rotation first),
    /// with its first step completed.
    static func approvedPlan(_ store: SQLiteRecordStore) throws -> (DevelopmentPlan, SavedPlan) {
        let catalog = EffectRunnerTests.catalog
        let record = try #require(try store.record(personID: person, viewer: .system, screen: "test"))
        let target = try #require(Target.nextLevel(of: record.person, in: catalog))
        let start = DateText.today().adding(months: -8)
        var plan = PlanBuilder(catalog: catalog).plan(record, target: target, start: start)
        plan.steps = [PlanStep(method: "job-rotation", place: .unit("regional-pr-bureau-1"), field: "regional-operations", start: start,
                               end: start.adding(months: 6), months: 6, closes: ["experience:regional-operations"])]
        let owner = Viewer.supervisor(personID: person)
        var saved = try store.saveDevelopmentPlan(plan, by: owner)
        saved = try store.submitPlan(planID: saved.id, by: owner)
        saved = try store.reviewPlan(planID: saved.id, action: .approve, comment: "", by: .supervisor(personID: boss))
        saved = try store.recordStepProgress(planID: saved.id, stepID: saved.steps[0].id, started: start, completed: start.adding(months: 6),
                                             by: owner, today: DateText.today())
        return (plan, saved)
    }

    @Test("a self-assessment is the person's own: stored as self, audited from Me, never counted; someone else's refused")
    func selfAssessment() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let competency = try #require(EffectRunnerTests.catalog.competenciesByID.keys.sorted().first)
        let own = EffectRunner(store: store, viewer: .supervisor(personID: Self.person), catalog: EffectRunnerTests.catalog)
        let events = own.perform(.recordSelfAssessment(personID: Self.person, competency: competency, level: 5, note: "ฉันคิดว่า", on: DateText.today()))
        guard case .selfAssessmentRecorded(_, _, 5, nil)? = events.first else { Issue.record("\(events)"); return }
        let history = try store.assessmentHistory(personID: Self.person, competency: competency, viewer: .system)
        #expect(history.last?.assessment.assessor == .`self` && history.last?.assessment.level == 5)
        #expect(try store.auditEntries(subject: Self.person).contains { $0.action == "assessment-self" && $0.screen == "tui:me" })
        let boss = EffectRunner(store: store, viewer: .supervisor(personID: Self.boss), catalog: EffectRunnerTests.catalog)
        let refused = boss.perform(.recordSelfAssessment(personID: Self.person, competency: competency, level: 1, note: "", on: DateText.today()))
        guard case .selfAssessmentRecorded(_, _, _, let error?)? = refused.first else { Issue.record("\(refused)"); return }
        #expect(error.en.contains("only the person"), "\(error.en)")
        #expect(try store.assessmentHistory(personID: Self.person, competency: competency, viewer: .system).count == history.count)
    }

    @Test("the split pane's confirmation: the supervisor's adds the assignment; the person's own and an outsider's are refused")
    func confirmStep() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, saved) = try Self.approvedPlan(store)
        let stepID = saved.steps[0].id
        let before = try #require(try store.record(personID: Self.person, viewer: .system, screen: "test")).assignments.count
        for viewer in [Viewer.supervisor(personID: Self.person), .supervisor(personID: "P000073")] {
            let runner = EffectRunner(store: store, viewer: viewer, catalog: EffectRunnerTests.catalog)
            let events = runner.perform(.supervisor(.confirmStep(personID: Self.person, planID: saved.id, stepID: stepID)))
            guard case .supervisor(.stepConfirmed(_, _, nil, _?))? = events.first else { Issue.record("\(viewer): \(events)"); continue }
        }
        let runner = EffectRunner(store: store, viewer: .supervisor(personID: Self.boss), catalog: EffectRunnerTests.catalog)
        let events = runner.perform(.supervisor(.confirmStep(personID: Self.person, planID: saved.id, stepID: stepID)))
        guard case .supervisor(.stepConfirmed(_, 0, let plan?, nil))? = events.first else { Issue.record("\(events)"); return }
        #expect(plan.steps[0].isConfirmed)
        let after = try #require(try store.record(personID: Self.person, viewer: .system, screen: "test")).assignments
        #expect(after.count == before + 1 && after.contains { $0.role == .rotation && $0.field == "regional-operations" })
    }

    @Test("v: a new version of the approved plan, the old one kept; the list across targets has both")
    func newVersion() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (plan, saved) = try Self.approvedPlan(store)
        let runner = EffectRunner(store: store, viewer: .supervisor(personID: Self.person), catalog: EffectRunnerTests.catalog)
        let events = runner.perform(.startPlanVersion(plan, planID: saved.id, revision: saved.revision))
        guard case .planSaved(nil)? = events.first else { Issue.record("\(events)"); return }
        guard case .plansListed(_, let plans)? = events.last else { Issue.record("\(events)"); return }
        #expect(plans.map(\.version) == [2, 1] && plans.map(\.status) == ["draft", "in-progress"], "\(plans.map(\.status))")
        // A stale revision is refused, nothing saved.
        let stale = runner.perform(.startPlanVersion(plan, planID: saved.id, revision: saved.revision))
        guard case .planRefused(_, _, true)? = stale.first else { Issue.record("\(stale)"); return }
        #expect(try store.plans(personID: Self.person, viewer: .system).count == 2)
        #expect(runner.perform(.loadPlans(personID: Self.person)).count == 1)
    }

    @Test("export: into the chosen folder, a taken name gets a new one (reported), a missing folder is named")
    func exportNeverOverwrites() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = EffectRunner(store: store, viewer: .system, catalog: EffectRunnerTests.catalog)
        let path = folder.appendingPathComponent("plan.md").path
        guard case .planExported(path, nil)? = runner.perform(.exportPlanMarkdown(path: path, markdown: "first")).first else {
            Issue.record("first export"); return
        }
        let second = runner.perform(.exportPlanMarkdown(path: path, markdown: "second"))
        guard case .planExportRenamed(path, let renamed)? = second.first else { Issue.record("\(second)"); return }
        #expect(renamed.hasSuffix("plan-2.md"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first", "the first file is untouched")
        let missing = runner.perform(.exportPlanMarkdown(path: folder.appendingPathComponent("nowhere/plan.md").path, markdown: "x"))
        guard case .planExported(_, .noFolder(let named)?)? = missing.first else { Issue.record("\(missing)"); return }
        #expect(named == folder.appendingPathComponent("nowhere").path)
    }
}
