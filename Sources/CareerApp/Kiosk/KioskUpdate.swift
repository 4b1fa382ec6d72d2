import CareerCatalog
import CareerEngine
import Foundation
import TerminalUI

/// What the kiosk reacts to: keys, the terminal's size, the clock, and the answers to its effects.
public enum KioskEvent: Sendable {
    case key(KeyEvent)
    /// A click or the wheel: in a session what the planner does with it, within the kiosk's key rules.
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The runner's clock tick (several a second); `today` is set when the date changed.
    case tick(today: CivilDate?)
    /// The answer to `KioskEffect.signIn`.
    case signInResult(KioskSignInResult)
    /// An answer to a planner effect of the session (`KioskEffect.app`).
    case app(AppEvent)
    /// The answer to `KioskEffect.verifyOperatorPIN`.
    case operatorPINChecked(OperatorPINCheck)
    /// The central database could not be reached at `at` (at start, at a sign-in, or a `connectStore` try).
    case storeUnavailable(at: Date)
    /// A `connectStore` try succeeded.
    case storeAvailable
}

/// How a sign-in attempt ended, as the kiosk needs to show it. The runner maps the store's
/// `SignInOutcome` onto it; neither refusal says whether the ID exists.
public enum KioskSignInResult: Sendable, Hashable {
    /// Signed in; `supervises` when the person has subordinates (the session opens on supervisor mode).
    case signedIn(personID: String, supervises: Bool = false)
    case incorrect
    /// Locked until this local time (HH:MM).
    case locked(until: String)
    /// The database failed (not the person's fault): a short reason for the staff.
    case failed(String)
}

/// How an operator PIN check ended.
public enum OperatorPINCheck: Sendable, Hashable {
    case accepted, refused, notConfigured
    /// Too many wrong operator PINs: refused until this local time (HH:MM).
    case locked(until: String)
    case failed(String)
}

/// Why a session ended (the audit row the runner writes through `AccountService`).
public enum KioskSessionEnd: String, Sendable, Hashable {
    case signOut = "sign-out"
    case timeout
    /// The operator closed the kiosk (or SIGTERM) with someone signed in.
    case shutdown
}

/// Work for the runner; values, so tests assert exactly what would happen.
public enum KioskEffect: Sendable, Hashable, CustomStringConvertible {
    /// Check the ID and PIN (`AccountService.signIn`); answer with `.signInResult`.
    case signIn(employeeID: String, pin: String)
    /// A planner effect for the signed-in person, already checked to concern only them.
    case app(Effect)
    /// Write the end of the session to the audit log (sign-out, time-out, shutdown).
    case endSession(personID: String, reason: KioskSessionEnd, screen: String)
    /// Repaint every cell from the new state: nothing of the previous screen may survive.
    case wipeScreen
    /// Check the operator PIN against the configured hash; answer with `.operatorPINChecked`.
    case verifyOperatorPIN(String)
    /// Try to reach the central database; answer with `.storeAvailable` or `.storeUnavailable`.
    case connectStore
    /// Restore the terminal and exit 0.
    case exit

    /// PINs masked, so a log line or a failed test never prints one.
    public var description: String {
        switch self {
        case .signIn(let id, let pin): return "signIn(\(id), \(String(repeating: "•", count: pin.count)))"
        case .app(let effect): return "app(\(effect))"
        case .endSession(let id, let reason, let screen): return "endSession(\(id), \(reason.rawValue), \(screen))"
        case .wipeScreen: return "wipeScreen"
        case .verifyOperatorPIN(let pin): return "verifyOperatorPIN(\(String(repeating: "•", count: pin.count)))"
        case .exit: return "exit"
        case .connectStore: return "connectStore"
        }
    }
}

/// Keys the kiosk takes before the planner sees them (read from `KioskKeymap.bindings`).
public enum KioskKeys {
    /// Opens the operator's exit prompt (Ctrl-], byte 29: no layout types it by accident).
    public static let operatorPrompt: KeyEvent = KioskKeymap.keys(.operatorExit, in: KioskKeymap.anywhereContext).first ?? .ctrl("]")
    /// Signs out (when no modal is open and nothing is being typed: a field takes letters).
    public static let signOut: [KeyEvent] = KioskKeymap.keys(.signOut)
    /// Switches the sign-in screen's language (F2 is missing on the Linux console).
    public static let language: [KeyEvent] = KioskKeymap.keys(.language, in: KioskKeymap.signInContext)
    /// Keys that leave a program or suspend it elsewhere; here they only show a hint.
    public static let leaving: [KeyEvent] = [.ctrl("c"), .ctrl("d"), .ctrl("z"), .ctrl("\\"), .function(10)]
}

