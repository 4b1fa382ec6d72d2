import CareerCatalog
import CareerEngine
import Foundation
import TerminalUI

/// Renders the whole state into a cell grid of the state's size: title bar, tabs, the current
/// screen, the status line and the function-key bar, then any modal on top. Below 80×24 it shows
/// only "terminal too small"; it never traps on any size, 0×0 and 1×1 included.
public enum AppView {
    /// A new grid of the state's size with the state drawn in it.
    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height)
        render(state, into: &grid)
        return grid
    }

    /// Draws the state into `grid` (which should have the state's size; it is cleared first).
    public static func render(_ state: AppState, into grid: inout CellGrid) {
        grid.clear(grid.bounds)
        if state.size.isTooSmall || grid.width < TerminalSize.minimum.width || grid.height < TerminalSize.minimum.height {
            renderTooSmall(state, into: &grid)
            return
        }
        let layout = state.layout
        renderTitle(state, layout.title, &grid)
        renderTabs(state, layout.tabs, &grid)
        switch state.screen {
        case .people: PeopleView.render(state, layout, &grid)
        case .me: MeView.render(state, layout, &grid)
        case .paths: PathsView.render(state, layout, &grid)
        case .gaps: GapsView.render(state, layout, &grid)
        case .plan: PlanView.render(state, layout, &grid)
        case .catalog: CatalogView.render(state, layout, &grid)
        case .supervisor: SupervisorView.render(state, layout, &grid)
        case .reports: ReportsView.render(state, layout, &grid)
        }
        renderStatus(state, layout.status, &grid)
        FunctionKeyBar(entries: AppKeymap.functionBar(state.language, width: layout.bar.width), glyphs: state.glyphs).render(in: layout.bar, grid: &grid)
        switch state.modal {
        case .help(let offset)?: HelpView.render(state, offset: offset, layout, &grid)
        case .search(let search)?: SearchView.render(state, search, layout, &grid)
        case .message(let text)?: MessageView.render(state, text, layout, &grid)
        case .confirm(_, let question)?: MessageView.render(state, question + " " + Str.confirmHint.text(state.language), layout, &grid)
        case .why(let why)?: WhyView.render(state, why, layout, &grid)
        case .progress(let form)?: FormViews.renderProgress(state, form, layout, &grid)
        case .export(let folder)?: FormViews.renderExport(state, folder, layout, &grid)
        case .reportUnit(let choice)?: ReportsView.renderUnitChoice(state, choice, layout, &grid)
        case .reportDue(let entry)?: ReportsView.renderDue(state, entry, layout, &grid)
        // Drawn by Me in its right pane, beside the record.
        case .assess?: break
        case nil: break
        }
    }

    /// "terminal too small (need 80×24, have W×H)", wrapped and centred as far as it fits.
    static func renderTooSmall(_ state: AppState, into grid: inout CellGrid) {
        guard grid.width > 0, grid.height > 0 else { return }
        let text = Str.tooSmall.format(state.language, String(grid.width), String(grid.height))
        let lines = LineBreaker().wrap(text, width: grid.width)
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.prefix(grid.height).enumerated() {
            let x = max(0, (grid.width - TextWidth.of(line)) / 2)
            grid.put(text: line, x: x, y: top + i, style: Style(fg: .warning, bold: true), maxWidth: grid.width - x)
        }
    }

    static func renderTitle(_ state: AppState, _ area: Rect, _ grid: inout CellGrid) {
        var left = Str.appTitle.text(state.language)
        if state.screen == .supervisor, let boss = state.supervisor?.supervisor {
            // Supervisor mode's own screen names the supervisor, whoever was opened last.
            let d = Describe(catalog: state.catalog, language: state.language)
            left += " · \(boss.name(state.language)) · \(d.lineName(boss.jobLine)) \(d.levelName(boss.level))"
        } else if let s = state.session {
            let d = Describe(catalog: state.catalog, language: state.language)
            left += " · \(s.person.name(state.language)) · \(d.lineName(s.person.jobLine)) \(d.levelName(s.person.level))"
        }
        let right = " \(Str.languageBadge.text(state.language)) · \(DateText.format(state.today, state.language))"
        StatusLine(left: left, right: right, style: Style(fg: .title, bg: .title, bold: true), glyphs: state.glyphs).render(in: area, grid: &grid)
    }

    static func renderTabs(_ state: AppState, _ area: Rect, _ grid: inout CellGrid) {
        // The supervisor tab shows only in supervisor mode.
        // Screens and titles come from Layout.swift: a click on the tab row is tested against them.
        let screens = state.tabScreens
        let titles = state.tabTitles
        let selected = screens.firstIndex(of: state.screen) ?? 0
        TabsView(titles: titles, selected: selected, glyphs: state.glyphs).render(in: area, grid: &grid)
    }

    static func renderStatus(_ state: AppState, _ area: Rect, _ grid: inout CellGrid) {
        let hint: String
        if !state.storeLink.isAvailable {
            // Whatever else happens, the status line says the database is away while it is.
            hint = Str.storeUnavailable.format(state.language, String(state.storeLink.failures + 1))
        } else if let status = state.status {
            hint = status.text
        } else if let id = state.loadingPersonID {
            hint = Str.loadingPerson.format(state.language, id)
        } else {
            switch state.screen {
            case .people: hint = (state.picker.filtering ? Str.filterTyping : Str.filterHint).text(state.language)
            case .paths: hint = Str.pressEnterForGaps.text(state.language)
            case .gaps: hint = Str.pickHint.text(state.language)
            // No export folder (the kiosk): `e` does nothing there, so it is not offered.
            case .plan: hint = (state.exportFolder.isEmpty ? Str.planHintNoExport : Str.planHint).text(state.language)
            case .supervisor: hint = SupText.hint.text(state.language)
            case .reports: hint = state.reports.map { ReportsView.hint($0, state.language) } ?? ""
            default: hint = Str.statusReady.text(state.language)
            }
        }
        let style = state.status?.isError == true || !state.storeLink.isAvailable ? Style(fg: .bad, bold: true) : Style(fg: .muted)
        let right = state.session.map { " " + $0.person.id } ?? ""
        StatusLine(left: hint, right: right, style: style, glyphs: state.glyphs).render(in: area, grid: &grid)
    }
}

