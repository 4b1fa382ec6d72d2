import CareerCatalog
import CareerEngine

/// Supervisor mode's interface text in Thai and English, a `TextTable` like `Str`; wording that
/// depends on a value (a column, a band, a review action) is picked by the functions below.
enum SupText: String, CaseIterable, TextTable {
    case title, subordinates, chain, direct, selected, noSubordinates, loading, loadingPerson
    case columnName, columnLine, columnLevel, columnTimeInLevel, columnNextLevel, columnPost
    case readyNow, readyWithinTwoYears, readyLater, readyUnknown, sortedBy, showingChain, showingDirect
    case postChosen, markedForCompare
    case noSavedPlan, savedPlan, steps, comments
    case labelComment, labelApprove, labelReturn, inputHint, reviewedComment, reviewedApprove, reviewedReturn
    case reviewFailed, reasonRequired, awaiting, filterLabel, compareTitle, successionTitle, posts, pool
    case noCompetencies, levelRequired, assessmentFailed, assessmentSaved
    case assessTitle, assessStanding, assessIndicators, assessNote, assessHint, assessHistory
    case risk, noCandidates, rank, hint, yearsMonths, by, postBadge, nextBadge, topOfLine

    /// A column's heading.
    static func column(_ column: SubordinateColumn) -> SupText {
        switch column {
        case .name: .columnName
        case .line: .columnLine
        case .level: .columnLevel
        case .timeInLevel: .columnTimeInLevel
        case .nextLevel: .columnNextLevel
        case .post: .columnPost
        }
    }

    /// A readiness badge ("–" when not worked out).
    static func ready(_ band: SuccessionBand?) -> SupText {
        switch band {
        case .readyNow?: .readyNow
        case .withinTwoYears?: .readyWithinTwoYears
        case .later?: .readyLater
        case nil: .readyUnknown
        }
    }

    /// The input's label while writing a review.
    static func commentLabel(_ action: PlanReviewAction) -> SupText {
        switch action {
        case .comment: .labelComment
        case .approve: .labelApprove
        case .return: .labelReturn
        }
    }

    /// The status line once a review is stored.
    static func reviewed(_ action: PlanReviewAction) -> SupText {
        switch action {
        case .comment: .reviewedComment
        case .approve: .reviewedApprove
        case .return: .reviewedReturn
        }
    }

