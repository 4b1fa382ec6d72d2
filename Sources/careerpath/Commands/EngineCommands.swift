import ArgumentParser
import Foundation
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
        commandName: "plan", abstract: "A development plan toward a target; a saved plan, its review and progress.",
        discussion: """
            Example: careerpath plan --person P000094 --target dir-news-bureau --on 2026-10-01
            A saved plan, its review and its progress: --saved, --save, --submit, --approve, --return, --comment, \
            --step (docs/cli.md, "The plan cycle"). --as says who acts: the person, or a supervisor above them.
            """)
    @OptionGroup var options: EngineOptions
    @Option(help: "A job line level (public-relations-officer:K3) or a director post (dir-news-bureau).")
    var target: String?
    @Option(name: [.customLong("on"), .customLong("start")],
            help: "The day the plan starts (YYYY-MM-DD or DD/MM/YYYY B.E.; default today); --start is the same.")
    var start: String?
    @Flag(help: "Print the saved plan (toward --target, else the latest) instead of the suggested one.")
    var saved = false
    @Option(help: "How to print a saved plan: text, md, html or json (--json is json).")
    var format: SavedPlanFormat?
    @Flag(help: "Save the suggested plan as the person's draft (only the person themselves, with --as, or HR).")
    var save = false
    @Flag(name: .customLong("new-version"), help: "With --save: start a new version of an approved plan (the old one is kept).")
    var newVersion = false
    @Flag(help: "Submit the saved plan to the supervisor.")
    var submit = false
    @Flag(help: "Approve the submitted plan (a supervisor above the person, with --as).")
    var approve = false
    @Option(name: .customLong("return"), help: "Return the submitted plan to the person with this reason.")
    var returnReason: String?
    @Option(help: "Add a comment to the saved plan (with --approve: the approval's comment).")
    var comment: String?
    @Option(help: "A step of the saved plan, by its number (1 is the first), for --started, --completed or --confirm.")
    var step: Int?
    @Option(help: "With --step: the day the step started.")
    var started: String?
    @Option(help: "With --step: the day the step was completed.")
    var completed: String?
    @Flag(help: "With --step: confirm the completed step (a supervisor): it becomes an assignment or training record.")
    var confirm = false
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    var writes: Bool { save || submit || approve || returnReason != nil || comment != nil || step != nil }

    func run() throws {
        let input = try EngineInput.load(options, data: dataOptions, store: storeOptions, screen: "cli:plan")
        let target = try self.target.map { try parseTarget($0, input.catalog) }
        let start = try parseDate(self.start, option: "on")
        let analyzer = GapAnalyzer(catalog: input.catalog)
        if !saved && !writes && format == nil {
            guard let target else { throw failure(CommandError.prefix + CommandError.text(.planNeedsTarget)) }
            let plan = PlanBuilder(analyzer: analyzer).plan(input.record, target: target, start: start, context: input.context)
            let whys = analyzer.explanations(of: plan.report, record: input.record)
            if options.json {
                try CommandJSON.print(EngineJSON(catalog: input.catalog).plan(plan, whys))
            } else {
                print(EngineTextOutput(catalog: input.catalog, language: options.lang, people: input.context.supervisorChain).plan(plan, whys), terminator: "")
            }
            return
        }
        let store = input.store
        let viewer = options.viewer
        let person = input.record.person.id
        let today = DateText.today()
        do {
            if save {
                guard let target else { throw failure(CommandError.prefix + CommandError.text(.saveNeedsTarget)) }
                let plan = PlanBuilder(analyzer: analyzer).plan(input.record, target: target, start: start, context: input.context)
                try store.saveDevelopmentPlan(plan, by: viewer, newVersion: newVersion, screen: "cli:plan")
            }
            func current() throws -> SavedPlan {
                let plan = try target.map { try store.plan(personID: person, target: $0.id, viewer: viewer) } ?? store.latestPlan(personID: person, viewer: viewer)
                guard let plan else {
                    throw failure(CommandError.prefix + CommandError.text(.noSavedPlan, person))
                }
                return plan
            }
            if submit { try store.submitPlan(planID: try current().id, by: viewer, comment: comment ?? "", screen: "cli:plan") }
            if let returnReason {
                try store.reviewPlan(planID: try current().id, action: .return, comment: returnReason, by: viewer, screen: "cli:plan")
            } else if approve {
                try store.reviewPlan(planID: try current().id, action: .approve, comment: comment ?? "", by: viewer, screen: "cli:plan")
            } else if let comment, !submit {
                try store.reviewPlan(planID: try current().id, action: .comment, comment: comment, by: viewer, screen: "cli:plan")
            }
            if let step {
                let plan = try current()
                guard step >= 1, step <= plan.steps.count else {
                    throw failure(CommandError.prefix + CommandError.text(.noSuchStep, String(step), String(plan.steps.count)))
                }
                let stepID = plan.steps[step - 1].id
                if started != nil || completed != nil {
                    let startedOn = try started.map { try parseDate($0, option: "started") }
                    let completedOn = try completed.map { try parseDate($0, option: "completed") }
                    try store.recordStepProgress(planID: plan.id, stepID: stepID, started: startedOn, completed: completedOn,
                                                 by: viewer, today: today, screen: "cli:plan")
                }
                if confirm { try store.confirmStep(planID: plan.id, stepID: stepID, by: viewer, catalog: input.catalog, screen: "cli:plan") }
            }
            let plan = try current()
            let supervisor = try input.record.person.supervisorID.flatMap { try store.person(personID: $0, viewer: .system) }
            let document = SavedPlanDocument(plan: plan, person: input.record.person, supervisor: supervisor, catalog: input.catalog,
                                             language: options.lang, people: input.context.supervisorChain)
            switch options.json ? .json : (format ?? .text) {
            case .json: try CommandJSON.print(SavedPlanJSON(plan))
            case .html: print(document.html(), terminator: "")
            case .md, .text: print(document.markdown(), terminator: "")
            }
        } catch {
            throw planFailure(error, as: options.viewerID)
        }
    }
}

