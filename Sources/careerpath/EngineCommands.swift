import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore

// `careerpath gaps | plan | paths`: the engine's answers for one person, as text or JSON
// (the JSON contract is in docs/cli.md).

/// Options every engine command shares.
struct EngineOptions: ParsableArguments {
    @Option(help: "The person's id.")
    var person: String

    @Flag(help: "Print JSON (ISO dates) instead of text.")
    var json = false

    @Option(help: "Language of the text output: th or en.")
    var lang: Language = .th

    @Option(name: .customLong("as"), help: "Read the record as this supervisor (access is checked; default: system).")
    var viewerID: String?

    var viewer: Viewer { viewerID.map { .supervisor(personID: $0) } ?? .system }
}

/// What an engine command works on: the catalog, the person's record and their supervisor chain.
struct EngineInput {
    let catalog: Catalog
    let record: PersonRecord
    let context: OrganizationContext

    static func load(_ options: EngineOptions, data: DataOptions, store storeOptions: StoreOptions, screen: String) throws -> EngineInput {
        let catalog = try data.loadCatalog()
        let store = try storeOptions.openStore(catalog: catalog, dataFolder: try data.dataFolder())
        let viewer = options.viewer
        let record: PersonRecord?
        do {
            record = try store.record(personID: options.person, viewer: viewer, screen: screen)
        } catch let denied as AccessDenied {
            throw failure(CommandError.accessDenied(denied.description, as: options.viewerID), code: CommandExit.accessDenied)
        }
        guard let record else {
            let known = (try? store.people(unit: nil, viewer: .system).map(\.id)) ?? []
            throw failure(CommandError.unknownPerson(options.person, known: known))
        }
        // The supervisor chain, as far as the viewer may see it (acting posts are suggested from it):
        // names, not records, so not audited, as in the TUI.
        let context = OrganizationContext.chain(above: record.person) { id in
            (try? store.person(personID: id, viewer: viewer)) ?? nil
        }
        return EngineInput(catalog: catalog, record: record, context: context)
    }
}

extension GapAnalyzer {
    /// The explanation of each gap of `report`, in its order (`source`, `counted`, the marker, `--explain`).
    func explanations(of report: GapReport, record: PersonRecord) -> [GapExplanation] {
        report.gaps.map { explain($0, of: record, target: report.target, on: report.on) }
    }
}

func parseTarget(_ text: String, _ catalog: Catalog) throws -> Target {
    do { return try Target.parse(text, in: catalog) } catch {
        throw failure(CommandError.unknownTarget(error))
    }
}

/// A date option (`--on`, `--start`, `--since`, `--date`) read by the one date parser the importer
/// uses too (`TypedDate`: a slash date has a B.E. year, an ISO date a C.E. one); nil is today.
func parseDate(_ text: String?, option: String) throws -> CivilDate {
    guard let text else { return DateText.today() }
    switch TypedDate.parse(text) {
    case .success(let date): return date
    case .failure(let problem): throw failure(CommandError.date(text, option: option, problem))
    }
}

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
            print(EngineJSON(catalog: input.catalog).report(report, whys).rendered())
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
            print(EngineJSON(catalog: input.catalog).plan(plan, whys).rendered())
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
            print(EngineJSON(catalog: input.catalog).paths(person: input.record.person, on: on, paths).rendered())
        } else {
            print(EngineTextOutput(catalog: input.catalog, language: options.lang, people: input.context.supervisorChain).paths(person: input.record.person, on: on, paths), terminator: "")
        }
    }
}

// MARK: - JSON

/// A JSON value that keeps its keys in the order written, so output is stable and diffable.
indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    static func date(_ d: CivilDate?) -> JSONValue { d.map { .string($0.iso) } ?? .null }
    static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    /// Counted months to two decimals (1.495 → 1.5), as docs/cli.md says.
    static func months(_ m: Double) -> JSONValue { .double(Describe.hundredths(m)) }
    /// Days (weighted by role): whole days as an integer, else two decimals.
    static func days(_ d: Double) -> JSONValue {
        let h = Describe.hundredths(d)
        return h == h.rounded() && abs(h) < 1e15 ? .int(Int(h)) : .double(h)
    }

    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + JSONValue.quote($0.0) + ": " + $0.1.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .string(let s): return JSONValue.quote(s)
        case .int(let i): return String(i)
        case .double(let d):
            if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) + ".0" }
            return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// The engine's results in the shape docs/cli.md documents.
