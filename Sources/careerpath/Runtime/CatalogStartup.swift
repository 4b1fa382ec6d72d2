import CareerCatalog
import CareerEngine
import Foundation
import LocalSystem
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

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

/// The TUI's catalog, read on a second thread while the main thread opens the database, which does
/// not need it (a new database filled from the demo roster waits for it). The same thread then
/// builds the engine's indexes of it (`GapAnalyzer`) while the main thread opens the terminal, and
/// opens ICU's Thai collator for the first list's sort. On two cores the first screen comes that
/// much sooner (`careerpath bench ui`); on one it costs nothing. The results are taken on the main
/// thread, where a bad catalog is reported as every command does.
final class CatalogPreload: @unchecked Sendable {
    private let path: String
    private let catalogRead = DispatchSemaphore(value: 0)
    private let indexed = DispatchSemaphore(value: 0)
    /// Written by the loading thread before the semaphore that follows them is signalled; read by
    /// the main thread after waiting for it.
    private var loaded: Result<Catalog, CatalogErrors>?
    private var analyzer: GapAnalyzer?

    init(path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            let result = CatalogCache.load(path: path)
            loaded = result
            catalogRead.signal()
            if case .success(let catalog) = result { analyzer = GapAnalyzer(catalog: catalog) }
            indexed.signal()
            _ = ThaiCollator.shared
        }
    }

    /// The catalog (waiting for it the first time), or its errors printed once (exit 1).
    func catalog() throws -> Catalog {
        if let taken { return try taken.get() }
        catalogRead.wait()
        let outcome = Result { try DataOptions.catalog(loaded: loaded!, atPath: path) }
        taken = outcome
        return try outcome.get()
    }

    /// What `catalog()` gave the first time (the main thread's only).
    private var taken: Result<Catalog, any Error>?

    /// The engine's indexes of the catalog (waiting for them; call once, after `catalog()`).
    func gapAnalyzer() -> GapAnalyzer? {
        indexed.wait()
        return analyzer
    }
}
