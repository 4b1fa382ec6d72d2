import ArgumentParser

struct EngineBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "engine", abstract: "Gaps for everyone toward one director post.")
    func run() throws { throw failure("not built yet") }
}
