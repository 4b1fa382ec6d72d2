import CareerEngine
import Foundation
import GRDB

// Writing a development plan; reading and reviewing saved plans is in PlanReview.swift.
extension SQLiteRecordStore {
    /// Stores `plan` as the person's development plan toward its target: replaces the steps of
    /// their open (draft or returned) plan for that target, or starts a new draft. Audited.
    /// Throws `AccessDenied` for a person outside the viewer's reach.
    public func saveDevelopmentPlan(_ plan: DevelopmentPlan, by viewer: Viewer, screen: String = "tui:plan") throws {
        let now = AuditClock.timestamp(Date())
        let person = plan.person.id
        let target = plan.target.id
        // The same reach as reading the record: a supervisor saves plans for their chain only.
        guard try canView(personID: person, viewer: viewer) else { throw AccessDenied(viewer: viewer, personID: person) }
        try database.write { db in
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
}
