import CareerCatalog
import CareerImport
import Foundation
import GRDB
import LocalSystem

/// The scratch database an import into an SQLite store stages its checked rows in, and the one short
/// write that copies them into the records. (A PostgreSQL store needs none: `PostgresImport`.)
///
/// The scratch file sits next to the records (same file system, same private mode), has no journal
/// and no indexes, and is removed when the import ends, refused or not. While rows are staged the
/// records are only read (a WAL snapshot), so kiosk sign-ins, audit rows and plan saves go on; the
/// copy is the import's only write and its only wait for (and hold on) the write lock.
final class ImportStaging {
    let path: String
    let database: DatabaseQueue

    /// (kind, person_id): histories of people in the records that this import replaces.
    static let clearedTable = "replaced_histories"

    init(nextTo recordsPath: String) throws {
        path = recordsPath + "-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        PrivateFiles.createFile(path)
        var config = Configuration()
        config.prepareDatabase { db in
            // Thrown away on any failure: no journal, no syncs.
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: config)
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = 16384")
                for kind in RecordFile.allCases {
                    try db.execute(sql: "CREATE TABLE \(kind.rawValue) (\(Self.columnList(kind)))")
                }
                try db.execute(sql: "CREATE TABLE \(Self.clearedTable) (kind TEXT NOT NULL, person_id TEXT NOT NULL)")
            }
        } catch {
            PersonnelStore.removeFiles(atPath: path)
            throw error
        }
    }

    static func columnList(_ kind: RecordFile) -> String {
        kind.tableColumns.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// The newest import's id (0 for none): an import checked against an older state of the records is refused.
    static func lastImport(_ db: StoreSession) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM imports") ?? 0
    }

    static func changedMeanwhile(_ file: String) -> ImportFailure {
        ImportFailure(diagnostics: [ImportDiagnostic(
            file: file, line: 1, column: 1,
            message: said("มีการนำเข้าอื่นเปลี่ยนระเบียนระหว่างที่ตรวจแฟ้มชุดนี้ โปรดนำเข้าชุดนี้อีกครั้ง",
                          "another import changed the records while this one was being checked; run this one again"))],
            truncated: false)
    }

    /// Closes and deletes the scratch file.
    func remove() {
        try? database.close()
        PersonnelStore.removeFiles(atPath: path)
    }

    /// An imported history row equal to a row recorded in the tool for the same person (in every CSV
    /// column) is dropped: the tool row stays, with its note and author, so a re-import is idempotent.
    static func dropDuplicatesOfToolRows(_ db: Database) throws {
        for kind in RecordFile.allCases where kind != .people {
            let table = "main.\(kind.rawValue)"
            let same = kind.columns.dropFirst().map { "i.\"\($0)\" IS t.\"\($0)\"" }.joined(separator: " AND ")
            try db.execute(sql: """
                DELETE FROM \(table) WHERE id IN (
                    SELECT i.id FROM \(table) AS t JOIN \(table) AS i ON i.person_id = t.person_id
                    WHERE t.origin = 'tool' AND i.origin = 'import' AND \(same))
                """)
        }
    }

    /// Copies the staged rows into `store` in one write transaction: imported histories replaced (rows
    /// recorded in the tool, `origin = 'tool'`, stay), people
    /// upserted (a re-imported person keeps their row, so their plans and accounts stay attached), histories
    /// appended in file order, the `imports` row written. Refused (nothing written) when another import
    /// finished after `lastImport` was read: this one was checked against records that are gone.
    func copy(into store: PersonnelStore, since lastImport: Int64, file: String, source: String, summary: ImportSummary) throws {
        guard let records = store.database as? SQLiteDatabase else { throw StoreError.corrupt("unknown store engine") }
        try records.queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS staging", arguments: [path])
            defer { try? db.execute(sql: "DETACH DATABASE staging") }
            try db.inTransaction(.immediate) {
                guard try Self.lastImport(StoreSession(dialect: .sqlite, backend: GRDBSession(db))) == lastImport else {
                    throw Self.changedMeanwhile(file)
                }
                let kinds = RecordFile.allCases.sorted { $0.order < $1.order }
                for kind in kinds where kind != .people {
                    try db.execute(sql: """
                        DELETE FROM main.\(kind.rawValue)
                        WHERE person_id IN (SELECT person_id FROM staging.\(Self.clearedTable) WHERE kind = ?)
                          AND origin = 'import'
                        """, arguments: [kind.rawValue])
                }
                var deferred: [String] = []
                for kind in kinds {
                    let table = kind.rawValue
                    // Loading an empty table is much faster without its secondary indexes: they are rebuilt in
                    // one sorted pass at the end, inside this transaction.
                    if try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM main.\(table))") ?? true) {
                        let indexes = try Row.fetchAll(db, sql: """
                            SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
                            """, arguments: [table])
                        for index in indexes {
                            try db.execute(sql: "DROP INDEX main.\"\(index[0] as String)\"")
                            deferred.append(index[1])
                        }
                    }
                    let columns = Self.columnList(kind)
                    try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM staging.\(table)"
                                   + (kind == .people ? """
                                        WHERE true ON CONFLICT(id) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
                                           unit = excluded.unit, job_line = excluded.job_line, level = excluded.level,
                                           level_since = excluded.level_since, service_start = excluded.service_start,
                                           education = excluded.education, supervisor_id = excluded.supervisor_id
                                       """ : ""))
                }
                for sql in deferred { try db.execute(sql: sql) }
                try Self.dropDuplicatesOfToolRows(db)
                try db.execute(sql: "INSERT INTO imports (imported_at, source, people, rows) VALUES (?, ?, ?, ?)",
                               arguments: [AuditClock.timestamp(Date()), source, summary.people, summary.rows])
                return .commit
            }
        }
    }
}

