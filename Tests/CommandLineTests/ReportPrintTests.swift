import Foundation
import Testing

/// The unit reports as printed: each report's HTML rendered to PDF by headless Chromium (A4),
/// its page count read with `pdfinfo` and its Thai headings found in `pdftotext`'s text. `.ci/run`
/// installs chromium and poppler-utils; without them the test is skipped on a workstation and
/// fails under CI=true (a printing test that silently does not run proves nothing).
@Suite(.serialized) struct ReportPrintTests {
    static let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(tool).first
    static let pdftotext = tool("pdftotext")
    static let pdfinfo = tool("pdfinfo")

    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The tools, or nil after recording why (an issue under CI, a note elsewhere).
    static func tools() -> (chromium: String, pdftotext: String, pdfinfo: String)? {
        if let chromium, let pdftotext, let pdfinfo { return (chromium, pdftotext, pdfinfo) }
        let message = "chromium and poppler-utils (pdftotext, pdfinfo) are needed to print the reports: run .ci/run or apt-get install chromium poppler-utils"
        if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) } else { print("skipped: \(message)") }
        return nil
    }

    /// A copy of the demo database (the usage form is filled in and submitted here).
    static let database: String = {
        let path = CommandLineRun.folder + "/print.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        _ = CommandLineRun.run(["people", "--unit", "news-bureau"])   // makes the demo database
        try? FileManager.default.copyItem(atPath: CommandLineRun.database, toPath: path)
        return path
    }()

    func html(_ arguments: [String], name: String) throws -> String {
        let out = CommandLineRun.folder + "/\(name).html"
        let result = CommandLineRun.run(["report"] + arguments + ["--format", "html", "--out", out, "--database", Self.database])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "a report file is private")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains("<script"))
        return out
    }

    /// Prints `htmlPath` to PDF; returns (pages, text).
    func printPDF(_ htmlPath: String, tools: (chromium: String, pdftotext: String, pdfinfo: String)) throws -> (Int, String) {
        let pdf = htmlPath.replacingOccurrences(of: ".html", with: ".pdf")
        try? FileManager.default.removeItem(atPath: pdf)
        let profile = CommandLineRun.folder + "/chromium-profile"
        let printed = CommandLineRun.shell("'\(tools.chromium)' --headless --no-sandbox --disable-gpu --no-pdf-header-footer "
                                           + "--user-data-dir='\(profile)' --print-to-pdf='\(pdf)' 'file://\(htmlPath)' 2>&1")
        #expect(FileManager.default.fileExists(atPath: pdf), "chromium printed nothing: \(printed.stdout)")
        let info = CommandLineRun.shell("'\(tools.pdfinfo)' '\(pdf)'").stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(info.contains("(A4)"), "not A4: \(info)")
        // pdftotext puts a space before some Thai vowel and tone marks ("ปั ญหา"): compare without spaces.
        let text = CommandLineRun.shell("'\(tools.pdftotext)' '\(pdf)' -").stdout.filter { !$0.isWhitespace }
        return (pages, text)
    }

    @Test func theUsageReportPrintsLikeThePaperForm() throws {
        let fill = CommandLineRun.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "P000005",
                                       "--activity", "circulate-handbook", "--activity", "display-board", "--activity", "job-rotation",
                                       "--outcome", "staff-understand", "--problems", "บุคลากรต้องการคำแนะนำรายบุคคลมากขึ้น",
                                       "--signer-name", "นายสมมุติ ทดสอบ", "--signer-position", "ผู้อำนวยการสำนักข่าว",
                                       "--signed-on", "20/08/2569", "--database", Self.database])
        #expect(fill.status == 0, "\(fill.stderr)")
        let submit = CommandLineRun.run(["report", "usage", "--unit", "news-bureau", "--year", "2569", "--as", "P000005", "--submit",
                                         "--database", Self.database])
        #expect(submit.status == 0, "\(submit.stderr)")
        let path = try html(["usage", "--unit", "news-bureau", "--year", "2569", "--as", "P000005"], name: "usage")
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.contains("☑") && page.contains("☐"))
        #expect(page.contains("@page { size: A4"))
        guard let tools = Self.tools() else { return }
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
        let path = try html(arguments, name: name)
        guard let tools = Self.tools() else { return }
        let (pages, text) = try printPDF(path, tools: tools)
        #expect(expected.contains(pages), "\(name): \(pages) pages")
        #expect(text.contains(heading.filter { !$0.isWhitespace }), "missing \(heading) in:\n\(text)")
    }
}
