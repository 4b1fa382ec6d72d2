import CareerCatalog
import CareerImport
import Foundation
import GRDB
import LocalSystem

/// The scratch database an import stages its checked rows in, and the one short write that copies
/// them into the records.
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

    /// The columns an import writes for `kind`: the CSV's, with `id` for people's `person_id`.
    static func columns(_ kind: RecordFile) -> [String] {
        kind == .people ? ["id"] + kind.columns.dropFirst() : kind.columns
    }

    static func columnList(_ kind: RecordFile) -> String {
        columns(kind).map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// The newest import's id (0 for none): an import checked against an older state of the records is refused.
    static func lastImport(_ db: StoreSession) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM imports") ?? 0
    }

    /// A private folder for the scratch file of an import into a PostgreSQL store (no records file to sit next to).
    /// A folder already there (the temporary folder is shared) is used only when it is this user's
    /// own, and is made 0700 again.
    static func scratchFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "careerpath-\(getuid())"
        try PrivateFiles.createFolder(folder)
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(), chmod(folder, 0o700) == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: folder])
        }
        return folder
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
        if let server = store.database as? PostgresStoreDatabase {
            return try copy(into: server, since: lastImport, file: file, source: source, summary: summary)
        }
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

    /// The copy into a PostgreSQL store: the same steps in one transaction, the rows streamed with
    /// `COPY … FROM STDIN` (people into a temporary table first, for the upsert; histories straight
    /// into their tables once the rows they replace are deleted). Imports take turns (`lock`).
    private func copy(into server: PostgresStoreDatabase, since lastImport: Int64, file: String, source: String,
                      summary: ImportSummary) throws {
        try server.write { db in
            try db.lock("careerpath-import")
            guard try Self.lastImport(db) == lastImport else { throw Self.changedMeanwhile(file) }
            // Tables empty before this import (the first one) are loaded without their secondary
            // indexes and foreign keys, made again in one pass each at the end of this transaction:
            // checking a key and updating indexes row by row costs more than the rows themselves.
            // (Not for tables a re-import empties: their readers would wait for the whole copy.)
            let kinds = RecordFile.allCases.sorted { $0.order < $1.order }
            var deferred: [String] = []
            var empty: Set<RecordFile> = []
            for kind in kinds where try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(kind.rawValue))") ?? true) {
                empty.insert(kind)
                deferred += try Self.dropIndexesAndKeys(db, table: kind.rawValue)
            }
            try db.execute(sql: "CREATE TEMPORARY TABLE staged_people (LIKE people) ON COMMIT DROP")
            try db.execute(sql: "CREATE TEMPORARY TABLE staged_replaced (kind TEXT NOT NULL, person_id TEXT NOT NULL) ON COMMIT DROP")
            try copyStaged(db, from: Self.clearedTable, to: "staged_replaced", columns: ["kind", "person_id"])
            for kind in kinds where kind != .people {
                try db.execute(sql: """
                    DELETE FROM \(kind.rawValue)
                    WHERE person_id IN (SELECT person_id FROM staged_replaced WHERE kind = ?) AND origin = 'import'
                    """, arguments: [kind.rawValue])
            }
            let people = Self.columns(.people)
            if empty.contains(.people) {
                try copyStaged(db, from: RecordFile.people.rawValue, to: RecordFile.people.rawValue, columns: people)
            } else {
                try copyStaged(db, from: RecordFile.people.rawValue, to: "staged_people", columns: people)
                let list = Self.columnList(.people)
                try db.execute(sql: """
                    INSERT INTO people (\(list)) SELECT \(list) FROM staged_people
                    ON CONFLICT (id) DO UPDATE SET \(people.dropFirst().map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", "))
                    """)
            }
            for kind in kinds where kind != .people {
                try copyStaged(db, from: kind.rawValue, to: kind.rawValue, columns: Self.columns(kind))
            }
            for sql in deferred { try db.execute(sql: sql) }
            // A table just filled has no statistics yet: the next statements (and the kiosks) plan with them.
            for kind in empty { try db.execute(sql: "ANALYZE \(kind.rawValue)") }
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
    }

    /// Drops the secondary indexes and foreign keys of `table` (PostgreSQL); returns the statements
    /// that make them again, indexes first. Nothing when this role does not own the table (it may
    /// only write rows: they then go in with the indexes and keys in place).
    private static func dropIndexesAndKeys(_ db: StoreSession, table: String) throws -> [String] {
        let owns = try Bool.fetchOne(db, sql: "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = CAST(? AS regclass)",
                                     arguments: [table]) ?? false
        guard owns else { return [] }
        let indexes = try SQLRow.fetchAll(db, sql: """
            SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
            WHERE x.indrelid = CAST(? AS regclass) AND NOT x.indisprimary AND NOT x.indisunique ORDER BY c.relname
            """, arguments: [table])
        let keys = try SQLRow.fetchAll(db, sql: """
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = CAST(? AS regclass) AND contype = 'f' ORDER BY conname
            """, arguments: [table])
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

    /// Streams the staged table `from` (in the order it was staged) into the server's table `to` with COPY.
    private func copyStaged(_ db: StoreSession, from: String, to: String, columns: [String]) throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        // The COPY text is made here, a megabyte at a time, then streamed.
        var chunks: [String] = []
        var chunk = ""
        chunk.reserveCapacity(1 << 20)
        try database.read { staged in
            let rows = try Row.fetchCursor(staged, sql: "SELECT \(list) FROM \(from) ORDER BY rowid")
            while let row = try rows.next() {
                for i in 0..<columns.count {
                    if i > 0 { chunk.append("\t") }
                    Self.appendCopyText(row[i] as DatabaseValue, to: &chunk)
                }
                chunk.append("\n")
                if chunk.utf8.count >= 1 << 20 { chunks.append(chunk); chunk = ""; chunk.reserveCapacity(1 << 20) }
            }
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        guard !chunks.isEmpty else { return }
        try db.copy(table: to, columns: columns, chunks: chunks)
    }

    /// A value in COPY's text format: `\N` for NULL, backslash, tab, newline and return escaped.
    static func appendCopyText(_ value: DatabaseValue, to out: inout String) {
        switch value.storage {
        case .null: out.append("\\N")
        case .int64(let v): out.append(String(v))
        case .double(let v): out.append(String(v))
        case .blob(let v): out.append(String(decoding: v, as: UTF8.self))
        case .string(let text):
            guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { out.append(text); return }
            for c in text.unicodeScalars {
                switch c {
                case "\\": out.append("\\\\")
                case "\t": out.append("\\t")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                default: out.unicodeScalars.append(c)
                }
            }
        }
    }
}
