import CareerCatalog
import CareerEngine
import TerminalUI

extension AppState {
    /// Starts supervisor mode for `supervisorID` (`careerpath --as ID`): the split pane opens, the
    /// subordinates are asked for once the people list arrives (or now, with the returned effects).
    @discardableResult
    public mutating func startSupervisorMode(supervisorID: String) -> [Effect] {
        supervisor = SupervisorState(supervisorID: supervisorID)
        viewerID = viewerID ?? supervisorID
        screen = .supervisor
        return []
    }

    /// The effect listing the subordinates, once.
    mutating func requestSubordinatesIfNeeded() -> [Effect] {
        guard var sup = supervisor, !sup.requested else { return [] }
        sup.requested = true
        supervisor = sup
        return [.supervisor(.listSubordinates(supervisorID: sup.supervisorID))]
    }

    /// Runs `body` on the supervisor state in place.
    @discardableResult
    mutating func withSupervisor<T>(_ body: (inout SupervisorState) -> T) -> T? {
        guard var s = supervisor else { return nil }
        supervisor = nil
        let out = body(&s)
        supervisor = s
        return out
    }

    /// Whether a `.personLoaded` answers a load supervisor mode asked for (it goes to the cache).
    func supervisorAwaits(_ id: String) -> Bool { supervisor?.pending.contains(id) == true }

    // MARK: Events

    mutating func supervisorAnswered(_ event: SupervisorEvent) -> [Effect] {
        guard supervisor != nil else { return [] }
        switch event {
        case .subordinatesListed(let boss, let records):
            let posts = supervisorPosts
            let catalog = self.catalog
            withSupervisor { s in
                s.supervisor = boss
                s.records = records.filter { $0.person.id != s.supervisorID }
                s.loaded = true
                if s.postChoice == 0, let boss, let id = SupervisorRoster.defaultPost(for: boss, posts: posts, catalog: catalog),
                   let i = posts.firstIndex(where: { $0.id == id }) {
                    s.postIndex = i
                }
            }
            rebuildSubordinateRows()
            return supervisorSelectionChanged()
        case .planLoaded(let id, let plan):
            withSupervisor { $0.plans[id] = .some(plan) }
            return []
        case .planReviewed(let id, let plan, let error):
            if let error {
                status = StatusMessage(SupText.reviewFailed.format(language, error), isError: true)
                return []
            }
            withSupervisor { $0.plans[id] = .some(plan) }
            let kind = plan?.notes.last.flatMap { PlanReviewAction(rawValue: $0.action) } ?? .comment
            status = StatusMessage(SupText.reviewed(kind).text(language))
            return []
        case .assessmentRecorded(let id, let competency, let level, let error):
            if let error {
                status = StatusMessage(SupText.assessmentFailed.format(language, language == .th ? error.th : error.en), isError: true)
                return []
            }
            let name = Describe(catalog: catalog, language: language).competencyName(competency)
            status = StatusMessage(SupText.assessmentSaved.format(language, name, String(level)))
            // The record changed: read it again so the gaps move.
            withSupervisor { $0.sessions[id] = nil; $0.pending.remove(id) }
            return loadForSupervisor(id)
        case .stepConfirmed(let id, let position, let plan, let error):
            if let error {
                let text = error.text(language)
                status = StatusMessage(text, isError: true)
                modal = .message(text)
                return []
            }
            if let plan { withSupervisor { $0.plans[id] = .some(plan) } }
            status = StatusMessage(Str.stepConfirmed.format(language, String(position + 1)))
            // The record changed (an assignment or a training): read it again so the gaps move.
            withSupervisor { $0.sessions[id] = nil; $0.pending.remove(id) }
            return loadForSupervisor(id)
        case .awaitingReview(let count):
            if count > 0 { status = StatusMessage(SupText.awaiting.format(language, String(count))) }
            return []
        case .failed(let message):
            status = StatusMessage(message, isError: true)
            withSupervisor { $0.loaded = true }
            return []
        }
    }

