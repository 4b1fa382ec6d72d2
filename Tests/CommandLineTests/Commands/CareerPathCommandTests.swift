import ArgumentParser
import Foundation
import Testing
@testable import careerpath

/// Every `careerpath …` example in README.md, docs/*.md (shell code blocks) and the `--help`
/// discussions runs against a database made from Data/demo and exits 0 (issue 15, item 9).
/// `swift run [-c release] careerpath` counts as `careerpath`. What cannot run here is listed
/// below with the reason; a listed example that no longer exists fails too, so the list stays true.
@Suite("documented examples", .serialized)
struct CareerPathCommandTests {
    /// Examples that need a terminal, a server, an interactive standard input or root, by a part of their text.
    static let skipped: [(part: String, reason: String)] = [
        ("swift run careerpath          # the TUI", "the TUI needs a terminal"),
        ("swift run careerpath --database my.sqlite", "the TUI needs a terminal"),
        ("bench ", "a benchmark: minutes, and a release build"),
        ("careerpath kiosk --database", "the kiosk needs a terminal"),
        ("exec /usr/local/bin/careerpath kiosk", "the kiosk login script: needs a terminal and an installed program"),
        ("# asks twice, no echo", "asks for the PIN on a terminal"),
        ("careerpath accounts set-pin --person ID", "asks for the PIN on a terminal (ID is a placeholder)"),
        ("careerpath kiosk --hash-operator-pin < pinfile", "reads a file the reader makes (pinfile)"),
        ("db.hq.example", "needs the README's central PostgreSQL server"),
        ("=careerpath kiosk", "the kiosk needs a terminal"),
        ("=careerpath render", "a mention in `tui --help` (\"for plain text use `careerpath render`\"), not an example"),
    ]

    /// Whether `example` is on the skip list; a part starting with "=" is the whole line.
    static func isSkipped(_ example: Example) -> Bool {
        skipped.contains { $0.part.hasPrefix("=") ? example.line == $0.part.dropFirst() : example.line.contains($0.part) }
    }

    /// A documented command line, and where it was found.
    struct Example: CustomStringConvertible {
        let line: String
        let source: String
        var description: String { "\(source): \(line)" }
    }

    /// The shell lines of README.md and docs/*.md code blocks (```sh) that run careerpath.
    static func documentExamples() throws -> [Example] {
        let root = CommandLineRun.repository
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var examples: [Example] = []
        for file in ["README.md"] + docs {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            var inShell = false, fence = false
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                if line.hasPrefix("```") {
                    fence.toggle()
                    inShell = fence && ["```sh", "```shell", "```bash", "```console"].contains(line.trimmingCharacters(in: .whitespaces))
                    continue
                }
                guard inShell, mentionsCareerpath(line) else { continue }
                examples.append(Example(line: line.trimmingCharacters(in: .whitespaces), source: "\(file):\(number + 1)"))
            }
        }
        return examples
    }

    /// The examples in every command's `--help` discussion: lines after "Example:"/"Examples:", and
    /// `careerpath …` in backquotes.
    static func helpExamples() -> [Example] {
        var examples: [Example] = []
        func visit(_ command: ParsableCommand.Type, path: String) {
            let discussion = command.configuration.discussion
            for line in discussion.components(separatedBy: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let range = trimmed.range(of: "Example: ") {
                    examples.append(Example(line: String(trimmed[range.upperBound...]), source: "\(path) --help"))
                } else if trimmed.hasPrefix("careerpath ") {
                    examples.append(Example(line: trimmed, source: "\(path) --help"))
                }
                for (i, part) in line.components(separatedBy: "`").enumerated() where i % 2 == 1 && mentionsCareerpath(part) {
                    examples.append(Example(line: part, source: "\(path) --help"))
                }
            }
            for sub in command.configuration.subcommands {
                visit(sub, path: path + " " + (sub.configuration.commandName ?? ""))
            }
        }
        visit(CareerPathCommand.self, path: "careerpath")
        return examples
    }

    static func mentionsCareerpath(_ line: String) -> Bool {
        // A command: at the start, after a pipe, after `swift run [-c release]` or `exec /path/`.
        line.trimmingCharacters(in: .whitespaces)
            .range(of: #"(^|\|\s*|swift run (-c release )?|exec \S*/)careerpath(\s|$)"#, options: .regularExpression) != nil
    }

    /// The line as a shell command on the test's files: the binary for `careerpath`, the demo
    /// database for any `--database`, the repository's data for `--data`, the test folder for
    /// the system folders the kiosk section names.
    static func command(_ example: Example) -> String {
        var line = example.line
        if let comment = line.range(of: " #") { line = String(line[..<comment.lowerBound]) }
        let binary = "'\(CommandLineRun.binary)'"
        for prefix in ["swift run -c release careerpath", "swift run careerpath"] {
            line = line.replacingOccurrences(of: prefix, with: binary)
        }
        line = line.replacingOccurrences(of: #"(^|(?<=[\s|]))careerpath(?=\s|$)"#, with: binary, options: .regularExpression)
        line = line.replacingOccurrences(of: #"--database \S+"#, with: "--database '\(CommandLineRun.database)'", options: .regularExpression)
        line = line.replacingOccurrences(of: #"--data \S+"#, with: "--data Data", options: .regularExpression)
        line = line.replacingOccurrences(of: "/var/lib/careerpath/", with: CommandLineRun.folder + "/")
        return line
    }

    @Test("the documents and --help have examples to run, and every skipped one is still there")
    func examplesAreFound() throws {
        let all = try Self.documentExamples() + Self.helpExamples()
        #expect(all.count >= 15, "\(all)")
        #expect(all.contains { $0.line.contains("people --unit news-bureau") })
        for skip in Self.skipped {
            let found = all.contains { skip.part.hasPrefix("=") ? $0.line == skip.part.dropFirst() : $0.line.contains(skip.part) }
            #expect(found, "the skip list names an example that is gone: \(skip.part)")
        }
        // The examples name people who exist (P00042 did not).
        #expect(!all.contains { $0.line.contains("P00042") })
    }

    @Test("every documented careerpath example exits 0 on the demo database")
    func examplesRun() throws {
        let examples = try Self.documentExamples() + Self.helpExamples()
        var ran = 0
        for example in examples where !Self.isSkipped(example) {
            ran += 1
            let result = CommandLineRun.shell(Self.command(example))
            #expect(result.status == 0, "\(example)\n\(Self.command(example))\nexit \(result.status): \(result.stderr)")
        }
        #expect(ran >= 15, "only \(ran) examples ran")
        print("documented examples: \(ran) ran, \(examples.count - ran) skipped")
    }

    /// The README's two commands agree: the person whose gaps are shown is in the unit listed.
    @Test("the README's gaps example is someone `people --unit news-bureau` lists")
    func readmePersonIsInTheListedUnit() throws {
        let examples = try Self.documentExamples()
        let gaps = try #require(examples.first { $0.source.hasPrefix("README.md") && $0.line.contains(" gaps --person ") })
        let person = try #require(gaps.line.components(separatedBy: " ").drop { $0 != "--person" }.dropFirst().first)
        let listed = CommandLineRun.run(["people", "--unit", "news-bureau", "--json"])
        let people = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(people?.contains { $0["id"] as? String == person } == true, "\(person) is not in news-bureau")
    }
}
