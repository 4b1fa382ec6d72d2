import Foundation
import Testing
@testable import CareerCatalog

/// The loader's errors are said in Thai and English, like the import's: the same place
/// (`PATH:LINE:COL: error:`), the message in the language asked for.
@Suite("Errors in the reference data, in Thai and English")
struct CatalogErrorLanguageTests {
    /// The errors of loading `folder`, in `language`.
    static func errors(_ folder: URL, _ language: Language) -> [String] {
        switch CatalogLoader.result(from: folder) {
        case .success: return []
        case .failure(let errors): return errors.errors.map { $0.text(language) }
        }
    }

    static let thai: [(fixture: String, errors: [String])] = [
        ("wrong-type", [
            "Data/methods.yaml:7:21: error: `typical_months` ของวิธีการพัฒนา ต้องเป็นจำนวนเต็ม แต่พบ `twelve`",
            "Data/methods.yaml:17:14: error: `confirm` ของวิธีการพัฒนา ต้องเป็น true หรือ false แต่พบ `maybe`",
        ]),
        ("missing-field", [
            "Data/job-lines/public-relations-officer.yaml:1:1: error: สายงานไม่มี `standard`",
        ]),
        ("missing-thai-text", [
            "Data/units.yaml:3:11: error: `name` ของหน่วยงานไม่มีข้อความภาษาไทย (`th`)",
        ]),
        ("unknown-id", [
            "Data/job-lines/public-relations-officer.yaml:15:14: error: ไม่รู้จักสมรรถนะ `teamwrok` (หมายถึง `teamwork` ใช่ไหม?)",
        ]),
        ("number-out-of-range", [
            "Data/directors/dir-news-bureau.yaml:10:28: error: `months` ของประสบการณ์ที่กำหนดของ `dir-news-bureau` ต้องอยู่ระหว่าง 0 ถึง 600 แต่พบ 900",
            "Data/directors/dir-news-bureau.yaml:13:15: error: `at_least` ของกลุ่มประสบการณ์ `broadcast-media` เป็น 3 แต่กลุ่มมีเพียง 2 ด้าน",
        ]),
        ("empty-file", [
            "Data/courses.yaml:1:1: error: แฟ้มว่าง: ต้องมีหลักสูตร (`courses:`)",
        ]),
        ("unknown-field", [
            "Data/units.yaml:15:5: error: หน่วยงานไม่มี `work_fields`",
            "Data/units.yaml:21:5: error: ไม่รู้จักช่อง `work_field` ในหน่วยงาน (หมายถึง `work_fields` ใช่ไหม?)",
        ]),
    ]

    @Test("a broken fixture's errors in Thai, at the same places as in English", arguments: thai.map(\.fixture))
    func thaiErrors(_ fixture: String) throws {
        try CatalogFixture.withBroken(fixture, expecting: Self.thai) { folder, expected in
            #expect(Self.errors(folder, .th) == expected)
            // English is what `description` and the existing cases show.
            #expect(Self.errors(folder, .en) == CatalogFixture.errors(folder))
        }
    }

    @Test("every broken fixture's every error has a Thai message, placed like the English one")
    func everyErrorIsSaidInThai() throws {
        let root = CatalogFixture.fixtures.appendingPathComponent("broken")
        for fixture in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            try CatalogFixture.withBroken(fixture) { folder in
                guard case .failure(let errors) = CatalogLoader.result(from: folder) else {
                    Issue.record("\(fixture) loads")
                    return
                }
                for error in errors.errors {
                    #expect(error.said.th.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) },
                            "\(fixture): no Thai in \(error.text(.th))")
                    #expect(error.text(.th).hasPrefix("\(error.location): error: "), "\(fixture): \(error.text(.th))")
                    #expect(error.message == error.said.en)
                }
            }
        }
    }

    @Test func missingFilesAndFoldersInThai() throws {
        let folder = try CatalogFixture.copyOfValid()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("working-groups.yaml"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("directors"))
        #expect(Self.errors(folder, .th) == [
            "Data/directors: error: ไม่พบโฟลเดอร์: โฟลเดอร์ข้อมูลต้องมี directors/ ที่มีแฟ้มละหนึ่งตำแหน่งผู้อำนวยการ",
            "Data/working-groups.yaml: error: ไม่พบแฟ้ม: โฟลเดอร์ข้อมูลต้องมี working-groups.yaml ซึ่งเก็บคณะทำงาน (`working_groups:`)",
        ])
        let missing = URL(fileURLWithPath: "/nonexistent/careerpath/Data")
        #expect(Self.errors(missing, .th) == ["/nonexistent/careerpath/Data: error: ไม่พบโฟลเดอร์ข้อมูล"])
    }

    @Test func thrownErrorsInEitherLanguage() throws {
        let folder = try CatalogFixture.broken("several-errors")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try CatalogLoader.load(from: folder)
            Issue.record("expected errors")
        } catch {
            #expect(error.text(.en) == error.description)
            #expect(error.text(.th).split(separator: "\n").count == 3)
            #expect(error.text(.th).contains("ไม่รู้จักประเภทตำแหน่ง `knowlege` (หมายถึง `knowledge` ใช่ไหม?)"))
        }
    }
}