struct EngineJSON {
    let catalog: Catalog

    /// The days behind counted months (the engine counts weighted days ÷ the catalog's days per month).
    func days(months m: Double) -> JSONValue { .days(m * catalog.experienceCounting.daysPerMonth) }

    /// `whys` are the gaps' explanations, in the report's order.
    func report(_ r: GapReport, _ whys: [GapExplanation]) -> JSONValue {
        .object([
            ("person", .string(r.person.id)),
            ("target", .string(r.target.id)),
            ("on", .date(r.on)),
            ("eligible", .bool(r.eligible)),
            ("eligibleOnIfNothingChanges", .date(r.eligibleOnIfNothingChanges)),
            ("gaps", gaps(r.gaps, whys)),
            ("obligations", obligations(r.obligations)),
        ])
    }

    func gaps(_ gaps: [Gap], _ whys: [GapExplanation]) -> JSONValue {
        .array(gaps.indices.map { gap(gaps[$0], $0 < whys.count ? whys[$0] : GapExplanation(basis: [], counted: [])) })
    }

    /// A post's programmes after appointment (`[]` for other targets): obligations, never gaps.
    func obligations(_ list: [PostObligation]) -> JSONValue {
        .array(list.map { o in
            .object([("course", .string(o.course)), ("withinMonths", o.withinMonths > 0 ? .int(o.withinMonths) : .null)]
                    + Self.provenance(o.provenance))
        })
    }

    static func provenance(_ p: Provenance) -> [(String, JSONValue)] {
        [("source", .string(p.source)), ("confirm", .bool(p.confirm))]
    }

