import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
@testable import careerpath

/// The engine commands' shared input (`EngineInput.swift`): dates read in the era they are written
/// in (issue 15, item 7), `--on` on every dated command.
@Suite("engine input: dates and --on", .serialized)
struct EngineInputTests {
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
            let result = CommandLineRun.run(CommandLineRun.gaps + ["--on", date, "--lang", lang])
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
        for command in [CommandLineRun.gaps, ["paths", "--person", "P000095"], ["succession", "--post", "dir-news-bureau"]] {
            let result = CommandLineRun.run(command + ["--on", "01/10/2569", "--lang", "en"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.contains("1 Oct 2026"), "\(command): \(result.stdout)")
        }
    }
}
