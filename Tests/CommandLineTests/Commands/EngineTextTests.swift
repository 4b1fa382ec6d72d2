import CareerApp
import CareerCatalog
import CareerEngine
import Foundation
import Testing
@testable import careerpath

private func day(_ iso: String) -> CivilDate {
    guard let d = CivilDate(iso: iso) else { preconditionFailure("bad date \(iso)") }
    return d
}

/// `careerpath gaps | plan | paths` output: the "default, to confirm" marker, `--explain`, `source`
/// and `counted` in JSON, exact month figures, the executive track's obligations and the
/// time-in-level advice (issue 12).
@Suite("gaps, plan and paths output")
struct EngineTextTests {
    static let repository = CommandLineRun.repository
    static let catalog = CommandLineRun.catalog
    static let analyzer = GapAnalyzer(catalog: catalog)

    static let on = day("2026-10-01")

    /// A senior PR officer (K3) with news, radio and regional postings and an acting stint.
    static let officer = PersonRecord(
        person: Person(id: "P9001", nameTH: "สมหญิง ทดสอบ", nameEN: "Somying Thodsob", unit: "news-bureau",
                       jobLine: "public-relations-officer", level: "K3", levelSince: day("2021-10-01"),
                       serviceStart: day("2010-05-01"), education: "bachelor", supervisorID: nil),
        assignments: [
            Assignment(unit: "news-bureau", field: "news", role: .regular, start: day("2010-05-01"), end: day("2014-09-30")),
            Assignment(unit: "radio-thailand", field: "radio", role: .regular, start: day("2014-10-01"), end: day("2017-09-30")),
            Assignment(unit: "regional-pr-bureau-1", field: "regional-operations", role: .regular, start: day("2017-10-01"), end: day("2019-12-31")),
            Assignment(unit: "news-bureau", field: "news", role: .regular, start: day("2020-01-01"), end: nil),
            Assignment(unit: "news-bureau", field: nil, role: .acting, start: day("2023-01-01"), end: day("2023-06-30")),
        ],
        assessments: [Assessment(competency: "visioning", level: 2, assessedOn: day("2025-09-30"), assessor: .supervisor)],
        trainings: [CompletedTraining(course: "primary-executive", completedOn: day("2022-06-30"))],
        levelHistory: [
            LevelPeriod(jobLine: "public-relations-officer", level: "K1", start: day("2010-05-01"), end: day("2014-04-30")),
            LevelPeriod(jobLine: "public-relations-officer", level: "K2", start: day("2014-05-01"), end: day("2021-09-30")),
        ])

    static func analysed(_ record: PersonRecord, _ target: String) throws -> (GapReport, [GapExplanation]) {
        let report = analyzer.analyze(record, target: try Target.parse(target, in: catalog), on: on)
        return (report, analyzer.explanations(of: report, record: record))
    }

