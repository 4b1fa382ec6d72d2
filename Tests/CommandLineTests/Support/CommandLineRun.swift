import CareerCatalog
import Foundation
import Testing

/// Runs the real `careerpath` binary (built next to the test runner) against a temporary
/// database made once from `Data/demo`.
enum CommandLineRun {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let catalog: Catalog = {
        switch CatalogLoader.result(from: repository.appendingPathComponent("Data")) {
        case .success(let c): return c
        case .failure(let errors): preconditionFailure("Data/ does not load:\n\(errors.description)")
        }
    }()

    /// The documented gaps example, without a day (the tests add `--on`, `--lang`, …).
    static let gaps = ["gaps", "--person", "P000095", "--target", "dir-news-bureau"]

    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("careerpath").path
    }

    /// A folder of its own for this test process: the demo database and anything examples write.
    static let folder: String = {
        let path = NSTemporaryDirectory() + "careerpath-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// The demo roster imported once (`careerpath import`), for every test here.
    static let database: String = {
        let path = folder + "/demo.sqlite"
        let result = shell("'\(binary)' import --database '\(path)' Data/demo")
        precondition(result.status == 0, "the demo roster does not import: \(result.stderr)")
        return path
    }()

    /// The environment every run gets: the repository's data, the demo database, a UTF-8 locale,
    /// caches in the test folder, no terminal type (nothing here may need a terminal).
    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["CAREERPATH_DATA"] = repository.appendingPathComponent("Data").path
        env["CAREERPATH_DB"] = folder + "/demo.sqlite"
        env["XDG_CACHE_HOME"] = folder + "/cache"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        return env
    }

    /// `careerpath ARGUMENTS` on the demo database.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) -> Result {
        _ = database
        return execute(binary, arguments, environment: extra)
    }

    /// A shell command line, run by `/bin/sh -c` in the repository (standard input empty).
    static func shell(_ command: String) -> Result {
        execute("/bin/sh", ["-c", command], environment: [:])
    }

    /// How long a run may take, on a loaded 2-core machine, before its test fails.
    static let timeout: Double = 180

    private static func execute(_ program: String, _ arguments: [String], environment extra: [String: String]) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = repository
        process.environment = environment.merging(extra) { $1 }
        // Files, not pipes: nothing to drain while the process runs.
        let name = folder + "/run-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: name + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: name + ".err", contents: nil)
        defer { for ext in [".out", ".err"] { try? FileManager.default.removeItem(atPath: name + ext) } }
        process.standardOutput = FileHandle(forWritingAtPath: name + ".out")
        process.standardError = FileHandle(forWritingAtPath: name + ".err")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do { try process.run() } catch { return Result(status: -1, stdout: "", stderr: "cannot run \(program): \(error)") }
        // A run that hangs fails its test, and the other tests go on: no expectation of a status
        // (not even `!= 0`) can pass on a process that never ended.
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("careerpath \(arguments.joined(separator: " ")) did not end within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        let stdout = FileManager.default.contents(atPath: name + ".out") ?? Data()
        let stderr = FileManager.default.contents(atPath: name + ".err") ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