    func gap(_ g: Gap, _ why: GapExplanation) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("kind", .string(g.kind.rawValue)), ("id", .string(g.id))]
        switch g.requirement {
        case .education(let required, let actual):
            pairs += [("required", .string(required)), ("actual", .string(actual))]
        case .timeInLevel(let t):
            pairs += [("levels", .array(t.levels.map { .string($0) })), ("requiredMonths", .int(t.requiredMonths)),
                      ("actualMonths", .int(t.actualMonths)), ("minEducation", t.minEducation.map { .string($0) } ?? .null)]
            if t.approvedEquivalenceMonths > 0 { pairs.append(("approvedEquivalenceMonths", .int(t.approvedEquivalenceMonths))) }
            pairs.append(("withHigherEducation", .array(t.withHigherEducation.map { h in
                .object([("education", .string(h.education)), ("requiredMonths", .int(h.requiredMonths)), ("metOn", .date(h.metOn))])
            })))
        case .experience(let e):
            switch e.subject {
            case .group(let id, let atLeast, let fields):
                pairs += [("group", .string(id)), ("atLeast", .int(atLeast)), ("fields", .array(fields.map { .string($0) })),
                          ("requiredMonths", .int(e.requiredMonths)), ("actualMonths", .months(e.actualMonths)),
                          ("actualDays", days(months: e.actualMonths)),
                          ("fieldMonths", .object(e.fieldMonths.map { ($0.field, JSONValue.months($0.months)) })),
                          ("fieldDays", .object(e.fieldMonths.map { ($0.field, days(months: $0.months)) }))]
            case .diverseExperience:
                let d = e.differences
                pairs += [("field", .string(e.subject.id)), ("required", .int(d?.required ?? 3)),
                          ("actual", .int(d?.have.count ?? 0)), ("minimumMonths", .int(e.requiredMonths)),
                          ("have", .array((d?.have ?? []).map { .string($0.rawValue) })),
                          ("missing", .array((d?.missing ?? []).map { .string($0.rawValue) }))]
            default:
                pairs += [("field", .string(e.subject.id)), ("requiredMonths", .int(e.requiredMonths)), ("actualMonths", .months(e.actualMonths)),
                          ("actualDays", days(months: e.actualMonths))]
            }
        case .competency(let c, let required, let actual, let assessed):
            pairs += [("competency", .string(c)), ("required", .int(required)), ("actual", .int(actual)), ("assessed", .bool(assessed))]
        case .training(let course, let expired):
            pairs.append(("course", .string(course)))
            if let expired { pairs.append(("expiredOn", .date(expired))) }
        case .eligibility(let line, let level, let eligible):
            pairs += [("jobLine", .string(line)), ("level", .string(level)),
                      ("eligible", .array(eligible.map { .object([("line", .string($0.line)), ("levels", .array($0.levels.map { .string($0) }))]) }))]
        }
        pairs += [("metOn", .date(g.metOn)),
                  ("toConfirm", .bool(why.restsOnDefault)),
                  ("source", .array(why.basis.map { b in .object([("subject", .string(Self.subject(b.subject)))] + Self.provenance(b.provenance)) })),
                  ("counted", .array(why.counted.map(Self.counted))),
                  ("methods", .array(g.methods.map { .string($0) })),
                  ("suggestions", .array(g.suggestions.map(Self.suggestion)))]
        return .object(pairs)
    }

    /// `promotion-rule:K2`, `post:dir-news-bureau`, `standard:director`, `course:nbs1`, `diverse-experience`,
    /// `experience-counting`, `related-line:FROM:TO:RATIO`, `expected-competency:K3`.
    static func subject(_ s: GapExplanation.Basis.Subject) -> String {
        switch s {
        case .promotionRule(let level): return "promotion-rule:" + level
        case .post(let id): return "post:" + id
        case .standard(let id): return "standard:" + id
        case .course(let id): return "course:" + id
        case .diverseExperience: return "diverse-experience"
        case .experienceCounting: return "experience-counting"
        case .relatedLine(let from, let to, let ratio): return "related-line:\(from):\(to):\(ratio)"
        case .expectedCompetency(let level): return "expected-competency:" + level
        }
    }

    static func counted(_ record: GapExplanation.CountedRecord) -> JSONValue {
        switch record {
        case .assignment(let a, let days, let weight, let countedDays):
            return .object([("record", .string("assignment")), ("unit", .string(a.unit)), ("field", .string(a.field)),
                            ("role", .string(a.role.rawValue)), ("start", .date(a.start)), ("end", .date(a.end)),
                            ("days", .int(days)), ("weight", .double(weight)), ("countedDays", .days(countedDays))])
        case .levelPeriod(let line, let level, let start, let end, let months):
            return .object([("record", .string("level")), ("jobLine", .string(line)), ("level", .string(level)),
                            ("start", .date(start)), ("end", .date(end)), ("months", .int(months))])
        case .assessment(let a, let counts):
            return .object([("record", .string("assessment")), ("competency", .string(a.competency)), ("level", .int(a.level)),
                            ("assessedOn", .date(a.assessedOn)), ("assessor", .string(a.assessor.rawValue)), ("counts", .bool(counts))])
        case .training(let t):
            return .object([("record", .string("training")), ("course", .string(t.course)), ("completedOn", .date(t.completedOn))])
        case .education(let e):
            return .object([("record", .string("education")), ("education", .string(e))])
        }
    }

    static func place(_ p: SuggestedPlace) -> [(String, JSONValue)] {
        switch p {
        case .unit(let u): return [("unit", .string(u))]
        case .actingPost(let holder, let unit, let level): return [("post", .string(holder)), ("unit", .string(unit)), ("level", .string(level))]
        case .workingGroup(let g): return [("group", .string(g))]
        case .course(let c): return [("course", .string(c))]
        case .coach(let c): return [("coach", .string(c))]
        case .jobLine(let l): return [("jobLine", .string(l))]
        case .none: return []
        }
    }

    static func suggestion(_ s: Suggestion) -> JSONValue {
        .object([("method", .string(s.method))] + place(s.place) + [("months", .int(s.months))]
                + (s.from.map { [("from", JSONValue.date($0))] } ?? []))
    }

    func plan(_ p: DevelopmentPlan, _ whys: [GapExplanation]) -> JSONValue {
        .object([
            ("person", .string(p.person.id)),
            ("target", .string(p.target.id)),
            ("start", .date(p.start)),
            ("eligible", .bool(p.report.eligible)),
            ("eligibleOn", .date(p.eligibleOn)),
            ("eligibleOnIfNothingChanges", .date(p.eligibleOnIfNothingChanges)),
            ("steps", .array(p.steps.map { s in
                .object([("method", .string(s.method))] + Self.place(s.place) + [
                    ("field", s.field.map { .string($0) } ?? .null),
                    ("start", .date(s.start)), ("end", .date(s.end)), ("months", .int(s.months)),
                    ("closes", .array(s.closes.map { .string($0) })),
                    ("stage", s.stage.map { .int($0) } ?? .null),
                ])
            })),
            ("gaps", gaps(p.report.gaps, whys)),
            ("obligations", obligations(p.report.obligations)),
        ])
    }

    func paths(person: Person, on: CivilDate, _ paths: [ReachableTarget]) -> JSONValue {
        .object([
            ("person", .string(person.id)),
            ("on", .date(on)),
            ("paths", .array(paths.map { p in
                .object([
                    ("target", .string(p.target.id)),
                    ("route", .string(p.route.rawValue)),
                    ("level", p.target.level(in: catalog).map { .string($0) } ?? .null),
                    ("onPromotion", .bool(p.onPromotion)),
                    ("gaps", .int(p.gapCount)),
                    ("eligible", .bool(p.eligible)),
                    ("eligibleOnIfNothingChanges", .date(p.eligibleOnIfNothingChanges)),
                    ("eligibleOnWithPlan", .date(p.eligibleOnWithPlan)),
                ])
            })),
        ])
    }
}

