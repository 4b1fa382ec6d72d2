import ArgumentParser
import CareerCatalog
import Foundation

@main
struct CareerPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careerpath",
        abstract: "Career-path planner for the civil servants of the Government Public Relations Department.",
        subcommands: [
            TUICommand.self, RenderCommand.self,
            ValidateCommand.self, CatalogCommand.self,
            ImportCommand.self, DemoCommand.self, PeopleCommand.self, PersonCommand.self,
            GapsCommand.self, PlanCommand.self, PathsCommand.self,
            SuccessionCommand.self,
            BenchCommand.self,
            AccountsCommand.self, AuditCommand.self,
            KioskCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// `careerpath` with no command (the TUI, what most people run) is parsed by `TUICommand`
    /// alone: building the whole command tree costs about 2 ms of the start-up, which the TUI's
    /// first paint is measured by. Anything it does not parse (a subcommand, `--help`, an error)
    /// goes through the full tree, so help and error messages are the same as ever.
    static func main() {
        StartupTrace.mark("main")
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first?.hasPrefix("-") ?? true,
              let command = (try? TUICommand.parseAsRoot(arguments)) as? TUICommand else {
            main(arguments)
            return
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// Prints `message` to standard error and returns the exit code to throw.
func failure(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    return ExitCode(code)
}

/// `--lang th|en`.
extension Language: ExpressibleByArgument {}
