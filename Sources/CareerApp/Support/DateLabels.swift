import CareerCatalog

/// Dates as the screens show them. `DateText` writes modern dates out from its month names
/// (no formatter), so they are not memoised here.
enum DateLabels {
    /// "31 ส.ค. 2568" / "31 Aug 2025".
    static func short(_ date: CivilDate, _ language: Language) -> String {
        DateText.format(date, language)
    }

    /// A year as shown in Thai (B.E.) or English (C.E.).
    static func year(_ year: Int, _ language: Language) -> Int {
        language == .th ? year + 543 : year
    }
}
