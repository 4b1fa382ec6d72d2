import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// A kiosk driven by keys and an injected clock, with a fake runner standing in for the
/// accounts and the store: sign-in results are injected, record loads answered from memory.
struct KioskHarness {
    var state: KioskState
    var now: Date
    /// What the fake store would answer for each ID.
    var records: [String: PersonRecord] = [AppFixture.somchai.person.id: AppFixture.somchai,
                                            AppFixture.kesinee.person.id: AppFixture.kesinee,
                                            AppFixture.prapaporn.id: PersonRecord(person: AppFixture.prapaporn),
                                            AppFixture.director.id: PersonRecord(person: AppFixture.director)]
    /// What the fake store lists for a supervisor (their chain: the store's viewer decides it).
    var listed: [Person] = [AppFixture.director] + AppFixture.people
    var subordinates: [PersonRecord] = [AppFixture.somchai, AppFixture.kesinee, PersonRecord(person: AppFixture.prapaporn)]
    /// Saved plans by person, for supervisor mode's plan box.
    var plans: [String: SavedPlan] = [:]
    /// The next answer to `.signIn`.
    var signInAnswer: KioskSignInResult = .signedIn(personID: AppFixture.somchai.person.id)
    var operatorAnswer: OperatorPINCheck = .refused
    /// Every effect the kiosk asked for, in order.
    var effects: [KioskEffect] = []

    static let start = Date(timeIntervalSince1970: 1_756_600_000)

    init(config: KioskConfig = KioskConfig(idleSeconds: 120, language: .en), width: Int = 80, height: Int = 24) {
        now = Self.start
        state = KioskState(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, config: config,
                           today: AppFixture.today, size: TerminalSize(width: width, height: height), now: now)
    }

    /// Applies an event and carries out its effects the way the runner does.
    @discardableResult
    mutating func send(_ event: KioskEvent) -> [KioskEffect] {
        var produced: [KioskEffect] = []
        var queue = kioskUpdate(&state, event, now: now)[...]
        while let effect = queue.popFirst() {
            produced.append(effect)
            for answer in answers(effect) { queue.append(contentsOf: kioskUpdate(&state, answer, now: now)) }
        }
        effects += produced
        return produced
    }

    @discardableResult
    mutating func press(_ keys: KeyEvent...) -> [KioskEffect] { keys.flatMap { send(.key($0)) } }

    mutating func type(_ text: String) {
        for c in text { send(.key(.char(c))) }
    }

    /// Moves the clock and ticks.
    @discardableResult
    mutating func wait(_ seconds: TimeInterval) -> [KioskEffect] {
        now = now.addingTimeInterval(seconds)
        return send(.tick(today: nil))
    }

    mutating func signIn(_ id: String = "P0001", pin: String = "2568") {
        type(id)
        press(.tab)
        type(pin)
        press(.enter)
    }

    /// Signs Wichai (P0000, head of Somchai and Kesinee; Prapaporn reports to Somchai) in as a supervisor.
    mutating func signInSupervisor() {
        signInAnswer = .signedIn(personID: AppFixture.director.id, supervises: true)
        signIn(AppFixture.director.id, pin: "4826")
    }

    /// Whether the last key was refused with the kiosk's hint (nothing else happened).
    var refusedWithHint: Bool {
        guard let status = state.session?.app.status?.text else { return false }
        return status == KioskText.notInKiosk.text(state.currentLanguage) || status == KioskText.stayInKiosk.text(state.currentLanguage)
    }

    private func answers(_ effect: KioskEffect) -> [KioskEvent] {
        switch effect {
        case .signIn: return [.signInResult(signInAnswer)]
        case .app(.loadPerson(let id)):
            guard let record = records[id] else { return [.app(.personLoadFailed(id: id, message: "unknown"))] }
            return [.app(.personLoaded(record, AppFixture.context))]
        case .verifyOperatorPIN: return [.operatorPINChecked(operatorAnswer)]
        case .app(.listPeople): return [.app(.peopleListed(listed))]
        case .app(.supervisor(.listSubordinates)):
            return [.app(.supervisor(.subordinatesListed(supervisor: AppFixture.director, records: subordinates)))]
        case .app(.supervisor(.loadPlan(let id))): return [.app(.supervisor(.planLoaded(personID: id, plan: plans[id])))]
        default: return []
        }
    }

