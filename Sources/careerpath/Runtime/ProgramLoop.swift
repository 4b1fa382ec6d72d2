import ArgumentParser
import CareerApp
import Foundation
import TerminalNcurses
import TerminalUI
import Glibc

/// A full-screen program: a state that changes only in `update`, a view that draws it, and the
/// effects `update` returns, carried out by the program itself (the planner's against the store
/// as one viewer, the kiosk's against the accounts and the signed-in user's store access).
/// `ProgramDriver` and `ProgramLoop` run any of them the same way.
protocol Program: AnyObject {
    associatedtype State
    associatedtype Event: TerminalEvents
    associatedtype Effect

    /// The one place the state changes.
    func update(_ state: inout State, _ event: Event) -> [Effect]
    /// Draws the state into a grid of its size (cleared first).
    func render(_ state: State, into grid: inout CellGrid)
    /// The size the state is laid out for.
    func size(of state: State) -> TerminalSize
    /// Carries out one effect: the events it answers with, or what only the loop can do.
    func perform(_ effect: Effect) -> EffectOutcome<Event>

    /// Whether `effect` touches nothing but the terminal (no store, no file), so it is carried out at
    /// once on the loop's thread even when the others go to the background (the kiosk's wipe).
    func isImmediate(_ effect: Effect) -> Bool

    /// The clock event due for `state` now, if any.
    func tick(_ state: State) -> Event?
    /// How often the loop asks for `tick` (0: after every read).
    var tickInterval: TimeInterval { get }
    /// A signal (SIGTERM, SIGHUP, or SIGINT and SIGQUIT where they are not keys) ended the loop:
    /// the program's last words to the store, and the exit code.
    func stopped(by signal: Int32) -> Int32
}

/// A program's events for what the terminal reports (the cases of `AppEvent` and `KioskEvent`).
protocol TerminalEvents {
    static func key(_ key: KeyEvent) -> Self
    static func mouse(_ mouse: MouseEvent) -> Self
    static func resize(width: Int, height: Int) -> Self
}

extension Program {
    func isImmediate(_ effect: Effect) -> Bool { false }
}

extension AppEvent: TerminalEvents {}
extension KioskEvent: TerminalEvents {}

/// What carrying out an effect led to.
enum EffectOutcome<Event> {
    /// Events for `update`.
    case events([Event])
    /// The program ends (exit 0).
    case quit
    /// Forget what the terminal shows and paint everything again (the kiosk's wipe).
    case repaintAll
}

/// A program's state with its update and effect queue, drawn into a pair of reused cell grids so
/// each frame costs a render and a diff, not an allocation. No terminal: `ProgramLoop` adds it,
/// and `careerpath bench ui` and the tests drive this directly, so the bench measures exactly
/// what a key costs in the running program.
final class ProgramDriver<P: Program> {
    let program: P
    private(set) var state: P.State
    /// Set once an effect asked to quit.
    private(set) var quitRequested = false
    /// Set when an effect asked for a full repaint; the loop takes it.
    var repaintRequested = false
    private var current: CellGrid
    private var shown: CellGrid?

    init(_ program: P, state: P.State) {
        self.program = program
        self.state = state
        let size = program.size(of: state)
        current = CellGrid(width: size.width, height: size.height)
    }

    /// Applies an event and every event its effects lead to.
    func send(_ event: P.Event) {
        run(program.update(&state, event))
    }

    /// Where effects are carried out when not here, at once: set by `carryOutInBackground`.
    private(set) var worker: EffectWorker<P.Effect, P.Event>?

    /// Carries out effects (and the effects of the events they answer with), in order: here, before
    /// returning, or, once `carryOutInBackground` was called, handed to the worker (their answers
    /// are applied by `takeAnswers`).
    func run(_ effects: [P.Effect]) {
        if let worker {
            for effect in effects {
                if program.isImmediate(effect) { run(apply(program.perform(effect))) } else { worker.submit([effect]) }
            }
            return
        }
        var queue = effects[...]
        while let effect = queue.popFirst() {
            queue.append(contentsOf: apply(program.perform(effect)))
        }
    }

    /// From now on effects are carried out on a background thread, in order (`EffectWorker`): a key
    /// answers at once even when a write waits for the database; its answer comes with `takeAnswers`.
    func carryOutInBackground() {
        guard worker == nil else { return }
        let program = self.program
        worker = EffectWorker { program.perform($0) }
    }

    /// Effects handed to the worker and not answered yet.
    var isWaiting: Bool { (worker?.pendingCount ?? 0) > 0 }

    /// Applies the answers the worker has ready (handing it the effects they lead to). Returns
    /// whether there were any.
    @discardableResult
    func takeAnswers() -> Bool {
        guard let outcomes = worker?.takeOutcomes(), !outcomes.isEmpty else { return false }
        for outcome in outcomes { run(apply(outcome)) }
        return true
    }

    /// Waits until the worker has answered everything (and what the answers led to), or until
    /// `deadline`, applying the answers. On quit and on a signal with no deadline: nothing handed in is dropped.
    func settle(before deadline: Date? = nil) {
        guard let worker else { return }
        repeat {
            worker.waitUntilIdle(before: deadline)
        } while takeAnswers() && deadline.map { Date() < $0 } ?? true
    }

