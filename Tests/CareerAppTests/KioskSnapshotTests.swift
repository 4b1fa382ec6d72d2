import CareerCatalog
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// The kiosk's screens at 80×24 (the smallest terminal it supports) in Thai and English, compared
/// with golden files in Snapshots/ like the planner's screens.
@Suite("kiosk snapshots")
struct KioskSnapshotTests {
    /// Each screen the kiosk shows, reached by keys and the harness's clock.
    static let screens = ["signin", "signin-typed", "me", "paths", "idle-warning", "signed-out", "supervisor"]

    static func harness(_ screen: String, _ language: Language) -> KioskHarness {
        var k = KioskHarness(config: KioskConfig(idleSeconds: 120, language: language))
        switch screen {
        case "signin":
            break
        case "signin-typed":
            k.type("P0001")
            k.press(.tab)
            k.type("2568")
        case "me":
            k.signIn()
        case "paths":
            k.signIn()
            k.press(.char("6"))
        case "idle-warning":
            k.signIn()
            k.wait(120)
            k.wait(3)
        case "signed-out":
            k.signIn()
            k.press(.char("o"))
        case "supervisor":
            k.signInSupervisor()
        default:
            Issue.record("no such kiosk screen: \(screen)")
        }
        return k
    }

    @Test("every kiosk screen at 80×24 in Thai and English matches its golden file", arguments: screens)
    func screen(_ name: String) throws {
        for language in Language.allCases {
            let lines = KioskView.render(Self.harness(name, language).state).lines()
            #expect(lines.count == 24)
            try Snapshot.assert(lines, named: "kiosk-\(name)-80x24-\(language.rawValue)")
        }
    }
}
