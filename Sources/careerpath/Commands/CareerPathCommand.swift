import ArgumentParser
import CareerCatalog
import CareerStore
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
            GapsCommand.self, PlanCommand.self, AssessCommand.self, PathsCommand.self,
            SuccessionCommand.self, ReportCommand.self,
            BenchCommand.self,
            AccountsCommand.self, AuditCommand.self, DatabaseCommand.self,
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
        CommandLanguage.current = CommandLanguage.from(arguments)
        guard let options = TUIOptions.parse(arguments) else {
            run(arguments)
        }
        do {
            try TUICommand.start(options)
        } catch {
            Output.exit(error)
        }
    }
}

extension CareerPathCommand {
    /// ArgumentParser's `main`, with its usage errors (64 by default) given the documented exit
    /// code 1 and worded in the chosen language (`CommandExit`, `CommandError.usage`).
    static func run(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            StartupTrace.mark("arguments parsed")
            try command.run()
            StartupTrace.mark("command done")
            Output.exit(nil)
        } catch let unreachable as StoreUnavailable {
            // The server is down or the network is: a distinct code for scripts and supervisors' cron jobs.
            Output.errorLine(CommandError.prefix + (CommandLanguage.current == .th
                ? "ติดต่อฐานข้อมูลบุคลากรที่ \(unreachable.location) ไม่ได้ (\(unreachable.reason)) ไม่มีการบันทึกใด ๆ"
                : "the personnel database at \(unreachable.location) cannot be reached (\(unreachable.reason)); nothing was saved"))
            Foundation.exit(CommandExit.databaseUnreachable)
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { Output.exit(error) }
            Output.errorLine(CommandError.usage(fullMessage(for: error)))
            Foundation.exit(CommandExit.input)
        }
    }
}

/// Prints `message` to standard error and returns the exit code to throw.
/// A message that starts with the English "error: " gets the chosen language's prefix.
func failure(_ message: String, code: Int32 = CommandExit.input) -> ExitCode {
    let message = message.hasPrefix("error: ") ? CommandError.prefix + message.dropFirst("error: ".count) : message
    Output.errorLine(message)
    return ExitCode(code)
}

/// `--lang th|en`.
extension Language: ExpressibleByArgument {}
