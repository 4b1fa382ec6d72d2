import CareerCatalog

/// Calendar months a person has served in a level, or in several levels combined, from the level
/// history and the current level (domain section 1). Months are whole calendar months from each
/// period's start, end-of-month clamped: K1 since 31 Aug 2019 gives 72 months on 31 Aug 2025.
public struct TimeInLevel: Sendable {
    /// A period at one level; `end` is the first day no longer at it (nil: still there).
    struct Period: Sendable { let level: String; let start: CivilDate; let end: CivilDate? }

    let periods: [Period]
    public let on: CivilDate

    public init(record: PersonRecord, on: CivilDate) {
        self.on = on
        let person = record.person
        let history = record.levelHistory.sorted { $0.start < $1.start }
        var list: [Period] = []
        list.reserveCapacity(history.count + 1)
        for (i, p) in history.enumerated() {
            // An open earlier period ends where the next one (or the current level) starts.
            let next = i + 1 < history.count ? history[i + 1].start : person.levelSince
            var end = p.end.map { $0.adding(days: 1) } ?? next
            if p.level == person.level || end > person.levelSince { end = min(end, person.levelSince) }
            if end > p.start { list.append(Period(level: p.level, start: p.start, end: end)) }
        }
        list.append(Period(level: person.level, start: person.levelSince, end: nil))
        periods = list
    }

    /// Where the person stands on `levels` combined, as of the evaluation date.
    public struct Standing: Sendable, Hashable {
        /// Whole calendar months served.
        public let months: Int
        /// True if the person has served at these levels at all (for "any time" alternatives).
        public let served: Bool
        /// The day `required` months are (or will be, staying in the current level) reached; nil if never.
        public let reachedOn: CivilDate?
    }

    /// Months in `levels` combined; contiguous periods are merged so the clamp is applied once.
    public func standing(levels: [String], required: Int) -> Standing {
        var merged: [(start: CivilDate, end: CivilDate?)] = []
        for p in periods where levels.contains(p.level) {
            if let last = merged.last, let lastEnd = last.end, p.start <= lastEnd {
                let end: CivilDate? = p.end.map { max($0, lastEnd) }
                merged[merged.count - 1] = (last.start, end)
            } else {
                merged.append((p.start, p.end))
            }
        }
        var closed = 0
        var ongoingStart: CivilDate?
        var served = false
        for m in merged where m.start <= on {
            if m.start < on || m.end == nil { served = true }
            if let end = m.end, end <= on {
                closed += m.start.wholeMonths(until: end)
            } else if m.end == nil {
                ongoingStart = m.start
            } else {
                closed += m.start.wholeMonths(until: on)
            }
        }
        // A current level that starts after the evaluation date still lets time run toward it.
        if ongoingStart == nil, let open = merged.last, open.end == nil { ongoingStart = open.start; served = served || open.start <= on }
        let ongoing = ongoingStart.map { $0 <= on ? $0.wholeMonths(until: on) : 0 } ?? 0
        let months = closed + ongoing
        let reached: CivilDate?
        if required <= 0 {
            reached = served ? on : ongoingStart
        } else if months >= required {
            reached = on  // already met; callers only need "not after on"
        } else if let start = ongoingStart {
            reached = start.adding(months: required - closed)
        } else {
            reached = nil
        }
        return Standing(months: months, served: served, reachedOn: reached)
    }
}
