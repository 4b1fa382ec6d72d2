import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// The personnel database on a PostgreSQL server: one connection, used synchronously (the store's
/// protocol is synchronous; the driver's futures are waited for off the event loop).
///
///     let database = try PostgresStoreDatabase(location: PostgresLocation(url: "postgres://careerpath@db.hq:5432/careerpath"))
///
/// A lost connection is opened again at the next transaction; a transaction it interrupted is
/// rolled back by the server, so nothing is saved half-way. Unreachable: `StoreUnavailable`.
public final class PostgresStoreDatabase: StoreDatabase, @unchecked Sendable {
    public let target: PostgresLocation
    public var dialect: SQLDialect { .postgres }
    public var location: String { target.description }
    private let password: String?
    private let logger = Logger(label: "careerpath.store", factory: { _ in SwiftLogNoOpLogHandler() })
    /// One transaction at a time (the connection is one session).
    private let lock = NSLock()
    private var connection: PostgresConnection?
    /// Told every statement run and its arguments (benchmarks replay them in `psql`); set outside transactions.
    public var trace: (@Sendable (String, [SQLValue]) -> Void)?

    /// Connects at once (`StoreUnavailable` when the server cannot be reached), or, with
    /// `connectNow: false`, at the first transaction (a screen that opens while the server is down).
    public init(location: PostgresLocation, password: String? = nil, connectNow: Bool = true) throws {
        target = location
        self.password = password ?? location.password()
        guard connectNow else { return }
        lock.lock()
        defer { lock.unlock() }
        _ = try connected()
    }

    deinit {
        if let connection { _ = try? connection.close().wait() }
    }

