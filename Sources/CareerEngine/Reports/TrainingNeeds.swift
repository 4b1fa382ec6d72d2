import CareerCatalog

/// One competency or course that people of a unit need toward their targets.
public struct TrainingNeed: Sendable, Hashable, Codable {
    /// `competency` or `training`.
    public var kind: GapKind
    /// The competency id, or the course id.
    public var subject: String
    /// How many people need it ("fewer than 5" for a small group).
    public var people: GroupCount
    /// Average levels short (required − assessed) among them; nil for a course, or a small group.
    public var averageShortfall: Double?
    /// Courses from the catalog that fit, ranked: those that admit more of these people first.
    public var courses: [String]
    /// Development methods that fit, the catalog's preference first.
    public var methods: [String]
}

/// A unit's training needs: the competency and course gaps of its people, aggregated.
public struct TrainingNeedsReport: Sendable, Hashable, Codable {
    /// The unit and its sub-units.
    public var units: [String]
    public var on: CivilDate
    /// The target everyone was measured against, or nil for each person's next level.
    public var target: String?
    /// People in the units, and how many of them had a target (the top of a line has no next level).
    public var people: Int
    public var measured: Int
    /// Most-needed first.
    public var needs: [TrainingNeed]
}

/// Aggregates the gaps of many people into a unit's training needs (pure: records in, counts out).
///
///     let report = TrainingNeedsAnalyzer(catalog: catalog).needs(records, units: ["news-bureau"], target: nil, on: today)
public struct TrainingNeedsAnalyzer: Sendable {
    public let analyzer: GapAnalyzer
    public var catalog: Catalog { analyzer.catalog }

    public init(catalog: Catalog) { analyzer = GapAnalyzer(catalog: catalog) }
    public init(analyzer: GapAnalyzer) { self.analyzer = analyzer }

    public func needs(_ records: [PersonRecord], units: [String], target: Target?, on: CivilDate) -> TrainingNeedsReport {
        var tally = tally(target: target, on: on)
        for record in records { tally.add(record) }
        return tally.report(units: units)
    }

    /// A running count, fed in batches: a department's records need not be in memory at once.
    public func tally(target: Target?, on: CivilDate) -> TrainingNeedsTally {
        TrainingNeedsTally(analyzer: analyzer, target: target, on: on)
    }
}

/// The training needs counted so far (see `TrainingNeedsAnalyzer.tally`).
public struct TrainingNeedsTally: Sendable {
    struct Count: Sendable {
        var people = 0; var shortfall = 0; var levels: [String: Int] = [:]; var sample: Gap
        mutating func add(shortfall: Int, level: String) { people += 1; self.shortfall += shortfall; levels[level, default: 0] += 1 }
    }
    let analyzer: GapAnalyzer
    let target: Target?
    let on: CivilDate
    /// A need's key: its kind and subject, without building the gap's id string for every gap counted.
    struct Key: Hashable, Sendable { var kind: GapKind; var subject: String }
    var counts: [Key: Count] = [:]
    var requirements: [Target: TargetRequirements] = [:]
    var people = 0
    var measured = 0
    var catalog: Catalog { analyzer.catalog }

    init(analyzer: GapAnalyzer, target: Target?, on: CivilDate) { self.analyzer = analyzer; self.target = target; self.on = on }

    /// The competencies whose assessments `add` looks at: those the target requires, or, toward
    /// each person's next level, those any level of a job line requires. A store may read only
    /// these: the other assessments change no count.
    public var competenciesCounted: Set<String> {
        let targets: [Target]
        if let target {
            targets = [target]
        } else {
            targets = catalog.jobLines.flatMap { line in line.levels.map { Target.jobLineLevel(jobLine: line.id, level: $0.level) } }
        }
        return Set(targets.flatMap { TargetRequirements(target: $0, index: analyzer.index).competencies.map(\.id) })
    }

    /// Counts one person's competency and course gaps toward the target (or their next level).
    public mutating func add(_ record: PersonRecord) {
        people += 1
        guard let goal = target ?? Target.nextLevel(of: record.person, in: catalog) else { return }
        measured += 1
        let requirement: TargetRequirements
        if let known = requirements[goal] { requirement = known } else {
            requirement = TargetRequirements(target: goal, index: analyzer.index)
            requirements[goal] = requirement
        }
        // Only the competency and course gaps: the rest of the analysis is not a training need.
        var gaps: [Gap] = []
        analyzer.developmentGaps(record, requirement, on: on, into: &gaps)
        for gap in gaps {
            let shortfall: Int, key: Key
            switch gap.requirement {
            case .competency(let c, let required, let actual, _): shortfall = max(required - actual, 0); key = Key(kind: .competency, subject: c)
            case .training(let c, _): shortfall = 0; key = Key(kind: .training, subject: c)
            default: continue
            }
            // In place: a copy out and back would copy the sample gap and the levels for every gap counted.
            counts[key, default: Count(sample: gap)].add(shortfall: shortfall, level: record.person.level)
        }
    }

    /// The needs counted, most-needed first, with the courses and methods that fit each.
    public func report(units: [String]) -> TrainingNeedsReport {
        let matcher = MethodMatcher(index: analyzer.index)
        var needs: [TrainingNeed] = counts.values.map { tally in
            let gap = tally.sample
            let people = GroupCount(tally.people)
            let subject: String
            let candidates: [Course]
            var average: Double?
            switch gap.requirement {
            case .competency(let c, _, _, _):
                subject = c
                candidates = analyzer.index.coursesByCompetency[c] ?? []
                if people.isShown { average = Double(tally.shortfall) / Double(tally.people) }
            case .training(let c, _):
                subject = c
                candidates = catalog.coursesByID[c].map { [$0] } ?? []
            default:
                subject = gap.id; candidates = []
            }
            // A course fits as many of these people as its levels admit.
            let admitted = { (course: Course) in tally.levels.reduce(0) { $0 + (course.admits(level: $1.key) ? $1.value : 0) } }
            let courses = candidates.map { ($0, admitted($0)) }.filter { $0.1 > 0 }
                .sorted { ($1.1, $0.0.durationMonths, $0.0.id) < ($0.1, $1.0.durationMonths, $1.0.id) }.map(\.0.id)
            return TrainingNeed(kind: gap.kind, subject: subject, people: people, averageShortfall: average,
                                courses: courses, methods: matcher.fittingMethods(gap).map(\.id))
        }
        needs.sort { a, b in
            // Hidden small groups go last, in id order; shown ones by how many, then by how far short.
            let (na, nb) = (a.people.shown ?? 0, b.people.shown ?? 0)
            if na != nb { return na > nb }
            if (a.averageShortfall ?? 0) != (b.averageShortfall ?? 0) { return (a.averageShortfall ?? 0) > (b.averageShortfall ?? 0) }
            return (a.kind.rawValue, a.subject) < (b.kind.rawValue, b.subject)
        }
        return TrainingNeedsReport(units: units, on: on, target: target?.id, people: people, measured: measured, needs: needs)
    }
}
