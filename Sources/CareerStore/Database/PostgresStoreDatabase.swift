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

    /// Starts `COPY table (columns) FROM STDIN` (text format) fed by the returned stream's `write`s.
    /// Until the stream is finished or abandoned, the connection runs nothing else.
    func copyStream(table: String, columns: [String]) -> CopyStream {
        let stream = CopyStream { [self] error in fail(error, "COPY \(table)") }
        let connection = connection
        let logger = logger
        Task(executorPreference: StoreTaskExecutor.shared) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for await buffer in stream.buffers {
                        try await writer.write(buffer)
                        stream.sent()
                    }
                    if stream.isAbandoned { throw CancellationError() }
                }
                stream.ended(.success(()))
            } catch {
                stream.ended(.failure(error))
            }
        }
        return stream
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

/// A `COPY … FROM STDIN` in progress, fed by a synchronous caller: `write` hands over a block of
/// whole lines (waiting while a few blocks are still on their way to the server), `finish` ends the
/// data and waits for the server's answer, `abandon` makes the COPY fail (its transaction must then
/// be rolled back).
final class CopyStream: @unchecked Sendable {
    let buffers: AsyncStream<ByteBuffer>
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private let condition = NSCondition()
    private var inFlight = 0
    private var outcome: Result<Void, Error>?
    private var abandoned = false
    /// Blocks handed over and not yet sent: enough to keep the connection busy, few enough to keep memory flat.
    private static let ahead = 4

    /// The driver's error as the store's (called on the writer's thread).
    private let failure: (Error) -> Error

    init(failure: @escaping (Error) -> Error) {
        self.failure = failure
        (buffers, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
    }

    var isAbandoned: Bool {
        condition.lock()
        defer { condition.unlock() }
        return abandoned
    }

    /// Hands `bytes` (whole lines of COPY text) over; throws the server's refusal if the COPY has failed.
    func write(_ bytes: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while inFlight >= Self.ahead && outcome == nil { condition.wait() }
        if let outcome {
            if case .failure(let error) = outcome { throw failure(error) }
            throw StoreError.corrupt("COPY ended before its data")
        }
        inFlight += 1
        continuation.yield(ByteBuffer(bytes: bytes))
    }

    /// Ends the data and waits for the server to take the COPY (or throws its refusal).
    func finish() throws {
        continuation.finish()
        if case .failure(let error) = waitForOutcome() { throw failure(error) }
    }

    /// Makes the COPY fail and waits until the connection is out of it.
    func abandon() {
        condition.lock()
        abandoned = true
        condition.unlock()
        continuation.finish()
        _ = waitForOutcome()
    }

    private func waitForOutcome() -> Result<Void, Error> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }

    fileprivate func sent() {
        condition.lock()
        inFlight -= 1
        condition.signal()
        condition.unlock()
    }

    fileprivate func ended(_ result: Result<Void, Error>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
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