    /// Before a frame: the answers that come quickly (the usual case, no import running) are on the
    /// same frame as the key; slower ones are shown when they come (the key does not wait for them).
    func settleFrame() {
        settle(before: Date().addingTimeInterval(Self.answerWait))
    }

    /// How long a frame waits for the answers to its key's effects before it is painted without them.
    static var answerWait: TimeInterval { 0.05 }

    /// One effect's outcome applied to the state: the effects its events lead to.
    private func apply(_ outcome: EffectOutcome<P.Event>) -> [P.Effect] {
        switch outcome {
        case .events(let events):
            return events.flatMap { program.update(&state, $0) }
        case .quit:
            quitRequested = true
        case .repaintAll:
            repaintRequested = true
            shown = nil
        }
        return []
    }

    /// Forgets what is on the screen: the next frame is a full repaint (resize, Ctrl-L).
    func invalidate() {
        shown = nil
    }

    /// Renders the state and hands the new grid and the one on screen (nil: unknown, repaint
    /// everything) to `output`, which writes the difference; then the new grid is on screen.
    func frame(_ output: (_ grid: CellGrid, _ previous: CellGrid?) -> Void) {
        let size = program.size(of: state)
        if current.width != size.width || current.height != size.height {
            current = CellGrid(width: size.width, height: size.height)
        }
        program.render(state, into: &current)
        output(current, shown)
        // Swap the buffers; the old screen's storage is drawn over next time (no allocation).
        let drawn = current
        if let old = shown, old.width == drawn.width, old.height == drawn.height {
            current = old
        }
        shown = drawn
    }
}

/// The loop between the terminal and a program: read a key, update, carry out effects, paint the
/// difference; resize and Ctrl-L repaint everything; the clock ticks. It ends when an effect
/// quits or a recorded signal arrives; the caller restores the terminal.
@MainActor
struct ProgramLoop<P: Program> {
    let terminal: NcursesTerminal
    let driver: ProgramDriver<P>

    /// Opens the terminal, or says why it cannot (no tty, unknown TERM) with exit code 2.
    static func open(_ options: NcursesTerminal.Options) throws(ExitCode) -> NcursesTerminal {
        do {
            return try NcursesTerminal(options)
        } catch {
            throw failure("error: " + CommandError.terminal(error), code: error.exitCode)
        }
    }

    /// When the loop ends by itself: on quit, or (for `bench ui`) right after the first paint.
    enum Exit { case onQuit, afterFirstPaint }

    /// Sends `events`, carries out `effects`, paints, then runs until quit (0) or a signal
    /// (`Program.stopped(by:)`).
    func run(start events: [P.Event] = [], effects: [P.Effect] = [], exit: Exit = .onQuit) -> Int32 {
        for event in events { driver.send(event) }
        driver.run(effects)
        StartupTrace.mark("start effects done")
        paint()
        StartupTrace.mark("first screen painted")
        if exit == .afterFirstPaint { return 0 }

        let program = driver.program
        // From the first key on, effects are carried out in the background: a key answers at once even
        // while a save waits for an import's write lock; the answer is shown when it comes.
        driver.carryOutInBackground()
        let readTimeout = terminal.readTimeoutMilliseconds
        var lastTick = Date()
        while !driver.quitRequested {
            terminal.readTimeoutMilliseconds = driver.isWaiting ? min(readTimeout, Self.answerPoll) : readTimeout
            let input = terminal.readInput()
            if let signal = terminal.pendingSignal {
                // Every effect handed in is carried out (audit rows, saves) before the program's last words.
                driver.settle()
                return program.stopped(by: signal)
            }
            switch input {
            case .key(.resize)?:
                resize()
            case .key(.ctrl("l"))?:
                terminal.redrawAll()
                driver.invalidate()
            case .key(let key)?:
                driver.send(.key(key))
            case .mouse(let mouse)?:
                driver.send(.mouse(mouse))
            case nil:
                break
            }
            // A resize that ncurses has already taken in while keys were arriving.
            let size = program.size(of: driver.state)
            if terminal.width != size.width || terminal.height != size.height {
                resize()
            }
            if Date().timeIntervalSince(lastTick) >= program.tickInterval {
                lastTick = Date()
                if let tick = program.tick(driver.state) { driver.send(tick) }
            }
            driver.settleFrame()
            if driver.quitRequested { break }
            paint()
        }
        driver.settle()
        return 0
    }

    /// How often, in milliseconds, the loop looks for answers while some are awaited.
    static var answerPoll: Int32 { 20 }

    private func resize() {
        driver.send(.resize(width: terminal.width, height: terminal.height))
        terminal.redrawAll()
        driver.invalidate()
    }

    private func paint() {
        if driver.repaintRequested {
            driver.repaintRequested = false
            terminal.redrawAll()
        }
        let terminal = self.terminal
        driver.frame { grid, previous in terminal.flush(grid, previous: previous) }
    }
}