    /// Caches a session loaded for supervisor mode: its target is the next level (else the chosen
    /// director post), with the engine's suggested plan picked, as the right pane shows it.
    mutating func supervisorLoaded(_ record: PersonRecord, _ context: OrganizationContext) -> [Effect] {
        var session = PersonSession(record: record, context: context, analyzer: analyzer, today: today)
        if let target = paneTarget(record.person) {
            session.choose(target, analyzer: analyzer, today: today)
            session.adoptSuggested(analyzer: analyzer, today: today)
        }
        withSupervisor { s in
            s.pending.remove(record.person.id)
            s.sessions[record.person.id] = session
            s.targetedUnder[record.person.id] = s.postChoice
        }
        return []
    }

    /// The right pane's target for a subordinate: their next level (else the chosen post) until the
    /// supervisor chooses a post with `d`; from then on the chosen post, for everyone.
    func paneTarget(_ person: Person) -> Target? {
        let post = chosenPost.map { Target.directorPost($0.id) }
        if (supervisor?.postChoice ?? 0) > 0, let post { return post }
        return SupervisorRoster.nextLevel(person, catalog: catalog) ?? post
    }

    /// Retargets the cached sessions on screen (the selected one, or the two compared) that were
    /// targeted before the latest `d`.
    mutating func retargetShown() {
        guard let s = supervisor else { return }
        var ids: [String] = []
        switch s.mode {
        case .split: ids = s.selected.map { [$0.person.id] } ?? []
        case .compare(let a, let b): ids = [a, b]
        case .succession: ids = []
        }
        for id in ids {
            guard var session = s.sessions[id], s.targetedUnder[id] != s.postChoice else { continue }
            if let target = paneTarget(session.person), target != session.target {
                session.choose(target, analyzer: analyzer, today: today)
                session.adoptSuggested(analyzer: analyzer, today: today)
            }
            withSupervisor { $0.sessions[id] = session; $0.targetedUnder[id] = $0.postChoice }
        }
    }

    /// The posts of the badge column and the succession screen: the director posts, then the
    /// executive posts above them.
    var supervisorPosts: [DirectorPost] { catalog.directorPosts + catalog.executivePosts }

    /// The post chosen for the badge column.
    var chosenPost: DirectorPost? {
        let posts = supervisorPosts
        guard let i = supervisor?.postIndex, i < posts.count else { return nil }
        return posts[i]
    }

