import ArgumentParser
import CareerCatalog
import CareerStore

/// `--database PATH`: the personnel store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite database (default: $CAREERPATH_DB, then $XDG_DATA_HOME/careerpath/records.sqlite).")
    var database: String?

    /// Opens the store (creating it from the demo roster on first run).
    func openStore(catalog: Catalog) throws -> any RecordStore {
        throw failure("the personnel store is not built yet")
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import personnel CSV files.")
    func run() throws { throw failure("not built yet") }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Generate a synthetic roster.")
    func run() throws { throw failure("not built yet") }
}

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "people", abstract: "List the people in the store.")
    func run() throws { throw failure("not built yet") }
}

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Show one person's record.")
    func run() throws { throw failure("not built yet") }
}
