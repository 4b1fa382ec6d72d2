import CareerEngine
import CareerStore
import Foundation
import Testing

/// Access control below the UI, checked exhaustively: for every viewer and every person, every
/// query path of `RecordStore` (record, people, people of a unit, allRecords) agrees with the
/// supervisor chain computed here from the roster; and the CLI turns a refusal into exit 3.
@Suite(.serialized) final class AccessControlTests {
    /// Two trees: A01 → A02 → A03 → A04 and A01 → A05 → A06; A07 → A08.
    static let roster: [(id: String, unit: String, line: String, level: String, supervisor: String?)] = [
        ("A01", "news-bureau", "public-relations-officer", "M1", nil),
        ("A02", "news-bureau", "public-relations-officer", "K3", "A01"),
        ("A03", "news-bureau", "public-relations-officer", "K1", "A02"),
        ("A04", "news-bureau", "public-relations-officer", "K1", "A03"),
        ("A05", "ict-center", "computer-officer", "K2", "A01"),
        ("A06", "ict-center", "computer-officer", "K1", "A05"),
        ("A07", "secretary-office", "administrative-clerk", "O3", nil),
        ("A08", "secretary-office", "administrative-clerk", "O1", "A07"),
    ]
    static var ids: [String] { roster.map(\.id) }
    static let units = ["news-bureau", "ict-center", "secretary-office", "regional-pr-bureau-3"]

    static var files: [String: String] {
        var people = ImportFixture.peopleHeader + "\n"
        var assignments = "person_id,unit,field,role,start,end\n"
        for p in roster {
            people += "\(p.id),สมมุติ \(p.id),Sommut \(p.id),\(p.unit),\(p.line),\(p.level),2018-01-01,2010-01-01,bachelor,\(p.supervisor ?? "")\n"
            assignments += "\(p.id),\(p.unit),,regular,2010-01-01,\n"
        }
        return ["people.csv": people, "assignments.csv": assignments,
                "assessments.csv": "person_id,competency,level,assessed_on,assessor\n",
                "trainings.csv": "person_id,course,completed_on\n"]
    }

    /// `id` and everyone below them, from the roster itself (not from the store).
    static func chain(below id: String) -> Set<String> {
        var reach: Set<String> = [id]
        var grew = true
        while grew {
            grew = false
            for p in roster where p.supervisor.map(reach.contains) == true && !reach.contains(p.id) {
                reach.insert(p.id); grew = true
            }
        }
        return reach
    }

    static func reach(_ viewer: Viewer) -> Set<String> {
        switch viewer {
        case .system, .hr: return Set(ids)
        case .supervisor(let id): return chain(below: id)
        case .person(let id): return [id]
        }
    }

    static var viewers: [Viewer] {
        [.system, .hr(personID: "A08")] + ids.map { .supervisor(personID: $0) } + ids.map { .person(personID: $0) }
    }

    var fixture: ImportFixture!

    init() {}

    /// Opens this test's store on `engine` (a suite takes no arguments; its tests do).
    func use(_ engine: StoreEngine) throws {
        fixture = try ImportFixture(files: Self.files, engine: engine)
        let problems = fixture.importFolder()
        #expect(problems == [])
    }

    @Test(arguments: StoreEngine.all) func theChainIsWhatTheRosterSays(engine: StoreEngine) throws {
        try use(engine)
        #expect(Self.chain(below: "A02") == ["A02", "A03", "A04"])
        #expect(Self.chain(below: "A01") == ["A01", "A02", "A03", "A04", "A05", "A06"])
        #expect(Self.chain(below: "A06") == ["A06"])
    }

