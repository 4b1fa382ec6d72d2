import CareerCatalog
import CSV
import Foundation

/// One piece of a CSV file that holds whole records: its bytes and the physical line its first record starts on.
package struct CSVChunk: Sendable {
    package let bytes: [UInt8]
    package let firstLine: Int
    /// Reading stopped after these bytes: the next record is longer than any sane row.
    package var stop: ImportDiagnostic?
}

/// How an import cuts its files and how many threads parse them; tests use tiny chunks to exercise
/// every cut.
package struct ImportChunking: Sendable {
    /// Chunk size for the parallel parse: large enough that handing a chunk over costs nothing,
    /// small enough that the chunks in flight stay a few megabytes.
    package var chunkSize = 1 << 19
    /// The first chunk is parsed on the importing thread with the header: short, so the workers start at once.
    package var firstChunkSize = 1 << 16
    /// Parsing threads: one per core (up to 4); the importing thread often waits on them.
    package var workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))

    package init() {}

    package init(chunkSize: Int, firstChunkSize: Int, workers: Int) {
        self.chunkSize = chunkSize; self.firstChunkSize = firstChunkSize; self.workers = workers
    }
}

/// A CSV row as CSV.swift read it, with the physical line where it starts.
package typealias CSVRawRow = (line: Int, fields: [String])

