import CareerCatalog
import CareerEngine
import TerminalUI

/// Where the supervisor screen's parts go inside the body.
struct SupervisorLayout {
    let body: Rect
    var columns: [Rect] { body.columns([body.width < 100 ? .ratio(1, 2) : .ratio(9, 20), .rest]) }
    var left: Rect { columns[0] }
    var right: Rect { columns[1] }
    /// Inside the left box: the filter/scope line, then the table.
    var leftHeader: Rect { left.inset(by: 1).row(0) }
    var table: Rect {
        let inner = left.inset(by: 1)
        return Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
    }
    /// Inside the right box: gaps on top, the plan below.
    var rightParts: [Rect] {
        let inner = right.inset(by: 1)
        return inner.rows([.rest, .fixed(min(8, max(4, inner.height / 3)))])
    }
}

/// Supervisor mode: the subordinates table on the left, the selected person's gaps and plan on
/// the right (the Gaps view and the plan summary of the individual screens), a side-by-side
/// comparison, and the succession pools of the director posts.
enum SupervisorView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        let l = SupervisorLayout(body: layout.body)
        guard let sup = state.supervisor else {
            drawPane(&grid, layout.body, title: SupText.title.text(state.language), focused: false, glyphs: state.glyphs)
            drawCentered(&grid, SupText.noSubordinates.text(state.language), in: layout.body.inset(by: 1))
            return
        }
        switch sup.mode {
        case .split:
            renderList(state, sup, l, &grid)
            renderRight(state, sup, l, &grid)
        case .compare(let a, let b):
            let halves = layout.body.columns([.ratio(1, 2), .rest])
            renderPerson(state, sup, a, halves[0], &grid)
            renderPerson(state, sup, b, halves[1], &grid)
        case .succession:
            renderSuccession(state, sup, l, &grid)
        }
    }

    static func badge(_ band: SuccessionBand?, _ language: Language) -> String { SupText.ready(band).text(language) }

    static func badgeStyle(_ band: SuccessionBand?) -> Style {
        switch band {
        case .readyNow?: return Style(fg: .good, bold: true)
        case .withinTwoYears?: return Style(fg: .warning)
        default: return .muted
        }
    }

    static func renderList(_ state: AppState, _ sup: SupervisorState, _ l: SupervisorLayout, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let active = state.modal == nil
        let focused = active && state.focusedPane == 0
        let scope = sup.wholeChain ? SupText.chain.text(language) : SupText.direct.text(language)
        drawPane(&grid, l.left, title: SupText.subordinates.format(language, String(sup.visible.count)) + " · " + scope,
                 focused: focused, glyphs: glyphs)
        if case .filter? = sup.input {
            InputField(label: SupText.filterLabel.text(language), state: sup.filter, focused: true, placeholder: "",
                       glyphs: glyphs).render(in: l.leftHeader, grid: &grid)
        } else {
            let post = state.chosenPost.map { SupText.postBadge.format(language, $0.name.text(language)) } ?? ""
            let filter = sup.filter.text.isEmpty ? "" : "/" + sup.filter.text + " · "
            // Sorted by a column too narrow to show: the sort says so here.
            let hidden = (sup.sortColumn == .line && !showsLineColumn(l)) || (sup.sortColumn == .timeInLevel && !showsTimeColumn(l))
                ? sortMark(glyphs) + SupText.column(sup.sortColumn).text(language) + " · " : ""
            put(&grid, hidden + filter + post, l.leftHeader, style: .muted, glyphs: glyphs)
        }
        guard sup.loaded else { drawCentered(&grid, SupText.loading.text(language), in: l.table); return }
        guard !sup.visible.isEmpty else { drawCentered(&grid, SupText.noSubordinates.text(language), in: l.table); return }
        let d = Describe(catalog: state.catalog, language: language)
        let wide = showsLineColumn(l)
        var columns: [(SubordinateColumn, LayoutSize, TextAlignment)] = [(.name, .rest, .leading)]
        if wide { columns.append((.line, .ratio(1, 4), .leading)) }
        columns.append((.level, .fixed(5), .leading))
        if showsTimeColumn(l) { columns.append((.timeInLevel, .fixed(8), .trailing)) }
        columns += [(.nextLevel, .fixed(7), .leading), (.post, .fixed(8), .leading)]
        // The mark leads the heading, so a heading cut to its column keeps it.
        let table = columns.map { c in
            TableColumn((c.0 == sup.sortColumn ? sortMark(glyphs) : "") + SupText.column(c.0).text(language), width: c.1, alignment: c.2)
        }
        let rowsShown = TableView.bodyRows(in: l.table)
        let first = sup.list.visibleOffset(rows: rowsShown, count: sup.visible.count)
        let shown = sup.visible.dropFirst(first).prefix(rowsShown).map { i -> TableRow in
            let r = sup.rows[i]
            let indent = String(repeating: " ", count: max(0, r.depth - 1))
            let mark = sup.marked == r.person.id ? (glyphs == .ascii ? "* " : "◆ ") : ""
            var cells: [String] = [indent + mark + r.person.name(language)]
            if wide { cells.append(d.lineName(r.person.jobLine)) }
            cells.append(r.person.level)
            if showsTimeColumn(l) {
                cells.append(SupText.yearsMonths.format(language, String(r.monthsInLevel / 12), String(r.monthsInLevel % 12)))
            }
            cells += [r.nextLevel == nil ? "·" : badge(r.nextLevelBand, language), badge(r.postBand, language)]
            return TableRow(cells)
        }
        var window = sup.list
        if let s = window.selected { window.selected = s - first }
        window.offset = 0
        TableView(columns: table, rows: shown, state: window,
                  highlight: focused ? .selection : Style(bold: true, reverse: true), focused: true, glyphs: glyphs).render(in: l.table, grid: &grid)
        // Colour the badges (the table draws a row in one style).
        let cellRects = l.table.row(0).columns(table.map(\.width), spacing: 1)
        for (line, i) in sup.visible.dropFirst(first).prefix(rowsShown).enumerated() where sup.list.selected != first + line {
            let r = sup.rows[i]
            let y = l.table.y + 1 + line
            for (k, band) in [(cellRects.count - 2, r.nextLevelBand), (cellRects.count - 1, r.postBand)] where k >= 0 {
                let rect = cellRects[k]
                grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1)) { $0 = badgeStyle(band) }
            }
        }
    }

    static func sortMark(_ glyphs: Glyphs) -> String { glyphs == .ascii ? "^" : "▲" }

    /// The table has room for the job line column.
    static func showsLineColumn(_ l: SupervisorLayout) -> Bool { l.table.width >= 64 }

    /// The table has room for the time-in-level column and still 14 cells for names.
    static func showsTimeColumn(_ l: SupervisorLayout) -> Bool { l.table.width >= 48 }

    static func renderRight(_ state: AppState, _ sup: SupervisorState, _ l: SupervisorLayout, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let focused = state.modal == nil && state.focusedPane == 1
        let name = sup.selected?.person.name(language) ?? ""
        drawPane(&grid, l.right, title: SupText.selected.format(language, name), focused: focused, glyphs: glyphs)
        let parts = l.rightParts
        guard let row = sup.selected else { return }
        guard let session = sup.sessions[row.person.id] else {
            drawCentered(&grid, SupText.loadingPerson.text(language), in: l.right.inset(by: 1))
            return
        }
        if case .assess? = sup.input, let form = sup.assessment {
            AssessmentView.render(state, form, session, l.right.inset(by: 1), &grid)
            return
        }
        GapsView.render(state, session: session, in: parts[0], focusedPane: focused ? 0 : -1, active: focused,
                        showDetail: parts[0].width >= 64, &grid)
        renderPlanBox(state, sup, session, parts[1], &grid)
    }

    /// The plan in short: the projected date (the Plan screen's summary) and the saved plan's
    /// status, author and latest comment; or the comment being typed.
    static func renderPlanBox(_ state: AppState, _ sup: SupervisorState, _ session: PersonSession, _ area: Rect, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        guard !area.isEmpty else { return }
        put(&grid, String(repeating: String(glyphs.box.horizontal), count: area.width), area.row(0), style: .muted, glyphs: glyphs)
        put(&grid, " " + Str.screenPlan.text(language) + " ", area.row(0), x: 1, style: Style(fg: .title, bold: true), glyphs: glyphs)
        var lines: [StyledLine] = []
        let summary = PlanText.summaryLines(session, catalog: state.catalog, language: language)
        if summary.count >= 2 {
            // The date kept whole when the line wraps.
            let date = summary[1].text.replacingOccurrences(of: " ", with: "\u{00A0}").replacingOccurrences(of: "^\u{00A0}", with: " ", options: .regularExpression)
            lines.append(StyledLine(summary[0].text + ":" + date, summary[1].style))
        }
        switch sup.plans[session.person.id] {
        case .some(.some(let plan)):
            let names = state.supervisorPeopleNames(session)
            let day = plan.statusAt.flatMap { DateText.day(ofStamp: $0) }.map { names.wrappedDate($0) } ?? ""
            let who = plan.statusBy.map { SupText.by.format(language, names.personName($0), day) } ?? ""
            let target = (try? Target.parse(plan.target, in: state.catalog)).map(names.targetName) ?? plan.target
            lines.append(StyledLine("\(SupText.savedPlan.text(language)): \(target) · \(Str.status(plan.planStatus).text(language)) \(who) · \(SupText.steps.format(language, String(plan.stepCount)))",
                                    Style(fg: plan.status == "approved" ? .good : plan.status == "returned" ? .warning : .accent, bold: true)))
            // A completed step waiting for the supervisor: `f` confirms it into the record.
            if plan.planStatus.isUnderWay, let step = plan.steps.first(where: { $0.completedOn != nil && !$0.isConfirmed }),
               let completed = step.completedOn {
                lines.append(StyledLine(Str.stepAwaitsConfirmation.format(language, String(step.position + 1), names.methodName(step.method),
                                                                          names.date(completed)), Style(fg: .warning, bold: true)))
            }
            for note in plan.notes.suffix(2) where !names.noteBody(note).isEmpty {
                lines.append(StyledLine("  " + names.note(note, wrapped: true), .muted))
            }
        case .some(.none):
            lines.append(StyledLine(SupText.noSavedPlan.text(language), .muted))
        case .none:
            lines.append(StyledLine(SupText.loadingPerson.text(language), .muted))
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
        if case .comment(let kind)? = sup.input {
            let fieldRow = body.row(max(0, body.height - 1))
            drawLines(&grid, wrap(lines, width: body.width), Rect(x: body.x, y: body.y, width: body.width, height: max(0, body.height - 1)), offset: 0, glyphs: glyphs)
            InputField(label: SupText.commentLabel(kind).text(language), state: sup.comment, focused: true,
                       placeholder: SupText.inputHint.text(language), glyphs: glyphs).render(in: fieldRow, grid: &grid)
        } else {
            drawLines(&grid, wrap(lines, width: body.width), body, offset: 0, glyphs: glyphs)
        }
    }

    /// One person of a comparison: header, badges, and their gaps (the Gaps view's list).
    static func renderPerson(_ state: AppState, _ sup: SupervisorState, _ id: String, _ area: Rect, _ grid: inout CellGrid) {
        let language = state.language
        let row = sup.row(id)
        let inner = drawPane(&grid, area, title: SupText.compareTitle.text(language) + ": " + (row?.person.name(language) ?? id),
                             focused: false, glyphs: state.glyphs)
        guard let row, let session = sup.sessions[id] else {
            drawCentered(&grid, SupText.loadingPerson.text(language), in: inner)
            return
        }
        let d = Describe(catalog: state.catalog, language: language)
        let head = "\(d.lineName(row.person.jobLine)) \(row.person.level) · \(SupText.yearsMonths.format(language, String(row.monthsInLevel / 12), String(row.monthsInLevel % 12)))"
        put(&grid, head, inner.row(0), style: Style(fg: .title, bold: true), glyphs: state.glyphs)
        let badges = "\(SupText.column(.nextLevel).text(language)): \(badge(row.nextLevelBand, language)) · \(SupText.column(.post).text(language)): \(badge(row.postBand, language))"
        put(&grid, badges, inner.row(1), glyphs: state.glyphs)
        let rest = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
        GapsView.render(state, session: session, in: rest, focusedPane: -1, active: false, showDetail: false, &grid)
    }

    static func renderSuccession(_ state: AppState, _ sup: SupervisorState, _ l: SupervisorLayout, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let active = state.modal == nil
        let posts = state.supervisorPosts
        let columns = l.body.columns([.ratio(2, 5), .rest])
        let leftInner = drawPane(&grid, columns[0], title: SupText.posts.text(language), focused: active && state.focusedPane == 0, glyphs: glyphs)
        drawRows(&grid, leftInner, count: posts.count, state: sup.posts, focused: active && state.focusedPane == 0, glyphs: glyphs) { i, rect, grid in
            let risk = sup.pools[posts[i].id]?.isRisk == true ? " !" : ""
            put(&grid, posts[i].name.text(language) + risk, rect, glyphs: glyphs)
        }
        let pool = state.selectedPool
        let title = SupText.pool.format(language, pool?.post.name.text(language) ?? "")
        let rightInner = drawPane(&grid, columns[1], title: title, focused: active && state.focusedPane == 1, glyphs: glyphs)
        guard let pool else { return }
        if pool.candidates.isEmpty {
            drawCentered(&grid, SupText.noCandidates.text(language), in: rightInner, style: Style(fg: .warning))
            return
        }
        let d = Describe(catalog: state.catalog, language: language)
        let table = [TableColumn(SupText.rank.text(language), width: .fixed(3), alignment: .trailing),
                     TableColumn(SupText.column(.name).text(language), width: .rest),
                     TableColumn(SupText.column(.level).text(language), width: .fixed(4)),
                     TableColumn(SupText.column(.post).text(language), width: .fixed(8)),
                     TableColumn(Str.colEligible.text(language), width: .fixed(12))]
        let rows = pool.candidates.map { c in
            TableRow([String(c.rank), c.person.name(language), c.person.level, badge(c.band, language), d.date(c.eligibleOn)],
                     style: badgeStyle(c.band))
        }
        TableView(columns: table, rows: rows, state: sup.pool, focused: active && state.focusedPane == 1, glyphs: glyphs)
            .render(in: rightInner, grid: &grid)
        if pool.isRisk, rightInner.height > 2 {
            put(&grid, "! " + SupText.risk.text(language), rightInner.row(rightInner.height - 1), style: Style(fg: .bad, bold: true), glyphs: glyphs)
        }
    }
}