/// The SQLite import's output: checked rows inserted into the scratch database, `RowWriter.batchRows`
/// to a statement.
final class StagedRows: ImportOutput {
    let db: Database
    private var writer: (kind: RecordFile, rows: RowWriter)?

    init(_ db: Database) { self.db = db }

    func write(_ kind: RecordFile, _ chunk: CheckedChunk, _ bytes: UnsafeBufferPointer<UInt8>, rows picked: [Int]) throws {
        if writer?.kind != kind {
            writer = (kind, try RowWriter(db, table: kind.rawValue, columns: kind.tableColumns, batched: true))
        }
        guard let rows = writer?.rows else { return }
        // The bound text points into the chunk's buffer: unbound before it goes.
        defer { rows.clearBindings() }
        var at = 0
        if let batch = rows.batch {
            while picked.count - at >= RowWriter.batchRows {
                for r in 0..<RowWriter.batchRows { bind(chunk, picked[at + r], bytes, kind, batch, from: Int32(r * rows.width)) }
                try batch.run()
                at += RowWriter.batchRows
            }
        }
        for row in picked[at...] {
            bind(chunk, row, bytes, kind, rows.single, from: 0)
            try rows.single.run()
        }
    }

    func endFile(_ kind: RecordFile) throws { writer = nil }

    func replace(_ cleared: [RecordFile: Set<String>]) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO \(ImportStaging.clearedTable) (kind, person_id) VALUES (?, ?)")
        for (kind, ids) in cleared {
            for id in ids { try insert.execute(arguments: [kind.rawValue, id]) }
        }
    }

    /// Binds row `at` from parameter `from + 1` on: a person's checked values, or a history row's person
    /// and then its checked values.
    private func bind(_ chunk: CheckedChunk, _ at: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ kind: RecordFile,
                      _ insert: BulkInsert, from first: Int32) {
        var next = first + 1
        if kind != .people {
            insert.bind(next, chunk.rows[at].person)
            next += 1
        }
        for value in chunk.values(ofRow: at, kind) {
            insert.bind(next, value, in: bytes)
            next += 1
        }
    }
}
