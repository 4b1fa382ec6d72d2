import CareerCatalog
import CareerEngine
import TerminalUI

/// The one place the app's state changes: applies an event and returns the effects for the
/// runner to carry out (load a person, save a plan, export it, quit). Pure: no I/O.
///
///     var state = AppState(catalog: catalog, today: today)
///     let effects = update(&state, .key(.char("L")))   // switches to English, no effects
public func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case .key(let key):
        return state.handle(key)
    case .mouse(let mouse):
        return state.handleMouse(mouse)
    case .resize(let width, let height):
        state.size = TerminalSize(width: width, height: height)
        state.keepSelectionsVisible()
        return []
    case .tick(let today):
        guard let today, today != state.today else { return [] }
        state.today = today
        state.withSession { [analyzer = state.analyzer] in $0.refresh(analyzer: analyzer, today: today) }
        return []
    case .peopleListed(let people):
        state.picker.setPeople(people, language: state.language)
        if let id = state.session?.person.id ?? state.loadingPersonID { state.selectInPicker(id) }
        state.keepSelectionsVisible()
        return state.requestSubordinatesIfNeeded()
    case .personLoaded(let record, let context) where state.supervisorAwaits(record.person.id):
        // A subordinate for the split pane: cached, the screen stays (the store audited the read).
        return state.supervisorLoaded(record, context)
    case .personLoaded(let record, let context):
        state.loadingPersonID = nil
        // The same person read again (their record changed: a self-assessment): the target stays.
        let kept = state.session?.person.id == record.person.id ? state.session?.target : nil
        state.session = PersonSession(record: record, context: context, analyzer: state.analyzer, today: state.today)
        if let kept { state.withSession { [analyzer = state.analyzer, today = state.today] in $0.choose(kept, analyzer: analyzer, today: today) } }
        state.selectInPicker(record.person.id)
        // The "loading …" message has done its work; another (the first run's notice) stays.
        if state.status == StatusMessage(Str.loadingPerson.format(state.language, record.person.name(state.language))) { state.status = nil }
        if state.screen == .people || !state.screen.showsRecord {
            state.previousScreen = state.screen
            state.screen = .me
        }
        state.keepSelectionsVisible()
        return []
    case .personLoadFailed(let id, let message):
        if state.loadingPersonID == id { state.loadingPersonID = nil }
        state.withSupervisor { $0.pending.remove(id) }
        let text = Str.loadFailed.format(state.language, message)
        state.status = StatusMessage(text, isError: true)
        state.modal = .message(text)
        return []
    case .savedPlanLoaded(let personID, let target, let plan, let authors):
        // Supervisor mode keeps the latest plan of each person it shows (progress recorded full screen).
        if let plan, state.supervisor?.plans[personID] != nil { state.withSupervisor { $0.plans[personID] = .some(plan) } }
        guard state.session?.person.id == personID else { return [] }
        state.withSession { [analyzer = state.analyzer, today = state.today] in
            $0.takeSavedPlan(plan, targetID: target, authors: authors, analyzer: analyzer, today: today)
        }
        return []
    case .planNews(let notes, let authors):
        guard let latest = notes.last else { return [] }
        let words = Describe(catalog: state.catalog, language: state.language, people: authors)
        let body = words.noteBody(latest)
        let what = "\(Str.note(latest.action).text(state.language)) — \(words.personName(latest.authorID))" + (body.isEmpty ? "" : ": \(body)")
        state.status = StatusMessage(Str.planNews.format(state.language, String(notes.count), what))
        return []
    case .planSubmitted(let error):
        state.status = error.map { StatusMessage(Str.planSubmitFailed.format(state.language, $0.text(state.language)), isError: true) }
            ?? StatusMessage(Str.planSubmitted.text(state.language))
        return []
    case .planRefused(let th, let en, let changedElsewhere):
        state.savingPlan = false
        let text = changedElsewhere ? Str.planChangedElsewhere.text(state.language) : (state.language == .th ? th : en)
        state.status = StatusMessage(text, isError: true)
        state.modal = .message(text)
        return []
    case .planSaved(let error):
        state.savingPlan = false
        state.status = error.map { StatusMessage(Str.planSaveFailed.format(state.language, $0.text(state.language)), isError: true) }
            ?? StatusMessage(Str.planSaved.text(state.language))
        // Supervisor mode shows the saved plan's status: read it again.
        if error == nil, state.supervisor != nil, let id = state.session?.person.id { return [.supervisor(.loadPlan(personID: id))] }
        return []
    case .supervisor(let event):
        return state.supervisorAnswered(event)
    case .reports(let event):
        return state.reportsAnswered(event)
    case .storeUnavailable(let at, let reload):
        state.storeLink.lost(at: at)
        if !reload.isEmpty { state.reloadWhenStoreAvailable = reload }
        return []
    case .storeRetryDue:
        guard !state.storeLink.isAvailable, state.storeLink.retryAt != nil else { return [] }
        state.storeLink.trying()
        return [.connectStore]
    case .storeAvailable:
        guard !state.storeLink.isAvailable else { return [] }
        state.storeLink.restored()
        state.status = StatusMessage(Str.storeAvailable.text(state.language))
        // What is on screen (forms, typed text) stays; only the reads that waited go out.
        defer { state.reloadWhenStoreAvailable = [] }
        return state.reloadWhenStoreAvailable
    case .planExported(let path, let error):
        state.status = error.map { StatusMessage(Str.planExportFailed.format(state.language, Str.exportProblem($0, state.language)), isError: true) }
            ?? StatusMessage(Str.planExported.format(state.language, path))
        return []
    case .planExportRenamed(let requested, let path):
        state.status = StatusMessage(Str.exportRenamed.format(state.language, requested, path))
        return []
    case .plansListed(let personID, let plans):
        guard state.session?.person.id == personID else { return [] }
        state.withSession { $0.allPlans = plans }
        return []
    case .selfAssessmentRecorded(let personID, let competency, let level, let error):
        if let error {
            let text = Str.assessSelfFailed.format(state.language, error.text(state.language))
            state.status = StatusMessage(text, isError: true)
            state.modal = .message(text)
            return []
        }
        let name = Describe(catalog: state.catalog, language: state.language).competencyName(competency)
        state.status = StatusMessage(Str.assessSelfSaved.format(state.language, name, String(level)))
        // The record changed: read it again (the target stays), so Me and the form show it.
        return [.loadPerson(id: personID)]
    }
}

