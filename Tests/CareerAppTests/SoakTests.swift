import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// Seeded random events through `update` and the renderer, over every mode (a person's record, the
/// person picker, supervisor mode, the kiosk), every screen the keys reach and sizes from 1×1 to
/// 300×100: keys (F-keys, Ctrl keys, Thai with its combining marks, wide and invisible characters),
/// escape sequences as the ncurses adapter decodes them, mouse events, resizes and the clock. After
/// every event the frame must be whole: the grid is the terminal's size, every row is exactly the
/// terminal's width on screen, wide characters keep both halves, and every text cursor and list
/// selection is within its text or list. `SplitMix64` (the demo generator) makes a run repeatable.
struct Soak {
    enum Mode: String, CaseIterable { case person, picker, supervisor, kiosk }

    let seed: UInt64
    private var rng: SplitMix64
    private(set) var mode: Mode = .person
    private var app: AppState
    private var kiosk: KioskHarness
    private var previous: CellGrid?
    /// The size the terminal was last given; the state and the grid must follow it.
    private var size = TerminalSize(width: 80, height: 24)
    private(set) var events = 0
    /// The last events, for a failure message.
    private var recent: [String] = []

    /// What a run reached, to show it covered what it claims.
    private(set) var modes: Set<String> = []
    private(set) var screens: Set<String> = []
    private(set) var smallest = TerminalSize(width: Int.max, height: Int.max)
    private(set) var largest = TerminalSize(width: 0, height: 0)

    static let people = AppFixture.people + [AppFixture.director]
    static let records = SupervisorTests.records + [PersonRecord(person: AppFixture.director)]

    init(seed: UInt64) {
        self.seed = seed
        rng = SplitMix64(seed: seed)
        app = AppFixture.loaded()
        kiosk = KioskHarness()
        restart()
    }

    /// Runs `count` events, a quarter starting in each mode (at 1×1, 300×100, 80×24 and 79×23 first);
    /// the first broken invariant, or nil.
    mutating func run(_ count: Int) -> String? {
        let starts = [TerminalSize(width: 1, height: 1), TerminalSize(width: 300, height: 100),
                      TerminalSize(width: 80, height: 24), TerminalSize(width: 79, height: 23)]
        for (i, mode) in Mode.allCases.enumerated() {
            restart(mode, size: starts[i])
            for _ in 0..<(count / Mode.allCases.count + (i < count % Mode.allCases.count ? 1 : 0)) {
                if let failure = step() { return failure }
            }
        }
        return nil
    }

    // MARK: modes

    /// A fresh state in `mode` at `size` (random when not given).
    private mutating func restart(_ mode: Mode? = nil, size: TerminalSize? = nil) {
        self.mode = mode ?? rng.pick(Mode.allCases)
        self.size = size ?? randomSize()
        if let size { see(size) }
        previous = nil
        let language: Language = rng.chance(0.5) ? .th : .en
        let (width, height) = (self.size.width, self.size.height)
        switch self.mode {
        case .person: app = AppFixture.loaded(language, width: width, height: height)
        case .picker: app = AppFixture.state(language, width: width, height: height)
        case .supervisor: app = SupervisorTests.state(language, width: width, height: height).0
        case .kiosk: kiosk = KioskHarness(config: KioskConfig(idleSeconds: 120, language: language), width: width, height: height)
        }
        modes.insert(self.mode.rawValue)
        note("start \(self.mode) \(self.size.width)x\(self.size.height) \(language)")
    }

    /// Mostly room for the screens (80×24 up), sometimes any size down to 1×1, and the edges.
    private mutating func randomSize() -> TerminalSize {
        let size: TerminalSize
        switch rng.int(in: 0...9) {
        case 0: size = [TerminalSize(width: 1, height: 1), TerminalSize(width: 300, height: 100), TerminalSize(width: 80, height: 24),
                        TerminalSize(width: 79, height: 24), TerminalSize(width: 80, height: 23), TerminalSize(width: 1, height: 100),
                        TerminalSize(width: 300, height: 1)].randomElement(using: &rng)!
        case 1...3: size = TerminalSize(width: rng.int(in: 1...300), height: rng.int(in: 1...100))
        default: size = TerminalSize(width: rng.int(in: 80...200), height: rng.int(in: 24...60))
        }
        see(size)
        return size
    }

