import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore

// `careerpath gaps | plan | paths`: the engine's answers for one person, as text or JSON
// (the JSON contract is in docs/cli.md).

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps", abstract: "A person's gaps toward a target.",
        discussion: "Example: careerpath gaps --person P000094 --target dir-news-bureau --on 2026-10-01 --json")
    @OptionGroup var options: EngineOptions
    @Option(help: "A job line level (public-relations-officer:K3) or a director post (dir-news-bureau).")
    var target: String
    @Option(help: "Evaluation date (YYYY-MM-DD or DD/MM/YYYY B.E.; default today).")
    var on: String?
    @Flag(help: "Under each gap, why: the rule, its numbers, the source of each value and the records counted.")
    var explain = false
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let input = try EngineInput.load(options, data: dataOptions, store: storeOptions, screen: "cli:gaps")
        let target = try parseTarget(self.target, input.catalog)
        let on = try parseDate(self.on, option: "on")
        let analyzer = GapAnalyzer(catalog: input.catalog)
        let report = analyzer.analyze(input.record, target: target, on: on, context: input.context)
        let whys = analyzer.explanations(of: report, record: input.record)
        if options.json {
            try CommandJSON.print(EngineJSON(catalog: input.catalog).report(report, whys))
        } else {
            print(EngineTextOutput(catalog: input.catalog, language: options.lang, people: input.context.supervisorChain).report(report, whys, explain: explain), terminator: "")
        }
    }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "A development plan toward a target.",
        discussion: "Example: careerpath plan --person P000094 --target dir-news-bureau --on 2026-10-01")
    @OptionGroup var options: EngineOptions
    @Option(help: "A job line level (public-relations-officer:K3) or a director post (dir-news-bureau).")
    var target: String
    @Option(name: [.customLong("on"), .customLong("start")],
            help: "The day the plan starts (YYYY-MM-DD or DD/MM/YYYY B.E.; default today); --start is the same.")
    var start: String?
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let input = try EngineInput.load(options, data: dataOptions, store: storeOptions, screen: "cli:plan")
        let target = try parseTarget(self.target, input.catalog)
        let start = try parseDate(self.start, option: "on")
        let analyzer = GapAnalyzer(catalog: input.catalog)
        let plan = PlanBuilder(analyzer: analyzer).plan(input.record, target: target, start: start, context: input.context)
        let whys = analyzer.explanations(of: plan.report, record: input.record)
        if options.json {
            try CommandJSON.print(EngineJSON(catalog: input.catalog).plan(plan, whys))
        } else {
            print(EngineTextOutput(catalog: input.catalog, language: options.lang, people: input.context.supervisorChain).plan(plan, whys), terminator: "")
        }
    }
}

struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths", abstract: "Every target a person can reach next.",
        discussion: "Example: careerpath paths --person P000094 --lang en")
    @OptionGroup var options: EngineOptions
    @Option(help: "Evaluation date (YYYY-MM-DD or DD/MM/YYYY B.E.; default today).")
    var on: String?
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let input = try EngineInput.load(options, data: dataOptions, store: storeOptions, screen: "cli:paths")
        let on = try parseDate(self.on, option: "on")
        let paths = PathFinder(catalog: input.catalog).paths(input.record, on: on, context: input.context)
        if options.json {
            try CommandJSON.print(EngineJSON(catalog: input.catalog).paths(person: input.record.person, on: on, paths))
        } else {
            print(EngineTextOutput(catalog: input.catalog, language: options.lang, people: input.context.supervisorChain).paths(person: input.record.person, on: on, paths), terminator: "")
        }
    }
}
