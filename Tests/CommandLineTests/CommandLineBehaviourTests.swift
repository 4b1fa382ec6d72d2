import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
@testable import careerpath

/// The command line as a user meets it (issue 15): dates read in the era they are written in,
/// one documented table of exit codes, errors in the chosen language, names instead of ids.
@Suite("command line behaviour", .serialized)
struct CommandLineBehaviourTests {
    static let gaps = ["gaps", "--person", "P000095", "--target", "dir-news-bureau"]

    // MARK: item 7, dates

    @Test("the one date parser: a slash date has a B.E. year, an ISO date a C.E. one; the other era is refused with its meaning")
    func typedDates() throws {
        #expect(try TypedDate.parse("01/10/2569").get() == CivilDate(year: 2026, month: 10, day: 1))
        #expect(try TypedDate.parse("๐๑/๑๐/๒๕๖๙").get() == CivilDate(year: 2026, month: 10, day: 1))
        #expect(try TypedDate.parse("2026-10-01").get() == CivilDate(year: 2026, month: 10, day: 1))
        let meant = try #require(CivilDate(year: 2026, month: 10, day: 1))
        #expect(TypedDate.parse("01/10/2026") == .failure(.wrongEra(buddhistEra: true, writtenYear: 2026, meant: meant)))
        #expect(TypedDate.parse("2569-10-01") == .failure(.wrongEra(buddhistEra: false, writtenYear: 2569, meant: meant)))
        #expect(TypedDate.parse("31/04/2569") == .failure(.noSuchDay(buddhistEra: true)))
        #expect(TypedDate.parse("1 Oct 2026") == .failure(.notADate))
        #expect(TypedDate.buddhistEraText(meant) == "01/10/2569")
    }