    public func read<T>(_ body: (StoreSession) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    public func write<T>(_ body: (StoreSession) throws -> T) throws -> T {
        try transaction("BEGIN", body)
    }

    /// Runs `body` on the connection outside any transaction (`CREATE DATABASE`, `VACUUM`, checks).
    public func withoutTransaction<T>(_ body: (StoreSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = PostgresSession(connection: try connected(), logger: logger, owner: self)
        return try body(StoreSession(dialect: .postgres, backend: session))
    }

    public func close() throws {
        lock.lock()
        defer { lock.unlock() }
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    private func transaction<T>(_ begin: String, _ body: (StoreSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = PostgresSession(connection: try connected(), logger: logger, owner: self)
        try session.simple(begin)
        let result: T
        do {
            result = try body(StoreSession(dialect: .postgres, backend: session))
        } catch {
            try? session.simple("ROLLBACK")
            throw error
        }
        try session.simple("COMMIT")
        return result
    }

    /// The open connection, opened (again) when there is none or it was lost. Call with `lock` held.
    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        let opened = try Self.open(target, password: password, logger: logger)
        connection = opened
        return opened
    }

    /// Closes and forgets a connection that failed (the next transaction opens a new one). Closed
    /// first: the client may not have seen the server hang up yet, and PostgresNIO traps on a
    /// connection released open.
    fileprivate func lost() {
        if let connection { _ = try? connection.close().wait() }
        connection = nil
    }

    static func open(_ target: PostgresLocation, password: String?, logger: Logger) throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if let folder = target.socketFolder {
            configuration = .init(unixSocketPath: folder + "/.s.PGSQL.\(target.port)", username: target.user,
                                  password: password, database: target.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch target.tls {
            case .disable: tls = .disable
            case .prefer, .require, .verifyFull:
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                // libpq's `require` encrypts without checking the certificate; `verify-full` checks it and the host name.
                if target.tls != .verifyFull { tlsConfiguration.certificateVerification = .none }
                let context = try NIOSSLContext(configuration: tlsConfiguration)
                tls = target.tls == .prefer ? .prefer(context) : .require(context)
            }
            configuration = .init(host: target.host, port: target.port, username: target.user, password: password,
                                  database: target.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(5)
        let config = configuration
        let connection: PostgresConnection
        do {
            connection = try blocking {
                try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
            }
        } catch {
            throw StoreUnavailable(location: target.description, reason: PostgresSession.reason(error))
        }
        if let schema = target.schema {
            let session = PostgresSession(connection: connection, logger: logger, owner: nil)
            try session.simple("CREATE SCHEMA IF NOT EXISTS \"\(schema)\"")
            try session.simple("SET search_path TO \"\(schema)\"")
        }
        return connection
    }
}

extension PostgresStoreDatabase {
    /// `sql` (with `$1, $2, …`) with its arguments written in as literals, for `psql`.
    public static func literalSQL(_ sql: String, _ arguments: [SQLValue]) -> String {
        var text = sql
        for (i, value) in arguments.enumerated().reversed() { text = text.replacingOccurrences(of: "$\(i + 1)", with: value.description) }
        return text
    }
}

/// The database server could not be reached, or the connection was lost: nothing was saved.
public struct StoreUnavailable: Error, Sendable, CustomStringConvertible {
    public let location: String
    public let reason: String
    public var description: String { "the personnel database at \(location) cannot be reached (\(reason)); nothing was saved" }
}

/// A statement the PostgreSQL server refused, with its SQLSTATE and message.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    public let sqlState: String
    public let message: String
    public let statement: String
    public var description: String { "PostgreSQL \(sqlState): \(message)" }
}

/// Statements on one PostgreSQL connection.
final class PostgresSession: SessionBackend {
    let connection: PostgresConnection
    let logger: Logger
    weak var owner: PostgresStoreDatabase?

    init(connection: PostgresConnection, logger: Logger, owner: PostgresStoreDatabase?) {
        self.connection = connection; self.logger = logger; self.owner = owner
    }

    var lastInsertedRowID: Int64 { 0 }

    func simple(_ sql: String) throws { _ = try run(sql, [], wantRows: false) }

    func runScript(_ sql: String) throws {
        for statement in StoreSession.statements(sql) { _ = try run(statement, [], wantRows: false) }
    }

    func run(_ sql: String, _ arguments: [SQLValue], wantRows: Bool) throws -> (rows: [SQLRow], changes: Int) {
        let result = try query(sql, arguments)
        guard wantRows, let first = result.rows.first else { return ([], result.metadata.rows ?? 0) }
        let columns = first.map(\.columnName)
        var rows: [SQLRow] = []
        rows.reserveCapacity(result.rows.count)
        for row in result.rows { rows.append(try Self.row(row, columns: columns)) }
        return (rows, result.metadata.rows ?? 0)
    }

    /// The driver reads the result whole; each row becomes the store's when the caller asks for it.
    func cursor(_ sql: String, _ arguments: [SQLValue]) throws -> SQLCursor {
        let result = try query(sql, arguments)
        var rows = result.rows.makeIterator()
        var columns: [String]?
        return SQLCursor {
            guard let row = rows.next() else { return nil }
            if columns == nil { columns = row.map(\.columnName) }
            return try Self.row(row, columns: columns!)
        }
    }

    private func query(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        owner?.trace?(sql, arguments)
        var binds = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value {
            case .null: binds.appendNull()
            case .integer(let v): binds.append(v)
            case .real(let v): binds.append(v)
            case .text(let v): binds.append(v)
            case .blob(let v): try binds.append(Data(v))
            }
        }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
        } catch {
            throw fail(error, sql)
        }
    }

    static func row(_ row: PostgresRow, columns: [String]) throws -> SQLRow {
        var values: [SQLValue] = []
        values.reserveCapacity(columns.count)
        for cell in row { values.append(try value(cell)) }
        return SQLRow(columns: columns, values: values)
    }

    /// Streams `COPY table (columns) FROM STDIN` data (text format) produced by `produce`, which is
    /// called with a function taking the next lines (each `\n`-terminated, tab-separated, `\N` for NULL).
    func copy(table: String, columns: [String], _ produce: @escaping @Sendable (@escaping @Sendable (String) async throws -> Void) async throws -> Void) throws {
        let connection = connection
        let logger = logger
        do {
            try blocking {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    try await produce { text in try await writer.write(ByteBuffer(string: text)) }
                }
            }
        } catch {
            throw fail(error, "COPY \(table)")
        }
    }

    /// A driver error as the store's: a lost connection is `StoreUnavailable` (and forgotten), the
    /// server's refusals `PostgresStoreError`.
    func fail(_ error: Error, _ sql: String) -> Error {
        guard let psql = error as? PSQLError else { return error }
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? "?"
            // 57P01 admin shutdown, 57P02/57P03 crash or starting up: the server went away.
            if state.hasPrefix("57P") || state.hasPrefix("08") {
                owner?.lost()
                return StoreUnavailable(location: owner?.location ?? "", reason: psql.serverInfo?[.message] ?? state)
            }
            return PostgresStoreError(sqlState: state, message: psql.serverInfo?[.message] ?? "", statement: sql)
        default:
            owner?.lost()
            return StoreUnavailable(location: owner?.location ?? "", reason: Self.reason(error))
        }
    }

    static func reason(_ error: Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return String(describing: underlying) }
            return psql.code.description
        }
        return String(describing: error)
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid: return .integer(try cell.decode(Int64.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .numeric:
            let decimal = try cell.decode(Decimal.self)
            let number = NSDecimalNumber(decimal: decimal)
            if decimal == Decimal(number.int64Value) { return .integer(number.int64Value) }
            return .real(number.doubleValue)
        case .bytea: return .blob([UInt8](try cell.decode(Data.self)))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// Waits for `operation`, run on the store's own thread (`StoreTaskExecutor`): the store's
/// synchronous protocol over the driver's async API. Not on Swift's shared pool: a caller blocking a
/// thread of that pool (a test, a task) while the operation waits for a free one would never wake.
func blocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
    let box = BlockingResult<T>()
    let done = DispatchSemaphore(value: 0)
    Task(executorPreference: StoreTaskExecutor.shared) {
        do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// Where `blocking` leaves the result (written by the task before it signals, read after the wait).
final class BlockingResult<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

/// Runs the store's async work on a serial dispatch queue of its own.
final class StoreTaskExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = StoreTaskExecutor()
    private let queue = DispatchQueue(label: "careerpath.store.postgres")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
