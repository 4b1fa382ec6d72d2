import CareerCatalog
import CareerEngine

/// A development plan as Markdown, for `e` (export) on the Plan screen: the person, the target,
/// the dates (B.E. in Thai), the gaps at the start and the steps in order.
public enum PlanMarkdown {
    /// The Markdown text; pure (the runner writes it to a file).
    public static func render(_ plan: DevelopmentPlan, catalog: Catalog, language: Language) -> String {
        let d = Describe(catalog: catalog, language: language)
        let person = plan.person
        var out = "# \(d.t(.mdTitle)): \(d.targetName(plan.target))\n\n"
        out += "- \(d.t(.mdPerson)): \(person.name(language)) (\(person.id))\n"
        out += "- \(d.t(.jobLine)): \(d.lineName(person.jobLine)) · \(d.levelLabel(person.level))\n"
        out += "- \(d.t(.unit)): \(d.unitName(person.unit))\n"
        out += "- \(d.t(.planTarget)): \(d.targetName(plan.target)) (`\(plan.target.id)`)\n"
        out += "- \(d.t(.planStart)): \(d.date(plan.start))\n"
        out += "- \(d.t(.ifNothingChanges)): \(d.dateOrNotInReach(plan.eligibleOnIfNothingChanges))\n"
        out += "- \(d.t(.projectedEligible)): \(d.dateOrNotInReach(plan.eligibleOn))\n"
        out += "\n## \(d.t(.mdGaps)) (\(plan.report.gaps.count))\n\n"
        if plan.report.gaps.isEmpty { out += "\(d.t(.noGaps))\n" }
        for gap in plan.report.gaps {
            out += "- \(escape(d.gapLine(gap)))\n"
        }
        out += "\n## \(d.t(.mdSteps)) (\(plan.steps.count))\n\n"
        if plan.steps.isEmpty {
            out += "\(d.t(.planEmpty))\n"
        } else {
            out += "| \(d.t(.mdNo)) | \(d.t(.mdMethod)) | \(d.t(.mdWhere)) | \(d.t(.stepFrom)) | \(d.t(.stepTo)) | \(d.t(.mdCloses)) |\n"
            out += "|---|---|---|---|---|---|\n"
            let gaps = Dictionary(plan.report.gaps.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for (i, step) in plan.steps.enumerated() {
                let closes = step.closes.map { id in gaps[id].map(d.gapTitle) ?? id }.joined(separator: ", ")
                out += "| \(i + 1) | \(escape(d.methodName(step.method))) | \(escape(d.place(step.place))) | \(d.date(step.start)) | \(d.date(step.end)) | \(escape(closes)) |\n"
            }
        }
        return out
    }

    /// The file name an export goes to: `plan-PERSON-TARGET.md` (ids only, safe in any folder).
    public static func fileName(_ plan: DevelopmentPlan) -> String {
        let safe = plan.target.id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return "plan-\(plan.person.id)-\(String(safe)).md"
    }

    /// Pipes would break a table cell.
    static func escape(_ text: String) -> String { text.replacingAll("|", with: "\\|") }
}
