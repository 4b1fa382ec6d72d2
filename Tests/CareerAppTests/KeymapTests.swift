import Foundation
import Testing
import TerminalUI
@testable import CareerApp

@Suite("keymap as data")
struct KeymapTests {
    @Test("no key is bound to two actions in one context")
    func noConflicts() {
        let conflicts = Keymap.conflicts(in: AppKeymap.bindings)
        #expect(conflicts.isEmpty, "\(conflicts.map(\.description).joined(separator: "\n"))")
        #expect(AppKeymap.keymap.bindings.count == AppKeymap.bindings.count)
    }

    @Test("the conflict check catches a duplicate")
    func conflictDetected() {
        let broken = AppKeymap.bindings + [KeyBinding([.char("q")], action: "language", th: "x", en: "x", context: "global")]
        #expect(Keymap.conflicts(in: broken).map(\.key) == [.char("q")])
    }

    @Test("every function key F1–F10 has a non-function-key alternative")
    func letterForEveryFunctionKey() {
        for n in 1...10 {
            let binding = AppKeymap.keymap.bindings(in: "global").first { $0.keys.contains(.function(n)) }
            #expect(binding != nil, "F\(n) is unbound")
            let others = binding?.keys.filter { if case .function = $0 { return false } else { return true } } ?? []
            #expect(!others.isEmpty, "F\(n) has no letter alternative")
        }
    }

    @Test("every binding names a known action and context, with both Thai and English text")
    func bindingsAreWellFormed() {
        for b in AppKeymap.bindings {
            #expect(AppAction(rawValue: b.action) != nil, "unknown action \(b.action)")
            #expect(KeyContext(rawValue: b.context) != nil, "unknown context \(b.context)")
            #expect(!b.description.th.isEmpty && !b.description.en.isEmpty)
        }
    }

    @Test("docs/keys.md is generated from the keymap and up to date")
    func keysDocUpToDate() throws {
        let url = AppFixture.repository.appendingPathComponent("docs/keys.md")
        let expected = AppKeymap.markdown()
        if Snapshot.recording {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        let actual = (try? String(contentsOf: url, encoding: .utf8)) ?? "<docs/keys.md is missing>"
        #expect(actual == expected, "docs/keys.md is out of date: run the tests with CAREERPATH_UPDATE_SNAPSHOTS=1")
    }
}