    private mutating func see(_ size: TerminalSize) {
        smallest = TerminalSize(width: min(smallest.width, size.width), height: min(smallest.height, size.height))
        largest = TerminalSize(width: max(largest.width, size.width), height: max(largest.height, size.height))
    }

    // MARK: events

    private enum Input {
        case key(KeyEvent), mouse(MouseEvent), resize(TerminalSize), tick(seconds: Double), signIn
    }

    private mutating func step() -> String? {
        // Now and then a fresh mode, so every mode gets its share of a long run.
        if rng.chance(0.0005) { restart() }
        let inputs: [Input]
        switch rng.int(in: 0...99) {
        case 0..<30: inputs = [.key(.char(randomCharacter()))]
        case 30..<62: inputs = [.key(randomNavigationKey())]
        case 62..<70: inputs = [.key(.function(rng.int(in: 1...12)))]
        case 70..<77: inputs = [.key(.ctrl(rng.pick(Array("abcdefghijklmnopqrstuvwxyz\\]^_@"))))]
        case 77..<83:
            // As the ncurses adapter delivers them: keys, mouse reports, or nothing for noise.
            inputs = decoded(escapeBytes()).map { event in
                switch event {
                case .key(let key): return .key(key)
                case .mouse(let mouse): return .mouse(mouse)
                }
            }
        case 83..<91:
            let actions: [MouseEvent.Action] = [.press(1), .press(2), .press(3), .release, .scrollUp, .scrollDown]
            inputs = [.mouse(MouseEvent(rng.pick(actions), x: rng.int(in: -1...(size.width)), y: rng.int(in: -1...(size.height))))]
        case 91..<95: inputs = [.resize(randomSize())]
        case 95..<98: inputs = [.tick(seconds: rng.pick([0.2, 1, 5, 30, 130]))]
        default: inputs = [.signIn]
        }
        for input in inputs {
            events += 1
            note("\(input)")
            if let failure = apply(input) ?? check() { return failure }
        }
        return nil
    }

    /// Applies one input with the runner's answers to the effects it asks for.
    private mutating func apply(_ input: Input) -> String? {
        switch mode {
        case .kiosk:
            if rng.chance(0.05) {
                kiosk.signInAnswer = rng.pick([.signedIn(personID: "P0001"), .signedIn(personID: "P0000", supervises: true),
                                               .incorrect, .locked(until: "14:06"), .failed("database is busy")])
                kiosk.operatorAnswer = rng.chance(0.5) ? .refused : .accepted
            }
            let effects: [KioskEffect]
            switch input {
            case .key(let key): effects = kiosk.send(.key(key))
            case .mouse(let mouse): effects = kiosk.send(.mouse(mouse))
            case .resize(let new): size = new; effects = kiosk.send(.resize(width: new.width, height: new.height))
            case .tick(let seconds): effects = kiosk.wait(seconds)
            case .signIn: kiosk.signIn(rng.chance(0.5) ? "P0001" : "P0000"); effects = []
            }
            if effects.contains(.exit) { restart() }
        case .person, .picker, .supervisor:
            var queue: [AppEvent]
            switch input {
            case .key(let key): queue = [.key(key)]
            case .mouse(let mouse): queue = [.mouse(mouse)]
            case .resize(let new): size = new; queue = [.resize(width: new.width, height: new.height)]
            case .tick: queue = [.tick(today: rng.chance(0.1) ? AppFixture.today.adding(days: 1) : nil)]
            case .signIn: queue = [.peopleListed(Self.people)]
            }
            var answered = 0
            while !queue.isEmpty {
                answered += 1
                if answered > 100 { return failure("effects answered more than 100 times for one event") }
                for effect in update(&app, queue.removeFirst()) {
                    if effect == .quit { restart(); return nil }
                    queue += answers(effect)
                }
            }
        }
        return nil
    }

