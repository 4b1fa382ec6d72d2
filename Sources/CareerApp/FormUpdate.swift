import CareerCatalog
import CareerEngine
import TerminalUI

// The forms over a screen (`Modal.assess`, `.progress`, `.export`, the Reports screen's `.reportUnit`, `.reportDue`): their keys, and what Enter asks
// the runner to do. Part of `update`: state changes here and nowhere else.
extension AppState {
    /// A key for the form `modal`; nil when the key is not the form's (function keys, Ctrl-C: quit
    /// and the language switch keep working).
    mutating func handleForm(_ modal: Modal, _ key: KeyEvent) -> [Effect]? {
        switch key {
        case .function, .ctrl("c"): return nil
        default: break
        }
        switch modal {
        case .assess(var form):
            switch form.apply(key) {
            case .edited:
                self.modal = .assess(form)
            case .cancelled:
                self.modal = nil
            case .levelMissing:
                status = StatusMessage(SupText.levelRequired.text(language), isError: true)
            case .save(let competency, let level, let note):
                self.modal = nil
                return [.recordSelfAssessment(personID: form.personID, competency: competency, level: level, note: note, on: today)]
            }
            return []
        case .progress(var form):
            let action = AppKeymap.action(for: key, in: .form, globalFallback: false)
            switch action {
            case .close?:
                self.modal = nil
                return []
            case .up?, .down?:
                form.choose(form.index + (action == .up ? -1 : 1), today: today, language: language)
            case .nextPane?:
                form.field = 1 - form.field
            case .activate?:
                guard let step = form.step else { return [] }
                switch form.typed {
                case .refused(let problem):
                    form.problem = problem.text(language)
                    status = StatusMessage(problem.text(language), isError: true)
                case .dates(let started, let completed):
                    self.modal = nil
                    return [.recordProgress(personID: form.personID, planID: form.planID, stepID: step.id,
                                            started: started, completed: completed)]
                }
            default:
                if form.field == 0 { form.started = Self.typed(form.started, key) } else { form.completed = Self.typed(form.completed, key) }
                form.problem = nil
            }
            self.modal = .progress(form)
            return []
        case .export(var folder):
            switch AppKeymap.action(for: key, in: .form, globalFallback: false) {
            case .close?:
                self.modal = nil
                return []
            case .activate?:
                self.modal = nil
                let chosen = folder.text.trimmingCharacters(in: .whitespaces)
                exportFolder = chosen.isEmpty ? "." : chosen
                return exportEffects()
            default:
                folder = Self.typed(folder, key)
            }
            self.modal = .export(folder)
            return []
        case .reportUnit, .reportDue:
            return handleReportsForm(modal, key)
        default:
            return nil
        }
    }

    /// `field` after a typed key (a printable character, Backspace, Ctrl-U, the cursor keys).
    static func typed(_ field: InputFieldState, _ key: KeyEvent) -> InputFieldState {
        var field = field
        if case .char(let c) = key { _ = field.insert(String(c)) } else { _ = field.apply(key) }
        return field
    }

    /// The plan as Markdown, and the saved plan as the printable individual development plan, to
    /// `exportFolder` (the runner never writes over a file: a taken name gets a new one).
    func exportEffects() -> [Effect] {
        guard let session, let plan = session.projection else { return [] }
        let markdown = PlanMarkdown.render(plan, catalog: catalog, language: language)
        let folder = exportFolder.count > 1 && exportFolder.hasSuffix("/") ? String(exportFolder.dropLast()) : exportFolder
        let join: (String) -> String = { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
        var effects: [Effect] = [.exportPlanMarkdown(path: join(PlanMarkdown.fileName(plan)), markdown: markdown)]
        // The saved plan, printable: the individual development plan with its status, comments and signatures.
        if let saved = session.savedPlan {
            let document = SavedPlanDocument(plan: saved, person: session.person, supervisor: session.context.supervisorChain.first,
                                             catalog: catalog, language: language, people: session.context.supervisorChain)
            effects.append(.exportPlanMarkdown(path: join(SavedPlanDocument.fileName(saved, extension: "html")), markdown: document.html()))
        }
        return effects
    }

    /// `e` on Me: the person's self-assessment of the competencies their target requires (the
    /// chosen target, else the next level of their line).
    mutating func openSelfAssessment() -> [Effect] {
        guard let session else { status = StatusMessage(Str.noPerson.text(language), isError: true); return [] }
        guard let target = session.target ?? Target.nextLevel(of: session.person, in: catalog),
              let form = AssessmentForm(personID: session.person.id, assessor: .`self`, record: session.record, target: target,
                                        report: session.report, context: session.context, analyzer: analyzer, today: today) else {
            status = StatusMessage(Str.assessNoTarget.text(language), isError: true)
            return []
        }
        modal = .assess(form)
        return []
    }
}
