import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing

/// What HR files look like in practice: quotes, BOMs, Buddhist-era and Thai-digit dates, Thai level names.
@Suite struct ImportFormatTests {
    @Test(arguments: StoreEngine.all) func validRosterImports(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        #expect(try fixture.store.tableCounts() == ["people": 4, "assignments": 5, "assessments": 2, "trainings": 1, "level_history": 0])
        let record = try #require(try fixture.store.record(personID: "P002", viewer: .system, screen: "test"))
        #expect(record.person.level == "K3")
        #expect(record.person.supervisorID == "P001")
        #expect(record.assignments.map(\.field) == [nil, "regional-operations"])
        #expect(record.assignments.last?.end == nil)
        #expect(record.assignments.last?.role == .rotation)
        #expect(record.assessments == [Assessment(competency: "teamwork", level: 3, assessedOn: CivilDate(year: 2024, month: 6, day: 30)!, assessor: .supervisor)])
    }

    @Test(arguments: StoreEngine.all) func quotedFieldsWithCommasAndNewlinesKeepLineNumbers(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(["people.csv": #"""
            \#(ImportFixture.peopleHeader)
            P001,"สมมติ, หัวหน้า","Huana, Sommut
            (acting head)",news-bureau,public-relations-officer,M1,2020-10-01,2000-05-01,master,
            "P002","สมมติ ""กลาง""",Sommut Klang,news-bureau,public-relations-officer,K3,2019-04-01,2008-06-01,bachelor,P001
            P003,สมมติ น้อย,"Sommut
            Noi
            Junior",news-bureau,public-relations-officer,K9,2021-08-31,2021-08-31,bachelor,P002
            P004,สมมติ ไอที,Sommut Itee,ict-center,computer-officer,K7,2018-01-01,2012-01-01,bachelor,P001

            """#])
        // P003 starts on physical line 5, P004 on line 8 (after the two line breaks inside P003's name).
        #expect(fixture.importFolder() == [
            "people.csv:5:6: error: unknown level `K9` (did you mean `K1`?)",
            "people.csv:8:6: error: unknown level `K7` (did you mean `K1`?)",
        ])
        try fixture.write(["people.csv": #"""
            \#(ImportFixture.peopleHeader)
            P001,"สมมติ, หัวหน้า","Huana, Sommut
            (acting head)",news-bureau,public-relations-officer,M1,2020-10-01,2000-05-01,master,
            "P002","สมมติ ""กลาง""",Sommut Klang,news-bureau,public-relations-officer,K3,2019-04-01,2008-06-01,bachelor,P001
            P003,สมมติ น้อย,Sommut Noi,news-bureau,public-relations-officer,K1,2021-08-31,2021-08-31,bachelor,P002
            P004,สมมติ ไอที,Sommut Itee,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001

            """#])
        #expect(fixture.importFolder() == [])
        let people = try fixture.store.people(unit: nil, viewer: .system)
        #expect(people.map(\.nameTH).prefix(2) == ["สมมติ, หัวหน้า", "สมมติ \"กลาง\""])
        #expect(people[0].nameEN == "Huana, Sommut\n(acting head)")
    }

    @Test(arguments: StoreEngine.all) func crlfLineEndingsAndQuotedCRLF(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        let text = ImportFixture.validFiles["people.csv"]!
            .replacingOccurrences(of: "Sommut Klang", with: "\"Sommut\nKlang\"")
            .replacingOccurrences(of: "computer-officer,K2", with: "computer-officer,K8")
            .replacingOccurrences(of: "\n", with: "\r\n")
        try fixture.write("people.csv", Data(text.utf8))
        #expect(fixture.importFolder() == ["people.csv:6:6: error: unknown level `K8` (did you mean `K1`?)"])
    }

    @Test(arguments: StoreEngine.all) func byteOrderMarkIsIgnored(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        for name in ["people.csv", "assignments.csv"] {
            try fixture.write(name, Data([0xEF, 0xBB, 0xBF]) + Data(ImportFixture.validFiles[name]!.utf8))
        }
        #expect(fixture.importFolder() == [])
        #expect(try fixture.store.peopleCount() == 4)
    }

    @Test(arguments: StoreEngine.all) func buddhistEraAndThaiDigitDates(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(["people.csv": ImportFixture.validFiles["people.csv"]!
            .replacingOccurrences(of: "K1,2021-08-31,2021-08-31", with: "K1,๓๑/๘/๒๕๖๔,31/08/2564")
            .replacingOccurrences(of: "K2,2018-01-01,2012-01-01", with: "K2,๒๐๑๘-๐๑-๐๑,01/01/2555")])
        #expect(fixture.importFolder() == [])
        let p3 = try #require(try fixture.store.record(personID: "P003", viewer: .system, screen: "test"))
        #expect(p3.person.levelSince == CivilDate(year: 2021, month: 8, day: 31))
        #expect(p3.person.serviceStart == CivilDate(year: 2021, month: 8, day: 31))
        let p4 = try #require(try fixture.store.record(personID: "P004", viewer: .system, screen: "test"))
        #expect(p4.person.levelSince == CivilDate(year: 2018, month: 1, day: 1))
        #expect(p4.person.serviceStart == CivilDate(year: 2012, month: 1, day: 1))
    }

    @Test(arguments: StoreEngine.all) func thaiLevelNamesAndSalaryCodes(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(["people.csv": ImportFixture.validFiles["people.csv"]!
            .replacingOccurrences(of: "officer,M1,", with: "officer,อำนวยการต้น,")
            .replacingOccurrences(of: "officer,K3,", with: "officer,ชำนาญการพิเศษ,")
            .replacingOccurrences(of: "officer,K1,", with: "officer,ระดับปฏิบัติการ,")
            .replacingOccurrences(of: "officer,K2,", with: "officer,ว2,")])
        #expect(fixture.importFolder() == [])
        let levels = try fixture.store.people(unit: nil, viewer: .system).map(\.level)
        #expect(levels == ["M1", "K3", "K1", "K2"])
    }

    @Test(arguments: StoreEngine.all) func dpisCodes(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        // In DPIS, D1 is our M1 (managerial) and M1 is our S1 (executive).
        try fixture.write(["people.csv": ImportFixture.validFiles["people.csv"]!
            .replacingOccurrences(of: "officer,M1,", with: "officer,M1,")
            .replacingOccurrences(of: "P004,สมมติ ไอที,Sommut Itee,ict-center,computer-officer,K2", with: "P004,สมมติ ไอที,Sommut Itee,ict-center,computer-officer,D1")])
        #expect(fixture.importFolder(codes: .dpis) == [])
        let levels = try fixture.store.people(unit: nil, viewer: .system).map(\.level)
        #expect(levels == ["S1", "K3", "K1", "M1"])
    }

    @Test(arguments: StoreEngine.all) func individualFilesAddToTheStore(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        try FileManager.default.createDirectory(atPath: fixture.folder + "/extra", withIntermediateDirectories: true)
        try fixture.write(["extra/trainings.csv": "person_id,course,completed_on\nP002,primary-executive,01/10/2566\n"])
        #expect(fixture.importing([fixture.folder + "/extra/trainings.csv"]) == [])
        let p2 = try #require(try fixture.store.record(personID: "P002", viewer: .system, screen: "test"))
        #expect(p2.trainings == [CompletedTraining(course: "primary-executive", completedOn: CivilDate(year: 2023, month: 10, day: 1)!)])
        // Untouched: P001's training from the first import.
        #expect(try fixture.store.record(personID: "P001", viewer: .system, screen: "test")?.trainings.count == 1)
        #expect(fixture.importing([fixture.folder + "/extra/notes.csv"]).first?.contains("cannot tell what this file holds") == true)
    }

    @Test(arguments: StoreEngine.all) func reimportReplacesAPersonsHistories(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder() == [])
        try fixture.write([
            "people.csv": """
                \(ImportFixture.peopleHeader)
                P002,สมมติ กลาง,Sommut Klang,regional-pr-bureau-3,public-relations-officer,K4,2024-04-01,2008-06-01,master,P001

                """,
            "assignments.csv": "person_id,unit,field,role,start,end\nP002,regional-pr-bureau-3,radio,acting,2024-04-01,\n",
            "assessments.csv": "person_id,competency,level,assessed_on,assessor\n",
            "trainings.csv": "person_id,course,completed_on\n",
        ])
        #expect(fixture.importFolder() == [])
        let p2 = try #require(try fixture.store.record(personID: "P002", viewer: .system, screen: "test"))
        #expect(p2.person.level == "K4")
        #expect(p2.person.unit == "regional-pr-bureau-3")
        #expect(p2.assignments == [Assignment(unit: "regional-pr-bureau-3", field: "radio", role: .acting,
                                              start: CivilDate(year: 2024, month: 4, day: 1)!, end: nil)])
        #expect(p2.assessments.isEmpty)
        // People not in the second import keep everything.
        let p3 = try #require(try fixture.store.record(personID: "P003", viewer: .system, screen: "test"))
        #expect(p3.assessments.count == 1)
        #expect(p3.assignments.count == 1)
        #expect(try fixture.store.peopleCount() == 4)
    }

    @Test(arguments: StoreEngine.all) func invalidUTF8IsReportedWhereItStarts(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        var bytes = Data(ImportFixture.validFiles["people.csv"]!.utf8)
        // Latin-1 "é" (0xE9) on P003's line, as a spreadsheet saving in the wrong encoding would write.
        let at = try #require(String(decoding: bytes, as: UTF8.self).range(of: "Sommut Noi"))
        bytes.insert(0xE9, at: String(decoding: bytes, as: UTF8.self).utf8.distance(from: String(decoding: bytes, as: UTF8.self).startIndex, to: at.lowerBound))
        try fixture.write("people.csv", bytes)
        #expect(fixture.importFolder() == ["people.csv:4:1: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8"])
        #expect(try fixture.store.peopleCount() == 0)
    }

    /// Files are fed to CSV.swift in chunks of about a megabyte; rows with quoted line breaks around
    /// the chunk boundaries must keep their physical line numbers.
    @Test(arguments: StoreEngine.all) func lineNumbersSurviveChunking(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        var text = "person_id,course,completed_on\n"
        var line = 2
        var rows = 0
        // ~1.5 MB of trainings for P001, every third row with a quoted two-line course "name" (an error).
        var expected: [String] = []
        while text.utf8.count < 1_500_000 {
            if rows % 3 == 0 {
                text += "P001,\"nbs1\nnote \(rows), with comma\",2019-03-31\n"
                if expected.count < 100 { expected.append("trainings.csv:\(line):2: error: unknown course `nbs1\nnote \(rows), with comma`") }
                line += 2
            } else {
                // Each valid row its own (an exact duplicate row is refused): four people, one day apart.
                let day = CivilDate(year: 1990, month: 1, day: 1)!.adding(days: rows / 4)
                text += "P00\(rows % 4 + 1),primary-executive,\(day.iso)\n"
                line += 1
            }
            rows += 1
        }
        try fixture.write(["trainings.csv": text])
        let errors = fixture.importFolder()
        #expect(errors.count == 100)
        #expect(errors == expected)
    }
}
