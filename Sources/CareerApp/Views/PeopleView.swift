import CareerCatalog
import CareerEngine
import TerminalUI

/// The person picker: a filter field and everyone visible, sorted by name with Thai collation.
enum PeopleView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        drawPane(&grid, layout.peopleBox, title: Str.screenPeople.text(language) + " (\(state.picker.visible.count))",
                 focused: state.modal == nil, glyphs: state.glyphs)
        // The filter shows its cursor only while it has the keys (after `/`); the list's bar otherwise.
        let filtering = state.picker.filtering
        InputField(label: Str.filterLabel.text(language), state: state.picker.filter, focused: state.modal == nil && filtering,
                   placeholder: (filtering ? Str.filterTyping : Str.filterHint).text(language), glyphs: state.glyphs)
            .render(in: layout.peopleFilter, grid: &grid)
        if state.picker.loading {
            drawCentered(&grid, Str.loadingPeople.text(language), in: layout.peopleTable)
            return
        }
        if state.picker.visible.isEmpty {
            drawCentered(&grid, Str.noPeople.text(language), in: layout.peopleTable)
            return
        }
        let d = Describe(catalog: state.catalog, language: language)
        let columns = [
            TableColumn(Str.personID.text(language), width: .fixed(8)),
            TableColumn(Str.name.text(language), width: .ratio(3, 10)),
            TableColumn(Str.jobLine.text(language), width: .ratio(3, 10)),
            TableColumn(Str.level.text(language), width: .fixed(4)),
            TableColumn(Str.unit.text(language), width: .rest),
        ]
        // Only the rows on screen are turned into text: the roster may hold 100,000 people.
        let area = layout.peopleTable
        let rows = TableView.bodyRows(in: area)
        let first = state.picker.list.visibleOffset(rows: rows, count: state.picker.visible.count)
        var window = state.picker.list
        if let s = window.selected { window.selected = s - first }
        window.offset = 0
        var table = TableView(columns: columns, rows: [], state: window, focused: state.modal == nil, glyphs: state.glyphs)
        // A unit name too long for its column gives way to its short name ("ปชส.จ.เชียงใหม่"), so
        // that the province, not the common start, is what the row keeps.
        let unitWidth = table.columnRects(in: area).last?.width ?? 0
        table.rows = state.picker.visible.dropFirst(first).prefix(rows).map { i -> TableRow in
            let p = state.picker.people[i]
            let other = p.otherName(language)
            return TableRow([p.id, p.name(language) + (other.isEmpty ? "" : " · " + other), d.lineName(p.jobLine), p.level,
                             d.fitting(unitWidth) { $0.unitName(p.unit) }])
        }
        table.render(in: area, grid: &grid)
    }
}
