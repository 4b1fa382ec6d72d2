import CareerStore
import Foundation
import Testing

/// The engines every store test runs on: SQLite always, PostgreSQL when `CAREERPATH_TEST_POSTGRES_URL`
/// names a server (`.ci/run` starts one). Without it the PostgreSQL cases are left out with a note
/// (`PostgresAvailabilityTests`), and under `CI=true` that is a failure: a database test that silently
/// does not run proves nothing.
enum StoreEngine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static let all: [StoreEngine] = TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres]

    /// A new, empty store on this engine: an SQLite file in `folder`, or a schema of its own on the server.
    func makeStore(folder: String, terminal: String = "test") throws -> PersonnelStore {
        switch self {
        case .sqlite: return try PersonnelStore(path: folder + "/records.sqlite", terminal: terminal)
        case .postgres: return try PersonnelStore(location: TestPostgres.freshURL(), terminal: terminal)
        }
    }
}

enum TestPostgres {
    /// The server the PostgreSQL cases use, e.g. `postgres://postgres@127.0.0.1:55432/careerpath_test`.
    static let url: String? = ProcessInfo.processInfo.environment["CAREERPATH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The URL of a schema no other test uses (tests run in parallel), created on first use.
    static func freshURL() -> String {
        let base = url ?? "postgres://postgres@127.0.0.1:55432/careerpath_test"
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return base + (base.contains("?") ? "&" : "?") + "schema=" + name
    }

    /// Drops the schema of `store` (a PostgreSQL test store) and closes it.
    static func drop(_ store: PersonnelStore) {
        guard let server = store.database as? PostgresStoreDatabase, let schema = server.target.schema else { return }
        _ = try? server.withoutTransaction { db in try db.execute(sql: "DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
        try? server.close()
    }
}

@Suite struct PostgresAvailabilityTests {
    @Test func theStoreTestsRunOnPostgreSQLOrSayWhyNot() {
        guard TestPostgres.url == nil else { return }
        let message = "CAREERPATH_TEST_POSTGRES_URL is not set: the store tests ran on SQLite only (.ci/run starts a PostgreSQL server for them)"
        if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) } else { print("skipped: \(message)") }
    }
}
