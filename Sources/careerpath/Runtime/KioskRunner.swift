import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import TerminalNcurses
import TerminalUI
import Glibc

/// The kiosk's loop: keys and clock ticks into `kioskUpdate`, its effects against the accounts
/// and the store (always with the signed-in user's `viewer`), frames out through ncurses.
@MainActor
final class KioskRunner {
    private let terminal: NcursesTerminal
    private let store: SQLiteRecordStore
    private let accounts: AccountService
    private let operatorHash: PINHash?
    private var state: KioskState
    /// The signed-in user as the store knows them; nil on the sign-in screen.
    private var user: SignedInUser?
    /// The planner's effects for this user only; replaced at each sign-in, dropped at sign-out.
    private var effects: EffectRunner?
    private var exitRequested = false
    private var current: CellGrid
    private var shown: CellGrid?

    init(terminal: NcursesTerminal, catalog: Catalog, store: SQLiteRecordStore, config: KioskConfig, operatorHash: PINHash?) {
        self.terminal = terminal
        self.store = store
        self.accounts = AccountService(store: store, hasher: PINCost.hasher)
        self.operatorHash = operatorHash
        var state = KioskState(catalog: catalog, config: config, today: DateText.today(),
                               size: TerminalSize(width: terminal.width, height: terminal.height), now: Date())
        state.glyphs = terminal.capabilities.glyphs
        self.state = state
        current = CellGrid(width: terminal.width, height: terminal.height)
    }

    /// Runs until the operator exit (0) or SIGTERM (0) / SIGHUP (129).
    func run() -> Int32 {
        paint()
        var today = state.today
        while !exitRequested {
            let input = terminal.readInput()
            if let signal = terminal.pendingSignal {
                endSessionForShutdown()
                return signal == SIGTERM ? 0 : 128 + signal
            }
            var changed = false
            var key: KeyEvent?
            switch input {
            case .key(let k)?: key = k
            case .mouse(let mouse)?:
                send(.mouse(mouse))
                changed = true
            case nil: key = nil
            }
            switch key {
            case .resize?:
                resize()
                changed = true
            case .ctrl("l")?:
                terminal.redrawAll()
                shown = nil
                changed = true
            case let key?:
                send(.key(key))
                changed = true
            case nil:
                break
            }
            if terminal.width != state.size.width || terminal.height != state.size.height {
                resize()
                changed = true
            }
            let date = DateText.today()
            let before = tickSignature
            send(.tick(today: date != today ? date : nil))
            today = date
            if changed || tickSignature != before { paint() }
        }
        return 0
    }

    /// What a tick can change on screen (the warning's countdown, a wipe).
    private var tickSignature: [Int] {
        [state.session?.warningSecondsLeft ?? -1, state.session?.warningSince == nil ? 0 : 1,
         state.signedInPersonID == nil ? 0 : 1, state.operatorPrompt == nil ? 0 : 1,
         state.signInForm?.hasInput == true ? 1 : 0]
    }

    private func send(_ event: KioskEvent) {
        var queue = kioskUpdate(&state, event, now: Date())[...]
        while let effect = queue.popFirst() {
            for answer in perform(effect) {
                queue.append(contentsOf: kioskUpdate(&state, answer, now: Date()))
            }
        }
    }

    private func perform(_ effect: KioskEffect) -> [KioskEvent] {
        switch effect {
        case .signIn(let employeeID, let pin):
            do {
                switch try accounts.signIn(personID: employeeID, pin: pin, screen: "kiosk:sign-in") {
                case .signedIn(let signedIn):
                    user = signedIn
                    // Every store call of the session is made as this user: a supervisor's viewer
                    // refuses anyone outside their chain below the UI.
                    effects = EffectRunner(store: store, viewer: signedIn.viewer, screenPrefix: "kiosk")
                    return [.signInResult(.signedIn(personID: signedIn.personID, supervises: try supervises(signedIn)))]
                case .refused(.incorrect):
                    return [.signInResult(.incorrect)]
                case .refused(.locked(let until)):
                    return [.signInResult(.locked(until: SignInRefusal.clockText(until, timeZone: .current)))]
                }
            } catch {
                return [.signInResult(.failed("database"))]
            }
        case .app(let appEffect):
            guard let effects else { return [] }
            return effects.perform(appEffect).map(KioskEvent.app)
        case .endSession(_, let reason, let screen):
            guard let user else { return [] }
            // The audit row must not keep the screen from being wiped.
            switch reason {
            case .timeout: try? accounts.timedOut(user, screen: "kiosk:" + screen)
            case .signOut, .shutdown: try? accounts.signOut(user, screen: "kiosk:" + screen)
            }
            self.user = nil
            effects = nil
            return []
        case .wipeScreen:
            terminal.redrawAll()
            shown = nil
            return []
        case .verifyOperatorPIN(let text):
            guard let operatorHash else { return [.operatorPINChecked(.notConfigured)] }
            let accepted = (try? PIN(text)).map { PINCost.hasher.verify($0, against: operatorHash) } ?? false
            try? store.audit(actor: .system, subject: nil, action: accepted ? "operator-exit" : "operator-exit-refused",
                             screen: "kiosk:operator")
            return [.operatorPINChecked(accepted ? .accepted : .refused)]
        case .exit:
            exitRequested = true
            return []
        }
    }

    /// Whether the signed-in user gets supervisor mode: they have subordinates (the store's
    /// supervisor role says so; an HR officer may have some too).
    private func supervises(_ user: SignedInUser) throws -> Bool {
        switch user.role {
        case .supervisor: return true
        case .person: return false
        case .hr: return try !store.directReports(of: user.personID, viewer: user.viewer).isEmpty
        }
    }

    private func endSessionForShutdown() {
        guard let user else { return }
        try? accounts.signOut(user, screen: "kiosk:shutdown")
        self.user = nil
    }

    private func resize() {
        send(.resize(width: terminal.width, height: terminal.height))
        terminal.redrawAll()
        shown = nil
    }

    private func paint() {
        if current.width != state.size.width || current.height != state.size.height {
            current = CellGrid(width: state.size.width, height: state.size.height)
        }
        KioskView.render(state, into: &current)
        terminal.flush(current, previous: shown)
        let drawn = current
        if let old = shown, old.width == drawn.width, old.height == drawn.height { current = old }
        shown = drawn
    }
}
