import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The demo roster imported once per test run and copied into each test's folder, so that the
/// end-to-end tests start from the same records without each paying the import (about 0.6 s of
/// CPU in a debug build, some 30 times a run on two cores). The template is made the way the app
/// makes a first database (`careerpath people` on a missing file); the tests of that first run
/// itself start without a copy.
enum DemoDatabase {
    /// A folder for the templates of this test process, removed when it exits.
    static let folder: String = {
        let path = NSTemporaryDirectory() + "cp-e2e-demo-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: DemoDatabase.folder) }
        return path
    }()

    /// The database made from `Data/demo`, or why it could not be made.
    static let template: Result<String, SpawnError> = make("records.sqlite") { path in
        "'\(TmuxSession.binary)' people --data '\(dataFolder)' --database '\(path)' >/dev/null"
    }

    static var dataFolder: String { TmuxSession.packageRoot.appendingPathComponent("Data").path }

    /// Runs `command` (given the template's path) once to make a template in `folder`.
    static func make(_ name: String, _ command: (String) -> String) -> Result<String, SpawnError> {
        let path = folder + "/" + name
        do {
            _ = try TmuxSession.spawn(["/bin/sh", "-c", command(path)])
            return .success(path)
        } catch let error as SpawnError {
            return .failure(error)
        } catch {
            return .failure(SpawnError(message: "\(error)"))
        }
    }

    /// Copies the database `template` (with its write-ahead log, if one was left) to `path`,
    /// keeping its mode (0600).
    static func copy(_ template: Result<String, SpawnError>, to path: String) throws {
        let source = try template.get()
        for suffix in ["", "-wal"] where suffix.isEmpty || FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: path + suffix)
        }
    }
}
