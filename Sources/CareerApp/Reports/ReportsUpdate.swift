import CareerCatalog
import CareerEngine
import TerminalUI

// The Reports screen's part of the update function: keys, and the runner's answers.
extension AppState {
    /// Offers the Reports screen (the `R` key and tab) to a unit head or HR; `units` is their reach.
    public mutating func enableReports(units: [String], isHR: Bool) {
        guard !units.isEmpty else { return }
        reports = ReportsState(units: units, isHR: isHR, fiscalYear: FiscalYear.containing(today))
    }

    /// Opens the Reports screen and reads its current tab.
    mutating func openReports() -> [Effect] {
        guard var r = reports else { return [] }
        _ = show(.reports)
        r.loading = true
        reports = r
        return [.reports(.load(r.tab, unit: r.unit, fiscalYear: r.fiscalYear, on: today))]
    }

    mutating func handleReportsKey(_ key: KeyEvent) -> [Effect] {
        guard var r = reports else { return show(.people) }
        // Typing into a text row: Enter keeps, Esc drops, editing keys edit; nothing else leaks.
        if var field = r.editing {
            switch key {
            case .enter:
                r.editing = nil
                commitEdit(&r, field.text)
            case .escape:
                r.editing = nil
            default:
                field.apply(key)
                r.editing = field
            }
            reports = r
            return []
        }
        guard let action = AppKeymap.action(for: key, in: .reports) else { return [] }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            let step: Int
            switch action {
            case .up: step = -1
            case .down: step = 1
            case .pageUp: step = -10
            case .pageDown: step = 10
            case .first: step = -10_000
            default: step = 10_000
            }
            if r.tab == .usage {
                r.cursor = max(0, min(UsageFormRow.all.count - 1, r.cursor + step))
            } else {
                r.offset = max(0, r.offset + step)
            }
        case .reportNextTab, .reportPreviousTab, .nextPane, .previousPane:
            let tabs = r.tabs
            let i = tabs.firstIndex(of: r.tab) ?? 0
            let forward = action == .reportNextTab || action == .nextPane
            r.tab = tabs[(i + (forward ? 1 : tabs.count - 1)) % tabs.count]
            r.offset = 0
            if r.content[r.tab] == nil || r.tab == .usage {
                r.loading = true
                reports = r
                return [.reports(.load(r.tab, unit: r.unit, fiscalYear: r.fiscalYear, on: today))]
            }
        case .togglePick, .activate:
            guard r.tab == .usage, var form = r.form else { break }
            guard form.status == .draft else { status = StatusMessage(ReportStr.tuiFrozen.text(language), isError: true); break }
            switch r.row {
            case .activity(let a): form.toggle(a); r.form = form; r.dirty = true
            case .outcome(let o): form.toggle(o); r.form = form; r.dirty = true
            default: r.editing = InputFieldState(text: r.text(of: r.row, language: language))
            }
        case .savePlan:
            guard r.tab == .usage, let form = r.form, form.status == .draft else { break }
            reports = r
            return [.reports(.save(form))]
        case .reportSubmit:
            guard r.tab == .usage, let form = r.form, form.status == .draft else { break }
            // Unsaved changes go in first, and the submit only once they are saved: what is
            // submitted is what is on screen.
            r.submitAfterSave = r.dirty
            reports = r
            return [.reports(r.dirty ? .save(form) : .submit(unit: r.unit, fiscalYear: r.fiscalYear))]
        case .reportUnit:
            guard r.units.count > 1 else { break }
            guard !r.dirty else { status = StatusMessage(ReportStr.tuiSaveFirst.text(language), isError: true); break }
            reports = r
            modal = .reportUnit(UnitChoice(units: r.units, current: r.unit))
            return []
        case .reportNextYear, .reportPreviousYear:
            // Up to the year after this one (HR may set its due date ahead).
            let step = action == .reportNextYear ? 1 : -1
            let year = FiscalYear(max(2400, min(FiscalYear.containing(today).buddhistEra + 1, r.fiscalYear.buddhistEra + step)))
            reports = r
            return choose(unit: r.unit, fiscalYear: year)
        case .reportDue:
            guard r.isHR else { status = StatusMessage(ReportStr.tuiDueHROnly.text(language), isError: true); break }
            var due = r.fiscalYear.defaultDueDate
            if let usage = r.usage, usage.form.fiscalYear == r.fiscalYear { due = usage.due }
            if case .rollup(let rollup)? = r.content[.rollup], rollup.fiscalYear == r.fiscalYear { due = rollup.due }
            reports = r
            modal = .reportDue(DueEntry(fiscalYear: r.fiscalYear, due: due, language: language))
            return []
        case .back:
            reports = r
            return show(previousScreen == .reports ? .people : previousScreen)
        default:
            reports = r
            return perform(action)
        }
        reports = r
        return []
    }

    /// Reports on `unit` for `fiscalYear` (the unit chosen with `u`, the year with `<` `>`): what was
    /// read for the other unit or year is dropped and the current tab read again. Refused while the
    /// form has unsaved changes (nothing typed is lost).
    mutating func choose(unit: String, fiscalYear: FiscalYear) -> [Effect] {
        guard var r = reports, r.units.contains(unit) else { return [] }
        guard unit != r.unit || fiscalYear != r.fiscalYear else { return [] }
        guard !r.dirty else { status = StatusMessage(ReportStr.tuiSaveFirst.text(language), isError: true); return [] }
        r.unit = unit
        r.fiscalYear = fiscalYear
        r.usage = nil; r.form = nil; r.content = [:]
        r.cursor = 0; r.offset = 0; r.editing = nil
        r.loading = true
        reports = r
        return [.reports(.load(r.tab, unit: unit, fiscalYear: fiscalYear, on: today))]
    }

    /// A key for the unit choice or the due date over the Reports screen (`handleForm`).
    mutating func handleReportsForm(_ modal: Modal, _ key: KeyEvent) -> [Effect] {
        let action = AppKeymap.action(for: key, in: .form, globalFallback: false)
        switch modal {
        case .reportUnit(var choice):
            switch action {
            case .close?:
                self.modal = nil
                return []
            case .up?, .down?:
                let count = choice.shown(catalog).count
                choice.index = max(0, min(count - 1, choice.index + (action == .up ? -1 : 1)))
            case .activate?:
                guard let unit = choice.chosen(catalog) else {
                    status = StatusMessage(ReportStr.tuiUnitNone.text(language), isError: true)
                    return []
                }
                self.modal = nil
                return choose(unit: unit, fiscalYear: reports?.fiscalYear ?? FiscalYear.containing(today))
            case .nextPane?:
                break
            default:
                choice.filter = Self.typed(choice.filter, key)
                choice.index = 0
            }
            self.modal = .reportUnit(choice)
            return []
        case .reportDue(var entry):
            switch action {
            case .close?:
                self.modal = nil
                return []
            case .activate?:
                guard let day = DateText.parse(entry.field.text) else {
                    let problem = DateEntry.problem(entry.field.text)
                    entry.problem = problem
                    status = StatusMessage(problem.text(language), isError: true)
                    self.modal = .reportDue(entry)
                    return []
                }
                self.modal = nil
                return [.reports(.setDue(day, fiscalYear: entry.fiscalYear))]
            case .nextPane?, .up?, .down?:
                break
            default:
                entry.field = Self.typed(entry.field, key)
                entry.problem = nil
            }
            self.modal = .reportDue(entry)
            return []
        default:
            return []
        }
    }

    /// Puts an edited text into the form (a date must parse; a bad one is refused, nothing lost).
    private mutating func commitEdit(_ r: inout ReportsState, _ text: String) {
        guard var form = r.form else { return }
        switch r.row {
        case .otherActivity: form.otherActivity = text
        case .otherOutcome: form.otherOutcome = text
        case .problems: form.problems = text
        case .signerName: form.signerName = text
        case .signerPosition: form.signerPosition = text
        case .signedOn:
            if text.isEmpty { form.signedOn = nil } else if let day = DateText.parse(text) { form.signedOn = day } else {
                status = StatusMessage(ReportStr.tuiBadDate.format(language, text), isError: true)
                return
            }
        case .activity, .outcome: return
        }
        r.form = form
        r.dirty = true
    }

    mutating func reportsAnswered(_ event: ReportsEvent) -> [Effect] {
        guard var r = reports else { return [] }
        var effects: [Effect] = []
        switch event {
        case .loaded(let tab, let content):
            r.loading = false
            r.content[tab] = content
            if case .usage(let usage) = content {
                r.usage = usage
                // Keep unsaved edits when the figures are read again.
                if !r.dirty || r.form == nil { r.form = usage.form; r.dirty = false }
            }
        case .saved(let error):
            let thenSubmit = r.submitAfterSave
            r.submitAfterSave = false
            if let error { status = StatusMessage(ReportStr.tuiSaveFailed.format(language, explain(error)), isError: true) } else {
                r.dirty = false
                status = StatusMessage(ReportStr.tuiSaved.text(language))
                if thenSubmit { effects = [.reports(.submit(unit: r.unit, fiscalYear: r.fiscalYear))] }
            }
        case .submitted(let error):
            if let error { status = StatusMessage(ReportStr.tuiSubmitFailed.format(language, explain(error)), isError: true) } else {
                r.dirty = false
                status = StatusMessage(ReportStr.tuiSubmitted.text(language))
                effects = [.reports(.load(.usage, unit: r.unit, fiscalYear: r.fiscalYear, on: today))]
            }
        case .dueSet(let due, let year, let error):
            if let error { status = StatusMessage(ReportStr.tuiDueFailed.format(language, explain(error)), isError: true) } else {
                status = StatusMessage(ReportStr.tuiDueSet.format(language, String(year.buddhistEra), DateText.formatLong(due, language)))
                // The form and the roll-up show the day: read the one on screen again.
                if year == r.fiscalYear, r.tab == .usage || r.tab == .rollup {
                    r.loading = true
                    effects = [.reports(.load(r.tab, unit: r.unit, fiscalYear: r.fiscalYear, on: today))]
                }
            }
        case .failed(let problem):
            r.loading = false
            status = StatusMessage(explain(problem), isError: true)
        }
        reports = r
        return effects
    }

    func explain(_ problem: ReportsProblem) -> String { ReportStr.explain(problem, catalog: catalog, language: language) }
}