/// The one place the kiosk's state changes: applies an event at time `now` and returns the
/// effects for the runner. Pure: no I/O, and the clock comes in as a value.
///
///     var kiosk = KioskState(catalog: catalog, config: KioskConfig(idleSeconds: 120), today: today, now: start)
///     let effects = kioskUpdate(&kiosk, .key(.enter), now: start)   // [.signIn(…)] once ID and PIN are typed
public func kioskUpdate(_ state: inout KioskState, _ event: KioskEvent, now: Date) -> [KioskEffect] {
    switch event {
    case .key(let key):
        if key == .resize { return [] }
        state.lastActivity = now
        return state.handle(key)
    case .mouse(let mouse):
        if case .release = mouse.action { return [] }
        state.lastActivity = now
        return state.handleMouse(mouse)
    case .resize(let width, let height):
        state.size = TerminalSize(width: width, height: height)
        state.withSession { _ = update(&$0.app, .resize(width: width, height: height)) }
        return []
    case .tick(let today):
        if let today, today != state.today {
            state.today = today
            let analyzer = state.analyzer
            state.withSession { s in
                _ = update(&s.app, .tick(today: today))
                // The supervisor's own record, when a subordinate's is in the planner's slot, is
                // recomputed for the new day too.
                if s.app.session?.person.id == s.personID { s.ownSession = s.app.session }
                else { s.ownSession?.refresh(analyzer: analyzer, today: today) }
            }
        }
        var effects = state.checkIdle(now: now)
        if state.storeLink.isDue(now) {
            state.storeLink.trying()
            effects.append(.connectStore)
        }
        return effects
    case .storeUnavailable(let at):
        state.storeLink.lost(at: at)
        return []
    case .storeAvailable:
        state.storeLink.restored()
        return []
    case .signInResult(let result):
        return state.signInAnswered(result, now: now)
    case .app(let appEvent):
        return state.appAnswered(appEvent)
    case .operatorPINChecked(let check):
        return state.operatorAnswered(check)
    }
}

extension KioskState {
    mutating func withSession(_ body: (inout KioskSession) -> Void) {
        guard case .session(var s) = phase else { return }
        phase = .signIn(KioskSignInForm())
        body(&s)
        phase = .session(s)
    }

    // MARK: Keys

    mutating func handle(_ key: KeyEvent) -> [KioskEffect] {
        if operatorPrompt != nil { return handleOperator(key) }
        if key == KioskKeys.operatorPrompt {
            operatorPrompt = OperatorPrompt(message: config.operatorExitConfigured ? nil : .operatorNotConfigured)
            return []
        }
        switch phase {
        case .signIn(var form):
            let effects = handleSignIn(key, &form)
            if case .signIn = phase { phase = .signIn(form) }
            return effects
        case .session(var session):
            // Any key during the warning only cancels it: the person is back, nothing else happens.
            if session.warningSince != nil {
                session.warningSince = nil
                phase = .session(session)
                return []
            }
            // In supervisor mode's filter or comment field "o" is a letter (F12 still signs out).
            var typedAsText = false
            if case .char = key { typedAsText = session.app.screen == .supervisor && session.app.supervisor?.input != nil }
            if session.app.modal == nil, !typedAsText, KioskKeys.signOut.contains(key) {
                return endSession(.signOut, message: .signedOut)
            }
            if KioskKeys.leaving.contains(key), session.app.modal == nil {
                session.app.status = StatusMessage(KioskText.stayInKiosk.text(session.app.language))
                phase = .session(session)
                return []
            }
            let effects = forward(key, &session)
            phase = .session(session)
            return effects
        }
    }

