import CareerCatalog
import TerminalUI

/// Help (`?`, F1): generated from the keymap — the current screen's keys, then the global ones.
enum HelpView {
    static func lines(_ state: AppState, width: Int) -> [StyledLine] {
        let language = state.language
        let keymap = AppKeymap.keymap
        var out: [StyledLine] = []
        let unicode = state.glyphs != .ascii
        // The picker's filter has keys of its own (after `/`).
        let contexts: [KeyContext] = state.screen == .people ? [.picker, .pickerFilter, .global] : [state.screen.context, .global]
        for context in contexts {
            let title = context == .global ? Str.helpContextGlobal.text(language)
                : context == .pickerFilter ? Str.helpContextFilter.text(language) : state.screen.title.text(language)
            out.append(StyledLine(title, Style(fg: .title, bold: true)))
            out += keymap.helpLines(contexts: [context.rawValue], language: UILanguage(rawValue: language.rawValue) ?? .th,
                                    width: width, unicode: unicode).map { StyledLine($0) }
            out.append(StyledLine(""))
        }
        out.append(StyledLine(Str.helpSymbols.text(language), Style(fg: .title, bold: true)))
        out += symbolLines(state, width: width)
        return out
    }

    /// The legend of the marks the screens draw (ladder, bars, picks, the to-confirm mark, the
    /// team's badges): each symbol in a column, its meaning wrapped beside it.
    static func symbolLines(_ state: AppState, width: Int) -> [StyledLine] {
        let language = state.language
        let g = state.glyphs
        let ascii = g == .ascii
        let entries: [(String, String)] = [
            (String(g.ladderCurrent), Str.symCurrent.text(language)),
            (String(g.ladderTarget), Str.symTarget.text(language)),
            (String(g.ladderReached), Str.symReached.text(language)),
            (String(g.ladderOpen), Str.symOpen.text(language)),
            (ascii ? "<" : "◀", Str.symPointer.text(language)),
            ("\(g.gaugeFilled)\(g.gaugeFilled)\(g.gaugeEmpty)\(g.gaugeRequired)", Str.symBar.format(language, String(g.gaugeRequired))),
            ("–/4", Str.symNeverAssessed.text(language)),
            (ascii ? "*" : Str.checkMark.text(language), Str.symPicked.text(language)),
            ("[x]", Str.symSuggestionPicked.text(language)),
            (Str.toConfirmMark.text(language), Str.symToConfirm.text(language)),
            (SupText.ready(.withinTwoYears).text(language), Str.symWithinTwoYears.text(language)),
            ("·", Str.symNoNextLevel.text(language)),
            ("!", Str.symRisk.text(language)),
            (ascii ? "*" : "◆", Str.symMarked.text(language)),
        ]
        let column = (entries.map { TextWidth.of($0.0) }.max() ?? 0) + 2
        var out: [StyledLine] = []
        for (symbol, meaning) in entries {
            let text = wrap([StyledLine(meaning)], width: max(1, width - column - 2))
            for (i, line) in text.enumerated() {
                let lead = i == 0 ? TextWidth.pad(symbol, toWidth: column) : String(repeating: " ", count: column)
                out.append(StyledLine("  " + lead + line.text))
            }
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

/// Search (`/`): a query field and the matching units, lines, posts, competencies, methods,
/// courses and people (those the viewer may see).
enum SearchView {
    static func render(_ state: AppState, _ search: SearchState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let frame = layout.searchFrame
        let inner = ModalView(title: Str.searchTitle.text(language), width: frame.width, height: frame.height, glyphs: state.glyphs)
            .render(in: frame, grid: &grid)
        guard inner.height >= 3 else { return }
        InputField(label: Str.searchLabel.text(language), state: search.query, glyphs: state.glyphs).render(in: inner.row(0), grid: &grid)
        put(&grid, Str.searchHint.text(language), inner.row(1), style: .muted, glyphs: state.glyphs)
        let list = layout.searchResults     // where a click on a result is tested too
        if search.results.isEmpty {
            if !search.query.text.isEmpty { put(&grid, Str.searchNoResults.text(language), list.row(0), style: .muted, glyphs: state.glyphs) }
            return
        }
        let items = search.results.map { hit -> ListItem in
            // A person or unit is told apart by where it sits; the rest by the other language's name.
            let other = hit.context?.text(language) ?? hit.name.otherText(language)
            return ListItem(hit.name.text(language) + (other.isEmpty ? "" : " · " + other), trailing: kindLabel(hit.kind).text(language))
        }
        let more = search.peopleNotShown
        let rows = Rect(x: list.x, y: list.y, width: list.width, height: search.listRows(list.height))
        ListView(items: items, state: search.list, glyphs: state.glyphs).render(in: rows, grid: &grid)
        if more > 0, list.height > 1 {
            put(&grid, Str.searchMorePeople.format(language, String(more)), list.row(list.height - 1), style: .muted, glyphs: state.glyphs)
        }
    }

    static func kindLabel(_ kind: SearchHitKind) -> Str {
        switch kind {
        case .person: return .searchKindPerson
        case .unit: return .searchKindUnit
        case .jobLine: return .searchKindLine
        case .directorPost: return .searchKindPost
        case .competency: return .searchKindCompetency
        case .method: return .searchKindMethod
        case .course: return .searchKindCourse
        }
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

/// Why (`w` on Gaps): the selected gap's rule and numbers, where each value comes from (or the
/// "default, to confirm" marker), and the person's own records that were counted.
enum WhyView {
    /// Rows for the explanation (the frame's last inner row holds the keys).
    static func rows(_ layout: Layout) -> Int { max(1, layout.helpRows - 1) }

    static func lines(_ state: AppState, _ why: WhyState, width: Int) -> [StyledLine] {
        let d = Describe(catalog: state.catalog, language: state.language)
        return wrap(styled(d.why(why.gap, why.explanation), language: state.language), width: width)
    }

    /// Headings in the title style, values to confirm marked and in the warning colour.
    static func styled(_ lines: [WhyLine], language: Language) -> [StyledLine] {
        lines.map { line in
            switch line.role {
            case .heading: return StyledLine(line.text, Style(fg: .title, bold: true))
            case .text: return StyledLine("  " + Describe.sentence(line.text, language))
            case .toConfirm: return StyledLine(Str.toConfirmMark.text(language) + " " + Describe.sentence(line.text, language), Style(fg: .warning))
            }
        }
    }

    static func render(_ state: AppState, _ why: WhyState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let d = Describe(catalog: state.catalog, language: language)
        let frame = layout.helpFrame
        let inner = ModalView(title: Str.whyTitle.format(language, d.gapTitle(why.gap)), width: frame.width, height: frame.height,
                              glyphs: state.glyphs).render(in: frame, grid: &grid)
        guard inner.height >= 2 else { return }
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        drawLines(&grid, lines(state, why, width: body.width), body, offset: why.offset, glyphs: state.glyphs)
        put(&grid, Str.whyHint.text(language), inner.row(inner.height - 1), style: .muted, glyphs: state.glyphs)
    }
}
