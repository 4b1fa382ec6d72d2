import CareerCatalog

/// Ranks the candidates for a director post: ready now, ready within 2 years (following the
/// suggested plan), later; within a band by competency fit, then experience margin, then id.
///
///     let ranker = SuccessionRanker(analyzer: GapAnalyzer(catalog: catalog))
///     let pool = try ranker.rank(records, post: "dir-news-bureau", on: today)
///     let shown = ranker.withPlanDates(pool, records: records, first: 20)
///
/// Speed comes from doing the expensive work for as few people as possible: a line/level test
/// picks the candidates, their gaps are analysed without suggestions, and a development plan is
/// built only for someone whose band still depends on it (a cheap lower bound on their date —
/// time in level, months of experience still to serve — already places the others in `later`).
public struct SuccessionRanker: Sendable {
    public let analyzer: GapAnalyzer
    /// "Within 2 years".
    public static let horizonMonths = 24
    /// The highest role weight: no posting adds experience faster than this many days per day.
    let fastestWeight: Double

    public init(analyzer: GapAnalyzer) {
        self.analyzer = analyzer
        fastestWeight = analyzer.catalog.experienceCounting.roleWeights.values.max() ?? 1
    }

    public init(catalog: Catalog) { self.init(analyzer: GapAnalyzer(catalog: catalog)) }

    public var catalog: Catalog { analyzer.catalog }

    /// The director post with `id`; an unknown id throws naming the nearest known one.
    public func post(_ id: String) throws(SuccessionError) -> DirectorPost {
        if let post = catalog.directorPostsByID[id] { return post }
        throw SuccessionError(post: id, suggestion: NearestID.suggestion(for: id, among: catalog.posts.map(\.id)))
    }

    // MARK: - Ranking

    /// The ranked pool of `post` among `records` on `on`. `records` may be the whole roster: the
    /// people above a candidate (for acting-post suggestions in their plan) are looked up in it.
    public func rank(_ records: [PersonRecord], post id: String, on: CivilDate) throws(SuccessionError) -> SuccessionPool {
        rank(records, post: try post(id), on: on)
    }

    /// The ranked pool of `post` among the candidates the store loaded (`RecordStore.candidateRecords`).
    public func rank(_ roster: CandidateRoster, post: DirectorPost, on: CivilDate) -> SuccessionPool {
        rank(roster.records, post: post, on: on, supervisors: roster.supervisors)
    }

    /// The ranked pool of `post` among `records` on `on`. `supervisors`: people above the records
    /// who are not among them (when `records` holds only the candidates).
    public func rank(_ records: [PersonRecord], post: DirectorPost, on: CivilDate, supervisors: [Person] = []) -> SuccessionPool {
        let filter = CandidateFilter(post: post, catalog: catalog)
        let horizon = on.adding(months: Self.horizonMonths)
        let planner = PlanBuilder(analyzer: analyzer)
        var chains = SupervisorChains(records: records, supervisors: supervisors)
        let requirements = TargetRequirements(target: .directorPost(post.id), index: analyzer.index)
        var candidates: [SuccessionCandidate] = []
        var plansBuilt = 0
        for record in records {
            guard let onPromotion = filter.onPromotion(record.person) else { continue }
            let (candidate, planned) = evaluate(record, post: post, requirements: requirements, on: on, horizon: horizon,
                                                onPromotion: onPromotion, planner: planner) { chains.context(of: record.person) }
            if planned { plansBuilt += 1 }
            candidates.append(candidate)
        }
        candidates.sort(by: Self.ranksBefore)
        for i in candidates.indices { candidates[i].rank = i + 1 }
        return SuccessionPool(post: post, on: on, horizon: horizon, candidates: candidates, plansBuilt: plansBuilt)
    }