    private mutating func handleSignIn(_ key: KeyEvent, _ form: inout KioskSignInForm) -> [KioskEffect] {
        // One sign-in at a time: a second one sent before the first is answered could sign in someone else.
        if form.message == .checking { return [] }
        if KioskKeys.language.contains(key) {
            if config.thaiAvailable { language = language.toggled }
            return []
        }
        if KioskKeys.leaving.contains(key) {
            form.message = nil
            return []
        }
        switch key {
        case .tab, .backTab, .up, .down:
            form.focus = form.focus == .employeeID ? .pin : .employeeID
            return []
        case .escape:
            form = KioskSignInForm()
            return []
        case .enter:
            let id = form.employeeID.text.trimmingCharacters(in: .whitespaces)
            if id.isEmpty { form.focus = .employeeID; form.message = .missingID; return [] }
            if form.focus == .employeeID && form.pin.text.isEmpty { form.focus = .pin; form.message = nil; return [] }
            if form.pin.text.isEmpty { form.focus = .pin; form.message = .missingPIN; return [] }
            let pin = form.pin.text
            // The PIN leaves the state as soon as it is sent: a wipe or a crash dump cannot show it.
            form.pin.clear()
            form.focus = .pin
            form.message = .checking
            return [.signIn(employeeID: id, pin: pin)]
        default:
            break
        }
        switch form.focus {
        case .employeeID:
            // IDs are letters and digits; typed letters are upper-cased (P000211, not p000211).
            if case .char(let c) = key {
                guard c.isASCII, c.isLetter || c.isNumber || c == "-" else { return [] }
                form.employeeID.insert(c.uppercased())
                form.message = nil
                return []
            }
            if form.employeeID.apply(key) { form.message = nil }
        case .pin:
            if form.pin.apply(key, accept: PINDigits.accepts) { form.message = nil }
        }
        return []
    }

    private mutating func handleOperator(_ key: KeyEvent) -> [KioskEffect] {
        guard var prompt = operatorPrompt else { return [] }
        switch key {
        case .escape, KioskKeys.operatorPrompt:
            operatorPrompt = nil
            return []
        case .enter:
            guard config.operatorExitConfigured else {
                prompt.message = .operatorNotConfigured
                operatorPrompt = prompt
                return []
            }
            guard !prompt.pin.text.isEmpty else { return [] }
            let pin = prompt.pin.text
            prompt.pin.clear()
            prompt.message = nil
            operatorPrompt = prompt
            return [.verifyOperatorPIN(pin)]
        default:
            if prompt.pin.apply(key, accept: PINDigits.accepts) { prompt.message = nil }
            operatorPrompt = prompt
            return []
        }
    }

    /// Hands a key to the planner, then keeps only what a kiosk session may do: no quit, no
    /// person picker, no record outside the session's reach, no files written on the shared
    /// terminal. A key whose action is not on the kiosk's list never reaches the planner (the
    /// help lists exactly those actions); what the planner then asks for is checked again.
    private func forward(_ key: KeyEvent, _ session: inout KioskSession) -> [KioskEffect] {
        let before = session.app
        if let action = KioskKeymap.action(for: key, in: before),
           !KioskKeymap.allowedActions(supervises: session.supervises, thaiAvailable: config.thaiAvailable).contains(action) {
            let text = action == .quit ? KioskText.stayInKiosk : KioskText.notInKiosk
            session.app.status = StatusMessage(text.text(before.language), isError: action != .quit)
            return []
        }
        return forward(.key(key), &session)
    }

    /// A click or the wheel. The kiosk's tab row and key bar are its own (fewer tabs, the
    /// sign-out key): a click there is the key it shows, put through `handle` like a typed key.
    /// Elsewhere the planner takes it, checked as a key's result is.
    mutating func handleMouse(_ mouse: MouseEvent) -> [KioskEffect] {
        guard operatorPrompt == nil, case .session(var session) = phase else { return [] }
        if session.warningSince != nil { return handle(.escape) }   // any input only cancels the warning
        let layout = Layout(size: size)
        if case .press(1) = mouse.action {
            let language = session.app.language
            if layout.bar.contains(x: mouse.x, y: mouse.y) {
                let bar = FunctionKeyBar(entries: KioskKeymap.functionBar(language, supervises: session.supervises,
                                                                          thaiAvailable: config.thaiAvailable, width: layout.bar.width),
                                         glyphs: glyphs)
                guard let label = bar.entry(at: mouse.x, in: layout.bar) else { return [] }
                return AppState.key(forBarLabel: label.key).map { handle($0) } ?? []
            }
            if layout.tabs.contains(x: mouse.x, y: mouse.y), session.app.modal == nil {
                let screens = Screen.allCases.filter { session.screens.contains($0) }
                guard let i = TabsView(titles: Layout.tabTitles(screens, language), selected: 0, glyphs: glyphs)
                    .tab(at: mouse.x, in: layout.tabs), i < screens.count else { return [] }
                return handle(AppState.key(forTab: screens[i]))
            }
        }
        let effects = forward(.mouse(mouse), &session)
        phase = .session(session)
        return effects
    }

