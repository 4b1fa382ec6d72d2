import CareerCatalog

/// Months of experience a person has per work field, in management and in regional service
/// (domain section 3).
///
/// A day counts once per field even when assignments overlap, weighted by the highest role weight
/// among the assignments covering it; acting also counts toward `management`; experience months are
/// days ÷ 30.4375. An ongoing assignment counts up to the evaluation date and, for projections
/// ("if nothing changes"), goes on after it.
public struct ExperienceLedger: Sendable {
    /// One assignment reduced to what counting needs; days are day numbers, `end` included.
    struct Entry: Sendable {
        let field: String?
        let regional: Bool
        let management: Bool
        let start: Int
        let end: Int
        let weight: Double
    }

    /// Far enough in the future to stand for "ongoing".
    static let openEnd = Int(Int32.max)

    let entries: [Entry]
    let onDay: Int
    let daysPerMonth: Double

    public let on: CivilDate

    /// Builds the ledger of `record` as of `on`, using the catalog's counting rules.
    public init(record: PersonRecord, on: CivilDate, index: EngineIndex) {
        self.on = on
        onDay = on.dayNumber
        daysPerMonth = index.daysPerMonth
        var list: [Entry] = []
        list.reserveCapacity(record.assignments.count)
        for a in record.assignments {
            let field = index.field(of: a)
            let start = a.start.dayNumber
            let end = a.end?.dayNumber ?? ExperienceLedger.openEnd
            guard end >= start else { continue }
            list.append(Entry(field: field, regional: index.units[a.unit]?.regional ?? false,
                              management: index.countsAsManagement(a.role) || field == "management",
                              start: start, end: end, weight: index.weight(a.role)))
        }
        entries = list
    }

    public init(record: PersonRecord, on: CivilDate, catalog: Catalog) {
        self.init(record: record, on: on, index: EngineIndex(catalog: catalog))
    }

    /// What a stream of days is: one field, management, or regional service.
    enum Stream { case field(String), management, regional }

    /// Months in `field` up to the evaluation date.
    public func months(in field: String) -> Double { tally(.field(field)).months }
    /// Months heading a group or unit (acting included) up to the evaluation date.
    public var managementMonths: Double { tally(.management).months }
    /// Months in regional units up to the evaluation date.
    public var regionalMonths: Double { tally(.regional).months }

    /// The day `months` are reached in `field` if nothing changes; nil if never.
    public func reachedOn(months: Int, in field: String) -> CivilDate? { tally(.field(field), target: months).reachedOn }
    public func managementReachedOn(months: Int) -> CivilDate? { tally(.management, target: months).reachedOn }
    public func regionalReachedOn(months: Int) -> CivilDate? { tally(.regional, target: months).reachedOn }

    /// Months counted up to the evaluation date and the day `target` months are (or will be) reached.
    struct Tally { let months: Double; let reachedOn: CivilDate? }

    func tally(_ stream: Stream, target: Int? = nil) -> Tally {
        // Collect the stream's periods (a handful per person: quadratic is fine and allocation-light).
        var starts: [Int] = [], ends: [Int] = [], weights: [Double] = []
        for e in entries {
            let belongs: Bool
            switch stream {
            case .field(let f): belongs = e.field == f
            case .management: belongs = e.management
            case .regional: belongs = e.regional
            }
            if belongs && e.weight > 0 { starts.append(e.start); ends.append(e.end); weights.append(e.weight) }
        }
        if starts.isEmpty { return Tally(months: 0, reachedOn: nil) }
        // Boundaries of constant coverage: every start and every day after an end.
        var bounds = starts + ends.map { $0 + 1 }
        bounds.sort()
        let threshold = target.map { Double($0) * daysPerMonth - 1e-9 }
        var counted = 0.0          // weighted days up to the evaluation date
        var running = 0.0          // weighted days over the whole projection
        var reached: Int?
        var previous = Int.min
        for (i, from) in bounds.enumerated() where from != previous {
            previous = from
            guard i + 1 < bounds.count else { break }
            var to = from           // first day after the segment
            var j = i + 1
            while j < bounds.count && bounds[j] == from { j += 1 }
            guard j < bounds.count else { break }
            to = bounds[j]
            var w = 0.0
            for k in starts.indices where starts[k] <= from && ends[k] >= from && weights[k] > w { w = weights[k] }
            if w == 0 { continue }
            let length = to - from
            if from <= onDay { counted += w * Double(min(to, onDay + 1) - from) }
            if let threshold, reached == nil {
                if running + w * Double(length) >= threshold {
                    let needed = ((threshold - running) / w).rounded(.up)
                    reached = from + max(Int(needed), 1) - 1
                }
                running += w * Double(length)
            } else if threshold == nil && from > onDay {
                break
            }
        }
        // Reaching the threshold during day D makes the person qualified from D; a date in the
        // past or today means already met.
        return Tally(months: counted / daysPerMonth, reachedOn: reached.map { CivilDate(dayNumber: $0) })
    }
}