    var screen: String { KioskView.render(state).lines().joined(separator: "\n") }

    /// Where keys go now: the session's screen or modal and whether a field takes the keys, or the sign-in form.
    var contextName: String {
        guard let app = state.session?.app else { return "sign-in" }
        return app.keyContext.rawValue + (app.supervisor?.input != nil ? "+typing" : "")
    }

    /// The ids of everyone whose record, plan or rank the session holds for its screens to draw.
    var peopleHeld: Set<String> {
        guard let app = state.session?.app else { return [] }
        var ids = Set(app.picker.people.map(\.id))
        if let person = app.session?.person.id { ids.insert(person) }
        if let sup = app.supervisor {
            ids.formUnion(sup.records.map(\.person.id))
            ids.formUnion(sup.rows.map(\.person.id))
            ids.formUnion(sup.sessions.keys)
            ids.formUnion(sup.plans.keys)
            ids.formUnion(sup.pools.values.flatMap(\.candidates).map(\.person.id))
        }
        return ids
    }
}

@Suite("kiosk: sign-in, session, idle wipe, keys that never leave")
struct KioskTests {
    @Test("sign-in: ID upper-cased, PIN digits only and masked, one sign-in effect, then the person's own record")
    func signInFlow() throws {
        var k = KioskHarness()
        k.type("p0001")
        #expect(k.state.signInForm?.employeeID.text == "P0001")
        k.press(.tab)
        k.type("25a6x8")
        #expect(k.state.signInForm?.pin.text == "2568")
        let typed = k.screen
        #expect(typed.contains("P0001"))
        #expect(!typed.contains("2568"), "the PIN is drawn masked:\n\(typed)")
        #expect(typed.contains("••••"))

        let effects = k.press(.enter)
        #expect(effects.first == .signIn(employeeID: "P0001", pin: "2568"))
        #expect(effects.contains(.app(.loadPerson(id: "P0001"))))
        #expect(!effects.contains(.app(.listPeople)))
        let session = try #require(k.state.session)
        #expect(session.personID == "P0001")
        #expect(session.app.session?.person.id == "P0001")
        #expect(session.app.screen == .me)
        #expect(k.screen.contains("Somchai Jaidee"))
        // The kiosk's bar: sign-out instead of quit and the person picker.
        #expect(k.screen.contains("Sign out"))
        #expect(!k.screen.contains("Quit"))
        #expect(!k.screen.contains("People"), "no tab or key for the person picker:\n\(k.screen)")
        #expect(k.screen.contains("5 Me"))
    }

    @Test("sign-in sent and not answered yet (the runtime checks in the background): the form says so and takes no key, so no second sign-in is sent")
    func signInAwaitingAnswer() throws {
        var k = KioskHarness()
        k.type("P0001")
        k.press(.tab)
        k.type("2568")
        // The key alone, as the program loop applies it before the answer comes.
        let effects = kioskUpdate(&k.state, .key(.enter), now: k.now)
        #expect(effects == [.signIn(employeeID: "P0001", pin: "2568")])
        #expect(k.state.signInForm?.message == .checking)
        #expect(k.screen.contains(KioskText.checking.text(.en)))
        for key: KeyEvent in [.char("9"), .enter, .backspace, .escape, .tab] {
            #expect(kioskUpdate(&k.state, .key(key), now: k.now).isEmpty)
        }
        #expect(k.state.signInForm?.employeeID.text == "P0001")
        // The answer comes: the session starts as usual.
        k.send(.signInResult(.signedIn(personID: "P0001")))
        #expect(k.state.session?.personID == "P0001")
    }

    @Test("refusals: the message never says whether the ID exists, the PIN is emptied, the lock time is shown")
    func refusals() {
        var k = KioskHarness()
        k.signInAnswer = .incorrect
        k.signIn("P9999", pin: "1111")
        #expect(k.state.session == nil)
        #expect(k.state.signInForm?.pin.text == "")
        #expect(k.state.signInForm?.employeeID.text == "P9999")
        #expect(k.screen.contains("Employee ID or PIN is incorrect"))
        k.signInAnswer = .locked(until: "14:06")
        k.type("1111")
        k.press(.enter)
        #expect(k.screen.contains("Too many attempts; try again after 14:06"))
        // Enter with an empty PIN asks for it instead of sending an attempt.
        let before = k.effects.count
        k.press(.enter)
        #expect(k.effects.count == before)
        #expect(k.state.signInForm?.message == .missingPIN)
    }

