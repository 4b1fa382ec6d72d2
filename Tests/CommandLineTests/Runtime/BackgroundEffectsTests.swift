import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
import TerminalUI
@testable import careerpath

/// A key never waits for a write (issue 17, item 1): while an HR import holds the database's write
/// lock, the program loop's effects are carried out on one background thread (`EffectWorker`), in
/// order; the key is answered at once (the status says "saving…") and the answer is applied when it
/// comes. Nothing is dropped: quitting waits for every effect handed in. The database's wait is
/// stood in for by a gate the effects cannot pass until the test opens it (no timing involved).
@Suite("background effects: a key answers while its write waits; order kept, nothing dropped")
struct BackgroundEffectsTests {
    /// The planner with a gate in front of its effects: `perform` waits until the gate opens.
    final class GatedPlanner: Program, @unchecked Sendable {
        let planner: PlannerProgram
        private let opened = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var isOpen = true
        private var performed: [Effect] = []

        init(_ planner: PlannerProgram) { self.planner = planner }

        func close() { lock.withLock { isOpen = false } }
        func open() {
            lock.withLock { isOpen = true }
            opened.signal()
        }
        var effectsPerformed: [Effect] { lock.withLock { performed } }

        func perform(_ effect: Effect) -> EffectOutcome<AppEvent> {
            while !lock.withLock({ isOpen }) {
                // The gate; a time limit only so a broken test ends rather than hangs.
                if opened.wait(timeout: .now() + 30) == .success { opened.signal() } else { break }
            }
            let outcome = planner.perform(effect)
            lock.withLock { performed.append(effect) }
            return outcome
        }

        func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] { planner.update(&state, event) }
        func render(_ state: AppState, into grid: inout CellGrid) { planner.render(state, into: &grid) }
        func size(of state: AppState) -> TerminalSize { planner.size(of: state) }
        func tick(_ state: AppState) -> AppEvent? { nil }
        var tickInterval: TimeInterval { 30 }
        func stopped(by signal: Int32) -> Int32 { 0 }
    }

    /// A driver on the first person with a target chosen and the Plan screen open (effects carried out
    /// here, as at start-up), its gate, its store and the person.
    static func plannerOnPlan() throws -> (ProgramDriver<GatedPlanner>, GatedPlanner, SQLiteRecordStore, String, URL) {
        let (store, folder) = try EffectRunnerTests.demoStore()
        let people = try store.people(unit: nil, viewer: .system).map(\.id)
        let program = GatedPlanner(PlannerProgram(runner: EffectRunner(store: store, viewer: .system)))
        let driver = ProgramDriver(program, state: AppState(catalog: EffectRunnerTests.catalog, today: CivilDate(iso: "2026-10-01")!,
                                                            size: TerminalSize(width: 100, height: 30)))
        driver.run([.listPeople])
        // The first person with a path to choose.
        let person = try #require(people.first { id in
            driver.run([.loadPerson(id: id)])
            return driver.state.session?.paths.isEmpty == false
        })
        for key: KeyEvent in [.char("t"), .enter, .char("n")] { driver.send(.key(key)) }
        try #require(driver.state.session?.projection != nil)
        return (driver, program, store, person, folder)
    }

    @Test("a save key returns with the save queued and the status saying so; the answer comes when the write passes")
    func saveKeyDoesNotWait() throws {
        let (driver, gate, store, person, folder) = try Self.plannerOnPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        driver.carryOutInBackground()
        let before = try store.auditTrail(person: person).count
        gate.close()

        driver.send(.key(.char("s")))
        // Back from the key with the write not carried out: it waits in the queue, the screen says "saving…".
        #expect(driver.isWaiting)
        #expect(driver.state.savingPlan)
        #expect(driver.state.status?.text == Str.planSaving.text(.th))
        #expect(try store.auditTrail(person: person).count == before)
        #expect(!gate.effectsPerformed.contains { if case .savePlan = $0 { true } else { false } })
        // A second `s` while the first is on its way sends nothing more (it would be refused as stale).
        driver.send(.key(.char("s")))
        driver.settleFrame()
        #expect(driver.state.savingPlan)

        gate.open()
        driver.settle()
        #expect(!driver.isWaiting)
        #expect(!driver.state.savingPlan)
        #expect(driver.state.status?.text == Str.planSaved.text(.th))
        #expect(gate.effectsPerformed.filter { if case .savePlan = $0 { true } else { false } }.count == 1)
        let rows = try store.auditTrail(person: person).dropFirst(before).map(\.action)
        #expect(rows == ["save-plan"])
    }

    @Test("writes queued behind a blocked one are all carried out, in the order of the keys, before the program ends")
    func queuedWritesKeepOrder() throws {
        let (driver, gate, store, person, folder) = try Self.plannerOnPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        driver.carryOutInBackground()
        _ = person
        let before = try store.auditEntries().count
        gate.close()
        // Open another record from the people list (a view row), save the plan on screen, open another.
        let keys: [KeyEvent] = [.char("p"), .down, .enter, .escape, .char("n"), .char("s"), .char("p"), .down, .enter]
        for key in keys { driver.send(.key(key)) }
        #expect(try store.auditEntries().count == before)

        gate.open()
        driver.settle()   // what the loop does on quit and on a signal
        let rows = try store.auditEntries().dropFirst(before).map(\.action)
        #expect(rows == ["view", "save-plan", "view"])
    }

    @Test("without the background (tests, bench ui) a key's effects are carried out before it returns, as before")
    func synchronousDriverUnchanged() throws {
        let (driver, _, store, person, folder) = try Self.plannerOnPlan()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try store.auditTrail(person: person).count
        driver.send(.key(.char("s")))
        #expect(!driver.isWaiting)
        #expect(driver.state.status?.text == Str.planSaved.text(.th))
        #expect(try store.auditTrail(person: person).count == before + 1)
    }
}
