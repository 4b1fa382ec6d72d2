import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
@testable import careerpath

/// Exit codes and error messages (`CommandErrors.swift`, issue 15, item 8): one documented table,
/// errors in the chosen language.
@Suite("command errors: exit codes and messages", .serialized)
struct CommandErrorsTests {
    @Test("usage errors exit 1 (not ArgumentParser's 64), in the chosen language; access refused exits 3")
    func exitCodes() {
        let cases: [([String], Int32, String)] = [
            (["gaps", "--person", "P000095"], 1, "ต้องใส่ '--target <target>'"),
            (["gaps", "--person", "P000095", "--lang", "en"], 1, "Missing expected argument '--target <target>'"),
            (CommandLineRun.gaps + ["--lang", "fr"], 1, "ค่า 'fr' ใช้กับ '--lang <lang>' ไม่ได้ (ใช้ได้: 'th' หรือ 'en')"),
            (CommandLineRun.gaps + ["--colour"], 1, "ไม่รู้จักตัวเลือก '--colour'"),
            (CommandLineRun.gaps + ["--explain=yes"], 1, "ข้อผิดพลาด: '--explain' ไม่รับค่า (ได้ 'yes')"),
            (["people", "--unit", "news-bureu"], 1, "ไม่รู้จักหน่วยงาน `news-bureu` (หมายถึง `news-bureau` ใช่ไหม?)"),
            (["gaps", "--person", "P00095", "--target", "dir-news-bureau", "--lang", "en"], 1, "did you mean `P000095`?"),
            (["succession", "--lang", "en"], 1, "give either --post ID or --risks"),
            (["succession"], 1, "ใส่ --post รหัสตำแหน่ง หรือ --risks อย่างใดอย่างหนึ่ง"),
            (CommandLineRun.gaps + ["--as", "P000183", "--lang", "en"], 3, "error:"),
        ]
        for (arguments, code, message) in cases {
            let result = CommandLineRun.run(arguments)
            #expect(result.status == code, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        // The default follows the app: Thai, or English where the locale cannot show Thai.
        let plain = CommandLineRun.run(["gaps", "--person", "P000095"], environment: ["LANG": "C", "LC_ALL": "C"])
        #expect(plain.stderr.hasPrefix("Error: Missing expected argument"), "\(plain.stderr)")
        #expect(CommandLineRun.run(["--help"]).status == 0)
    }

    @Test("docs/cli.md's exit-code table lists exactly the codes the command line uses")
    func exitCodeTableIsDocumented() throws {
        let doc = try String(contentsOf: CommandLineRun.repository.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { row -> Int32? in
            row.split(separator: "`").dropFirst().first.flatMap { Int32($0) }
        }
        #expect(rows == [CommandExit.success, CommandExit.input, CommandExit.noTerminal, CommandExit.accessDenied, CommandExit.databaseUnreachable])
        #expect(!doc.contains("64"), "ArgumentParser's 64 is never an exit code")
    }
}
