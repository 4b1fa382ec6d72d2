import CareerCatalog

/// Calendar months a person has served in a level, or in several levels combined, from the level
/// history and the current level (domain section 1). Months are whole calendar months from each
/// period's start, end-of-month clamped: K1 since 31 Aug 2019 gives 72 months on 31 Aug 2025.
public struct TimeInLevel: Sendable {
    /// A period at one level; `end` is the first day no longer at it (nil: still there).
    struct Period: Sendable { let jobLine: String; let level: String; let start: CivilDate; let end: CivilDate? }

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
            if end > p.start { list.append(Period(jobLine: p.jobLine, level: p.level, start: p.start, end: end)) }
        }
        list.append(Period(jobLine: person.jobLine, level: person.level, start: person.levelSince, end: nil))
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

    /// How time on other job lines counts toward a job line's promotion (finding 4): time on
    /// `line` in full, time on a related line at the ratio `line`'s data gives it (`RelatedLine.ratio`,
    /// the % of time there that counts as experience here), and time on an unrelated line not at
    /// all — it is not this line's line of work. Only job-line targets use it: director and
    /// executive posts count their rule's levels whatever the line.
    public struct LineCredit: Sendable, Hashable {
        public let line: String
        /// Related line → percentage (1–100).
        public let ratios: [String: Int]

        public init(line: String, ratios: [String: Int]) { self.line = line; self.ratios = ratios; allLines = false }

        /// Every line in full: how post rules count (explanations of post targets use it).
        public static let everyLine = LineCredit(everyLine: ())
        let allLines: Bool
        private init(everyLine: Void) { line = ""; ratios = [:]; allLines = true }

        /// The credit toward `jobLine` in `catalog`, or nil when the catalog does not know it.
        public init?(jobLine: String, catalog: Catalog) {
            guard let l = catalog.jobLinesByID[jobLine] else { return nil }
            var ratios: [String: Int] = [:]
            for r in l.relatedLines where ratios[r.line] == nil { ratios[r.line] = max(0, min(100, r.ratio)) }
            self.init(line: jobLine, ratios: ratios)
        }

        /// The percentage of time on `jobLine` that counts: 100 on the line itself, the ratio on a
        /// related line, 0 elsewhere.
        public func percent(for jobLine: String) -> Int { allLines || jobLine == line ? 100 : ratios[jobLine] ?? 0 }
    }

    /// One run of contiguous time at `levels` counted at one percentage, with the months it gives.
    public struct CreditedRun: Sendable, Hashable {
        public let jobLine: String
        public let levels: [String]
        public let start: CivilDate
        /// The first day no longer in the run; nil: ongoing.
        public let end: CivilDate?
        /// Whole calendar months served in the run up to the evaluation date.
        public let months: Int
        public let percent: Int
        /// `months × percent ÷ 100`, rounded down.
        public let creditedMonths: Int
    }

    /// The runs of time at `levels` as `credit` counts them (contiguous periods at the same
    /// percentage merged, so the month clamp is applied once per run), in order.
    public func runs(levels: [String], credit: LineCredit) -> [CreditedRun] {
        var merged: [(line: String, levels: [String], start: CivilDate, end: CivilDate?, percent: Int)] = []
        for p in periods where levels.contains(p.level) {
            let percent = credit.percent(for: p.jobLine)
            if let last = merged.last, last.percent == percent, let lastEnd = last.end, p.start <= lastEnd {
                let end: CivilDate? = p.end.map { max($0, lastEnd) }
                let lv = last.levels.contains(p.level) ? last.levels : last.levels + [p.level]
                merged[merged.count - 1] = (last.line, lv, last.start, end, percent)
            } else {
                merged.append((p.jobLine, [p.level], p.start, p.end, percent))
            }
        }
        return merged.map { m in
            var months = 0
            if m.start <= on { months = m.start.wholeMonths(until: m.end.map { min($0, on) } ?? on) }
            return CreditedRun(jobLine: m.line, levels: m.levels, start: m.start, end: m.end, months: months,
                               percent: m.percent, creditedMonths: months * m.percent / 100)
        }
    }

    /// Months in `levels` combined as `credit` counts them; nil credit (or time only on the credit's
    /// own line) is `standing(levels:required:)`.
    public func standing(levels: [String], required: Int, credit: LineCredit?) -> Standing {
        guard let credit, periods.contains(where: { $0.jobLine != credit.line && levels.contains($0.level) }) else {
            return standing(levels: levels, required: required)
        }
        var closed = 0, served = false
        var ongoing: CreditedRun?
        for run in runs(levels: levels, credit: credit) where run.percent > 0 {
            if run.start <= on { served = true }
            if run.end == nil { ongoing = run } else { closed += run.creditedMonths }
        }
        let months = closed + (ongoing?.creditedMonths ?? 0)
        let reached: CivilDate?
        if required <= 0 {
            reached = served ? on : ongoing?.start
        } else if months >= required {
            reached = on
        } else if let run = ongoing {
            // Calendar months in the ongoing run whose credit covers what is still missing.
            let raw = ((required - closed) * 100 + run.percent - 1) / run.percent
            reached = run.start.adding(months: raw)
        } else {
            reached = nil
        }
        return Standing(months: months, served: served, reachedOn: reached)
    }
}
