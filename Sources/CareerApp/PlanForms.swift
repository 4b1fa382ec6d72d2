import CareerCatalog
import CareerEngine
import TerminalUI

/// When the steps of an approved plan started and were completed, as typed (`d` on Plan): the
/// steps not yet confirmed, the one chosen, and its two date fields (the start filled with the
/// recorded start or today, the completion with the recorded one, else empty). The store checks
/// the order and that neither is in the future (`recordStepProgress`); the form only reads dates.
public struct ProgressForm: Sendable {
    public let personID: String
    public let planID: Int64
    public let steps: [SavedStep]
    public internal(set) var index = 0
    public internal(set) var started = InputFieldState()
    public internal(set) var completed = InputFieldState()
    /// 0: the start is being typed, 1: the completion.
    public internal(set) var field = 0
    /// Why the last Enter was refused (in the language it was typed in).
    public internal(set) var problem: String?

    /// The form on the plan's first step not confirmed yet (nil: every step is confirmed).
    init?(personID: String, plan: SavedPlan, today: CivilDate, language: Language) {
        let open = plan.steps.filter { !$0.isConfirmed }
        guard !open.isEmpty else { return nil }
        self.personID = personID
        self.planID = plan.id
        self.steps = open
        // The first step still to record (not completed), else the first one.
        choose(open.firstIndex { $0.completedOn == nil } ?? 0, today: today, language: language)
    }

    public var step: SavedStep? { index < steps.count ? steps[index] : nil }

    /// Chooses step `i` and fills its fields from what was recorded.
    mutating func choose(_ i: Int, today: CivilDate, language: Language) {
        index = max(0, min(steps.count - 1, i))
        let step = steps[index]
        started = InputFieldState(text: DateText.editable(step.startedOn ?? today, language))
        completed = InputFieldState(text: step.completedOn.map { DateText.editable($0, language) } ?? "")
        field = step.startedOn == nil ? 0 : 1
        problem = nil
    }

    /// The dates typed, or why they are not dates.
    enum Typed: Equatable {
        /// The start, and the completion (nil: not completed yet).
        case dates(started: CivilDate, completed: CivilDate?)
        case refused(LocalizedText)
    }

    /// The dates typed: the start (required) and the completion (empty: not completed yet), or why not.
    var typed: Typed {
        guard !started.text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .refused(LocalizedText(th: Str.startRequired.text(.th), en: Str.startRequired.text(.en)))
        }
        guard let start = DateText.parse(started.text) else { return .refused(DateEntry.problem(started.text)) }
        let end = completed.text.trimmingCharacters(in: .whitespaces)
        if end.isEmpty { return .dates(started: start, completed: nil) }
        guard let done = DateText.parse(end) else { return .refused(DateEntry.problem(end)) }
        return .dates(started: start, completed: done)
    }
}

/// A day typed into a form that is not one (`DateText.parse`, `TypedDate`'s rule: B.E. in the slash
/// form, C.E. in ISO): the refusal, with an example in each language's form.
enum DateEntry {
    static func problem(_ text: String) -> LocalizedText {
        let example = CivilDate(year: 2026, month: 3, day: 31) ?? CivilDate(dayNumber: 0)
        return LocalizedText(th: Str.badDate.format(.th, text, DateText.editable(example, .th)),
                             en: Str.badDate.format(.en, text, DateText.editable(example, .en)))
    }
}

/// The progress form and the export folder over the screen, drawn in a frame like the search.
enum FormViews {
    static func renderProgress(_ state: AppState, _ form: ProgressForm, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let d = Describe(catalog: state.catalog, language: language)
        let width = min(layout.size.width - 4, 76)
        let height = min(layout.body.height, form.steps.count + 5)
        let inner = ModalView(title: Str.progressTitle.text(language), width: width, height: height, glyphs: glyphs)
            .render(in: layout.body, grid: &grid).inset(horizontal: 1, vertical: 0)
        guard inner.height >= 4 else { return }
        let listRows = inner.height - 3
        let first = max(0, min(form.index - listRows + 1, form.steps.count - listRows))
        for (row, i) in (max(0, first)..<form.steps.count).prefix(listRows).enumerated() {
            let step = form.steps[i]
            let mark = i == form.index ? glyphs.selectionMarker : "  "
            let what = step.method == "course" ? (step.course.map(d.courseName) ?? d.methodName(step.method)) : d.methodName(step.method)
            let text = mark + Str.progressStep.format(language, String(step.position + 1), what,
                                                      step.startedOn.map(d.date) ?? "–", step.completedOn.map(d.date) ?? "–")
            put(&grid, text, inner.row(row), style: i == form.index ? Style(fg: .accent, bold: true) : .normal, glyphs: glyphs)
        }
        let halves = inner.row(listRows).columns([.ratio(1, 2), .rest])
        InputField(label: Str.progressStarted.text(language), state: form.started, focused: form.field == 0, placeholder: "",
                   glyphs: glyphs).render(in: halves[0], grid: &grid)
        InputField(label: Str.progressCompleted.text(language), state: form.completed, focused: form.field == 1, placeholder: "",
                   glyphs: glyphs).render(in: halves[1], grid: &grid)
        if let problem = form.problem { put(&grid, problem, inner.row(listRows + 1), style: Style(fg: .warning, bold: true), glyphs: glyphs) }
        put(&grid, Str.progressHint.text(language), inner.row(listRows + 2), style: .muted, glyphs: glyphs)
    }

    static func renderExport(_ state: AppState, _ folder: InputFieldState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let width = min(layout.size.width - 4, 76)
        let inner = ModalView(title: Str.exportTitle.text(language), width: width, height: 5, glyphs: state.glyphs)
            .render(in: layout.body, grid: &grid).inset(horizontal: 1, vertical: 0)
        guard inner.height >= 2 else { return }
        InputField(label: Str.exportFolder.text(language), state: folder, focused: true, placeholder: "", glyphs: state.glyphs)
            .render(in: inner.row(0), grid: &grid)
        put(&grid, Str.exportHint.text(language), inner.row(inner.height - 1), style: .muted, glyphs: state.glyphs)
    }
}
