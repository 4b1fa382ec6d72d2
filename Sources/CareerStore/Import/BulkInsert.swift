import CareerImport
import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through the SQLite C API.
///
/// An import writes over a million rows; GRDB's `StatementArguments` boxes every value, which cost
/// more than SQLite's own work. Here text is handed straight to `sqlite3_bind_text` (copied by SQLite),
/// inside GRDB's transaction on GRDB's connection.
/// (`GRDBSQLite` is GRDB's own SQLite module, imported through the GRDB dependency.)
struct BulkInsert {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    /// SQLite's SQLITE_TRANSIENT: copy the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bytes in
            guard bytes.count > 0 else { _ = sqlite3_bind_text(handle, index, "", 0, BulkInsert.transient); return }
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), BulkInsert.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    /// Binds a checked value whose text lies in `bytes` (its chunk's buffer). SQLite reads the text in
    /// place (SQLITE_STATIC): the buffer must outlive the `run()` and be unbound by `clearBindings()` before it goes.
    func bind(_ index: Int32, _ value: BindValue, in bytes: UnsafeBufferPointer<UInt8>) {
        switch value {
        case .text(let start, let count):
            guard count > 0, let base = bytes.baseAddress else { _ = sqlite3_bind_text(handle, index, "", 0, BulkInsert.transient); return }
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base + Int(start)).assumingMemoryBound(to: CChar.self), count, nil)
        case .int(let number): bind(index, number)
        case .null: sqlite3_bind_null(handle, index)
        }
    }

    /// Forgets bound values (before the buffer they point into is freed).
    func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Runs the statement with the values bound so far, then resets it for the next row.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }
}

/// The INSERTs of one table: a statement that writes `batchRows` rows at once (SQLite then starts its
/// program, opens its cursors and checks the foreign key setup once per batch, not once per row) and
/// a one-row statement for the rest. Constraints are checked per row either way.
struct RowWriter {
    let single: BulkInsert
    let batch: BulkInsert?
    /// `?` per row.
    let width: Int

    static let batchRows = 64

    init(_ db: Database, table: String, columns: [String], batched: Bool, onConflict: String = "") throws {
        width = columns.count
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        single = try BulkInsert(db, sql: "INSERT INTO \(table) (\(names)) VALUES \(tuple) \(onConflict)")
        batch = batched
            ? try BulkInsert(db, sql: "INSERT INTO \(table) (\(names)) VALUES "
                             + Array(repeating: tuple, count: RowWriter.batchRows).joined(separator: ", ") + " \(onConflict)")
            : nil
    }

    func clearBindings() {
        single.clearBindings()
        batch?.clearBindings()
    }
}
