import CareerCatalog
import Foundation
import TerminalUI

/// Draws the kiosk: the sign-in screen, or the planner for the signed-in person with the
/// kiosk's own key bar, plus the idle warning and the operator prompt on top.
public enum KioskView {
    /// A new grid of the state's size with the state drawn in it.
    public static func render(_ state: KioskState) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height)
        render(state, into: &grid)
        return grid
    }

    /// Draws the state into `grid` (cleared first), so no cell of an earlier frame survives.
    public static func render(_ state: KioskState, into grid: inout CellGrid) {
        grid.clear(grid.bounds)
        let language = state.currentLanguage
        if state.size.isTooSmall || grid.width < TerminalSize.minimum.width || grid.height < TerminalSize.minimum.height {
            let probe = AppState(catalog: state.catalog, analyzer: state.analyzer, today: state.today, language: language,
                                 size: state.size, glyphs: state.glyphs)
            AppView.renderTooSmall(probe, into: &grid)
            return
        }
        let layout = Layout(size: state.size)
        switch state.phase {
        case .signIn(let form):
            renderSignIn(state, form, layout, &grid)
        case .session(let session):
            // The kiosk draws its own help (its keys only) over the planner drawn without one.
            var app = session.app
            var helpOffset: Int?
            if case .help(let offset)? = app.modal { helpOffset = offset; app.modal = nil }
            AppView.render(app, into: &grid)
            // Only the tabs a kiosk session can open (no person picker); supervisor mode's last, on Esc.
            let screens = Screen.allCases.filter { session.screens.contains($0) }
            let titles = Layout.tabTitles(screens, language)
            grid.clear(layout.tabs)
            TabsView(titles: titles, selected: screens.firstIndex(of: session.app.screen) ?? 0, glyphs: state.glyphs)
                .render(in: layout.tabs, grid: &grid)
            let bar = KioskKeymap.functionBar(language, supervises: session.supervises, thaiAvailable: state.config.thaiAvailable,
                                              width: layout.bar.width)
            grid.clear(layout.bar)
            FunctionKeyBar(entries: bar, glyphs: state.glyphs).render(in: layout.bar, grid: &grid)
            if let helpOffset { renderHelp(state, session, offset: helpOffset, layout, &grid) }
            if session.warningSince != nil { renderWarning(state, session, layout, &grid) }
        }
        if let prompt = state.operatorPrompt { renderOperator(state, prompt, layout, &grid) }
    }

    /// The help of a session, generated from the kiosk's narrowed keymap.
    static func renderHelp(_ state: KioskState, _ session: KioskSession, offset: Int, _ layout: Layout, _ grid: inout CellGrid) {
        let frame = layout.helpFrame
        let inner = ModalView(title: Str.helpTitle.text(session.app.language), width: frame.width, height: frame.height,
                              glyphs: state.glyphs).render(in: frame, grid: &grid)
        let lines = KioskKeymap.helpLines(session, thaiAvailable: state.config.thaiAvailable, width: inner.width,
                                          unicode: state.glyphs != .ascii)
        drawLines(&grid, lines, inner, offset: offset, glyphs: state.glyphs)
    }

    static func renderSignIn(_ state: KioskState, _ form: KioskSignInForm, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let title = Str.appTitle.text(language) + " · " + KioskText.signInTitle.text(language)
        let right = " \(Str.languageBadge.text(language)) · \(DateText.format(state.today, language))"
        StatusLine(left: title, right: right, style: Style(fg: .title, bg: .title, bold: true), glyphs: state.glyphs)
            .render(in: layout.title, grid: &grid)

        let width = min(layout.size.width - 4, 64)
        let intro = LineBreaker().wrap(KioskText.signInIntro.text(language), width: max(1, width - 4))
        // Border and padding (4), the intro, then: gap, ID, gap, PIN, gap, message, hints (7).
        let height = intro.count + 11
        let inner = ModalView(title: KioskText.signInTitle.text(language), width: width, height: height, glyphs: state.glyphs)
            .render(in: layout.body, grid: &grid)
        guard !inner.isEmpty else { return }
        let area = inner.inset(horizontal: 1, vertical: 1)
        var y = area.y
        for line in intro {
            grid.put(text: line, x: area.x, y: y, maxWidth: area.width)
            y += 1
        }
        y += 1
        let labelWidth = max(TextWidth.of(KioskText.employeeID.text(language)), TextWidth.of(KioskText.pin.text(language)))
        func label(_ text: KioskText) -> String {
            let t = text.text(language)
            return t + String(repeating: " ", count: max(0, labelWidth - TextWidth.of(t)))
        }
        let fieldWidth = min(area.width, labelWidth + 1 + 20)
        InputField(label: label(.employeeID), state: form.employeeID, focused: form.focus == .employeeID, glyphs: state.glyphs)
            .render(in: Rect(x: area.x, y: y, width: fieldWidth, height: 1), grid: &grid)
        y += 2
        InputField(label: label(.pin), state: form.pin, masked: true, focused: form.focus == .pin, glyphs: state.glyphs)
            .render(in: Rect(x: area.x, y: y, width: min(area.width, labelWidth + 1 + PINDigits.maxLength + 1), height: 1), grid: &grid)
        y += 2
        if let message = form.message {
            grid.put(text: message.text(language), x: area.x, y: y,
                     style: message.isError ? Style(fg: .bad, bold: true) : Style(fg: .good), maxWidth: area.width)
        }
        y += 1
        grid.put(text: KioskText.signInHints.text(language), x: area.x, y: y, style: .muted, maxWidth: area.width)

        // Only offered where Thai can be shown (the Linux console and vt100 stay in English).
        let languageHint = state.config.thaiAvailable ? KioskText.languageHint.text(language) : ""
        if !state.storeLink.isAvailable {
            StatusLine(left: " " + Str.storeUnavailable.format(language, String(state.storeLink.failures + 1)), right: languageHint + " ",
                       style: Style(fg: .bad, bg: .title, bold: true), glyphs: state.glyphs).render(in: layout.bar, grid: &grid)
        } else {
            StatusLine(left: " " + languageHint, glyphs: state.glyphs).render(in: layout.bar, grid: &grid)
        }
    }

    static func renderWarning(_ state: KioskState, _ session: KioskSession, _ layout: Layout, _ grid: inout CellGrid) {
        let language = session.app.language
        let width = min(layout.size.width - 4, 56)
        let inner = ModalView(title: KioskText.idleTitle.text(language), width: width, height: 6,
                              borderStyle: Style(fg: .warning, bold: true), glyphs: state.glyphs)
            .render(in: layout.body, grid: &grid)
        guard !inner.isEmpty else { return }
        let area = inner.inset(horizontal: 1, vertical: 1)
        grid.put(text: KioskText.idleCountdown.format(language, String(session.warningSecondsLeft)), x: area.x, y: area.y,
                 style: Style(fg: .warning, bold: true), maxWidth: area.width)
        grid.put(text: KioskText.idleStay.text(language), x: area.x, y: area.y + 1, maxWidth: area.width)
    }

    static func renderOperator(_ state: KioskState, _ prompt: OperatorPrompt, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.currentLanguage
        let width = min(layout.size.width - 4, 72)
        let inner = ModalView(title: KioskText.operatorTitle.text(language), width: width, height: 8, glyphs: state.glyphs)
            .render(in: layout.body, grid: &grid)
        guard !inner.isEmpty else { return }
        let area = inner.inset(horizontal: 1, vertical: 1)
        grid.put(text: KioskText.operatorIntro.text(language), x: area.x, y: area.y, maxWidth: area.width)
        InputField(label: KioskText.pin.text(language), state: prompt.pin, masked: true, glyphs: state.glyphs)
            .render(in: Rect(x: area.x, y: area.y + 1, width: min(area.width, 30), height: 1), grid: &grid)
        if let message = prompt.message {
            grid.put(text: message.text(language), x: area.x, y: area.y + 2, style: Style(fg: .bad, bold: true), maxWidth: area.width)
        }
        grid.put(text: KioskText.operatorHints.text(language), x: area.x, y: area.y + 3, style: .muted, maxWidth: area.width)
    }
}
