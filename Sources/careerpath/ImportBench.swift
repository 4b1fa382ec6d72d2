import ArgumentParser

struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import a generated roster vs sqlite3 .import.")
    func run() throws { throw failure("not built yet") }
}
