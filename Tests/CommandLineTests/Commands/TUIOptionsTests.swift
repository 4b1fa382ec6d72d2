import Foundation
import Testing
@testable import careerpath

/// The TUI's own reading of its options (`TUIOptions.parse`, which skips ArgumentParser on
/// start-up) must agree with ArgumentParser's `TUICommand`, or hand over to it.
@Suite("TUI options without ArgumentParser")
struct TUIOptionsTests {
    private static let cases: [[String]] = [
        [],
        ["--person", "P00042"],
        ["--person=P00042"],
        ["--as", "P00007", "--lang", "en"],
        ["--lang=th", "--data", "Data", "--database", "/tmp/x.sqlite"],
        ["--first-paint-only", "--database", "db.sqlite", "--data", "/opt/careerpath/Data"],
        ["--until-ready"],
        ["--no-mouse", "--lang", "en"],
        ["--no-mouse", "--no-mouse"],
        ["--person", "สมชาย"],
        ["--database="],
        ["--person", ""],
        // Everything below must go to ArgumentParser.
        ["--lang", "fr"],
        ["--person"],
        ["--person", "--lang", "th"],
        ["--person", "-x"],
        ["--person", "A", "--person", "B"],
        ["--first-paint-only=yes"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--colour"],
        ["gaps", "--person", "P00042"],
        ["--", "--person"],
        ["-p", "P1"],
    ]

    @Test("every case either gives ArgumentParser's options or is handed to ArgumentParser")
    func agreesWithArgumentParser() throws {
        for arguments in Self.cases {
            guard let fast = TUIOptions.parse(arguments) else { continue }
            let parsed = try TUICommand.parse(arguments)
            #expect(fast == parsed.options, "\(arguments)")
        }
    }

    @Test("the plain cases are read without ArgumentParser, the odd ones are not")
    func takesOnlyWhatItIsSureOf() {
        #expect(TUIOptions.parse([]) == TUIOptions())
        #expect(TUIOptions.parse(["--person", "P00042", "--lang", "en"])
                == TUIOptions(person: "P00042", lang: .en))
        #expect(TUIOptions.parse(["--as=P7", "--first-paint-only"]) == TUIOptions(viewerID: "P7", firstPaintOnly: true))
        #expect(TUIOptions.parse(["--no-mouse"]) == TUIOptions(noMouse: true))
        for odd in [["--lang", "fr"], ["--person"], ["--person", "A", "--person", "B"], ["--help"], ["-h"],
                    ["--first-paint-only=yes"], ["gaps"], ["--colour"], ["--person", "-x"]] {
            #expect(TUIOptions.parse(odd) == nil, "\(odd)")
        }
    }

    @Test("it knows every option TUICommand declares, hidden ones included")
    func knowsEveryOption() throws {
        let help = TUICommand.helpMessage(includeHidden: true, columns: 400)
        let pattern = try NSRegularExpression(pattern: "--([a-z][a-z-]*)")
        let range = NSRange(help.startIndex..., in: help)
        var declared = Set(pattern.matches(in: help, range: range).compactMap { match in
            Range(match.range(at: 1), in: help).map { String(help[$0]) }
        })
        declared.remove("help")
        #expect(declared == TUIOptions.flagNames.union(TUIOptions.valueNames))
    }
}
