import Foundation

/// Dates as people read and type them: Buddhist-era in Thai, Common Era in English, ISO in JSON.
public enum DateText {
    /// "31 ส.ค. 2568" (Thai) or "31 Aug 2025" (English).
    public static func format(_ date: CivilDate, _ language: Language) -> String {
        let formatter = language == .th ? thaiFormatter : englishFormatter
        return formatter.string(from: foundationDate(date))
    }

    /// "31 สิงหาคม 2568" / "31 August 2025".
    public static func formatLong(_ date: CivilDate, _ language: Language) -> String {
        let formatter = language == .th ? thaiLongFormatter : englishLongFormatter
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

    /// Today in the local time zone.
    public static func today() -> CivilDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
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
