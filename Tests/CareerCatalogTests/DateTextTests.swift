import Foundation
import Testing
@testable import CareerCatalog

/// Dates in Thai (Buddhist era) and English: the written-out dates must print exactly what
/// ICU's formatters print (the oracle below), and B.E. input must read back.
@Suite("Date text")
struct DateTextTests {
    private static let languages: [Language] = [.th, .en]

    /// What `DateFormatter` prints, the oracle `DateText` is held to: Buddhist calendar in th_TH,
    /// Gregorian in en_GB, `d MMM yyyy` / `d MMMM yyyy`, in UTC.
    private static func formatterOutput(_ date: CivilDate, _ language: Language, long: Bool) -> String {
        let formatter = language == .th ? (long ? thaiLong : thaiShort) : (long ? englishLong : englishShort)
        // Noon UTC keeps the day stable whatever the formatter's zone.
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(date.dayNumber) * 86_400 + 43_200))
    }

    private static func formatter(_ calendar: Calendar.Identifier, _ locale: String, _ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        var cal = Calendar(identifier: calendar)
        cal.timeZone = TimeZone(identifier: "UTC")!
        formatter.calendar = cal
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: locale)
        formatter.dateFormat = format
        return formatter
    }

    private static let thaiShort = formatter(.buddhist, "th_TH", "d MMM yyyy")
    private static let thaiLong = formatter(.buddhist, "th_TH", "d MMMM yyyy")
    private static let englishShort = formatter(.gregorian, "en_GB", "d MMM yyyy")
    private static let englishLong = formatter(.gregorian, "en_GB", "d MMMM yyyy")

    @Test("every day of 1900–2199 formats as ICU's formatters do, short and long, Thai and English")
    func monthNamesMatchICU() {
        let first = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: 2199, month: 12, day: 31)!.dayNumber
        var mismatches: [String] = []
        for dayNumber in first...last {
            let date = CivilDate(dayNumber: dayNumber)
            for language in Self.languages {
                for long in [false, true] {
                    let expected = Self.formatterOutput(date, language, long: long)
                    let written = long ? DateText.formatLong(date, language) : DateText.format(date, language)
                    if written != expected, mismatches.count < 5 { mismatches.append("\(date.iso) \(language) long=\(long): \(written) vs ICU \(expected)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("from ICU's Gregorian start (15 Oct 1582) to 9999 every tested day matches ICU; earlier years stay proleptic Gregorian")
    func edges() {
        let dates = [CivilDate(year: 1582, month: 10, day: 15)!, CivilDate(year: 1583, month: 1, day: 1)!,
                     CivilDate(year: 1600, month: 2, day: 29)!, CivilDate(year: 9999, month: 12, day: 31)!]
        for date in dates {
            for language in Self.languages {
                #expect(DateText.format(date, language) == Self.formatterOutput(date, language, long: false))
                #expect(DateText.formatLong(date, language) == Self.formatterOutput(date, language, long: true))
            }
        }
        // ICU writes these days in the Julian calendar; the product keeps CivilDate's day and
        // the same B.E. offset for every year, padding the year to four digits as `yyyy` does.
        let old = CivilDate(year: 1530, month: 4, day: 8)!
        #expect(DateText.format(old, .th) == "8 เม.ย. 2073")
        #expect(DateText.formatLong(old, .en) == "8 April 1530")
        #expect(DateText.format(CivilDate(year: 5, month: 1, day: 2)!, .en) == "2 Jan 0005")
        #expect(DateText.format(CivilDate(year: 5, month: 1, day: 2)!, .th) == "2 ม.ค. 0548")
        #expect(DateText.format(CivilDate(year: 12_000, month: 12, day: 31)!, .th) == "31 ธ.ค. 12543")
    }

    @Test("B.E. dates: leap day, the year boundary, Thai digits")
    func buddhistEra() {
        let leap = CivilDate(year: 2024, month: 2, day: 29)!
        #expect(DateText.format(leap, .th) == "29 ก.พ. 2567")
        #expect(DateText.formatLong(leap, .en) == "29 February 2024")
        #expect(DateText.format(CivilDate(year: 2025, month: 12, day: 31)!, .th) == "31 ธ.ค. 2568")
        #expect(DateText.parse("29/02/2567") == leap)
        #expect(DateText.parse("๒๙/๐๒/๒๕๖๗") == leap)
        #expect(DateText.parse("29/02/2568") == nil)
    }

    @Test("today is the local date Foundation's calendar gives")
    func today() {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        let expected = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
        let today = DateText.today()
        // Midnight may pass between the two reads; then they are one day apart.
        #expect(today == expected || today.dayNumber == (expected?.dayNumber ?? 0) + 1)
    }

    @Test("a store timestamp is the day it fell on where the program runs, not its UTC date")
    func stampDays() {
        let bangkok = 7 * 3600
        #expect(DateText.day(ofStamp: "2026-08-31T16:59:59Z", utcOffset: bangkok) == CivilDate(iso: "2026-08-31"))
        #expect(DateText.day(ofStamp: "2026-08-31T17:00:00Z", utcOffset: bangkok) == CivilDate(iso: "2026-09-01"))
        #expect(DateText.day(ofStamp: "2026-12-31T23:30:00Z", utcOffset: bangkok) == CivilDate(iso: "2027-01-01"))
        #expect(DateText.day(ofStamp: "2026-01-01T02:00:00Z", utcOffset: -5 * 3600) == CivilDate(iso: "2025-12-31"))
        #expect(DateText.day(ofStamp: "2026-08-31T17:00:00Z", utcOffset: 0) == CivilDate(iso: "2026-08-31"))
        #expect(DateText.day(ofStamp: "2026-08-31") == nil)
        #expect(DateText.day(ofStamp: "2026-08-31Txx:00:00Z") == nil)
    }

    @Test("a date offered for editing reads back as the same day, in both languages")
    func editableDates() {
        let day = CivilDate(iso: "2026-08-31")!
        #expect(DateText.editable(day, .th) == "31/08/2569")
        #expect(DateText.editable(day, .en) == "2026-08-31")
        for language in Language.allCases { #expect(DateText.parse(DateText.editable(day, language)) == day) }
        // One rule with the command line and the importer: a year in the wrong era is not a date.
        #expect(DateText.parse("31/08/2026") == nil)
        #expect(DateText.parse("2569-08-31") == nil)
    }
}