extension AppState {
    var layout: Layout { Layout(size: size) }

    /// Runs `body` on the session in place (without copying its arrays) when there is one.
    mutating func withSession(_ body: (inout PersonSession) -> Void) {
        guard var s = session else { return }
        session = nil
        body(&s)
        session = s
    }

    // MARK: Keys

    mutating func handle(_ key: KeyEvent) -> [Effect] {
        if key == .resize { return [] }
        if let modal { return handleModal(modal, key) }
        let context = screen.context
        if screen == .supervisor { return handleSupervisorKey(key) }
        if screen == .reports { return handleReportsKey(key) }
        if screen == .people, let effects = handlePicker(key) { return effects }
        guard let action = AppKeymap.action(for: key, in: context) else { return [] }
        return perform(action)
    }

    private mutating func handleModal(_ modal: Modal, _ key: KeyEvent) -> [Effect] {
        if modal.context == .form, let effects = handleForm(modal, key) { return effects }
        if case .confirm(let action, _) = modal {
            switch key {
            case .char("y"), .char("Y"), .enter:
                self.modal = nil
                return carryOut(action)
            case .char("n"), .char("N"), .escape:
                self.modal = nil
                return []
            default:
                break
            }
        }
        let context = modal.context
        if let action = AppKeymap.action(for: key, in: context, globalFallback: false) {
            return performInModal(modal, action)
        }
        if case .search(var search) = modal {
            if case .char(let c) = key {
                search.query.insert(String(c))
                runSearch(&search)
                self.modal = .search(search)
                return []
            }
            let before = search.query.text
            if search.query.apply(key) {
                if search.query.text != before { runSearch(&search) }
                self.modal = .search(search)
                return []
            }
        }
        // Quit and the language switch work everywhere (function keys and Ctrl-C).
        switch AppKeymap.action(for: key, in: .global) {
        case .quit?: return perform(.quit)
        case .language?: return perform(.language)
        default: return []
        }
    }