    @Test("idle: nothing before --idle, then a 10-second countdown, then a wipe with a time-out audit effect")
    func idleWarningThenWipe() throws {
        var k = KioskHarness(config: KioskConfig(idleSeconds: 120, language: .en))
        k.signIn()
        #expect(k.wait(119).isEmpty)
        #expect(k.state.session?.warningSince == nil)
        k.wait(1)
        #expect(k.state.session?.warningSince != nil)
        #expect(k.state.session?.warningSecondsLeft == 10)
        #expect(k.screen.contains("Signing out and clearing the screen in 10 s"))
        k.wait(4.2)
        #expect(k.state.session?.warningSecondsLeft == 6)
        #expect(k.screen.contains("in 6 s"))
        let wiped = k.wait(5.8)
        #expect(wiped == [.endSession(personID: "P0001", reason: .timeout, screen: "me"), .wipeScreen])
        #expect(k.state.session == nil)
        #expect(k.state.signInForm?.message == .timedOut)
        // The notice stays for one idle period, then the quiet clear of the sign-in form takes it.
        #expect(k.wait(119).isEmpty)
        #expect(k.state.signInForm?.message == .timedOut)
        #expect(k.screen.contains("Signed out after a time without keys"))
        #expect(k.wait(1) == [.wipeScreen])
        #expect(k.state.signInForm?.message == nil)
    }

    @Test("a key during the warning keeps the session and does nothing else; the clock restarts")
    func keyCancelsWarning() {
        var k = KioskHarness(config: KioskConfig(idleSeconds: 2, language: .en))
        k.signIn()
        k.press(.char("t"))
        #expect(k.state.session?.app.screen == .paths)
        k.wait(2)
        #expect(k.state.session?.warningSince != nil)
        #expect(k.press(.char("o")).isEmpty, "the key that cancels the warning is not a sign-out")
        #expect(k.state.session?.warningSince == nil)
        #expect(k.state.session?.app.screen == .paths)
        #expect(k.wait(1.9).isEmpty)
        #expect(k.state.session?.warningSince == nil)
    }

    @Test("the wiped state holds nothing of the previous person: no record, no picks, no typed text, default language")
    func wipeLeavesNothing() throws {
        var k = KioskHarness(config: KioskConfig(idleSeconds: 5, warningSeconds: 1, language: .th))
        k.signIn()
        // Switch to English, open Paths, choose a target and pick a suggestion (unsaved).
        k.press(.char("L"), .char("t"), .enter)
        k.press(.char("n"), .char(" "))
        k.press(.char("/"))
        k.type("news")
        #expect(k.state.session?.app.language == .en)
        k.wait(5)
        k.wait(1)
        #expect(k.state.session == nil)
        #expect(k.state.operatorPrompt == nil)
        #expect(k.state.language == .th)
        let form = try #require(k.state.signInForm)
        #expect(form.employeeID.text.isEmpty && form.pin.text.isEmpty)
        let screen = k.screen
        for trace in ["P0001", "Somchai", "สมชาย", "ใจดี", "news"] {
            #expect(!screen.contains(trace), "\(trace) still on screen:\n\(screen)")
        }
        // Whatever is kept in memory: only the catalog and the configuration.
        #expect(!String(describing: k.state).contains("P0001"))
    }

    @Test("a half-typed sign-in is cleared after --idle without a warning")
    func idleSignInFormCleared() {
        var k = KioskHarness(config: KioskConfig(idleSeconds: 3, language: .en))
        k.type("P00")
        k.press(.tab)
        k.type("12")
        #expect(k.wait(3) == [.wipeScreen])
        #expect(k.state.signInForm?.hasInput == false)
        #expect(k.wait(10).isEmpty, "an empty form is not wiped again and again")
    }