// MARK: - Text

/// The words of the engine's text output, in both languages (one table, not scattered).
enum EngineWords {
    static let table: [String: (th: String, en: String)] = [
        "gapsOf": ("ช่องว่างของ", "Gaps of"),
        "toward": ("สู่", "toward"),
        "on": ("ณ", "on"),
        "eligible": ("มีคุณสมบัติครบแล้ว", "Eligible: no gaps remain."),
        "notEligible": ("ยังขาดคุณสมบัติ %d ข้อ", "Not eligible yet: %d gap(s)."),
        "ifNothingChanges": ("ถ้าไม่มีอะไรเปลี่ยน จะครบคุณสมบัติ", "If nothing changes, eligible on"),
        "timeCannot": ("ถ้าไม่มีอะไรเปลี่ยน ยังไม่ครบคุณสมบัติ (มีช่องว่างที่เวลาอย่างเดียวปิดไม่ได้)", "If nothing changes: not eligible (some gaps cannot close with time alone)."),
        "education": ("วุฒิการศึกษา", "Education"),
        "time-in-level": ("ระยะเวลาในระดับ", "Time in level"),
        "experience": ("ประสบการณ์", "Experience"),
        "competency": ("สมรรถนะ", "Competency"),
        "training": ("การฝึกอบรม", "Training"),
        "eligibility": ("สายงาน/ระดับที่สมัครได้", "Eligible lines and levels"),
        "required": ("ต้องการ", "required"),
        "have": ("มี", "has"),
        "months": ("เดือน", "months"),
        "metOn": ("ครบเมื่อ", "met on"),
        "neverByTime": ("เวลาอย่างเดียวปิดไม่ได้", "time alone will not close it"),
        "methods": ("วิธีพัฒนา", "Methods"),
        "suggest": ("ข้อเสนอ", "Suggested"),
        "management": ("การบริหาร (หัวหน้า/รักษาการ)", "management (heading, acting included)"),
        "regional": ("การปฏิบัติงานในส่วนภูมิภาค", "regional service"),
        "diverse": ("ประสบการณ์ 3 ต่าง", "diverse experience (3 differences)"),
        "missingDiff": ("ยังขาด", "missing"),
        "atLeastOf": ("อย่างน้อย %d ใน", "at least %d of"),
        "notAssessed": ("ยังไม่เคยประเมิน", "never assessed"),
        "expired": ("หมดอายุ", "expired"),
        "planOf": ("แผนพัฒนาของ", "Development plan of"),
        "start": ("เริ่ม", "starting"),
        "steps": ("ขั้นตอน", "Steps"),
        "noSteps": ("ไม่ต้องมีขั้นตอนเพิ่ม", "No steps needed."),
        "closes": ("ปิด", "closes"),
        "withPlan": ("ถ้าทำตามแผน จะครบคุณสมบัติ", "Following the plan, eligible on"),
        "planCannot": ("แผนนี้ยังปิดช่องว่างบางข้อไม่ได้ (เช่น วุฒิ การเลื่อนระดับ การอนุมัติ)", "The plan cannot close every gap (education, a promotion first, an approval)."),
        "pathsOf": ("เส้นทางถัดไปของ", "Next targets for"),
        "promotion": ("เลื่อนระดับ", "promotion"),
        "lateral": ("ย้ายสายงาน", "lateral move"),
        "director-post": ("ตำแหน่งผู้อำนวยการ", "director post"),
        "executive-post": ("ตำแหน่งบริหาร", "executive post"),
        "onPromotion": ("หลังเลื่อนระดับ", "after promotion"),
        "gaps": ("ช่องว่าง", "gaps"),
        "nothing": ("ไม่เปลี่ยน", "nothing changes"),
        "plan": ("ตามแผน", "with plan"),
        "noPaths": ("ไม่พบเป้าหมายถัดไป", "No next targets found."),
        "course": ("หลักสูตร", "course"),
        "coach": ("ผู้สอนงาน", "coach"),
        "actingFor": ("รักษาการแทน", "acting for"),
        "job-line": ("สายงาน", "job line"), "unit": ("หน่วยงาน", "unit"),
        "location": ("พื้นที่", "location"), "work-field": ("ลักษณะงาน", "work field"),
    ]

