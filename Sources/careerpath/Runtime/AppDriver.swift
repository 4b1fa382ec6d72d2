import CareerApp
import TerminalUI

/// The app between the terminal and the store: feeds events to `update`, carries out the
/// effects it returns (through `perform`, until none are left), and draws frames into a pair of
/// reused cell grids so each frame costs a render and a diff, not an allocation.
///
/// The TUI loop and `careerpath bench ui` both drive the app through this type, so the bench
/// measures exactly what a key costs in the running program.
final class AppDriver {
    private(set) var state: AppState
    private let perform: (Effect) -> [AppEvent]
    /// Set once an effect asked to quit.
    private(set) var quitRequested = false
    private var current: CellGrid
    private var shown: CellGrid?

    /// `perform` carries out one effect and answers with events (`EffectRunner.perform`).
    init(state: AppState, perform: @escaping (Effect) -> [AppEvent]) {
        self.state = state
        self.perform = perform
        current = CellGrid(width: state.size.width, height: state.size.height)
    }

    /// Applies an event and every event its effects lead to.
    func send(_ event: AppEvent) {
        run(update(&state, event))
    }

    /// Carries out effects (and the effects of the events they answer with), in order.
    func run(_ effects: [Effect]) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            if effect == .quit { quitRequested = true; continue }
            for event in perform(effect) { queue.append(contentsOf: update(&state, event)) }
        }
    }

    /// Changes things the update function does not own (glyphs for the terminal at hand).
    func configure(_ change: (inout AppState) -> Void) {
        change(&state)
    }

    /// Forgets what is on the screen: the next frame is a full repaint (resize, Ctrl-L).
    func invalidate() {
        shown = nil
    }

    /// Renders the state and hands the new grid and the one on screen (nil: unknown, repaint
    /// everything) to `output`, which writes the difference; then the new grid is on screen.
    func frame(_ output: (_ grid: CellGrid, _ previous: CellGrid?) -> Void) {
        if current.width != state.size.width || current.height != state.size.height {
            current = CellGrid(width: state.size.width, height: state.size.height)
        }
        AppView.render(state, into: &current)
        output(current, shown)
        // Swap the buffers; the old screen's storage is drawn over next time (no allocation).
        let drawn = current
        if let old = shown, old.width == drawn.width, old.height == drawn.height {
            current = old
        }
        shown = drawn
    }
}
