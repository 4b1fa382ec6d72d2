import Foundation
import GRDB
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
        let values = StatementArguments(arguments.map(Self.databaseValue))
        guard wantRows else {
            try statement.execute(arguments: values)
            return ([], db.changesCount)
        }
        let columns = statement.columnNames
        var rows: [SQLRow] = []
        let cursor = try Row.fetchCursor(statement, arguments: values)
        while let row = try cursor.next() {
            var out: [SQLValue] = []
            out.reserveCapacity(columns.count)
            for i in 0..<columns.count { out.append(Self.sqlValue(row[i] as DatabaseValue)) }
            rows.append(SQLRow(columns: columns, values: out))
        }
        return (rows, 0)
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

    static func sqlValue(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let v): return .integer(v)
        case .double(let v): return .real(v)
        case .string(let v): return .text(v)
        case .blob(let v): return .blob([UInt8](v))
        }
    }
}