    /// Recomputes the rows (direct or whole chain, badges from caches, sort, filter).
    mutating func rebuildSubordinateRows() {
        let chosen = chosenPost
        guard var s = supervisor else { return }
        supervisor = nil
        defer { supervisor = s }
        let depths = SupervisorRoster.depths(s.records, below: s.supervisorID)
        let shown = s.records.filter { r in depths[r.person.id].map { s.wholeChain || $0 == 1 } ?? false }
        let byID = Dictionary(s.records.map { ($0.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        func context(_ p: Person) -> OrganizationContext {
            OrganizationContext.chain(above: p) { id in byID[id]?.person ?? (id == s.supervisorID ? s.supervisor : nil) }
        }
        if let post = chosen, s.postBands[post.id] == nil {
            let pool = SuccessionRanker(analyzer: analyzer).rank(s.records, post: post, on: today)
            s.postBands[post.id] = Dictionary(pool.candidates.map { ($0.person.id, $0.band) }, uniquingKeysWith: { a, _ in a })
        }
        let postBands = chosen.flatMap { s.postBands[$0.id] } ?? [:]
        let ranker = SuccessionRanker(analyzer: analyzer)
        var rows: [SubordinateRow] = []
        for r in shown {
            let next: (Target?, SuccessionBand?)
            if let cached = s.nextBands[r.person.id] {
                next = cached
            } else {
                let target = SupervisorRoster.nextLevel(r.person, catalog: catalog)
                next = (target, target.map { ranker.band(r, target: $0, on: today, context: context(r.person)) })
                s.nextBands[r.person.id] = next
            }
            rows.append(SubordinateRow(record: r, depth: depths[r.person.id] ?? 1,
                                       monthsInLevel: r.person.levelSince.wholeMonths(until: today),
                                       nextLevel: next.0, nextLevelBand: next.1, postBand: postBands[r.person.id]))
        }
        let selectedID = s.selected?.person.id
        let keys = SupervisorSort.Keys(rows, language: language, catalog: catalog)
        let column = s.sortColumn
        rows.sort { a, b in keys.before(a, b, by: column) }
        s.rows = rows
        refilterSubordinates(&s, keep: selectedID)
    }

    func refilterSubordinates(_ s: inout SupervisorState, keep id: String?) {
        let needle = s.filter.text.lowercased()
        let d = Describe(catalog: catalog, language: language)
        s.visible = s.rows.indices.filter { i in
            guard !needle.isEmpty else { return true }
            let p = s.rows[i].person
            return "\(p.id) \(p.nameTH) \(p.nameEN) \(d.lineName(p.jobLine)) \(p.level)".lowercased().contains(needle)
        }
        if let id, let i = s.visible.firstIndex(where: { s.rows[$0].person.id == id }) {
            s.list.select(i, count: s.visible.count)
        } else {
            s.list = ListState(selected: nil)
            s.list.selectFirst(count: s.visible.count)
        }
    }

    /// After the selection moved: load the person (once; then the session is cached) and their saved plan.
    mutating func supervisorSelectionChanged() -> [Effect] {
        retargetShown()
        guard let s = supervisor, let row = s.selected else { return [] }
        return loadForSupervisor(row.person.id)
    }

    mutating func loadForSupervisor(_ id: String) -> [Effect] {
        guard let s = supervisor else { return [] }
        var effects: [Effect] = []
        if s.sessions[id] == nil && !s.pending.contains(id) {
            withSupervisor { $0.pending.insert(id) }
            effects.append(.loadPerson(id: id))
        }
        if s.plans[id] == nil { effects.append(.supervisor(.loadPlan(personID: id))) }
        return effects
    }

    // MARK: Keys

    mutating func handleSupervisorKey(_ key: KeyEvent) -> [Effect] {
        guard let s = supervisor else {
            guard let action = AppKeymap.action(for: key, in: .supervisor) else { return [] }
            return isSupervisorAction(action) ? [] : perform(action)
        }
        if let input = s.input { return handleSupervisorInput(input, key) }
        guard let action = AppKeymap.action(for: key, in: .supervisor) else { return [] }
        return performSupervisor(action)
    }

    private func isSupervisorAction(_ action: AppAction) -> Bool {
        switch action {
        case .sortNext, .wholeChain, .nextPost, .filterList, .compare, .approvePlan, .returnPlan, .commentPlan, .succession, .assessCompetency,
             .confirmStep, .up, .down, .pageUp, .pageDown, .first, .last, .activate, .back, .nextPane, .previousPane, .left, .right:
            return true
        default: return false
        }
    }

    private mutating func handleSupervisorInput(_ input: SupervisorInput, _ key: KeyEvent) -> [Effect] {
        switch input {
        case .filter:
            if key == .enter || key == .escape {
                withSupervisor { s in
                    if key == .escape { s.filter.clear() }
                    s.input = nil
                }
                refilterKeepingSelection()
                return supervisorSelectionChanged()
            }
            let changed: Bool = withSupervisor { s in
                if case .char(let c) = key { _ = s.filter.insert(String(c)); return true }
                return s.filter.apply(key)
            } ?? false
            if changed { refilterKeepingSelection() }
            return changed ? supervisorSelectionChanged() : []
        case .comment(let kind):
            if key == .escape {
                withSupervisor { $0.input = nil; $0.comment.clear() }
                return []
            }
            if key == .enter {
                let text = supervisor?.comment.text ?? ""
                // A return needs its reason (the store refuses one without): the prompt stays open.
                if kind == .return && text.trimmingCharacters(in: .whitespaces).isEmpty {
                    status = StatusMessage(SupText.reasonRequired.text(language), isError: true)
                    return []
                }
                withSupervisor { $0.input = nil; $0.comment.clear() }
                guard let row = supervisor?.selected, case .some(.some(let plan)) = supervisor?.plans[row.person.id] else { return [] }
                if kind == .comment && text.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
                return [.supervisor(.reviewPlan(personID: row.person.id, planID: plan.id, kind: kind, comment: text))]
            }
            withSupervisor { s in
                if case .char(let c) = key { _ = s.comment.insert(String(c)) } else { _ = s.comment.apply(key) }
            }
            return []
        case .assess:
            return handleAssessmentKey(key)
        }
    }

    /// The assessment form's keys (`AssessmentForm.apply`); Enter saves through the store, Esc cancels.
    private mutating func handleAssessmentKey(_ key: KeyEvent) -> [Effect] {
        guard var form = supervisor?.assessment else {
            withSupervisor { $0.input = nil }
            return []
        }
        switch form.apply(key) {
        case .edited:
            withSupervisor { $0.assessment = form }
            return []
        case .cancelled:
            withSupervisor { $0.input = nil; $0.assessment = nil }
            return []
        case .levelMissing:
            status = StatusMessage(SupText.levelRequired.text(language), isError: true)
            return []
        case .save(let competency, let level, let note):
            withSupervisor { $0.input = nil; $0.assessment = nil }
            return [.supervisor(.recordAssessment(personID: form.personID, competency: competency, level: level, note: note, on: today))]
        }
    }

    private mutating func refilterKeepingSelection() {
        guard var s = supervisor else { return }
        refilterSubordinates(&s, keep: s.selected?.person.id)
        supervisor = s
        keepSupervisorVisible()
    }

    /// Rows of the subordinates table at the current size.
    var subordinateRows: Int { TableView.bodyRows(in: SupervisorLayout(body: layout.body).table) }

    mutating func keepSupervisorVisible() {
        let rows = subordinateRows
        let postRows = max(1, SupervisorLayout(body: layout.body).left.height - 2)
        let postIDs = supervisorPosts.map(\.id)
        let posts = postIDs.count
        withSupervisor { s in
            s.list.keepVisible(rows: rows, count: s.visible.count)
            s.posts.keepVisible(rows: postRows, count: posts)
            let pool = s.posts.selected.flatMap { i in i < posts ? s.pools[postIDs[i]] : nil }
            s.pool.keepVisible(rows: max(1, postRows - 1), count: pool?.candidates.count ?? 0)
        }
    }

    mutating func performSupervisor(_ action: AppAction) -> [Effect] {
        guard let s = supervisor else { return [] }
        let focusRight = (focus[.supervisor] ?? 0) == 1
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            let page = max(1, subordinateRows - 1)
            let delta: Int
            switch action {
            case .up: delta = -1
            case .down: delta = 1
            case .pageUp: delta = -page
            case .pageDown: delta = page
            case .first: delta = -1_000_000
            default: delta = 1_000_000
            }
            if s.mode == .succession { return moveSuccession(delta, right: focusRight) }
            if focusRight {
                // The right pane scrolls the selected person's gap list.
                guard let id = s.selected?.person.id else { return [] }
                withSupervisor { sup in
                    guard var session = sup.sessions[id] else { return }
                    let rows = session.gapRows
                    moveSkippingHeadings(&session.gapList, by: delta, count: rows.count) { rows[$0].kind == .item }
                    sup.sessions[id] = session
                }
                return []
            }
            withSupervisor { $0.list.move(by: delta, count: $0.visible.count) }
            keepSupervisorVisible()
            return supervisorSelectionChanged()
        case .nextPane, .previousPane, .left, .right:
            let next: Int
            switch action {
            case .left: next = 0
            case .right: next = 1
            default: next = focusRight ? 0 : 1
            }
            focus[.supervisor] = next
            return []
        case .activate:
            if s.mode == .succession {
                if !focusRight { focus[.supervisor] = 1 }
                return []
            }
            return openSelectedFull()
        case .back:
            if s.mode != .split {
                withSupervisor { $0.mode = .split }
                return []
            }
            if s.marked != nil { withSupervisor { $0.marked = nil }; status = nil; return [] }
            if focusRight { focus[.supervisor] = 0; return [] }
            if !s.filter.text.isEmpty {
                withSupervisor { $0.filter.clear() }
                refilterKeepingSelection()
                return supervisorSelectionChanged()
            }
            return []
        case .sortNext:
            withSupervisor { $0.sortColumn = SubordinateColumn(rawValue: ($0.sortColumn.rawValue + 1) % SubordinateColumn.allCases.count) ?? .name }
            rebuildSubordinateRows()
            status = StatusMessage(SupText.sortedBy.format(language, SupText.column(supervisor?.sortColumn ?? .name).text(language)))
            return []
        case .wholeChain:
            withSupervisor { $0.wholeChain.toggle() }
            rebuildSubordinateRows()
            keepSupervisorVisible()
            status = StatusMessage((supervisor?.wholeChain == true ? SupText.showingChain : SupText.showingDirect).text(language))
            return supervisorSelectionChanged()
        case .nextPost:
            let count = supervisorPosts.count
            guard count > 0 else { return [] }
            withSupervisor { $0.postIndex = ($0.postIndex + 1) % count; $0.postChoice += 1 }
            rebuildSubordinateRows()
            retargetShown()
            if let post = chosenPost { status = StatusMessage(SupText.postChosen.format(language, post.name.text(language))) }
            return []
        case .filterList:
            withSupervisor { $0.input = .filter }
            return []
        case .compare:
            guard let id = s.selected?.person.id else { return [] }
            guard let marked = s.marked, marked != id else {
                withSupervisor { $0.marked = id }
                status = StatusMessage(SupText.markedForCompare.format(language, s.selected?.person.name(language) ?? id))
                return []
            }
            withSupervisor { $0.mode = .compare(marked, id); $0.marked = nil }
            status = nil
            retargetShown()
            return loadForSupervisor(marked) + loadForSupervisor(id)
        case .approvePlan, .returnPlan, .commentPlan:
            guard let row = s.selected, case .some(.some) = s.plans[row.person.id] else {
                status = StatusMessage(SupText.noSavedPlan.text(language), isError: true)
                return []
            }
            let kind: PlanReviewAction = action == .approvePlan ? .approve : action == .returnPlan ? .return : .comment
            withSupervisor { $0.input = .comment(kind); $0.comment.clear() }
            return []
        case .assessCompetency:
            // The competencies the pane's target requires (the next level, else the chosen post).
            guard let row = s.selected, let session = s.sessions[row.person.id], let target = session.target else {
                status = StatusMessage(SupText.loadingPerson.text(language), isError: true)
                return []
            }
            guard let form = AssessmentForm(personID: row.person.id, assessor: .supervisor, record: session.record, target: target,
                                            report: session.report, context: session.context, analyzer: analyzer, today: today) else {
                status = StatusMessage(SupText.noCompetencies.text(language), isError: true)
                return []
            }
            withSupervisor { $0.input = .assess; $0.assessment = form }
            status = nil
            return []
        case .confirmStep:
            // The first completed step of the selected person's plan not confirmed yet: asked first.
            guard let row = s.selected, case .some(.some(let plan)) = s.plans[row.person.id], plan.planStatus.isUnderWay,
                  let step = plan.steps.first(where: { $0.completedOn != nil && !$0.isConfirmed }), let completed = step.completedOn else {
                status = StatusMessage(Str.noStepToConfirm.text(language), isError: true)
                return []
            }
            let d = Describe(catalog: catalog, language: language)
            modal = .confirm(.confirmStep, Str.confirmStep.format(language, String(step.position + 1), d.methodName(step.method),
                                                                  d.date(completed), row.person.name(language)))
            return []
        case .succession:
            let postCount = supervisorPosts.count
            withSupervisor { sup in
                sup.mode = .succession
                if sup.posts.selected == nil { sup.posts.select(sup.postIndex, count: postCount) }
            }
            focus[.supervisor] = 0
            rankSelectedPost()
            keepSupervisorVisible()
            return []
        case .screenMe where session?.person.id != s.supervisorID:
            // "Me" is the supervisor: their own record, loaded the first time.
            if let own = s.ownSession {
                session = own
                return show(.me)
            }
            loadingPersonID = s.supervisorID
            return [.loadPerson(id: s.supervisorID)]
        default:
            return perform(action)
        }
    }

    private mutating func moveSuccession(_ delta: Int, right: Bool) -> [Effect] {
        let count = supervisorPosts.count
        if right {
            let poolCount = selectedPool?.candidates.count ?? 0
            withSupervisor { $0.pool.move(by: delta, count: poolCount) }
        } else {
            withSupervisor { $0.posts.move(by: delta, count: count) }
            rankSelectedPost()
        }
        keepSupervisorVisible()
        return []
    }

    /// The pool of the post selected on the succession screen.
    var selectedPool: SuccessionPool? {
        let posts = supervisorPosts
        guard let s = supervisor, let i = s.posts.selected, i < posts.count else { return nil }
        return s.pools[posts[i].id]
    }

    /// Ranks the selected post's pool among the records in reach (once per post).
    mutating func rankSelectedPost() {
        let posts = supervisorPosts
        guard let s = supervisor, let i = s.posts.selected, i < posts.count else { return }
        let post = posts[i]
        if s.pools[post.id] == nil {
            let ranker = SuccessionRanker(analyzer: analyzer)
            let pool = ranker.withPlanDates(ranker.rank(s.records, post: post, on: today), records: s.records, first: 40)
            withSupervisor { $0.pools[post.id] = pool }
        }
        let count = supervisor?.pools[post.id]?.candidates.count ?? 0
        withSupervisor { $0.pool = ListState(selected: nil); $0.pool.selectFirst(count: count) }
    }

    /// Carries out `f` once confirmed: the step the question named (the selected person's first completed, unconfirmed one).
    mutating func carryOutConfirmStep() -> [Effect] {
        guard let row = supervisor?.selected, case .some(.some(let plan)) = supervisor?.plans[row.person.id],
              let step = plan.steps.first(where: { $0.completedOn != nil && !$0.isConfirmed }) else { return [] }
        return [.supervisor(.confirmStep(personID: row.person.id, planID: plan.id, stepID: step.id))]
    }

    /// Opens the selected person on the individual screens (Gaps when a target is chosen).
    mutating func openSelectedFull() -> [Effect] {
        guard let s = supervisor, let row = s.selected else { return [] }
        guard let session = s.sessions[row.person.id] else {
            status = StatusMessage(Str.loadingPerson.format(language, row.person.name(language)))
            return loadForSupervisor(row.person.id)
        }
        if let own = self.session, own.person.id == s.supervisorID { withSupervisor { $0.ownSession = own } }
        self.session = session
        withSupervisor { $0.openedFull = row.person.id }
        focus[.gaps] = 0
        return show(session.report == nil ? .me : .gaps)
    }

    /// Back from the individual screens: the session (with any picks) goes back into the cache.
    mutating func returnToSupervisor() -> [Effect] {
        if let session, let id = supervisor?.openedFull, session.person.id == id {
            // The person's own choices on the full screens stand until the next `d`.
            withSupervisor { $0.sessions[id] = session; $0.targetedUnder[id] = $0.postChoice }
        }
        if let id = supervisor?.supervisorID, session?.person.id != id {
            // Back to the supervisor's own record (or none yet): the title bar and F5 are theirs.
            session = supervisor?.ownSession
        } else if let own = session {
            withSupervisor { $0.ownSession = own }
        }
        withSupervisor { $0.openedFull = nil }
        // Through `show`, like every screen change: a status given on the full screens goes with them.
        let effects = show(.supervisor)
        keepSupervisorVisible()
        return effects
    }
}

/// Sort order of the subordinates table: the chosen column, then the name, both by collation
/// (Thai names and line names in Thai dictionary order, as the person picker sorts them).
enum SupervisorSort {
    /// Collation keys made once per rebuild (a comparison of keys is a byte comparison).
    struct Keys {
        let names: [String: [UInt8]]
        let lines: [String: [UInt8]]
        let ranks: [String: Int]

        init(_ rows: [SubordinateRow], language: Language, catalog: Catalog) {
            func keys(_ texts: [String]) -> [[UInt8]] {
                if language == .th, let collator = ThaiCollator.shared { return collator.sortKeys(texts) }
                return texts.map(SearchText.folded)
            }
            let ids = rows.map(\.person.id)
            names = Dictionary(zip(ids, keys(rows.map { $0.person.name(language) })), uniquingKeysWith: { a, _ in a })
            let lineIDs = Array(Set(rows.map(\.person.jobLine))).sorted()
            lines = Dictionary(zip(lineIDs, keys(lineIDs.map { catalog.jobLinesByID[$0]?.name.text(language) ?? $0 })),
                               uniquingKeysWith: { a, _ in a })
            ranks = SupervisorRoster.levelRanks(catalog)
        }

        func before(_ a: SubordinateRow, _ b: SubordinateRow, by column: SubordinateColumn) -> Bool {
            func band(_ x: SuccessionBand?) -> Int { x?.order ?? 9 }
            let key: (Int, Int)?
            switch column {
            case .name: key = nil
            case .line:
                let la = lines[a.person.jobLine] ?? [], lb = lines[b.person.jobLine] ?? []
                if la != lb { return la.lexicographicallyPrecedes(lb) }
                key = nil
            // Higher levels first.
            case .level: key = (-(ranks[a.person.level] ?? -1), -(ranks[b.person.level] ?? -1))
            case .timeInLevel: key = (-a.monthsInLevel, -b.monthsInLevel)
            case .nextLevel: key = (band(a.nextLevelBand), band(b.nextLevelBand))
            case .post: key = (band(a.postBand), band(b.postBand))
            }
            if let key, key.0 != key.1 { return key.0 < key.1 }
            let na = names[a.person.id] ?? [], nb = names[b.person.id] ?? []
            return na != nb ? na.lexicographicallyPrecedes(nb) : a.person.id < b.person.id
        }
    }
}

extension AppState {
    /// Words that name the people supervisor mode knows (the supervisor, everyone in their chain,
    /// and the chain above `session`'s person) instead of their ids.
    func supervisorPeopleNames(_ session: PersonSession?) -> Describe {
        var people = session?.context.supervisorChain ?? []
        if let boss = supervisor?.supervisor { people.append(boss) }
        people += supervisor?.records.map(\.person) ?? []
        var seen: Set<String> = []
        return Describe(catalog: catalog, language: language, people: people.filter { seen.insert($0.id).inserted })
    }
}

extension AppState {
    /// True when `session` is someone other than the viewer in supervisor mode ("my" does not fit).
    func isOthersRecord(_ session: PersonSession) -> Bool {
        guard let sup = supervisor else { return false }
        return session.person.id != sup.supervisorID
    }

    /// True when the open record is someone other than the viewer in supervisor mode.
    var showsOthersRecord: Bool { session.map(isOthersRecord) ?? false }
}
