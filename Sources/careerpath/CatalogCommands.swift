import ArgumentParser
import CareerCatalog

/// `--data DIR`: where the reference data is.
struct DataOptions: ParsableArguments {
    @Option(help: "The reference data folder (default: $CAREERPATH_DATA, then ./Data, then the installed share folder).")
    var data: String?

    func loadCatalog() throws -> Catalog {
        throw failure("catalog loading is not built yet")
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check the reference data and print its counts.")
    @OptionGroup var dataOptions: DataOptions
    func run() throws { throw failure("not built yet") }
}

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "List the reference data.")
    func run() throws { throw failure("not built yet") }
}
