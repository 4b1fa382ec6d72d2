import Foundation

/// Dates as people read and type them: Buddhist-era in Thai, Common Era in English, ISO in JSON.
public enum DateText {
    /// "31 ส.ค. 2568" (Thai) or "31 Aug 2025" (English).
    public static func format(_ date: CivilDate, _ language: Language) -> String {
        written(date, language, long: false)
    }

    /// "31 สิงหาคม 2568" / "31 August 2025".
    public static func formatLong(_ date: CivilDate, _ language: Language) -> String {
        written(date, language, long: true)
    }

    /// Written out here rather than by a `DateFormatter`: its first use (ICU loading locale and
    /// calendar data) takes about 1.5 ms, a tenth of the TUI's start-up budget, and the title bar
    /// shows today's date. The output is the formatters' `d MMM yyyy` (Thai: Buddhist calendar,
    /// th_TH; English: en_GB); `DateTextTests` compares the two for every day of several
    /// centuries, so a change in ICU's names fails a test rather than drifting. Every year is
    /// proleptic Gregorian, as `CivilDate` is (ICU switches to the Julian calendar before
    /// October 1582; no date here is that old).
    static func written(_ date: CivilDate, _ language: Language, long: Bool) -> String {
        let names = language == .th ? (long ? thaiLong : thaiShort) : (long ? englishLong : englishShort)
        let year = language == .th ? date.year + CivilDate.buddhistEraOffset : date.year
        // `yyyy` pads to four digits.
        let digits = String(year)
        let padded = (0..<1000).contains(year) ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return "\(date.day) \(names[date.month - 1]) \(padded)"
    }

    static let thaiShort = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    static let thaiLong = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                           "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
    static let englishShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let englishLong = ["January", "February", "March", "April", "May", "June",
                              "July", "August", "September", "October", "November", "December"]

    /// Parses what HR and users type, by the one rule (`TypedDate`): ISO `YYYY-MM-DD` with a
    /// Common Era year or `DD/MM/YYYY` with a Buddhist-era year (`29/04/2553`); Thai digits (๐–๙)
    /// are accepted in both. Nil for anything else, a year in the wrong era included.
    public static func parse(_ text: String) -> CivilDate? {
        try? TypedDate.parse(text).get()
    }

    /// A date as a form offers it for editing, in a shape `parse` reads back: `31/08/2569` in
    /// Thai, `2026-08-31` in English.
    public static func editable(_ date: CivilDate, _ language: Language) -> String {
        language == .th ? TypedDate.buddhistEraText(date) : date.iso
    }

    /// Today in the local time zone (the C library's `localtime_r`, which reads the same zone
    /// as Foundation without building a `Calendar`, a measurable part of the TUI's start).
    public static func today() -> CivilDate {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil,
              let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) else {
            let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
            return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CivilDate(dayNumber: 0)
        }
        return date
    }

    /// Replaces Thai digits with ASCII ones.
    public static func arabicDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x0E50...0x0E59).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x0E50 + 0x30)! : scalar
        }))
    }
}
