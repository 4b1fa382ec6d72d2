import CareerEngine
import CareerStore
import Foundation
import Testing

/// Two terminals on one store at the same moment (two connections, two threads): a plan saved from
/// both on the revision both read is saved once and refused once ("changed elsewhere"), never
/// overwritten; wrong PINs typed at several kiosks at once are all counted toward the one lock.
@Suite struct ConcurrentWritersTests {
    @Test(arguments: StoreEngine.all) func twoSavesOnTheSameRevisionOneIsRefused(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let other = try fixture.reopened(terminal: "/dev/tty4")
        let owner = Viewer.person(personID: "P003")
        let record = try #require(try fixture.store.record(personID: "P003", viewer: owner, screen: "test"))
        let target = Target.jobLineLevel(jobLine: "public-relations-officer", level: "K2")
        let plan = DevelopmentPlan(person: record.person, target: target, start: record.person.levelSince,
                                   report: GapReport(person: record.person, target: target, on: record.person.levelSince, gaps: []),
                                   steps: [], eligibleOn: nil, eligibleOnIfNothingChanges: nil)
        let base = PlanBase(try fixture.store.saveDevelopmentPlan(plan, by: owner))
        for round in 0..<5 {
            let stores = [fixture.store, other]
            let outcomes = Outcomes()
            let current = round == 0 ? base : PlanBase(try fixture.store.plan(personID: "P003", target: target.id, viewer: owner))
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                do {
                    _ = try stores[i].saveDevelopmentPlan(plan, by: owner, expected: current, screen: "kiosk:\(i)")
                    outcomes.add("saved")
                } catch let refused as PlanReviewError where refused.kind == .changedElsewhere {
                    outcomes.add("changed elsewhere")
                } catch {
                    outcomes.add("\(error)")
                }
            }
            #expect(outcomes.sorted == ["changed elsewhere", "saved"], "round \(round)")
        }
        let saved = try #require(try fixture.store.plan(personID: "P003", target: target.id, viewer: owner))
        #expect(saved.revision == base.revision + 5, "one save per round went in")
    }

    @Test(arguments: StoreEngine.all) func failuresAtSeveralKiosksAtOnceAllCount(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        let hasher = PINHasher.forTests()
        // A lock long enough to last the test, and more failures allowed than typed.
        let policy = LockoutPolicy(maxFailures: 100, lockSeconds: 300)
        let kiosks = try (0..<4).map { i in
            AccountService(store: i == 0 ? fixture.store : try fixture.reopened(terminal: "/dev/tty\(i)"), hasher: hasher, policy: policy)
        }
        try kiosks[0].setPIN(personID: "P002", pin: try PIN("2568"))
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            for _ in 0..<5 { _ = try? kiosks[i].signIn(personID: "P002", pin: "0000") }
        }
        #expect(try kiosks[0].status(personID: "P002")?.failedAttempts == 20, "no failure was lost")
    }
}

/// What the threads of a test saw, collected under a lock.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var sorted: [String] { lock.withLock { items.sorted() } }
}
