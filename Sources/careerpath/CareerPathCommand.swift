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
}

/// Prints `message` to standard error and returns the exit code to throw.
func failure(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    return ExitCode(code)
}

/// `--lang th|en`.
extension Language: ExpressibleByArgument {}
