import CareerCatalog
import CareerEngine
import CareerImport
import Foundation
import GRDB

/// Counts of what an import wrote.
public struct ImportSummary: Sendable, Hashable {
    public var people = 0
    public var assignments = 0
    public var assessments = 0
    public var trainings = 0
    public var levelHistory = 0

    public var rows: Int { people + assignments + assessments + trainings + levelHistory }
}

/// Imports personnel CSV files all or nothing, without holding other writers up.
///
/// Checking a department's files takes seconds; the kiosk, the TUI and the audit log must keep
/// writing meanwhile. Rows are checked against the catalog and each other as they stream in
/// (`ImportSession`, one checking path for both engines), and handed while no error has been seen
/// to the engine's `ImportOutput`:
/// - SQLite: a private scratch SQLite database next to the records (`ImportStaging`), while the
///   records are only read (a WAL snapshot); when every row passed, one short write transaction
///   copies the staged rows in (`INSERT … SELECT`);
/// - PostgreSQL: the server itself (`PostgresImport`): one transaction streams the rows into the
///   tables with `COPY` as they are checked (other connections read and write meanwhile: MVCC), and
///   is rolled back on the first error found, even one found after the rows went in (a supervisor cycle).
/// Either way the database is as before or has the whole import. Streaming keeps memory flat on a
/// 100,000-person roster; only ids and supervisor links are held.
public struct RecordImporter: Sendable {
    public let catalog: Catalog
    public let levelCodes: LevelCodes
    /// Chunk sizes and parsing threads (tests make them tiny).
    var chunking = ImportChunking()
    /// The import's day: dates of promotions, trainings and assessments after it are refused.
    public var today = DateText.today()
    /// Called once every file is checked and its rows handed over, before the records change for good
    /// (SQLite: before the copy; PostgreSQL: inside the import's transaction, before its last
    /// statements). Tests write to the records there: nothing may wait.
    var afterStaging: (@Sendable () throws -> Void)?

    public init(catalog: Catalog, levelCodes: LevelCodes = .ours) {
        self.catalog = catalog; self.levelCodes = levelCodes
    }

    /// Imports `request` into `store`; throws `ImportFailure` (nothing written) on any error.
    @discardableResult
    public func run(_ request: ImportRequest, into store: PersonnelStore) throws -> ImportSummary {
        let source = request.sources.map(\.displayPath).joined(separator: " ")
        let file = request.sources.first?.displayPath ?? "."
        if let server = store.database as? PostgresStoreDatabase {
            return try server.write { db in
                let load = try PostgresImport(db)
                defer { load.abandon() }
                let summary = try check(request, existing: try ImportSession.existingPeople(db), into: load)
                try afterStaging?()
                try load.finish(file: file, source: source, summary: summary)
                return summary
            }
        }
        // 1. Who is there now, and which import made it so.
        let (existing, lastImport) = try store.database.read { db in
            (try ImportSession.existingPeople(db), try ImportStaging.lastImport(db))
        }
        // 2. Check and stage, holding no lock on the records.
        let staging = try ImportStaging(nextTo: store.path)
        defer { staging.remove() }
        let summary = try staging.database.writeWithoutTransaction { db in
            var summary = ImportSummary()
            try db.inTransaction(.deferred) {
                summary = try check(request, existing: existing, into: StagedRows(db))
                return .commit
            }
            return summary
        }
        try afterStaging?()
        // 3. One short write: the staged rows go in.
        try staging.copy(into: store, since: lastImport, file: file, source: source, summary: summary)
        return summary
    }

    /// Checks `request`'s files, handing the rows to `output` while no error has been seen; throws
    /// `ImportFailure` with every error found (up to the limit), in file order.
    private func check(_ request: ImportRequest, existing: [String: String?], into output: ImportOutput) throws -> ImportSummary {
        var session = ImportSession(catalog: catalog, levels: LevelResolver(catalog: catalog, codes: levelCodes),
                                    output: output, replacesAllHistories: request.replacesAllHistories, chunking: chunking,
                                    today: today, existing: existing)
        for file in request.sources {
            if session.isFull { break }
            try session.importFile(file)
        }
        if !session.isFull { try session.finish(request) }
        let diagnostics = session.sortedDiagnostics(order: request.sources.map(\.displayPath))
        guard diagnostics.isEmpty else { throw ImportFailure(diagnostics: diagnostics, truncated: session.truncated || session.isFull) }
        return session.summary
    }
}

