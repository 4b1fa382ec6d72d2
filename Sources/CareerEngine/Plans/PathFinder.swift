import CareerCatalog

/// Every target a person can reach next — the next level in their line, the same level in a
/// related line, the director and executive posts open to them now or on promotion — with gap
/// counts and dates.
public struct PathFinder: Sendable {
    public let analyzer: GapAnalyzer

    public init(catalog: Catalog) { analyzer = GapAnalyzer(catalog: catalog) }
    public init(analyzer: GapAnalyzer) { self.analyzer = analyzer }

    /// The targets in order: promotion, lateral moves, director posts, executive posts; each group by earliest date.
    public func paths(_ record: PersonRecord, on: CivilDate, context: OrganizationContext = .none,
                      withPlans: Bool = true) -> [ReachableTarget] {
        let catalog = analyzer.catalog
        let person = record.person
        var targets: [(Target, Route, Bool)] = []
        let line = catalog.jobLinesByID[person.jobLine]
        let next = catalog.nextLevel(after: person.level)
        if let line, let next, line.level(next.id) != nil {
            targets.append((.jobLineLevel(jobLine: line.id, level: next.id), .promotion, false))
        }
        for related in line?.relatedLines ?? [] {
            if let other = catalog.jobLinesByID[related.line], other.level(person.level) != nil {
                targets.append((.jobLineLevel(jobLine: other.id, level: person.level), .lateral, false))
            }
        }
        // Director posts, then the executive posts above them (any line at the listed levels: an M2
        // director sees deputy director-general, a deputy sees director-general).
        for post in catalog.posts {
            let route: Route = post.kind == .executive ? .executivePost : .directorPost
            if post.eligibility.contains(where: { $0.admits(jobLine: person.jobLine, level: person.level) }) {
                targets.append((.directorPost(post.id), route, false))
            } else if let next, post.eligibility.contains(where: { $0.admits(jobLine: person.jobLine, level: next.id) }) {
                targets.append((.directorPost(post.id), route, true))
            }
        }
        let planner = PlanBuilder(analyzer: analyzer)
        var out: [ReachableTarget] = []
        for (target, route, onPromotion) in targets {
            // Only the gaps' count and dates are kept: no suggestions are worked out for them (the
            // plan below works out its own).
            let report = analyzer.analyze(record, target: target, on: on, context: context, suggestions: false)
            let withPlan = withPlans ? planner.plan(record, target: target, start: on, context: context).eligibleOn : nil
            out.append(ReachableTarget(target: target, route: route, onPromotion: onPromotion, gapCount: report.gaps.count,
                                       eligible: report.eligible, eligibleOnIfNothingChanges: report.eligibleOnIfNothingChanges,
                                       eligibleOnWithPlan: withPlan))
        }
        func rank(_ r: Route) -> Int {
            switch r {
            case .promotion: return 0
            case .lateral: return 1
            case .directorPost: return 2
            case .executivePost: return 3
            }
        }
        return out.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if rank(x.route) != rank(y.route) { return rank(x.route) < rank(y.route) }
            let dx = x.eligibleOnWithPlan ?? x.eligibleOnIfNothingChanges, dy = y.eligibleOnWithPlan ?? y.eligibleOnIfNothingChanges
            switch (dx, dy) {
            case let (p?, q?) where p != q: return p < q
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
