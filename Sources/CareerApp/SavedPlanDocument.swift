import CareerCatalog
import CareerEngine

/// A saved plan as a printable individual development plan (Markdown, or HTML for A4 with a Thai
/// font): the person's name, unit and position, the target, each step with its dates, method and
/// progress, the status and approval date, the comments, and signature blocks for the employee and
/// the supervisor. Names, not ids. Pure: the TUI's export and `careerpath plan --saved` write it.
public struct SavedPlanDocument: Sendable {
    public var plan: SavedPlan
    public var person: Person
    public var supervisor: Person?
    public var catalog: Catalog
    public var language: Language
    /// People the notes and confirmations name (the supervisor chain).
    public var people: [Person]

    public init(plan: SavedPlan, person: Person, supervisor: Person?, catalog: Catalog, language: Language, people: [Person] = []) {
        self.plan = plan; self.person = person; self.supervisor = supervisor; self.catalog = catalog
        self.language = language; self.people = people
    }

    var d: Describe { Describe(catalog: catalog, language: language, people: [person] + (supervisor.map { [$0] } ?? []) + people) }
    func t(_ s: Str) -> String { s.text(language) }

    var targetName: String { (try? Target.parse(plan.target, in: catalog)).map(d.targetName) ?? plan.target }

    /// Label and value rows of the heading block.
    var facts: [(String, String)] {
        var rows: [(String, String)] = [
            (t(.mdPerson), person.name(language)),
            (t(.docPosition), "\(d.lineName(person.jobLine)) · \(d.levelLabel(person.level))"),
            (t(.unit), d.unitName(person.unit)),
            (t(.planTarget), targetName),
            (t(.docStatus), "\(Str.status(plan.planStatus).text(language)) · \(Str.planVersion.format(language, String(plan.version)))"),
        ]
        if let approved = plan.approvedAt.flatMap(Self.day) { rows.append((t(.docApprovedOn), d.date(approved))) }
        if let supervisor { rows.append((t(.supervisor), supervisor.name(language))) }
        return rows
    }

    /// One step's cells: number, method, where, from, to, actual start, actual end, confirmed by.
    var stepRows: [[String]] {
        plan.steps.map { s in
            var place = ""
            if let unit = s.unit { place = d.unitName(unit) }
            if let course = s.course { place = d.courseName(course) }
            if let group = s.workingGroup { place = d.groupName(group) }
            if let field = s.field, s.course == nil { place += (place.isEmpty ? "" : " · ") + d.fieldName(field) }
            return [String(s.position + 1), d.methodName(s.method), place,
                    s.start.map { d.date($0) } ?? "", s.end.map { d.date($0) } ?? "",
                    s.startedOn.map { d.date($0) } ?? "", s.completedOn.map { d.date($0) } ?? "",
                    s.confirmedBy.map(d.personName) ?? ""]
        }
    }

    var stepHeader: [String] {
        [t(.mdNo), t(.mdMethod), t(.mdWhere), t(.stepFrom), t(.stepTo), t(.docStarted), t(.docCompleted), t(.docConfirmed)]
    }

    /// The local day of a store timestamp (`2026-06-01T08:00:00Z`).
    static func day(_ stamp: String) -> CivilDate? { DateText.day(ofStamp: stamp) }

