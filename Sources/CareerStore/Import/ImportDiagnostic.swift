/// One problem found while importing, pointing at the file, the physical line where the row
/// starts (1-based, header = line 1) and the 1-based column of the field.
public struct ImportDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it on the command line (relative paths stay relative).
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, the format editors and CI jump to.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// An import that was refused: nothing was written.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// Sorted by file (in import order), line and column; at most `ImportLimits.maxDiagnostics`.
    public let diagnostics: [ImportDiagnostic]
    /// True when more problems existed than were collected.
    public let truncated: Bool

    public init(diagnostics: [ImportDiagnostic], truncated: Bool) {
        self.diagnostics = diagnostics; self.truncated = truncated
    }

    public var description: String {
        var lines = diagnostics.map(\.description)
        if truncated { lines.append("stopped after \(diagnostics.count) errors") }
        lines.append("import refused: \(diagnostics.count)\(truncated ? "+" : "") error\(diagnostics.count == 1 ? "" : "s"); the database is unchanged")
        return lines.joined(separator: "\n")
    }
}

public enum ImportLimits {
    /// The importer stops collecting (and checking) after this many errors.
    public static let maxDiagnostics = 100
    /// No value is longer (in UTF-8 bytes): a longer field is refused before any other check.
    public static let maxFieldBytes = 4096
    /// A record (one CSV row) longer than this, in bytes, is refused as soon as the reader sees it,
    /// before it is parsed: a 50 MB field costs one read, not a parse and a search.
    public static let maxRecordBytes = 1 << 16
    /// Characters of a value quoted in a message before it is cut.
    static let echoedCharacters = 40
    /// `service_start` before this year is refused: no one serving now started earlier.
    public static let earliestServiceYear = 1950
}

/// A value as an import message quotes it: whole when short, else its first characters and its length
/// (`P7777777777…(1048576 characters)`), so a huge field does not flood the terminal.
func echoed(_ value: String) -> String {
    var shown = ""
    var count = 0
    for character in value {
        if count < ImportLimits.echoedCharacters { shown.append(character) }
        count += 1
        // Past the limit only the count matters; a field is at most `maxFieldBytes` here.
    }
    return count <= ImportLimits.echoedCharacters ? value : shown + "… (\(count) characters)"
}
