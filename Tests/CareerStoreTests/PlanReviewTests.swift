import CareerCatalog
import CareerStore
import Foundation
import GRDB
import CareerEngine
import Testing

/// Comment on, approve and return saved plans: stored with author and time, status changed,
/// audited, and refused outside the reviewer's chain or for one's own plan.
@Suite(.serialized) struct PlanReviewTests {
    let fixture: ImportFixture

    init() throws {
        fixture = try ImportFixture(files: AccessControlTests.files)
        #expect(fixture.importFolder().isEmpty)
    }

    /// A submitted plan of `person` with two steps, as the planner saves and submits it.
    func draft(_ person: String) throws -> Int64 {
        try fixture.store.database.write { db in
            try db.execute(sql: """
                INSERT INTO development_plans (person_id, target, status, created_by, created_at, updated_at)
                VALUES (?, 'public-relations-officer:K2', 'submitted', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                """, arguments: [person, person])
            let id = db.lastInsertedRowID
            for position in 0..<2 {
                try db.execute(sql: "INSERT INTO plan_steps (plan_id, position, gap_kind) VALUES (?, ?, 'experience')",
                               arguments: [id, position])
            }
            return id
        }
    }

    @Test("a supervisor above the person approves with a note: status, author, time and audit row stored")
    func approve() throws {
        let id = try draft("A03")
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let plan = try fixture.store.reviewPlan(planID: id, action: .approve, comment: "ดีมาก", by: .supervisor(personID: "A01"), now: now)
        #expect(plan.status == "approved")
        #expect(plan.statusBy == "A01")
        #expect(plan.statusAt == AuditClock.timestamp(now))
        #expect(plan.stepCount == 2)
        #expect(plan.notes == [PlanNote(authorID: "A01", writtenAt: AuditClock.timestamp(now), action: "approve", body: "ดีมาก")])
        let latest = try fixture.store.latestPlan(personID: "A03", viewer: .supervisor(personID: "A02"))
        #expect(latest == plan)
        let audited = try fixture.store.database.read { db in
            try String.fetchAll(db, sql: "SELECT screen FROM audit_log WHERE action = 'plan-approve' AND subject = 'A03'")
        }
        #expect(audited == ["tui:supervisor"])
        // At a kiosk the row says so.
        _ = try fixture.store.reviewPlan(planID: id, action: .comment, comment: "ต่อ", by: .supervisor(personID: "A01"),
                                         screen: "kiosk:supervisor", now: now)
        let kiosk = try fixture.store.database.read { db in
            try String.fetchAll(db, sql: "SELECT screen FROM audit_log WHERE action = 'plan-comment' AND subject = 'A03'")
        }
        #expect(kiosk == ["kiosk:supervisor"])
    }

    @Test("return, then a comment: status returned, two notes in order; an empty comment is refused")
    func returnAndComment() throws {
        let id = try draft("A04")
        _ = try fixture.store.reviewPlan(planID: id, action: .return, comment: "why", by: .supervisor(personID: "A03"))
        let plan = try fixture.store.reviewPlan(planID: id, action: .comment, comment: " add a course ", by: .supervisor(personID: "A02"))
        #expect(plan.status == "returned")
        #expect(plan.notes.map(\.action) == ["return", "comment"])
        #expect(plan.notes.last?.body == "add a course")
        #expect(throws: PlanReviewError.self) {
            try fixture.store.reviewPlan(planID: id, action: .comment, comment: "  ", by: .supervisor(personID: "A02"))
        }
    }

    @Test("outside the chain, one's own plan, a person viewer and an unknown plan are refused; nothing stored")
    func refusals() throws {
        let id = try draft("A03")
        #expect(throws: AccessDenied.self) {
            try fixture.store.reviewPlan(planID: id, action: .approve, comment: "", by: .supervisor(personID: "A05"))
        }
        #expect(throws: AccessDenied.self) { try fixture.store.latestPlan(personID: "A03", viewer: .supervisor(personID: "A07")) }
        #expect(throws: PlanReviewError.self) {
            try fixture.store.reviewPlan(planID: id, action: .approve, comment: "", by: .supervisor(personID: "A03"))
        }
        #expect(throws: PlanReviewError.self) {
            try fixture.store.reviewPlan(planID: id, action: .return, comment: "", by: .person(personID: "A03"))
        }
        #expect(throws: PlanReviewError.self) {
            try fixture.store.reviewPlan(planID: 9_999, action: .approve, comment: "", by: .system)
        }
        // HR reviews anyone's plan but their own, and may not count an assessment of themselves.
        #expect(throws: PlanReviewError.self) {
            try fixture.store.reviewPlan(planID: id, action: .approve, comment: "", by: .hr(personID: "A03"))
        }
        #expect(throws: PlanReviewError.self) {
            try fixture.store.recordAssessment(personID: "A03", competency: TestCatalog.catalog.competencies[0].id, level: 5,
                                               on: CivilDate(year: 2026, month: 1, day: 1)!, note: "", assessor: .supervisor,
                                               by: .hr(personID: "A03"), catalog: TestCatalog.catalog,
                                               today: CivilDate(year: 2026, month: 2, day: 1)!)
        }
        let plan = try fixture.store.latestPlan(personID: "A03", viewer: .system)
        #expect(plan?.status == "submitted")
        #expect(plan?.notes.isEmpty == true)
        #expect(try fixture.store.latestPlan(personID: "A06", viewer: .system) == nil)
    }
}
