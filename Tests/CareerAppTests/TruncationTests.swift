import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// Text cut to its column keeps its meaning (issue 15, item 2): no two list rows read the same
/// after truncation (short unit and post names are used first), and no date loses its year.
@Suite("truncation")
struct TruncationTests {
    static let sizes = [(80, 24), (110, 30), (120, 40)]
    static let targets: [Target] = [.directorPost("dir-news-bureau"), .directorPost("dir-nbt"), .directorPost("dir-radio-thailand"),
                                    .directorPost("deputy-director-general"), .jobLineLevel(jobLine: "public-relations-officer", level: "K4")]

    /// The screens, drawn once for both tests.
    static let rendered = Result { try screens() }

    static func screens() throws -> [(String, [String])] {
        var out: [(String, [String])] = []
        for (w, h) in sizes {
            for language in Language.allCases {
                for target in targets {
                    let state = ScreenText.state(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, record: AppFixture.somchai,
                                                 context: AppFixture.context, people: AppFixture.people, target: target,
                                                 adoptSuggestedPlan: true, size: TerminalSize(width: w, height: h),
                                                 language: language, today: AppFixture.today)
                    for screen in ["gaps", "plan", "paths"] {
                        out.append(("\(screen) \(target.id) \(w)x\(h) \(language)", try ScreenText.lines(state, screen: screen)))
                    }
                }
                var (sup, _) = SupervisorTests.state(language, width: w, height: h)
                for n in 0..<3 {
                    out.append(("supervisor #\(n) \(w)x\(h) \(language)", AppView.render(sup).lines()))
                    _ = SupervisorTests.press(&sup, .down)
                }
            }
        }
        return out
    }

    /// Each line cut at the box characters into (column, text) cells.
    static func cells(_ line: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var column = 0, start = 0, text = ""
        for c in line {
            if "│┃║".contains(c) {
                out.append((start, text)); text = ""; start = column + 1
            } else {
                text.append(c)
            }
            column += TextWidth.of(String(c))
        }
        out.append((start, text))
        return out
    }

    static let ellipsis = "…"

    @Test("no two rows of a list group read the same once cut")
    func distinctRows() throws {
        for (name, lines) in try Self.rendered.get() {
            // Rows of one pane between headings: a cut row may not repeat one of its group.
            var groups: [Int: [String]] = [:]
            for line in lines {
                for (x, raw) in Self.cells(line) {
                    let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "▶", with: "")
                        .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "[x]", with: "[ ]")
                    let isRow = text.hasPrefix("[ ]") || text.hasPrefix("✓") || text.hasPrefix("*")
                    if !isRow { groups[x] = []; continue }
                    if text.hasSuffix(Self.ellipsis), groups[x, default: []].contains(text) {
                        Issue.record("\(name): two rows read \"\(text)\"\n\(lines.joined(separator: "\n"))")
                    }
                    groups[x, default: []].append(text)
                }
            }
        }
    }

    @Test("every date shows its year (four digits)")
    func datesKeepTheirYear() throws {
        let months = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.)"
        // A day and month not followed by a four-digit year, or a month cut by the ellipsis.
        // (Dates in wrapped text are joined by no-break spaces, so a line never ends inside one.)
        let yearless = try Regex("(^|[^0-9])[0-9]{1,2}[ \u{00A0}]" + months + "(?![A-Za-z])(?![ \u{00A0}][0-9]{4})")
        let cutMonth = try Regex("(^|[^0-9])[0-9]{1,2}[ \u{00A0}]([A-Z][a-z]{0,2}|[ก-๛]{1,3}\\.[ก-๛.]{0,3})…")
        for (name, lines) in try Self.rendered.get() {
            // Both patterns start with a digit: a line without one is passed over (a regex is slow to say no).
            for line in lines where line.utf8.contains(where: { (0x30...0x39).contains($0) }) {
                #expect(line.firstMatch(of: yearless) == nil, "\(name): a date without its year: \(line)")
                #expect(line.firstMatch(of: cutMonth) == nil, "\(name): a date cut: \(line)")
            }
        }
    }
}
