import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
@testable import careerpath

/// Issue 13, item 3: the split pane's assessment effect goes through the store's one
/// `recordAssessment` (chain check, 0–5, dictionary, audit), as the CLI's `assess` does.
@Suite("supervisor assessment effect through the store")
struct AssessmentEffectTests {
    @Test("in the chain: stored as a supervisor assessment, audited, and counted; outside the chain or out of range: refused, nothing stored")
    func record() throws {
        let (store, folder) = try EffectRunnerTests.demoStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = EffectRunnerTests.catalog
        let boss = "P000011"
        let viewer = Viewer.supervisor(personID: boss)
        let chain = Set(try store.people(unit: nil, viewer: viewer).map(\.id))
        let everyone = try store.people(unit: nil, viewer: .system)
        let insider = try #require(everyone.first { chain.contains($0.id) && $0.id != boss })
        let outsider = try #require(everyone.first { !chain.contains($0.id) })
        let competency = try #require(catalog.competenciesByID.keys.sorted().first)
        let runner = EffectRunner(store: store, viewer: viewer, catalog: catalog)
        let day = DateText.today()

        /// "saved", the refusal in English, or "no answer".
        func outcome(_ events: [AppEvent]) -> String {
            guard case .supervisor(.assessmentRecorded(_, _, _, let error))? = events.first else { return "no answer" }
            return error?.en ?? "saved"
        }
        let before = try store.assessmentHistory(personID: insider.id, competency: competency, viewer: .system).count
        let saved = runner.perform(.supervisor(.recordAssessment(personID: insider.id, competency: competency, level: 4, note: "ดี", on: day)))
        #expect(outcome(saved) == "saved")
        let history = try store.assessmentHistory(personID: insider.id, competency: competency, viewer: .system)
        #expect(history.count == before + 1)
        #expect(history.last?.assessment.level == 4 && history.last?.assessment.assessor == .supervisor && history.last?.note == "ดี")
        #expect(try store.auditEntries(subject: insider.id).contains { $0.action == "assessment" && $0.screen == "tui:supervisor" })

        let outsideBefore = try store.assessmentHistory(personID: outsider.id, competency: competency, viewer: .system).count
        let outside = runner.perform(.supervisor(.recordAssessment(personID: outsider.id, competency: competency, level: 3, note: "", on: day)))
        #expect(!["saved", "no answer"].contains(outcome(outside)))
        #expect(try store.assessmentHistory(personID: outsider.id, competency: competency, viewer: .system).count == outsideBefore)
        let tooHigh = runner.perform(.supervisor(.recordAssessment(personID: insider.id, competency: competency, level: 6, note: "", on: day)))
        #expect(outcome(tooHigh).contains("0–5"))
        #expect(try store.assessmentHistory(personID: insider.id, competency: competency, viewer: .system).count == before + 1)
    }
}
