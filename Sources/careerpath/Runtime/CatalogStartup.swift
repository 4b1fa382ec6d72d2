import Foundation
import LocalSystem
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
