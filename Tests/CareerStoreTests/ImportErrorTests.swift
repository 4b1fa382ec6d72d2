import CareerCatalog
import CareerStore
import Foundation
import Testing

/// Every class of import error, with its exact location, and the database untouched afterwards.
@Suite struct ImportErrorTests {
    /// Imports the valid roster, then a broken variant; checks the diagnostics and that nothing changed.
    /// The import's day in these tests: 2025-09-01 (after every date of the valid roster).
    static let today = CivilDate(year: 2025, month: 9, day: 1)!

    func expectRefused(_ engine: StoreEngine, _ changes: [String: String], codes: LevelCodes = .ours,
                       _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder(today: Self.today) == [], sourceLocation: sourceLocation)
        let before = try fixture.snapshot()
        try fixture.write(changes)
        #expect(fixture.importFolder(codes: codes, today: Self.today) == expected, sourceLocation: sourceLocation)
        #expect(try fixture.snapshot() == before, "a refused import must leave the database unchanged", sourceLocation: sourceLocation)
    }

    /// The valid people.csv with one line replaced (1-based line number, header = 1).
    func people(line: Int, _ replacement: String) -> [String: String] {
        var lines = ImportFixture.validFiles["people.csv"]!.components(separatedBy: "\n")
        lines[line - 1] = replacement
        return ["people.csv": lines.joined(separator: "\n")]
    }

    func history(_ name: String, _ rows: String) -> [String: String] {
        let header = ImportFixture.validFiles[name]!.components(separatedBy: "\n")[0]
        return [name: header + "\n" + rows + "\n"]
    }

    @Test(arguments: StoreEngine.all) func unknownJobLineSuggestsTheNearest(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 4, "P003,ก,A,news-bureau,public-relation-officer,K1,2021-08-31,2021-08-31,bachelor,P002"), [
            "people.csv:4:5: error: unknown job line `public-relation-officer` (did you mean `public-relations-officer`?)",
        ])
    }

    @Test(arguments: StoreEngine.all) func unknownUnitAndEducation(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P004,ก,A,ict-centre,computer-officer,K2,2018-01-01,2012-01-01,batchelor,P001"), [
            "people.csv:5:4: error: unknown unit `ict-centre` (did you mean `ict-center`?)",
            "people.csv:5:9: error: unknown education `batchelor` (did you mean `bachelor`?)",
        ])
    }

    @Test(arguments: StoreEngine.all) func levelNotOnTheLine(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P004,ก,A,ict-center,computer-officer,K4,2018-01-01,2012-01-01,bachelor,P001"), [
            "people.csv:5:6: error: level `K4` is not on job line `computer-officer` (its levels: K1, K2, K3; or a managerial/executive level)",
        ])
    }

    @Test(arguments: StoreEngine.all) func dpisCodeWithoutTheFlag(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 2, "P001,ก,A,news-bureau,public-relations-officer,D1,2020-10-01,2000-05-01,master,"), [
            "people.csv:2:6: error: unknown level `D1`: it is a DPIS code; import with --level-codes dpis",
        ])
    }

    @Test(arguments: StoreEngine.all) func badAndImpossibleDates(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 3, "P002,ก,A,news-bureau,public-relations-officer,K3,31/04/2562,2008-13-01,bachelor,P001"), [
            "people.csv:3:7: error: no such date: `31/04/2562` (DD/MM/YYYY, Buddhist era)",
            "people.csv:3:8: error: no such date: `2008-13-01`",
        ])
        try expectRefused(engine, people(line: 3, "P002,ก,A,news-bureau,public-relations-officer,K3,1 April 2019,01/06/2008,bachelor,P001"), [
            "people.csv:3:7: error: invalid date `1 April 2019`: write YYYY-MM-DD (Common Era) or DD/MM/YYYY (Buddhist era)",
            "people.csv:3:8: error: year 2008 in `01/06/2008` is not a Buddhist-era year: DD/MM/YYYY takes B.E. (e.g. 2551)",
        ])
    }

    @Test(arguments: StoreEngine.all) func levelSinceBeforeServiceStart(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 4, "P003,ก,A,news-bureau,public-relations-officer,K1,2021-08-30,2021-08-31,bachelor,P002"), [
            "people.csv:4:7: error: level_since 2021-08-30 is before service_start 2021-08-31",
        ])
    }

    @Test(arguments: StoreEngine.all) func duplicatePerson(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P002,ก,A,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"), [
            "people.csv:5:1: error: duplicate person `P002` (first on line 3)",
        ])
    }

    @Test(arguments: StoreEngine.all) func unknownSupervisor(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P004,ก,A,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P009"), [
            "people.csv:5:10: error: unknown supervisor `P009` (did you mean `P001`?)",
        ])
    }

    @Test(arguments: StoreEngine.all) func supervisorCycles(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 2, "P001,ก,A,news-bureau,public-relations-officer,M1,2020-10-01,2000-05-01,master,P003"), [
            "people.csv:2:10: error: supervisor cycle: `P001` → `P003` → `P002` → `P001`",
        ])
        try expectRefused(engine, people(line: 5, "P004,ก,A,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P004"), [
            "people.csv:5:10: error: `P004` cannot be their own supervisor",
        ])
    }

    @Test("a first import refused after every row went in (PostgreSQL: streamed with COPY; a supervisor cycle is found last) leaves the store empty, indexes and keys intact",
          arguments: StoreEngine.all)
    func firstImportRefusedAfterItsRowsWentIn(engine: StoreEngine) throws {
        var files = ImportFixture.validFiles
        files["people.csv"] = people(line: 2, "P001,ก,A,news-bureau,public-relations-officer,M1,2020-10-01,2000-05-01,master,P003")["people.csv"]
        let fixture = try ImportFixture(files: files, engine: engine)
        let before = try fixture.snapshot()
        let schema = try Self.indexesAndKeys(fixture.store)
        #expect(!schema.isEmpty)
        #expect(fixture.importFolder(today: Self.today) == ["people.csv:2:10: error: supervisor cycle: `P001` → `P003` → `P002` → `P001`"])
        #expect(try fixture.snapshot() == before, "a refused import must leave the database unchanged")
        #expect(try fixture.store.peopleCount() == 0)
        #expect(try Self.indexesAndKeys(fixture.store) == schema, "the indexes and keys dropped for the load are back")
        // The same store then takes the valid roster.
        try fixture.write(ImportFixture.validFiles)
        #expect(fixture.importFolder(today: Self.today) == [])
        #expect(try fixture.store.peopleCount() == 4)
        #expect(try Self.indexesAndKeys(fixture.store) == schema)
    }

    /// The names of the store's indexes (and, on PostgreSQL, its constraints).
    static func indexesAndKeys(_ store: PersonnelStore) throws -> [String] {
        try store.database.read { db in
            store.isPostgres
                ? try String.fetchAll(db, sql: """
                    SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
                    UNION ALL SELECT conname FROM pg_constraint WHERE connamespace = CAST(current_schema() AS regnamespace) ORDER BY 1
                    """)
                : try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY 1")
        }
    }

    @Test(arguments: StoreEngine.all) func missingRequiredValuesAndNames(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 4, "P003,,,news-bureau,public-relations-officer,,2021-08-31,2021-08-31,bachelor,P002"), [
            "people.csv:4:2: error: a name is required (name_th or name_en)",
            "people.csv:4:6: error: level is empty",
        ])
    }

    @Test(arguments: StoreEngine.all) func unknownPersonInAHistory(engine: StoreEngine) throws {
        try expectRefused(engine, history("assignments.csv", "P001,news-bureau,news,regular,2000-05-01,\nP005,news-bureau,news,regular,2000-05-01,"), [
            "assignments.csv:3:1: error: unknown person `P005`: not in people.csv or in the database (did you mean `P001`?)",
        ])
    }

    @Test(arguments: StoreEngine.all) func assignmentFieldRoleAndOrder(engine: StoreEngine) throws {
        try expectRefused(engine, history("assignments.csv", "P001,news-bureau,newz,actng,2000-05-01,1999-12-31"), [
            "assignments.csv:2:3: error: unknown work field `newz` (did you mean `news`?)",
            "assignments.csv:2:4: error: unknown role `actng` (did you mean `acting`?); roles: regular, rotation, acting, task-force, secondment",
            "assignments.csv:2:6: error: end 1999-12-31 is before start 2000-05-01",
        ])
    }

    @Test(arguments: StoreEngine.all) func assessmentLevelCompetencyAndAssessor(engine: StoreEngine) throws {
        try expectRefused(engine, history("assessments.csv", "P002,team-work,6,2024-06-30,boss\nP002,teamwork,-1,2024-06-30,panel"), [
            "assessments.csv:2:2: error: unknown competency `team-work` (did you mean `teamwork`?)",
            "assessments.csv:2:3: error: assessment level `6` is outside 0–5",
            "assessments.csv:2:5: error: unknown assessor `boss`; assessors: self, supervisor, panel",
            "assessments.csv:3:3: error: assessment level `-1` is outside 0–5",
        ])
    }

    @Test(arguments: StoreEngine.all) func unknownCourse(engine: StoreEngine) throws {
        try expectRefused(engine, history("trainings.csv", "P001,nbs-1,2019-03-31"), [
            "trainings.csv:2:2: error: unknown course `nbs-1` (did you mean `nbs1`?)",
        ])
    }

    @Test(arguments: StoreEngine.all) func levelHistoryChecks(engine: StoreEngine) throws {
        try expectRefused(engine, ["level_history.csv": """
            person_id,job_line,level,start,end
            P002,public-relations-officer,K2,2015-04-01,2019-03-31
            P002,public-relations-officer,O2,2010-04-01,2015-03-31
            P002,public-relations-officer,K1,2010-04-01,2009-03-31

            """], [
            "level_history.csv:3:3: error: level `O2` is not on job line `public-relations-officer` (its levels: K1, K2, K3, K4; or a managerial/executive level)",
            "level_history.csv:4:5: error: end 2009-03-31 is before start 2010-04-01",
        ])
    }

    @Test(arguments: StoreEngine.all) func missingAndMisspeltColumns(engine: StoreEngine) throws {
        try expectRefused(engine, ["assignments.csv": "person_id,unit,field,rol,start,end\nP001,news-bureau,news,regular,2000-05-01,\n"], [
            "assignments.csv:1:1: error: missing column `role` (found `rol`: misspelt?); assignments.csv needs: person_id, unit, field, role, start, end",
        ])
    }

    @Test(arguments: StoreEngine.all) func rowWiderThanTheHeader(engine: StoreEngine) throws {
        try expectRefused(engine, history("trainings.csv", "P001,primary-executive,2019-03-31,extra"), [
            "trainings.csv:2:4: error: this row has 4 fields but the header has 3 (an unquoted comma?)",
        ])
    }

    @Test(arguments: StoreEngine.all) func missingRequiredFileInAFolder(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        try FileManager.default.removeItem(atPath: fixture.folder + "/trainings.csv")
        let errors = fixture.importFolder()
        #expect(errors == ["trainings.csv:1:1: error: required file trainings.csv is missing from \(fixture.folder)"])
        #expect(try fixture.store.peopleCount() == 0)
    }

    @Test(arguments: StoreEngine.all) func errorsStopAtOneHundred(engine: StoreEngine) throws {
        let rows = (1...150).map { "P001,nope-\($0),2019-03-31" }.joined(separator: "\n")
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(history("trainings.csv", rows))
        let errors = fixture.importFolder()
        #expect(errors.count == 100)
        #expect(errors.first == "trainings.csv:2:2: error: unknown course `nope-1`")
        #expect(errors.last == "trainings.csv:101:2: error: unknown course `nope-100`")
        #expect(try fixture.store.peopleCount() == 0)
    }
}

