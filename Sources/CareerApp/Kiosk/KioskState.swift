import CareerCatalog
import CareerEngine
import Foundation
import TerminalUI

/// How a kiosk runs; fixed for the life of the process.
public struct KioskConfig: Sendable, Hashable {
    /// Seconds without a key before the idle warning (`--idle`, default 120).
    public var idleSeconds: TimeInterval
    /// Seconds the idle warning counts down before the session is wiped.
    public var warningSeconds: TimeInterval
    /// The language every fresh sign-in screen starts in.
    public var language: Language
    /// False on terminals that cannot show Thai: the kiosk stays in English.
    public var thaiAvailable: Bool
    /// Whether an operator PIN hash is configured (else only SIGTERM ends the kiosk).
    public var operatorExitConfigured: Bool

    public init(idleSeconds: TimeInterval = 120, warningSeconds: TimeInterval = 10, language: Language = .th,
                thaiAvailable: Bool = true, operatorExitConfigured: Bool = true) {
        self.idleSeconds = max(1, idleSeconds)
        self.warningSeconds = max(0, warningSeconds)
        self.thaiAvailable = thaiAvailable
        self.language = thaiAvailable ? language : .en
        self.operatorExitConfigured = operatorExitConfigured
    }
}

/// The line under the sign-in fields (and the operator prompt's field).
public enum KioskMessage: Sendable, Hashable {
    case missingID, missingPIN, incorrect
    /// The ID and PIN were sent and the answer has not come yet (the form takes no keys meanwhile).
    case checking
    /// Locked until this local time (HH:MM), as `SignInRefusal.clockText` writes it.
    case locked(until: String)
    case signInFailed(String)
    case signedOut, timedOut
    case operatorRefused, operatorNotConfigured, operatorCheckFailed(String)

    public func text(_ language: Language) -> String {
        switch self {
        case .missingID: return KioskText.missingID.text(language)
        case .missingPIN: return KioskText.missingPIN.text(language)
        case .incorrect: return KioskText.incorrect.text(language)
        case .checking: return KioskText.checking.text(language)
        case .locked(let until): return KioskText.lockedUntil.format(language, until)
        case .signInFailed(let why): return KioskText.signInFailed.format(language, why)
        case .signedOut: return KioskText.signedOut.text(language)
        case .timedOut: return KioskText.timedOut.text(language)
        case .operatorRefused: return KioskText.operatorRefused.text(language)
        case .operatorNotConfigured: return KioskText.operatorNotConfigured.text(language)
        case .operatorCheckFailed(let why): return KioskText.operatorCheckFailed.format(language, why)
        }
    }

    /// Whether the message reports a refusal (drawn as an error) rather than a plain fact.
    public var isError: Bool {
        switch self {
        case .signedOut, .timedOut, .checking: return false
        default: return true
        }
    }
}

/// The two fields of the sign-in screen.
public enum KioskField: Sendable, Hashable {
    case employeeID, pin
}

/// The sign-in screen: what has been typed and the message line.
public struct KioskSignInForm: Sendable, Hashable {
    public var employeeID = InputFieldState(maxLength: 20)
    /// Digits only; drawn masked and emptied after every attempt.
    public var pin = InputFieldState(maxLength: PINDigits.maxLength)
    public var focus: KioskField = .employeeID
    public var message: KioskMessage?

    public init(message: KioskMessage? = nil) { self.message = message }

    /// Whether anything has been typed (an idle kiosk clears a half-typed form).
    public var hasInput: Bool { !employeeID.text.isEmpty || !pin.text.isEmpty }
}

/// The PIN digits the kiosk fields accept; the store's `PIN` type validates the rest.
public enum PINDigits {
    public static let maxLength = 12

    /// ASCII 0–9 and Thai digits ๐–๙ (the store reads both as the same PIN).
    public static func accepts(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first else { return false }
        return ("0"..."9").contains(scalar) || (0x0E50...0x0E59).contains(scalar.value)
    }
}

/// A signed-in person's session: the planner's state for them alone, or for a supervisor the
/// split pane of their subordinates as well (supervisor mode, as `careerpath --as ID` runs it).
public struct KioskSession: Sendable {
    /// The signed-in person; every record request of the session is for this ID or, for a
    /// supervisor, for someone in `reach`.
    public let personID: String
    /// Whether the person has subordinates: the session opens on supervisor mode's split pane.
    public let supervises: Bool
    public internal(set) var app: AppState
    /// Everyone below the supervisor in their chain, as the store listed them under the
    /// supervisor's viewer (empty until listed, and always for a person without subordinates).
    public internal(set) var reach: Set<String> = []
    /// The supervisor's own record, kept while the planner's single session slot holds a
    /// subordinate's: back on the split pane, the individual screens are theirs again.
    var ownSession: PersonSession?
    /// When the idle warning appeared (nil: no warning).
    public internal(set) var warningSince: Date?
    /// Whole seconds left on the warning's countdown, as last drawn.
    public internal(set) var warningSecondsLeft: Int = 0

