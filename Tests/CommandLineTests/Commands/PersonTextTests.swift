import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing
@testable import careerpath

/// People by name, not by id (`PersonText.swift`, issue 15, item 1): units, job lines,
/// supervisors and gaps named in text, ids in `--json`.
@Suite("person text: names, not ids", .serialized)
struct PersonTextTests {
    @Test("people, person, succession, gaps and plan text name units, job lines, supervisors and gaps; ids stay in --json")
    func namesNotIDs() throws {
        let catalog = EngineTextTests.catalog
        let people = CommandLineRun.run(["people", "--unit", "news-bureau", "--lang", "en"])
        #expect(people.status == 0, "\(people.stderr)")
        // Sub-units are included (item 9), and named.
        let groups = catalog.descendants(of: "news-bureau").map(\.name.en)
        #expect(groups.contains { people.stdout.contains($0) }, "\(people.stdout)")
        let ids = catalog.units.map(\.id) + catalog.jobLines.map(\.id)
        for output in [people.stdout, CommandLineRun.run(["person", "P000095"]).stdout,
                       CommandLineRun.run(["succession", "--post", "dir-news-bureau", "--limit", "0"]).stdout,
                       CommandLineRun.run(["succession", "--risks"]).stdout,
                       CommandLineRun.run(CommandLineRun.gaps).stdout,
                       CommandLineRun.run(["plan", "--person", "P000095", "--target", "dir-news-bureau", "--on", "2026-10-01"]).stdout] {
            #expect(!output.isEmpty)
            let words = Set(output.split(whereSeparator: { " ,()[]:\n".contains($0) }).map(String.init))
            let shown = ids.filter { words.contains($0) }
            #expect(shown.isEmpty, "ids \(shown) in:\n\(output)")
            #expect(!output.contains("experience:") && !output.contains("time-in-level"), "gap ids in:\n\(output)")
            // The supervisor P000005 appears by name, never by id (the people list has her own row).
            if output != people.stdout { #expect(!output.contains("P000005"), "\(output)") }
        }
        let json = CommandLineRun.run(["people", "--unit", "news-bureau", "--json"])
        #expect(json.stdout.contains("\"unit\": \"news-bureau-domestic-news-group\""), "\(json.stdout)")
    }

    @Test("a name two people share gets the id; one nobody shares does not")
    func sharedNames() {
        func person(_ id: String, _ name: String) -> Person {
            Person(id: id, nameTH: name, nameEN: name, unit: "news-bureau", jobLine: "public-relations-officer", level: "K1",
                   levelSince: CivilDate(dayNumber: 0), serviceStart: CivilDate(dayNumber: 0), education: "bachelor", supervisorID: nil)
        }
        let names = PeopleNames([person("A1", "สมชาย"), person("A2", "สมชาย"), person("A3", "สมหญิง")], .th)
        #expect(names.name("A1") == "สมชาย (A1)")
        #expect(names.name("A3") == "สมหญิง")
        #expect(names.name("A9") == "A9")
    }
}
