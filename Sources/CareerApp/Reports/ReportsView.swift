import CareerCatalog
import CareerEngine
import TerminalUI

/// The Reports screen: the report tabs on top, then the usage form (a cursor on its rows, ticks
/// and text filled in, the appendix below) or another report as lines. Every report is worded
/// by `ReportLayout`, as the printed ones are.
enum ReportsView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        let area = layout.body
        guard let r = state.reports else { return }
        let language = state.language
        let tabs = r.tabs.map { ReportStr.tab($0).text(language) }
        TabsView(titles: tabs, selected: r.tabs.firstIndex(of: r.tab) ?? 0, glyphs: state.glyphs)
            .render(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), grid: &grid)
        let pane = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
        let d = Describe(catalog: state.catalog, language: language)
        var title = "\(d.unitName(r.unit)) · " + ReportStr.fiscalYear.format(language, String(r.fiscalYear.buddhistEra))
        if let due = r.usage?.due { title += " · " + ReportStr.rollupDue.format(language, DateText.formatLong(due, language)) }
        if r.dirty { title += " · " + ReportStr.tuiUnsaved.text(language) }
        let inside = drawPane(&grid, pane, title: title, focused: true, glyphs: state.glyphs)
        let lines = self.lines(state, r, width: inside.width)
        guard !lines.isEmpty else {
            grid.put(text: ReportStr.tuiLoading.text(language), x: inside.x, y: inside.y, style: Style(fg: .muted), maxWidth: inside.width)
            return
        }
        // Keep the cursor's row in view on the form; scroll freely elsewhere.
        let cursorLine = lines.firstIndex { $0.row == r.cursor && r.tab == .usage } ?? 0
        var top = r.tab == .usage ? max(0, cursorLine - inside.height / 2) : min(r.offset, max(0, lines.count - inside.height))
        top = max(0, min(top, max(0, lines.count - inside.height)))
        for (i, line) in lines.dropFirst(top).prefix(inside.height).enumerated() {
            let selected = r.tab == .usage && line.row == r.cursor
            let style = selected ? Style(bg: .selection, bold: true) : line.style
            if selected { grid.fill(Rect(x: inside.x, y: inside.y + i, width: inside.width, height: 1), style: style) }
            var text = line.text
            if selected, let field = r.editing { text = line.prefix + field.text + "▏" }
            grid.put(text: text, x: inside.x, y: inside.y + i, style: style, maxWidth: inside.width)
        }
    }

    /// The unit choice over the screen (`u`): the filter, then the units' names (sub-units
    /// indented under their parent's name when unfiltered), the chosen one marked.
    static func renderUnitChoice(_ state: AppState, _ choice: UnitChoice, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language, glyphs = state.glyphs
        let d = Describe(catalog: state.catalog, language: language)
        let shown = choice.shown(state.catalog)
        let width = min(layout.size.width - 4, 76)
        let height = min(layout.body.height, max(shown.count, 1) + 5)
        let inner = ModalView(title: ReportStr.tuiUnitTitle.text(language), width: width, height: height, glyphs: glyphs)
            .render(in: layout.body, grid: &grid).inset(horizontal: 1, vertical: 0)
        guard inner.height >= 4 else { return }
        InputField(label: ReportStr.tuiUnitFilter.text(language), state: choice.filter, focused: true, placeholder: "", glyphs: glyphs)
            .render(in: inner.row(0), grid: &grid)
        let rows = inner.height - 3
        if shown.isEmpty {
            put(&grid, ReportStr.tuiUnitNone.text(language), inner.row(1), style: .muted, glyphs: glyphs)
        }
        let index = max(0, min(choice.index, shown.count - 1))
        let first = max(0, min(index - rows + 1, shown.count - rows))
        for (row, i) in (max(0, first)..<shown.count).prefix(rows).enumerated() {
            let chosen = i == index
            let name = (chosen ? glyphs.selectionMarker : "  ") + d.unitName(shown[i])
            put(&grid, name, inner.row(1 + row), style: chosen ? Style(fg: .accent, bold: true) : .normal, glyphs: glyphs)
        }
        put(&grid, ReportStr.tuiUnitHint.text(language), inner.row(inner.height - 1), style: .muted, glyphs: glyphs)
    }

    /// HR's due-date entry over the screen (`D`): the day as typed, why it was refused, the hint.
    static func renderDue(_ state: AppState, _ entry: DueEntry, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language, glyphs = state.glyphs
        let width = min(layout.size.width - 4, 76)
        let title = ReportStr.tuiDueTitle.format(language, String(entry.fiscalYear.buddhistEra))
        let inner = ModalView(title: title, width: width, height: 6, glyphs: glyphs)
            .render(in: layout.body, grid: &grid).inset(horizontal: 1, vertical: 0)
        guard inner.height >= 3 else { return }
        InputField(label: ReportStr.tuiDueLabel.text(language), state: entry.field, focused: true, placeholder: "", glyphs: glyphs)
            .render(in: inner.row(0), grid: &grid)
        if let problem = entry.problem {
            put(&grid, problem.text(language), inner.row(1), style: Style(fg: .warning, bold: true), glyphs: glyphs)
        }
        put(&grid, ReportStr.tuiDueHint.text(language), inner.row(inner.height - 1), style: .muted, glyphs: glyphs)
    }

    /// The status line's hint: the form's keys, then the unit and year (and for HR the due date).
    static func hint(_ r: ReportsState, _ language: Language) -> String {
        guard r.editing == nil else { return ReportStr.tuiEditHint.text(language) }
        var hint = ReportStr.tuiHint.text(language) + " · " + ReportStr.tuiHintChoices.text(language)
        if r.isHR { hint += " · " + ReportStr.tuiHintDue.text(language) }
        return hint
    }

    struct Line {
        var text: String
        var style = Style()
        /// The form row it shows (index into `UsageFormRow.all`).
        var row: Int?
        /// What precedes the editable text ("☐ Other (specify): ").
        var prefix = ""
    }

    static func lines(_ state: AppState, _ r: ReportsState, width: Int) -> [Line] {
        let layout = ReportLayout(catalog: state.catalog, language: state.language)
        let document: ReportDocument
        switch r.tab {
        case .usage:
            guard let usage = r.usage, let form = r.form else { return [] }
            document = layout.usage(UsageReport(form: form, figures: usage.figures, due: usage.due))
        default:
            switch r.content[r.tab] {
            case .needs(let x)?: document = layout.needs(x)
            case .impact(let x)?: document = layout.impact(x)
            case .curricula(let x)?: document = layout.curricula(x)
            case .rollup(let x)?: document = layout.rollup(x)
            default: return []
            }
        }
        return lines(document, width: width, language: state.language)
    }

    /// The document as lines; the form's checklist items, problems and signature lines carry
    /// their row, in `UsageFormRow.all` order.
    static func lines(_ doc: ReportDocument, width: Int, language: Language) -> [Line] {
        var out: [Line] = []
        var row = 0
        func wrap(_ text: String, _ style: Style = Style(), indent: String = "") {
            for (i, line) in LineBreaker().wrap(text, width: max(1, width - TextWidth.of(indent))).enumerated() {
                out.append(Line(text: (i == 0 ? "" : indent) + line, style: style))
            }
        }
        for block in doc.blocks {
            switch block {
            case .heading(let h): out.append(Line(text: "")); out.append(Line(text: h, style: Style(fg: .accent, bold: true)))
            case .paragraph(let p): wrap(p, Style(fg: .muted))
            case .checklist(let items):
                for item in items {
                    let prefix = (item.ticked ? "☑ " : "☐ ") + item.text + (item.specify != nil ? ": " : "")
                    out.append(Line(text: prefix + (item.specify ?? ""), row: row, prefix: prefix))
                    row += 1
                }
            case .dottedLines(let text, _):
                out.append(Line(text: text.isEmpty ? "……" : text, row: row, prefix: ""))
                row += 1
            case .signature(let name, let position, let date):
                let signed = ReportStr.signed.text(language)
                for (label, value) in [(signed + " ", name), ("", position), (ReportStr.signedDate.text(language) + " ", date)] {
                    out.append(Line(text: label + (value.isEmpty ? "……" : value), row: row, prefix: label))
                    row += 1
                }
            case .table(let table):
                out.append(Line(text: table.header.filter { !$0.isEmpty }.joined(separator: " · "), style: Style(bold: true)))
                for cells in table.rows { wrap(cells.filter { !$0.isEmpty }.joined(separator: " · "), indent: "  ") }
            case .bars(let title, let bars):
                out.append(Line(text: title, style: Style(bold: true)))
                let top = bars.map(\.value).max() ?? 0
                let labelWidth = min(28, bars.map { TextWidth.of($0.label) }.max() ?? 0)
                for bar in bars {
                    let label = TextWidth.truncate(bar.label, toWidth: labelWidth, ellipsis: "…")
                    let room = max(1, width - labelWidth - 12)
                    let length = top > 0 ? Int((bar.value / top * Double(room)).rounded()) : 0
                    out.append(Line(text: label + String(repeating: " ", count: max(0, labelWidth - TextWidth.of(label))) + " "
                                    + String(repeating: "█", count: length) + " " + bar.shown))
                }
            case .pageBreak: out.append(Line(text: ""))
            }
        }
        return out
    }
}
