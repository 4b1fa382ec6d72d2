import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import TerminalUI
import Glibc

/// The kiosk (`careerpath kiosk`) as a `Program`: `kioskUpdate` and `KioskView`, its effects
/// against the accounts and the store (always with the signed-in user's `viewer`).
final class KioskProgram: Program {
    private let store: SQLiteRecordStore
    private let accounts: AccountService
    private let operatorHash: PINHash?
    /// The signed-in user as the store knows them; nil on the sign-in screen.
    private var user: SignedInUser?
    /// The planner's effects for this user only; replaced at each sign-in, dropped at sign-out.
    private var effects: EffectRunner?
    /// Session-end audit rows the database did not take yet (it stayed busy past its wait): tried
    /// again before every effect and before exit, in order, never dropped. Effects are carried out on
    /// the loop's effect thread (`EffectWorker`), so a try that waits never holds up a key.
    private var unwrittenAudits: [() throws -> Void] = []

    /// The competency dictionary assessments are checked against.
    private let catalog: Catalog?

    init(store: SQLiteRecordStore, operatorHash: PINHash?, catalog: Catalog? = nil) {
        self.catalog = catalog
        self.store = store
        self.accounts = AccountService(store: store, hasher: PINCost.hasher)
        self.operatorHash = operatorHash
    }

    func update(_ state: inout KioskState, _ event: KioskEvent) -> [KioskEffect] {
        kioskUpdate(&state, event, now: Date())
    }

    func render(_ state: KioskState, into grid: inout CellGrid) {
        KioskView.render(state, into: &grid)
    }

    func size(of state: KioskState) -> TerminalSize { state.size }

    /// Every read (a quarter of a second): the idle clock, and the date when it changed.
    func tick(_ state: KioskState) -> KioskEvent? {
        let today = DateText.today()
        return .tick(today: today != state.today ? today : nil)
    }

    var tickInterval: TimeInterval { 0 }

    /// SIGTERM (0) or SIGHUP (129) end the kiosk: the open session is signed out first.
    func stopped(by signal: Int32) -> Int32 {
        endSessionForShutdown()
        writeUnwrittenAudits(attempts: 3)
        return signal == SIGTERM ? 0 : 128 + signal
    }

    /// The wipe is not held up by a session-end audit row waiting for the database.
    func isImmediate(_ effect: KioskEffect) -> Bool { effect == .wipeScreen }

    func perform(_ effect: KioskEffect) -> EffectOutcome<KioskEvent> {
        switch effect {
        case .wipeScreen: return .repaintAll
        case .exit:
            writeUnwrittenAudits(attempts: 3)
            return .quit
        default:
            writeUnwrittenAudits(attempts: 1)
            return .events(answer(effect))
        }
    }

    private func answer(_ effect: KioskEffect) -> [KioskEvent] {
        switch effect {
        case .signIn(let employeeID, let pin):
            do {
                switch try accounts.signIn(personID: employeeID, pin: pin, screen: "kiosk:sign-in") {
                case .signedIn(let signedIn):
                    user = signedIn
                    // Every store call of the session is made as this user: a supervisor's viewer
                    // refuses anyone outside their chain below the UI.
                    effects = EffectRunner(store: store, viewer: signedIn.viewer, screenPrefix: "kiosk", catalog: catalog)
                    return [.signInResult(.signedIn(personID: signedIn.personID, supervises: try supervises(signedIn)))]
                case .refused(.incorrect):
                    return [.signInResult(.incorrect)]
                case .refused(.locked(let until)):
                    return [.signInResult(.locked(until: SignInRefusal.clockText(until, timeZone: .current)))]
                }
            } catch {
                // A central server that cannot be reached says so; the typed ID stays (the next Enter retries).
                guard error is StoreUnavailable else { return [.signInResult(.failed("database"))] }
                return [.signInResult(.failed("database server unreachable")), .storeUnavailable(at: Date())]
            }
        case .app(let appEffect):
            guard let effects else { return [] }
            return effects.perform(appEffect).map(KioskEvent.app)
        case .endSession(_, let reason, let screen):
            guard let user else { return [] }
            // The audit row must not keep the screen from being wiped.
            let accounts = accounts
            switch reason {
            case .timeout: writeAudit { try accounts.timedOut(user, screen: "kiosk:" + screen) }
            case .signOut, .shutdown: writeAudit { try accounts.signOut(user, screen: "kiosk:" + screen) }
            }
            self.user = nil
            effects = nil
            return []
        case .connectStore:
            // Anything but success (a newer schema, a refused login too) is tried again later.
            if case .storeAvailable = EffectRunner.connect(store) { return [.storeAvailable] }
            return [.storeUnavailable(at: Date())]
        case .wipeScreen, .exit:
            return []
        case .verifyOperatorPIN(let text):
            guard let operatorHash else { return [.operatorPINChecked(.notConfigured)] }
            do {
                switch try accounts.checkOperatorPIN(text, against: operatorHash) {
                case .accepted: return [.operatorPINChecked(.accepted)]
                case .refused: return [.operatorPINChecked(.refused)]
                case .locked(let until): return [.operatorPINChecked(.locked(until: SignInRefusal.clockText(until, timeZone: .current)))]
                }
            } catch {
                return [.operatorPINChecked(.failed("database"))]
            }
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
        let accounts = accounts
        writeAudit { try accounts.signOut(user, screen: "kiosk:shutdown") }
        self.user = nil
    }

    /// Writes an audit row now, or keeps it for a later try when the database cannot take it yet.
    private func writeAudit(_ write: @escaping () throws -> Void) {
        writeUnwrittenAudits(attempts: 1)
        guard unwrittenAudits.isEmpty else { unwrittenAudits.append(write); return }
        do { try write() } catch { unwrittenAudits.append(write) }
    }

    /// Writes the kept audit rows in order, each try waiting up to the store's busy time-out.
    private func writeUnwrittenAudits(attempts: Int) {
        guard !unwrittenAudits.isEmpty else { return }
        for _ in 0..<attempts {
            while let write = unwrittenAudits.first {
                do { try write(); unwrittenAudits.removeFirst() } catch { break }
            }
            if unwrittenAudits.isEmpty { return }
        }
        if attempts > 1 {
            Output.errorLine("careerpath kiosk: \(unwrittenAudits.count) session-end audit row(s) could not be written")
        }
    }
}
