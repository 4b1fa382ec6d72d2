import CareerCatalog
import Foundation
import CareerEngine
import GRDB

/// A plan write the store refuses, with what to do instead, in Thai and English.
public struct PlanReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Not this viewer's to do (the command line exits 3, as for `AccessDenied`).
        case refused
        /// Bad input or a step out of turn: nothing was saved.
        case invalid
        /// Another session wrote the plan after this one read it: reload, then try again.
        case changedElsewhere
    }
    public let kind: Kind
    public let th: String
    public let en: String

    public init(_ kind: Kind, th: String, en: String) { self.kind = kind; self.th = th; self.en = en }

    public var message: String { en }
    public var description: String { en }
    public func text(_ language: Language) -> String { language == .th ? th : en }

    static func changedElsewhere() -> PlanReviewError {
        PlanReviewError(.changedElsewhere, th: "แผนนี้ถูกแก้ไขจากที่อื่นแล้ว — โหลดใหม่แล้วลองอีกครั้ง (ยังไม่ได้บันทึก)",
                        en: "this plan was changed elsewhere — reload it and try again (nothing was saved)")
    }

    static func noPlan(_ id: Int64) -> PlanReviewError {
        PlanReviewError(.invalid, th: "ไม่พบแผนพัฒนารหัส \(id): เปิดแผนของบุคคลนั้นอีกครั้ง",
                        en: "no development plan with id \(id): open the person's plan again")
    }
}

/// How a viewer stands toward one person's plans.
enum PlanRole {
    /// The person themselves.
    case owner
    /// A supervisor above the person.
    case reviewer
    /// HR or a batch task at the shell.
    case office

    /// The role of `viewer` for `personID`'s plans; throws `AccessDenied` outside their reach.
    static func of(_ viewer: Viewer, for personID: String, _ db: Database) throws -> PlanRole {
        guard try SQLiteRecordStore.exists(db, personID), try SQLiteRecordStore.canSee(db, viewer: viewer, personID: personID) else {
            throw AccessDenied(viewer: viewer, personID: personID)
        }
        switch viewer {
        case .system: return .office
        // HR reviews everyone's plans but their own: they are an owner like anyone else there.
        case .hr(let id): return id == personID ? .owner : .office
        case .person: return .owner
        case .supervisor(let id): return id == personID ? .owner : .reviewer
        }
    }
}

