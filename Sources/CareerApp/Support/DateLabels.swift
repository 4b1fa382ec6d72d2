import CareerCatalog

/// Years as the screens show them (dates themselves: `DateText.format`).
enum DateLabels {
    /// A year as shown in Thai (B.E.) or English (C.E.).
    static func year(_ year: Int, _ language: Language) -> Int {
        language == .th ? year + CivilDate.buddhistEraOffset : year
    }
}
