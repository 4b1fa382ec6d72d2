import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore

// The engine commands' text output.

/// The words of the engine commands' text output that the screens do not have, a `TextTable`;
/// gaps, steps, suggestions and the why are worded by `Describe`, as on the screens.
enum EngineText: String, CaseIterable, TextTable {
    /// `%1` the person ("NAME (POST, UNIT)"), `%2` the target, `%3` the day.
    case gapsOf
    /// `%1` the person, `%2` the target, `%3` the start.
    case planOf
    /// `%1` the person, `%2` the day.
    case pathsOf
    case eligible, notEligible, ifNothingChanges, timeCannot, withPlan, planCannot, noSteps, closes
    case routePromotion, routeLateral, routeDirectorPost, routeExecutivePost, onPromotion
    /// `%1` gaps, `%2` eligible if nothing changes, `%3` eligible with the suggested plan.
    case pathDates
    case noPaths

    /// A route's name.
    static func route(_ route: Route) -> EngineText {
        switch route {
        case .promotion: .routePromotion
        case .lateral: .routeLateral
        case .directorPost: .routeDirectorPost
        case .executivePost: .routeExecutivePost
        }
    }

    var pair: (th: String, en: String) {
        switch self {
        case .gapsOf: ("ช่องว่างของ %1 สู่ %2 ณ %3", "Gaps of %1 toward %2 on %3")
        case .planOf: ("แผนพัฒนาของ %1 สู่ %2, เริ่ม %3", "Development plan of %1 toward %2, starting %3")
        case .pathsOf: ("เส้นทางถัดไปของ %1 ณ %2", "Next targets for %1 on %2")
        case .eligible: ("มีคุณสมบัติครบแล้ว", "Eligible: no gaps remain.")
        case .notEligible: ("ยังขาดคุณสมบัติ %1 ข้อ", "Not eligible yet: %1 gap(s).")
        case .ifNothingChanges: ("ถ้าไม่มีอะไรเปลี่ยน จะครบคุณสมบัติ %1", "If nothing changes, eligible on %1")
        case .timeCannot: ("ถ้าไม่มีอะไรเปลี่ยน ยังไม่ครบคุณสมบัติ (มีช่องว่างที่เวลาอย่างเดียวปิดไม่ได้)",
                           "If nothing changes: not eligible (some gaps cannot close with time alone).")
        case .withPlan: ("ถ้าทำตามแผน จะครบคุณสมบัติ %1", "Following the plan, eligible on %1")
        case .planCannot: ("แผนนี้ยังปิดช่องว่างบางข้อไม่ได้ (เช่น วุฒิ การเลื่อนระดับ การอนุมัติ)",
                           "The plan cannot close every gap (education, a promotion first, an approval).")
        case .noSteps: ("ไม่ต้องมีขั้นตอนเพิ่ม", "No steps needed.")
        case .closes: ("ปิด", "closes")
        case .routePromotion: ("เลื่อนระดับ", "promotion")
        case .routeLateral: ("ย้ายสายงาน", "lateral move")
        case .routeDirectorPost: ("ตำแหน่งผู้อำนวยการ", "director post")
        case .routeExecutivePost: ("ตำแหน่งบริหาร", "executive post")
        case .onPromotion: ("หลังเลื่อนระดับ", "after promotion")
        case .pathDates: ("%1 ช่องว่าง; ไม่เปลี่ยน: %2; ตามแผน: %3", "%1 gaps; nothing changes: %2; with plan: %3")
        case .noPaths: ("ไม่พบเป้าหมายถัดไป", "No next targets found.")
        }
    }
}

/// Human-readable output: B.E. dates in Thai, names from the catalog, gaps and steps in the
/// screens' words (`Describe`).
struct EngineTextOutput {
    let catalog: Catalog
    let language: Language
    /// The supervisor chain: named in suggestions instead of by id.
    var people: [Person] = []

    func date(_ d: CivilDate) -> String { DateText.format(d, language) }
    /// The words the screens use (gaps, suggestions, steps, the why, the marker, advice, obligations).
    var words: Describe { Describe(catalog: catalog, language: language, people: people) }

    /// "NAME (POST, UNIT)": the person by name and post; the id is in `--json`.
    func person(_ person: Person) -> String {
        "\(person.name(language)) (\(PersonText.post(person, catalog, language)), \(words.unitName(person.unit)))"
    }