    /// One person's standing toward `post` (a readiness badge), or nil when their line and level make
    /// them no candidate. `context`: the people above them, for acting-post suggestions in the plan.
    /// The plan date is always filled in (`planEvaluated`); `rank` is 0.
    public func candidate(_ record: PersonRecord, post: DirectorPost, on: CivilDate,
                          context: OrganizationContext = .none) -> SuccessionCandidate? {
        guard let onPromotion = CandidateFilter(post: post, catalog: catalog).onPromotion(record.person) else { return nil }
        let planner = PlanBuilder(analyzer: analyzer)
        let requirements = TargetRequirements(target: .directorPost(post.id), index: analyzer.index)
        var (candidate, _) = evaluate(record, post: post, requirements: requirements, on: on, horizon: on.adding(months: Self.horizonMonths),
                                      onPromotion: onPromotion, planner: planner) { context }
        if !candidate.planEvaluated {
            candidate.eligibleOnWithPlan = planner.plan(record, target: .directorPost(post.id), start: on, context: context,
                                                        reportSuggestions: false).eligibleOn
            candidate.planEvaluated = true
        }
        return candidate
    }

    /// Gaps, measures and band of one candidate; `planned` when a development plan was built.
    func evaluate(_ record: PersonRecord, post: DirectorPost, requirements: TargetRequirements, on: CivilDate, horizon: CivilDate,
                  onPromotion: Bool, planner: PlanBuilder, context: () -> OrganizationContext) -> (SuccessionCandidate, planned: Bool) {
        let target = Target.directorPost(post.id)
        let report = analyzer.analyze(record, requirements, on: on, suggestions: false)
        var candidate = SuccessionCandidate(
            person: record.person, rank: 0, band: .later, onPromotion: onPromotion, gaps: report.gaps,
            competencyShortfall: competencyShortfall(report.gaps),
            experienceMarginMonths: experienceMargin(record, post: post, on: on),
            eligibleOnIfNothingChanges: report.eligibleOnIfNothingChanges, eligibleOnWithPlan: nil, planEvaluated: true)
        let decided = standing(record, report: report, target: target, on: on, horizon: horizon, planner: planner, context: context)
        candidate.band = decided.band
        candidate.eligibleOnWithPlan = decided.eligibleOnWithPlan
        candidate.planEvaluated = decided.planEvaluated
        return (candidate, decided.planned)
    }

    /// The order within the pool: band, then competency fit, then experience margin, then id.
    public static func ranksBefore(_ a: SuccessionCandidate, _ b: SuccessionCandidate) -> Bool {
        if a.band != b.band { return a.band < b.band }
        if a.competencyShortfall != b.competencyShortfall { return a.competencyShortfall < b.competencyShortfall }
        if a.experienceMarginMonths != b.experienceMarginMonths { return a.experienceMarginMonths > b.experienceMarginMonths }
        return a.person.id < b.person.id
    }

    /// `pool` with the plan dates of its first `limit` candidates (all when nil) filled in, for display.
    /// Ranking leaves them out where the band did not need them.
    public func withPlanDates(_ pool: SuccessionPool, records: [PersonRecord], supervisors: [Person] = [],
                              first limit: Int? = nil) -> SuccessionPool {
        let shown = limit.map { min(max($0, 0), pool.candidates.count) } ?? pool.candidates.count
        var missing: [String: Int] = [:]
        for i in 0..<shown where !pool.candidates[i].planEvaluated { missing[pool.candidates[i].person.id] = i }
        guard !missing.isEmpty else { return pool }
        var out = pool
        let planner = PlanBuilder(analyzer: analyzer)
        var chains = SupervisorChains(records: records, supervisors: supervisors)
        let target = Target.directorPost(pool.post.id)
        for record in records {
            guard let i = missing[record.person.id] else { continue }
            let plan = planner.plan(record, target: target, start: pool.on, context: chains.context(of: record.person),
                                    reportSuggestions: false)
            out.candidates[i].eligibleOnWithPlan = plan.eligibleOn
            out.candidates[i].planEvaluated = true
        }
        return out
    }

