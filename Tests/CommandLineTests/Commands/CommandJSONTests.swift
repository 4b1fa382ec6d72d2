import Foundation
import Testing
@testable import careerpath

/// Every `--json` contract of docs/cli.md, written by the one encoder (`CommandJSON`: Codable,
/// keys sorted), against golden files made from the demo roster on a fixed day.
@Suite("--json contracts", .serialized)
struct CommandJSONTests {
    static let on = ["--on", "2026-10-01"]

    /// (golden file, arguments) for each `--json` of docs/cli.md, on the shared demo database.
    static let contracts: [(String, [String])] = [
        ("gaps.json", ["gaps", "--person", "P000095", "--target", "dir-news-bureau", "--json"] + on),
        ("gaps-executive.json", ["gaps", "--person", "P000005", "--target", "deputy-director-general", "--json"] + on),
        ("plan.json", ["plan", "--person", "P000095", "--target", "dir-news-bureau", "--json"] + on),
        ("paths.json", ["paths", "--person", "P000095", "--json"] + on),
        ("succession.json", ["succession", "--post", "dir-news-bureau", "--limit", "5", "--json"] + on),
        ("succession-risks.json", ["succession", "--risks", "--json"] + on),
        ("people.json", ["people", "--unit", "news-bureau", "--json"]),
        ("person.json", ["person", "P000095", "--json"]),
    ] + ["job-lines", "directors", "competencies", "methods", "courses", "units"].map { ("catalog-\($0).json", ["catalog", $0, "--json"]) }

    @Test("each --json output matches its golden file and is valid JSON", arguments: contracts.map(\.0))
    func contract(_ name: String) throws {
        let arguments = try #require(Self.contracts.first { $0.0 == name }?.1)
        let result = CommandLineRun.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "not JSON: \(result.stdout)")
        try Golden.assert(result.stdout, named: name)
    }

    @Test("audit --json matches its golden file (times replaced) on a database of its own")
    func audit() throws {
        let database = CommandLineRun.folder + "/audit-\(UUID().uuidString).sqlite"
        defer { for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + ext) } }
        for arguments in [["import", "Data/demo"], ["person", "P000095"], ["gaps", "--person", "P000095", "--target", "dir-news-bureau"] + Self.on,
                          ["audit", "--json"]] {
            let result = CommandLineRun.run(arguments + ["--database", database])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            guard arguments.first == "audit" else { continue }
            let times = try Regex(#""at": "[0-9T:.Z-]+""#)
            try Golden.assert(result.stdout.replacing(times, with: #""at": "…""#), named: "audit.json")
        }
    }

    @Test("--json escapes every control, C1 and bidi control, and reads back as the same string")
    func jsonEscapes() throws {
        let json = try CommandJSON.text(["name": "x" + OutputTests.hostile + "ทอง/"])
        #expect(OutputTests.unsafe(json).isEmpty, "\(OutputTests.unsafe(json))")
        #expect(json.contains("\\u009b") && json.contains("\\u202e") && json.contains("\\u007f") && json.contains("\\u001b"), "\(json)")
        let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(back?["name"] == "x" + OutputTests.hostile + "ทอง/")
    }


    @Test("keys are written \"key\": value, empty arrays and objects [] and {}; strings are left alone")
    func emptyCollections() throws {
        let texts = ["[ ]", "{\n}", "[\n  \n]", "x\" : y", "\\\" : [ ]"]
        let json = try CommandJSON.text(["a": [] as [String], "b": texts])
        #expect(json.contains("\"a\": []"), "\(json)")
        let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]]
        #expect(back?["b"] == texts)
        #expect(try CommandJSON.text([String: Int]()) == "{}")
    }
}