    static func word(_ key: String, _ language: Language) -> String {
        guard let entry = table[key] else { return key }
        return language == .th ? entry.th : entry.en
    }
}

/// Human-readable output: B.E. dates in Thai, names from the catalog.
struct EngineTextOutput {
    let catalog: Catalog
    let language: Language
    /// The supervisor chain: named in suggestions instead of by id.
    var people: [Person] = []

    func w(_ key: String) -> String { EngineWords.word(key, language) }
    func date(_ d: CivilDate) -> String { DateText.format(d, language) }
    func field(_ id: String) -> String { catalog.workFieldsByID[id]?.name.text(language) ?? id }
    func unit(_ id: String) -> String { catalog.unitsByID[id]?.name.text(language) ?? id }
    func method(_ id: String) -> String { id == "course" ? w("course") : catalog.methodsByID[id]?.name.text(language) ?? id }
    /// Floored to one decimal (docs/cli.md); JSON has the exact figure.
    func months(_ m: Double) -> String { Describe.monthsNumber(m) }
    /// The words the screens use too (the why, the marker, advice, obligations).
    var words: Describe { Describe(catalog: catalog, language: language, people: people) }

    /// "ช่องว่างของ NAME (POST, UNIT) …": the person by name and post; the id is in `--json`.
    func header(_ key: String, _ person: Person, _ rest: String) -> String {
        "\(w(key)) \(person.name(language)) (\(PersonText.post(person, catalog, language)), \(unit(person.unit))) \(rest)\n"
    }

    /// `whys` in the report's order; `explain` prints each under its gap.
    func report(_ r: GapReport, _ whys: [GapExplanation] = [], explain: Bool = false) -> String {
        var out = header("gapsOf", r.person, "\(w("toward")) \(r.target.name(in: catalog, language)) \(w("on")) \(date(r.on))")
        out += r.eligible ? w("eligible") + "\n" : w("notEligible").replacingPercentD(r.gaps.count) + "\n"
        out += nothingChanges(r.eligibleOnIfNothingChanges, eligible: r.eligible)
        for (i, gap) in r.gaps.enumerated() {
            let why = i < whys.count ? whys[i] : nil
            out += "\n\(i + 1). " + describe(gap) + marker(why) + "\n"
            out += "   " + (gap.metOn.map { "\(w("metOn")) \(date($0))" } ?? w("neverByTime")) + "\n"
            for line in advice(gap) { out += "   " + line + "\n" }
            if !gap.methods.isEmpty { out += "   \(w("methods")): " + gap.methods.map(method).joined(separator: ", ") + "\n" }
            for s in gap.suggestions.prefix(5) { out += "   · " + suggestion(s) + "\n" }
            if explain, let why { out += lines(words.why(gap, why), indent: "   ") }
        }
        return out + obligations(r.obligations)
    }