    var pair: (th: String, en: String) {
        switch self {
        case .title: ("ผู้ใต้บังคับบัญชา", "Subordinates")
        case .subordinates: ("ผู้ใต้บังคับบัญชา (%1)", "Subordinates (%1)")
        case .chain: ("ทั้งสายบังคับบัญชา", "whole chain")
        case .direct: ("ขึ้นตรง", "direct")
        case .selected: ("ช่องว่างและแผน: %1", "Gaps and plan: %1")
        case .noSubordinates: ("ไม่มีผู้ใต้บังคับบัญชา", "No subordinates")
        case .loading: ("กำลังโหลดรายชื่อ…", "Loading subordinates…")
        case .loadingPerson: ("กำลังโหลดข้อมูล…", "Loading the record…")
        case .columnName: ("ชื่อ", "Name")
        case .columnLine: ("สายงาน", "Line")
        case .columnLevel: ("ระดับ", "Level")
        case .columnTimeInLevel: ("ในระดับ", "In level")
        case .columnNextLevel: ("ระดับถัดไป", "Next")
        case .columnPost: ("ตำแหน่ง ผอ.", "Director")
        case .readyNow: ("พร้อม", "ready")
        case .readyWithinTwoYears: ("≤2 ปี", "≤2 y")
        case .readyLater: ("ภายหลัง", "later")
        case .readyUnknown: ("–", "–")
        case .sortedBy: ("เรียงตาม %1", "Sorted by %1")
        case .showingChain: ("แสดงทั้งสายบังคับบัญชา", "Showing the whole chain below")
        case .showingDirect: ("แสดงเฉพาะผู้ขึ้นตรง", "Showing direct reports")
        case .postChosen: ("ความพร้อมต่อ: %1", "Readiness toward: %1")
        case .markedForCompare: ("ทำเครื่องหมาย %1 แล้ว เลือกอีกคนแล้วกด v", "Marked %1: select another and press v")
        case .noSavedPlan: ("ยังไม่มีแผนที่บันทึกไว้", "No saved plan yet")
        case .savedPlan: ("แผนที่บันทึก", "Saved plan")
        case .steps: ("%1 ขั้นตอน", "%1 steps")
        case .comments: ("ความเห็น", "Comments")
        case .labelComment: ("ความเห็น", "Comment")
        case .labelApprove: ("อนุมัติ (ความเห็น)", "Approve (note)")
        case .labelReturn: ("ส่งกลับ (เหตุผล)", "Return (reason)")
        case .inputHint: ("Enter ยืนยัน · Esc ยกเลิก", "Enter to confirm · Esc to cancel")
        case .reviewedComment: ("บันทึกความเห็นแล้ว", "Comment saved")
        case .reviewedApprove: ("อนุมัติแผนแล้ว", "Plan approved")
        case .reviewedReturn: ("ส่งแผนกลับแล้ว", "Plan returned")
        case .reviewFailed: ("บันทึกไม่สำเร็จ: %1", "Could not store the review: %1")
        case .reasonRequired: ("ส่งแผนกลับต้องระบุเหตุผล: พิมพ์เหตุผลแล้วกด Enter", "A returned plan needs a reason: type it, then Enter")
        case .awaiting: ("แผนรอการพิจารณาของคุณ %1 แผน", "%1 plans wait for your decision")
        case .filterLabel: ("กรอง", "Filter")
        case .compareTitle: ("เปรียบเทียบ", "Compare")
        case .successionTitle: ("ผู้สืบทอดตำแหน่ง", "Succession")
        case .posts: ("ตำแหน่งผู้อำนวยการ", "Director posts")
        case .pool: ("ผู้มีสิทธิ์: %1", "Pool: %1")
        case .noCompetencies: ("เป้าหมายนี้ไม่กำหนดสมรรถนะ", "This target requires no competency")
        case .levelRequired: ("พิมพ์ระดับ 0–5 ก่อนกด Enter", "Type a level 0–5 before Enter")
        case .assessmentFailed: ("บันทึกผลการประเมินไม่สำเร็จ: %1", "Could not record the assessment: %1")
        case .assessmentSaved: ("บันทึกผลประเมิน %1 ระดับ %2 แล้ว", "Assessment recorded: %1 at level %2")
        case .assessTitle: ("ประเมินสมรรถนะ ณ %1", "Competency assessment on %1")
        case .assessStanding: ("ต้องการ %1 · ปัจจุบัน %2", "required %1 · counted %2")
        case .assessIndicators: ("พฤติกรรมบ่งชี้ระดับ %1:", "Behavioural indicators of level %1:")
        case .assessNote: ("ระดับ %1 · หมายเหตุ", "Level %1 · note")
        case .assessHistory: ("ประวัติ (ประเมินตนเองไม่นับ)", "History (self-assessments never count)")
        case .assessHint: ("↑↓ สมรรถนะ · 0–5 ระดับ · Enter บันทึก · Esc ยกเลิก", "↑↓ competency · 0–5 level · Enter save · Esc cancel")
        case .risk: ("เสี่ยง", "risk")
        case .noCandidates: ("ไม่มีผู้มีสิทธิ์ในขอบเขตที่เห็น", "No candidates within your reach")
        case .rank: ("ลำดับ", "#")
        case .hint: ("s เรียง · w ทั้งสาย · d ตำแหน่ง · / กรอง · v เทียบ · a/r/i แผน · S สืบทอด",
                     "s sort · w chain · d post · / filter · v compare · a/r/i plan · S succession")
        case .yearsMonths: ("%1ป %2ด", "%1y %2m")
        case .by: ("โดย %1 %2", "by %1 %2")
        case .postBadge: ("ต่อ %1", "toward %1")
        case .nextBadge: ("ระดับถัดไป %1: %2", "next level %1: %2")
        case .topOfLine: ("ระดับสูงสุดของสายงาน", "top of the line")
        }
    }
}
