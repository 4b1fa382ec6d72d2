import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// Whole screens compared with golden text files in Snapshots/. A missing golden fails; run with
/// CAREERPATH_UPDATE_SNAPSHOTS=1 to write it (review new ones by eye before committing).
@Suite("snapshots")
struct SnapshotTests {
    static let screens = ["people", "me", "paths", "gaps", "plan", "catalog", "help", "search"]
    static let sizes = [(80, 24), (120, 40)]

    static func lines(screen: String, language: Language, width: Int, height: Int) throws -> [String] {
        let state = ScreenText.state(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, record: AppFixture.somchai, context: AppFixture.context,
                                     people: AppFixture.people, target: .directorPost("dir-news-bureau"),
                                     adoptSuggestedPlan: true, size: TerminalSize(width: width, height: height),
                                     language: language, today: AppFixture.today)
        return try ScreenText.lines(state, screen: screen)
    }

    @Test("every screen at 80×24 and 120×40 in Thai and English matches its golden file",
          arguments: screens)
    func screen(_ name: String) throws {
        for (w, h) in Self.sizes {
            for language in Language.allCases {
                let lines = try Self.lines(screen: name, language: language, width: w, height: h)
                #expect(lines.count == h)
                try Snapshot.assert(lines, named: "\(name)-\(w)x\(h)-\(language.rawValue)")
            }
        }
    }

    @Test("the right border stays in the last column on rows with Thai text")
    func rightBorderAlignedOnThaiRows() throws {
        let thai: (Character) -> Bool = { $0.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) } }
        var checked = 0
        for name in ["me", "paths", "gaps", "plan", "catalog"] {
            for (w, h) in Self.sizes {
                let lines = try Self.lines(screen: name, language: .th, width: w, height: h)
                // Body rows: every one ends with a box edge in column w-1.
                // Rows inside boxes (the Gaps and Plan summaries above the boxes are open text).
                for row in 2..<(h - 2) where lines[row].contains(where: thai) && "│┃".contains(lines[row].first ?? " ") {
                    let line = lines[row]
                    guard let last = line.last else { continue }
                    #expect("│┃┐┓┘┛".contains(last), "\(name) \(w)x\(h) row \(row) does not end with a border: \(line)")
                    #expect(TextWidth.of(line) == w, "\(name) \(w)x\(h) row \(row) is \(TextWidth.of(line)) columns wide: \(line)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    @Test("render refuses an unknown screen and a record screen without a person")
    func renderErrors() {
        #expect(throws: RenderError.self) {
            _ = try ScreenText.render(catalog: AppFixture.catalog, record: nil, screen: "nope", size: .minimum, language: .en, today: AppFixture.today)
        }
        #expect(throws: RenderError.self) {
            _ = try ScreenText.render(catalog: AppFixture.catalog, record: nil, screen: "gaps", size: .minimum, language: .en, today: AppFixture.today)
        }
        #expect(ScreenText.parseSize("100x30") == TerminalSize(width: 100, height: 30))
        #expect(ScreenText.parseSize("100") == nil)
        #expect(ScreenText.parseSize("0x5") == nil)
    }
}

enum Snapshot {
    /// Whether this run records goldens instead of checking them (`CAREERPATH_UPDATE_SNAPSHOTS=1`).
    static var recording: Bool { ProcessInfo.processInfo.environment["CAREERPATH_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares with Snapshots/NAME.txt. A missing golden is a failure, not a pass: it is written
    /// only in record mode, so a test can never pass by creating what it compares against.
    static func assert(_ lines: [String], named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = AppFixture.snapshots.appendingPathComponent(name + ".txt")
        let text = lines.joined(separator: "\n") + "\n"
        if recording {
            try FileManager.default.createDirectory(at: AppFixture.snapshots, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record(Comment(rawValue: "snapshot \(name) has no golden Snapshots/\(name).txt (CAREERPATH_UPDATE_SNAPSHOTS=1 writes it):\n" + text),
                         sourceLocation: sourceLocation)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = golden.last == "" ? Array(golden.dropLast()) : golden
        guard expected != lines else { return }
        var diff: [String] = []
        for row in 0..<max(expected.count, lines.count) {
            let e = row < expected.count ? expected[row] : "<none>"
            let a = row < lines.count ? lines[row] : "<none>"
            if e != a { diff.append("row \(row):\n  - \(e)\n  + \(a)") }
        }
        Issue.record(Comment(rawValue: "snapshot \(name) differs (CAREERPATH_UPDATE_SNAPSHOTS=1 rewrites it):\n" + diff.joined(separator: "\n")),
                     sourceLocation: sourceLocation)
    }
}