    /// What the runner would answer, from the fixture's records.
    private mutating func answers(_ effect: Effect) -> [AppEvent] {
        switch effect {
        case .listPeople: return [.peopleListed(Self.people)]
        case .loadPerson(let id):
            guard let record = Self.records.first(where: { $0.person.id == id }), rng.chance(0.9) else {
                return [.personLoadFailed(id: id, message: "not found")]
            }
            return [.personLoaded(record, AppFixture.context)]
        case .savePlan: return [.planSaved(error: rng.chance(0.8) ? nil : LocalizedText(th: "ฐานข้อมูลไม่ว่าง ลองอีกครั้ง", en: "the database is busy; try again"))]
        case .exportPlanMarkdown(let path, _): return [.planExported(path: path, error: rng.chance(0.8) ? nil : .cannotWrite(path: path, reason: "permission denied"))]
        case .supervisor(.listSubordinates):
            return [.supervisor(.subordinatesListed(supervisor: AppFixture.director, records: SupervisorTests.records))]
        case .supervisor(.loadPlan(let id)):
            return [.supervisor(.planLoaded(personID: id, plan: id == "P0001" ? SupervisorTests.savedPlan : nil))]
        case .supervisor(.reviewPlan(let id, _, _, _)):
            return [.supervisor(.planReviewed(personID: id, plan: rng.chance(0.8) ? SupervisorTests.savedPlan : nil,
                                              error: rng.chance(0.8) ? nil : "locked"))]
        case .quit: return []
        // The plan cycle's other effects go unanswered, as from a runner that is still busy.
        default: return []
        }
    }

    /// Letters the keymaps use, digits, punctuation, Thai consonants, vowels and combining marks,
    /// wide characters and invisible ones (zero-width space, bidi override, byte-order mark).
    private mutating func randomCharacter() -> Character {
        switch rng.int(in: 0...9) {
        case 0...3: return rng.pick(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /?.,-+:;'\"[]{}()<>=!@#$%&*|~`"))
        case 4...5: return Character(Unicode.Scalar(UInt32(rng.int(in: 0x0E01...0x0E2E)))!)
        case 6...7:
            // Combining marks (above and below) and vowels, typed on their own as a Thai keyboard sends them.
            let marks: [UInt32] = [0x0E31, 0x0E34, 0x0E35, 0x0E36, 0x0E37, 0x0E38, 0x0E39, 0x0E3A, 0x0E47, 0x0E48, 0x0E49,
                                   0x0E4A, 0x0E4B, 0x0E4C, 0x0E4D, 0x0E4E, 0x0E30, 0x0E32, 0x0E33, 0x0E40, 0x0E44, 0x0E50, 0x0E59]
            return Character(Unicode.Scalar(rng.pick(marks))!)
        case 8: return rng.pick(["中", "😀", "한", "ｗ", "🇹🇭", "é", "👍🏽"])
        default: return rng.pick(["\u{200B}", "\u{202E}", "\u{FEFF}", "\u{0301}", "\u{00A0}", "\u{2028}", "\u{00AD}"])
        }
    }

    private mutating func randomNavigationKey() -> KeyEvent {
        let keys: [KeyEvent] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete,
                                .tab, .backTab, .enter, .escape, .backspace, .resize, .char(" "), .char("/"), .char("?"), .char("q")]
        return rng.pick(keys)
    }

    /// An escape sequence as a terminal might send it: known keys, reports, mouse, or noise.
    private mutating func escapeBytes() -> [UInt32] {
        let n = rng.int(in: 0...400)
        let forms = ["[A", "[1;5C", "[4~", "[\(rng.int(in: 0...30))~", "OP", "OS", "[[A", "[<\(rng.int(in: 0...99));\(n);\(rng.int(in: 0...120))M",
                     "[<0;\(n);3m", "[M !!", "x", "\u{1B}", "[?1;2c", "[200~", "[2J", "]52;c;aGk=\u{07}", "[\(n)", "O", "["]
        var bytes = Array(rng.pick(forms).unicodeScalars.map(\.value))
        if rng.chance(0.2) { bytes.append(UInt32(rng.int(in: 0...0x7F))) }
        return [0x1B] + bytes
    }