// MARK: - Shared drawing

/// A pane's box: heavy and accented when focused. Returns the inside.
@discardableResult
func drawPane(_ grid: inout CellGrid, _ rect: Rect, title: String, focused: Bool, glyphs: Glyphs) -> Rect {
    grid.drawBox(rect, glyphs: focused ? glyphs.focusedBox : glyphs.box, style: focused ? Style(fg: .accent) : Style(fg: .muted),
                 title: title, titleStyle: focused ? Style(fg: .accent, bold: true) : Style(fg: .title, bold: true))
}

/// Draws rows `0..<count` of a list into `area` with the selection kept in view; `draw` writes one
/// row into its rect (the row without the marker gutter).
///
/// The selection is the marker in the gutter, not a painted bar, so a cursor move rewrites two
/// gutter cells instead of two whole rows (see `TableView`).
func drawRows(_ grid: inout CellGrid, _ area: Rect, count: Int, state: ListState, focused: Bool, glyphs: Glyphs,
              draw: (Int, Rect, inout CellGrid) -> Void) {
    guard !area.isEmpty else { return }
    let first = state.visibleOffset(rows: area.height, count: count)
    let overflow = count > area.height
    let width = area.width - (overflow && area.width > 1 ? 1 : 0)
    let gutter = min(TextWidth.of(glyphs.selectionMarker), max(0, width - 1))
    for row in 0..<area.height {
        let index = first + row
        guard index < count else { break }
        if state.selected == index && gutter > 0 {
            let markerStyle = focused ? Style(bg: .selection, bold: true) : Style(fg: .accent, bold: true)
            grid.put(text: glyphs.selectionMarker, x: area.x, y: area.y + row, style: markerStyle, maxWidth: gutter)
        }
        draw(index, Rect(x: area.x + gutter, y: area.y + row, width: width - gutter, height: 1), &grid)
    }
    if overflow && area.width > 1 {
        if first > 0 { grid.put(character: glyphs.scrollUp, x: area.maxX - 1, y: area.y, style: .muted) }
        if first + area.height < count { grid.put(character: glyphs.scrollDown, x: area.maxX - 1, y: area.maxY - 1, style: .muted) }
    }
}