/// Where an import's checked rows go: the SQLite scratch database (`StagedRows`) or the PostgreSQL
/// server's `COPY` (`PostgresImport`). Rows come file by file, in file order, only while no error has been seen.
protocol ImportOutput: AnyObject {
    /// Takes rows `picked` of `chunk` (their values' text in `bytes`) for `kind`'s table.
    func write(_ kind: RecordFile, _ chunk: CheckedChunk, _ bytes: UnsafeBufferPointer<UInt8>, rows picked: [Int]) throws
    /// `kind`'s file has been read to its end or to its first unreadable byte.
    func endFile(_ kind: RecordFile) throws
    /// After every file: the people whose imported histories of each kind this import replaces.
    func replace(_ cleared: [RecordFile: Set<String>]) throws
}

extension CheckedChunk {
    /// The checked values of row `at` of a `kind` file, in `kind.tableColumns` order; a history
    /// row's come after its person (`rows[at].person`), which the caller writes first.
    func values(ofRow at: Int, _ kind: RecordFile) -> ArraySlice<BindValue> {
        let start = rows[at].valueStart
        return values[start..<(start + kind.columns.count - (kind == .people ? 0 : 1))]
    }
}

/// The state of one import while its rows are checked and handed to its output.
private struct ImportSession {
    let catalog: Catalog
    let levels: LevelResolver
    /// Checked rows go here.
    let output: ImportOutput
    let replacesAllHistories: Bool
    let chunking: ImportChunking
    let today: CivilDate

    var diagnostics: [ImportDiagnostic] = []
    var truncated = false
    var summary = ImportSummary()

    /// People already in the database: id → supervisor id.
    let existing: [String: String?]
    /// People in this import's people.csv.
    var imported: [String: ImportedPerson] = [:]
    /// People whose histories of a kind were already cleared in this import.
    var cleared: [RecordFile: Set<String>] = [:]
    var peopleFile: String?
    var lastPerson = ""
    /// people.csv could not be read to the end: an unknown person elsewhere may just be one we never saw.
    var peopleIncomplete = false
    var supervisorColumn = 0

    struct ImportedPerson {
        let line: Int
        let supervisor: String?
    }

    /// The history rows of the current file seen so far, by their values (person and checked columns):
    /// an exact duplicate is refused at its line, naming the first.
    var seenRows: [RowDigest: Int] = [:]

    init(catalog: Catalog, levels: LevelResolver, output: ImportOutput, replacesAllHistories: Bool, chunking: ImportChunking,
         today: CivilDate, existing: [String: String?]) {
        self.catalog = catalog; self.levels = levels; self.output = output; self.replacesAllHistories = replacesAllHistories
        self.chunking = chunking; self.today = today; self.existing = existing
    }

    var isFull: Bool { diagnostics.count >= ImportLimits.maxDiagnostics }
    /// Once anything is wrong, only check: the transaction will be rolled back anyway.
    var writing: Bool { diagnostics.isEmpty }

    mutating func report(_ file: String, _ line: Int, _ column: Int, _ message: LocalizedText) {
        guard !isFull else { truncated = true; return }
        diagnostics.append(ImportDiagnostic(file: file, line: line, column: column, message: message))
    }

