import CareerEngine
import Foundation
import GRDB

/// What a save of a plan expects to find: the plan (and its revision) the screen showed, so a
/// second session's save is refused instead of overwriting the first's ("changed elsewhere").
public struct PlanBase: Sendable, Hashable {
    /// The plan shown (nil: none was saved for the target when the screen read it).
    public var planID: Int64?
    public var revision: Int
    public init(planID: Int64?, revision: Int) { self.planID = planID; self.revision = revision }
    /// No plan was saved yet.
    public static let none = PlanBase(planID: nil, revision: 0)
    public init(_ plan: SavedPlan?) { self.init(planID: plan?.id, revision: plan?.revision ?? 0) }
}

// Writing a development plan and submitting it; reading and reviewing saved plans is in
// PlanReview.swift, progress in PlanProgress.swift.
extension SQLiteRecordStore {
    /// Stores `plan` (its steps and the picks they were made from) as the person's development plan
    /// toward its target: replaces the steps of their draft or returned plan for that target, or
    /// starts a new draft. An approved (or under-way) plan is changed only with `newVersion`, which
    /// starts version n + 1 as a draft and keeps the old one. A submitted plan waits for its review.
    /// Only the person (or HR) edits their plans. `expected`: what the caller read (nil: no check).
    /// Audited. Throws `AccessDenied` outside the viewer's reach, `PlanReviewError` otherwise.
    @discardableResult
    public func saveDevelopmentPlan(_ plan: DevelopmentPlan, by viewer: Viewer, expected: PlanBase? = nil, newVersion: Bool = false,
                                    screen: String = "tui:plan", now: Date = Date()) throws -> SavedPlan {
        let stamp = AuditClock.timestamp(now)
        let person = plan.person.id
        let target = plan.target.id
        let saved: SavedPlan = try database.write { db in
            guard try PlanRole.of(viewer, for: person, db) != .reviewer else {
                throw PlanReviewError(.refused, th: "แผนพัฒนาแก้ไขได้โดยเจ้าของแผนเท่านั้น: ผู้บังคับบัญชาให้ความเห็น อนุมัติ หรือส่งคืนได้",
                                      en: "only the person edits their development plan: a supervisor comments on, approves or returns it")
            }
            let current = try Self.currentPlanID(db, personID: person, target: target).flatMap { try Self.savedPlan(db, id: $0) }
            if let expected, expected != PlanBase(current) { throw PlanReviewError.changedElsewhere() }
            let planID: Int64
            if let current, current.planStatus.isEditable {
                planID = current.id
                try db.execute(sql: "DELETE FROM plan_steps WHERE plan_id = ?", arguments: [planID])
                try db.execute(sql: "DELETE FROM plan_picks WHERE plan_id = ?", arguments: [planID])
                try db.execute(sql: "UPDATE development_plans SET updated_at = ?, revision = revision + 1 WHERE id = ?", arguments: [stamp, planID])
            } else if let current, current.planStatus == .submitted {
                throw PlanReviewError(.invalid, th: "แผนนี้ส่งให้ผู้บังคับบัญชาพิจารณาแล้ว: รอผลการพิจารณาก่อนแก้ไข",
                                      en: "this plan is submitted: wait for your supervisor's decision before changing it")
            } else if let current, current.planStatus.needsNewVersion, !newVersion {
                throw PlanReviewError(.invalid, th: "แผนนี้อนุมัติแล้ว: แก้ไขได้โดยเริ่มฉบับใหม่ (ฉบับเดิมยังเก็บไว้)",
                                      en: "this plan is approved: change it by starting a new version (the old one is kept)")
            } else {
                let version = (current?.version ?? 0) + 1
                try db.execute(sql: """
                    INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at, version, previous_id)
                    VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)
                    """, arguments: [person, target, viewer.auditName, stamp, stamp, version, current?.id])
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
            for (position, pick) in plan.picks.map(SavedPick.init).enumerated() {
                try db.execute(sql: "INSERT INTO plan_picks (plan_id, position, gap_id, method, place) VALUES (?, ?, ?, ?, ?)",
                               arguments: [planID, position, pick.gapID, pick.method, pick.place])
            }
            guard let saved = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            return saved
        }
        try audit(actor: viewer, subject: person, action: saved.version > 1 && saved.revision == 1 ? "plan-new-version" : "save-plan",
                  screen: screen, detail: "\(target) #\(saved.id) v\(saved.version) (\(plan.steps.count) steps)")
        return saved
    }

    /// Sends the person's draft or returned plan to their supervisor: status `submitted`, a
    /// `submit` note. Only the person (or HR); a plan without steps is refused. Audited.
    @discardableResult
    public func submitPlan(planID: Int64, by viewer: Viewer, expectedRevision: Int? = nil, comment: String = "",
                           screen: String = "tui:plan", now: Date = Date()) throws -> SavedPlan {
        let stamp = AuditClock.timestamp(now)
        let saved: SavedPlan = try database.write { db in
            guard let current = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            guard try PlanRole.of(viewer, for: current.personID, db) != .reviewer else {
                throw PlanReviewError(.refused, th: "ส่งแผนได้โดยเจ้าของแผนเท่านั้น", en: "only the person submits their plan")
            }
            if let expectedRevision, expectedRevision != current.revision { throw PlanReviewError.changedElsewhere() }
            guard current.planStatus.isEditable else {
                throw PlanReviewError(.invalid, th: "ส่งแผนได้เมื่อเป็นร่างหรือถูกส่งคืนเท่านั้น",
                                      en: "only a draft or returned plan can be submitted (status \(current.status))")
            }
            guard current.stepCount > 0 else {
                throw PlanReviewError(.invalid, th: "แผนยังไม่มีขั้นตอน: เลือกวิธีพัฒนาก่อนส่ง", en: "the plan has no steps: pick some first")
            }
            try Self.note(db, planID: planID, author: viewer, at: stamp, action: "submit",
                          body: comment.trimmingCharacters(in: .whitespacesAndNewlines))
            try db.execute(sql: "UPDATE development_plans SET status = 'submitted', status_by = ?, status_at = ?, revision = revision + 1 WHERE id = ?",
                           arguments: [viewer.auditName, stamp, planID])
            guard let saved = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            return saved
        }
        try audit(actor: viewer, subject: saved.personID, action: "plan-submit", screen: screen, detail: "\(saved.target) #\(planID)")
        return saved
    }
}
