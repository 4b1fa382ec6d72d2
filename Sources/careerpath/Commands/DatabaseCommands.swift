import ArgumentParser
import CareerStore
import Foundation

/// `careerpath db migrate|check|copy`: the store's schema and moving a store between engines.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "The personnel database: schema, checks, copies between SQLite and PostgreSQL.",
        subcommands: [DatabaseMigrateCommand.self, DatabaseCheckCommand.self, DatabaseCopyCommand.self])
}

struct DatabaseMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Bring the database to this program's schema (creating its tables on a new one).")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let database = try storeOptions.openDatabase()
        let before = try StoreSchema.migrator.applied(database)
        do { _ = try PersonnelStore(database: database, terminal: "") } catch { throw storeOpenFailure(database.location, error) }
        let after = try StoreSchema.migrator.applied(database)
        let added = after.filter { !before.contains($0) }
        print(added.isEmpty ? OperatorText.schemaUpToDate.said(database.location, after.last ?? "-")
                            : OperatorText.schemaApplied.said(database.location, added.joined(separator: ", ")))
    }
}

struct DatabaseCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the schema version and the integrity of the database; exit 1 on any problem.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = storeOptions.path
        guard PostgresLocation.isURL(path) || FileManager.default.fileExists(atPath: path) else {
            throw failure(CommandError.prefix + CommandError.text(.noDatabase, path))
        }
        let database = try storeOptions.openDatabase()
        let problems = try StoreSchema.check(database)
        let applied = try StoreSchema.migrator.applied(database)
        print(OperatorText.schemaState.said(database.location, database.dialect.rawValue, applied.last ?? OperatorText.schemaNone.said(),
                                            String(applied.count), String(StoreSchema.migrator.names.count)))
        if problems.isEmpty {
            let store = try PersonnelStore(database: database, terminal: "", migrate: false)
            print(try store.allTableCounts().map { "\($0.table) \($0.rows)" }.joined(separator: ", "))
            print(OperatorText.checkPassed.said())
            return
        }
        for problem in problems { Output.errorLine(CommandError.prefix + problem) }
        throw ExitCode(CommandExit.input)
    }
}

struct DatabaseCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy a whole store into an empty one (SQLite file ↔ postgres:// URL), verified by counts.")

    @Option(help: "The store to copy: an SQLite file or postgres://user@host:port/database.") var from: String
    @Option(help: "The empty store to fill: an SQLite file or postgres://user@host:port/database.") var to: String

    func run() throws {
        let source: PersonnelStore, target: PersonnelStore
        do { source = try PersonnelStore(location: from, terminal: "") } catch { throw storeOpenFailure(from, error) }
        do { target = try PersonnelStore(location: to, terminal: "") } catch { throw storeOpenFailure(to, error) }
        do {
            let counts = try target.copyAll(from: source)
            try target.audit(actor: .system, subject: nil, action: "db-copy", screen: "cli", detail: "from \(source.path)")
            print(OperatorText.copied.said(source.path, target.path, counts.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")))
        } catch let refused as StoreCopyError {
            throw failure(CommandError.prefix + (CommandLanguage.current == .th ? refused.th : refused.en))
        }
    }
}

extension StoreOptions {
    /// The database of `--database`, opened as it is (not migrated).
    func openDatabase() throws -> any StoreDatabase {
        do { return try PersonnelStore.openDatabase(location: path) } catch { throw storeOpenFailure(path, error) }
    }
}
