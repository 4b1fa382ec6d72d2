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
        return signal == SIGTERM ? 0 : 128 + signal
    }

    func perform(_ effect: KioskEffect) -> EffectOutcome<KioskEvent> {
        switch effect {
        case .wipeScreen: return .repaintAll
        case .exit: return .quit
        default: return .events(answer(effect))
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
        case .wipeScreen, .exit:
            return []
        case .verifyOperatorPIN(let text):
            guard let operatorHash else { return [.operatorPINChecked(.notConfigured)] }
            let accepted = (try? PIN(text)).map { PINCost.hasher.verify($0, against: operatorHash) } ?? false
            try? store.audit(actor: .system, subject: nil, action: accepted ? "operator-exit" : "operator-exit-refused",
                             screen: "kiosk:operator")
            return [.operatorPINChecked(accepted ? .accepted : .refused)]
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
}
