import CareerCatalog
import CareerEngine
import Foundation
import GRDB

/// An assessment as the tool keeps it: the engine's value, the note and who recorded it (nil: imported).
public struct AssessmentEntry: Sendable, Hashable {
    public var assessment: Assessment
    public var note: String
    public var recordedBy: String?
    public init(assessment: Assessment, note: String, recordedBy: String?) {
        self.assessment = assessment; self.note = note; self.recordedBy = recordedBy
    }
}

// Carrying a plan out (steps started, completed, confirmed into the record) and assessments made
// in the tool. Every rule is here, below the screens and the command line; every write is audited.
extension SQLiteRecordStore {
    /// Marks a step of an approved plan started and/or completed (dates inclusive), by the person,
    /// their supervisor or HR. A completion needs a start on or before it, and neither may be after
    /// `today`; a confirmed step no longer changes. The plan becomes `in-progress`. Audited.
    @discardableResult
    public func recordStepProgress(planID: Int64, stepID: Int64, started: CivilDate?, completed: CivilDate?, by viewer: Viewer,
                                   today: CivilDate, screen: String = "tui:plan", now: Date = Date()) throws -> SavedPlan {
        let stamp = AuditClock.timestamp(now)
        let saved: SavedPlan = try database.write { db in
            guard let plan = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            _ = try PlanRole.of(viewer, for: plan.personID, db)
            guard let step = plan.steps.first(where: { $0.id == stepID }) else {
                throw PlanReviewError(.invalid, th: "ไม่พบขั้นตอน \(stepID) ในแผน \(planID)", en: "plan \(planID) has no step \(stepID)")
            }
            guard plan.planStatus.isUnderWay else {
                throw PlanReviewError(.invalid, th: "บันทึกความก้าวหน้าได้เมื่อแผนอนุมัติแล้วเท่านั้น",
                                      en: "progress is recorded on an approved plan only (status \(plan.status))")
            }
            guard !step.isConfirmed else {
                throw PlanReviewError(.invalid, th: "ขั้นตอนนี้ผู้บังคับบัญชายืนยันแล้ว แก้ไขไม่ได้", en: "this step was confirmed by the supervisor: it no longer changes")
            }
            let start = started ?? step.startedOn
            let end = completed ?? step.completedOn
            for (date, name) in [(started, "started"), (completed, "completed")] {
                if let date, date > today {
                    throw PlanReviewError(.invalid, th: "วันที่\(name == "started" ? "เริ่ม" : "เสร็จ") \(DateText.format(date, .th)) อยู่ในอนาคต",
                                          en: "the \(name) date \(date.iso) is in the future")
                }
            }
            if let end {
                guard let start else {
                    throw PlanReviewError(.invalid, th: "ระบุวันที่เริ่มก่อนวันที่เสร็จ", en: "a completed step needs its start date first")
                }
                guard end >= start else {
                    throw PlanReviewError(.invalid, th: "วันที่เสร็จ \(DateText.format(end, .th)) อยู่ก่อนวันที่เริ่ม \(DateText.format(start, .th))",
                                          en: "the completion \(end.iso) is before the start \(start.iso)")
                }
            }
            try db.execute(sql: "UPDATE plan_steps SET started_on = ?, completed_on = ?, done = ? WHERE id = ?",
                           arguments: [start?.iso, end?.iso, end == nil ? 0 : 1, stepID])
            try db.execute(sql: "UPDATE development_plans SET status = 'in-progress', revision = revision + 1, updated_at = ? WHERE id = ?",
                           arguments: [stamp, planID])
            try Self.note(db, planID: planID, author: viewer, at: stamp, action: "progress",
                          body: "\(step.position + 1): \(start?.iso ?? "-") – \(end?.iso ?? "-")")
            guard let saved = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            return saved
        }
        try audit(actor: viewer, subject: saved.personID, action: "plan-step-progress", screen: screen,
                  detail: "\(saved.target) #\(planID) step \(stepID): \(started?.iso ?? "-") – \(completed?.iso ?? "-")")
        return saved
    }

