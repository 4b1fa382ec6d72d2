import TerminalUI

/// The mouse, as lazygit, htop and mc take it: a click on a tab or a function key does what the
/// key does, a click on a row selects it (a click on the row already selected opens it, as
/// Enter would), a click on a pane focuses it, and the wheel scrolls the pane under the pointer
/// (or the open help, explanation or search). Hit-testing reads `Layout`, the facts the views
/// draw with; tab and bar clicks go through `handle(_:)` as keys, so every rule about keys
/// (modals, the kiosk's refusals) holds for clicks too.
extension AppState {
    /// Rows one notch of the wheel moves.
    static let wheelStep = 3

    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        if size.isTooSmall { return [] }
        if let key = mouseKey(event) { return handle(key) }
        switch event.action {
        case .press(1): return click(x: event.x, y: event.y)
        case .scrollUp, .scrollDown: return scroll(event)
        default: return []
        }
    }

    /// The key a click stands for: a function key on the bar, a tab's key on the tab row.
    /// Public so the kiosk can put it through its own key rules.
    public func mouseKey(_ event: MouseEvent) -> KeyEvent? {
        guard case .press(1) = event.action, modal == nil || event.y == layout.bar.y else { return nil }
        let l = layout
        if l.bar.contains(x: event.x, y: event.y) {
            let bar = FunctionKeyBar(entries: AppKeymap.functionBar(language), glyphs: glyphs)
            return bar.entry(at: event.x, in: l.bar).flatMap { Self.key(forBarLabel: $0.key) }
        }
        if l.tabs.contains(x: event.x, y: event.y) {
            let screens = tabScreens
            guard let i = TabsView(titles: tabTitles, selected: 0, glyphs: glyphs).tab(at: event.x, in: l.tabs),
                  i < screens.count else { return nil }
            return Self.key(forTab: screens[i])
        }
        return nil
    }

    /// "1"…"10" on the bar are F1–F10; other labels ("F12") name their key.
    public static func key(forBarLabel label: String) -> KeyEvent? {
        if let n = Int(label) { return .function(n) }
        return KeyEvent(parsing: label)
    }

    /// The key that opens a tab's screen (Esc goes back to supervisor mode's split pane).
    public static func key(forTab screen: Screen) -> KeyEvent {
        screen == .supervisor ? .escape : screen == .reports ? .char("R") : .function(screen.functionKey)
    }

    /// A left click in the body: the pane under it gets the focus; on a list, the row is
    /// selected, or opened when it already was.
    private mutating func click(x: Int, y: Int) -> [Effect] {
        if case .search(var search)? = modal {
            // A result: selected, or opened when it already was (as Enter does).
            let list = layout.searchResults
            guard list.contains(x: x, y: y),
                  let index = search.list.index(atRow: y - list.y, rows: list.height, count: search.results.count) else { return [] }
            if search.list.selected == index { return handle(.enter) }
            search.list.select(index, count: search.results.count)
            modal = .search(search)
            return []
        }
        guard modal == nil else { return [] }
        if screen == .supervisor { return supervisorClick(x: x, y: y) }
        let panes = self.panes
        guard let pane = panes.firstIndex(where: { $0.frame.contains(x: x, y: y) }) else { return [] }
        if screen == .people {
            // The filter row gives the filter the keys; the list takes them back.
            let typing = layout.peopleFilter.contains(x: x, y: y)
            picker.filtering = typing
            if typing { return [] }
        }
        let wasFocused = focusedPane == pane
        if screen.paneCount > 1 { focus[screen] = pane }
        guard let rows = panes[pane].rows, rows.contains(x: x, y: y), let list = list(pane: pane),
              let index = list.state.index(atRow: y - rows.y, rows: rows.height, count: list.count) else {
            keepSelectionsVisible()
            return []
        }
        if wasFocused, list.state.selected == index { return perform(.activate) }
        move(index - (list.state.selected ?? 0))
        keepSelectionsVisible()
        return []
    }

    /// The wheel: scrolls the help, explanation or search when one is open, else the pane under
    /// the pointer (which gets the focus).
    private mutating func scroll(_ event: MouseEvent) -> [Effect] {
        let down = event.action == .scrollDown
        if modal != nil {
            guard case .message? = modal else {
                return (0..<Self.wheelStep).flatMap { _ in handle(down ? .down : .up) }
            }
            return []
        }
        if screen == .supervisor {
            return (0..<Self.wheelStep).flatMap { _ in handle(down ? .down : .up) }
        }
        let panes = self.panes
        if let pane = panes.firstIndex(where: { $0.frame.contains(x: event.x, y: event.y) }), screen.paneCount > 1 {
            focus[screen] = pane
        }
        move(down ? Self.wheelStep : -Self.wheelStep)
        keepSelectionsVisible()
        return []
    }

    /// Supervisor mode's split pane: a click on a subordinate selects them (their gaps and plan
    /// come up on the right, as with ↓), on the selected one opens them full screen; a click on
    /// the right pane focuses it.
    private mutating func supervisorClick(x: Int, y: Int) -> [Effect] {
        guard let s = supervisor, s.mode == .split, s.input == nil else { return [] }
        let l = SupervisorLayout(body: layout.body)
        if l.right.contains(x: x, y: y) {
            focus[.supervisor] = 1
            return []
        }
        guard l.left.contains(x: x, y: y) else { return [] }
        focus[.supervisor] = 0
        let rows = Rect(x: l.table.x, y: l.table.y + 1, width: l.table.width, height: TableView.bodyRows(in: l.table))
        guard rows.contains(x: x, y: y),
              let index = s.list.index(atRow: y - rows.y, rows: rows.height, count: s.visible.count) else { return [] }
        if s.list.selected == index { return performSupervisor(.activate) }
        withSupervisor { $0.list.select(index, count: $0.visible.count) }
        keepSupervisorVisible()
        return supervisorSelectionChanged()
    }

    /// The selection and length of the list in pane `pane` of the current screen.
    private func list(pane: Int) -> (state: ListState, count: Int)? {
        switch (screen, pane) {
        case (.people, _): return (picker.list, picker.visible.count)
        case (.paths, 0): return session.map { ($0.lines, catalog.jobLines.count) }
        case (.paths, 2): return session.map { ($0.targets, $0.paths.count) }
        case (.gaps, 0): return session.map { ($0.gapList, $0.gapRows.count) }
        case (.gaps, 1): return session.map { ($0.gapDetail, $0.selectedGap?.suggestions.count ?? 0) }
        case (.plan, 0): return session.map { ($0.planList, $0.planRows.count) }
        case (.catalog, 0): return (catalogBrowser.list, catalogBrowser.entries.count)
        default: return nil
        }
    }
}