/// Cuts a CSV file into chunks of whole records and reads the header, so chunks can be parsed by
/// CSV.swift on several threads at once while errors still point at the exact physical line.
///
/// CSV.swift does all the parsing (quotes, escaped quotes, separators, line breaks in fields). The cut
/// points are found by `RecordBoundaryScanner`, which follows the quoting exactly as CSV.swift does but
/// never splits fields: each chunk ends just after a line feed that ends a record. CSV.swift ends a
/// record at one line break (CR, LF or CRLF) and keeps breaks inside quoted fields in the value, so the
/// line breaks in a chunk's bytes are exactly the lines it spans, and a row's first line is the chunk's
/// first line plus the breaks before the row.
///
/// The first chunk (small, so the workers start early) is parsed while opening, for the header.
/// Not thread-safe: `nextChunk()` is called under the pipeline's lock.
package final class CSVChunkReader: @unchecked Sendable {
    package let displayPath: String
    /// Header names, trimmed and lower-cased (a leading byte-order mark removed).
    package let header: [String]
    /// The rows after the header in the first chunk (blank rows included).
    package let firstRows: [CSVRawRow]
    /// Set when the first chunk stopped on bytes that are not UTF-8 (no chunks follow then).
    package let firstFailure: ImportDiagnostic?

    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var scanner = RecordBoundaryScanner()
    private var scanned = 0
    private var atEnd = false
    private var nextLine = 1
    private var firstRead = true

    private let chunkSize: Int

    /// Opens `path`, reads and parses the first chunk for the header; throws a diagnostic at 1:1 when
    /// the file cannot be read, is empty or does not start with valid UTF-8.
    package init(path: String, displayPath: String, chunking: ImportChunking = ImportChunking()) throws(ImportDiagnostic) {
        self.displayPath = displayPath
        chunkSize = chunking.chunkSize
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportDiagnostic(file: displayPath, line: 1, column: 1, message: said("เปิดแฟ้มไม่ได้", "cannot open the file"))
        }
        self.handle = handle
        var rows: [CSVRawRow] = []
        var failure: ImportDiagnostic?
        if let chunk = Self.cut(&pending, &scanner, &scanned, &atEnd, &nextLine, &firstRead, handle, size: chunking.firstChunkSize, displayPath: displayPath) {
            (rows, failure) = Self.parse(chunk, displayPath: displayPath)
            // The header itself too long: nothing to import.
            if rows.isEmpty, let stop = chunk.stop { try? handle.close(); throw stop }
        }
        guard !rows.isEmpty else {
            try? handle.close()
            if let failure { throw failure }
            throw ImportDiagnostic(file: displayPath, line: 1, column: 1, message: said("แฟ้มว่าง: ต้องมีแถวหัวตาราง", "the file is empty: a header row is needed"))
        }
        var names = rows[0].fields.map { CSVChunkReader.clean($0).lowercased() }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        header = names
        firstRows = Array(rows.dropFirst())
        firstFailure = failure
        // Nothing after bad bytes is read.
        if failure != nil { atEnd = true; pending = [] }
    }

    deinit { try? handle.close() }

    /// The next chunk of whole records, or nil at the end of the file.
    package func nextChunk() -> CSVChunk? {
        Self.cut(&pending, &scanner, &scanned, &atEnd, &nextLine, &firstRead, handle, size: chunkSize, displayPath: displayPath)
    }

    /// Bytes from the last cut to the last record boundary in at least `size` bytes (or to the end of the
    /// file), with the line it starts on. Static over `inout` state so `init` can use it before `self` is whole.
    private static func cut(_ pending: inout [UInt8], _ scanner: inout RecordBoundaryScanner, _ scanned: inout Int,
                            _ atEnd: inout Bool, _ nextLine: inout Int, _ firstRead: inout Bool,
                            _ handle: FileHandle, size: Int, displayPath: String) -> CSVChunk? {
        while true {
            if pending.count >= size || atEnd {
                let boundary = pending.withUnsafeBufferPointer { scanner.lastBoundary(in: $0, from: scanned) }
                scanned = pending.count
                // A record this long is an unclosed quote or a field no one typed: stop here, before CSV.swift
                // parses megabytes and a message quotes them (the records before it still come first).
                if pending.count - (boundary ?? 0) > ImportLimits.maxRecordBytes {
                    let start = boundary ?? 0
                    let line = nextLine + (start > 0 ? lineBreaks(in: Array(pending[..<start])) : 0)
                    let stop = ImportDiagnostic(file: displayPath, line: line, column: overlongColumn(pending[start...]),
                                                message: said("ค่าตรงนี้ยาวเกิน \(ImportLimits.maxFieldBytes) ไบต์ (แถวยาวเกิน \(ImportLimits.maxRecordBytes) ไบต์): "
                                                                + "เครื่องหมายคำพูดไม่ได้ปิด หรือไม่ใช่แฟ้มทะเบียนบุคลากร?",
                                                              "a value here is longer than \(ImportLimits.maxFieldBytes) bytes "
                                                                + "(the row runs past \(ImportLimits.maxRecordBytes) bytes): an unclosed quote, or not a roster file?"))
                    atEnd = true
                    let before = Array(pending[..<start])
                    pending = []
                    let chunk = CSVChunk(bytes: before, firstLine: nextLine, stop: stop)
                    nextLine = line
                    return chunk
                }
                let cut = atEnd ? pending.count : boundary
                if let cut, cut > 0 {
                    let bytes = cut == pending.count ? pending : Array(pending[..<cut])
                    if cut == pending.count { pending = [] } else { pending.removeFirst(cut) }
                    scanned -= cut
                    scanner.lastCut = nil
                    let chunk = CSVChunk(bytes: bytes, firstLine: nextLine)
                    nextLine += lineBreaks(in: bytes)
                    return chunk
                }
                if atEnd { return nil }
            }
            let data = (try? handle.read(upToCount: min(max(size - pending.count, 1 << 16), 1 << 20))) ?? nil
            guard let data, !data.isEmpty else { atEnd = true; continue }
            pending.append(contentsOf: data)
            if firstRead {
                firstRead = false
                // A UTF-8 byte-order mark is not part of the first column's name.
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
            }
        }
    }

    /// Parses one chunk with CSV.swift: its rows with their physical lines, and where it stopped on
    /// bytes that are not UTF-8 (the whole lines before them are still read). Safe on any thread.
    package static func parse(_ chunk: CSVChunk, displayPath: String) -> (rows: [CSVRawRow], failure: ImportDiagnostic?) {
        let bytes = chunk.bytes
        var failure = chunk.stop
        let text: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            let (diagnostic, validPrefix) = invalidUTF8(in: bytes, firstLine: chunk.firstLine, displayPath: displayPath)
            failure = diagnostic
            text = String(decoding: bytes[..<validPrefix], as: UTF8.self)
        }
        var rows: [CSVRawRow] = []
        // Without quotes or carriage returns every record is exactly one line and every comma a separator.
        let oneLineRecords = !bytes.withUnsafeBufferPointer { $0.contains { $0 == 0x22 || $0 == 0x0D } }
        if oneLineRecords {
            var text = text
            return (text.withUTF8 { splitPlain($0, firstLine: chunk.firstLine) }, failure)
        }
        guard !text.isEmpty, let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return (rows, failure) }
        var line = chunk.firstLine
        while let fields = reader.next() {
            rows.append((line, fields))
            if oneLineRecords {
                line += 1
            } else {
                var breaks = 1
                for field in fields { breaks += lineBreaks(in: field) }
                line += breaks
            }
        }
        return (rows, failure)
    }

    /// The rows of text without quotes or carriage returns, exactly as CSV.swift reads them, without its
    /// cost per character: a record per line feed (a blank line is one empty field; nothing after the
    /// last line feed is no row), a field per comma.
    package static func splitPlain(_ text: UnsafeBufferPointer<UInt8>, firstLine: Int) -> [CSVRawRow] {
        var rows: [CSVRawRow] = []
        var fields: [String] = []
        var line = firstLine
        var start = 0
        func field(_ end: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self) }
        for i in 0..<text.count {
            switch text[i] {
            case 0x2C:
                fields.append(field(i))
                start = i + 1
            case 0x0A:
                fields.append(field(i))
                rows.append((line, fields))
                fields = []
                fields.reserveCapacity(rows[rows.count - 1].fields.count)
                line += 1
                start = i + 1
            default: break
            }
        }
        if start < text.count || !fields.isEmpty {
            fields.append(field(text.count))
            rows.append((line, fields))
        }
        return rows
    }

    /// Where the first bad byte is, as a diagnostic, and how many bytes (whole lines) come before its line.
    private static func invalidUTF8(in chunk: [UInt8], firstLine: Int, displayPath: String) -> (ImportDiagnostic, Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = chunk.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: break loop
            }
        }
        let line = firstLine + lineBreaks(in: chunk[..<offset])
        let byte = offset < chunk.count ? String(chunk[offset], radix: 16, uppercase: true) : "?"
        let lineStart = chunk[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (ImportDiagnostic(file: displayPath, line: line, column: 1,
                                 message: said("แฟ้มไม่ใช่ UTF-8 ที่ถูกต้อง (ไบต์ 0x\(byte)) โปรดบันทึกเป็น UTF-8",
                                               "the file is not valid UTF-8 (byte 0x\(byte)); save it as UTF-8")), lineStart)
    }

    /// The 1-based column of the first field in `record` longer than `ImportLimits.maxFieldBytes`
    /// (following quotes as `RecordBoundaryScanner` does); 1 when none is.
    package static func overlongColumn(_ record: ArraySlice<UInt8>) -> Int {
        var column = 1, length = 0, quoted = false, atStart = true
        var i = record.startIndex
        while i < record.endIndex {
            let c = record[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < record.endIndex, record[i + 1] == 0x22 { i += 1 } else { quoted = false }
                }
            } else if c == 0x2C {
                column += 1; length = 0; atStart = true; i += 1; continue
            } else if c == 0x22 && atStart {
                quoted = true
            }
            atStart = false
            length += 1
            if length > ImportLimits.maxFieldBytes { return column }
            i += 1
        }
        return 1
    }

    /// Line breaks inside a field: CRLF, CR and LF each count once.
    package static func lineBreaks(in field: String) -> Int {
        lineBreaks(in: field.utf8)
    }

    /// Line breaks in a chunk: CRLF, CR and LF each count once. Most files have no CR at all, and
    /// counting LFs alone is one tight loop.
    package static func lineBreaks(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var lf = 0, cr = 0
            for byte in buffer {
                lf &+= byte == 0x0A ? 1 : 0
                cr &+= byte == 0x0D ? 1 : 0
            }
            return cr == 0 ? lf : lineBreaks(in: buffer)
        }
    }

    /// Line breaks in bytes: CRLF, CR and LF each count once.
    package static func lineBreaks<Bytes: Sequence<UInt8>>(in bytes: Bytes) -> Int {
        var count = 0
        var previousCR = false
        for byte in bytes {
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
    package static func clean(_ text: String) -> String {
        // Reading the two end bytes in place: `utf8.last` walks the generic path, a cost on every field.
        let padded = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        } ?? true
        return padded ? text.trimmingCharacters(in: .whitespaces) : text
    }
}

/// Finds the line feeds that end a record, following CSV.swift's quoting rules: a field that starts with
/// `"` runs to the next lone `"`; `""` inside it is an escaped quote; a quote elsewhere is literal.
/// It only finds cut points for chunking; the fields themselves are left to CSV.swift.
package struct RecordBoundaryScanner {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    private var state = State.fieldStart
    /// Offset just past the last record-ending LF seen since the last reset.
    package var lastCut: Int?

    /// Scans `bytes[from...]` (continuing the state from earlier calls) and returns the offset just
    /// past the last LF that ends a record in `bytes[..<end]`, if any.
    package mutating func lastBoundary(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        // Outside quotes with no quote ahead, the last LF ends a record: no need to step through the states.
        if state == .fieldStart || state == .unquoted, start < bytes.count,
           !bytes[start...].contains(0x22), let lastLF = bytes[start...].lastIndex(of: 0x0A) {
            lastCut = lastLF + 1
            let tail = bytes[lastLF...].last ?? 0x0A
            state = tail == 0x0A || tail == 0x0D || tail == 0x2C ? .fieldStart : .unquoted
            return lastCut
        }
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
