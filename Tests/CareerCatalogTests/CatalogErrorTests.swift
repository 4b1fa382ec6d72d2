import Foundation
import Testing
@testable import CareerCatalog

/// One broken fixture per error class: each lays one bad file over the valid fixture
/// (`Fixtures/broken/<name>/`) and must produce exactly these lines, location and message.
@Suite("Errors in the reference data")
struct CatalogErrorTests {
    static let cases: [(fixture: String, errors: [String])] = [
        ("malformed-yaml", [
            "Data/work-fields.yaml:3:3: error: malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 5)",
        ]),
        ("wrong-type", [
            "Data/methods.yaml:7:21: error: `typical_months` of a development method must be a whole number, found `twelve`",
            "Data/methods.yaml:17:14: error: `confirm` of a development method must be true or false, found `maybe`",
        ]),
        ("standard-of-other-type", [
            "Data/job-lines/public-relations-officer.yaml:4:11: error: standard `director` is for position type `managerial`, not `knowledge`",
        ]),
        ("missing-field", [
            "Data/job-lines/public-relations-officer.yaml:1:1: error: a job line is missing `standard`",
        ]),
        ("missing-thai-text", [
            "Data/units.yaml:3:11: error: `name` of a unit is missing its Thai text (`th`)",
        ]),
        ("unknown-id", [
            "Data/job-lines/public-relations-officer.yaml:15:14: error: unknown competency `teamwrok` (did you mean `teamwork`?)",
        ]),
        ("level-not-of-type", [
            "Data/job-lines/public-relations-officer.yaml:16:12: error: level `M1` is not a level of position type `knowledge` (K1, K2, K3)",
        ]),
        ("duplicate-id", [
            "Data/competencies/ocsc-core.yaml:26:9: error: duplicate competency id `visioning` (first defined at Data/competencies/managerial.yaml:6:9)",
        ]),
        ("competency-missing-level", [
            "Data/competencies/ocsc-core.yaml:11:7: error: competency `teamwork` must have levels 1–5; missing level 4",
        ]),
        ("number-out-of-range", [
            "Data/directors/dir-news-bureau.yaml:10:28: error: `months` of an experience requirement of `dir-news-bureau` must be between 0 and 600, found 900",
            "Data/directors/dir-news-bureau.yaml:13:15: error: `at_least` of experience group `broadcast-media` is 3, but the group has only 2 fields",
        ]),
        ("empty-file", [
            "Data/courses.yaml:1:1: error: the file is empty; expected the courses (`courses:`)",
        ]),
        ("binary-file", [
            "Data/directors/dir-news-bureau.yaml:2:7: error: not a text file (byte 0x89 is not UTF-8); a director post must be UTF-8 YAML text",
        ]),
        ("unknown-field", [
            "Data/units.yaml:15:5: error: a unit is missing `work_fields`",
            "Data/units.yaml:21:5: error: unknown field `work_field` in a unit (did you mean `work_fields`?)",
        ]),
        ("comma-in-text", [
            "Data/work-fields.yaml:4:74: error: text with a comma inside `{…}` must be quoted: `Management` became a field of `name` of a work field; write it as \"…, Management\"",
        ]),
        ("selective-course-required", [
            "Data/directors/dir-news-bureau.yaml:20:30: error: course `himm` is selective (`selective: true`: participants are chosen, one cannot enrol), so director post `dir-news-bureau` cannot require it; remove it from the required courses (the planner may still suggest it)",
            "Data/rules.yaml:16:18: error: course `himm` is selective (`selective: true`: participants are chosen, one cannot enrol), so the rule to `M1` cannot require it; remove it from the required courses (the planner may still suggest it)",
        ]),
        ("post-switches-off-rule", [
            "Data/directors/dir-news-bureau.yaml:17:21: error: post `dir-news-bureau` says `diverse_experience: false`, but the rule to M1 in rules.yaml requires \"3 ต่าง\" of every candidate, and a post cannot switch off a rule's requirement; set it to true (a post may add requirements, never remove them)",
        ]),
        ("related-line-ratio", [
            "Data/job-lines/public-relations-officer.yaml:7:41: error: `ratio` of a related line of `public-relations-officer` must be between 1 and 100, found 0",
            "Data/job-lines/public-relations-officer.yaml:8:41: error: `ratio` of a related line of `public-relations-officer` must be between 1 and 100, found 150",
        ]),
        ("missing-provenance", [
            "Data/methods.yaml:2:5: error: method `job-rotation` needs a `source` naming the document its values come from, or `confirm: true` (a department default to confirm against the binder)",
            "Data/methods.yaml:16:14: error: method `coaching` needs a `source` naming the document its values come from, or `confirm: true` (a department default to confirm against the binder)",
            "Data/rules.yaml:17:3: error: `diverse_experience` needs a `source` naming the document its values come from, or `confirm: true` (a department default to confirm against the binder)",
        ]),
        ("executive-bad", [
            "Data/executives/deputy-director-general.yaml:1:5: error: executive post `deputy-director-general` has no pre-appointment course: neither its `courses` nor the rule to S1 names one",
            "Data/executives/deputy-director-general.yaml:12:14: error: unknown course `nbs22` (did you mean `nbs2`?)",
            "Data/executives/deputy-director-general.yaml:13:14: error: obligation `primary-executive` of `deputy-director-general` is not open at S1 (its eligible_levels: K3)",
            "Data/executives/deputy-director-general.yaml:14:5: error: the obligation `nbs2` of `deputy-director-general` needs a `source` naming the document its values come from, or `confirm: true` (a department default to confirm against the binder)",
            "Data/rules.yaml:16:9: error: the rule to S1 is an executive appointment from below the executive levels and needs its pre-appointment course: add a condition `{course: ID}` (e.g. nbs1)",
        ]),
        // All errors are collected, in file and line order, without follow-on noise.
        ("several-errors", [
            "Data/job-lines/public-relations-officer.yaml:2:7: error: unknown position type `knowlege` (did you mean `knowledge`?)",
            "Data/job-lines/public-relations-officer.yaml:5:21: error: unknown work field `radoi` (did you mean `radio`?)",
            "Data/job-lines/public-relations-officer.yaml:11:31: error: `level` of a competency of `public-relations-officer` at K1 must be a whole number, found `one`",
        ]),
    ]