    public func markdown() -> String {
        var out = "# \(t(.mdTitle)): \(targetName)\n\n"
        for (label, value) in facts { out += "- \(label): \(value)\n" }
        out += "\n## \(t(.mdSteps)) (\(plan.steps.count))\n\n"
        if plan.steps.isEmpty {
            out += "\(t(.planEmpty))\n"
        } else {
            out += "| " + stepHeader.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: "---|", count: stepHeader.count) + "\n"
            for row in stepRows { out += "| " + row.map(PlanMarkdown.escape).joined(separator: " | ") + " |\n" }
        }
        out += "\n## \(t(.docComments))\n\n"
        out += plan.notes.isEmpty ? "\(t(.docNoComments))\n" : plan.notes.map { "- \(d.note($0))\n" }.joined()
        out += "\n## \(t(.docSignatures))\n\n"
        for (role, name) in [(t(.docSignPerson), person.name(language)), (t(.docSignSupervisor), supervisor?.name(language) ?? "")] {
            out += "\(role): ........................................ (\(name))  \(t(.docDate)): ................\n\n"
        }
        return out
    }

    /// A self-contained HTML page for printing on A4 (a Thai font named first, then fallbacks).
    public func html() -> String {
        func e(_ s: String) -> String {
            s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;").replacingAll("\"", with: "&quot;")
        }
        var out = """
            <!DOCTYPE html>
            <html lang="\(language == .th ? "th" : "en")"><head><meta charset="utf-8">
            <title>\(e(t(.mdTitle))) — \(e(person.name(language)))</title>
            <style>
            @page { size: A4; margin: 15mm; }
            body { font-family: "TH Sarabun New", "Sarabun", "Noto Sans Thai", "Noto Serif Thai", "Garuda", "Loma", sans-serif; font-size: 10pt; line-height: 1.25; color: #000; margin: 0; }
            h1 { font-size: 14pt; margin: 0 0 4pt; } h2 { font-size: 11.5pt; margin: 8pt 0 3pt; }
            table { border-collapse: collapse; width: 100%; } td, th { border: 0.5pt solid #444; padding: 1pt 3pt; vertical-align: top; font-size: 8.5pt; }
            td.date, th.date { white-space: nowrap; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0 10pt; margin: 0; } dt { font-weight: bold; } dd { margin: 0; }
            ul { margin: 0; padding-left: 14pt; } li { font-size: 9pt; }
            .signatures { display: flex; gap: 20mm; margin-top: 4mm; break-inside: avoid; } .signatures div { flex: 1; text-align: center; font-size: 9pt; }
            .line { border-bottom: 0.5pt dotted #000; height: 9mm; }
            </style></head><body>
            <h1>\(e(t(.mdTitle))): \(e(targetName))</h1>
            <dl>
            """
        out += "\n"
        for (label, value) in facts { out += "<dt>\(e(label))</dt><dd>\(e(value))</dd>\n" }
        out += "</dl>\n<h2>\(e(t(.mdSteps))) (\(plan.steps.count))</h2>\n"
        if plan.steps.isEmpty {
            out += "<p>\(e(t(.planEmpty)))</p>\n"
        } else {
            // Columns 3–6 are dates: kept on one line.
            func cell(_ tag: String, _ i: Int, _ text: String) -> String {
                (3...6).contains(i) ? "<\(tag) class=\"date\">\(e(text))</\(tag)>" : "<\(tag)>\(e(text))</\(tag)>"
            }
            out += "<table><thead><tr>" + stepHeader.enumerated().map { cell("th", $0.offset, $0.element) }.joined() + "</tr></thead><tbody>\n"
            for row in stepRows { out += "<tr>" + row.enumerated().map { cell("td", $0.offset, $0.element) }.joined() + "</tr>\n" }
            out += "</tbody></table>\n"
        }
        out += "<h2>\(e(t(.docComments)))</h2>\n"
        out += plan.notes.isEmpty ? "<p>\(e(t(.docNoComments)))</p>\n"
            : "<ul>\n" + plan.notes.map { "<li>\(e(d.note($0)))</li>\n" }.joined() + "</ul>\n"
        out += "<h2>\(e(t(.docSignatures)))</h2>\n<div class=\"signatures\">\n"
        for (role, name) in [(t(.docSignPerson), person.name(language)), (t(.docSignSupervisor), supervisor?.name(language) ?? "")] {
            out += "<div><div class=\"line\"></div>(\(e(name)))<br>\(e(role))<br>\(e(t(.docDate))) ......................</div>\n"
        }
        out += "</div>\n</body></html>\n"
        return out
    }

    /// `plan-PERSON-TARGET-vN.md` / `.html` (ids only, safe in any folder).
    public static func fileName(_ plan: SavedPlan, extension ext: String) -> String {
        let safe = plan.target.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return "plan-\(plan.personID)-\(String(safe))-v\(plan.version).\(ext)"
    }
}

extension Str {
    /// The words for a plan's status.
    static func status(_ status: PlanStatus) -> Str {
        switch status {
        case .draft: .planStatusDraft
        case .submitted: .planStatusSubmitted
        case .approved: .planStatusApproved
        case .returned: .planStatusReturned
        case .inProgress: .planStatusInProgress
        case .done: .planStatusDone
        case .superseded: .planStatusSuperseded
        }
    }

    /// The word for a note's action (`PlanNote.action`).
    static func note(_ action: String) -> Str {
        switch action {
        case "submit": .noteSubmit
        case "approve": .noteApprove
        case "return": .noteReturn
        case "progress": .noteProgress
        case "confirm": .noteConfirm
        default: .noteComment
        }
    }
}

extension Str {
    /// The question a confirmation asks before `action`.
    static func question(_ action: AppAction) -> Str { action == .clearPlan ? .confirmClear : .confirmAdopt }
}

extension Str {
    /// Why an export was not written, in `language`.
    static func exportProblem(_ problem: ExportProblem, _ language: Language) -> String {
        switch problem {
        case .noFolder(let folder): exportNoFolder.format(language, folder)
        case .cannotWrite(let path, let reason): exportCannotWrite.format(language, path, reason)
        case .notAudited(let path, let why): exportNotAudited.format(language, path, why.text(language))
        }
    }
}
