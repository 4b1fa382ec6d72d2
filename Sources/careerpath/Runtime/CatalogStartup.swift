import CareerCatalog
import Dispatch
import Foundation
import LocalSystem
#if canImport(Glibc)
import Glibc
#endif

/// The catalog, loaded and validated the first time it is asked for, then kept.
///
/// The TUI paints the picker from cached names first and asks for the catalog only after that
/// paint. Loading it on a second thread during the paint was tried: on two cores its page
/// faults and allocations slowed the main thread by about 5 ms, more than the overlap gained.
final class DeferredCatalog {
    private let path: String
    private var loaded: Result<Catalog, CatalogErrors>?

    init(path: String) {
        self.path = path
    }

    /// The data folder as a URL, built only when the catalog is loaded (a first `URL` costs the
    /// first paint: docs/architecture.md, "The first paint").
    var folder: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The validated catalog; bad data throws what every command prints
    /// (`DataOptions.catalog(from:folder:)`).
    func catalog() throws -> Catalog {
        let folder = self.folder
        let result = loaded ?? CatalogLoader.result(from: folder)
        loaded = result
        return try DataOptions.catalog(from: result, folder: folder)
    }
}

/// Where the picker's names from the last validated load are kept: one small file per data
/// folder fingerprint under `$XDG_CACHE_HOME/careerpath` (else `~/.cache/careerpath`). Only a
/// cache: missing, stale or unreadable means the catalog is loaded before the first paint.
enum NamesCache {
    private static let prefix = "picker-names-"

    /// The cache folder's path. Paths are joined as strings here: the first
    /// `URL.appendingPathComponent` of a run costs a runtime conformance lookup (~0.1 ms) on the
    /// way to the first screen.
    static func folder() -> String? {
        if let cache = ProcessEnvironment.value("XDG_CACHE_HOME"), cache.hasPrefix("/") {
            return LocalFiles.join(cache, "careerpath")
        }
        guard let home = ProcessEnvironment.value("HOME"), home.hasPrefix("/") else { return nil }
        return LocalFiles.join(home, ".cache/careerpath")
    }

    static func read(fingerprint: String) -> CatalogNames? {
        guard let folder = folder(), let bytes = LocalFiles.contents(LocalFiles.join(folder, prefix + fingerprint + ".tsv")) else { return nil }
        return CatalogNames(decoding: String(decoding: bytes, as: UTF8.self))
    }

    /// Writes the names for this fingerprint and removes those of older data; failures are ignored.
    static func write(_ names: CatalogNames, fingerprint: String) {
        guard let folder = folder(), let text = names.encoded() else { return }
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let name = prefix + fingerprint + ".tsv"
            for old in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where old.hasPrefix(prefix) && old != name {
                try? manager.removeItem(atPath: LocalFiles.join(folder, old))
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: LocalFiles.join(folder, name)), options: .atomic)
        } catch {
            return
        }
    }
}

/// `CAREERPATH_TRACE_STARTUP=1`: each start-up step on standard error, with the milliseconds
/// since the previous step and the CLOCK_MONOTONIC time in ms (so that a harness that noted when
/// it started the process can tell how long the process took to reach `main`).
enum StartupTrace {
    static let enabled = ProcessEnvironment.value("CAREERPATH_TRACE_STARTUP") != nil
    nonisolated(unsafe) private static var previous: Double?

    static func mark(_ step: String) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let ms = Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
        let since = previous.map { String(format: "%+7.2f ms", ms - $0) } ?? "         "
        previous = ms
        Output.standardError(String(format: "startup %@  (monotonic %.3f)  %@\n", since, ms, step))
    }
}