    init(personID: String, supervises: Bool, app: AppState) {
        self.personID = personID
        self.supervises = supervises
        self.app = app
    }

    /// The planner screens this session may show: the person's own, plus the split pane for a supervisor.
    public var screens: Set<Screen> {
        supervises ? KioskSession.ownScreens.union([.supervisor]) : KioskSession.ownScreens
    }

    /// The individual screens (no person picker).
    static let ownScreens: Set<Screen> = [.me, .paths, .gaps, .plan, .catalog]

    /// Whether the record of `id` is one this session may load or save a plan for.
    func mayView(_ id: String) -> Bool { id == personID || reach.contains(id) }

    /// Whether a planner effect is one this session may carry out: the allow-list of a kiosk.
    /// Anything not named here (listing everyone, exports to the shared disk, quitting, effects
    /// added to the planner later) is refused.
    public func allows(_ effect: Effect) -> Bool {
        switch effect {
        case .loadPerson(let id): return mayView(id)
        case .savePlan(let plan, _, _): return mayView(plan.person.id)
        case .loadSavedPlan(let id, _): return mayView(id)
        case .submitPlan(let id, _, _): return id == personID
        // The person, or their supervisor (a subordinate opened full screen from the split pane).
        case .recordProgress(let id, _, _, _, _): return id == personID || reach.contains(id)
        case .startPlanVersion(let plan, _, _): return plan.person.id == personID
        case .loadPlans(let id): return mayView(id)
        case .recordSelfAssessment(let id, _, _, _, _): return id == personID
        // Supervisor mode starts from the people list, which the store limits to the
        // supervisor's chain; the picker that would show it is never opened at a kiosk.
        case .listPeople: return supervises
        case .supervisor(let work):
            guard supervises else { return false }
            switch work {
            case .listSubordinates(let id): return id == personID
            case .loadPlan(let id): return reach.contains(id)
            case .reviewPlan(let id, _, _, _): return reach.contains(id)
            case .recordAssessment(let id, _, _, _, _): return reach.contains(id)
            case .confirmStep(let id, _, _): return reach.contains(id)
            }
        default: return false
        }
    }
}

/// The operator's exit prompt (opened with Ctrl-]).
public struct OperatorPrompt: Sendable, Hashable {
    public var pin = InputFieldState(maxLength: PINDigits.maxLength)
    public var message: KioskMessage?
}

/// Where the kiosk is: signing in, or in someone's session.
public enum KioskPhase: Sendable {
    case signIn(KioskSignInForm)
    case session(KioskSession)
}

/// The whole state of a kiosk terminal: a value changed only by `kioskUpdate(_:_:now:)`.
///
/// Wrapping `AppState` rather than extending it keeps the kiosk's rules (who may be loaded,
/// which keys never leave, the idle clock) in one place the planner does not have to know.
public struct KioskState: Sendable {
    public let catalog: Catalog
    let analyzer: GapAnalyzer
    public let config: KioskConfig
    public internal(set) var today: CivilDate
    public internal(set) var size: TerminalSize
    /// Box drawing and marks the terminal can show (the runner's, from its capabilities).
    public let glyphs: Glyphs
    /// The sign-in screen's language (a session carries its own in `app`).
    public internal(set) var language: Language
    public internal(set) var phase: KioskPhase
    public internal(set) var operatorPrompt: OperatorPrompt?
    /// The last key (or sign-in) — the idle clock runs from here.
    public internal(set) var lastActivity: Date
    /// Set once the operator PIN was accepted: the runner exits.
    public internal(set) var exiting = false
    /// Whether the central database answers; while it does not, the bottom line says so and the
    /// clock asks for tries (`StoreLink`). What is typed in the sign-in form stays meanwhile.
    public internal(set) var storeLink = StoreLink()

    /// A kiosk on a fresh sign-in screen.
    public init(catalog: Catalog, analyzer: GapAnalyzer? = nil, config: KioskConfig, today: CivilDate,
                size: TerminalSize = .minimum, now: Date, glyphs: Glyphs = .unicode) {
        self.catalog = catalog
        self.glyphs = glyphs
        self.analyzer = analyzer ?? GapAnalyzer(catalog: catalog)
        self.config = config
        self.today = today
        self.size = size
        self.language = config.language
        self.phase = .signIn(KioskSignInForm())
        self.lastActivity = now
    }

    /// The signed-in person, or nil on the sign-in screen.
    public var signedInPersonID: String? {
        if case .session(let s) = phase { return s.personID }
        return nil
    }

    /// The session, when someone is signed in.
    public var session: KioskSession? {
        if case .session(let s) = phase { return s }
        return nil
    }

    /// The sign-in form, when no one is signed in.
    public var signInForm: KioskSignInForm? {
        if case .signIn(let f) = phase { return f }
        return nil
    }

    /// The language on screen now.
    public var currentLanguage: Language { session?.app.language ?? language }
}
