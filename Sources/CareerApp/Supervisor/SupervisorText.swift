import CareerCatalog
import CareerEngine

/// Supervisor mode's interface text in Thai and English (one table, like `Str`).
enum SupText: Sendable, Hashable {
    case title, subordinates, chain, direct, selected, noSubordinates, loading, loadingPerson
    case column(SubordinateColumn)
    case ready(SuccessionBand?), sortedBy, showingChain, showingDirect, postChosen, markedForCompare
    case noSavedPlan, savedPlan, planStatus(String), steps, comments, commentLabel(PlanReviewAction), inputHint
    case reviewed(PlanReviewAction), reviewFailed, reasonRequired, awaiting, filterLabel, compareTitle, successionTitle, posts, pool
    case risk, noCandidates, rank, hint, yearsMonths, by, postBadge, nextBadge, topOfLine

    func text(_ language: Language) -> String {
        let (th, en) = pair
        return language == .th ? th : en
    }

    func format(_ language: Language, _ arguments: String...) -> String {
        text(language).fillingPlaceholders(arguments)
    }

    private var pair: (String, String) {
        switch self {
        case .title: return ("ผู้ใต้บังคับบัญชา", "Subordinates")
        case .subordinates: return ("ผู้ใต้บังคับบัญชา (%1)", "Subordinates (%1)")
        case .chain: return ("ทั้งสายบังคับบัญชา", "whole chain")
        case .direct: return ("ขึ้นตรง", "direct")
        case .selected: return ("ช่องว่างและแผน: %1", "Gaps and plan: %1")
        case .noSubordinates: return ("ไม่มีผู้ใต้บังคับบัญชา", "No subordinates")
        case .loading: return ("กำลังโหลดรายชื่อ…", "Loading subordinates…")
        case .loadingPerson: return ("กำลังโหลดข้อมูล…", "Loading the record…")
        case .column(let c):
            switch c {
            case .name: return ("ชื่อ", "Name")
            case .line: return ("สายงาน", "Line")
            case .level: return ("ระดับ", "Level")
            case .timeInLevel: return ("ในระดับ", "In level")
            case .nextLevel: return ("ระดับถัดไป", "Next")
            case .post: return ("ตำแหน่ง ผอ.", "Director")
            }
        case .ready(let band):
            switch band {
            case .readyNow?: return ("พร้อม", "ready")
            case .withinTwoYears?: return ("≤2 ปี", "≤2 y")
            case .later?: return ("ภายหลัง", "later")
            case nil: return ("–", "–")
            }
        case .sortedBy: return ("เรียงตาม %1", "Sorted by %1")
        case .showingChain: return ("แสดงทั้งสายบังคับบัญชา", "Showing the whole chain below")
        case .showingDirect: return ("แสดงเฉพาะผู้ขึ้นตรง", "Showing direct reports")
        case .postChosen: return ("ความพร้อมต่อ: %1", "Readiness toward: %1")
        case .markedForCompare: return ("ทำเครื่องหมาย %1 แล้ว เลือกอีกคนแล้วกด v", "Marked %1: select another and press v")
        case .noSavedPlan: return ("ยังไม่มีแผนที่บันทึกไว้", "No saved plan yet")
        case .savedPlan: return ("แผนที่บันทึก", "Saved plan")
        case .planStatus(let s): return Str.status(PlanStatus(rawValue: s) ?? .draft).pair
        case .steps: return ("%1 ขั้นตอน", "%1 steps")
        case .comments: return ("ความเห็น", "Comments")
        case .commentLabel(let k):
            switch k {
            case .comment: return ("ความเห็น", "Comment")
            case .approve: return ("อนุมัติ (ความเห็น)", "Approve (note)")
            case .return: return ("ส่งกลับ (เหตุผล)", "Return (reason)")
            }
        case .reasonRequired: return ("ส่งแผนกลับต้องระบุเหตุผล: พิมพ์เหตุผลแล้วกด Enter", "A returned plan needs a reason: type it, then Enter")
        case .awaiting: return ("แผนรอการพิจารณาของคุณ %1 แผน", "%1 plans wait for your decision")
        case .inputHint: return ("Enter ยืนยัน · Esc ยกเลิก", "Enter to confirm · Esc to cancel")
        case .reviewed(let k):
            switch k {
            case .comment: return ("บันทึกความเห็นแล้ว", "Comment saved")
            case .approve: return ("อนุมัติแผนแล้ว", "Plan approved")
            case .return: return ("ส่งแผนกลับแล้ว", "Plan returned")
            }
        case .reviewFailed: return ("บันทึกไม่สำเร็จ: %1", "Could not store the review: %1")
        case .filterLabel: return ("กรอง", "Filter")
        case .compareTitle: return ("เปรียบเทียบ", "Compare")
        case .successionTitle: return ("ผู้สืบทอดตำแหน่ง", "Succession")
        case .posts: return ("ตำแหน่งผู้อำนวยการ", "Director posts")
        case .pool: return ("ผู้มีสิทธิ์: %1", "Pool: %1")
        case .risk: return ("เสี่ยง", "risk")
        case .noCandidates: return ("ไม่มีผู้มีสิทธิ์ในขอบเขตที่เห็น", "No candidates within your reach")
        case .rank: return ("ลำดับ", "#")
        case .hint: return ("s เรียง · w ทั้งสาย · d ตำแหน่ง · / กรอง · v เทียบ · a/r/i แผน · S สืบทอด",
                            "s sort · w chain · d post · / filter · v compare · a/r/i plan · S succession")
        case .yearsMonths: return ("%1ป %2ด", "%1y %2m")
        case .by: return ("โดย %1 %2", "by %1 %2")
        case .postBadge: return ("ต่อ %1", "toward %1")
        case .nextBadge: return ("ระดับถัดไป %1: %2", "next level %1: %2")
        case .topOfLine: return ("ระดับสูงสุดของสายงาน", "top of the line")
        }
    }
}
