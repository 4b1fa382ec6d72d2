import Foundation

/// Environment variables read one by one. `ProcessInfo.processInfo.environment` copies every
/// variable into a new dictionary on each call, a measurable part of the TUI's start when
/// three lookups each pay for it.
public enum ProcessEnvironment {
    /// One variable, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The named variables that are set, as a dictionary (for code that takes an environment).
    public static func values(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in names {
            if let value = value(name) { found[name] = value }
        }
        return found
    }
}