    /// Whether `post` has a successor on `on`: stops at the first candidate ready now, else plans
    /// only the candidates whose lower bound is within the horizon, earliest bound first, until one
    /// makes it. Cheaper than `rank` for posts that are not at risk, and keeps no pool in memory.
    public func risk(_ records: [PersonRecord], post: DirectorPost, on: CivilDate, supervisors: [Person] = []) -> SuccessionRisk {
        let filter = CandidateFilter(post: post, catalog: catalog)
        let horizon = on.adding(months: Self.horizonMonths)
        let requirements = TargetRequirements(target: .directorPost(post.id), index: analyzer.index)
        var count = 0
        var readyNow: Int?
        var pending: [(bound: CivilDate, index: Int)] = []
        for (i, record) in records.enumerated() {
            guard filter.onPromotion(record.person) != nil else { continue }
            count += 1
            guard readyNow == nil else { continue }   // only counting from here
            let report = analyzer.analyze(record, requirements, on: on, suggestions: false)
            if report.eligible { readyNow = i; continue }
            if let bound = earliestPossible(report.gaps, on: on), bound <= horizon { pending.append((bound, i)) }
        }
        let planner = PlanBuilder(analyzer: analyzer)
        var chains = SupervisorChains(records: records, supervisors: supervisors)
        func evaluated(_ i: Int) -> SuccessionCandidate {
            let record = records[i]
            return evaluate(record, post: post, requirements: requirements, on: on, horizon: horizon,
                            onPromotion: filter.onPromotion(record.person) ?? false, planner: planner) { chains.context(of: record.person) }.0
        }
        if let i = readyNow { return SuccessionRisk(post: post, on: on, candidates: count, successor: evaluated(i)) }
        pending.sort { $0.bound != $1.bound ? $0.bound < $1.bound : records[$0.index].person.id < records[$1.index].person.id }
        for (_, i) in pending {
            let c = evaluated(i)
            if c.band != .later { return SuccessionRisk(post: post, on: on, candidates: count, successor: c) }
        }
        return SuccessionRisk(post: post, on: on, candidates: count, successor: nil)
    }

    /// `risk` for every director post, in catalog order.
    public func risks(_ records: [PersonRecord], on: CivilDate, supervisors: [Person] = []) -> [SuccessionRisk] {
        catalog.directorPosts.map { risk(records, post: $0, on: on, supervisors: supervisors) }
    }

    // MARK: - Measures

    /// Σ (required − assessed) over the competency gaps.
    func competencyShortfall(_ gaps: [Gap]) -> Int {
        gaps.reduce(0) { sum, gap in
            if case .competency(_, let required, let actual, _) = gap.requirement { return sum + max(0, required - actual) }
            return sum
        }
    }

    /// Σ (months counted − months required) over the framework's experience requirements.
    func experienceMargin(_ record: PersonRecord, post: DirectorPost, on: CivilDate) -> Double {
        let ledger = ExperienceLedger(record: record, on: on, index: analyzer.index)
        var margin = 0.0
        for requirement in post.experience {
            switch requirement {
            case .field(let field, let months):
                margin += ledger.months(in: field) - Double(months)
            case .group(_, _, let atLeast, let fields, let months):
                // The group is as far along as its atLeast-th best field.
                let best = fields.map { ledger.months(in: $0) }.sorted(by: >)
                let kth = atLeast >= 1 && atLeast <= best.count ? best[atLeast - 1] : 0
                margin += kth - Double(months)
            }
        }
        if post.managementMonths > 0 { margin += ledger.managementMonths - Double(post.managementMonths) }
        if post.regionalMonths > 0 { margin += ledger.regionalMonths - Double(post.regionalMonths) }
        return margin
    }

    /// A day before which no plan can make the person eligible; nil when no plan can at all.
    /// Time (in level, toward the promotion that opens the post) passes at its own pace whatever
    /// the plan, and no posting adds experience faster than `fastestWeight` days a day.
    func earliestPossible(_ gaps: [Gap], on: CivilDate) -> CivilDate? {
        var bound = on
        let daysPerMonth = analyzer.index.daysPerMonth
        for gap in gaps {
            switch gap.requirement {
            case .eligibility, .timeInLevel, .education:
                guard let met = gap.metOn else { return nil }
                if met > bound { bound = met }
            case .experience(let e):
                switch e.subject {
                case .field, .group, .management, .regional:
                    guard fastestWeight > 0 else { return nil }
                    let days = (Double(e.requiredMonths) - e.actualMonths) * daysPerMonth / fastestWeight
                    // One day of slack for rounding: the bound must never pass the true date.
                    let earliest = on.adding(days: max(0, Int(days.rounded(.down)) - 1))
                    if earliest > bound { bound = earliest }
                case .diverseExperience:
                    break
                }
            case .competency, .training:
                break
            }
        }
        return bound
    }
}

