import Foundation
import Testing
@testable import CareerCatalog

/// Dates in Thai (Buddhist era) and English: the written-out month names must print exactly
/// what ICU's formatters print, and B.E. input must read back.
@Suite("Date text")
struct DateTextTests {
    private static let languages: [Language] = [.th, .en]

    @Test("every day of 1900–2199 formats as ICU's formatters do, short and long, Thai and English")
    func monthNamesMatchICU() {
        let first = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: 2199, month: 12, day: 31)!.dayNumber
        var mismatches: [String] = []
        for dayNumber in first...last {
            let date = CivilDate(dayNumber: dayNumber)
            for language in Self.languages {
                for long in [false, true] {
                    let expected = DateText.formatterOutput(date, language, long: long)
                    let written = long ? DateText.formatLong(date, language) : DateText.format(date, language)
                    if written != expected, mismatches.count < 5 { mismatches.append("\(date.iso) \(language) long=\(long): \(written) vs ICU \(expected)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("the edges of the written-out range: 1583 and 9999 match ICU, earlier dates (Julian in ICU) go to ICU")
    func edges() {
        let dates = [CivilDate(year: 1583, month: 1, day: 1)!, CivilDate(year: 1600, month: 2, day: 29)!,
                     CivilDate(year: 9999, month: 12, day: 31)!, CivilDate(year: 1530, month: 4, day: 8)!,
                     CivilDate(year: 1582, month: 10, day: 15)!]
        for date in dates {
            for language in Self.languages {
                #expect(DateText.format(date, language) == DateText.formatterOutput(date, language, long: false))
                #expect(DateText.formatLong(date, language) == DateText.formatterOutput(date, language, long: true))
            }
        }
        #expect(DateText.MonthNames.format(CivilDate(year: 1582, month: 12, day: 31)!, .th, long: false) == nil)
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
}
