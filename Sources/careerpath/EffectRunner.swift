import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import GRDB

/// Carries out the app's effects against the store and the file system and answers with the
/// events the update function expects. The only place the TUI does I/O besides the terminal.
///
///     let runner = EffectRunner(store: store, viewer: .system)
///     let events = runner.perform(.loadPerson(id: "P00042"))   // [.personLoaded(record, context)]
final class EffectRunner {
    let store: SQLiteRecordStore
    let viewer: Viewer
    /// Everyone the viewer may see, from the last `.listPeople`: the supervisor chain of a loaded
    /// person is built from it, so the chain costs no record reads (and no audit rows).
    private var peopleByID: [String: Person] = [:]
    /// The person whose load was just audited by the store: the `.auditView` the update function
    /// asks for right after `.personLoaded` would record the same look twice.
    private var auditedByLoad: String?
    /// The person on screen (the subject of an export's audit row).
    private var currentPersonID: String?
    /// What the audit log's `screen` column starts with: "tui", or "kiosk" at a kiosk.
    let screenPrefix: String

    init(store: SQLiteRecordStore, viewer: Viewer, screenPrefix: String = "tui") {
        self.store = store
        self.viewer = viewer
        self.screenPrefix = screenPrefix
    }

    /// Carries out one effect. `.quit` is the caller's business and answers nothing.
    func perform(_ effect: Effect) -> [AppEvent] {
        switch effect {
        case .listPeople:
            do {
                let people = try store.people(unit: nil, viewer: viewer)
                peopleByID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                return [.peopleListed(people)]
            } catch {
                return [.peopleListed([]), .personLoadFailed(id: "", message: "cannot list people: \(error)")]
            }
        case .loadPerson(let id):
            do {
                guard let record = try store.record(personID: id, viewer: viewer, screen: screenPrefix) else {
                    return [.personLoadFailed(id: id, message: "unknown person `\(id)`" + NearestID.hint(for: id, among: peopleByID.keys))]
                }
                auditedByLoad = id
                currentPersonID = id
                return [.personLoaded(record, context(for: record.person))]
            } catch let denied as AccessDenied {
                return [.personLoadFailed(id: id, message: denied.description)]
            } catch {
                return [.personLoadFailed(id: id, message: "cannot read \(id): \(error)")]
            }
        case .auditView(let id, let screen):
            if auditedByLoad == id {
                auditedByLoad = nil
                return []
            }
            auditedByLoad = nil
            // An audit row that cannot be written must not stop the person working; the next
            // store access will surface a broken database anyway.
            try? store.audit(actor: viewer, subject: id, action: "view", screen: screenPrefix + ":" + screen)
            return []
        case .savePlan(let plan):
            do {
                try store.saveDevelopmentPlan(plan, by: viewer, screen: screenPrefix + ":plan")
                return [.planSaved(error: nil)]
            } catch {
                return [.planSaved(error: "\(error)")]
            }
        case .exportPlanMarkdown(let path, let markdown):
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            do {
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: absolute), options: .atomic)
                try? store.audit(actor: viewer, subject: currentPersonID, action: "export-plan", screen: screenPrefix + ":plan", detail: absolute)
                return [.planExported(path: absolute, error: nil)]
            } catch {
                return [.planExported(path: absolute, error: "\(absolute): \(error.localizedDescription)")]
            }
        case .supervisor(let work):
            return performSupervisor(work).map(AppEvent.supervisor)
        case .quit:
            return []
        }
    }

    /// The supervisor chain as far as the viewer may see it (acting posts are suggested from it).
    func context(for person: Person) -> OrganizationContext {
        OrganizationContext.chain(above: person) { peopleByID[$0] }
    }
}

// The plan tables exist in the schema (v1-plans-accounts-audit) but the store has no API for
// them yet; this writer belongs in CareerStore once the supervisor review (issue 6) adds one.
extension SQLiteRecordStore {
    /// Stores `plan` as the person's development plan toward its target: replaces the steps of
    /// their open (draft or returned) plan for that target, or starts a new draft. Audited.
    /// Throws `AccessDenied` for a person outside the viewer's reach.
    func saveDevelopmentPlan(_ plan: DevelopmentPlan, by viewer: Viewer, screen: String = "tui:plan") throws {
        let now = AuditClock.timestamp(Date())
        let person = plan.person.id
        let target = plan.target.id
        // The same reach as reading the record: a supervisor saves plans for their chain only.
        guard try canView(personID: person, viewer: viewer) else { throw AccessDenied(viewer: viewer, personID: person) }
        try pool.write { db in
            let open = try Int64.fetchOne(db, sql: """
                SELECT id FROM development_plans
                WHERE person_id = ? AND target = ? AND status IN ('draft', 'returned')
                ORDER BY id DESC LIMIT 1
                """, arguments: [person, target])
            let planID: Int64
            if let open {
                planID = open
                try db.execute(sql: "DELETE FROM plan_steps WHERE plan_id = ?", arguments: [planID])
                try db.execute(sql: "UPDATE development_plans SET updated_at = ? WHERE id = ?", arguments: [now, planID])
            } else {
                try db.execute(sql: """
                    INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at)
                    VALUES (?, ?, 'draft', ?, ?, ?)
                    """, arguments: [person, target, viewer.auditName, now, now])
                planID = db.lastInsertedRowID
            }
            for (position, step) in plan.steps.enumerated() {
                let firstGap = step.closes.first ?? ""
                let gapKind = firstGap.split(separator: ":").first.map(String.init) ?? "experience"
                let competency = step.closes.first { $0.hasPrefix("competency:") }.map { String($0.dropFirst("competency:".count)) }
                var unit: String?, course: String?, group: String?
                switch step.place {
                case .unit(let u): unit = u
                case .actingPost(_, let u, _): unit = u
                case .course(let c): course = c
                case .workingGroup(let g): group = g
                case .coach, .jobLine, .none: break
                }
                try db.execute(sql: """
                    INSERT INTO plan_steps (plan_id, position, gap_kind, method, unit, field, competency, course,
                                            working_group, description, start, "end", months)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [planID, position, gapKind.isEmpty ? "experience" : gapKind, step.method, unit, step.field,
                                     competency, course, group, step.closes.joined(separator: ", "),
                                     step.start.iso, step.end.iso, step.months])
            }
        }
        try audit(actor: viewer, subject: person, action: "save-plan", screen: screen,
                  detail: "\(target) (\(plan.steps.count) steps)")
    }

    /// How many steps the person's latest plan toward `target` has (nil: no plan); for tests and checks.
    func savedPlanStepCount(personID: String, target: String) throws -> Int? {
        try pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: """
                SELECT id FROM development_plans WHERE person_id = ? AND target = ? ORDER BY id DESC LIMIT 1
                """, arguments: [personID, target]) else { return nil }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_steps WHERE plan_id = ?", arguments: [id]) ?? 0
        }
    }
}