    /// The events `EscapeSequenceParser` makes of `codes`, read as `NcursesTerminal.readInput` does
    /// (the escape delay running out after the last code).
    private func decoded(_ codes: [UInt32]) -> [InputEvent] {
        var pending = codes[...]
        var events: [InputEvent] = []
        while let code = pending.popFirst() {
            guard code == 0x1B else {
                if let key = KeyEvent.fromCharacterCode(code) { events.append(.key(key)) }
                continue
            }
            var parser = EscapeSequenceParser()
            while true {
                let step = pending.popFirst().map { parser.feed($0) } ?? parser.timedOut()
                if case .done(let event, let replay) = step {
                    pending = ArraySlice(replay) + pending
                    if let event { events.append(event) }
                    break
                }
            }
        }
        return events
    }

    // MARK: invariants

    private mutating func check() -> String? {
        let grid: CellGrid
        switch mode {
        case .kiosk:
            guard kiosk.state.size == size else { return failure("kiosk size \(kiosk.state.size) after a resize to \(size)") }
            grid = KioskView.render(kiosk.state)
            if let form = kiosk.state.signInForm {
                if let bad = Self.cursorOutside(form.employeeID, "employee ID") ?? Self.cursorOutside(form.pin, "PIN") { return failure(bad) }
            }
            if let prompt = kiosk.state.operatorPrompt, let bad = Self.cursorOutside(prompt.pin, "operator PIN") { return failure(bad) }
            if let session = kiosk.state.session {
                if let bad = appInvariants(session.app) { return failure(bad) }
                screens.insert("kiosk " + "\(session.app.screen)")
            } else {
                screens.insert("kiosk sign-in")
            }
        case .person, .picker, .supervisor:
            guard app.size == size else { return failure("state size \(app.size) after a resize to \(size)") }
            grid = AppView.render(app)
            if let bad = appInvariants(app) { return failure(bad) }
            screens.insert("\(app.screen)")
            if let modal = app.modal { screens.insert("modal \(modal.context)") }
        }
        if let bad = Self.frameProblem(grid, size) { return failure(bad) }
        for run in grid.diff(from: previous) where run.x < 0 || run.x + run.cells.count > size.width || run.y >= size.height {
            return failure("a diff run outside the grid: \(run.x),\(run.y) +\(run.cells.count)")
        }
        previous = grid
        return nil
    }

    private func appInvariants(_ state: AppState) -> String? {
        if let bad = Self.cursorOutside(state.picker.filter, "people filter") { return bad }
        if let selected = state.picker.list.selected, !state.picker.visible.indices.contains(selected) {
            return "people list selection \(selected) of \(state.picker.visible.count)"
        }
        if case .search(let search)? = state.modal {
            if let bad = Self.cursorOutside(search.query, "search") { return bad }
            if let selected = search.list.selected, !search.results.indices.contains(selected) {
                return "search selection \(selected) of \(search.results.count)"
            }
        }
        if let selected = state.catalogBrowser.list.selected, !state.catalogBrowser.entries.indices.contains(selected) {
            return "catalog selection \(selected) of \(state.catalogBrowser.entries.count)"
        }
        return nil
    }

    static func cursorOutside(_ field: InputFieldState, _ name: String) -> String? {
        (0...field.text.count).contains(field.cursor) ? nil : "\(name) cursor \(field.cursor) in \(field.text.count) characters"
    }

