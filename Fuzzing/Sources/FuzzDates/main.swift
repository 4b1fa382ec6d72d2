// Dates as people type them: the input (read as UTF-8, invalid bytes replaced) goes to every date
// parser, and what they return must hold together: a date read is a real day that reads back the
// same from its ISO and Buddhist-era forms, the import's fast path agrees with its full path, and
// a wrong-era refusal names a day that exists.
import CareerCatalog
@testable import CareerImport
import Foundation
import FuzzSupport

enum DatesFuzz {
    static func run(_ text: String) {
        let typed = TypedDate.parse(text)
        switch typed {
        case .success(let date):
            roundTrip(date, from: text)
        case .failure(.wrongEra(_, _, let meant)):
            Fuzz.check(CivilDate(year: meant.year, month: meant.month, day: meant.day) == meant, "wrong era names no day")
        case .failure: break
        }
        let imported = ImportDate.parse(text)
        if case .success(let date) = imported {
            Fuzz.check(ImportDate.plausibleYears.contains(date.year), "import read an implausible year: \(text.debugDescription)")
            if case .success(let same) = typed { Fuzz.check(same == date, "import and typed dates differ: \(text.debugDescription)") }
        }
        if let fast = ImportDate.isoFast(text) {
            guard case .success(let full) = imported else {
                Fuzz.check(false, "fast path read \(text.debugDescription), full path refused it")
                return
            }
            Fuzz.check(fast == full, "fast and full paths differ: \(text.debugDescription)")
        }
        if let iso = CivilDate(iso: text) { roundTrip(iso, from: text) }
        if let loose = DateText.parse(text) {
            Fuzz.check(CivilDate(dayNumber: loose.dayNumber) == loose, "day number does not round-trip: \(loose)")
        }
        let digits = DateText.arabicDigits(text)
        Fuzz.check(digits.unicodeScalars.count == text.unicodeScalars.count, "arabicDigits changed the length")
    }

    /// A day read from `text` exists, and its written forms read back as the same day.
    static func roundTrip(_ date: CivilDate, from text: String) {
        Fuzz.check(CivilDate(year: date.year, month: date.month, day: date.day) == date, "\(text.debugDescription) read as no day")
        Fuzz.check(CivilDate(dayNumber: date.dayNumber) == date, "day number does not round-trip: \(date)")
        if (0...9999).contains(date.year) {
            Fuzz.check(CivilDate(iso: date.iso) == date, "ISO form does not read back: \(date.iso)")
        }
        let be = date.year + CivilDate.buddhistEraOffset
        if be >= TypedDate.firstBuddhistEraYear && be <= 9999 {
            let written = TypedDate.buddhistEraText(date)
            Fuzz.check(TypedDate.parse(written) == .success(date), "B.E. form does not read back: \(written)")
            Fuzz.check(DateText.parse(written) == date, "DateText does not read \(written)")
        }
        for language in [Language.th, .en] {
            Fuzz.check(!DateText.format(date, language).isEmpty && !DateText.formatLong(date, language).isEmpty, "empty date text")
        }
    }
}

Fuzz.run { DatesFuzz.run(String(decoding: $0, as: UTF8.self)) }
