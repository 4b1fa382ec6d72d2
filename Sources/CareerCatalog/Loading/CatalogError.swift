/// One problem in the reference data, with the place to fix it.
///
/// Printed as `PATH:LINE:COL: error: MESSAGE` (or `PATH: error: MESSAGE` for a missing file or
/// folder, which has no line), the format editors and terminals turn into a link; said in Thai and
/// English like the import's messages (`error:` stays in both, so editors still find it).
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path relative to the data folder's parent (`Data/job-lines/librarian.yaml`);
    /// line 0 means the whole file or folder.
    public let location: SourceLocation
    public let said: LocalizedText

    public init(_ message: LocalizedText, at location: SourceLocation) {
        self.said = message
        self.location = location
    }

    /// The message in English (logs, tests).
    public var message: String { said.en }

    /// The error in `language`, with its place.
    public func text(_ language: Language) -> String {
        let message = said.text(language)
        return location.line > 0 ? "\(location): error: \(message)" : "\(location.path): error: \(message)"
    }

    public var description: String { text(.en) }
}

/// Every problem found in one load, in file and line order.
public struct CatalogErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [CatalogError]

    public init(_ errors: [CatalogError]) {
        // Stable order: by file, then position, so output and tests do not depend on hashing.
        self.errors = errors.enumerated().sorted { a, b in
            let (l, r) = (a.element.location, b.element.location)
            if l.path != r.path { return l.path < r.path }
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// One error per line, in `language`.
    public func text(_ language: Language) -> String { errors.map { $0.text(language) }.joined(separator: "\n") }

    public var description: String { text(.en) }
}

/// Collects errors while loading; a class so that every reader appends to the same list.
final class Diagnostics {
    private(set) var errors: [CatalogError] = []

    func error(_ message: LocalizedText, at location: SourceLocation) {
        errors.append(CatalogError(message, at: location))
    }
}