    @Test("--on 01/10/2026 and --on 2569-10-01 exit 1 and suggest both spellings of the likely day, in Thai and English")
    func wrongEraDatesAreErrors() {
        for (date, lang, words) in [
            ("01/10/2026", "en", ["did you mean 01/10/2569 (B.E.) or 2026-10-01?"]),
            ("2569-10-01", "en", ["did you mean 2026-10-01 or 01/10/2569 (B.E.)?"]),
            ("01/10/2026", "th", ["ข้อผิดพลาด:", "หมายถึง 01/10/2569 (พ.ศ.) หรือ 2026-10-01 ใช่ไหม?"]),
        ] {
            let result = CommandLineRun.run(Self.gaps + ["--on", date, "--lang", lang])
            #expect(result.status == 1, "\(date): \(result.stderr)")
            for word in words { #expect(result.stderr.contains(word), "\(date) \(lang): \(result.stderr)") }
            #expect(result.stdout.isEmpty)
        }
        for command in [["paths", "--person", "P000095"], ["succession", "--post", "dir-news-bureau"],
                        ["plan", "--person", "P000095", "--target", "dir-news-bureau"]] {
            let result = CommandLineRun.run(command + ["--on", "01/10/2026"])
            #expect(result.status == 1, "\(command): \(result.stderr)")
        }
    }

    @Test("every dated command takes --on; plan keeps --start as the same option")
    func onEverywhere() {
        let plan = ["plan", "--person", "P000095", "--target", "dir-news-bureau", "--lang", "en"]
        let on = CommandLineRun.run(plan + ["--on", "01/10/2569"])
        let start = CommandLineRun.run(plan + ["--start", "2026-10-01"])
        #expect(on.status == 0, "\(on.stderr)")
        #expect(on.stdout == start.stdout)
        #expect(on.stdout.contains("starting 1 Oct 2026"), "\(on.stdout)")
        for command in [Self.gaps, ["paths", "--person", "P000095"], ["succession", "--post", "dir-news-bureau"]] {
            let result = CommandLineRun.run(command + ["--on", "01/10/2569", "--lang", "en"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.contains("1 Oct 2026"), "\(command): \(result.stdout)")
        }
    }

    // MARK: item 8, exit codes and messages

    @Test("usage errors exit 1 (not ArgumentParser's 64), in the chosen language; access refused exits 3")
    func exitCodes() {
        let cases: [([String], Int32, String)] = [
            (["gaps", "--person", "P000095"], 1, "ต้องใส่ '--target <target>'"),
            (["gaps", "--person", "P000095", "--lang", "en"], 1, "Missing expected argument '--target <target>'"),
            (Self.gaps + ["--lang", "fr"], 1, "ค่า 'fr' ใช้กับ '--lang <lang>' ไม่ได้ (ใช้ได้: 'th' หรือ 'en')"),
            (Self.gaps + ["--colour"], 1, "ไม่รู้จักตัวเลือก '--colour'"),
            (Self.gaps + ["--explain=yes"], 1, "ข้อผิดพลาด: '--explain' ไม่รับค่า (ได้ 'yes')"),
            (["people", "--unit", "news-bureu"], 1, "ไม่รู้จักหน่วยงาน `news-bureu` (หมายถึง `news-bureau` ใช่ไหม?)"),
            (["gaps", "--person", "P00095", "--target", "dir-news-bureau", "--lang", "en"], 1, "did you mean `P000095`?"),
            (["succession", "--lang", "en"], 1, "give either --post ID or --risks"),
            (["succession"], 1, "ใส่ --post รหัสตำแหน่ง หรือ --risks อย่างใดอย่างหนึ่ง"),
            (Self.gaps + ["--as", "P000183", "--lang", "en"], 3, "error:"),
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
        #expect(rows == [CommandExit.success, CommandExit.input, CommandExit.noTerminal, CommandExit.accessDenied])
        #expect(!doc.contains("64"), "ArgumentParser's 64 is never an exit code")
    }

    // MARK: item 1, names

    @Test("people, person, succession, gaps and plan text name units, job lines, supervisors and gaps; ids stay in --json")
    func namesNotIDs() throws {
        let catalog = EngineOutputTests.catalog
        let people = CommandLineRun.run(["people", "--unit", "news-bureau", "--lang", "en"])
        #expect(people.status == 0, "\(people.stderr)")
        // Sub-units are included (item 9), and named.
        let groups = catalog.descendants(of: "news-bureau").map(\.name.en)
        #expect(groups.contains { people.stdout.contains($0) }, "\(people.stdout)")
        let ids = catalog.units.map(\.id) + catalog.jobLines.map(\.id)
        for output in [people.stdout, CommandLineRun.run(["person", "P000095"]).stdout,
                       CommandLineRun.run(["succession", "--post", "dir-news-bureau", "--limit", "0"]).stdout,
                       CommandLineRun.run(["succession", "--risks"]).stdout,
                       CommandLineRun.run(Self.gaps).stdout,
                       CommandLineRun.run(["plan", "--person", "P000095", "--target", "dir-news-bureau", "--on", "2026-10-01"]).stdout] {
            #expect(!output.isEmpty)
            let words = Set(output.split(whereSeparator: { " ,()[]:\n".contains($0) }).map(String.init))
            let shown = ids.filter { words.contains($0) }
            #expect(shown.isEmpty, "ids \(shown) in:\n\(output)")
            #expect(!output.contains("experience:") && !output.contains("time-in-level"), "gap ids in:\n\(output)")
            // The supervisor P000005 appears by name, never by id (the people list has her own row).
            if output != people.stdout { #expect(!output.contains("P000005"), "\(output)") }
        }
        let json = CommandLineRun.run(["people", "--unit", "news-bureau", "--json"])
        #expect(json.stdout.contains("\"unit\" : \"news-bureau-domestic-news-group\""), "\(json.stdout)")
    }

    @Test("a name two people share gets the id; one nobody shares does not")
    func sharedNames() {
        func person(_ id: String, _ name: String) -> Person {
            Person(id: id, nameTH: name, nameEN: name, unit: "news-bureau", jobLine: "public-relations-officer", level: "K1",
                   levelSince: CivilDate(dayNumber: 0), serviceStart: CivilDate(dayNumber: 0), education: "bachelor", supervisorID: nil)
        }
        let names = PeopleNames([person("A1", "สมชาย"), person("A2", "สมชาย"), person("A3", "สมหญิง")], .th)
        #expect(names.name("A1") == "สมชาย (A1)")
        #expect(names.name("A3") == "สมหญิง")
        #expect(names.name("A9") == "A9")
    }
}
