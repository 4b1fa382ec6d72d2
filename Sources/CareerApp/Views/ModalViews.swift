import CareerCatalog
import TerminalUI

/// Help (`?`, F1): generated from the keymap — the current screen's keys, then the global ones.
enum HelpView {
    static func lines(_ state: AppState, width: Int) -> [StyledLine] {
        let language = state.language
        let keymap = AppKeymap.keymap
        var out: [StyledLine] = []
        let unicode = state.glyphs != .ascii
        for context in [state.screen.context, .global] {
            let title = context == .global ? Str.helpContextGlobal.text(language) : state.screen.title.text(language)
            out.append(StyledLine(title, Style(fg: .title, bold: true)))
            out += keymap.helpLines(contexts: [context.rawValue], language: UILanguage(rawValue: language.rawValue) ?? .th,
                                    width: width, unicode: unicode).map { StyledLine($0) }
            out.append(StyledLine(""))
        }
        return out
    }

    static func render(_ state: AppState, offset: Int, _ layout: Layout, _ grid: inout CellGrid) {
        let frame = layout.helpFrame
        let inner = ModalView(title: Str.helpTitle.text(state.language), width: frame.width, height: frame.height, glyphs: state.glyphs)
            .render(in: frame, grid: &grid)
        drawLines(&grid, lines(state, width: inner.width), inner, offset: offset, glyphs: state.glyphs)
    }
}

/// Search (`/`): a query field and the matching lines, posts and competencies.
enum SearchView {
    static func render(_ state: AppState, _ search: SearchState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let frame = layout.searchFrame
        let inner = ModalView(title: Str.searchTitle.text(language), width: frame.width, height: frame.height, glyphs: state.glyphs)
            .render(in: frame, grid: &grid)
        guard inner.height >= 3 else { return }
        InputField(label: Str.searchLabel.text(language), state: search.query, glyphs: state.glyphs).render(in: inner.row(0), grid: &grid)
        put(&grid, Str.searchHint.text(language), inner.row(1), style: .muted, glyphs: state.glyphs)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        if search.results.isEmpty {
            if !search.query.text.isEmpty { put(&grid, Str.searchNoResults.text(language), list.row(0), style: .muted, glyphs: state.glyphs) }
            return
        }
        let items = search.results.map { hit -> ListItem in
            let kind: Str = hit.kind == .jobLine ? .searchKindLine : hit.kind == .directorPost ? .searchKindPost : .searchKindCompetency
            let other = language == .th ? hit.name.en : hit.name.th
            return ListItem(hit.name.text(language) + " · " + other, trailing: kind.text(language))
        }
        ListView(items: items, state: search.list, glyphs: state.glyphs).render(in: list, grid: &grid)
    }
}

/// A message to acknowledge with Enter or Esc.
enum MessageView {
    static func render(_ state: AppState, _ text: String, _ layout: Layout, _ grid: inout CellGrid) {
        let width = min(layout.size.width - 4, 60)
        let lines = LineBreaker().wrap(text, width: max(1, width - 4))
        let inner = ModalView(title: Str.messageTitle.text(state.language), width: width, height: lines.count + 4, glyphs: state.glyphs)
            .render(in: layout.body, grid: &grid)
        drawLines(&grid, lines.map { StyledLine($0) }, inner.inset(horizontal: 1, vertical: 1), offset: 0, glyphs: state.glyphs)
    }
}
