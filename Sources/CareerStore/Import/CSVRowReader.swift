import CSV
import Foundation

/// Reads a CSV file row by row through CSV.swift and tracks the physical line where each row starts,
/// so errors point where an editor shows them.
///
/// CSV.swift does all the parsing (quotes, escaped quotes, separators, line breaks in fields). To keep
/// memory flat and speed up, the file is fed to it in chunks of about a megabyte, each cut just after a
/// line break that ends a record — found by `RecordBoundaryScanner`, which follows the quoting exactly
/// as CSV.swift does but never splits fields. CSV.swift ends a record at one line break (CR, LF or CRLF)
/// and keeps breaks inside quoted fields in the value, so a row's first line is 1 + the line breaks
/// consumed before it.
///
/// Not thread-safe; it may be handed to one other thread (see `PrefetchingRowReader`).
final class CSVRowReader: @unchecked Sendable {
    let displayPath: String
    /// Header names, trimmed and lower-cased (a leading byte-order mark removed).
    private(set) var header: [String] = []
    /// Set when reading stopped on bytes that are not UTF-8.
    private(set) var failure: ImportDiagnostic?

    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var scanner = RecordBoundaryScanner()
    private var scanned = 0
    private var atEnd = false
    private var reader: CSVReader?
    private var nextLine = 1
    private var firstChunk = true

    static let chunkSize = 1 << 20

    /// Opens `path` and reads the header; throws a diagnostic at 1:1 when the file cannot be read,
    /// is empty or does not start with valid UTF-8.
    init(path: String, displayPath: String) throws(ImportDiagnostic) {
        self.displayPath = displayPath
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportDiagnostic(file: displayPath, line: 1, column: 1, message: "cannot open the file")
        }
        self.handle = handle
        guard let (_, raw) = nextRaw() else {
            if let failure { throw failure }
            throw ImportDiagnostic(file: displayPath, line: 1, column: 1, message: "the file is empty: a header row is needed")
        }
        var names = raw.map { CSVRowReader.clean($0).lowercased() }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        header = names
    }

    deinit { try? handle.close() }

    /// The next non-blank row and the physical line where it starts, or nil at the end (or on bad bytes).
    func next() -> (line: Int, fields: [String])? {
        while let (line, fields) = nextRaw() {
            // A blank line is a row of one empty field: skip it (it still counted as a line).
            if fields.count == 1, fields[0].isEmpty { continue }
            return (line, fields)
        }
        return nil
    }

    private func nextRaw() -> (line: Int, fields: [String])? {
        while true {
            if let fields = reader?.next() {
                let line = nextLine
                var breaks = 1
                for field in fields { breaks += CSVRowReader.lineBreaks(in: field) }
                nextLine += breaks
                return (line, fields)
            }
            reader = nil
            guard failure == nil, let chunk = nextChunk() else { return nil }
            guard let text = String(validating: chunk, as: UTF8.self) else {
                // Read the rows before the bad line, then stop with an error there.
                let (diagnostic, validPrefix) = invalidUTF8(in: chunk)
                failure = diagnostic
                guard validPrefix > 0 else { return nil }
                reader = try? CSVReader(string: String(decoding: chunk[..<validPrefix], as: UTF8.self), hasHeaderRow: false)
                continue
            }
            do {
                reader = try CSVReader(string: text, hasHeaderRow: false)
            } catch {
                return nil   // only thrown for a missing header row, which we do not ask for
            }
        }
    }

    /// Bytes from the last cut to the next record boundary (or the end of the file).
    private func nextChunk() -> [UInt8]? {
        while true {
            let cut = pending.withUnsafeBufferPointer { scanner.lastBoundary(in: $0, from: scanned) }
            scanned = pending.count
            if let cut, !atEnd || cut == pending.count {
                let chunk = Array(pending[..<cut])
                pending.removeFirst(cut)
                scanned -= cut
                scanner.lastCut = nil
                return chunk
            }
            if atEnd {
                guard !pending.isEmpty else { return nil }
                defer { pending = [] }
                return pending
            }
            let data = (try? handle.read(upToCount: CSVRowReader.chunkSize)) ?? nil
            guard let data, !data.isEmpty else { atEnd = true; continue }
            pending.append(contentsOf: data)
            if firstChunk {
                firstChunk = false
                // A UTF-8 byte-order mark is not part of the first column's name.
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
            }
            // Keep reading until a chunk of useful size has a boundary in it.
            if pending.count < CSVRowReader.chunkSize { continue }
        }
    }

    /// Where the first bad byte is, as a diagnostic, and how many bytes (whole lines) come before its line.
    private func invalidUTF8(in chunk: [UInt8]) -> (ImportDiagnostic, Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = chunk.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: break loop
            }
        }
        let line = nextLine + CSVRowReader.lineBreaks(in: String(decoding: chunk[..<offset], as: UTF8.self))
        let byte = offset < chunk.count ? String(chunk[offset], radix: 16, uppercase: true) : "?"
        let lineStart = chunk[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (ImportDiagnostic(file: displayPath, line: line, column: 1,
                                 message: "the file is not valid UTF-8 (byte 0x\(byte)); save it as UTF-8"), lineStart)
    }

    /// Line breaks inside a field: CRLF, CR and LF each count once.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for byte in field.utf8 {
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

/// Finds the line feeds that end a record, following CSV.swift's quoting rules: a field that starts with
/// `"` runs to the next lone `"`; `""` inside it is an escaped quote; a quote elsewhere is literal.
/// It only finds cut points for chunking; the fields themselves are left to CSV.swift.
struct RecordBoundaryScanner {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    private var state = State.fieldStart
    /// Offset just past the last record-ending LF seen since the last reset.
    var lastCut: Int?

    /// Scans `bytes[from...]` (continuing the state from earlier calls) and returns the offset just
    /// past the last LF that ends a record in `bytes[..<end]`, if any.
    mutating func lastBoundary(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            switch state {
            case .fieldStart, .unquoted:
                if c == 0x0A { lastCut = i + 1; state = .fieldStart }
                else if c == 0x0D || c == 0x2C { state = .fieldStart }
                else if c == 0x22 && state == .fieldStart { state = .quoted }
                else { state = .unquoted }
            case .quoted:
                if c == 0x22 { state = .quoteInQuoted }
            case .quoteInQuoted:
                if c == 0x0A { lastCut = i + 1; state = .fieldStart }
                else if c == 0x0D || c == 0x2C { state = .fieldStart }
                else { state = .quoted }   // `""` (escaped) or a stray character after a closing quote
            }
            i += 1
        }
        return lastCut
    }
}

extension ImportDiagnostic: Error {}