    func sortedDiagnostics(order: [String]) -> [ImportDiagnostic] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return diagnostics.sorted {
            (rank[$0.file] ?? -1, $0.line, $0.column) < (rank[$1.file] ?? -1, $1.line, $1.column)
        }
    }

    /// People already in the records: id → supervisor id.
    static func existingPeople(_ db: StoreSession) throws -> [String: String?] {
        var existing: [String: String?] = [:]
        let rows = try SQLRow.fetchCursor(db, sql: "SELECT id, supervisor_id FROM people")
        while let row = try rows.next() {
            existing[row[0] as String] = row[1] as String?
        }
        return existing
    }

    func personExists(_ id: String) -> Bool { imported[id] != nil || (!existing.isEmpty && existing[id] != nil) }

    /// Suggests a near person id; skipped on huge rosters where the search would cost more than it helps.
    func personHint(_ id: String) -> LocalizedText {
        let count = imported.count + existing.count
        guard count <= 20_000 else { return said("", "") }
        return NearestID.hintText(for: id, among: (Array(imported.keys) + Array(existing.keys)).sorted())
    }

    // MARK: files

    mutating func importFile(_ source: ImportSource) throws {
        let reader: CSVChunkReader
        do { reader = try CSVChunkReader(path: source.path, displayPath: source.displayPath, chunking: chunking) } catch {
            report(error.file, error.line, error.column, error.said)
            if source.kind == .people { peopleIncomplete = true }
            return
        }
        let file = source.displayPath
        // Map the header.
        var index: [String: Int] = [:]
        for (i, name) in reader.header.enumerated() {
            if let first = index[name], !name.isEmpty {
                report(file, 1, i + 1, said("คอลัมน์ `\(name)` ซ้ำ (มีที่คอลัมน์ \(first + 1) ด้วย)", "column `\(name)` appears twice (also column \(first + 1))"))
            } else {
                index[name] = i
            }
        }
        var missing = false
        for column in source.kind.columns where index[column] == nil {
            let unknown = reader.header.filter { !source.kind.columns.contains($0) }
            let found = NearestID.suggestion(for: column, among: unknown)
            let needs = source.kind.columns.joined(separator: ", ")
            report(file, 1, 1, said("ไม่มีคอลัมน์ `\(column)`" + (found.map { " (พบ `\($0)`: สะกดผิด?)" } ?? "") + "; \(source.kind.fileName) ต้องมี: \(needs)",
                                    "missing column `\(column)`" + (found.map { " (found `\($0)`: misspelt?)" } ?? "") + "; \(source.kind.fileName) needs: \(needs)"))
            missing = true
        }
        if missing {
            if source.kind == .people { peopleIncomplete = true }
            return
        }
        let columns = source.kind.columns.map { index[$0] ?? 0 }
        let checker = RowChecker(kind: source.kind, file: file, columns: columns, width: reader.header.count,
                                 catalog: catalog, levels: levels, today: today)
        seenRows = [:]
        // About a row per 40 bytes: the table is sized once rather than grown (and rehashed) as rows come.
        if source.kind != .people, let size = (try? FileManager.default.attributesOfItem(atPath: source.path))?[.size] as? Int {
            seenRows.reserveCapacity(min(size / 40, 8_000_000))
        }

        lastPerson = ""
        if source.kind == .people {
            peopleFile = file
            supervisorColumn = columns[9] + 1
        }
        if source.kind != .people { clearImportedPeople(source.kind) }

        // The first rows were parsed with the header; the rest are parsed and checked on worker
        // threads while this one takes them in order.
        var failure = reader.firstFailure
        try take(checker.check(reader.firstRows), source.kind, file, personColumn: columns[0] + 1)
        if failure == nil && !isFull {
            let pipeline = ChunkPipeline(reader, workers: chunking.workers) { checker.check($0) }
            defer { pipeline.close() }
            while !isFull, let chunk = pipeline.next() {
                try take(chunk, source.kind, file, personColumn: columns[0] + 1)
                if let stop = chunk.failure { failure = stop; break }
            }
        }
        if let failure {
            report(failure.file, failure.line, failure.column, failure.said)
            if source.kind == .people { peopleIncomplete = true }
        }
        try output.endFile(source.kind)
    }
    /// After all files: supervisors, cycles, histories of kinds absent from a folder import, and the
    /// list of histories to replace (handed to the output).
    mutating func finish(_ request: ImportRequest) throws {
        checkSupervisors()
        guard writing else { return }
        if replacesAllHistories {
            let given = Set(request.sources.map(\.kind))
            for kind in RecordFile.allCases where kind != .people && !given.contains(kind) {
                clearImportedPeople(kind)
            }
        }
        try output.replace(cleared)
    }

    /// Re-imported people lose their old histories of `kind` before the new rows go in.
    mutating func clearImportedPeople(_ kind: RecordFile) {
        guard writing, !existing.isEmpty, replacesAllHistories || peopleFile != nil else { return }
        var done = cleared[kind, default: []]
        for id in imported.keys where existing[id] != nil { done.insert(id) }
        cleared[kind] = done
    }

    /// A person named only in a history file (not in people.csv) has that history replaced too.
    mutating func clearOnFirstSight(_ kind: RecordFile, _ id: String) {
        guard writing, !existing.isEmpty, existing[id] != nil, !(cleared[kind]?.contains(id) ?? false) else { return }
        cleared[kind, default: []].insert(id)
    }

    // MARK: rows

    /// Takes checked rows in file order: reports their problems, then what depends on earlier rows
    /// (duplicate people, unknown people), and hands them to the output while nothing is wrong.
    mutating func take(_ chunk: CheckedChunk, _ kind: RecordFile, _ file: String, personColumn: Int) throws {
        let picked = pick(chunk, kind, file, personColumn: personColumn)
        guard writing, !picked.isEmpty else { return }
        try chunk.bytes.withUnsafeBufferPointer { bytes in try output.write(kind, chunk, bytes, rows: picked) }
        count(kind, picked.count)
    }

    /// The rows of `chunk` to write.
    private mutating func pick(_ chunk: CheckedChunk, _ kind: RecordFile, _ file: String, personColumn: Int) -> [Int] {
        var problem = 0
        var picked: [Int] = []
        picked.reserveCapacity(chunk.rows.count)
        for (index, row) in chunk.rows.enumerated() {
            if isFull { break }
            defer { problem = row.problemEnd }
            if row.refusedWhole {
                reportProblems(chunk, from: problem, to: row.problemEnd)
                continue
            }
            if kind == .people {
                reportProblems(chunk, from: problem, to: row.problemEnd)
                if !row.person.isEmpty {
                    if let first = imported[row.person] {
                        report(file, row.line, personColumn, said("บุคคล `\(echoed(row.person))` ซ้ำ (ครั้งแรกที่บรรทัด \(first.line))",
                                                                     "duplicate person `\(echoed(row.person))` (first on line \(first.line))"))
                        continue
                    }
                    imported[row.person] = ImportedPerson(line: row.line, supervisor: row.supervisor)
                }
                guard writing, row.complete else { continue }
            } else {
                let person = personRef(row.person, file, row.line, personColumn)
                reportProblems(chunk, from: problem, to: row.problemEnd)
                guard let person, row.complete else { continue }
                // One lookup for the usual row seen for the first time; a duplicate puts the first line back.
                if let digest = row.digest, let first = seenRows.updateValue(row.line, forKey: digest) {
                    seenRows[digest] = first
                    report(file, row.line, 1, said("แถวซ้ำ: ค่าเหมือนบรรทัด \(first)", "duplicate row: the same values as line \(first)"))
                    continue
                }
                guard writing else { continue }
                clearOnFirstSight(kind, person)
            }
            picked.append(index)
        }
        return picked
    }

    private mutating func count(_ kind: RecordFile, _ rows: Int) {
        switch kind {
        case .people: summary.people += rows
        case .assignments: summary.assignments += rows
        case .assessments: summary.assessments += rows
        case .trainings: summary.trainings += rows
        case .levelHistory: summary.levelHistory += rows
        }
    }

    mutating func reportProblems(_ chunk: CheckedChunk, from start: Int, to end: Int) {
        for p in chunk.problems[start..<end] { report(p.file, p.line, p.column, p.said) }
    }

    mutating func personRef(_ id: String, _ file: String, _ line: Int, _ column: Int) -> String? {
        guard !id.isEmpty else {
            report(file, line, column, said("ไม่ได้กรอกรหัสบุคคล (person_id)", "person_id is empty"))
            return nil
        }
        // History rows come grouped by person: skip the lookups for a run of the same id.
        if id == lastPerson { return id }
        if personExists(id) { lastPerson = id; return id }
        if peopleIncomplete { return nil }   // already reported: people.csv could not be read
        let whereTH = peopleFile.map { "ใน \($0) หรือ" } ?? ""
        let whereEN = peopleFile.map { "in \($0) or " } ?? ""
        report(file, line, column, said("ไม่รู้จักบุคคล `\(echoed(id))`: ไม่มี\(whereTH)ในฐานข้อมูล", "unknown person `\(echoed(id))`: not \(whereEN)in the database")
            + personHint(id))
        return nil
    }
    // MARK: supervisors

    /// Every supervisor must exist, and no chain may loop back on itself.
    mutating func checkSupervisors() {
        guard let file = peopleFile else { return }
        func supervisor(of id: String) -> String? {
            if let person = imported[id] { return person.supervisor }
            return existing[id] ?? nil
        }
        for (id, person) in imported.sorted(by: { $0.value.line < $1.value.line }) {
            guard let sup = person.supervisor else { continue }
            if sup == id {
                report(file, person.line, supervisorColumn, said("`\(id)` เป็นผู้บังคับบัญชาของตนเองไม่ได้", "`\(id)` cannot be their own supervisor"))
            } else if !personExists(sup) && !peopleIncomplete {
                report(file, person.line, supervisorColumn, said("ไม่รู้จักผู้บังคับบัญชา `\(echoed(sup))`", "unknown supervisor `\(echoed(sup))`") + personHint(sup))
            }
        }
        // Walk up from each imported person; colour nodes so each is walked once.
        var done: Set<String> = []
        for (start, _) in imported.sorted(by: { $0.value.line < $1.value.line }) where !done.contains(start) {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var current: String? = start
            while let id = current, !done.contains(id), personExists(id) {
                if let at = onPath[id] {
                    let cycle = Array(path[at...])
                    guard cycle.count > 1 else { break }   // self-supervision reported above
                    // Report at the cycle member that comes first in people.csv.
                    let first = cycle.min { (imported[$0]?.line ?? Int.max) < (imported[$1]?.line ?? Int.max) } ?? start
                    let startIndex = cycle.firstIndex(of: first) ?? 0
                    let ordered = Array(cycle[startIndex...] + cycle[..<startIndex])
                    let text = (ordered + [first]).map { "`\($0)`" }.joined(separator: " → ")
                    report(file, imported[first]?.line ?? 1, supervisorColumn, said("สายบังคับบัญชาวนกลับ: \(text)", "supervisor cycle: \(text)"))
                    break
                }
                onPath[id] = path.count
                path.append(id)
                current = supervisor(of: id)
            }
            done.formUnion(path)
        }
    }
}
