import Foundation
import Testing
@testable import CareerCatalog

/// Builds data folders for tests: the small valid fixture, optionally with one broken file laid over it.
enum CatalogFixture {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let valid = fixtures.appendingPathComponent("valid")
    /// The shipped data of this checkout: Tests/CareerCatalogTests/ → repo root → Data.
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// A fresh copy of the valid fixture named `Data`, with `Fixtures/broken/<name>/` laid over it,
    /// so every error path reads `Data/…` whatever the temporary folder.
    static func broken(_ name: String) throws -> URL {
        try overlaid(fixtures.appendingPathComponent("broken").appendingPathComponent(name))
    }

    /// Runs `body` on a fresh copy of the broken fixture `name` (`broken(_:)`), removed afterwards.
    static func withBroken<T>(_ name: String, _ body: (URL) throws -> T) throws -> T {
        let folder = try broken(name)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        return try body(folder)
    }

    /// Runs `body` on the broken fixture `name` and the error lines a table of cases expects of it
    /// (a test of a fixture missing from its table fails).
    static func withBroken(_ name: String, expecting cases: [(fixture: String, errors: [String])],
                           sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: (URL, [String]) throws -> Void) throws {
        let expected = try #require(cases.first { $0.fixture == name }, sourceLocation: sourceLocation).errors
        try withBroken(name) { try body($0, expected) }
    }

    /// A fresh copy of the valid fixture with the files of `overlay` laid over it.
    static func overlaid(_ overlay: URL) throws -> URL {
        let folder = try copyOfValid()
        let manager = FileManager.default
        guard let files = manager.enumerator(atPath: overlay.path) else { return folder }
        for case let relative as String in files {
            let source = overlay.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: source.path, isDirectory: &isDirectory)
            let target = folder.appendingPathComponent(relative)
            if isDirectory.boolValue {
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
            } else {
                if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
                try manager.copyItem(at: source, to: target)
            }
        }
        return folder
    }

    /// A fresh copy of the valid fixture at `<temp>/<uuid>/Data`.
    static func copyOfValid() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let folder = parent.appendingPathComponent("Data")
        try FileManager.default.copyItem(at: valid, to: folder)
        return folder
    }

    /// The error lines of loading `folder` (empty when it loads).
    static func errors(_ folder: URL) -> [String] {
        switch CatalogLoader.result(from: folder) {
        case .success: return []
        case .failure(let errors): return errors.errors.map(\.description)
        }
    }
}
