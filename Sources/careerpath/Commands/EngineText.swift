import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore

// The engine commands' text output.

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
