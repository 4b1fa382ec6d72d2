import CareerCatalog

/// Diverse experience "3 ต่าง" (domain section 1): against the person's current post, the kinds of
/// difference found in their history — another job line, another unit, another location (central
/// vs regional, or another province), another work field — each counted only from a posting that
/// lasted at least the minimum months (12, confirm). Task-force memberships are not postings.
public struct DiverseExperience: Sendable {
    /// For each difference, the earliest day a qualifying posting made it count (future = projected).
    public var countsFrom: [Difference: CivilDate] {
        var out: [Difference: CivilDate] = [:]
        for (i, d) in Difference.allCases.enumerated() { if let date = first[i] { out[d] = date } }
        return out
    }
    public let rule: DiverseExperienceRule
    /// `countsFrom` by position in `Difference.allCases` (no hashing in the per-person path).
    let first: [CivilDate?]

    public init(record: PersonRecord, index: EngineIndex) {
        rule = index.catalog.diverseExperience
        let minimum = max(0, rule.minimumMonths)
        let person = record.person
        let home = index.units[person.unit]
        let homeField = index.currentField(of: record)
        var first = [CivilDate?](repeating: nil, count: Difference.allCases.count)
        func note(_ d: Difference, _ date: CivilDate) {
            if let old = first[d.position], old <= date { return }
            first[d.position] = date
        }
        for a in record.assignments where a.role != .taskForce {
            // The day the posting has lasted `minimum` months; a finished posting must have reached it.
            let qualifies = a.start.adding(months: minimum)
            if let end = a.end, a.start.wholeMonths(until: end.adding(days: 1)) < minimum { continue }
            let there = index.units[a.unit]
            if a.unit != person.unit { note(.unit, qualifies) }
            if let there, let home,
               there.regional != home.regional || (!there.province.isEmpty && !home.province.isEmpty && there.province != home.province) {
                note(.location, qualifies)
            }
            if let f = index.field(of: a), let homeField, f != homeField { note(.workField, qualifies) }
        }
        for p in record.levelHistory where p.jobLine != person.jobLine {
            let end = p.end.map { $0.adding(days: 1) } ?? person.levelSince
            if p.start.wholeMonths(until: end) >= minimum { note(.jobLine, p.start.adding(months: minimum)) }
        }
        self.first = first
    }

    /// The status as of `on`.
    public func status(on: CivilDate) -> DiverseExperienceStatus {
        let have = Difference.allCases.filter { first[$0.position].map { $0 <= on } ?? false }
        let missing = Difference.allCases.filter { first[$0.position].map { $0 > on } ?? true }
        let dates = first.compactMap { $0 }.sorted()
        let required = max(1, rule.required)
        let reached = dates.count >= required ? dates[required - 1] : nil
        return DiverseExperienceStatus(have: have, missing: missing, required: required,
                                       minimumMonths: rule.minimumMonths, reachedOn: reached)
    }
}

extension Difference {
    /// Position in `allCases`.
    var position: Int {
        switch self {
        case .jobLine: return 0
        case .unit: return 1
        case .location: return 2
        case .workField: return 3
        }
    }
}
