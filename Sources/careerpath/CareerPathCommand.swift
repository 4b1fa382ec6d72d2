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

    /// `careerpath` with plain TUI options (what most people run) starts the TUI without
    /// building ArgumentParser's command tree (see `TUIOptions.parse`); everything else, help
    /// and errors included, goes through ArgumentParser as usual.
    static func main() {
        StartupTrace.mark("main")
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let options = TUIOptions.parse(arguments) else {
            main(arguments)
            return
        }
        do {
            try TUICommand.start(options)
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