/// A plan-cycle write the store refused, as the command's exit: exit 3 for access (a person outside
/// the viewer's reach, or not theirs to do), 1 for bad input or a step out of turn; other errors as they are.
func planFailure(_ error: Error, as viewerID: String?) -> Error {
    switch error {
    case let denied as AccessDenied:
        return failure(CommandError.accessDenied(denied.description, as: viewerID), code: CommandExit.accessDenied)
    case let refused as PlanReviewError:
        return failure(CommandError.prefix + refused.text(CommandLanguage.current),
                       code: refused.kind == .refused ? CommandExit.accessDenied : CommandExit.input)
    default:
        return error
    }
}

/// `--format` of a saved plan.
enum SavedPlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, json
}

/// A saved plan as JSON (ISO dates, keys sorted): what `plan --saved --json` prints.
struct SavedPlanJSON: Encodable {
    struct Step: Encodable {
        let number: Int, method: String, unit: String?, field: String?, course: String?, workingGroup: String?
        let start: String?, end: String?, startedOn: String?, completedOn: String?, confirmedBy: String?
    }
    struct Note: Encodable { let author: String, at: String, action: String, body: String }
    let id: Int64, person: String, target: String, status: String, version: Int, revision: Int
    let approvedAt: String?, steps: [Step], notes: [Note]

    init(_ plan: SavedPlan) {
        id = plan.id; person = plan.personID; target = plan.target; status = plan.status; version = plan.version
        revision = plan.revision; approvedAt = plan.approvedAt
        steps = plan.steps.map {
            Step(number: $0.position + 1, method: $0.method, unit: $0.unit, field: $0.field, course: $0.course, workingGroup: $0.workingGroup,
                 start: $0.start?.iso, end: $0.end?.iso, startedOn: $0.startedOn?.iso, completedOn: $0.completedOn?.iso, confirmedBy: $0.confirmedBy)
        }
        notes = plan.notes.map { Note(author: $0.authorID, at: $0.writtenAt, action: $0.action, body: $0.body) }
    }
}

/// `careerpath assess`: a competency assessment recorded in the tool (a supervisor's, or `--self`).
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Record a competency assessment (a supervisor's, or the person's own with --self).",
        discussion: "Example: careerpath assess --person P000292 --as P000033 --competency teamwork --level 3 --note \"leads the desk well\"")
    @OptionGroup var options: EngineOptions
    @Option(help: "The competency's id (from the dictionary).")
    var competency: String
    @Option(help: "The level assessed, 0 to 5.")
    var level: Int
    @Option(help: "The day of the assessment (YYYY-MM-DD or DD/MM/YYYY B.E.; default today).")
    var on: String?
    @Option(help: "A short note.")
    var note: String = ""
    @Flag(name: .customLong("self"), help: "A self-assessment (with --as the person themselves): shown, never counted.")
    var selfAssessment = false
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let input = try EngineInput.load(options, data: dataOptions, store: storeOptions, screen: "cli:assess")
        let day = try parseDate(on, option: "on")
        do {
            try input.store.recordAssessment(personID: input.record.person.id, competency: competency, level: level, on: day, note: note,
                                             assessor: selfAssessment ? .`self` : .supervisor, by: options.viewer, catalog: input.catalog,
                                             today: DateText.today(), screen: "cli:assess")
            let history = try input.store.assessmentHistory(personID: input.record.person.id, competency: competency, viewer: options.viewer)
            let words = Describe(catalog: input.catalog, language: options.lang)
            for entry in history {
                let a = entry.assessment
                print("\(DateText.format(a.assessedOn, options.lang))\t\(words.assessorName(a.assessor))\t\(a.level)\t\(entry.note)")
            }
        } catch {
            throw planFailure(error, as: options.viewerID)
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
