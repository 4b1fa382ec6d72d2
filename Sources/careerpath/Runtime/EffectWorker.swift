import Foundation

/// Carries out a program's effects on one background thread, one at a time and in the order they
/// were handed in, so the program loop answers a key at once even while a write waits for the
/// database (an HR import holds SQLite's write lock while it copies its rows in: seconds for a whole
/// department). Nothing is dropped: every effect handed in is carried out, and `waitUntilIdle` (on
/// quit and on a signal) waits for the last one.
///
///     let worker = EffectWorker { effect in program.perform(effect) }
///     worker.submit([.savePlan(…)])                  // returns at once
///     for outcome in worker.takeOutcomes() { … }     // the answers carried out so far, in order
///
/// The `perform` closure runs on the worker's thread only; the loop's thread only hands effects in
/// and takes outcomes out (under one lock), so a program's effect-side state (the kiosk's signed-in
/// user, the runner's caches) is touched by one thread at a time.
final class EffectWorker<Effect, Event>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Effect] = []
    private var outcomes: [EffectOutcome<Event>] = []
    /// An effect is being carried out now.
    private var running = false
    /// Set by `stop`: the thread ends once the queue is empty.
    private var stopping = false
    private var thread: Thread?
    private let perform: (Effect) -> EffectOutcome<Event>

    init(perform: @escaping (Effect) -> EffectOutcome<Event>) {
        self.perform = perform
    }

    /// Queues `effects` behind those not carried out yet and returns without waiting for them.
    func submit(_ effects: [Effect]) {
        guard !effects.isEmpty else { return }
        condition.lock()
        queue.append(contentsOf: effects)
        if thread == nil {
            let thread = Thread { [self] in work() }
            thread.name = "careerpath effects"
            self.thread = thread
            thread.start()
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The outcomes of the effects carried out since the last call, in order.
    func takeOutcomes() -> [EffectOutcome<Event>] {
        condition.lock()
        defer { condition.unlock() }
        let taken = outcomes
        outcomes.removeAll()
        return taken
    }

    /// Effects handed in and not carried out yet (queued or running).
    var pendingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count + (running ? 1 : 0)
    }

    /// Waits until every effect handed in is carried out, or until `deadline`. Returns whether all were.
    @discardableResult
    func waitUntilIdle(before deadline: Date? = nil) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !queue.isEmpty || running {
            // (No `wait(until: .distantFuture)`: Foundation on Linux traps converting it to a timespec.)
            guard let deadline else { condition.wait(); continue }
            if !condition.wait(until: deadline) { return queue.isEmpty && !running }
        }
        return true
    }

    /// Lets the thread end once every effect handed in is carried out (the worker takes no more).
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty {
                thread = nil
                condition.unlock()
                return
            }
            let effect = queue.removeFirst()
            running = true
            condition.unlock()

            let outcome = perform(effect)

            condition.lock()
            outcomes.append(outcome)
            running = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