    @Test("q, Esc, F10, Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\\ never quit: not on sign-in, not in a session, not in a modal")
    func leavingKeysStay() {
        let keys: [KeyEvent] = [.char("q"), .escape, .function(10), .ctrl("c"), .ctrl("d"), .ctrl("z"), .ctrl("\\"), .ctrl("q")]
        func noQuit(_ effects: [KioskEffect]) -> Bool {
            !effects.contains(.exit) && !effects.contains(.app(.quit)) && !effects.contains { if case .endSession = $0 { return true }; return false }
        }
        var k = KioskHarness()
        for key in keys { #expect(noQuit(k.press(key)), "sign-in: \(key)") }
        k.signIn()
        for opener: KeyEvent? in [nil, .char("?"), .char("/"), .char("t"), .char("c")] {
            if let opener { k.press(opener) }
            for key in keys {
                #expect(noQuit(k.press(key)), "\(String(describing: opener)) then \(key)")
                #expect(k.state.session?.personID == "P0001")
                #expect(k.state.session?.app.quitting == false)
            }
        }
        #expect(!k.state.exiting)
        k.press(.escape, .escape, .char("m"))
        #expect(k.screen.contains("This terminal stays in CareerPath") || k.press(.char("q")).isEmpty)
    }

    @Test("sign-out: o ends the session with an audit effect; in a search field o is text")
    func signOut() {
        var k = KioskHarness()
        k.signIn()
        k.press(.char("/"))
        #expect(k.press(.char("o")).isEmpty)
        #expect(k.state.session != nil)
        k.press(.escape)
        #expect(k.press(.char("o")) == [.endSession(personID: "P0001", reason: .signOut, screen: "me"), .wipeScreen])
        #expect(k.state.session == nil)
        #expect(k.screen.contains("Signed out"))
        #expect(!k.screen.contains("Somchai"))
    }

    @Test("the session only ever asks for the signed-in person's record: picker keys, answers for others, seeded key fuzz")
    func ownRecordOnly() throws {
        var k = KioskHarness()
        k.signIn()
        for key: KeyEvent in [.char("p"), .function(4), .char("4")] {
            #expect(k.press(key).isEmpty)
            #expect(k.state.session?.app.screen != .people)
        }
        // An answer about someone else (a misbehaving runner) is never shown.
        k.send(.app(.personLoaded(AppFixture.kesinee, AppFixture.context)))
        k.send(.app(.peopleListed(AppFixture.people)))
        #expect(k.state.session?.app.session?.person.id == "P0001")
        #expect(k.state.session?.app.picker.people.isEmpty == true)
        #expect(!k.screen.contains("Kesinee"))
        let session = try #require(k.state.session)
        #expect(!session.allows(.loadPerson(id: "P0002")))
        #expect(!session.allows(.listPeople))
        #expect(!session.allows(.supervisor(.listSubordinates(supervisorID: "P0001"))))
        #expect(session.allows(.loadPerson(id: "P0001")))

        let keys: [KeyEvent] = [.char("p"), .char("4"), .function(4), .char("/"), .char("k"), .char("e"), .enter, .escape,
                                .tab, .down, .up, .char("t"), .char("g"), .char("n"), .char(" "), .char("s"), .char("e"),
                                .char("a"), .char("c"), .char("m"), .char("?"), .char("L"), .backspace, .ctrl("u"),
                                .function(10), .char("q"), .ctrl("c"), .char("j"), .right, .left, .pageDown]
        var rng = SeededGenerator(seed: 2553)
        for _ in 0..<2_000 {
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            if key == .char("o") { continue }
            for effect in k.press(key) {
                switch effect {
                case .app(let e):
                    #expect(k.state.session?.allows(e) == true, "\(key) asked for \(e)")
                    if case .exportPlanMarkdown = e { Issue.record("export at a kiosk") }
                default:
                    Issue.record("\(key) led to \(effect)")
                }
            }
            #expect(k.state.session?.app.screen != .people)
        }
        #expect(k.effects.allSatisfy { if case .app(.listPeople) = $0 { return false }; return true })
    }

    @Test("operator exit: Ctrl-] opens a masked prompt; a wrong PIN stays, the right one exits and ends the session")
    func operatorExit() {
        var k = KioskHarness()
        k.signIn()
        k.press(.ctrl("]"))
        #expect(k.state.operatorPrompt != nil)
        k.type("9876")
        #expect(!k.screen.contains("9876"))
        k.operatorAnswer = .refused
        #expect(k.press(.enter) == [.verifyOperatorPIN("9876")])
        #expect(!k.state.exiting)
        #expect(k.screen.contains("Wrong operator PIN"))
        k.operatorAnswer = .accepted
        k.type("1357")
        let effects = k.press(.enter)
        #expect(effects.contains(.exit))
        #expect(effects.contains(.endSession(personID: "P0001", reason: .shutdown, screen: "me")))
        #expect(k.state.exiting)
        // Never printed in the clear, even in a failing test's output.
        #expect(KioskEffect.verifyOperatorPIN("1357").description == "verifyOperatorPIN(••••)")
    }

    @Test("operator exit without a configured PIN says so and never exits; Esc closes the prompt")
    func operatorNotConfigured() {
        var k = KioskHarness(config: KioskConfig(language: .en, operatorExitConfigured: false))
        k.press(.ctrl("]"))
        k.type("1234")
        #expect(k.press(.enter).isEmpty)
        #expect(k.screen.contains("only SIGTERM closes the kiosk"))
        k.press(.escape)
        #expect(k.state.operatorPrompt == nil)
    }

    @Test("without Thai (TERM=linux/vt100) the kiosk stays in English: F2 and L do nothing; 80×24 fits")
    func englishOnlyTerminal() {
        var k = KioskHarness(config: KioskConfig(language: .th, thaiAvailable: false))
        #expect(k.state.language == .en)
        k.press(.function(2), .ctrl("t"))
        #expect(k.state.language == .en)
        let signInScreen = k.screen
        #expect(signInScreen.contains("Employee ID:"))
        #expect(!signInScreen.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }, "\(signInScreen)")
        k.signIn()
        k.press(.char("L"))
        #expect(k.state.session?.app.language == .en)
        let lines = KioskView.render(k.state).lines()
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 80 })
    }

    // MARK: Supervisors at the kiosk

    @Test("a supervisor signs in to supervisor mode: the split pane of their subordinates, the store's viewer is theirs")
    func supervisorSignsInToSplitPane() throws {
        var k = KioskHarness()
        k.signInSupervisor()
        let session = try #require(k.state.session)
        #expect(session.supervises)
        #expect(session.app.screen == .supervisor)
        #expect(session.app.viewerID == "P0000")
        // Started as `--as` starts it (the people list, then the subordinates), plus their own record.
        #expect(k.effects.contains(.app(.listPeople)))
        #expect(k.effects.contains(.app(.supervisor(.listSubordinates(supervisorID: "P0000")))))
        #expect(k.effects.contains(.app(.loadPerson(id: "P0000"))))
        #expect(session.reach == ["P0001", "P0002", "P0003"])
        #expect(Set(session.app.supervisor?.rows.map(\.person.id) ?? []) == ["P0001", "P0002"])
        // The own record is kept for the individual screens without leaving the split pane.
        #expect(session.app.session?.person.id == "P0000")
        let first = try #require(session.app.supervisor?.selected)
        #expect(k.effects.contains(.app(.loadPerson(id: first.person.id))))
        let screen = k.screen
        #expect(screen.contains("Subordinates (2)"), "\(screen)")
        #expect(screen.contains("Gaps and plan: \(first.person.nameEN)"), "\(screen)")
        #expect(screen.contains("Esc Team"), "\(screen)")
        #expect(screen.contains("Sign out") && !screen.contains("Quit") && !screen.contains("People"), "\(screen)")

        // Moving the selection changes the right pane; the next person is loaded (and audited by the store).
        let moved = k.press(.down)
        let second = try #require(k.state.session?.app.supervisor?.selected)
        #expect(second.person.id != first.person.id)
        #expect(moved.contains(.app(.loadPerson(id: second.person.id))))
        #expect(k.screen.contains("Gaps and plan: \(second.person.nameEN)"))
        // Back to a cached subordinate: nothing read, so nothing to do (the store audited the load).
        #expect(k.press(.up) == [])

        // Enter opens the subordinate full screen; Esc comes back; m is the supervisor's own record.
        k.press(.enter)
        #expect(k.state.session?.app.screen == .gaps)
        #expect(k.state.session?.app.session?.person.id == first.person.id)
        k.press(.escape)
        #expect(k.state.session?.app.screen == .supervisor)
        #expect(k.state.session?.app.session?.person.id == "P0000")
        let own = k.press(.char("m"))
        #expect(k.state.session?.app.screen == .me)
        #expect(k.state.session?.app.session?.person.id == "P0000")
        #expect(own.isEmpty, "the own record is cached: nothing read again")
        #expect(k.screen.contains("Wichai Phunam"))
        k.press(.escape)
        #expect(k.state.session?.app.screen == .supervisor)
    }

    @Test("approve a subordinate's saved plan at the kiosk; o typed into the note is a letter, not a sign-out")
    func supervisorReviewsAPlan() throws {
        var k = KioskHarness()
        k.plans["P0002"] = SavedPlan(id: 9, personID: "", target: "audio-visual-officer:K3", status: "draft", createdBy: "P0002", stepCount: 2)
        k.signInSupervisor()
        try #require(k.state.session?.app.supervisor?.selected?.person.id == "P0002")
        k.press(.char("a"))
        k.type("good work")
        #expect(k.state.session != nil, "o in the note signed out")
        let effects = k.press(.enter)
        #expect(effects == [.app(.supervisor(.reviewPlan(personID: "P0002", planID: 9, kind: .approve, comment: "good work")))])
        k.press(.char("/"))
        k.type("so")
        #expect(k.state.session?.app.supervisor?.filter.text == "so")
        // F12 is no letter: it signs out even from the field.
        #expect(k.press(.function(12)).contains(.endSession(personID: "P0000", reason: .signOut, screen: "supervisor")))
    }

    @Test("a person without subordinates gets no split pane, no supervisor keys, no supervisor effects")
    func personHasNoSupervisorMode() throws {
        var k = KioskHarness()
        k.signIn()
        let session = try #require(k.state.session)
        #expect(!session.supervises)
        #expect(session.app.supervisor == nil)
        #expect(session.app.screen == .me)
        #expect(!k.effects.contains(.app(.listPeople)))
        #expect(!k.screen.contains("Team"))
        for key: KeyEvent in [.char("S"), .char("w"), .char("v"), .escape, .escape] {
            k.press(key)
            #expect(k.state.session?.app.screen != .supervisor)
            #expect(k.state.session?.app.supervisor == nil)
        }
        #expect(!session.allows(.supervisor(.loadPlan(personID: "P0001"))))
        #expect(session.reach.isEmpty)
    }

    @Test("the idle wipe leaves no supervisor state: no subordinates, cached sessions, filter, marks or half-typed note")
    func idleWipeClearsSupervisorState() throws {
        var k = KioskHarness(config: KioskConfig(idleSeconds: 5, warningSeconds: 1, language: .en))
        k.plans["P0002"] = SavedPlan(id: 9, personID: "", target: "audio-visual-officer:K3", status: "draft", createdBy: "P0002", stepCount: 2)
        k.signInSupervisor()
        k.press(.char("w"), .down, .up, .char("v"), .char("/"))
        k.type("kes")
        k.press(.enter, .char("i"))
        k.type("half a note")
        let sup = try #require(k.state.session?.app.supervisor)
        #expect(sup.wholeChain && sup.marked != nil && !sup.sessions.isEmpty && sup.comment.text == "half a note")
        k.wait(5)
        let wiped = k.wait(1)
        #expect(wiped == [.endSession(personID: "P0000", reason: .timeout, screen: "supervisor"), .wipeScreen])
        #expect(k.state.session == nil)
        let screen = k.screen
        let memory = String(describing: k.state)
        for trace in ["P0000", "P0001", "P0002", "P0003", "Wichai", "Somchai", "Kesinee", "Prapaporn", "สมชาย", "half a note", "kes"] {
            #expect(!screen.contains(trace), "\(trace) still on screen:\n\(screen)")
        }
        // In memory too (the catalog's own text is all that remains; "kes" would match its words).
        for trace in ["P0000", "P0001", "P0002", "P0003", "Wichai Phunam", "Kesinee Kaewmanee", "half a note"] {
            #expect(!memory.contains(trace), "\(trace) still in the kiosk's state")
        }
        // The next person (no subordinates) starts with nothing of it; the same supervisor starts afresh.
        k.signInAnswer = .signedIn(personID: "P0001")
        k.signIn()
        #expect(k.state.session?.app.supervisor == nil)
        k.press(.char("o"))
        k.signInSupervisor()
        let again = try #require(k.state.session?.app.supervisor)
        #expect(!again.wholeChain && again.marked == nil && again.filter.text.isEmpty && again.input == nil)
        #expect(Set(again.sessions.keys) == [try #require(again.selected?.person.id)])
    }

    @Test("a kiosk supervisor never reaches anyone outside their chain: misbehaving answers, seeded key fuzz")
    func supervisorStaysInTheChain() throws {
        let outsider = PersonRecord(person: Person(id: "P0009", nameTH: "คนนอก สายงาน", nameEN: "Outsider Khonnok", unit: "nbt",
                                                   jobLine: "public-relations-officer", level: "K3", levelSince: AppFixture.day("2015-01-01"),
                                                   serviceStart: AppFixture.day("2015-01-01"), education: "bachelor", supervisorID: nil))
        var k = KioskHarness(config: KioskConfig(idleSeconds: 100_000, language: .en))
        k.records[outsider.person.id] = outsider
        // Even a store that listed too much: the reach is the chain below the supervisor only.
        k.subordinates.append(outsider)
        k.signInSupervisor()
        let session = try #require(k.state.session)
        #expect(session.reach == ["P0001", "P0002", "P0003"])
        #expect(!(session.app.supervisor?.rows.contains { $0.person.id == "P0009" } ?? true))
        // Not even among the records succession ranks (a K3 of ten years would be a candidate).
        #expect(session.app.supervisor?.records.map(\.person.id).sorted() == ["P0001", "P0002", "P0003"])
        for effect: Effect in [.loadPerson(id: "P0009"),
                               .supervisor(.loadPlan(personID: "P0009")), .supervisor(.listSubordinates(supervisorID: "P0009")),
                               .supervisor(.reviewPlan(personID: "P0009", planID: 1, kind: .approve, comment: "")),
                               .exportPlanMarkdown(path: "/tmp/x.md", markdown: "")] {
            #expect(!session.allows(effect), "\(effect)")
        }
        k.send(.app(.personLoaded(outsider, AppFixture.context)))
        k.send(.app(.supervisor(.planLoaded(personID: "P0009", plan: SavedPlan(id: 1, personID: "", target: "x", status: "draft", createdBy: "P0009", stepCount: 1)))))
        #expect(k.state.session?.app.supervisor?.plans["P0009"] == nil)
        #expect(k.state.session?.app.session?.person.id == "P0000")

        let keys: [KeyEvent] = [.char("p"), .char("4"), .function(4), .char("/"), .char("O"), .char("u"), .char("t"), .enter, .escape,
                                .tab, .down, .up, .char("j"), .char("k"), .char("w"), .char("s"), .char("d"), .char("v"), .char("S"),
                                .char("a"), .char("r"), .char("i"), .char("g"), .char("n"), .char("m"), .char("c"), .char(" "),
                                .char("e"), .char("x"), .char("?"), .char("L"), .backspace, .ctrl("u"), .function(10), .char("q"),
                                .ctrl("c"), .right, .left, .pageDown, .home, .end]
        var rng = SeededGenerator(seed: 2567)
        // Drawing is nearly all of this loop's time, so a screen is drawn the first time each key is
        // pressed in each context (screen or modal, typing or not): every kind of step is seen on
        // screen, and repeats of it are checked in the state the screens draw from.
        var drawn: Set<String> = []
        for _ in 0..<3_000 {
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            let step = k.contextName + " \(key)"
            for effect in k.press(key) {
                switch effect {
                case .app(let e):
                    #expect(k.state.session?.allows(e) == true, "\(key) asked for \(e)")
                    #expect(!"\(e)".contains("P0009"), "\(key) reached the outsider: \(e)")
                default:
                    Issue.record("\(key) led to \(effect)")
                }
            }
            #expect(k.state.session?.app.screen != .people)
            let held = k.peopleHeld
            #expect(!held.contains("P0009"), "after \(step) the session holds the outsider")
            if drawn.insert(step).inserted {
                let screen = k.screen
                #expect(!screen.contains("Outsider") && !screen.contains("คนนอก"), "\(screen)")
            }
        }
        // What the seeded run reaches (a change to the keys or the kiosk that narrows it fails here).
        #expect(drawn.count >= 450, "\(drawn.count) kinds of step")
        #expect(Set(drawn.map { $0.split(separator: " ")[0] }).count >= 12, "\(drawn.sorted())")
        #expect(k.state.session?.personID == "P0000")
        let pools = k.state.session?.app.supervisor?.pools.values.flatMap(\.candidates).map(\.person.id) ?? []
        #expect(!pools.contains("P0009"))
    }

    // MARK: Help

    @Test("help in a kiosk session lists only keys that work there: no F10, F4, quit, picker or export")
    func helpListsOnlyWorkingKeys() throws {
        for supervises in [false, true] {
            var k = KioskHarness(width: 120, height: 40)
            if supervises { k.signInSupervisor() } else { k.signIn() }
            for opener: [KeyEvent] in [[], [.char("n")]] {
                k.press(.escape)
                for key in opener + [.char("?")] { k.press(key) }
                guard case .help? = k.state.session?.app.modal else { Issue.record("no help (\(supervises))"); continue }
                let help = k.screen
                for banned in ["F10", "F4", "Quit", "Pick a person", "Export", "Ctrl-C"] {
                    #expect(!help.contains(banned), "\(banned) in the kiosk's help:\n\(help)")
                }
                #expect(help.contains("Sign out") && help.contains("F1") && help.contains("Help"), "\(help)")
                #expect(help.contains("Sort by the next column") == (supervises && opener.isEmpty), "\(help)")
                // The whole help scrolls no further than its own lines.
                k.press(.pageDown, .pageDown, .pageDown, .pageDown)
                if case .help(let offset)? = k.state.session?.app.modal, let session = k.state.session {
                    let layout = session.app.layout
                    let lines = KioskKeymap.helpLines(session, thaiAvailable: true, width: layout.helpFrame.width - 2, unicode: true).count
                    #expect(offset <= max(0, lines - layout.helpRows))
                }
                k.press(.escape)
            }
        }
        // Where Thai cannot be shown the language switch is not offered either.
        var english = KioskHarness(config: KioskConfig(language: .en, thaiAvailable: false))
        english.signIn()
        english.press(.char("?"))
        #expect(!english.screen.contains("Switch Thai/English"), "\(english.screen)")
        #expect(!english.screen.contains("2Lang"))
    }

    @Test("help and behaviour agree: every planner key of a screen works at the kiosk exactly when its help lists it")
    func helpMatchesBehaviour() throws {
        for supervises in [false, true] {
            for opener: KeyEvent? in [nil, .char("m"), .char("t"), .char("g"), .char("n"), .char("c")] {
                var base = KioskHarness()
                if supervises { base.signInSupervisor() } else { base.signIn() }
                if let opener { base.press(opener) }
                let session = try #require(base.state.session)
                let context = session.app.screen.context.rawValue
                let listed = Set(KioskKeymap.helpSections(session, thaiAvailable: true).flatMap(\.bindings).flatMap(\.keys))
                for binding in AppKeymap.bindings where binding.context == context || binding.context == "global" {
                    for key in binding.keys where AppKeymap.keymap.action(for: key, in: [context]) == binding.action {
                        var probe = base
                        probe.press(key)
                        let refused = probe.refusedWithHint
                        if listed.contains(key) {
                            #expect(!refused && probe.state.session != nil, "\(key) is in the help of \(context) but refused")
                        } else {
                            #expect(refused, "\(key) (\(binding.action)) works on \(context) but the help does not list it")
                        }
                    }
                }
            }
        }
    }

    @Test("every planner action is placed: allowed for everyone, for supervisors, or refused with a reason")
    func everyActionPlaced() {
        for action in AppAction.allCases {
            let places = [KioskKeymap.personActions.contains(action), KioskKeymap.supervisorActions.contains(action),
                          KioskKeymap.refusedActions[action] != nil].filter { $0 }.count
            #expect(places == 1, "\(action) is in \(places) of the kiosk's action lists")
        }
        let docs = AppKeymap.markdown()
        #expect(docs.contains("## kiosk"))
        #expect(docs.contains("| sign-out |"))
        #expect(docs.contains("| quit |") && docs.contains("| screen-people |") && docs.contains("| export-plan |"))
    }
}
