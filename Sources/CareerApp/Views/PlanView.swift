import CareerCatalog
import CareerEngine
import TerminalUI

/// Plan: every suggestion grouped by gap, picked with Space/Enter; the projected
/// earliest-eligibility date and the steps in order on the right.
enum PlanView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        render(state, session: state.session, in: layout.body, focusedPane: state.focusedPane, active: state.modal == nil, &grid)
    }

    /// The Plan view of `session` in `area`: the Plan screen draws it over the body, supervisor
    /// mode's comparison once per person.
    static func render(_ state: AppState, session: PersonSession?, in area: Rect, focusedPane: Int, active: Bool, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let parts = area.rows([.fixed(2), .rest])
        let summary = parts[0]
        let columns = parts[1].columns([.ratio(3, 5), .rest])
        let listInner = drawPane(&grid, columns[0], title: Str.paneSuggestions.text(language), focused: active && focusedPane == 0, glyphs: glyphs)
        // "My plan" only for the viewer's own: a supervisor reading a subordinate sees whose plan it is.
        let planTitle = session.map { state.isOthersRecord($0) ? Str.panePlanOf.format(language, $0.person.name(language)) : nil }
            ?? nil
        let summaryInner = drawPane(&grid, columns[1], title: planTitle ?? Str.panePlanSummary.text(language),
                                    focused: active && focusedPane == 1, glyphs: glyphs)
        guard let session else {
            drawCentered(&grid, Str.noPerson.text(language), in: listInner)
            return
        }
        guard let report = session.report else {
            put(&grid, Str.noTarget.text(language), summary.row(0), style: .title, glyphs: glyphs)
            drawCentered(&grid, Str.chooseTargetHint.text(language), in: listInner)
            // The person's plans toward any target, with their status.
            let d = Describe(catalog: state.catalog, language: language)
            drawLines(&grid, wrap(PlanText.plansLines(session, d: d, language: language), width: summaryInner.width), summaryInner,
                      offset: 0, glyphs: glyphs)
            return
        }
        let d = Describe(catalog: state.catalog, language: language, people: session.context.supervisorChain)
        put(&grid, d.fitting(summary.width) { "\(Str.planTarget.text(language)): \($0.targetName(report.target)) · \(Str.picked.format(language, String(session.picks.count)))" },
            summary.row(0), style: Style(fg: .title, bold: true), glyphs: glyphs)
        let projected = session.projection?.eligibleOn
        let improved = projected.map { p in report.eligibleOnIfNothingChanges.map { p < $0 } ?? true } ?? false
        let dates = GapsView.fitSegments(["\(Str.ifNothingChanges.text(language)): \(d.dateOrNotInReach(report.eligibleOnIfNothingChanges))",
                                          "\(Str.projectedEligible.text(language)): \(d.dateOrNotInReach(projected))"],
                                         last: "\(Str.withPlanShort.text(language)): \(d.dateOrNotInReach(projected))", width: summary.width)
        put(&grid, dates, summary.row(1), style: improved ? Style(fg: .good, bold: true) : .normal, glyphs: glyphs)

        let rows = session.planRows
        drawRows(&grid, listInner, count: rows.count, state: session.planList, focused: active && focusedPane == 0, glyphs: glyphs) { i, rect, grid in
            let row = rows[i]
            let gap = report.gaps[row.gap]
            if row.kind == .heading {
                let mark = GapsView.restsOnDefault(session, gap) ? " " + Str.toConfirmMark.text(language) : ""
                put(&grid, "\(d.gapTitle(gap))\(mark) · \(d.gapStanding(gap))", rect, style: Style(fg: .title, bold: true), glyphs: glyphs)
                return
            }
            let s = gap.suggestions[row.suggestion]
            let picked = session.isPicked(gap, s)
            let box = picked ? " [x] " : " [ ] "
            put(&grid, box + d.fitting(rect.width - TextWidth.of(box)) { $0.suggestion(s) }, rect,
                style: picked ? Style(fg: .good) : .normal, glyphs: glyphs)
        }
        if rows.isEmpty { drawCentered(&grid, Str.noGaps.text(language), in: listInner, style: .good) }
        drawLines(&grid, wrap(PlanText.summaryLines(session, catalog: state.catalog, language: language), width: summaryInner.width),
                  summaryInner, offset: session.summaryOffset, glyphs: glyphs)
    }

}