    @Test("a broken fixture reports exactly its errors", arguments: cases.map(\.fixture))
    func brokenFixture(_ fixture: String) throws {
        try CatalogFixture.withBroken(fixture, expecting: Self.cases) { folder, expected in
            #expect(CatalogFixture.errors(folder) == expected)
        }
    }

    @Test func everyBrokenFixtureHasACase() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: CatalogFixture.fixtures.appendingPathComponent("broken").path)
        #expect(Set(folders) == Set(Self.cases.map(\.fixture)))
    }

    @Test func missingDataFolder() {
        let folder = URL(fileURLWithPath: "/nonexistent/careerpath/Data")
        #expect(CatalogFixture.errors(folder) == ["/nonexistent/careerpath/Data: error: data folder not found"])
    }

    @Test func missingFileAndFolder() throws {
        let folder = try CatalogFixture.copyOfValid()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("working-groups.yaml"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("directors"))
        #expect(CatalogFixture.errors(folder) == [
            "Data/directors: error: missing folder: the data folder must have directors/ with one file per director post",
            "Data/working-groups.yaml: error: missing file: the data folder must have working-groups.yaml with the working groups (`working_groups:`)",
        ])
    }

    @Test func tabsAndSecondDocumentsAreExplained() throws {
        let folder = try CatalogFixture.copyOfValid()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try "work_fields:\n\t- {id: news}\n".write(to: folder.appendingPathComponent("work-fields.yaml"), atomically: true, encoding: .utf8)
        try "methods: []\n---\nmethods: []\n".write(to: folder.appendingPathComponent("methods.yaml"), atomically: true, encoding: .utf8)
        #expect(CatalogFixture.errors(folder) == [
            "Data/methods.yaml:2:1: error: malformed YAML: a data file holds one document; remove this second `---` and what follows or move it to its own file",
            "Data/work-fields.yaml:2:1: error: malformed YAML: found character that cannot start any token (while scanning for the next token at line 2, column 1); indent with spaces, not tabs",
        ])
    }

    @Test func ymlFilesAreNotSkippedSilently() throws {
        let folder = try CatalogFixture.copyOfValid()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let posts = folder.appendingPathComponent("directors")
        try FileManager.default.moveItem(at: posts.appendingPathComponent("dir-news-bureau.yaml"),
                                         to: posts.appendingPathComponent("dir-news-bureau.yml"))
        #expect(CatalogFixture.errors(folder) == [
            "Data/directors/dir-news-bureau.yml: error: data files end in .yaml: rename dir-news-bureau.yml to dir-news-bureau.yaml",
        ])
    }

    @Test func fileNameMustMatchID() throws {
        let folder = try CatalogFixture.copyOfValid()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let lines = folder.appendingPathComponent("job-lines")
        try FileManager.default.moveItem(at: lines.appendingPathComponent("public-relations-officer.yaml"),
                                         to: lines.appendingPathComponent("pr-officer.yaml"))
        #expect(CatalogFixture.errors(folder) == [
            "Data/job-lines/pr-officer.yaml:1:5: error: id `public-relations-officer` does not match the file name `pr-officer.yaml`; rename the file or the id",
        ])
    }

    @Test func thrownErrorsPrintOneLineEach() throws {
        let folder = try CatalogFixture.broken("several-errors")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try CatalogLoader.load(from: folder)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 3)
            #expect(error.description.split(separator: "\n").count == 3)
        }
    }
}
