import CareerCatalog
import CareerEngine

/// The words of succession views in Thai and English, a `TextTable` (the CLI's `succession`
/// command uses it; the engine returns bands and counts, never words).
///
///     SuccessionText.band(.readyNow).text(.th)   // "พร้อมทันที"
public enum SuccessionText: String, CaseIterable, TextTable {
    case readyNow, withinTwoYears, later
    /// Column headings of the candidate table.
    case rank, bandHeading, name, jobLine, level, unit, gaps, eligibleOn, candidates, post
    /// "after promotion" marker next to a level that may apply only one level up.
    case onPromotion
    /// No plan the engine can make closes every gap (education, an approval, a promotion that never comes).
    case notByPlan
    /// A summary line: `%1` post, `%2` date, `%3` ready now, `%4` within 2 years, `%5` later.
    case summary
    case riskFlag, showing
    /// `%1` risky posts, `%2` all posts.
    case risksSummary
    case noRisks, noCandidates

    /// A band's name.
    public static func band(_ band: SuccessionBand) -> SuccessionText {
        switch band {
        case .readyNow: .readyNow
        case .withinTwoYears: .withinTwoYears
        case .later: .later
        }
    }

    public var pair: (th: String, en: String) {
        switch self {
        case .readyNow: ("พร้อมทันที", "ready now")
        case .withinTwoYears: ("พร้อมภายใน 2 ปี", "within 2 years")
        case .later: ("ภายหลัง", "later")
        case .rank: ("ลำดับ", "RANK")
        case .bandHeading: ("ความพร้อม", "BAND")
        case .name: ("ชื่อ", "NAME")
        case .jobLine: ("สายงาน", "LINE")
        case .level: ("ระดับ", "LEVEL")
        case .unit: ("หน่วยงาน", "UNIT")
        case .gaps: ("ช่องว่าง", "GAPS")
        case .eligibleOn: ("มีคุณสมบัติเมื่อ", "ELIGIBLE ON")
        case .candidates: ("ผู้มีสิทธิ์", "CANDIDATES")
        case .post: ("ตำแหน่ง", "POST")
        case .onPromotion: ("เมื่อเลื่อนระดับ", "after promotion")
        case .notByPlan: ("ยังไม่มีแผนที่ปิดได้", "no plan closes it")
        case .summary: ("%1 ณ %2: พร้อมทันที %3 คน, พร้อมภายใน 2 ปี %4 คน, ภายหลัง %5 คน",
                        "%1 on %2: %3 ready now, %4 within 2 years, %5 later")
        case .riskFlag: ("ความเสี่ยงด้านการสืบทอดตำแหน่ง: ไม่มีผู้พร้อมภายใน 2 ปี",
                         "Succession risk: no candidate ready within 2 years")
        case .showing: ("แสดง %1 จาก %2 คน (--limit 0 แสดงทั้งหมด)", "showing %1 of %2 (--limit 0 shows all)")
        case .risksSummary: ("ตำแหน่งผู้อำนวยการที่มีความเสี่ยงด้านการสืบทอด %1 จาก %2 ตำแหน่ง (ไม่มีผู้พร้อมภายใน 2 ปี)",
                             "%1 of %2 director posts are succession risks (no candidate ready within 2 years)")
        case .noRisks: ("ไม่มีตำแหน่งที่มีความเสี่ยง: ทุกตำแหน่งมีผู้พร้อมภายใน 2 ปี",
                        "No succession risk: every director post has a candidate ready within 2 years")
        case .noCandidates: ("ไม่มีผู้มีสิทธิ์ในขอบเขตที่ท่านดูได้", "No candidate within your view")
        }
    }
}
