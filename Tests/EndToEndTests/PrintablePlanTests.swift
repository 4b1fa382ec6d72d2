import Foundation
import PrintTesting
import Testing

/// The printable individual development plan (issue 13, item 4): `careerpath plan --saved --format
/// html` rendered by headless Chromium to PDF has its Thai headings in the extracted text and a
/// one-target plan fits one A4 page (`PrintTools`: skipped without Chromium on a workstation,
/// failing under CI=true).
@Suite(.serialized)
struct PrintablePlanTests {
    @Test("a saved, approved plan printed to PDF: Thai headings, names, one A4 page")
    func printsToOneA4Page() throws {
        guard let tools = PrintTools.required() else { return }
        let tui = try TUITests()
        defer { try? FileManager.default.removeItem(atPath: tui.folder) }
        let base = ["--data", TUITests.dataFolder, "--database", tui.database]
        let person = PlanCycleEndToEndTests.person, target = PlanCycleEndToEndTests.postID
        func careerpath(_ arguments: [String]) throws -> String {
            let run = try PlanCycleEndToEndTests.run(arguments + base)
            #expect(run.status == 0, "\(arguments): \(run.err)")
            return run.out
        }
        _ = try careerpath(["plan", "--person", person, "--as", person, "--target", target, "--save", "--submit"])
        _ = try careerpath(["plan", "--person", person, "--as", PlanCycleEndToEndTests.supervisor, "--target", target, "--approve",
                            "--comment", "เห็นชอบตามแผน"])
        let html = try careerpath(["plan", "--person", person, "--target", target, "--saved", "--format", "html", "--lang", "th"])
        #expect(html.contains("size: A4") && html.contains("Sarabun"))
        #expect(!html.contains(person), "names, not ids")
        let page = tui.folder + "/plan.html", pdf = tui.folder + "/plan.pdf"
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let printed = tools.print(html: page, to: pdf, profile: "\(tui.folder)/chromium", layout: true)
        #expect(printed.written, "chromium: \(printed.log)")
        let text = printed.text
        for heading in ["แผนพัฒนารายบุคคล", "ขั้นตอนการพัฒนา", "ความเห็นและการพิจารณา", "ลงนาม", "ผู้บังคับบัญชา",
                        "สุขลม มณีสมมุติสกุล", "ภูเพชร ลมสมมุติพันธ์", "อนุมัติเมื่อ", "เห็นชอบตามแผน"] {
            #expect(text.contains(heading), "\(heading) is not in the PDF's text:\n\(text)")
        }
        #expect(printed.pages == 1, "\(printed.info)")
        #expect(printed.isA4, "\(printed.info)")
    }
}
