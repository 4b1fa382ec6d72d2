import CareerCatalog
import CareerStore
import Foundation

/// A temporary folder with CSV files and a fresh database, removed when dropped.
final class ImportFixture {
    let folder: String
    let store: SQLiteRecordStore

    static let peopleHeader = "person_id,name_th,name_en,unit,job_line,level,level_since,service_start,education,supervisor_id"

    /// A small valid roster: a director-level head, a supervisor under them, two staff.
    static let validFiles: [String: String] = [
        "people.csv": """
            \(peopleHeader)
            P001,สมมติ หัวหน้า,Sommut Huana,news-bureau,public-relations-officer,M1,2020-10-01,2000-05-01,master,
            P002,สมมติ กลาง,Sommut Klang,news-bureau,public-relations-officer,K3,2019-04-01,2008-06-01,bachelor,P001
            P003,สมมติ น้อย,Sommut Noi,news-bureau,public-relations-officer,K1,2021-08-31,2021-08-31,bachelor,P002
            P004,สมมติ ไอที,Sommut Itee,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001

            """,
        "assignments.csv": """
            person_id,unit,field,role,start,end
            P001,news-bureau,news,regular,2000-05-01,
            P002,news-bureau,,regular,2008-06-01,2015-12-31
            P002,regional-pr-bureau-3,regional-operations,rotation,2016-01-01,
            P003,news-bureau,news,regular,2021-08-31,
            P004,ict-center,ict,regular,2012-01-01,

            """,
        "assessments.csv": """
            person_id,competency,level,assessed_on,assessor
            P002,teamwork,3,2024-06-30,supervisor
            P003,teamwork,1,2024-06-30,self

            """,
        "trainings.csv": """
            person_id,course,completed_on
            P001,primary-executive,2019-03-31

            """,
    ]

    init(files: [String: String] = ImportFixture.validFiles) throws {
        folder = NSTemporaryDirectory() + "careerstore-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteRecordStore(path: folder + "/records.sqlite", terminal: "test")
        try write(files)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ files: [String: String]) throws {
        for (name, text) in files { try write(name, Data(text.utf8)) }
    }

    func write(_ name: String, _ data: Data) throws {
        try data.write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// Imports the folder; returns the diagnostics (empty on success).
    @discardableResult
    func importFolder(codes: LevelCodes = .ours, catalog: Catalog = TestCatalog.catalog, today: CivilDate? = nil,
                      language: Language = .en) -> [String] {
        importing([folder], codes: codes, catalog: catalog, today: today, language: language)
    }

    /// `today`: the import's day (default: the real one).
    func importing(_ arguments: [String], codes: LevelCodes = .ours, catalog: Catalog = TestCatalog.catalog,
                   today: CivilDate? = nil, language: Language = .en) -> [String] {
        do {
            let request = try ImportRequest.resolve(arguments)
            var importer = RecordImporter(catalog: catalog, levelCodes: codes)
            if let today { importer.today = today }
            try importer.run(request, into: store)
            return []
        } catch let failure as ImportFailure {
            // Strip the temp folder so expectations read like the CLI run from inside it.
            return failure.diagnostics.map { $0.text(language).replacingOccurrences(of: folder + "/", with: "") }
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    /// Everything in the record tables, as text: equal snapshots mean an unchanged database.
    func snapshot() throws -> String { try store.recordsSnapshot() }
}