/// Writes text truncated to a rect's row (with the glyphs' ellipsis).
@discardableResult
func put(_ grid: inout CellGrid, _ text: String, _ rect: Rect, x offset: Int = 0, style: Style = .normal, glyphs: Glyphs) -> Int {
    let room = rect.width - offset
    guard room > 0, rect.height > 0 else { return 0 }
    return grid.put(text: TextWidth.truncate(text, toWidth: room, ellipsis: glyphs.ellipsis), x: rect.x + offset, y: rect.y,
                    style: style, maxWidth: room)
}

/// Text with its style, for wrapped detail panes.
struct StyledLine: Sendable {
    var text: String
    var style: Style
    init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
}

/// Wraps paragraphs (Thai at word boundaries) to `width`; continuation lines of an indented
/// paragraph keep its indent.
func wrap(_ paragraphs: [StyledLine], width: Int) -> [StyledLine] {
    guard width > 0 else { return [] }
    let breaker = LineBreaker()
    var out: [StyledLine] = []
    for p in paragraphs {
        if p.text.isEmpty { out.append(p); continue }
        if TextWidth.of(p.text) <= width { out.append(p); continue }
        let indent = String(p.text.prefix { $0 == " " })
        let body = String(p.text.dropFirst(indent.count))
        let inner = max(1, width - indent.count)
        for line in WrapCache.wrap(body, width: inner, breaker: breaker) { out.append(StyledLine(indent + line, p.style)) }
    }
    return out
}

/// Draws styled lines from `offset` into `area`.
func drawLines(_ grid: inout CellGrid, _ lines: [StyledLine], _ area: Rect, offset: Int, glyphs: Glyphs) {
    guard !area.isEmpty else { return }
    let first = max(0, min(offset, max(0, lines.count - 1)))
    for (row, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
        put(&grid, line.text, area.row(row), style: line.style, glyphs: glyphs)
    }
    if lines.count > area.height, area.width > 1 {
        if first > 0 { grid.put(character: glyphs.scrollUp, x: area.maxX - 1, y: area.y, style: .muted) }
        if first + area.height < lines.count { grid.put(character: glyphs.scrollDown, x: area.maxX - 1, y: area.maxY - 1, style: .muted) }
    }
}

/// "(no person chosen)" in the middle of an area.
func drawCentered(_ grid: inout CellGrid, _ text: String, in area: Rect, style: Style = .muted) {
    guard !area.isEmpty else { return }
    let lines = LineBreaker().wrap(text, width: area.width)
    let top = area.y + max(0, (area.height - lines.count) / 2)
    for (i, line) in lines.prefix(area.height).enumerated() {
        let x = area.x + max(0, (area.width - TextWidth.of(line)) / 2)
        grid.put(text: line, x: x, y: top + i, style: style, maxWidth: area.maxX - x)
    }
}

/// Wrapped paragraphs, memoised: ICU's break iterator costs tens of microseconds per paragraph,
/// and detail panes re-render the same paragraphs on every key.
enum WrapCache {
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var lines: [Key: [String]] = [:]
    }
    private struct Key: Hashable { let text: String; let width: Int }
    private static let store = Store()

    static func wrap(_ text: String, width: Int, breaker: LineBreaker) -> [String] {
        let key = Key(text: text, width: width)
        store.lock.lock()
        if let hit = store.lines[key] { store.lock.unlock(); return hit }
        store.lock.unlock()
        let lines = breaker.wrap(text, width: width)
        store.lock.lock()
        if store.lines.count > 4_000 { store.lines.removeAll() }
        store.lines[key] = lines
        store.lock.unlock()
        return lines
    }
}