/// Values no roster holds: control characters, dates after the import's day or before anyone now
/// serving started, exact duplicate history rows, and values too long to be real. Each is refused at
/// its FILE:LINE:COLUMN and the database is left as it was.
extension ImportErrorTests {
    @Test("a NUL byte in an id or a name is refused (`P004\\0` is not a second P004)", arguments: StoreEngine.all)
    func nulBytes(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P004\u{0},ก,A,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"), [
            "people.csv:5:1: error: person_id contains the control character U+0000: remove it",
        ])
        try expectRefused(engine, people(line: 5, "P004,สมมติ\u{0}ไอที,A,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"), [
            "people.csv:5:2: error: name_th contains the control character U+0000: remove it",
        ])
    }

    @Test("escape, bell, C1 and bidi-override characters in names are refused", arguments: StoreEngine.all)
    func otherControlCharacters(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P004,ก,\u{1B}]52;c;aGk=\u{07},ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"), [
            "people.csv:5:3: error: name_en contains the control character U+001B: remove it",
        ])
        try expectRefused(engine, people(line: 5, "P004,ก\u{9B}2J,A,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"), [
            "people.csv:5:2: error: name_th contains the control character U+009B: remove it",
        ])
        try expectRefused(engine, people(line: 5, "P004,ก,A\u{202E}txt,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"), [
            "people.csv:5:3: error: name_en contains the control character U+202E: remove it",
        ])
        // Every bidi control the terminal drops, the marks and the Arabic letter mark included.
        for mark in ["\u{200F}", "\u{200E}", "\u{061C}", "\u{2067}"] {
            let code = String(format: "U+%04X", mark.unicodeScalars.first!.value)
            try expectRefused(engine, people(line: 5, "P004,ก,A\(mark)txt,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"), [
                "people.csv:5:3: error: name_en contains the control character \(code): remove it",
            ])
        }
        // Spaces and tabs around a value are still trimmed, not refused.
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(people(line: 5, "P004,\tสมมติ ไอที\t,A,ict-center,computer-officer,K2,2018-01-01,2012-01-01,bachelor,P001"))
        #expect(fixture.importFolder(today: ImportErrorTests.today) == [])
    }

    @Test("level_since, completed_on and assessed_on after the import's day are refused", arguments: StoreEngine.all)
    func futureDates(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P004,ก,A,ict-center,computer-officer,K2,2025-09-02,2012-01-01,bachelor,P001"), [
            "people.csv:5:7: error: level_since 2025-09-02 is in the future (the import runs on 2025-09-01)",
        ])
        try expectRefused(engine, history("trainings.csv", "P001,primary-executive,02/09/2568"), [
            "trainings.csv:2:3: error: completed_on 2025-09-02 is in the future (the import runs on 2025-09-01)",
        ])
        try expectRefused(engine, history("assessments.csv", "P002,teamwork,3,2030-01-01,supervisor"), [
            "assessments.csv:2:4: error: assessed_on 2030-01-01 is in the future (the import runs on 2025-09-01)",
        ])
        // The day itself is fine.
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(history("trainings.csv", "P001,primary-executive,2025-09-01"))
        #expect(fixture.importFolder(today: ImportErrorTests.today) == [])
    }

    @Test("a service_start before 1950 is refused", arguments: StoreEngine.all)
    func serviceStartTooEarly(engine: StoreEngine) throws {
        try expectRefused(engine, people(line: 5, "P004,ก,A,ict-center,computer-officer,K2,2018-01-01,1900-01-01,bachelor,P001"), [
            "people.csv:5:8: error: service_start 1900-01-01 is before 1950: no one serving now started then (a typo in the year?)",
        ])
    }

    @Test("an exact duplicate assignment, training or assessment row is refused at its line, naming the first", arguments: StoreEngine.all)
    func duplicateHistoryRows(engine: StoreEngine) throws {
        try expectRefused(engine, history("assignments.csv", """
            P001,news-bureau,news,regular,2000-05-01,
            P004,ict-center,ict,regular,2012-01-01,
            P001,news-bureau,news,regular,2000-05-01,
            """), [
            "assignments.csv:4:1: error: duplicate row: the same values as line 2",
        ])
        // The same day written the other way (B.E.) is the same row.
        try expectRefused(engine, history("trainings.csv", "P001,primary-executive,2019-03-31\nP001,primary-executive,31/03/2562"), [
            "trainings.csv:3:1: error: duplicate row: the same values as line 2",
        ])
        try expectRefused(engine, history("assessments.csv", "P002,teamwork,3,2024-06-30,supervisor\nP002,teamwork,3,2024-06-30,supervisor"), [
            "assessments.csv:3:1: error: duplicate row: the same values as line 2",
        ])
        // Not a duplicate: another assessor, another level.
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(history("assessments.csv", "P002,teamwork,3,2024-06-30,supervisor\nP002,teamwork,3,2024-06-30,self\nP002,teamwork,2,2024-06-30,self"))
        #expect(fixture.importFolder(today: ImportErrorTests.today) == [])
    }

    @Test("a long value is quoted by its first 40 characters and its length; a 1 MB id is not quoted at all", arguments: StoreEngine.all)
    func longValues(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        try fixture.write(history("assignments.csv", "\(String(repeating: "P", count: 1 << 20)),news-bureau,news,regular,2000-05-01,"))
        #expect(fixture.importFolder(today: ImportErrorTests.today) == [
            "assignments.csv:2:1: error: a value here is longer than 4096 bytes (the row runs past 65536 bytes): an unclosed quote, or not a roster file?",
        ])
        try fixture.write(history("assignments.csv", "\(String(repeating: "P", count: 10_000)),news-bureau,news,regular,2000-05-01,"))
        #expect(fixture.importFolder(today: ImportErrorTests.today) == [
            "assignments.csv:2:1: error: value of 10000 bytes is too long (at most 4096): `\(String(repeating: "P", count: 40))… (10000 characters)`",
        ])
        // Under the limit: refused as unknown, quoted short, and no slow search for a near id.
        try fixture.write(history("assignments.csv", "\(String(repeating: "Q", count: 4000)),news-bureau,news,regular,2000-05-01,"))
        #expect(fixture.importFolder(today: ImportErrorTests.today) == [
            "assignments.csv:2:1: error: unknown person `\(String(repeating: "Q", count: 40))… (4000 characters)`: not in people.csv or in the database",
        ])
    }

    @Test("a field of several megabytes (an unclosed quote) stops the reader at once, at its line and column", arguments: StoreEngine.all)
    func hugeField(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        let huge = String(repeating: "ก", count: 2_000_000)
        try fixture.write(history("trainings.csv", "P001,primary-executive,2019-03-31\nP001,\"\(huge),2019-03-31"))
        #expect(fixture.importFolder(today: ImportErrorTests.today) == [
            "trainings.csv:3:2: error: a value here is longer than 4096 bytes (the row runs past 65536 bytes): an unclosed quote, or not a roster file?",
        ])
        #expect(try fixture.store.peopleCount() == 0)
    }

    @Test("messages are said in Thai too, with Buddhist-era dates and the column named", arguments: StoreEngine.all)
    func thaiMessages(engine: StoreEngine) throws {
        let fixture = try ImportFixture(engine: engine)
        #expect(fixture.importFolder(today: Self.today) == [])
        try fixture.write(people(line: 5, "P004,ก,A,ict-centre,computer-officer,K2,2025-09-02,2012-01-01,bachelor,P001"))
        #expect(fixture.importFolder(today: Self.today, language: .th) == [
            "people.csv:5:4: error: ไม่รู้จักหน่วยงาน (unit) `ict-centre` (หมายถึง `ict-center` ใช่ไหม?)",
            "people.csv:5:7: error: วันเข้าสู่ระดับ (level_since) 02/09/2568 เป็นวันในอนาคต (นำเข้าเมื่อ 01/09/2568)",
        ])
        let failure = ImportFailure(diagnostics: [ImportDiagnostic(file: "people.csv", line: 1, column: 1,
                                                                    message: LocalizedText(th: "ก", en: "a"))], truncated: true)
        #expect(failure.text(.th).hasSuffix("ไม่นำเข้า: พบข้อผิดพลาด 1+ รายการ ฐานข้อมูลไม่เปลี่ยนแปลง"))
        #expect(failure.text(.en).hasSuffix("import refused: 1+ error; the database is unchanged"))
    }
}
