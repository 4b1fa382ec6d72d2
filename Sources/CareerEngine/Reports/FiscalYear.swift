import CareerCatalog

/// A Thai government fiscal year, named by its Buddhist-era year: B.E. 2569 runs from
/// 1 October 2025 to 30 September 2026 (both days included).
///
///     let year = FiscalYear(2569)            // year.start == 2025-10-01, year.end == 2026-09-30
///     FiscalYear.containing(CivilDate(iso: "2026-10-01")!).buddhistEra   // 2570
public struct FiscalYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The B.E. year it is named by (the calendar year in which it ends, plus 543).
    public let buddhistEra: Int

    public init(_ buddhistEra: Int) { self.buddhistEra = buddhistEra }

    /// The fiscal year a day falls in.
    public static func containing(_ date: CivilDate) -> FiscalYear {
        FiscalYear(date.year + CivilDate.buddhistEraOffset + (date.month >= 10 ? 1 : 0))
    }

    /// The Common Era year in which it ends.
    public var endYear: Int { buddhistEra - CivilDate.buddhistEraOffset }
    /// 1 October of the year before `endYear`.
    public var start: CivilDate { CivilDate(year: endYear - 1, month: 10, day: 1)! }
    /// 30 September of `endYear`.
    public var end: CivilDate { CivilDate(year: endYear, month: 9, day: 30)! }

    public func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }

    /// The department's default due date for the usage report of this year: 31 August
    /// (the memo นร 0203.02/ว 884 asked for the B.E. 2553 report by 31 Aug 2553).
    public var defaultDueDate: CivilDate { CivilDate(year: endYear, month: 8, day: 31)! }

    /// Whether HR may make `day` the due date of this year's usage reports: from the year's first
    /// day to the end of the next fiscal year (a report may be asked for after the year closes;
    /// a day outside is a mistyped year).
    public func allowsDueDate(_ day: CivilDate) -> Bool { start <= day && day <= FiscalYear(buddhistEra + 1).end }

    public var description: String { String(buddhistEra) }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.buddhistEra < b.buddhistEra }

    /// A year as typed: `2569` (B.E.). A number that looks like a Common Era year is refused
    /// rather than guessed (nil), so 2026 never silently means B.E. 2026.
    public static func parse(_ text: String) -> FiscalYear? {
        guard let value = Int(text.trimmingSpaces()), value >= 2400, value <= 2800 else { return nil }
        return FiscalYear(value)
    }
}
