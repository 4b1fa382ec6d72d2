import Foundation

extension PersonnelStore {
    /// Opens the database at `location` (a `postgres://` URL or an SQLite file path) without migrating it.
    public static func openDatabase(location: String) throws -> any StoreDatabase {
        if PostgresLocation.isURL(location) { return try PostgresStoreDatabase(location: PostgresLocation(url: location)) }
        return try SQLiteDatabase(path: location)
    }

    /// Rows per table, every table of the schema.
    public func allTableCounts() throws -> [(table: String, rows: Int)] {
        try database.read { db in
            try StoreSchema.tables.map { ($0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0) }
        }
    }

    /// Copies every row of every table of `source` into this store, which must be empty, in one
    /// transaction (the same ids, so plans keep their steps and versions), then compares the row
    /// counts of each table. Both stores are at this program's schema. Returns the counts.
    ///
    ///     try PersonnelStore(location: "postgres://careerpath@db/careerpath").copyAll(from: PersonnelStore(path: "records.sqlite"))
    @discardableResult
    public func copyAll(from source: PersonnelStore) throws -> [(table: String, rows: Int)] {
        let occupied = try allTableCounts().filter { $0.rows > 0 && $0.table != "audit_log" }
        if let first = occupied.first {
            throw StoreCopyError(th: "ฐานข้อมูลปลายทางมีข้อมูลแล้ว (\(first.table): \(first.rows) แถว): คัดลอกได้เฉพาะลงฐานข้อมูลว่าง",
                                 en: "the target database is not empty (\(first.table): \(first.rows) rows): copy into an empty one")
        }
        try database.write { target in
            try target.execute(sql: "DELETE FROM audit_log")
            for table in StoreSchema.tables {
                let rows = try source.database.read { db in try SQLRow.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") }
                guard let columns = rows.first?.columns else { continue }
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
                let batch = max(1, 2_000 / columns.count)
                var start = 0
                while start < rows.count {
                    let part = rows[start..<min(start + batch, rows.count)]
                    try target.execute(sql: "INSERT INTO \(table) (\(list)) VALUES " + Array(repeating: tuple, count: part.count).joined(separator: ", "),
                                       arguments: SQLArguments(values: part.flatMap(\.values)))
                    start += batch
                }
                // PostgreSQL's identity columns go on after the copied ids.
                if target.dialect == .postgres, columns.contains("id"), table != "people" {
                    try target.execute(sql: "SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM \(table)))", arguments: [table])
                }
            }
        }
        let copied = try allTableCounts()
        let original = try source.allTableCounts()
        for (mine, theirs) in zip(copied, original) where mine.rows != theirs.rows {
            throw StoreCopyError(th: "คัดลอกไม่ครบ: \(mine.table) มี \(mine.rows) แถว ต้นทางมี \(theirs.rows)",
                                 en: "the copy differs: \(mine.table) has \(mine.rows) rows, the source \(theirs.rows)")
        }
        return copied
    }
}

/// A copy between stores that cannot be done, in Thai and English.
public struct StoreCopyError: Error, Sendable, CustomStringConvertible {
    public let th: String
    public let en: String
    public var description: String { en }
}