/// Which people may apply for a post now, or after their next promotion: a line and level test,
/// cheap enough to run over every record (and expressible as a store query).
public struct CandidateFilter: Sendable, Hashable {
    /// Job line → the levels that may apply now.
    public let applyNow: [String: Set<String>]
    /// Job line → the levels one promotion below a level that may apply.
    public let applyAfterPromotion: [String: Set<String>]

    public init(post: DirectorPost, catalog: Catalog) {
        var now: [String: Set<String>] = [:]
        var after: [String: Set<String>] = [:]
        let below = Dictionary(catalog.levelsByID.keys.compactMap { level in
            catalog.nextLevel(after: level).map { ($0.id, level) }
        }, uniquingKeysWith: { a, _ in a })
        for entry in post.eligibility {
            // `line: any` (executive posts): every job line of the catalog, so the filter stays a
            // plain line/level lookup and `pairs` stays a store query.
            let lines = entry.line == EligibleLine.anyLine ? catalog.jobLines.map(\.id) : [entry.line]
            for line in lines {
                now[line, default: []].formUnion(entry.levels)
                for level in entry.levels { if let lower = below[level] { after[line, default: []].insert(lower) } }
            }
        }
        for (line, levels) in now { after[line]?.subtract(levels) }
        applyNow = now
        applyAfterPromotion = after.filter { !$0.value.isEmpty }
    }

    /// nil when `person` is not a candidate; else whether they need their next promotion first.
    public func onPromotion(_ person: Person) -> Bool? {
        if applyNow[person.jobLine]?.contains(person.level) == true { return false }
        if applyAfterPromotion[person.jobLine]?.contains(person.level) == true { return true }
        return nil
    }

    /// Every (job line, level) pair that makes a candidate for any of `posts`, sorted, once each
    /// (what `succession --risks` loads).
    public static func pairs(of posts: [DirectorPost], catalog: Catalog) -> [(jobLine: String, level: String)] {
        var seen: Set<[String]> = []
        var out: [(jobLine: String, level: String)] = []
        for post in posts {
            for pair in CandidateFilter(post: post, catalog: catalog).pairs where seen.insert([pair.jobLine, pair.level]).inserted {
                out.append(pair)
            }
        }
        return out.sorted { $0.jobLine != $1.jobLine ? $0.jobLine < $1.jobLine : $0.level < $1.level }
    }

    /// Every (job line, level) pair that makes a candidate, sorted.
    public var pairs: [(jobLine: String, level: String)] {
        var out: [(String, String)] = []
        for (line, levels) in applyNow { for l in levels { out.append((line, l)) } }
        for (line, levels) in applyAfterPromotion { for l in levels { out.append((line, l)) } }
        return out.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { (jobLine: $0.0, level: $0.1) }
    }
}

/// The people above each person, built from the roster (and the supervisors loaded with the
/// candidates) only when a plan needs it.
struct SupervisorChains {
    let records: [PersonRecord]
    let supervisors: [Person]
    var byID: [String: Person]?

    init(records: [PersonRecord], supervisors: [Person] = []) { self.records = records; self.supervisors = supervisors }

    mutating func context(of person: Person) -> OrganizationContext {
        if byID == nil {
            var map: [String: Person] = [:]
            map.reserveCapacity(records.count + supervisors.count)
            for p in supervisors { map[p.id] = p }
            for r in records { map[r.person.id] = r.person }
            byID = map
        }
        return OrganizationContext.chain(above: person, limit: .max) { byID?[$0] }
    }
}
