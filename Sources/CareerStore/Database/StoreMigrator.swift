import Foundation

/// Named schema steps applied once each, in order, on either engine; which ones ran is kept in
/// `grdb_migrations` (the table GRDB's migrator kept, so files made by earlier versions carry on).
///
///     var migrator = StoreMigrator()
///     migrator.registerMigration("v6-report-due") { db in try db.execute(sql: "ALTER TABLE …") }
public struct StoreMigrator: Sendable {
    public typealias Step = @Sendable (StoreSession) throws -> Void
    public private(set) var migrations: [(name: String, step: Step)] = []

    public init() {}

    public mutating func registerMigration(_ name: String, _ step: @escaping Step) {
        precondition(!migrations.contains { $0.name == name }, "migration \(name) registered twice")
        migrations.append((name, step))
    }

    public var names: [String] { migrations.map(\.name) }

    static let table = "grdb_migrations"

    /// The migrations recorded in `database`, in the order they ran.
    public func applied(_ database: any StoreDatabase) throws -> [String] {
        try database.read { db in try Self.applied(db) }
    }

    static func applied(_ db: StoreSession) throws -> [String] {
        let exists: Bool
        switch db.dialect {
        case .sqlite:
            exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?)",
                                       arguments: [table]) ?? false
        case .postgres:
            exists = try Bool.fetchOne(db, sql: "SELECT to_regclass(?) IS NOT NULL", arguments: [table]) ?? false
        }
        guard exists else { return [] }
        return try String.fetchAll(db, sql: "SELECT identifier FROM \(table)")
    }

    /// Applies the migrations `database` lacks, each in its own transaction. Refuses (`SchemaTooNew`,
    /// nothing changed) a database with migrations this program does not know: a newer program made it.
    public func migrate(_ database: any StoreDatabase) throws {
        let known = Set(names)
        let done = try applied(database)
        if let unknown = done.first(where: { !known.contains($0) }) {
            throw SchemaTooNew(location: database.location, unknown: unknown, known: names.last ?? "")
        }
        guard done.count < migrations.count || Set(done) != known else { return }
        try database.write { db in
            // Two programs starting on a new server database at once: one migrates, the other waits and finds it done.
            try db.lock("careerpath-schema")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS \(Self.table) (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        for migration in migrations {
            try database.write { db in
                try db.lock("careerpath-schema")
                let ran = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(Self.table) WHERE identifier = ?", arguments: [migration.name]) ?? 0
                guard ran == 0 else { return }
                db.rendersSchema = true
                try migration.step(db)
                db.rendersSchema = false
                try db.execute(sql: "INSERT INTO \(Self.table) (identifier) VALUES (?)", arguments: [migration.name])
            }
        }
    }
}

/// The database was made by a newer CareerPath: this one does not know its schema and will not touch it.
public struct SchemaTooNew: Error, Sendable, CustomStringConvertible {
    public let location: String
    public let unknown: String
    public let known: String
    public var description: String {
        "the personnel database \(location) has schema step `\(unknown)`, newer than this program knows (up to `\(known)`): use a newer careerpath; nothing was changed"
    }
    public var th: String {
        "ฐานข้อมูลบุคลากร \(location) มีโครงสร้างรุ่น `\(unknown)` ใหม่กว่าที่โปรแกรมนี้รู้จัก (ถึง `\(known)`): ใช้ careerpath รุ่นใหม่กว่า ไม่มีการเปลี่ยนแปลง"
    }
}

extension StoreSchema {
    /// Brings `database` to this program's schema (`migrator`).
    public static func migrate(_ database: any StoreDatabase) throws {
        try migrator.migrate(database)
    }

    /// Every table of the schema (for copies between engines and checks), parents before children.
    public static let tables = ["people", "assignments", "assessments", "trainings", "level_history", "imports",
                                "development_plans", "plan_steps", "plan_comments", "plan_picks", "plan_visits",
                                "accounts", "audit_log", "usage_reports"]

    /// What is wrong with `database`: migrations missing or unknown, the engine's own integrity check
    /// (SQLite), rows whose person or plan is gone. Empty: all is well.
    public static func check(_ database: any StoreDatabase) throws -> [String] {
        var problems: [String] = []
        let done = try migrator.applied(database)
        for name in migrator.names where !done.contains(name) { problems.append("schema step `\(name)` not applied (run `careerpath db migrate`)") }
        for name in done where !migrator.names.contains(name) { problems.append("schema step `\(name)` is newer than this program") }
        try database.read { db in
            if db.dialect == .sqlite {
                for row in try String.fetchAll(db, sql: "PRAGMA integrity_check") where row != "ok" { problems.append("integrity: \(row)") }
            }
            for table in historyTables + ["development_plans"] {
                let orphans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE person_id NOT IN (SELECT id FROM people)") ?? 0
                if orphans > 0 { problems.append("\(table): \(orphans) row(s) of people who are not in the records") }
            }
            for table in ["plan_steps", "plan_comments", "plan_picks"] {
                let orphans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE plan_id NOT IN (SELECT id FROM development_plans)") ?? 0
                if orphans > 0 { problems.append("\(table): \(orphans) row(s) of plans that are gone") }
            }
        }
        return problems
    }
}
