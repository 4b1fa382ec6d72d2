import CareerImport
import Foundation

/// An import into a PostgreSQL store, inside the caller's transaction: the checked rows stream into
/// the tables with `COPY … FROM STDIN` while the files are still being read and checked.
///
/// - Imports take turns (an advisory lock); the people already there are read after it is taken.
/// - The first import into a store without people loads the record tables without their secondary
///   indexes, foreign keys and (histories) primary keys, made again in one pass each at the end,
///   then analysed: checking a key and updating indexes row by row costs more than the rows
///   themselves. (Not when there are people: dropping takes locks that would make the kiosks
///   reading them wait for the whole import.)
/// - People go straight into an empty `people`; otherwise into a temporary table and one upsert at
///   the end of people.csv (a re-imported person keeps their row, so their plans and accounts stay
///   attached; the history rows' foreign keys then find them).
/// - On the first import the rows' ids are numbered here (1, 2, … in file order) and each table's
///   identity is moved past them at the end: the server then draws no sequence value per row.
/// - History rows go straight into their tables; the imported rows they replace (`origin = 'import'`
///   and there before this import: ids up to the highest seen at its start; rows recorded in the
///   tool stay) are deleted after the last file.
/// Any error — a row's, a supervisor cycle found after every row went in, the server's — rolls the
/// whole transaction back: the records are as before.
final class PostgresImport: ImportOutput {
    let db: StoreSession
    private let lastImport: Int64
    private let empty: Set<RecordFile>
    /// Statements that make the dropped indexes and keys again.
    private var deferred: [String] = []
    /// The highest id in each history table before this import (none on a first import).
    private var before: [RecordFile: Int64] = [:]
    /// First import: the ids given so far to each history table's rows.
    private var numbered: [RecordFile: Int] = [:]
    /// The COPY in progress and the text not yet handed to it.
    private var stream: CopyStream?
    private var text: [UInt8] = []
    /// COPY text is handed over a megabyte at a time.
    private static let block = 1 << 20

