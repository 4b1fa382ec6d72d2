import ArgumentParser

/// `careerpath bench …`: performance figures (run with a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Print performance figures (use `swift run -c release careerpath bench …`).",
        subcommands: [ImportBench.self, ImportPressureBench.self, EngineBench.self, SuccessionBench.self, UIBench.self, SupervisorBench.self,
                      ReportsBench.self, PostgresBench.self, PostgresKioskBench.self]
    )
}