    private mutating func performInModal(_ modal: Modal, _ action: AppAction) -> [Effect] {
        switch modal {
        case .help(let offset):
            let total = HelpText.lines(self, width: max(1, layout.helpFrame.width - 2)).count
            let rows = max(1, layout.helpRows)
            let maxOffset = max(0, total - rows)
            switch action {
            case .close: self.modal = nil
            case .up: self.modal = .help(offset: max(0, offset - 1))
            case .down: self.modal = .help(offset: min(maxOffset, offset + 1))
            case .pageUp: self.modal = .help(offset: max(0, offset - rows))
            case .pageDown: self.modal = .help(offset: min(maxOffset, offset + rows))
            default: break
            }
        case .search(var search):
            switch action {
            case .close: self.modal = nil
            case .up: search.list.move(by: -1, count: search.results.count)
            case .down: search.list.move(by: 1, count: search.results.count)
            case .deleteBackward: search.query.deleteBackward(); runSearch(&search)
            case .clearInput: search.query.clear(); runSearch(&search)
            case .activate:
                self.modal = nil
                if let s = search.list.selected, s < search.results.count { return open(search.results[s]) }
                return []
            default: break
            }
            search.list.keepVisible(rows: search.listRows(layout.searchRows), count: search.results.count)
            if case .search = self.modal ?? .message("") { self.modal = .search(search) }
        case .message, .confirm:
            if action == .close { self.modal = nil }
        case .why(var why):
            let total = WhyText.lines(self, why, width: max(1, layout.helpFrame.width - 2)).count
            let rows = WhyText.rows(layout)
            let maxOffset = max(0, total - rows)
            switch action {
            case .close: self.modal = nil; return []
            case .up: why.offset = max(0, why.offset - 1)
            case .down: why.offset = min(maxOffset, why.offset + 1)
            case .pageUp: why.offset = max(0, why.offset - rows)
            case .pageDown: why.offset = min(maxOffset, why.offset + rows)
            default: break
            }
            self.modal = .why(why)
        case .assess, .progress, .export, .reportUnit, .reportDue:
            break   // their keys: `handleForm`
        }
        return []
    }

    /// Opens the why view of the gap selected on Gaps (the engine explains it once, here).
    private mutating func openWhy() {
        guard screen == .gaps, let session, let report = session.report, let gap = session.selectedGap else { return }
        let explanation = analyzer.explain(gap, of: session.record, target: report.target, on: report.on)
        modal = .why(WhyState(gap: gap, explanation: explanation))
    }