    /// Takes the import lock and prepares the tables (in `db`'s transaction).
    init(_ db: StoreSession) throws {
        self.db = db
        try db.lock("careerpath-import")
        lastImport = try ImportStaging.lastImport(db)
        var empty: Set<RecordFile> = []
        let kinds = RecordFile.allCases.sorted { $0.order < $1.order }
        if try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM people)") ?? true) {
            // No people, so no histories either (their foreign keys).
            for kind in kinds {
                empty.insert(kind)
                deferred += try Self.dropIndexesAndKeys(db, table: kind.rawValue)
            }
        } else {
            for kind in kinds where kind != .people {
                before[kind] = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(kind.rawValue)") ?? 0
            }
        }
        self.empty = empty
        if !empty.contains(.people) {
            try db.execute(sql: "CREATE TEMPORARY TABLE staged_people (LIKE people) ON COMMIT DROP")
        }
        text.reserveCapacity(Self.block + (1 << 16))
    }

    // MARK: rows

    func write(_ kind: RecordFile, _ chunk: CheckedChunk, _ bytes: UnsafeBufferPointer<UInt8>, rows picked: [Int]) throws {
        let numbering = kind != .people && empty.contains(kind)
        if stream == nil {
            let table = kind == .people && !empty.contains(.people) ? "staged_people" : kind.rawValue
            stream = try db.copyStream(table: table, columns: (numbering ? ["id"] : []) + kind.tableColumns)
        }
        var id = numbered[kind] ?? 0
        defer { if numbering { numbered[kind] = id } }
        for at in picked {
            var separator = false
            if numbering {
                id += 1
                text.append(contentsOf: String(id).utf8)
                text.append(0x09)
            }
            if kind != .people {
                var person = chunk.rows[at].person
                person.withUTF8 { append($0) }
                separator = true
            }
            for value in chunk.values(ofRow: at, kind) {
                if separator { text.append(0x09) }
                separator = true
                switch value {
                case .text(let start, let count): append(UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)]))
                case .int(let number) where (0...9).contains(number): text.append(0x30 + UInt8(number))
                case .int(let number): text.append(contentsOf: String(number).utf8)
                case .null: text.append(0x5C); text.append(0x4E)   // \N
                }
            }
            text.append(0x0A)
        }
        if text.count >= Self.block { try flush() }
    }

    func endFile(_ kind: RecordFile) throws {
        guard stream != nil else { return }
        try endCopy()
        if kind == .people && !empty.contains(.people) {
            let people = RecordFile.people.tableColumns
            let list = ImportStaging.columnList(.people)
            try db.execute(sql: """
                INSERT INTO people (\(list)) SELECT \(list) FROM staged_people
                ON CONFLICT (id) DO UPDATE SET \(people.dropFirst().map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", "))
                """)
        }
    }

    func replace(_ cleared: [RecordFile: Set<String>]) throws {
        let kinds = RecordFile.allCases.sorted { $0.order < $1.order }
            .filter { before[$0] != nil && !(cleared[$0]?.isEmpty ?? true) }
        guard !kinds.isEmpty else { return }
        try db.execute(sql: "CREATE TEMPORARY TABLE staged_replaced (kind TEXT NOT NULL, person_id TEXT NOT NULL) ON COMMIT DROP")
        stream = try db.copyStream(table: "staged_replaced", columns: ["kind", "person_id"])
        for kind in kinds {
            for id in cleared[kind] ?? [] {
                var line = kind.rawValue + "\t"
                line.withUTF8 { text.append(contentsOf: $0) }
                var person = id
                person.withUTF8 { append($0) }
                text.append(0x0A)
                if text.count >= Self.block { try flush() }
            }
        }
        try endCopy()
        for kind in kinds {
            try db.execute(sql: """
                DELETE FROM \(kind.rawValue)
                WHERE person_id IN (SELECT person_id FROM staged_replaced WHERE kind = ?) AND origin = 'import' AND id <= ?
                """, arguments: [kind.rawValue, before[kind] ?? 0])
        }
    }

    /// After every row went in: refused when another import finished meanwhile (checked against records
    /// that are gone); indexes and keys made again, new tables analysed, imported history rows equal to
    /// rows recorded in the tool dropped (the tool's row stays: a re-import is idempotent), the `imports` row.
    func finish(file: String, source: String, summary: ImportSummary) throws {
        guard try ImportStaging.lastImport(db) == lastImport else { throw ImportStaging.changedMeanwhile(file) }
        for (kind, last) in numbered.sorted(by: { $0.key.order < $1.key.order }) {
            // Past the ids given here, and never back (a sequence is not rolled back).
            try db.execute(sql: """
                SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST(?, nextval(pg_get_serial_sequence(?, 'id'))))
                """, arguments: [kind.rawValue, last, kind.rawValue])
        }
        for sql in deferred { try db.execute(sql: sql) }
        // A table just filled has no statistics yet: the next statements (and the kiosks) plan with them.
        for kind in RecordFile.allCases where empty.contains(kind) { try db.execute(sql: "ANALYZE \(kind.rawValue)") }
        for kind in RecordFile.allCases where kind != .people && !empty.contains(kind) {
            let same = kind.columns.dropFirst().map { "i.\"\($0)\" IS NOT DISTINCT FROM t.\"\($0)\"" }.joined(separator: " AND ")
            try db.execute(sql: """
                DELETE FROM \(kind.rawValue) AS i USING \(kind.rawValue) AS t
                WHERE i.person_id = t.person_id AND t.origin = 'tool' AND i.origin = 'import' AND \(same)
                """)
        }
        try db.execute(sql: "INSERT INTO imports (imported_at, source, people, rows) VALUES (?, ?, ?, ?)",
                       arguments: [AuditClock.timestamp(Date()), source, summary.people, summary.rows])
    }

    /// Ends a COPY an error left open, so the transaction can be rolled back (nothing when none is open).
    func abandon() {
        stream?.abandon()
        stream = nil
    }

    // MARK: COPY text

    /// Appends a value in COPY's text format: backslash (its escape character) doubled. Checked values
    /// hold no control characters (such a row is refused whole); tab, newline and return are escaped anyway.
    private func append(_ value: UnsafeBufferPointer<UInt8>) {
        guard value.contains(where: { $0 == 0x5C || $0 < 0x20 }) else { text.append(contentsOf: value); return }
        for byte in value {
            switch byte {
            case 0x5C: text.append(0x5C); text.append(0x5C)
            case 0x09: text.append(0x5C); text.append(0x74)
            case 0x0A: text.append(0x5C); text.append(0x6E)
            case 0x0D: text.append(0x5C); text.append(0x72)
            default: text.append(byte)
            }
        }
    }

    private func flush() throws {
        guard let stream, !text.isEmpty else { return }
        try stream.write(text)
        text.removeAll(keepingCapacity: true)
    }

    private func endCopy() throws {
        try flush()
        let ending = stream
        stream = nil
        try ending?.finish()
    }

    /// Drops the secondary indexes (partial ones stay: imported rows are not in them), foreign keys and
    /// unreferenced primary key of `table`; returns the statements that make them again, indexes
    /// first. Nothing when this role does not own the table (it may only write rows: they then go in
    /// with the indexes and keys in place).
    private static func dropIndexesAndKeys(_ db: StoreSession, table: String) throws -> [String] {
        let owns = try Bool.fetchOne(db, sql: "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = CAST(? AS regclass)",
                                     arguments: [table]) ?? false
        guard owns else { return [] }
        let indexes = try SQLRow.fetchAll(db, sql: """
            SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
            WHERE x.indrelid = CAST(? AS regclass) AND NOT x.indisprimary AND NOT x.indisunique AND x.indpred IS NULL ORDER BY c.relname
            """, arguments: [table])
        // Its primary key too when no foreign key points at it (a history table's): one sorted build
        // at the end costs less than a b-tree insert per row.
        let keys = try SQLRow.fetchAll(db, sql: """
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = CAST(? AS regclass)
              AND (contype = 'f' OR (contype = 'p' AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = CAST(? AS regclass))))
            ORDER BY contype = 'f', conname
            """, arguments: [table, table])
        var again: [String] = []
        for index in indexes {
            let name: String = index[0], definition: String = index[1]
            try db.execute(sql: "DROP INDEX \"\(name)\"")
            again.append(definition)
        }
        for key in keys {
            let name: String = key[0], definition: String = key[1]
            try db.execute(sql: "ALTER TABLE \(table) DROP CONSTRAINT \"\(name)\"")
            again.append("ALTER TABLE \(table) ADD CONSTRAINT \"\(name)\" \(definition)")
        }
        return again
    }
}
