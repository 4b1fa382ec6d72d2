import Foundation
import PrintTesting
import Testing

/// The unit reports as printed: each report's HTML rendered to PDF by headless Chromium (A4),
/// its page count read with `pdfinfo` and its Thai headings found in `pdftotext`'s text (`PrintTools`:
/// skipped without them on a workstation, failing under CI=true). Each test prints with its own copy
/// of the demo database and its own browser profile, so the tests (and the browsers) run in parallel.
@Suite struct ReportPrintTests {
    /// A copy of the demo database, taken once, that no test writes to.
    static let template: String = {
        let path = CommandLineRun.folder + "/print.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        _ = CommandLineRun.run(["people", "--unit", "news-bureau"])   // makes the demo database
        try? FileManager.default.copyItem(atPath: CommandLineRun.database, toPath: path)
        return path
    }()

    /// A copy of the template for the test named `name` (the usage form is filled in and submitted in its own).
    static func database(_ name: String) throws -> String {
        let path = CommandLineRun.folder + "/print-\(name).sqlite"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return path
    }

    func html(_ arguments: [String], name: String, database: String) throws -> String {
        let out = CommandLineRun.folder + "/\(name).html"
        let result = CommandLineRun.run(["report"] + arguments + ["--format", "html", "--out", out, "--database", database])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "a report file is private")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains("<script"))
        return out
    }

    /// Prints `htmlPath` to PDF (A4); returns (pages, text). pdftotext puts a space before some
    /// Thai vowel and tone marks ("ปั ญหา"): the text comes without spaces.
    func printPDF(_ htmlPath: String, tools: PrintTools) throws -> (Int, String) {
        let printed = tools.print(html: htmlPath, to: htmlPath.replacingOccurrences(of: ".html", with: ".pdf"),
                                  profile: htmlPath.replacingOccurrences(of: ".html", with: "-chromium-profile"))
        #expect(printed.written, "chromium printed nothing: \(printed.log)")
        #expect(printed.isA4, "not A4: \(printed.info)")
        return (printed.pages, printed.text.filter { !$0.isWhitespace })
    }

    @Test func theUsageReportPrintsLikeThePaperForm() throws {
        let database = try Self.database("usage")
        let fill = CommandLineRun.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "P000005",
                                       "--activity", "circulate-handbook", "--activity", "display-board", "--activity", "job-rotation",
                                       "--outcome", "staff-understand", "--problems", "บุคลากรต้องการคำแนะนำรายบุคคลมากขึ้น",
                                       "--signer-name", "นายสมมุติ ทดสอบ", "--signer-position", "ผู้อำนวยการสำนักข่าว",
                                       "--signed-on", "20/08/2569", "--database", database])
        #expect(fill.status == 0, "\(fill.stderr)")
        let submit = CommandLineRun.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "P000005", "--submit",
                                         "--database", database])
        #expect(submit.status == 0, "\(submit.stderr)")
        let path = try html(["usage", "--unit", "news-bureau", "--year", "2569", "--as", "P000005"], name: "usage", database: database)
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.contains("☑") && page.contains("☐"))
        #expect(page.contains("@page { size: A4"))
        guard let tools = PrintTools.required() else { return }
        let (pages, text) = try printPDF(path, tools: tools)
        // The form on the first page, the appendix on the second.
        #expect(pages == 2, "\(text)")
        for heading in ["แบบรายงานผลการใช้เครื่องมือ", "Careerpath", "กิจกรรมการดำเนินการ", "ผลลัพธ์ที่ได้จากการดำเนินการ",
                        "ปัญหา/ข้อเสนอแนะ", "ภาคผนวก", "นายสมมุติทดสอบ", "20สิงหาคม2569", "☑", "☐"] {
            #expect(text.contains(heading), "missing \(heading) in:\n\(text)")
        }
    }

    @Test(arguments: [
        (["rollup", "--year", "2569"], "rollup", "สรุปการส่งแบบรายงาน", 2...8),
        (["needs", "--unit", "news-bureau", "--on", "2026-10-01"], "needs", "ความต้องการการพัฒนา", 1...3),
        (["impact", "--on", "2026-10-01"], "impact", "ผลของการฝึกอบรม", 1...3),
        (["curricula", "--on", "2026-10-01"], "curricula", "หลักสูตรที่ต้องขอรับรองใหม่", 1...1),
    ])
    func eachReportPrintsOnA4WithItsThaiHeading(arguments: [String], name: String, heading: String, pages expected: ClosedRange<Int>) throws {
        let path = try html(arguments, name: name, database: try Self.database(name))
        guard let tools = PrintTools.required() else { return }
        let (pages, text) = try printPDF(path, tools: tools)
        #expect(expected.contains(pages), "\(name): \(pages) pages")
        #expect(text.contains(heading.filter { !$0.isWhitespace }), "missing \(heading) in:\n\(text)")
    }
}
