/// One problem in the reference data, with the place to fix it.
///
/// Printed as `PATH:LINE:COL: error: MESSAGE` (or `PATH: error: MESSAGE` for a missing file or
/// folder, which has no line), the format editors and terminals turn into a link.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path relative to the data folder's parent (`Data/job-lines/librarian.yaml`);
    /// line 0 means the whole file or folder.
    public let location: SourceLocation
    public let message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String {
        location.line > 0 ? "\(location): error: \(message)" : "\(location.path): error: \(message)"
    }
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

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects errors while loading; a class so that every reader appends to the same list.
final class Diagnostics {
    private(set) var errors: [CatalogError] = []

    func error(_ message: String, at location: SourceLocation) {
        errors.append(CatalogError(message, at: location))
    }
}
