import CareerCatalog
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The catalog, loaded and validated on another thread while the TUI opens the terminal, reads
/// the roster and paints the picker from cached names (see `CatalogNames`).
final class BackgroundCatalog: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Result<Catalog, CatalogErrors>?
    private let folder: URL

    init(folder: URL) {
        self.folder = folder
        DispatchQueue.global(qos: .userInitiated).async {
            // Below the main thread, which is painting the first screen: on a busy machine the
            // screen comes first, and on an idle one the two run side by side anyway.
            Self.lowerThisThreadsPriority()
            let result = CatalogLoader.result(from: folder)
            self.lock.withLock { self.outcome = result }
            self.finished.signal()
        }
    }

    /// Linux gives each thread its own nice value; this thread's id is the last part of
    /// /proc/thread-self (Glibc's gettid is not visible to Swift).
    private static func lowerThisThreadsPriority() {
        #if canImport(Glibc)
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
              let tid = link.split(separator: "/").last.flatMap({ id_t($0) }) else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), tid, 10)
        #endif
    }

    /// The validated catalog, waiting for the load if need be; bad data throws what every
    /// command prints (`DataOptions.catalog(from:folder:)`).
    func catalog() throws -> Catalog {
        try DataOptions.catalog(from: wait(), folder: folder)
    }

    /// Blocks until the load is over (at once if it already is).
    func wait() -> Result<Catalog, CatalogErrors> {
        if let done = lock.withLock({ outcome }) { return done }
        finished.wait()
        return lock.withLock { outcome! }
    }
}

/// Where the picker's names from the last validated load are kept: one small file per data
/// folder fingerprint under `$XDG_CACHE_HOME/careerpath` (else `~/.cache/careerpath`). Only a
/// cache: missing, stale or unreadable means the catalog is loaded before the first paint.
enum NamesCache {
    private static let prefix = "picker-names-"

    static func folder() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("careerpath")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/careerpath")
    }

    static func read(fingerprint: String) -> CatalogNames? {
        guard let file = folder()?.appendingPathComponent(prefix + fingerprint + ".tsv"),
              let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return CatalogNames(decoding: String(decoding: data, as: UTF8.self))
    }

    /// Writes the names for this fingerprint and removes those of older data; failures are ignored.
    static func write(_ names: CatalogNames, fingerprint: String) {
        guard let folder = folder(), let text = names.encoded() else { return }
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let name = prefix + fingerprint + ".tsv"
            for old in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where old.hasPrefix(prefix) && old != name {
                try? manager.removeItem(at: folder.appendingPathComponent(old))
            }
            try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
        } catch {
            return
        }
    }
}

/// `CAREERPATH_TRACE_STARTUP=1`: milliseconds since the process started at each start-up step,
/// on standard error (to see where the time before the first screen goes).
enum StartupTrace {
    static let enabled = ProcessInfo.processInfo.environment["CAREERPATH_TRACE_STARTUP"] != nil

    static func mark(_ step: String) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let ms = Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6 - processStartMilliseconds
        FileHandle.standardError.write(Data(String(format: "startup %7.2f ms  %@\n", ms, step).utf8))
    }

    /// When the kernel started the process (field 22 of /proc/self/stat, in clock ticks).
    private static let processStartMilliseconds: Double = {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return 0 }
        return ticks * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }()
}
