// The CSV import's reading and per-row checks (no database): the first input byte picks the file
// kind (low bits), the level codes (high bit) and the chunk size of the second reading; the rest
// is the file. The file is read twice, as one chunk and in tiny chunks, with `CSVChunkReader` and
// `RowChecker` as `RecordImporter` uses them, and both readings must agree: the same header, rows,
// lines and problems. Every problem must point at a line and column inside the file.
import CareerCatalog
@testable import CareerImport
import Foundation
import FuzzSupport

enum CSVFuzz {
    static let catalog: Catalog = {
        switch CatalogLoader.result(from: Fuzz.dataFolder) {
        case .success(let catalog): return catalog
        case .failure(let errors): fatalError("Data/ does not load:\n\(errors.description)")
        }
    }()
    static let resolvers: [LevelCodes: LevelResolver] = Dictionary(uniqueKeysWithValues: LevelCodes.allCases.map {
        ($0, LevelResolver(catalog: catalog, codes: $0))
    })
    static let path = Fuzz.scratchFolder + "/input.csv"

    /// What one reading found.
    struct Reading: Equatable {
        var opened: ImportDiagnostic?
        var header: [String] = []
        var rows: [String] = []
        var problems: [ImportDiagnostic] = []
        var failure: ImportDiagnostic?
        var values = 0
    }

    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let kind = RecordFile.allCases[Int(selector & 0x7) % RecordFile.allCases.count]
        let codes: LevelCodes = selector & 0x80 != 0 ? .dpis : .ours
        let file = input.dropFirst()
        Fuzz.write(file, to: path)
        let lines = CSVChunkReader.lineBreaks(in: Array(file)) + 1
        let whole = read(kind, codes, ImportChunking(chunkSize: 1 << 22, firstChunkSize: 1 << 22, workers: 1), lines: lines)
        let small = Int(selector >> 3 & 0xF) + 1
        let cut = read(kind, codes, ImportChunking(chunkSize: small, firstChunkSize: small, workers: 1), lines: lines)
        Fuzz.check(whole == cut, "one chunk and chunks of \(small) bytes read differently:\n\(whole)\n\(cut)")
    }

    /// Reads the file as `RecordImporter.importFile` does, without writing.
    static func read(_ kind: RecordFile, _ codes: LevelCodes, _ chunking: ImportChunking, lines: Int) -> Reading {
        var reading = Reading()
        let reader: CSVChunkReader
        do {
            reader = try CSVChunkReader(path: path, displayPath: "input.csv", chunking: chunking)
        } catch {
            within(error, lines: lines)
            reading.opened = error
            return reading
        }
        reading.header = reader.header
        var index: [String: Int] = [:]
        for (i, name) in reader.header.enumerated() where index[name] == nil { index[name] = i }
        // A missing column refuses the file before any row is checked; map it to column 1 instead,
        // so every input reaches the row checks.
        let columns = kind.columns.map { index[$0] ?? 0 }
        let checker = RowChecker(kind: kind, file: "input.csv", columns: columns, width: reader.header.count,
                                 catalog: catalog, levels: resolvers[codes]!, today: CivilDate(year: 2026, month: 12, day: 3)!)
        func take(_ chunk: CheckedChunk) {
            var previous = 0
            for row in chunk.rows {
                Fuzz.check(row.line >= 2 && row.line <= lines && row.line > previous, "row line \(row.line) of \(lines)")
                previous = row.line
                Fuzz.check(row.problemEnd <= chunk.problems.count && row.valueStart <= chunk.values.count, "row bounds")
                reading.rows.append("\(row.line) \(row.person) \(row.supervisor ?? "-") \(row.refusedWhole) \(row.complete)")
            }
            for value in chunk.values {
                if case .text(let start, let count) = value {
                    Fuzz.check(start >= 0 && count >= 0 && Int(start) + Int(count) <= chunk.bytes.count, "value span")
                }
            }
            for problem in chunk.problems { within(problem, lines: lines) }
            reading.problems += chunk.problems
            reading.values += chunk.values.count
        }
        take(checker.check(reader.firstRows))
        var failure = reader.firstFailure
        if failure == nil {
            while let chunk = reader.nextChunk() {
                let checked = checker.check(chunk)
                take(checked)
                if let stop = checked.failure { failure = stop; break }
            }
        }
        if let failure { within(failure, lines: lines) }
        reading.failure = failure
        return reading
    }

    /// A diagnostic points inside the file.
    static func within(_ d: ImportDiagnostic, lines: Int) {
        Fuzz.check(d.line >= 1 && d.line <= lines && d.column >= 1, "diagnostic outside the file: \(d) (\(lines) lines)")
        Fuzz.check(!d.message.isEmpty, "empty message at \(d.line):\(d.column)")
    }
}

_ = CSVFuzz.catalog
Fuzz.run(CSVFuzz.run)