/// The plan summary pane's text: drawn by `PlanView` (and supervisor mode), and counted by
/// `update` for the pane's scroll limit.
enum PlanText {
    /// The right pane: dates, then each step "from – to" with its method and place; the meaning of
    /// the "to confirm" mark when a gap shows it; an executive post's obligations after appointment.
    static func summaryLines(_ session: PersonSession, catalog: Catalog, language: Language) -> [StyledLine] {
        let d = Describe(catalog: catalog, language: language, people: session.context.supervisorChain)
        guard let plan = session.projection else { return [] }
        var tail: [StyledLine] = []
        if let report = session.report {
            let marked = zip(report.gaps, session.toConfirm).contains { gap, toConfirm in toConfirm && !gap.suggestions.isEmpty }
            if marked { tail.append(StyledLine(Str.toConfirmMark.text(language) + " " + Str.toConfirm.text(language), Style(fg: .warning))) }
            tail += WhyText.styled(d.obligations(report.obligations), language: language)
        }
        var lines: [StyledLine] = [
            StyledLine(Str.projectedEligible.text(language), Style(fg: .title, bold: true)),
            StyledLine(" " + d.dateOrNotInReach(plan.eligibleOn), Style(fg: plan.eligibleOn == nil ? .warning : .good, bold: true)),
            StyledLine(Str.withSuggestedPlan.text(language) + ": "
                       + (session.suggestedPlan?.eligibleOn.map { d.wrappedDate($0) } ?? d.dateOrNotInReach(nil)), .muted),
            StyledLine(Str.planSteps.text(language) + " (\(plan.steps.count))", Style(fg: .title, bold: true)),
        ]
        if plan.steps.isEmpty { lines.append(StyledLine(" " + Str.planEmpty.text(language), .muted)) }
        for step in plan.steps {
            lines.append(StyledLine("\(d.wrappedDate(step.start)) – \(d.wrappedDate(step.end))", Style(fg: .accent)))
            lines.append(StyledLine("  " + d.step(step)))
        }
        let names = Describe(catalog: catalog, language: language, people: session.context.supervisorChain + session.savedPlanAuthors)
        return savedPlanLines(session, d: names, language: language) + lines + tail
    }

    /// The saved plan's status and version, its steps' progress and its notes (decisions and
    /// comments shown to the employee), above the projection; nothing when none was saved.
    static func savedPlanLines(_ session: PersonSession, d: Describe, language: Language) -> [StyledLine] {
        guard let saved = session.savedPlan else { return plansLines(session, d: d, language: language) }
        let status = saved.planStatus
        let colour: ColorRole = status == .approved || status == .done ? .good : status == .returned ? .warning : .accent
        var lines = [StyledLine(Str.planStatusLine.format(language, Str.status(status).text(language), String(saved.version)),
                                Style(fg: colour, bold: true))]
        for note in saved.notes where note.action != "progress" {
            lines.append(StyledLine(" " + d.note(note, wrapped: true), note.action == "return" ? Style(fg: .warning) : .muted))
        }
        // Each step's progress: started, completed, confirmed into the record.
        for step in saved.steps where step.startedOn != nil {
            let mark = step.isConfirmed ? " " + Str.checkMark.text(language) : ""
            lines.append(StyledLine(" " + Str.progressStep.format(language, String(step.position + 1), d.methodName(step.method),
                                                                  step.startedOn.map { d.wrappedDate($0) } ?? "–",
                                                                  step.completedOn.map { d.wrappedDate($0) } ?? "–") + mark,
                                    step.isConfirmed ? Style(fg: .good) : .muted))
        }
        return lines + plansLines(session, d: d, language: language)
    }

    /// The person's plans across targets and versions (newest first), with their status; the one
    /// toward the current target marked. Nothing until read, or with one plan that is the current one.
    static func plansLines(_ session: PersonSession, d: Describe, language: Language) -> [StyledLine] {
        guard let plans = session.allPlans, !plans.isEmpty,
              plans.count > 1 || plans.first?.id != session.savedPlan?.id else { return [] }
        var lines = [StyledLine(Str.plansHeading.format(language, String(plans.count)), Style(fg: .title, bold: true))]
        for plan in plans {
            let target = (try? Target.parse(plan.target, in: d.catalog)).map(d.targetName) ?? plan.target
            let current = plan.id == session.savedPlan?.id ? " " + Str.plansCurrent.text(language) : ""
            lines.append(StyledLine(" " + Str.plansRow.format(language, target, Str.status(plan.planStatus).text(language), String(plan.version)) + current,
                                    plan.planStatus == .superseded ? .muted : .normal))
        }
        return lines
    }
}
