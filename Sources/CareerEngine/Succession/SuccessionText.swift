import CareerCatalog

/// The words of succession views in Thai and English, in one table (the CLI and the TUI share it).
///
///     SuccessionText.band(.readyNow).text(.th)   // "พร้อมทันที"
public enum SuccessionText {
    /// A band's name.
    public static func band(_ band: SuccessionBand) -> LocalizedText {
        switch band {
        case .readyNow: return LocalizedText(th: "พร้อมทันที", en: "ready now")
        case .withinTwoYears: return LocalizedText(th: "พร้อมภายใน 2 ปี", en: "within 2 years")
        case .later: return LocalizedText(th: "ภายหลัง", en: "later")
        }
    }

    /// Column headings of the candidate table.
    public static let rank = LocalizedText(th: "ลำดับ", en: "RANK")
    public static let bandHeading = LocalizedText(th: "ความพร้อม", en: "BAND")
    public static let name = LocalizedText(th: "ชื่อ", en: "NAME")
    public static let jobLine = LocalizedText(th: "สายงาน", en: "LINE")
    public static let level = LocalizedText(th: "ระดับ", en: "LEVEL")
    public static let unit = LocalizedText(th: "หน่วยงาน", en: "UNIT")
    public static let gaps = LocalizedText(th: "ช่องว่าง", en: "GAPS")
    public static let eligibleOn = LocalizedText(th: "มีคุณสมบัติเมื่อ", en: "ELIGIBLE ON")
    public static let candidates = LocalizedText(th: "ผู้มีสิทธิ์", en: "CANDIDATES")
    public static let post = LocalizedText(th: "ตำแหน่ง", en: "POST")

    /// "after promotion" marker next to a level that may apply only one level up.
    public static let onPromotion = LocalizedText(th: "เมื่อเลื่อนระดับ", en: "after promotion")
    /// No plan the engine can make closes every gap (education, an approval, a promotion that never comes).
    public static let notByPlan = LocalizedText(th: "ยังไม่มีแผนที่ปิดได้", en: "no plan closes it")
    /// A summary line: `%1` post, `%2` date, `%3` ready now, `%4` within 2 years, `%5` later.
    public static let summary = LocalizedText(
        th: "%1 ณ %2: พร้อมทันที %3 คน, พร้อมภายใน 2 ปี %4 คน, ภายหลัง %5 คน",
        en: "%1 on %2: %3 ready now, %4 within 2 years, %5 later")
    public static let riskFlag = LocalizedText(
        th: "ความเสี่ยงด้านการสืบทอดตำแหน่ง: ไม่มีผู้พร้อมภายใน 2 ปี",
        en: "Succession risk: no candidate ready within 2 years")
    public static let showing = LocalizedText(th: "แสดง %1 จาก %2 คน (--limit 0 แสดงทั้งหมด)", en: "showing %1 of %2 (--limit 0 shows all)")
    /// `%1` risky posts, `%2` all posts.
    public static let risksSummary = LocalizedText(
        th: "ตำแหน่งผู้อำนวยการที่มีความเสี่ยงด้านการสืบทอด %1 จาก %2 ตำแหน่ง (ไม่มีผู้พร้อมภายใน 2 ปี)",
        en: "%1 of %2 director posts are succession risks (no candidate ready within 2 years)")
    public static let noRisks = LocalizedText(
        th: "ไม่มีตำแหน่งที่มีความเสี่ยง: ทุกตำแหน่งมีผู้พร้อมภายใน 2 ปี",
        en: "No succession risk: every director post has a candidate ready within 2 years")
    public static let noCandidates = LocalizedText(th: "ไม่มีผู้มีสิทธิ์ในขอบเขตที่ท่านดูได้", en: "No candidate within your view")

    /// `template` in `language` with `%1`, `%2` … replaced by `arguments` in order.
    public static func format(_ template: LocalizedText, _ language: Language, _ arguments: String...) -> String {
        template.text(language).fillingPlaceholders(arguments)
    }
}