extension SQLiteRecordStore {
    /// The person's most recent development plan (nil: none saved), as `viewer` may see it.
    ///
    ///     let plan = try store.latestPlan(personID: "P000021", viewer: .supervisor(personID: "P000002"))
    /// Throws `AccessDenied` for a person outside the viewer's reach.
    public func latestPlan(personID: String, viewer: Viewer) throws -> SavedPlan? {
        try database.read { db in
            _ = try PlanRole.of(viewer, for: personID, db)
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM development_plans WHERE person_id = ? ORDER BY id DESC LIMIT 1",
                                              arguments: [personID]) else { return nil }
            return try Self.savedPlan(db, id: id)
        }
    }

    /// The person's current plan toward `target` (the newest version; nil: none saved).
    public func plan(personID: String, target: String, viewer: Viewer) throws -> SavedPlan? {
        try database.read { db in
            _ = try PlanRole.of(viewer, for: personID, db)
            return try Self.currentPlanID(db, personID: personID, target: target).flatMap { try Self.savedPlan(db, id: $0) }
        }
    }

    /// Every plan of the person, newest first, across targets and versions.
    public func plans(personID: String, viewer: Viewer) throws -> [SavedPlan] {
        try database.read { db in
            _ = try PlanRole.of(viewer, for: personID, db)
            return try Int64.fetchAll(db, sql: "SELECT id FROM development_plans WHERE person_id = ? ORDER BY id DESC",
                                      arguments: [personID]).compactMap { try Self.savedPlan(db, id: $0) }
        }
    }

    /// Adds a comment to a plan, or approves or returns it (with a comment; a return needs its
    /// reason), stored with the reviewer and the time; audited. Only someone above the plan's person
    /// (or HR) may approve or return it, and only once it was submitted; anyone who may see it may
    /// comment. `expectedRevision`: the revision the reviewer saw (nil: no check).
    ///
    ///     let plan = try store.reviewPlan(planID: 7, action: .approve, comment: "ok", by: .supervisor(personID: "P000002"))
    @discardableResult
    public func reviewPlan(planID: Int64, action: PlanReviewAction, comment: String, by viewer: Viewer,
                           expectedRevision: Int? = nil, screen: String = "tui:supervisor", now: Date = Date()) throws -> SavedPlan {
        let stamp = AuditClock.timestamp(now)
        let body = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        let plan: SavedPlan = try database.write { db in
            guard let current = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            let role = try PlanRole.of(viewer, for: current.personID, db)
            if let expectedRevision, expectedRevision != current.revision { throw PlanReviewError.changedElsewhere() }
            switch action {
            case .comment:
                if body.isEmpty { throw PlanReviewError(.invalid, th: "ความเห็นว่างอยู่: พิมพ์ข้อความก่อน", en: "the comment is empty: type some text first") }
            case .approve, .return:
                if role == .owner {
                    throw PlanReviewError(.refused, th: "อนุมัติหรือส่งคืนแผนของตนเองไม่ได้: ขอให้ผู้บังคับบัญชาพิจารณา",
                                          en: "you cannot \(action.rawValue) your own plan: ask your supervisor")
                }
                if !current.planStatus.awaitsReview {
                    throw PlanReviewError(.invalid, th: "แผนนี้ยังไม่ได้ส่งพิจารณา: อนุมัติหรือส่งคืนได้เมื่อเจ้าของส่งแล้ว",
                                          en: "this plan is not submitted (status \(current.status)): it can be approved or returned once its owner submits it")
                }
                if action == .return && body.isEmpty {
                    throw PlanReviewError(.invalid, th: "ส่งคืนแผนต้องระบุเหตุผล", en: "a returned plan needs a reason: type it first")
                }
            }
            try Self.note(db, planID: planID, author: viewer, at: stamp, action: action.rawValue, body: body)
            if action != .comment {
                let status: PlanStatus = action == .approve ? .approved : .returned
                try db.execute(sql: "UPDATE development_plans SET status = ?, status_by = ?, status_at = ?, revision = revision + 1 WHERE id = ?",
                               arguments: [status.rawValue, viewer.auditName, stamp, planID])
                // The version it replaces is kept, marked superseded, once the new one is approved.
                if status == .approved, let previous = current.previousID {
                    try db.execute(sql: "UPDATE development_plans SET status = 'superseded', revision = revision + 1 WHERE id = ?",
                                   arguments: [previous])
                }
            }
            guard let saved = try Self.savedPlan(db, id: planID) else { throw PlanReviewError.noPlan(planID) }
            return saved
        }
        try audit(actor: viewer, subject: plan.personID, action: "plan-" + action.rawValue, screen: screen,
                  detail: "\(plan.target) #\(planID)" + (body.isEmpty ? "" : ": \(body)"))
        return plan
    }

    /// How many submitted plans wait for `supervisorID`'s decision (their chain, not their own).
    public func plansAwaitingReview(supervisorID: String) throws -> Int {
        try database.read { db in
            guard let scope = Self.scopeSQL(.supervisor(personID: supervisorID)) else { return 0 }
            return try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM development_plans WHERE status = 'submitted' AND person_id <> ?
                AND person_id IN (SELECT id FROM people WHERE \(scope.sql))
                """, arguments: [supervisorID] + scope.arguments) ?? 0
        }
    }

    /// Notes others wrote on the person's plans since they last looked (`markPlansSeen`), oldest
    /// first, with each plan's target: what the sign-in notice tells them.
    public func planNews(personID: String, viewer: Viewer) throws -> [(target: String, note: PlanNote)] {
        try database.read { db in
            guard try PlanRole.of(viewer, for: personID, db) == .owner else { return [] }
            let seen = try String.fetchOne(db, sql: "SELECT seen_at FROM plan_visits WHERE person_id = ?", arguments: [personID]) ?? ""
            return try Row.fetchAll(db, sql: """
                SELECT p.target, c.author_id, c.written_at, c.action, c.body FROM plan_comments c
                JOIN development_plans p ON p.id = c.plan_id
                WHERE p.person_id = ? AND c.author_id <> ? AND c.written_at > ? ORDER BY c.id
                """, arguments: [personID, personID, seen]).map {
                (target: $0[0], note: PlanNote(authorID: $0[1], writtenAt: $0[2], action: $0[3], body: $0[4]))
            }
        }
    }

    /// Remembers that the person looked at their plans now (the next notice starts here).
    public func markPlansSeen(personID: String, viewer: Viewer, now: Date = Date()) throws {
        try database.write { db in
            guard try PlanRole.of(viewer, for: personID, db) == .owner else { return }
            try db.execute(sql: "INSERT INTO plan_visits (person_id, seen_at) VALUES (?, ?) ON CONFLICT(person_id) DO UPDATE SET seen_at = excluded.seen_at",
                           arguments: [personID, AuditClock.timestamp(now)])
        }
    }

    // MARK: reading

    static func currentPlanID(_ db: Database, personID: String, target: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM development_plans WHERE person_id = ? AND target = ? ORDER BY id DESC LIMIT 1",
                           arguments: [personID, target])
    }

    static func note(_ db: Database, planID: Int64, author: Viewer, at stamp: String, action: String, body: String) throws {
        try db.execute(sql: "INSERT INTO plan_comments (plan_id, author_id, written_at, action, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [planID, author.auditName, stamp, action, body])
    }

    static func savedPlan(_ db: Database, id: Int64) throws -> SavedPlan? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM development_plans WHERE id = ?", arguments: [id]) else { return nil }
        let steps = try Row.fetchAll(db, sql: "SELECT * FROM plan_steps WHERE plan_id = ? ORDER BY position, id", arguments: [id]).map { r in
            SavedStep(id: r["id"], position: r["position"], method: r["method"] ?? "", unit: r["unit"], field: r["field"],
                      course: r["course"], workingGroup: r["working_group"], closes: r["description"] ?? "",
                      start: (r["start"] as String?).flatMap(CivilDate.init(iso:)), end: (r["end"] as String?).flatMap(CivilDate.init(iso:)),
                      months: r["months"], startedOn: (r["started_on"] as String?).flatMap(CivilDate.init(iso:)),
                      completedOn: (r["completed_on"] as String?).flatMap(CivilDate.init(iso:)),
                      confirmedBy: r["confirmed_by"], confirmedAt: r["confirmed_at"])
        }
        let picks = try Row.fetchAll(db, sql: "SELECT gap_id, method, place FROM plan_picks WHERE plan_id = ? ORDER BY position", arguments: [id]).map {
            SavedPick(gapID: $0[0], method: $0[1], place: $0[2])
        }
        let comments = try Row.fetchAll(db, sql: "SELECT * FROM plan_comments WHERE plan_id = ? ORDER BY id", arguments: [id]).map {
            PlanNote(authorID: $0["author_id"], writtenAt: $0["written_at"], action: $0["action"], body: $0["body"])
        }
        return SavedPlan(id: id, personID: row["person_id"], target: row["target"], status: row["status"],
                         createdBy: row["created_by"], updatedAt: row["updated_at"], statusBy: row["status_by"],
                         statusAt: row["status_at"], stepCount: steps.count, notes: comments,
                         version: row["version"], revision: row["revision"], previousID: row["previous_id"],
                         steps: steps, picks: picks)
    }
}
