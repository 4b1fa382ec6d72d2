import Foundation
import CareerEngine
import GRDB

/// A review that cannot be stored, with what to do instead.
public struct PlanReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension SQLiteRecordStore {
    /// The person's most recent development plan (nil: none saved), as `viewer` may see it.
    ///
    ///     let plan = try store.latestPlan(personID: "P000021", viewer: .supervisor(personID: "P000002"))
    /// Throws `AccessDenied` for a person outside the viewer's reach.
    public func latestPlan(personID: String, viewer: Viewer) throws -> SavedPlan? {
        try database.read { db in
            guard try Self.exists(db, personID), try Self.canSee(db, viewer: viewer, personID: personID) else {
                throw AccessDenied(viewer: viewer, personID: personID)
            }
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM development_plans WHERE person_id = ? ORDER BY id DESC LIMIT 1",
                                              arguments: [personID]) else { return nil }
            return try Self.savedPlan(db, id: id)
        }
    }

    /// Adds a comment to a plan, or approves or returns it (with an optional comment), stored with
    /// the reviewer and the time; audited. Only someone above the plan's person may approve or
    /// return it (not the person themselves); anyone who may see it may comment.
    ///
    ///     let plan = try store.reviewPlan(planID: 7, action: .approve, comment: "ok", by: .supervisor(personID: "P000002"))
    public func reviewPlan(planID: Int64, action: PlanReviewAction, comment: String, by viewer: Viewer,
                           screen: String = "tui:supervisor", now: Date = Date()) throws -> SavedPlan {
        let stamp = AuditClock.timestamp(now)
        let body = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        let plan: SavedPlan = try database.write { db in
            guard let person = try String.fetchOne(db, sql: "SELECT person_id FROM development_plans WHERE id = ?", arguments: [planID]) else {
                throw PlanReviewError("no development plan with id \(planID): open the person's plan again")
            }
            guard try Self.canSee(db, viewer: viewer, personID: person) else { throw AccessDenied(viewer: viewer, personID: person) }
            if action != .comment {
                if case .person = viewer { throw PlanReviewError("only a supervisor or HR can \(action.rawValue) a plan") }
                if viewer.auditName == person { throw PlanReviewError("you cannot \(action.rawValue) your own plan: ask your supervisor") }
            } else if body.isEmpty {
                throw PlanReviewError("the comment is empty: type some text first")
            }
            try db.execute(sql: "INSERT INTO plan_comments (plan_id, author_id, written_at, action, body) VALUES (?, ?, ?, ?, ?)",
                           arguments: [planID, viewer.auditName, stamp, action.rawValue, body])
            let status: String? = action == .approve ? "approved" : action == .return ? "returned" : nil
            if let status {
                try db.execute(sql: "UPDATE development_plans SET status = ?, status_by = ?, status_at = ? WHERE id = ?",
                               arguments: [status, viewer.auditName, stamp, planID])
            }
            guard let saved = try Self.savedPlan(db, id: planID) else { throw PlanReviewError("plan \(planID) vanished while reviewing it") }
            return saved
        }
        try audit(actor: viewer, subject: plan.personID, action: "plan-" + action.rawValue, screen: screen,
                  detail: "\(plan.target) #\(planID)")
        return plan
    }

    static func savedPlan(_ db: Database, id: Int64) throws -> SavedPlan? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM development_plans WHERE id = ?", arguments: [id]) else { return nil }
        let steps = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_steps WHERE plan_id = ?", arguments: [id]) ?? 0
        let comments = try Row.fetchAll(db, sql: "SELECT * FROM plan_comments WHERE plan_id = ? ORDER BY id", arguments: [id]).map {
            PlanNote(authorID: $0["author_id"], writtenAt: $0["written_at"], action: $0["action"], body: $0["body"])
        }
        return SavedPlan(id: id, personID: row["person_id"], target: row["target"], status: row["status"],
                         createdBy: row["created_by"], updatedAt: row["updated_at"], statusBy: row["status_by"],
                         statusAt: row["status_at"], stepCount: steps, notes: comments)
    }
}