    mutating func perform(_ action: AppAction) -> [Effect] {
        switch action {
        case .help: modal = .help(offset: 0)
        case .language:
            language = language.toggled
            picker.refilter(language: language)
            if let id = session?.person.id { selectInPicker(id) }
            status = StatusMessage(Str.languageSwitched.text(language))
        case .search: modal = .search(SearchState())
        case .screenPeople: return show(.people)
        case .screenMe: return show(.me)
        case .screenPaths: return show(.paths)
        case .screenGaps: return show(.gaps)
        case .screenPlan: return show(.plan)
        case .screenCatalog: return show(.catalog)
        case .screenReports: return openReports()
        case .quit:
            quitting = true
            return [.quit]
        case .nextPane: setFocus((focusedPane + 1) % screen.paneCount)
        case .previousPane: setFocus((focusedPane + screen.paneCount - 1) % screen.paneCount)
        case .left: setFocus(max(0, focusedPane - 1))
        case .right: setFocus(min(screen.paneCount - 1, focusedPane + 1))
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-max(1, pageRows - 1))
        case .pageDown: move(max(1, pageRows - 1))
        case .first: move(-Int.max / 2)
        case .last: move(Int.max / 2)
        case .activate: return activate()
        case .back: return back()
        case .togglePick: togglePick()
        case .savePlan:
            guard let session, let plan = session.projection else { status = StatusMessage(Str.noTarget.text(language), isError: true); return [] }
            status = StatusMessage(Str.planSaving.text(language))
            if savingPlan { return [] }
            savingPlan = true
            return [.savePlan(plan, planID: session.savedPlan?.id, revision: session.savedPlan?.revision ?? 0)]
        case .submitPlan:
            guard let session, session.projection != nil else { status = StatusMessage(Str.noTarget.text(language), isError: true); return [] }
            guard let saved = session.savedPlan else { status = StatusMessage(Str.planNotSaved.text(language), isError: true); return [] }
            return [.submitPlan(personID: session.person.id, planID: saved.id, revision: saved.revision)]
        case .exportPlan:
            guard session?.projection != nil else { status = StatusMessage(Str.noTarget.text(language), isError: true); return [] }
            // Where to: the folder field, the last folder used (at first the runner's) filled in.
            modal = .export(InputFieldState(text: exportFolder))
        case .newPlanVersion:
            guard let session, session.projection != nil else { status = StatusMessage(Str.noTarget.text(language), isError: true); return [] }
            guard let saved = session.savedPlan, saved.planStatus.needsNewVersion else {
                status = StatusMessage(Str.noNewVersion.text(language), isError: true)
                return []
            }
            modal = .confirm(.newPlanVersion, Str.confirmNewVersion.format(language, String(saved.version + 1), String(saved.version)))
        case .assessSelf:
            return openSelfAssessment()
        case .adoptSuggested, .clearPlan:
            // Replacing or clearing picks the person made asks first; with nothing picked there is nothing to lose.
            if session?.picks.isEmpty == false { modal = .confirm(action, Str.question(action).text(language)); return [] }
            return carryOut(action)
        case .stepProgress:
            guard let session, let saved = session.savedPlan, saved.planStatus.isUnderWay else {
                status = StatusMessage(Str.noStepToRecord.text(language), isError: true)
                return []
            }
            guard let form = ProgressForm(personID: session.person.id, plan: saved, today: today, language: language) else {
                status = StatusMessage(Str.progressNone.text(language), isError: true)
                return []
            }
            modal = .progress(form)
        case .deleteBackward:
            picker.filter.deleteBackward()
            picker.refilter(language: language)
        case .clearInput:
            picker.filter.clear()
            picker.refilter(language: language)
        case .close:
            modal = nil
        case .sortNext, .wholeChain, .nextPost, .filterList, .compare, .approvePlan, .returnPlan, .commentPlan, .succession, .assessCompetency,
             .confirmStep:
            return performSupervisor(action)
        case .why:
            openWhy()
        case .focusList:
            picker.filtering = false
        case .reportNextTab, .reportPreviousTab, .reportSubmit, .reportUnit, .reportNextYear, .reportPreviousYear, .reportDue:
            break   // Reports keys, handled by `handleReportsKey`.
        }
        keepSelectionsVisible()
        return []
    }

    /// Does an action a confirmation asked about (`Modal.confirm`).
    mutating func carryOut(_ action: AppAction) -> [Effect] {
        switch action {
        case .adoptSuggested: withSession { [analyzer, today] in $0.adoptSuggested(analyzer: analyzer, today: today) }
        case .clearPlan: withSession { [analyzer, today] in $0.clearPicks(analyzer: analyzer, today: today) }
        case .newPlanVersion:
            guard let session, let plan = session.projection, let saved = session.savedPlan else { return [] }
            return [.startPlanVersion(plan, planID: saved.id, revision: saved.revision)]
        case .confirmStep:
            return carryOutConfirmStep()
        default: return perform(action)
        }
        keepSelectionsVisible()
        return []
    }

    /// Switches screens. Showing the loaded record on another screen reads nothing, so it writes no
    /// audit row: the store audited the read (`Effect.loadPerson`).
    mutating func show(_ next: Screen) -> [Effect] {
        // A status message belongs to the screen it was given on ("Plan exported" is not news on Me).
        if next != screen { previousScreen = screen; status = nil }
        // Back on the picker, its list has the keys again (the filter's text stays).
        if next != screen { picker.filtering = false }
        screen = next
        keepSelectionsVisible()
        // The Plan screen shows the saved plan toward the target: read it once per target.
        if next == .plan, let session, let target = session.target, session.savedPlanTarget != target.id {
            return [.loadSavedPlan(personID: session.person.id, target: target.id)]
        }
        // Without a target the Plan screen still lists the person's plans.
        if next == .plan, let session, session.target == nil, session.allPlans == nil { return [.loadPlans(personID: session.person.id)] }
        return []
    }

    private mutating func setFocus(_ pane: Int) {
        focus[screen] = max(0, min(screen.paneCount - 1, pane))
    }

    /// Rows of the focused list (for paging).
    private var pageRows: Int {
        let l = layout
        switch (screen, focusedPane) {
        case (.people, _): return l.peopleRows
        case (.me, 0): return profileRows
        case (.me, _): return timelineRows
        case (.paths, 0): return l.linesRows
        case (.paths, 1): return l.ladderRows
        case (.paths, _): return l.targetsRows
        case (.gaps, 0): return l.gapListRows
        case (.gaps, _): return l.gapDetailParts.list.height
        case (.plan, 0): return l.planRows
        case (.plan, _): return l.planSummaryRows
        case (.catalog, 0): return l.catalogRows
        case (.catalog, _): return l.catalogDetailRows
        case (.supervisor, _): return subordinateRows
        case (.reports, _): return l.body.height
        }
    }

    mutating func move(_ delta: Int) {
        let catalog = self.catalog
        let focusedPane = self.focusedPane
        let language = self.language
        switch screen {
        case .people:
            picker.list.move(by: delta, count: picker.visible.count)
        case .me:
            let fields = meTimelineFields
            if focusedPane == 0 {
                // The profile scrolls: its record (assessments, courses, earlier levels) runs below.
                let lines = session.map { MeText.profileLines($0, self).count } ?? 0
                let rows = profileRows
                withSession { $0.profileOffset = max(0, min(max(0, lines - rows), $0.profileOffset + delta.clampedStep)) }
            } else {
                let rows = timelineRows
                withSession { $0.timelineOffset = max(0, min(max(0, fields - rows), $0.timelineOffset + delta.clampedStep)) }
            }
        case .paths:
            withSession { s in
                switch PathsPane(rawValue: focusedPane) ?? .targets {
                case .lines:
                    let before = s.lines.selected
                    s.lines.move(by: delta.clampedStep, count: catalog.jobLines.count)
                    if s.lines.selected != before { s.resetLadder(catalog: catalog) }
                case .ladder:
                    // The ladder is drawn highest level first: ↓ goes down the drawing, to a lower level.
                    s.ladder.move(by: -delta.clampedStep, count: s.browsedLine(catalog)?.levels.count ?? 0)
                case .targets:
                    s.targets.move(by: delta.clampedStep, count: s.paths.count)
                }
            }
        case .gaps:
            withSession { s in
                if focusedPane == 0 {
                    let before = s.gapList.selected
                    let rows = s.gapRows
                    moveSkippingHeadings(&s.gapList, by: delta, count: rows.count) { rows[$0].kind == .item }
                    if s.gapList.selected != before { s.gapDetail = ListState() }
                } else {
                    s.gapDetail.move(by: delta.clampedStep, count: s.selectedGap?.suggestions.count ?? 0)
                }
            }
        case .plan:
            let rows = layout.planSummaryRows
            withSession { s in
                if focusedPane == 0 {
                    let planRows = s.planRows
                    moveSkippingHeadings(&s.planList, by: delta, count: planRows.count) { planRows[$0].kind == .item }
                } else {
                    let total = PlanText.summaryLines(s, catalog: catalog, language: language).count
                    s.summaryOffset = max(0, min(max(0, total - rows), s.summaryOffset + delta.clampedStep))
                }
            }
        case .supervisor:
            _ = performSupervisor(delta < 0 ? .up : .down)
        case .reports:
            break   // moved by `handleReportsKey`
        case .catalog:
            if focusedPane == 0 {
                let before = catalogBrowser.list.selected
                let entries = catalogBrowser.entries
                moveSkippingHeadings(&catalogBrowser.list, by: delta, count: entries.count) { entries[$0].isItem }
                if catalogBrowser.list.selected != before { catalogBrowser.detailOffset = 0 }
            } else {
                let width = layout.catalogColumns[1].inset(by: 1).width
                let total = CatalogText.detailLines(self, width: width).count
                let rows = layout.catalogDetailRows
                catalogBrowser.detailOffset = max(0, min(max(0, total - rows), catalogBrowser.detailOffset + delta.clampedStep))
            }
        }
    }

    private mutating func activate() -> [Effect] {
        switch screen {
        case .people:
            guard let person = picker.selectedPerson else { return [] }
            if session?.person.id == person.id { return show(.me) }
            loadingPersonID = person.id
            status = StatusMessage(Str.loadingPerson.format(language, person.name(language)))
            return [.loadPerson(id: person.id)]
        case .me:
            return show(.paths)
        case .paths:
            guard let s = session else { return [] }
            switch PathsPane(rawValue: focusedPane) ?? .targets {
            case .lines:
                setFocus(PathsPane.ladder.rawValue)
                return []
            case .ladder:
                guard let line = s.browsedLine(catalog), let r = s.ladder.selected, r < line.levels.count else { return [] }
                return choose(.jobLineLevel(jobLine: line.id, level: line.levels[r].level))
            case .targets:
                guard let t = s.targets.selected, t < s.paths.count else { return [] }
                return choose(s.paths[t].target)
            }
        case .gaps:
            if focusedPane == 0 { setFocus(1) } else { togglePick() }
            return []
        case .plan:
            togglePick()
            return []
        case .catalog:
            setFocus(1)
            return []
        case .supervisor:
            return performSupervisor(.activate)
        case .reports:
            return []
        }
    }

    /// Opens Gaps for a target (analysed once here, then cached in the session).
    mutating func choose(_ target: Target) -> [Effect] {
        withSession { [analyzer, today] in $0.choose(target, analyzer: analyzer, today: today) }
        focus[.gaps] = 0
        focus[.plan] = 0
        return show(.gaps)
    }

    private mutating func back() -> [Effect] {
        // A subordinate opened full screen from supervisor mode: one Esc goes back to the split pane.
        if supervisor?.openedFull != nil, screen != .supervisor, focusedPane == 0 { return returnToSupervisor() }
        if supervisor != nil, screen == .me || (screen == .people && picker.filter.text.isEmpty) { return returnToSupervisor() }
        switch screen {
        case .people:
            if !picker.filter.text.isEmpty {
                picker.filter.clear()
                picker.refilter(language: language)
                return []
            }
            return session == nil ? [] : show(.me)
        case .me: return []
        case .paths: return show(.me)
        case .gaps:
            if focusedPane > 0 { setFocus(0); return [] }
            return show(.paths)
        case .plan:
            if focusedPane > 0 { setFocus(0); return [] }
            return show(.gaps)
        case .catalog:
            if focusedPane > 0 { setFocus(0); return [] }
            return show(previousScreen == .catalog ? .me : previousScreen)
        case .supervisor: return performSupervisor(.back)
        case .reports: return show(.people)
        }
    }

    private mutating func togglePick() {
        let analyzer = self.analyzer, today = self.today
        switch screen {
        case .gaps:
            withSession { s in
                guard let gap = s.selectedGap, !gap.suggestions.isEmpty else { return }
                let i = min(s.gapDetail.selected ?? 0, gap.suggestions.count - 1)
                s.togglePick(gap: gap, suggestion: gap.suggestions[i], analyzer: analyzer, today: today)
            }
        case .plan:
            withSession { s in
                guard let report = s.report, let r = s.planList.selected, r < s.planRows.count, s.planRows[r].kind == .item else { return }
                let gap = report.gaps[s.planRows[r].gap]
                s.togglePick(gap: gap, suggestion: gap.suggestions[s.planRows[r].suggestion], analyzer: analyzer, today: today)
            }
        default: break
        }
    }

    mutating func selectInPicker(_ id: String) {
        if let i = picker.visible.firstIndex(where: { picker.people[$0].id == id }) {
            picker.list.select(i, count: picker.visible.count)
        }
    }

    /// Stores scroll offsets so each list's selection is visible at the current size.
    mutating func keepSelectionsVisible() {
        let l = layout
        if supervisor != nil { keepSupervisorVisible() }
        picker.list.keepVisible(rows: l.peopleRows, count: picker.visible.count)
        catalogBrowser.list.keepVisible(rows: l.catalogRows, count: catalogBrowser.entries.count)
        let jobLines = catalog.jobLines.count
        withSession { s in
            s.lines.keepVisible(rows: l.linesRows, count: jobLines)
            s.targets.keepVisible(rows: l.targetsRows, count: s.paths.count)
            s.gapList.keepVisible(rows: l.gapListRows, count: s.gapRows.count)
            s.gapDetail.keepVisible(rows: l.gapDetailParts.list.height, count: s.selectedGap?.suggestions.count ?? 0)
            s.planList.keepVisible(rows: l.planRows, count: s.planRows.count)
        }
    }
}

/// Moves a selection by `delta` rows, skipping heading rows (in the direction of travel, then back).
func moveSkippingHeadings(_ list: inout ListState, by delta: Int, count: Int, isItem: (Int) -> Bool) {
    guard count > 0 else { list.selected = nil; return }
    let start = list.selected ?? 0
    var index = max(0, min(count - 1, start + delta.clampedStep))
    let step = delta >= 0 ? 1 : -1
    var probe = index
    while probe >= 0 && probe < count && !isItem(probe) { probe += step }
    if probe >= 0 && probe < count {
        index = probe
    } else {
        probe = index
        while probe >= 0 && probe < count && !isItem(probe) { probe -= step }
        index = probe >= 0 && probe < count ? probe : start
    }
    list.select(index, count: count)
}

extension Int {
    /// Huge deltas (Home/End) kept far from overflow when added to an index.
    var clampedStep: Int { Swift.max(-1_000_000, Swift.min(1_000_000, self)) }
}