    /// " [ค่าตั้งต้น รอยืนยัน]" on a requirement resting on a value still to confirm.
    func marker(_ why: GapExplanation?) -> String {
        why.flatMap(words.toConfirmMarker).map { " [\($0)]" } ?? ""
    }

    /// What else closes a time-in-level gap (a higher degree, or only time).
    func advice(_ gap: Gap) -> [String] {
        guard case .timeInLevel(let s) = gap.requirement else { return [] }
        return words.timeInLevelAdvice(s, metOn: gap.metOn)
    }

    /// Why-lines as text: headings as they are, the rest indented, values to confirm marked "*".
    func lines(_ lines: [WhyLine], indent: String) -> String {
        lines.map { line in
            switch line.role {
            case .heading: return indent + line.text + ":\n"
            case .text: return indent + "  " + line.text + "\n"
            case .toConfirm: return indent + Str.toConfirmMark.text(language) + " " + line.text + "\n"
            }
        }.joined()
    }

    /// An executive post's programmes after appointment, with their sources (never gaps).
    func obligations(_ list: [PostObligation]) -> String {
        let lines = words.obligations(list)
        return lines.isEmpty ? "" : "\n" + self.lines(lines, indent: "")
    }

    func nothingChanges(_ date: CivilDate?, eligible: Bool) -> String {
        if eligible { return "" }
        return date.map { "\(w("ifNothingChanges")) \(self.date($0))\n" } ?? w("timeCannot") + "\n"
    }

    func describe(_ gap: Gap) -> String {
        let kind = w(gap.kind.rawValue)
        switch gap.requirement {
        case .education(let required, let actual):
            let name = { (id: String) in catalog.educationsByID[id]?.name.text(language) ?? id }
            return "\(kind): \(w("required")) \(name(required)), \(w("have")) \(name(actual))"
        case .timeInLevel(let t):
            return "\(kind): \(w("required")) \(t.requiredMonths) \(w("months")) (\(t.levels.joined(separator: "+"))), \(w("have")) \(t.actualMonths)"
                + (t.approvedEquivalenceMonths > 0 ? " + \(t.approvedEquivalenceMonths) approved" : "")
        case .experience(let e):
            switch e.subject {
            case .field(let f):
                return "\(kind) \(field(f)): \(w("required")) \(e.requiredMonths) \(w("months")), \(w("have")) \(months(e.actualMonths))"
            case .group(_, let atLeast, let fields):
                let list = e.fieldMonths.map { "\(field($0.field)) \(months($0.months))" }.joined(separator: ", ")
                return "\(kind) \(w("atLeastOf").replacingPercentD(atLeast)) \(fields.map(field).joined(separator: "/")): \(w("required")) \(e.requiredMonths) \(w("months")) (\(list))"
            case .management:
                return "\(kind) \(w("management")): \(w("required")) \(e.requiredMonths) \(w("months")), \(w("have")) \(months(e.actualMonths))"
            case .regional:
                return "\(kind) \(w("regional")): \(w("required")) \(e.requiredMonths) \(w("months")), \(w("have")) \(months(e.actualMonths))"
            case .diverseExperience:
                let d = e.differences
                let missing = (d?.missing ?? []).map { w($0.rawValue) }.joined(separator: ", ")
                return "\(w("diverse")): \(w("have")) \(d?.have.count ?? 0)/\(d?.required ?? 3), \(w("missingDiff")) \(missing)"
            }
        case .competency(let c, let required, let actual, let assessed):
            let name = catalog.competenciesByID[c]?.name.text(language) ?? c
            return "\(kind) \(name): \(w("required")) \(required), \(w("have")) \(actual)" + (assessed ? "" : " (\(w("notAssessed")))")
        case .training(let course, let expired):
            let name = catalog.coursesByID[course]?.name.text(language) ?? course
            return "\(kind): \(name)" + (expired.map { " (\(w("expired")) \(date($0)))" } ?? "")
        case .eligibility(let line, let level, let eligible):
            let lines = eligible.map { "\(PersonText.jobLine($0.line, catalog, language)) \($0.levels.joined(separator: "/"))" }.joined(separator: "; ")
            return "\(kind): \(PersonText.jobLine(line, catalog, language)) \(level) → \(lines)"
        }
    }