    /// Every viewer on one store per engine (the reads only add audit rows, which no check here reads).
    @Test(arguments: StoreEngine.all)
    func everyQueryPathAgreesWithTheChain(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        for viewer in Self.viewers {
            let reach = Self.reach(viewer)
            #expect(Set(try store.people(unit: nil, viewer: viewer).map(\.id)) == reach, "\(viewer)")
            #expect(Set(try store.allRecords(viewer: viewer).map(\.person.id)) == reach, "\(viewer)")
            for unit in Self.units {
                let expected = Set(Self.roster.filter { $0.unit == unit && reach.contains($0.id) }.map(\.id))
                #expect(Set(try store.people(unit: unit, viewer: viewer).map(\.id)) == expected, "\(viewer), unit \(unit)")
            }
            for id in Self.ids {
                if reach.contains(id) {
                    #expect(try store.record(personID: id, viewer: viewer, screen: "test")?.person.id == id, "\(viewer) read \(id)")
                    #expect(try store.canView(personID: id, viewer: viewer), "\(viewer) may view \(id)")
                } else {
                    #expect(throws: AccessDenied.self, "\(viewer) read \(id)") {
                        try store.record(personID: id, viewer: viewer, screen: "test")
                    }
                    #expect(try store.canView(personID: id, viewer: viewer) == false, "\(viewer) may not view \(id)")
                }
            }
        }
    }

    @Test(arguments: StoreEngine.all) func aRefusedReadLeavesNoViewInTheAuditLog(engine: StoreEngine) throws {
        try use(engine)
        let store = fixture.store
        _ = try? store.record(personID: "A06", viewer: .supervisor(personID: "A02"), screen: "gaps")
        _ = try store.record(personID: "A04", viewer: .supervisor(personID: "A02"), screen: "gaps")
        #expect(try store.auditEntries(subject: "A06").isEmpty)
        #expect(try store.auditEntries(subject: "A04").map(\.actor) == ["A02"])
    }

    // MARK: - The CLI

    @Test(arguments: StoreEngine.all) func gapsForANonSubordinateExitsThree(engine: StoreEngine) throws {
        try use(engine)
        let denied = try CLI.run(["gaps", "--as", "A02", "--person", "A06", "--target", "dir-news-bureau", "--on", "2026-10-01"],
                                 database: fixture.store.path)
        #expect(denied.status == 3, "stdout: \(denied.stdout) stderr: \(denied.stderr)")
        #expect(denied.stderr.contains("access denied"))
        #expect(denied.stdout.isEmpty)
        // Below the supervisor, two levels down: allowed.
        let allowed = try CLI.run(["gaps", "--as", "A02", "--person", "A04", "--target", "dir-news-bureau", "--on", "2026-10-01", "--json"],
                                  database: fixture.store.path)
        #expect(allowed.status == 0, "stderr: \(allowed.stderr)")
        #expect(allowed.stdout.contains("\"person\": \"A04\""))
    }

    @Test(arguments: StoreEngine.all) func successionShowsASupervisorOnlyTheirChain(engine: StoreEngine) throws {
        try use(engine)
        let args = ["succession", "--post", "dir-news-bureau", "--on", "2026-10-01", "--json", "--limit", "0"]
        let mine = try CLI.run(args + ["--as", "A02"], database: fixture.store.path)
        #expect(mine.status == 0, "stderr: \(mine.stderr)")
        #expect(CLI.people(in: mine.stdout) == ["A02"])
        let all = try CLI.run(args, database: fixture.store.path)
        #expect(CLI.people(in: all.stdout).sorted() == ["A01", "A02"])
    }

    @Test(arguments: StoreEngine.all) func successionNeedsHROrASupervisor(engine: StoreEngine) throws {
        try use(engine)
        let args = ["succession", "--post", "dir-news-bureau", "--on", "2026-10-01", "--json", "--limit", "0", "--as", "A04", "--lang", "en"]
        let refused = try CLI.run(args, database: fixture.store.path)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("hr role"))
        #expect(try AccountService(store: fixture.store).grantHR(personID: "A04"))
        let hr = try CLI.run(args, database: fixture.store.path)
        #expect(hr.status == 0, "stderr: \(hr.stderr)")
        #expect(CLI.people(in: hr.stdout).sorted() == ["A01", "A02"])
    }

    @Test(arguments: StoreEngine.all) func anUnknownPostSuggestsTheNearestAndExitsOne(engine: StoreEngine) throws {
        try use(engine)
        let result = try CLI.run(["succession", "--post", "dir-news-bureu", "--lang", "en"], database: fixture.store.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean `dir-news-bureau`?"))
    }
}

/// Runs the `careerpath` binary built next to the test runner.
enum CLI {
    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("careerpath").path
    }

    /// The shipped reference data of this checkout.
    static var dataFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data").path
    }

    static func run(_ arguments: [String], database: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments + ["--database", database, "--data", dataFolder]
        var environment = ProcessInfo.processInfo.environment
        environment["CAREERPATH_DB"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both before waiting: a full pipe would otherwise stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The `"person"` ids of a succession JSON answer.
    static func people(in json: String) -> [String] {
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let candidates = object["candidates"] as? [[String: Any]] else { return [] }
        return candidates.compactMap { $0["person"] as? String }
    }
}
