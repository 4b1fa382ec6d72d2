import CareerCatalog
import Foundation
import Testing
import TerminalUI
@testable import careerpath

/// One sink for every text the command line writes (issue 17, item 2): a name holding OSC 52
/// (clipboard), OSC 0 (title), ESC [2J, BEL, DCS, a C1 control or a bidi override reaches no
/// terminal from `person`, `people`, `gaps`, `plan`, `paths`, `succession`, `audit` or an import
/// error, and `--json` escapes every one of them.
@Suite("output: one sink, no escape sequence reaches the terminal", .serialized)
struct OutputTests {
    /// Clipboard, title, clear screen, BEL, a DCS query, a one-byte CSI (U+009B), NEL (U+0085),
    /// DEL, a right-to-left override and an isolate.
    static let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]0;owned\u{07}\u{1B}[2J\u{07}\u{1B}P1$qm\u{1B}\\\u{9B}31m\u{85}\u{7F}\u{202E}\u{2066}"

    /// The same text as SQL (`char(27)` and so on), for writing it into a database as another tool could.
    static var hostileSQL: String {
        "char(" + hostile.unicodeScalars.map { String($0.value) }.joined(separator: ", ") + ")"
    }

    /// The scalars no output may hold (line feeds and tabs are text).
    static func unsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && TextWidth.isUnsafe($0) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// A copy of the demo roster in a folder whose name holds the hostile text (the import's audit
    /// row names it), imported into a database of its own; then P000095's names hold the text too,
    /// written as another tool could (the importer may refuse such names, issue 17 item 6).
    static let hostileDatabase: String = {
        let folder = CommandLineRun.folder + "/hostile"
        let roster = folder + "/roster" + hostile
        try? FileManager.default.createDirectory(atPath: roster, withIntermediateDirectories: true)
        let demo = CommandLineRun.repository.appendingPathComponent("Data/demo").path
        for file in (try? FileManager.default.contentsOfDirectory(atPath: demo)) ?? [] where file.hasSuffix(".csv") {
            try? FileManager.default.copyItem(atPath: demo + "/" + file, toPath: roster + "/" + file)
        }
        let database = folder + "/records.sqlite"
        let imported = CommandLineRun.run(["import", "--database", database, roster])
        precondition(imported.status == 0, "the demo roster does not import from a hostile folder: \(imported.stderr)")
        let sql = "UPDATE people SET name_en = 'Phurat' || \(hostileSQL) || ' Thong', name_th = 'ภูรัตน์' || \(hostileSQL) || ' ทอง' WHERE id = 'P000095';"
        let updated = CommandLineRun.shell("sqlite3 '\(database)' \"\(sql)\"")
        precondition(updated.status == 0, "sqlite3: \(updated.stderr)")
        return database
    }()

    @Test("the sanitiser drops C0, DEL, C1 and bidi controls, and keeps line feeds, tabs and Thai")
    func sanitiser() {
        #expect(TextWidth.terminalSafe("a" + Self.hostile + "ข\tค\n") == "a]52;c;ZXZpbA==]0;owned[2JP1$qm\\31mข\tค\n")
        #expect(TextWidth.terminalSafe("นักประชาสัมพันธ์ชำนาญการพิเศษ") == "นักประชาสัมพันธ์ชำนาญการพิเศษ")
        for v: UInt32 in [0x1B, 0x07, 0x0D, 0x7F, 0x80, 0x9B, 0x9F, 0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069] {
            #expect(TextWidth.isUnsafe(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
        for v: UInt32 in [0x20, 0x41, 0xA0, 0x0E33, 0x200D, 0x2028] {
            #expect(!TextWidth.isUnsafe(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
    }

    @Test("a hostile name in the records: person, people, gaps, plan, paths, succession and audit write no ESC, BEL, C1 or bidi control",
          arguments: [Language.th, Language.en])
    func hostileName(_ language: Language) throws {
        let database = Self.hostileDatabase
        let lang = ["--lang", language.rawValue]
        let commands: [[String]] = [
            ["person", "P000095"] + lang, ["people", "--unit", "news-bureau"] + lang,
            ["gaps", "--person", "P000095", "--target", "dir-news-bureau", "--on", "2026-10-01", "--explain"] + lang,
            ["plan", "--person", "P000095", "--target", "dir-news-bureau", "--on", "2026-10-01"] + lang,
            ["paths", "--person", "P000095", "--on", "2026-10-01"] + lang,
            ["succession", "--post", "dir-news-bureau", "--on", "2026-10-01", "--limit", "0"] + lang,
            ["audit"],
            ["person", "P000095", "--json"], ["people", "--json"],
            ["succession", "--post", "dir-news-bureau", "--on", "2026-10-01", "--limit", "0", "--json"] + lang,
            ["audit", "--json"],
        ]
        var shown = 0
        for command in commands {
            let result = CommandLineRun.run(command + ["--database", database])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(Self.unsafe(result.stdout).isEmpty, "\(command) writes \(Self.unsafe(result.stdout)) to standard output")
            #expect(Self.unsafe(result.stderr).isEmpty, "\(command) writes \(Self.unsafe(result.stderr)) to standard error")
            if result.stdout.contains("]52;c;ZXZpbA==") || result.stdout.contains("\\u001b]52;c;ZXZpbA==") { shown += 1 }
        }
        #expect(shown >= 5, "the name (or the folder) is still shown, without its controls: \(shown)")
        // JSON keeps the name exactly: a script reads back what the database holds.
        let person = CommandLineRun.run(["person", "P000095", "--json", "--database", database])
        let object = try JSONSerialization.jsonObject(with: Data(person.stdout.utf8)) as? [String: Any]
        #expect((object?["person"] as? [String: Any])?["name_en"] as? String == "Phurat" + Self.hostile + " Thong")
    }

    @Test("an import error that echoes a field writes it without its controls")
    func importErrorEcho() throws {
        let folder = CommandLineRun.folder + "/hostile-import-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = "person_id,name_th,name_en,unit,job_line,level,level_since,service_start,education,supervisor_id\n"
            + "P900001,ทดสอบ,Test,news\(Self.hostile)bureau,public-relations-officer\(Self.hostile),K3,2023-09-01,2014-10-01,master,\n"
        try csv.write(toFile: folder + "/people.csv", atomically: true, encoding: .utf8)
        let result = CommandLineRun.run(["import", "--database", folder + "/records.sqlite", folder + "/people.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("people.csv:2:"), "\(result.stderr)")
        #expect(Self.unsafe(result.stdout + result.stderr).isEmpty, "\(Self.unsafe(result.stderr)): \(result.stderr)")
    }

    /// Every write to the standard streams goes through `Output` (so no command can forget the
    /// sanitiser): no other file of the command line writes to them.
    @Test("no file of the command line writes to standard output or error except through the sink")
    func oneSink() throws {
        let sources = CommandLineRun.repository.appendingPathComponent("Sources/careerpath")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        let writers = ["Swift.print(", "FileHandle.standardOutput", "FileHandle.standardError", "fputs(", "fwrite(", "putchar(",
                       "puts(", "exit(withError", "write(1,", "write(2,", "STDOUT_FILENO", "STDERR_FILENO", ", to: &"]
        for file in files where file != "Commands/Output.swift" {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for writer in writers {
                #expect(!text.contains(writer), "\(file) writes with \(writer), around Output")
            }
        }
    }
}