    /// A shape as `--json` writes it, read back.
    static func object<T: Encodable>(_ value: T) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(CommandJSON.text(value).utf8)) as? [String: Any])
    }

    static func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

    @Test("finding 7: 1.495 counted months are 1.5 in JSON with their days, 1.4 in text (floored)")
    func exactMonths() throws {
        let gap = Gap(requirement: .experience(ExperienceShortfall(subject: .field("news"), requiredMonths: 48, actualMonths: 1.495)), metOn: nil)
        let json = try CommandJSON.text(EngineJSON(catalog: Self.catalog).gap(gap, GapExplanation(basis: [], counted: [])))
        #expect(json.contains("\"actualMonths\": 1.5,"), "\(json)")
        #expect(json.contains("\"actualDays\": 45.5,"), "1.495 × 30.4375 = 45.504 days, to 2 decimals")
        // The text output words a gap as the screens do (one describer).
        let text = EngineTextOutput(catalog: Self.catalog, language: .en).words.gapLine(gap)
        #expect(text.hasSuffix(": 1.4 of 48 months"), "\(text)")
        // Whole days are an integer; noise from days ÷ 30.4375 does not show.
        let whole = Gap(requirement: .experience(ExperienceShortfall(subject: .field("news"), requiredMonths: 48, actualMonths: 366 / 30.4375)), metOn: nil)
        let wholeJSON = try CommandJSON.text(EngineJSON(catalog: Self.catalog).gap(whole, GapExplanation(basis: [], counted: [])))
        #expect(wholeJSON.contains("\"actualDays\": 366,"), "\(wholeJSON)")
        #expect(wholeJSON.contains("\"actualMonths\": 12.02,"))
        #expect(Describe.monthsNumber(12.0247) == "12")
        #expect(Describe.monthsNumber(47.99) == "47.9", "never rounded up to meet a requirement")
        #expect(Describe.hundredths(1.495) == 1.5 && Describe.hundredths(2.004) == 2.0)
    }

    @Test("the text output words gaps, suggestions and steps with the screens' describer, in both languages")
    func oneDescriber() throws {
        let (report, whys) = try Self.analysed(Self.officer, "dir-news-bureau")
        let plan = PlanBuilder(analyzer: Self.analyzer).plan(Self.officer, target: report.target, start: Self.on)
        #expect(!report.gaps.isEmpty && !plan.steps.isEmpty)
        for language in Language.allCases {
            let d = Describe(catalog: Self.catalog, language: language)
            let output = EngineTextOutput(catalog: Self.catalog, language: language)
            let text = output.report(report, whys)
            for gap in report.gaps {
                // The Gaps screen's row (title and standing) and the detail pane's closing line.
                #expect(text.contains(d.gapTitle(gap) + ": " + d.gapStanding(gap)), "\(language) \(gap.id)")
                #expect(text.contains("   " + d.closing(gap) + "\n"), "\(language) \(gap.id)")
                for s in gap.suggestions.prefix(5) { #expect(text.contains("· " + d.suggestion(s) + "\n")) }
            }
            let planText = output.plan(plan)
            // The plan pane's step line.
            for step in plan.steps { #expect(planText.contains(": " + d.step(step)), "\(language) \(step.method)") }
        }
    }

    @Test("every gap in JSON carries toConfirm, source and counted; the text marks defaults to confirm")
    func provenanceInJSONAndText() throws {
        let (report, whys) = try Self.analysed(Self.officer, "dir-news-bureau")
        #expect(!report.gaps.isEmpty)
        let json = try Self.object(EngineJSON(catalog: Self.catalog).report(report, whys))
        let gaps = Self.objects(json["gaps"])
        #expect(gaps.count == report.gaps.count)
        for (gap, why) in zip(gaps, whys) {
            #expect(gap["toConfirm"] != nil && gap["source"] != nil && gap["counted"] != nil, "\(gap.keys)")
            #expect(gap["toConfirm"] as? Bool == why.restsOnDefault)
            let sources = Self.objects(gap["source"])
            #expect(sources.count == why.basis.count)
            for s in sources { #expect(Set(s.keys) == ["subject", "source", "confirm"]) }
        }
        #expect(whys.contains { $0.restsOnDefault }, "the shipped frameworks are still defaults to confirm")
        let text = EngineTextOutput(catalog: Self.catalog, language: .th).report(report, whys)
        let marked = text.split(separator: "\n").filter { $0.contains("[ค่าตั้งต้น รอยืนยัน]") }
        #expect(marked.count == whys.filter(\.restsOnDefault).count)
        let plan = PlanBuilder(analyzer: Self.analyzer).plan(Self.officer, target: report.target, start: Self.on)
        let planJSON = try Self.object(EngineJSON(catalog: Self.catalog).plan(plan, Self.analyzer.explanations(of: plan.report, record: Self.officer)))
        #expect(!Self.objects(planJSON["gaps"]).isEmpty && Self.objects(planJSON["gaps"]).allSatisfy { $0["toConfirm"] is Bool })
    }

    @Test("gaps --explain prints, under each gap, the rule, the sources and the records counted by name")
    func explainText() throws {
        let (report, whys) = try Self.analysed(Self.officer, "dir-news-bureau")
        let plain = EngineTextOutput(catalog: Self.catalog, language: .en).report(report, whys)
        let explained = EngineTextOutput(catalog: Self.catalog, language: .en).report(report, whys, explain: true)
        #expect(!plain.contains("Records counted"))
        #expect(explained.components(separatedBy: "   Records counted:").count - 1 == report.gaps.count)
        #expect(explained.components(separatedBy: "   Where the values come from:").count - 1 == report.gaps.count)
        let management = try #require(report.gaps.firstIndex { $0.id == "experience:management" })
        let lines = Describe(catalog: Self.catalog, language: .en).why(report.gaps[management], whys[management]).map(\.text)
        let news = try #require(Self.catalog.unitsByID["news-bureau"]?.name.en)
        #expect(lines.contains { $0.hasPrefix("\(news) (acting) 1 Jan 2023 – 30 Jun 2023: 181 days") }, "\(lines)")
        #expect(!explained.contains("(news-bureau)"))
        let thai = EngineTextOutput(catalog: Self.catalog, language: .th).report(report, whys, explain: true)
        #expect(thai.contains("ประวัติที่นับ") && thai.contains("2566"), "Thai dates in the Buddhist era")
    }

    @Test("finding 6: an executive target shows its obligations after appointment with their source, never as gaps")
    func executiveObligations() throws {
        let director = PersonRecord(
            person: Person(id: "P9002", nameTH: "ผอ. ทดสอบ", nameEN: "Director Test", unit: "news-bureau",
                           jobLine: "public-relations-officer", level: "M2", levelSince: day("2022-10-01"),
                           serviceStart: day("1998-05-01"), education: "master", supervisorID: nil),
            assignments: [Assignment(unit: "news-bureau", field: "news", role: .regular, start: day("1998-05-01"), end: nil)],
            levelHistory: [LevelPeriod(jobLine: "public-relations-officer", level: "M1", start: day("2019-10-01"), end: day("2022-09-30"))])
        let (report, whys) = try Self.analysed(director, "deputy-director-general")
        #expect(!report.gaps.contains { $0.id == "training:nbs2" || $0.id == "training:por-yor-por" })
        let obligations = Self.objects(try Self.object(EngineJSON(catalog: Self.catalog).report(report, whys))["obligations"])
        #expect(obligations.compactMap { $0["course"] as? String } == ["nbs2", "por-yor-por"])
        #expect(obligations.allSatisfy { ($0["source"] as? String)?.contains("1013/27") == true })
        let text = EngineTextOutput(catalog: Self.catalog, language: .en).report(report, whys)
        let after = try #require(text.range(of: "After appointment (obligations, not gaps):"))
        let tail = String(text[after.upperBound...])
        #expect(tail.contains(Self.catalog.coursesByID["nbs2"]!.name.en) && tail.contains("1013/27"), "\(tail)")
        // A director post has none.
        let (post, postWhys) = try Self.analysed(Self.officer, "dir-news-bureau")
        #expect(!EngineTextOutput(catalog: Self.catalog, language: .en).report(post, postWhys).contains("After appointment"))
        // paths: the executive posts are listed for an M2 director, with their own route.
        let paths = PathFinder(analyzer: Self.analyzer).paths(director, on: Self.on, withPlans: false)
        let pathsText = EngineTextOutput(catalog: Self.catalog, language: .en).paths(person: director.person, on: Self.on, paths)
        #expect(pathsText.contains("Deputy Director-General [deputy-director-general] — executive post"), "\(pathsText)")
        let pathsJSON = try CommandJSON.text(EngineJSON(catalog: Self.catalog).paths(person: director.person, on: Self.on, paths))
        #expect(pathsJSON.contains("\"route\": \"executive-post\""))
    }

    @Test("finding 5: a time-in-level gap says when a higher degree would meet it, or that only time closes it")
    func timeInLevelAdvice() throws {
        let practitioner = PersonRecord(
            person: Person(id: "P9003", nameTH: "น้อง ทดสอบ", nameEN: "Nong Thodsob", unit: "news-bureau",
                           jobLine: "public-relations-officer", level: "K1", levelSince: day("2023-10-01"),
                           serviceStart: day("2023-10-01"), education: "bachelor", supervisorID: nil),
            assignments: [Assignment(unit: "news-bureau", field: "news", role: .regular, start: day("2023-10-01"), end: nil)])
        let (report, whys) = try Self.analysed(practitioner, "public-relations-officer:K2")
        let gap = try #require(report.gaps.first { $0.kind == .timeInLevel })
        guard case .timeInLevel(let t) = gap.requirement else { return }
        #expect(t.withHigherEducation.map(\.education) == ["master", "doctorate"])
        let en = EngineTextOutput(catalog: Self.catalog, language: .en).report(report, whys)
        let master = Self.catalog.educationsByID["master"]!.name.en
        #expect(en.contains("with a \(master): met on 1 Oct 2027 (48 mo)"), "\(en)")
        #expect(en.contains("the sooner way: further study"))
        #expect(!en.contains("only time closes it"))
        let json = try CommandJSON.text(EngineJSON(catalog: Self.catalog).report(report, whys))
        #expect(json.contains("\"withHigherEducation\""))
        // K3 → K4 (36 months, a year served): no degree shortens it.
        var recent = Self.officer
        recent.person.levelSince = day("2025-10-01")
        let (k4, k4Whys) = try Self.analysed(recent, "public-relations-officer:K4")
        #expect(k4.gaps.contains { $0.kind == .timeInLevel })
        #expect(EngineTextOutput(catalog: Self.catalog, language: .th).report(k4, k4Whys).contains("ปิดได้ด้วยเวลาเท่านั้น"))
    }
}

@Suite("command line text tables")
struct CommandLineTextTableTests {
    @Test("every case of the command line's tables has Thai and English text with the same placeholders")
    func tablesComplete() {
        // The terminal's English message is the adapter's own, passed through as `%1`.
        let terminal: Set<String> = ["notATerminal", "noTerminalType", "unknownTerminalType"]
        let problems = EngineText.problems() + RecordText.problems() + AuditReportText.problems() + OperatorText.problems()
            + CommandErrorText.problems(placeholdersMayDiffer: terminal)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
