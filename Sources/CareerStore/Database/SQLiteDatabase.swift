import Foundation
import GRDB
import GRDBSQLite
import LocalSystem

/// The personnel database in one SQLite file (WAL mode, through one GRDB connection).
///
/// One connection (a `DatabaseQueue`), not a `DatabasePool`: every command, the TUI and the
/// kiosk use the database from one thread, and a pool opens a second connection for reads
/// and writes to the file each time it opens it (GRDB makes sure a WAL file exists), which
/// cost the TUI's start about 2 ms. Other processes still read while one writes (WAL).
public final class SQLiteDatabase: StoreDatabase {
    public let queue: DatabaseQueue
    public let path: String
    public var dialect: SQLDialect { .sqlite }
    public var location: String { path }
    /// How long a write waits for another connection's write to end before it fails, in seconds.
    public static let busyTimeout: TimeInterval = 60

    /// Opens (creating if needed, with its folder) the database at `path`.
    public init(path: String) throws {
        // The file holds every record, the audit log and the PIN hashes: a new folder is 0700 and a new
        // file 0600 (or the group bits of an administrator's shared folder); SQLite gives the -wal and
        // -shm files the database's mode.
        try PrivateFiles.createFolder((path as NSString).deletingLastPathComponent)
        let isNew = !LocalFiles.exists(path)
        if isNew { PrivateFiles.createFile(path) }
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Several processes (kiosk terminals, an HR import) share the file: a writer waits for another
        // rather than fail. An import holds the lock only while it copies its staged rows in
        // (`careerpath bench import-pressure` prints it as the longest wait: 21 s for a 100,000-person
        // re-import on a 2-core machine under heavy load); the wait allows for that.
        config.busyMode = .timeout(Self.busyTimeout)
        config.prepareDatabase { db in
            // WAL makes `synchronous = NORMAL` safe against corruption and much faster for imports.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in
            // A new database gets 16 KiB pages: a department's import writes fewer, larger pages
            // (SQLite's part of `bench import` drops by about a sixth). The size is fixed by the
            // first page written, so it is set before WAL mode writes the header.
            if isNew { try db.execute(sql: "PRAGMA page_size = 16384") }
            // WAL is kept in the file; a database made by another tool is switched to it.
            // (A prepared statement, not a request: no generic request type on the TUI's way to its first screen.)
            if try String.fetchOne(db.makeStatement(sql: "PRAGMA journal_mode")) != "wal" {
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        }
        self.path = path
    }

    public func read<T>(_ body: (StoreSession) throws -> T) throws -> T {
        try queue.read { db in try body(StoreSession(dialect: .sqlite, backend: GRDBSession(db))) }
    }

    /// An IMMEDIATE transaction: it takes the write lock before its first read, so what a write
    /// reads to decide (a plan's revision, a failure count) cannot change before it commits.
    public func write<T>(_ body: (StoreSession) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(StoreSession(dialect: .sqlite, backend: GRDBSession(db)))
                return .commit
            }
            return result!
        }
    }

    public func close() throws { try queue.close() }

    /// Removes the database at `path` with its -wal and -shm files.
    public static func removeFiles(atPath path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Statements on a GRDB connection, inside the transaction GRDB opened.
final class GRDBSession: SessionBackend {
    let db: Database
    init(_ db: Database) { self.db = db }

    var lastInsertedRowID: Int64 { db.lastInsertedRowID }

    func run(_ sql: String, _ arguments: [SQLValue], wantRows: Bool) throws -> (rows: [SQLRow], changes: Int) {
        let statement = try db.cachedStatement(sql: sql)
        guard wantRows else {
            try statement.execute(arguments: StatementArguments(arguments.map(Self.databaseValue)))
            return ([], db.changesCount)
        }
        // Read whole before returning: the cached statement may run again before the caller is done.
        let cursor = try rows(of: statement, arguments)
        var rows: [SQLRow] = []
        while let row = try cursor.next() { rows.append(row.copy()) }
        return (rows, 0)
    }

    /// A statement of its own, not the cache's: a query run while this one is read (the same SQL
    /// too) cannot reset it under the caller.
    func cursor(_ sql: String, _ arguments: [SQLValue]) throws -> SQLCursor {
        try rows(of: db.makeStatement(sql: sql), arguments)
    }

    /// GRDB steps the statement (and reports its errors); the columns are read from SQLite in place.
    private func rows(of statement: Statement, _ arguments: [SQLValue]) throws -> SQLCursor {
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments.map(Self.databaseValue)))
        let current = SQLRow(current: SQLiteCurrentRow(statement))
        return SQLCursor { try cursor.next() == nil ? nil : current }
    }

    func runScript(_ sql: String) throws { try db.execute(sql: sql) }

    static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let v): return v.databaseValue
        case .real(let v): return v.databaseValue
        case .text(let v): return v.databaseValue
        case .blob(let v): return Data(v).databaseValue
        }
    }
}

/// The row an SQLite statement is on, read column by column with SQLite's own functions (no GRDB
/// row or value in between: a report reads hundreds of thousands of rows).
final class SQLiteCurrentRow: CurrentRow {
    /// Kept for the statement's lifetime: `handle` is its SQLite statement.
    let statement: Statement
    let handle: SQLiteStatement
    let columns: [String]

    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
        columns = statement.columnNames
    }

    func value(at index: Int) -> SQLValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // The text first, then its length in bytes (SQLite's order for these calls).
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(handle, column)))))
        default: return .null
        }
    }
}
