import CareerCatalog

/// Paired before/after figures for one group of course participants.
public struct ImpactFigure: Sendable, Hashable, Codable {
    /// Distinct people with at least one pair ("fewer than 5": nothing else is shown).
    public var people: GroupCount
    /// Pairs (a person × a competency the course develops); shown only with `people`.
    public var pairs: Int?
    /// Mean of (after − before) over the pairs, in levels.
    public var meanChange: Double?
    /// Share of pairs whose level rose (0…1).
    public var shareImproved: Double?

    init(_ changes: [(person: String, change: Int)]) {
        people = GroupCount(Set(changes.map(\.person)).count)
        guard people.isShown else { return }
        pairs = changes.count
        meanChange = Double(changes.reduce(0) { $0 + $1.change }) / Double(changes.count)
        shareImproved = Double(changes.filter { $0.change > 0 }.count) / Double(changes.count)
    }
}

/// One course's impact: overall and by unit.
public struct CourseImpact: Sendable, Hashable, Codable {
    public struct UnitFigure: Sendable, Hashable, Codable {
        public var unit: String
        public var figure: ImpactFigure
    }

    public var course: String
    /// The competencies it develops (what is paired).
    public var competencies: [String]
    /// Distinct people who completed it (in the units looked at).
    public var participants: GroupCount
    public var overall: ImpactFigure
    /// Units in id order.
    public var byUnit: [UnitFigure]
}

public struct TrainingImpactReport: Sendable, Hashable, Codable {
    public var units: [String]
    public var on: CivilDate
    /// Months after completion before an assessment counts as "after".
    public var afterMonths: Int
    public var courses: [CourseImpact]
}

/// Training impact: for each course, each participant's assessed level of each competency the
/// course develops, the latest on or before completion against the first at least `afterMonths`
/// later (supervisor and panel assessments: the ones that count, domain section 4), paired.
public struct TrainingImpactAnalyzer: Sendable {
    public let catalog: Catalog
    /// Three months: time for a course to show in the work.
    public var afterMonths = 3

    public init(catalog: Catalog) { self.catalog = catalog }

    public func impact(_ records: [PersonRecord], units: [String], on: CivilDate) -> TrainingImpactReport {
        var tally = tally(on: on)
        for record in records { tally.add(record) }
        return tally.report(units: units)
    }

    /// A running count, fed in batches.
    public func tally(on: CivilDate) -> TrainingImpactTally { TrainingImpactTally(catalog: catalog, afterMonths: afterMonths, on: on) }
}

/// The before/after pairs found so far (see `TrainingImpactAnalyzer.tally`).
public struct TrainingImpactTally: Sendable {
    struct Change: Sendable { var unit: String; var person: String; var change: Int }
    let catalog: Catalog
    let afterMonths: Int
    let on: CivilDate
    var changes: [String: [Change]] = [:]
    var participants: [String: Set<String>] = [:]

    /// Pairs one person's assessments around each course they completed.
    public mutating func add(_ record: PersonRecord) {
        guard !record.trainings.isEmpty else { return }
        // Each competency's counted assessments, in date order (the store gives them so).
        var byCompetency: [String: [Assessment]] = [:]
        for a in record.assessments where a.counts && a.assessedOn <= on {
            byCompetency[a.competency, default: []].append(a)
        }
        for training in record.trainings where training.completedOn <= on {
            guard let course = catalog.coursesByID[training.course] else { continue }
            participants[course.id, default: []].insert(record.person.id)
            let after = training.completedOn.adding(months: afterMonths)
            for competency in course.competencies {
                let list = byCompetency[competency] ?? []
                guard let before = list.last(where: { $0.assessedOn <= training.completedOn }),
                      let later = list.first(where: { $0.assessedOn >= after }) else { continue }
                changes[course.id, default: []].append(Change(unit: record.person.unit, person: record.person.id, change: later.level - before.level))
            }
        }
    }

    public func report(units: [String]) -> TrainingImpactReport {
        let courses = catalog.courses.filter { participants[$0.id] != nil }.map { course in
            let all = changes[course.id] ?? []
            let byUnit = Dictionary(grouping: all, by: \.unit)
            return CourseImpact(course: course.id, competencies: course.competencies,
                                participants: GroupCount(participants[course.id]?.count ?? 0),
                                overall: ImpactFigure(all.map { ($0.person, $0.change) }),
                                byUnit: byUnit.keys.sorted().map { unit in
                                    CourseImpact.UnitFigure(unit: unit, figure: ImpactFigure(byUnit[unit]!.map { ($0.person, $0.change) }))
                                })
        }
        return TrainingImpactReport(units: units, on: on, afterMonths: afterMonths, courses: courses)
    }
}