    func place(_ p: SuggestedPlace) -> String {
        switch p {
        case .unit(let u): return unit(u)
        case .actingPost(let holder, let u, let level): return "\(w("actingFor")) \(words.personName(holder)) (\(unit(u)), \(level))"
        case .workingGroup(let g): return catalog.workingGroupsByID[g]?.name.text(language) ?? g
        case .course(let c): return catalog.coursesByID[c]?.name.text(language) ?? c
        case .coach(let c): return "\(w("coach")) \(words.personName(c))"
        case .jobLine(let l): return catalog.jobLinesByID[l]?.name.text(language) ?? l
        case .none: return ""
        }
    }

    func suggestion(_ s: Suggestion) -> String {
        let where_ = place(s.place)
        return method(s.method) + (where_.isEmpty ? "" : ": " + where_) + " (\(s.months) \(w("months")))"
    }

    func plan(_ p: DevelopmentPlan, _ whys: [GapExplanation] = []) -> String {
        var out = header("planOf", p.person, "\(w("toward")) \(p.target.name(in: catalog, language)), \(w("start")) \(date(p.start))")
        if let e = p.eligibleOn { out += "\(w("withPlan")) \(date(e))\n" } else { out += w("planCannot") + "\n" }
        out += nothingChanges(p.eligibleOnIfNothingChanges, eligible: p.report.eligible)
        out += "\n\(w("steps")):\n"
        if p.steps.isEmpty { out += "  " + w("noSteps") + "\n" }
        for (i, s) in p.steps.enumerated() {
            let where_ = place(s.place)
            out += "\(i + 1). \(date(s.start)) – \(date(s.end)) (\(s.months) \(w("months"))): \(method(s.method))"
            out += (where_.isEmpty ? "" : ": " + where_) + (s.field.map { ", \(field($0))" } ?? "") + "\n"
            if !s.closes.isEmpty {
                let titles = s.closes.map { id in p.report.gaps.first { $0.id == id }.map(words.gapTitle) ?? id }
                out += "   \(w("closes")): " + titles.joined(separator: ", ") + "\n"
            }
        }
        let open = p.report.gaps.indices.filter { g in !p.steps.contains { $0.closes.contains(p.report.gaps[g].id) } }
        if !open.isEmpty {
            out += "\n"
            for g in open {
                let gap = p.report.gaps[g]
                out += "· " + describe(gap) + marker(g < whys.count ? whys[g] : nil) + " — "
                    + (gap.metOn.map { "\(w("metOn")) \(date($0))" } ?? w("neverByTime")) + "\n"
                for line in advice(gap) { out += "  " + line + "\n" }
            }
        }
        let marked = p.report.gaps.indices.filter { g in !open.contains(g) && g < whys.count && whys[g].restsOnDefault }
        if !marked.isEmpty {
            out += "\n" + Str.toConfirm.text(language) + ": " + marked.map { words.gapTitle(p.report.gaps[$0]) }.joined(separator: ", ") + "\n"
        }
        return out + obligations(p.report.obligations)
    }

    func paths(person: Person, on: CivilDate, _ paths: [ReachableTarget]) -> String {
        var out = header("pathsOf", person, "\(w("on")) \(date(on))")
        if paths.isEmpty { return out + w("noPaths") + "\n" }
        for p in paths {
            let route = w(p.route.rawValue) + (p.onPromotion ? " (\(w("onPromotion")))" : "")
            out += "\n· \(p.target.name(in: catalog, language)) [\(p.target.id)] — \(route)\n"
            let nothing = p.eligibleOnIfNothingChanges.map(date) ?? "–"
            let plan = p.eligibleOnWithPlan.map(date) ?? "–"
            out += "  \(p.gapCount) \(w("gaps")); \(w("nothing")): \(nothing); \(w("plan")): \(plan)\n"
        }
        return out
    }
}

extension String {
    func replacingPercentD(_ n: Int) -> String {
        guard let r = range(of: "%d") else { return self }
        return replacingCharacters(in: r, with: String(n))
    }
}
