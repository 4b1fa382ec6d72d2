import Foundation

/// Dates as people read and type them: Buddhist-era in Thai, Common Era in English, ISO in JSON.
public enum DateText {
    /// "31 ส.ค. 2568" (Thai) or "31 Aug 2025" (English).
    public static func format(_ date: CivilDate, _ language: Language) -> String {
        if let text = MonthNames.format(date, language, long: false) { return text }
        let formatter = language == .th ? thaiFormatter : englishFormatter
        return formatter.string(from: foundationDate(date))
    }

    /// "31 สิงหาคม 2568" / "31 August 2025".
    public static func formatLong(_ date: CivilDate, _ language: Language) -> String {
        if let text = MonthNames.format(date, language, long: true) { return text }
        let formatter = language == .th ? thaiLongFormatter : englishLongFormatter
        return formatter.string(from: foundationDate(date))
    }

    /// What the formatters below print for dates from 1583 to 9999, written out: the first use
    /// of a `DateFormatter` (ICU loading its locale and calendar data) takes about 1.5 ms, a
    /// tenth of the TUI's start-up budget, and the title bar shows today's date. ICU's Buddhist
    /// calendar is the Gregorian one with the year plus 543. `DateTextTests` compares these
    /// with the formatters for every day of several centuries, so a change in ICU's names fails
    /// a test rather than drifting. Earlier dates (ICU switches to the Julian calendar before
    /// October 1582) and later ones go through the formatters.
    enum MonthNames {
        static let thaiShort = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
        static let thaiLong = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                               "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
        static let englishShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        static let englishLong = ["January", "February", "March", "April", "May", "June",
                                  "July", "August", "September", "October", "November", "December"]

        static func format(_ date: CivilDate, _ language: Language, long: Bool) -> String? {
            guard (1583...9999).contains(date.year), (1...12).contains(date.month) else { return nil }
            let names = language == .th ? (long ? thaiLong : thaiShort) : (long ? englishLong : englishShort)
            let year = language == .th ? date.year + 543 : date.year
            return "\(date.day) \(names[date.month - 1]) \(year)"
        }
    }

    /// The formatters' own output, for the tests that hold `MonthNames` to it.
    static func formatterOutput(_ date: CivilDate, _ language: Language, long: Bool) -> String {
        let formatter = language == .th ? (long ? thaiLongFormatter : thaiFormatter) : (long ? englishLongFormatter : englishFormatter)
        return formatter.string(from: foundationDate(date))
    }

    /// Parses what HR and users type: ISO `YYYY-MM-DD` (Common Era) or `DD/MM/YYYY` with a
    /// Buddhist-era year (`29/04/2553`); Thai digits (๐–๙) are accepted in both.
    public static func parse(_ text: String) -> CivilDate? {
        let ascii = arabicDigits(text.trimmingCharacters(in: .whitespaces))
        if let iso = CivilDate(iso: ascii) { return iso }
        let parts = ascii.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let be = Int(parts[2]) else { return nil }
        return CivilDate(year: be - 543, month: m, day: d)
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

    static func foundationDate(_ date: CivilDate) -> Date {
        // Noon UTC keeps the day stable whatever the formatter's zone.
        Date(timeIntervalSince1970: TimeInterval(date.dayNumber) * 86_400 + 43_200)
    }

    private static func makeFormatter(calendar: Calendar.Identifier, locale: String, format: String) -> DateFormatter {
        let formatter = DateFormatter()
        var cal = Calendar(identifier: calendar)
        cal.timeZone = TimeZone(identifier: "UTC")!
        formatter.calendar = cal
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: locale)
        formatter.dateFormat = format
        return formatter
    }

    private static let thaiFormatter = makeFormatter(calendar: .buddhist, locale: "th_TH", format: "d MMM yyyy")
    private static let thaiLongFormatter = makeFormatter(calendar: .buddhist, locale: "th_TH", format: "d MMMM yyyy")
    private static let englishFormatter = makeFormatter(calendar: .gregorian, locale: "en_GB", format: "d MMM yyyy")
    private static let englishLongFormatter = makeFormatter(calendar: .gregorian, locale: "en_GB", format: "d MMMM yyyy")
}
