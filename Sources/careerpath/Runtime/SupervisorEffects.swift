import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// Supervisor mode's effects against the store, always through the runner's `Viewer`: the chain
/// below the supervisor, saved plans, and reviews (comment, approve, return; stored and audited).
extension EffectRunner {
    /// Supervisor mode's answers; a review the store refuses answers `.planRefused` (in both languages).
    func performSupervisor(_ effect: SupervisorEffect) -> [AppEvent] {
        func answer(_ events: [SupervisorEvent]) -> [AppEvent] { events.map(AppEvent.supervisor) }
        switch effect {
        case .listSubordinates(let supervisorID):
            do {
                // The viewer's reach is the supervisor's chain (or everyone for HR/system): the
                // update function keeps only the people below `supervisorID`.
                let boss = try store.people(unit: nil, viewer: viewer).first { $0.id == supervisorID }
                let records = try store.allRecords(viewer: viewer)
                let awaiting = (try? store.plansAwaitingReview(supervisorID: supervisorID)) ?? 0
                return answer([.subordinatesListed(supervisor: boss, records: records), .awaitingReview(awaiting)])
            } catch {
                return answer([.failed("cannot list the subordinates of \(supervisorID): \(error)")])
            }
        case .loadPlan(let personID):
            do {
                return answer([.planLoaded(personID: personID, plan: try store.latestPlan(personID: personID, viewer: viewer))])
            } catch {
                return answer([.planLoaded(personID: personID, plan: nil)])
            }
        case .reviewPlan(let personID, let planID, let action, let comment):
            do {
                let plan = try store.reviewPlan(planID: planID, action: action, comment: comment, by: viewer,
                                                screen: screenPrefix + ":supervisor")
                return answer([.planReviewed(personID: personID, plan: plan, error: nil)])
            } catch let refused as PlanReviewError {
                return [.planRefused(th: refused.th, en: refused.en, changedElsewhere: refused.kind == .changedElsewhere)]
            } catch {
                return answer([.planReviewed(personID: personID, plan: nil, error: "\(error)")])
            }
        case .recordAssessment(let personID, let competency, let level, let note, let day):
            // The store checks the chain, the level, the dictionary and the date, and audits the write.
            guard let catalog else {
                return answer([.assessmentRecorded(personID: personID, competency: competency, level: level,
                                                   error: (th: "ไม่มีข้อมูลพจนานุกรมสมรรถนะ", en: "no competency dictionary loaded"))])
            }
            do {
                try store.recordAssessment(personID: personID, competency: competency, level: level, on: day, note: note,
                                           assessor: .supervisor, by: viewer, catalog: catalog, today: DateText.today(),
                                           screen: screenPrefix + ":supervisor")
                return answer([.assessmentRecorded(personID: personID, competency: competency, level: level, error: nil)])
            } catch let refused as PlanReviewError {
                return answer([.assessmentRecorded(personID: personID, competency: competency, level: level, error: (refused.th, refused.en))])
            } catch {
                return answer([.assessmentRecorded(personID: personID, competency: competency, level: level, error: { let said = StoreProblem.explain(error); return (said.th, said.en) }())])
            }
        }
    }
}
