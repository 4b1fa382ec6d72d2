import Foundation
import Testing

/// Errors in the reference data reach the user in the language of error messages, chosen as for
/// the import's (`--lang`, else the terminal's), with the file, line and column.
@Suite("careerpath: reference data errors in Thai and English")
struct CatalogErrorLanguageCommandTests {
    /// A copy of Data/ whose units.yaml names an unknown field.
    static func brokenData() throws -> String {
        let folder = CommandLineRun.folder + "/broken-data-\(UUID().uuidString)/Data"
        try FileManager.default.createDirectory(atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CommandLineRun.repository.appendingPathComponent("Data").path, toPath: folder)
        let units = folder + "/units.yaml"
        let text = try String(contentsOfFile: units, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "work_fields:", with: "work_feilds:")
        #expect(broken != text)
        try broken.write(toFile: units, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func validateSaysWhereInEitherLanguage() throws {
        let data = try Self.brokenData()
        defer { try? FileManager.default.removeItem(atPath: (data as NSString).deletingLastPathComponent) }
        let th = CommandLineRun.run(["validate", "--data", data, "--lang", "th"])
        #expect(th.status != 0)
        #expect(th.stderr.contains("Data/units.yaml:"), "\(th.stderr)")
        #expect(th.stderr.contains(": error: ไม่รู้จักช่อง `work_feilds` ในหน่วยงาน (หมายถึง `work_fields` ใช่ไหม?)"), "\(th.stderr)")
        #expect(th.stderr.contains("พบข้อผิดพลาด"), "\(th.stderr)")
        let en = CommandLineRun.run(["validate", "--data", data, "--lang", "en"])
        #expect(en.status != 0)
        #expect(en.stderr.contains(": error: unknown field `work_feilds` in a unit (did you mean `work_fields`?)"), "\(en.stderr)")
        #expect(!en.stderr.unicodeScalars.contains { (0x0E01...0x0E5B).contains($0.value) }, "\(en.stderr)")
    }

    @Test func everyCommandLoadingTheDataSpeaksTheSameLanguage() throws {
        let data = try Self.brokenData()
        defer { try? FileManager.default.removeItem(atPath: (data as NSString).deletingLastPathComponent) }
        let th = CommandLineRun.run(["people", "--lang", "th"], environment: ["CAREERPATH_DATA": data])
        #expect(th.status != 0)
        #expect(th.stderr.contains("ไม่รู้จักช่อง `work_feilds` ในหน่วยงาน"), "\(th.stderr)")
        let en = CommandLineRun.run(["people", "--lang", "en"], environment: ["CAREERPATH_DATA": data])
        #expect(en.stderr.contains("unknown field `work_feilds` in a unit"), "\(en.stderr)")
    }

    /// The screen reads the catalog on a second thread while it opens the database: bad data still
    /// stops it before the terminal with the data's errors, said once, exit 1; a database that did
    /// not exist is not created (nor filled from the demo roster).
    @Test func theScreenStopsOnBadDataBeforeItStarts() throws {
        let data = try Self.brokenData()
        defer { try? FileManager.default.removeItem(atPath: (data as NSString).deletingLastPathComponent) }
        let fresh = CommandLineRun.folder + "/screen-bad-data-\(UUID().uuidString).sqlite"
        for database in [CommandLineRun.database, fresh] {
            let run = CommandLineRun.run(["--data", data, "--database", database, "--lang", "en"])
            #expect(run.status == 1, "\(database): \(run.stderr)")
            #expect(run.stderr.contains("unknown field `work_feilds` in a unit"), "\(run.stderr)")
            #expect(run.stderr.components(separatedBy: "errors in the reference data at").count == 2, "said once: \(run.stderr)")
            #expect(!run.stderr.contains("terminal"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }
}
