import Foundation

/// A date as people type it, the one parser for the command line (`--on`, `--since`), forms on
/// screen (`DateText.parse`) and the importer: `YYYY-MM-DD` with a Common Era year or `DD/MM/YYYY`
/// with a Buddhist-era year, Thai digits accepted. The written year must fit the form (B.E. from 2400 up, C.E. below): read the
/// other way, `01/10/2026` would be 1483 CE and `2569-10-01` the year 3112, and both would pass.
public enum TypedDate {
    /// Years from this one up are Buddhist-era; a Common Era year is below it.
    public static let firstBuddhistEraYear = 2400

    /// Why a text is not a date.
    public enum Problem: Error, Equatable, Sendable {
        /// Neither `YYYY-MM-DD` nor `DD/MM/YYYY`.
        case notADate
        /// The right shape but no such day (31 April, 29 February 2023); `buddhistEra`: the slash form.
        case noSuchDay(buddhistEra: Bool)
        /// A slash date with a year below 2400, or an ISO date with a year from 2400 up:
        /// `meant` is the day it most likely means (the year read in the other era).
        case wrongEra(buddhistEra: Bool, writtenYear: Int, meant: CivilDate)
    }

    public static func parse(_ text: String) -> Result<CivilDate, Problem> {
        let ascii = DateText.arabicDigits(text.trimmingCharacters(in: .whitespaces))
        func number(_ part: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        let iso = ascii.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, let y = number(iso[0], digits: 4...4), let m = number(iso[1], digits: 2...2),
           let d = number(iso[2], digits: 2...2) {
            if y >= firstBuddhistEraYear, let meant = CivilDate(year: y - CivilDate.buddhistEraOffset, month: m, day: d) {
                return .failure(.wrongEra(buddhistEra: false, writtenYear: y, meant: meant))
            }
            return CivilDate(year: y, month: m, day: d).map { .success($0) } ?? .failure(.noSuchDay(buddhistEra: false))
        }
        let be = ascii.split(separator: "/", omittingEmptySubsequences: false)
        if be.count == 3, let d = number(be[0], digits: 1...2), let m = number(be[1], digits: 1...2),
           let y = number(be[2], digits: 4...4) {
            if y < firstBuddhistEraYear, let meant = CivilDate(year: y, month: m, day: d) {
                return .failure(.wrongEra(buddhistEra: true, writtenYear: y, meant: meant))
            }
            return CivilDate(year: y - CivilDate.buddhistEraOffset, month: m, day: d).map { .success($0) } ?? .failure(.noSuchDay(buddhistEra: true))
        }
        return .failure(.notADate)
    }

    /// `01/10/2569`: a day in the slash form, with its Buddhist-era year.
    public static func buddhistEraText(_ date: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year + CivilDate.buddhistEraOffset)"
    }
}
