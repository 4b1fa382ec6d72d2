import ArgumentParser
import CareerCatalog

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gaps", abstract: "A person's gaps toward a target.")
    func run() throws { throw failure("not built yet") }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "A development plan toward a target.")
    func run() throws { throw failure("not built yet") }
}

struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "paths", abstract: "Every target a person can reach next.")
    func run() throws { throw failure("not built yet") }
}