    /// `whys` in the report's order; `explain` prints each under its gap.
    func report(_ r: GapReport, _ whys: [GapExplanation] = [], explain: Bool = false) -> String {
        let d = words
        var out = EngineText.gapsOf.format(language, person(r.person), d.targetName(r.target), date(r.on)) + "\n"
        out += (r.eligible ? EngineText.eligible.text(language) : EngineText.notEligible.format(language, String(r.gaps.count))) + "\n"
        out += nothingChanges(r.eligibleOnIfNothingChanges, eligible: r.eligible)
        for (i, gap) in r.gaps.enumerated() {
            let why = i < whys.count ? whys[i] : nil
            out += "\n\(i + 1). " + d.gapLine(gap) + marker(why) + "\n"
            out += "   " + d.closing(gap) + "\n"
            for line in advice(gap) { out += "   " + line + "\n" }
            if !gap.methods.isEmpty {
                out += "   \(Str.methodsThatFit.text(language)): " + gap.methods.map(d.methodName).joined(separator: ", ") + "\n"
            }
            for s in gap.suggestions.prefix(5) { out += "   · " + d.suggestion(s) + "\n" }
            if explain, let why { out += lines(d.why(gap, why), indent: "   ") }
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
        return (date.map { EngineText.ifNothingChanges.format(language, self.date($0)) } ?? EngineText.timeCannot.text(language)) + "\n"
    }

    func plan(_ p: DevelopmentPlan, _ whys: [GapExplanation] = []) -> String {
        let d = words
        var out = EngineText.planOf.format(language, person(p.person), d.targetName(p.target), date(p.start)) + "\n"
        out += (p.eligibleOn.map { EngineText.withPlan.format(language, date($0)) } ?? EngineText.planCannot.text(language)) + "\n"
        out += nothingChanges(p.eligibleOnIfNothingChanges, eligible: p.report.eligible)
        out += "\n\(Str.planSteps.text(language)):\n"
        if p.steps.isEmpty { out += "  " + EngineText.noSteps.text(language) + "\n" }
        for (i, s) in p.steps.enumerated() {
            out += "\(i + 1). \(date(s.start)) – \(date(s.end)) (\(d.months(s.months))): \(d.step(s))"
            out += (s.field.map { ", \(d.fieldName($0))" } ?? "") + "\n"
            if !s.closes.isEmpty {
                let titles = s.closes.map { id in p.report.gaps.first { $0.id == id }.map(d.gapTitle) ?? id }
                out += "   \(EngineText.closes.text(language)): " + titles.joined(separator: ", ") + "\n"
            }
        }
        let open = p.report.gaps.indices.filter { g in !p.steps.contains { $0.closes.contains(p.report.gaps[g].id) } }
        if !open.isEmpty {
            out += "\n"
            for g in open {
                let gap = p.report.gaps[g]
                out += "· " + d.gapLine(gap) + marker(g < whys.count ? whys[g] : nil) + " — " + d.closing(gap) + "\n"
                for line in advice(gap) { out += "  " + line + "\n" }
            }
        }
        let marked = p.report.gaps.indices.filter { g in !open.contains(g) && g < whys.count && whys[g].restsOnDefault }
        if !marked.isEmpty {
            out += "\n" + Str.toConfirm.text(language) + ": " + marked.map { d.gapTitle(p.report.gaps[$0]) }.joined(separator: ", ") + "\n"
        }
        return out + obligations(p.report.obligations)
    }

    func paths(person: Person, on: CivilDate, _ paths: [ReachableTarget]) -> String {
        var out = EngineText.pathsOf.format(language, self.person(person), date(on)) + "\n"
        if paths.isEmpty { return out + EngineText.noPaths.text(language) + "\n" }
        for p in paths {
            let route = EngineText.route(p.route).text(language) + (p.onPromotion ? " (\(EngineText.onPromotion.text(language)))" : "")
            out += "\n· \(p.target.name(in: catalog, language)) [\(p.target.id)] — \(route)\n"
            let nothing = p.eligibleOnIfNothingChanges.map(date) ?? "–"
            let plan = p.eligibleOnWithPlan.map(date) ?? "–"
            out += "  " + EngineText.pathDates.format(language, String(p.gapCount), nothing, plan) + "\n"
        }
        return out
    }
}
