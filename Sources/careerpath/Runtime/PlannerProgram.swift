import CareerApp
import CareerCatalog
import Foundation
import TerminalUI
import Glibc

/// The planner (`careerpath`, the TUI) as a `Program`: `CareerApp.update` and `AppView`, its
/// effects carried out by an `EffectRunner` against the store as one viewer.
final class PlannerProgram: Program {
    let runner: EffectRunner

    init(runner: EffectRunner) {
        self.runner = runner
    }

    func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        CareerApp.update(&state, event)
    }

    func render(_ state: AppState, into grid: inout CellGrid) {
        AppView.render(state, into: &grid)
    }

    func size(of state: AppState) -> TerminalSize { state.size }

    func perform(_ effect: Effect) -> EffectOutcome<AppEvent> {
        effect == .quit ? .quit : .events(runner.perform(effect))
    }

    /// A new day (a session left open over midnight): the dates and the time in level move on.
    /// While the central database is away, its next try when due.
    func tick(_ state: AppState) -> AppEvent? {
        let today = DateText.today()
        if today != state.today { return .tick(today: today) }
        return state.storeLink.isDue(Date()) ? .storeRetryDue : nil
    }

    /// The clock is asked every second while no key comes (a try to reach the database may be due).
    var tickInterval: TimeInterval { 1 }

    /// Ctrl-C is the quit key (the keymap binds it; in cbreak mode it comes as SIGINT), and
    /// Ctrl-\ (SIGQUIT) quits the same way rather than dumping core; SIGTERM and SIGHUP exit 128 + n.
    func stopped(by signal: Int32) -> Int32 {
        signal == SIGINT || signal == SIGQUIT ? 0 : 128 + signal
    }
}

/// The planner's driver (what `bench ui` times and the TUI's loop runs).
typealias PlannerDriver = ProgramDriver<PlannerProgram>

extension ProgramDriver where P == PlannerProgram {
    /// A planner driver on `state`, its effects carried out by `runner`.
    convenience init(state: AppState, runner: EffectRunner) {
        self.init(PlannerProgram(runner: runner), state: state)
    }
}
