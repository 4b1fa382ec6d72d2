import CareerCatalog
import Foundation
import LocalSystem

/// Where the personnel database lives when the user does not say.
public enum StoreLocation {
    /// `--database`, then `$CAREERPATH_DB`, then `$XDG_DATA_HOME/careerpath/records.sqlite`,
    /// else `~/.local/share/careerpath/records.sqlite`.
    public static func resolve(option: String?, environment: [String: String] = ProcessEnvironment.values(["CAREERPATH_DB", "XDG_DATA_HOME", "HOME"])) -> String {
        if let option, !option.isEmpty { return option }
        if let db = environment["CAREERPATH_DB"], !db.isEmpty { return db }
        // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/careerpath/records.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/careerpath/records.sqlite"
    }

    /// The controlling terminal for the audit log (`/dev/pts/3`), or "" when there is none.
    public static func currentTerminal() -> String {
        for fd in [Int32(0), 1, 2] {
            if let name = ttyname(fd) { return String(cString: name) }
        }
        return ""
    }
}