    /// The supervisor (or HR) confirms a completed step: a rotation, acting assignment, job
    /// assignment or task force becomes an assignment record, a course a training record
    /// (`SavedStep.record`), so gaps and dates are recomputed from it. When every step is
    /// confirmed the plan is `done`. Not the person themselves. Audited.
    @discardableResult
    public func confirmStep(planID: Int64, stepID: Int64, by viewer: Viewer, catalog: Catalog,
                            screen: String = "tui:supervisor", now: Date = Date()) throws -> SavedPlan {
        let stamp = AuditClock.timestamp(now)
        var added = ""
        let saved: SavedPlan = try database.write { db in
            guard let plan = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            guard try PlanRole.of(viewer, for: plan.personID, db) != .owner else {
                throw PlanReviewError(.refused, th: "ยืนยันขั้นตอนของแผนตนเองไม่ได้: ขอให้ผู้บังคับบัญชายืนยัน",
                                      en: "you cannot confirm a step of your own plan: ask your supervisor")
            }
            guard let step = plan.steps.first(where: { $0.id == stepID }) else {
                throw PlanReviewError(.invalid, th: "ไม่พบขั้นตอน \(stepID) ในแผน \(planID)", en: "plan \(planID) has no step \(stepID)")
            }
            guard plan.planStatus.isUnderWay, step.completedOn != nil, !step.isConfirmed else {
                throw PlanReviewError(.invalid, th: "ยืนยันได้เฉพาะขั้นตอนที่เสร็จแล้วและยังไม่ได้ยืนยัน",
                                      en: "only a completed step not yet confirmed can be confirmed")
            }
            switch step.record(catalog: catalog) {
            case .assignment(let a)?:
                try db.execute(sql: "INSERT INTO assignments (person_id, unit, field, role, start, \"end\", origin) VALUES (?, ?, ?, ?, ?, ?, 'tool')",
                               arguments: [plan.personID, a.unit, a.field, a.role.rawValue, a.start.iso, a.end?.iso])
                added = "assignment \(a.role.rawValue) \(a.unit) \(a.field ?? "") \(a.start.iso)–\(a.end?.iso ?? "")"
            case .training(let t)?:
                try db.execute(sql: "INSERT INTO trainings (person_id, course, completed_on, origin) VALUES (?, ?, ?, 'tool')",
                               arguments: [plan.personID, t.course, t.completedOn.iso])
                added = "training \(t.course) \(t.completedOn.iso)"
            case nil:
                added = "no record (\(step.method))"
            }
            try db.execute(sql: "UPDATE plan_steps SET confirmed_by = ?, confirmed_at = ? WHERE id = ?",
                           arguments: [viewer.auditName, stamp, stepID])
            let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_steps WHERE plan_id = ? AND confirmed_by IS NULL", arguments: [planID]) ?? 0
            try db.execute(sql: "UPDATE development_plans SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
                           arguments: [open == 0 ? PlanStatus.done.rawValue : PlanStatus.inProgress.rawValue, stamp, planID])
            try Self.note(db, planID: planID, author: viewer, at: stamp, action: "confirm", body: "\(step.position + 1): \(added)")
            guard let saved = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            return saved
        }
        try audit(actor: viewer, subject: saved.personID, action: "plan-step-confirm", screen: screen,
                  detail: "\(saved.target) #\(planID) step \(stepID): \(added)")
        return saved
    }

    /// Records a competency assessment made in the tool: a supervisor's (someone above the person,
    /// or HR; it counts like an imported one) or the person's own (`.self`: shown, never counted).
    /// The level is 0–5, the competency one of the dictionary's, the date not after `today`. Audited.
    public func recordAssessment(personID: String, competency: String, level: Int, on date: CivilDate, note: String,
                                 assessor: Assessor, by viewer: Viewer, catalog: Catalog, today: CivilDate,
                                 screen: String = "tui:supervisor") throws {
        try database.write { db in
            let role = try PlanRole.of(viewer, for: personID, db)
            switch (assessor, role) {
            case (.`self`, .owner), (.supervisor, .reviewer), (.supervisor, .office), (.panel, .office): break
            case (.`self`, _):
                throw PlanReviewError(.refused, th: "ประเมินตนเองได้เฉพาะเจ้าของประวัติ", en: "only the person records a self-assessment")
            default:
                throw PlanReviewError(.refused, th: "ผู้บังคับบัญชาในสายบังคับบัญชาเท่านั้นที่บันทึกผลการประเมินได้",
                                      en: "only a supervisor above the person records their assessment")
            }
            guard catalog.competenciesByID[competency] != nil else {
                throw PlanReviewError(.invalid, th: "ไม่มีสมรรถนะ `\(competency)` ในพจนานุกรมสมรรถนะ", en: "the dictionary has no competency `\(competency)`")
            }
            guard (0...5).contains(level) else {
                throw PlanReviewError(.invalid, th: "ระดับสมรรถนะ \(level) อยู่นอกช่วง 0–5", en: "level \(level) is outside 0–5")
            }
            guard date <= today else {
                throw PlanReviewError(.invalid, th: "วันที่ประเมิน \(DateText.format(date, .th)) อยู่ในอนาคต", en: "the assessment date \(date.iso) is in the future")
            }
            try db.execute(sql: """
                INSERT INTO assessments (person_id, competency, level, assessed_on, assessor, note, recorded_by, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'tool')
                """, arguments: [personID, competency, level, date.iso, assessor.rawValue,
                                 note.trimmingCharacters(in: .whitespacesAndNewlines), viewer.auditName])
        }
        try audit(actor: viewer, subject: personID, action: assessor == .`self` ? "assessment-self" : "assessment", screen: screen,
                  detail: "\(competency)=\(level) \(date.iso) (\(assessor.rawValue))")
    }

    /// Every assessment of the person (optionally of one competency), oldest first, with notes.
    public func assessmentHistory(personID: String, competency: String? = nil, viewer: Viewer) throws -> [AssessmentEntry] {
        try database.read { db in
            _ = try PlanRole.of(viewer, for: personID, db)
            var sql = "SELECT competency, level, assessed_on, assessor, note, recorded_by FROM assessments WHERE person_id = ?"
            var arguments: StatementArguments = [personID]
            if let competency { sql += " AND competency = ?"; arguments += [competency] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY assessed_on, id", arguments: arguments).map {
                AssessmentEntry(assessment: Assessment(competency: $0[0], level: $0[1], assessedOn: try Self.date($0[2], "assessed_on"),
                                                       assessor: Assessor(rawValue: $0[3]) ?? .panel),
                                note: $0[4], recordedBy: $0[5])
            }
        }
    }
}
