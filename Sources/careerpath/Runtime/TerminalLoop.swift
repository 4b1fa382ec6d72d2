import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import LocalSystem
import TerminalNcurses
import TerminalUI
import Glibc

/// The loop between the terminal and the app: read a key, update, carry out effects, paint the
/// difference. Signals (SIGTERM, SIGHUP, SIGINT from Ctrl-C) end it; the caller restores the terminal.
@MainActor
struct TerminalLoop {
    let terminal: NcursesTerminal
    let driver: AppDriver
    var today: CivilDate
    /// How often an idle loop asks for today's date (a session left open over midnight).
    private let tickInterval: TimeInterval = 30

    init(terminal: NcursesTerminal, driver: AppDriver, today: CivilDate) {
        self.terminal = terminal
        self.driver = driver
        self.today = today
    }

    /// Opens the terminal, or says why it cannot (no tty, unknown TERM) with exit code 2.
    static func open(_ options: NcursesTerminal.Options) throws(ExitCode) -> NcursesTerminal {
        do {
            return try NcursesTerminal(options)
        } catch {
            throw failure("error: " + CommandError.terminal(error), code: error.exitCode)
        }
    }

    /// When the loop ends by itself: on quit (the TUI), or for `bench ui` after the first paint
    /// or once the full catalog is in place as well.
    enum Exit { case onQuit, afterFirstPaint, whenReady }

    /// Runs until quit or a signal; returns the exit code (0 for q, F10 and Ctrl-C).
    /// `fullCatalog`: when the first screen was drawn from the names-only preview, the catalog
    /// still loading; it is put in place before the first key is handled (keys typed meanwhile
    /// wait in the terminal's input queue). Its errors end the loop (thrown, terminal restored).
    mutating func run(personID: String?, exit: Exit = .onQuit, fullCatalog: (() throws -> Catalog)? = nil) throws -> Int32 {
        driver.send(.resize(width: terminal.width, height: terminal.height))
        driver.run(AppState.startEffects(personID: personID))
        StartupTrace.mark("people listed")
        paint()
        StartupTrace.mark("first screen painted")
        if exit == .afterFirstPaint { return 0 }
        if let fullCatalog {
            let catalog = try fullCatalog()
            driver.configure { $0.replaceCatalog(catalog) }
            paint()
            StartupTrace.mark("catalog in place")
        }
        if exit == .whenReady { return 0 }

        var lastTick = Date()
        while !driver.quitRequested {
            let input = terminal.readInput()
            if let signal = terminal.pendingSignal {
                // Ctrl-C is the quit key (the keymap binds it; in cbreak mode it comes as SIGINT).
                return signal == SIGINT ? 0 : 128 + signal
            }
            var key: KeyEvent?
            switch input {
            case .key(let k)?: key = k
            case .mouse(let mouse)?: driver.send(.mouse(mouse))
            case nil: key = nil
            }
            switch key {
            case .resize?:
                resize()
            case .ctrl("l")?:
                terminal.redrawAll()
                driver.invalidate()
            case let key?:
                driver.send(.key(key))
            case nil:
                if Date().timeIntervalSince(lastTick) >= tickInterval {
                    lastTick = Date()
                    let now = DateText.today()
                    if now != today {
                        today = now
                        driver.send(.tick(today: now))
                    }
                }
            }
            // A resize that ncurses has already taken in while keys were arriving.
            if terminal.width != driver.state.size.width || terminal.height != driver.state.size.height {
                resize()
            }
            if driver.quitRequested { break }
            paint()
        }
        return 0
    }

    private func resize() {
        driver.send(.resize(width: terminal.width, height: terminal.height))
        terminal.redrawAll()
        driver.invalidate()
    }

    private func paint() {
        let terminal = self.terminal
        driver.frame { grid, previous in terminal.flush(grid, previous: previous) }
    }
}
