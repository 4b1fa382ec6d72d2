import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// The central database away at start (issue 18): the planner and the kiosk open, say so on their
/// status line, try again with a growing wait, and load once it answers, keeping what was typed.
@Suite("store link: the database away at start, tries with backoff, back")
struct StoreLinkTests {
    static let start = Date(timeIntervalSince1970: 1_756_600_000)

    @Test("the wait doubles from 1 s to at most 30 s")
    func backoff() {
        #expect((1...8).map { StoreLink.delay(afterFailures: $0) } == [1, 2, 4, 8, 16, 30, 30, 30])
        var link = StoreLink()
        link.lost(at: Self.start)
        #expect(!link.isDue(Self.start.addingTimeInterval(0.9)))
        #expect(link.isDue(Self.start.addingTimeInterval(1)))
        link.trying()
        #expect(!link.isDue(Self.start.addingTimeInterval(100)), "no second try while one is under way")
        link.lost(at: Self.start.addingTimeInterval(1))
        #expect(link.retryAt == Self.start.addingTimeInterval(3))
    }

    @Test("planner: away at start → status line says so (th/en); a due try is one connect effect; back → the start's reads go out")
    func plannerAwayThenBack() {
        var state = AppState(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, today: AppFixture.today, language: .en,
                             size: TerminalSize(width: 100, height: 30))
        let reads: [Effect] = [.listPeople, .loadPerson(id: "P0001")]
        #expect(update(&state, .storeUnavailable(at: Self.start, reload: reads)).isEmpty)
        #expect(!state.storeLink.isAvailable)
        var screen = AppView.render(state).lines().joined(separator: "\n")
        #expect(screen.contains("The central personnel database cannot be reached; trying again"), "\(screen)")
        // The language key: the status line stays on the database, in Thai now.
        _ = update(&state, .key(.char("L")))
        screen = AppView.render(state).lines().joined(separator: "\n")
        #expect(screen.contains("ติดต่อฐานข้อมูลบุคลากรกลางไม่ได้"), "\(screen)")

        #expect(update(&state, .storeRetryDue) == [.connectStore])
        #expect(update(&state, .storeRetryDue).isEmpty, "one try at a time")
        // The try failed: the next waits longer, the start's reads still wait.
        #expect(update(&state, .storeUnavailable(at: Self.start.addingTimeInterval(1), reload: [])).isEmpty)
        #expect(state.storeLink.failures == 2)
        #expect(state.storeLink.retryAt == Self.start.addingTimeInterval(3))
        #expect(update(&state, .storeRetryDue) == [.connectStore])
        #expect(update(&state, .storeAvailable) == reads)
        #expect(state.storeLink.isAvailable)
        screen = AppView.render(state).lines().joined(separator: "\n")
        #expect(screen.contains("ติดต่อฐานข้อมูลบุคลากรกลางได้แล้ว"), "\(screen)")
        // Nothing is loaded twice.
        #expect(update(&state, .storeAvailable).isEmpty)
    }

    @Test("planner: a reconnect keeps a form's typed text")
    func plannerKeepsTypedText() {
        var state = AppFixture.state(.en)
        AppFixture.press(&state, .char("/"))
        AppFixture.type(&state, "som")
        let typed = state.picker.filter.text
        #expect(typed == "som")
        _ = update(&state, .storeUnavailable(at: Self.start, reload: []))
        _ = update(&state, .storeRetryDue)
        #expect(update(&state, .storeAvailable).isEmpty)
        #expect(state.picker.filter.text == typed)
    }

    @Test("kiosk: away at start → bottom line says so; the clock asks for tries with backoff; the typed ID stays when it is back")
    func kioskAwayThenBack() {
        var k = KioskHarness()
        k.send(.storeUnavailable(at: k.now))
        #expect(k.screen.contains("The central personnel database cannot be reached"), "\(k.screen)")
        k.type("p0001")
        #expect(!k.wait(0.5).contains(.connectStore))
        #expect(k.wait(0.5).contains(.connectStore))
        #expect(!k.wait(5).contains(.connectStore), "no second try before the first answers")
        k.send(.storeUnavailable(at: k.now))
        #expect(!k.wait(1).contains(.connectStore))
        #expect(k.wait(1).contains(.connectStore), "the second wait is 2 s")
        k.send(.storeAvailable)
        #expect(!k.screen.contains("cannot be reached"))
        #expect(k.state.signInForm?.employeeID.text == "P0001")
        #expect(!k.wait(60).contains(.connectStore))
    }
}
