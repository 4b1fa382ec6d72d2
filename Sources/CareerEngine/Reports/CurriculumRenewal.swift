import CareerCatalog

/// An agency curriculum's certification: when it ends and whether re-approval is due.
public struct CurriculumApproval: Sendable, Hashable, Codable {
    public var course: String
    /// Years a certification lasts (`certification_years`, 3 by the OCSC rule in seed 001).
    public var years: Int
    /// The start of the current certification; nil when the catalog does not record it.
    public var certifiedOn: CivilDate?
    /// `certifiedOn` + `years`: the day it must be approved again by.
    public var endsOn: CivilDate?
    /// Ends within the window asked for (or has already ended).
    public var due: Bool
    /// Already ended on the report day.
    public var lapsed: Bool
}

public struct CurriculumRenewalReport: Sendable, Hashable, Codable {
    public var on: CivilDate
    public var withinMonths: Int
    /// Soonest end first; unrecorded dates last.
    public var curricula: [CurriculumApproval]
}

/// Agency curricula certified for a number of years (the OCSC asks agencies to have their own
/// executive curricula approved again every 3 years, seed 001): when each approval ends.
public enum CurriculumRenewal {
    /// Sorts unrecorded end dates last.
    static let never = CivilDate(year: 9999, month: 12, day: 31)!

    public static func report(_ courses: [Course], on: CivilDate, withinMonths: Int) -> CurriculumRenewalReport {
        let horizon = on.adding(months: withinMonths)
        let rows = courses.filter { $0.certificationYears > 0 }.map { course in
            let ends = course.certifiedOn?.adding(months: 12 * course.certificationYears)
            return CurriculumApproval(course: course.id, years: course.certificationYears, certifiedOn: course.certifiedOn,
                                      endsOn: ends, due: ends.map { $0 <= horizon } ?? true, lapsed: ends.map { $0 <= on } ?? false)
        }
        return CurriculumRenewalReport(on: on, withinMonths: withinMonths, curricula: rows.sorted {
            ($0.endsOn ?? Self.never, $0.course) < ($1.endsOn ?? Self.never, $1.course)
        })
    }
}