    /// Why a frame is not whole, or nil: its size, each row's width on screen, the halves of wide characters.
    static func frameProblem(_ grid: CellGrid, _ size: TerminalSize) -> String? {
        guard grid.width == size.width, grid.height == size.height else {
            return "grid \(grid.width)x\(grid.height) for a \(size.width)x\(size.height) terminal"
        }
        for y in 0..<grid.height {
            var line = ""
            var expectContinuation = false
            for x in 0..<grid.width {
                let cell = grid[x: x, y: y]
                if expectContinuation != cell.isContinuation {
                    return "row \(y): column \(x) \(cell.isContinuation ? "is the right half of nothing" : "breaks a wide character")"
                }
                expectContinuation = cell.width == 2
                if !cell.isContinuation { line += cell.text }
            }
            if expectContinuation { return "row \(y): a wide character cut at the right edge" }
            let width = TextWidth.of(line)
            if width != grid.width { return "row \(y) is \(width) columns wide on a \(grid.width)-column terminal: \(line.debugDescription)" }
        }
        return nil
    }

    // MARK: reporting

    private mutating func note(_ text: String) {
        recent.append(text)
        if recent.count > 16 { recent.removeFirst() }
    }

    private func failure(_ what: String) -> String {
        "soak seed \(seed), event \(events), \(mode) at \(size.width)x\(size.height): \(what)\nlast events:\n  "
            + recent.joined(separator: "\n  ")
    }
}

private extension SplitMix64 {
    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

@Suite("soak: random events through update and render")
struct SoakTests {
    /// `CAREERPATH_SOAK_EVENTS` (default 1,000: a debug build renders a few hundred frames a second)
    /// and `CAREERPATH_SOAK_SEED` (default 2569) set the run; `scripts/soak.sh` runs a million in release.
    @Test("seeded random events over every mode and size 1×1 to 300×100: every frame whole, every cursor inside")
    func soak() {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["CAREERPATH_SOAK_EVENTS"].flatMap { Int($0) } ?? 1_000
        let seed = environment["CAREERPATH_SOAK_SEED"].flatMap { UInt64($0) } ?? 2569
        var soak = Soak(seed: seed)
        let start = ContinuousClock.now
        let failure = soak.run(count)
        let elapsed = start.duration(to: .now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print("soak: seed \(seed), \(soak.events) events in \((seconds * 10).rounded() / 10) s "
              + "(\(Int(Double(soak.events) / max(seconds, 0.001))) events/s), \(failure == nil ? "0 failures" : "FAILED"); "
              + "modes \(soak.modes.sorted().joined(separator: ",")); \(soak.screens.count) screens and modals; "
              + "sizes \(soak.smallest.width)x\(soak.smallest.height) to \(soak.largest.width)x\(soak.largest.height)")
        #expect(failure == nil, "\(failure ?? "")")
        #expect(soak.modes.count == Soak.Mode.allCases.count, "modes reached: \(soak.modes.sorted())")
        #expect(soak.smallest == TerminalSize(width: 1, height: 1) && soak.largest == TerminalSize(width: 300, height: 100))
        #expect(soak.screens.isSuperset(of: ["people", "me", "paths", "gaps", "plan", "catalog", "supervisor", "kiosk sign-in"]),
                "screens reached: \(soak.screens.sorted())")
    }

    @Test("the frame check catches a grid of the wrong size, a row that is too wide and a cut wide character")
    func frameCheckFails() {
        let size = TerminalSize(width: 10, height: 2)
        #expect(Soak.frameProblem(CellGrid(width: 10, height: 2), size) == nil)
        #expect(Soak.frameProblem(CellGrid(width: 9, height: 2), size) != nil)
        var wide = CellGrid(width: 10, height: 2)
        wide.put(character: "中", x: 9, y: 0)
        #expect(Soak.frameProblem(wide, size) != nil || wide[x: 9, y: 0].width != 2, "a wide character in the last column")
        let marked = CellGrid(width: 10, height: 2, fill: Cell("ab", width: 1))
        #expect(Soak.frameProblem(marked, size) != nil, "cells two columns wide marked one")
        #expect(Soak.cursorOutside(InputFieldState(), "empty") == nil)
    }
}