    /// Applies a key or mouse event to the planner; undone whole when what it led to is not
    /// for a kiosk (another screen, a file, quitting).
    private func forward(_ event: AppEvent, _ session: inout KioskSession) -> [KioskEffect] {
        let before = session.app
        let effects = update(&session.app, event)
        let refused = effects.contains { !session.allows($0) }
            || !session.screens.contains(session.app.screen) || session.app.quitting
            || (!config.thaiAvailable && session.app.language == .th)
        if refused {
            // Undo the whole key: the state stays as it was, with a hint instead.
            session.app = before
            let asksToLeave = effects.contains(.quit)
            session.app.status = StatusMessage((asksToLeave ? KioskText.stayInKiosk : KioskText.notInKiosk).text(before.language),
                                               isError: !asksToLeave)
            return []
        }
        keepOwnRecord(&session)
        clampHelp(&session)
        return effects.map(KioskEffect.app)
    }

    /// Keeps the supervisor's own record for the individual screens: copied while it is the one
    /// shown, put back once the split pane is reached again (a subordinate opened full screen
    /// went back into supervisor mode's cache on the way).
    func keepOwnRecord(_ session: inout KioskSession) {
        guard session.supervises else { return }
        if session.app.session?.person.id == session.personID {
            session.ownSession = session.app.session
        } else if session.app.screen == .supervisor, session.app.supervisor?.openedFull == nil, let own = session.ownSession {
            session.app.session = own
        }
    }

    /// Keeps the help's scroll inside the kiosk's (shorter) help.
    func clampHelp(_ session: inout KioskSession) {
        guard case .help(let offset)? = session.app.modal else { return }
        let layout = session.app.layout
        let total = KioskKeymap.helpLines(session, thaiAvailable: config.thaiAvailable,
                                          width: max(1, layout.helpFrame.width - 2), unicode: glyphs != .ascii).count
        let clamped = max(0, min(offset, total - max(1, layout.helpRows)))
        if clamped != offset { session.app.modal = .help(offset: clamped) }
    }

    // MARK: Answers

    mutating func signInAnswered(_ result: KioskSignInResult, now: Date) -> [KioskEffect] {
        guard case .signIn(var form) = phase else { return [] }
        switch result {
        case .signedIn(let personID, let supervises):
            var app = AppState(catalog: catalog, analyzer: analyzer, today: today, language: language, size: size,
                               viewerID: personID, glyphs: glyphs, exportFolder: "")
            lastActivity = now
            if supervises {
                // Supervisor mode as `careerpath --as ID` starts it (the people list, limited by the
                // store to the chain, then the subordinates), plus their own record, loaded quietly
                // for the individual screens while the split pane stays on screen.
                app.startSupervisorMode(supervisorID: personID)
                phase = .session(KioskSession(personID: personID, supervises: true, app: app))
                return [.wipeScreen] + (AppState.startEffects(personID: nil) + [.loadPerson(id: personID)]).map(KioskEffect.app)
            }
            // Straight to the person's own record; the picker is never shown (nor filled).
            app.screen = .me
            app.loadingPersonID = personID
            phase = .session(KioskSession(personID: personID, supervises: false, app: app))
            return [.wipeScreen, .app(.loadPerson(id: personID))]
        case .incorrect:
            form.message = .incorrect
        case .locked(let until):
            form.message = .locked(until: until)
        case .failed(let why):
            form.message = .signInFailed(why)
        }
        form.pin.clear()
        form.focus = .pin
        phase = .signIn(form)
        return []
    }

