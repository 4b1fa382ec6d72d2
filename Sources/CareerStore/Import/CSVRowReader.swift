import CSV
import Foundation

/// Reads a CSV file row by row through CSV.swift, streaming (never the whole file in memory),
/// and tracks the physical line where each row starts so errors point where an editor shows them.
///
/// CSV.swift ends a record at exactly one line break (CR, LF or CRLF) and keeps line breaks inside
/// quoted fields in the field value, so a row's first line is 1 + the line breaks consumed before it.
final class CSVRowReader {
    let displayPath: String
    /// Header names, trimmed and lower-cased (a leading byte-order mark removed).
    let header: [String]
    private let reader: CSVReader
    private var nextLine: Int

    /// Opens `path`; throws a diagnostic at 1:1 when the file cannot be read or has no header.
    init(path: String, displayPath: String) throws(ImportDiagnostic) {
        self.displayPath = displayPath
        guard let stream = InputStream(fileAtPath: path) else {
            throw ImportDiagnostic(file: displayPath, line: 1, column: 1, message: "cannot open the file")
        }
        do {
            // CSV.swift skips a UTF-8 byte-order mark when it reads from a stream.
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw ImportDiagnostic(file: displayPath, line: 1, column: 1, message: "cannot read a header row (empty file?)")
        }
        let raw = reader.headerRow ?? []
        var names = raw.map { CSVRowReader.clean($0).lowercased() }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        header = names
        nextLine = 2 + raw.reduce(0) { $0 + CSVRowReader.lineBreaks(in: $1) }
        if CSVRowReader.isDecodingError(reader.error) {
            throw ImportDiagnostic(file: displayPath, line: 1, column: 1, message: "the file is not valid UTF-8")
        }
    }

    /// The next non-blank row and the physical line where it starts, or nil at the end.
    func next() -> (line: Int, fields: [String])? {
        while let fields = reader.next() {
            let line = nextLine
            var breaks = 1
            for field in fields { breaks += CSVRowReader.lineBreaks(in: field) }
            nextLine += breaks
            // A blank line is a row of one empty field: skip it, but it still counts as a line.
            if fields.count == 1, fields[0].isEmpty { continue }
            return (line, fields)
        }
        return nil
    }

    /// Where reading stopped, when the bytes were not valid UTF-8.
    var decodingErrorLine: Int? { CSVRowReader.isDecodingError(reader.error) ? nextLine : nil }

    /// CSV.swift also records "cannot read" when a file stream reaches its end on Linux; only a
    /// decoding error means bad input.
    static func isDecodingError(_ error: Error?) -> Bool {
        guard let error = error as? CSVError else { return false }
        if case .unicodeDecoding = error { return true }
        return false
    }

    /// Line breaks inside a field: CRLF, CR and LF each count once.
    static func lineBreaks(in field: String) -> Int {
        var utf8 = field.utf8.makeIterator()
        var count = 0
        var previousCR = false
        while let byte = utf8.next() {
            if byte == 0x0A {
                if !previousCR { count += 1 }
                previousCR = false
            } else if byte == 0x0D {
                count += 1
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return count
    }

    /// Trims spaces and tabs at both ends (not line breaks inside quoted values).
    static func clean(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

extension ImportDiagnostic: Error {}