    mutating func appAnswered(_ event: AppEvent) -> [KioskEffect] {
        guard case .session(var session) = phase else { return [] }
        var answer = event
        // Answers about anyone outside the session's reach are never shown, whatever the runner answered.
        switch event {
        case .peopleListed where !session.supervises:
            return []
        case .personLoaded(let record, _) where !session.mayView(record.person.id):
            return []
        case .supervisor(.subordinatesListed(let boss, let records)) where session.supervises:
            // The reach: the chain below the supervisor among what the store let them list. Only
            // those records go on (an HR officer's store lists everyone; succession ranks what it gets).
            let reach = Set(SupervisorRoster.depths(records, below: session.personID).keys)
            session.reach = reach
            answer = .supervisor(.subordinatesListed(supervisor: boss, records: records.filter { reach.contains($0.person.id) }))
        case .supervisor(.planLoaded(let id, _)) where !session.reach.contains(id),
             .supervisor(.planReviewed(let id, _, _)) where !session.reach.contains(id):
            return []
        case .personLoaded(let record, let context)
            where session.supervises && record.person.id == session.personID && session.app.loadingPersonID != session.personID
                && session.app.supervisorAwaits(record.person.id) == false:
            // The supervisor's own record, loaded at sign-in: kept for the individual screens
            // without leaving the split pane (the store audited the read).
            let own = PersonSession(record: record, context: context, analyzer: analyzer, today: today)
            session.ownSession = own
            if session.app.supervisor?.openedFull == nil { session.app.session = own }
            phase = .session(session)
            return []
        default:
            break
        }
        let effects = update(&session.app, answer)
        keepOwnRecord(&session)
        phase = .session(session)
        return effects.filter { session.allows($0) }.map(KioskEffect.app)
    }

    mutating func operatorAnswered(_ check: OperatorPINCheck) -> [KioskEffect] {
        switch check {
        case .accepted:
            operatorPrompt = nil
            exiting = true
            var effects: [KioskEffect] = []
            if let session {
                effects.append(.endSession(personID: session.personID, reason: .shutdown, screen: session.app.screen.rawValue))
            }
            wipe(message: nil)
            return effects + [.wipeScreen, .exit]
        case .refused:
            operatorPrompt?.message = .operatorRefused
        case .notConfigured:
            operatorPrompt?.message = .operatorNotConfigured
        case .locked(let until):
            operatorPrompt?.message = .locked(until: until)
        case .failed(let why):
            operatorPrompt?.message = .operatorCheckFailed(why)
        }
        return []
    }

    // MARK: Idle and wipe

    mutating func checkIdle(now: Date) -> [KioskEffect] {
        let idle = now.timeIntervalSince(lastActivity)
        switch phase {
        case .signIn(let form):
            // A half-typed ID (or an open operator prompt) is cleared quietly: no one is signed in.
            guard idle >= config.idleSeconds, form.hasInput || form.message != nil || operatorPrompt != nil else { return [] }
            wipe(message: nil)
            lastActivity = now
            return [.wipeScreen]
        case .session(var session):
            if let since = session.warningSince {
                let left = config.warningSeconds - now.timeIntervalSince(since)
                if left <= 0 { return timeOut(now: now) }
                session.warningSecondsLeft = Int(left.rounded(.up))
                phase = .session(session)
                return []
            }
            guard idle >= config.idleSeconds else { return [] }
            if config.warningSeconds <= 0 { return timeOut(now: now) }
            session.warningSince = now
            session.warningSecondsLeft = Int(config.warningSeconds.rounded(.up))
            operatorPrompt = nil
            phase = .session(session)
            return []
        }
    }

    /// Ends an idle session. The sign-in screen's "signed out" notice then stays for one idle period
    /// (the clock restarts now), not one tick: whoever comes back reads why the screen changed.
    mutating func timeOut(now: Date) -> [KioskEffect] {
        lastActivity = now
        return endSession(.timeout, message: .timedOut)
    }

    /// Ends the session: audit row, a fresh sign-in screen, every cell repainted.
    mutating func endSession(_ reason: KioskSessionEnd, message: KioskMessage) -> [KioskEffect] {
        guard let session else { return [] }
        let end = KioskEffect.endSession(personID: session.personID, reason: reason, screen: session.app.screen.rawValue)
        wipe(message: message)
        return [end, .wipeScreen]
    }

    /// Back to a fresh sign-in screen in the configured language: the session's state (record,
    /// picks not saved, search text, status) is dropped, not cleared field by field.
    mutating func wipe(message: KioskMessage?) {
        phase = .signIn(KioskSignInForm(message: message))
        operatorPrompt = nil
        language = config.language
    }
}
