import CareerApp
import CareerCatalog
import CareerEngine

// The JSON shapes of `gaps`, `plan`, `paths` and `succession` (the contracts are in docs/cli.md),
// written by `CommandJSON` (keys sorted). A plain optional is left out when absent (`expiredOn`,
// `from`, `approvedEquivalenceMonths`, a PLACE's keys); `@OrNull` writes `null` instead.

/// An optional the contract writes as `null` when absent.
@propertyWrapper
struct OrNull<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// Two shapes' keys in one JSON object (a gap's common keys and its kind's, a step and its PLACE).
struct Merged<First: Encodable, Second: Encodable>: Encodable {
    let first: First
    let second: Second

    func encode(to encoder: Encoder) throws {
        try first.encode(to: encoder)
        try second.encode(to: encoder)
    }
}

/// One of several shapes (a kind of gap, a kind of counted record), written as itself.
struct OneOf: Encodable {
    let shape: any Encodable

    init(_ shape: any Encodable) { self.shape = shape }

    func encode(to encoder: Encoder) throws { try shape.encode(to: encoder) }
}

enum EngineShape {
    struct Report: Encodable {
        let person, target, on: String
        let eligible: Bool
        @OrNull var eligibleOnIfNothingChanges: String?
        let gaps: [Gap]
        let obligations: [Obligation]
    }

    struct Obligation: Encodable {
        let course: String
        @OrNull var withinMonths: Int?
        @OrNull var source: String?
        let confirm: Bool
    }

    /// A gap: the keys every gap has, and those of its kind (docs/cli.md, "Per kind").
    typealias Gap = Merged<GapCommon, OneOf>

    struct GapCommon: Encodable {
        let kind, id: String
        @OrNull var metOn: String?
        let toConfirm: Bool
        let source: [Source]
        let counted: [OneOf]
        let methods: [String]
        let suggestions: [Suggestion]
    }

    struct Source: Encodable {
        let subject: String
        @OrNull var source: String?
        let confirm: Bool
    }

    struct Education: Encodable { let required, actual: String }

    struct TimeInLevel: Encodable {
        struct HigherEducation: Encodable {
            let education: String
            let requiredMonths: Int
            @OrNull var metOn: String?
        }
        let levels: [String]
        let requiredMonths, actualMonths: Int
        @OrNull var minEducation: String?
        let approvedEquivalenceMonths: Int?
        let withHigherEducation: [HigherEducation]
    }

    struct ExperienceGroup: Encodable {
        let group: String
        let atLeast: Int
        let fields: [String]
        let requiredMonths: Int
        let actualMonths, actualDays: Double
        let fieldMonths, fieldDays: [String: Double]
    }

    struct DiverseExperience: Encodable {
        let field: String
        let required, actual, minimumMonths: Int
        let have, missing: [String]
    }

    struct ExperienceField: Encodable {
        let field: String
        let requiredMonths: Int
        let actualMonths, actualDays: Double
    }

    struct Competency: Encodable {
        let competency: String
        let required, actual: Int
        let assessed: Bool
    }

    struct Training: Encodable {
        let course: String
        let expiredOn: String?
    }

    struct Eligibility: Encodable {
        struct Line: Encodable { let line: String; let levels: [String] }
        let jobLine, level: String
        let eligible: [Line]
    }

    /// The records counted toward a gap, each with its `record`.
    enum Counted {

        struct Assignment: Encodable {
            var record = "assignment"
            let unit: String
            @OrNull var field: String?
            let role, start: String
            @OrNull var end: String?
            let days: Int
            let weight, countedDays: Double
        }
        struct Level: Encodable {
            var record = "level"
            let jobLine, level, start: String
            @OrNull var end: String?
            let months: Int
        }
        struct Assessment: Encodable {
            var record = "assessment"
            let competency: String
            let level: Int
            let assessedOn, assessor: String
            let counts: Bool
        }
        struct Training: Encodable {
            var record = "training"
            let course, completedOn: String
        }
        struct Education: Encodable {
            var record = "education"
            let education: String
        }
    }

    /// Where a suggestion or a step happens: none, one or three of these keys.
    struct Place: Encodable {
        var unit, post, level, group, course, coach, jobLine: String?
    }

    typealias Suggestion = Merged<SuggestionCommon, Place>

    struct SuggestionCommon: Encodable {
        let method: String
        let months: Int
        let from: String?
    }

    struct Plan: Encodable {
        let person, target, start: String
        let eligible: Bool
        @OrNull var eligibleOn: String?
        @OrNull var eligibleOnIfNothingChanges: String?
        let steps: [Step]
        let gaps: [Gap]
        let obligations: [Obligation]
    }

    typealias Step = Merged<StepCommon, Place>

    struct StepCommon: Encodable {
        let method: String
        @OrNull var field: String?
        let start, end: String
        let months: Int
        let closes: [String]
        @OrNull var stage: Int?
    }

    struct Paths: Encodable {
        struct Path: Encodable {
            let target, route: String
            @OrNull var level: String?
            let onPromotion: Bool
            let gaps: Int
            let eligible: Bool
            @OrNull var eligibleOnIfNothingChanges: String?
            @OrNull var eligibleOnWithPlan: String?
        }
        let person, on: String
        let paths: [Path]
    }
}

/// The engine's results in the shapes docs/cli.md documents.
struct EngineJSON {
    let catalog: Catalog

    /// Counted months to two decimals (1.495 → 1.5), as docs/cli.md says.
    static func months(_ m: Double) -> Double { Describe.hundredths(m) }

    /// The days behind counted months (the engine counts weighted days ÷ the catalog's days per
    /// month), to two decimals: whole days print as an integer.
    func days(months m: Double) -> Double { Describe.hundredths(m * catalog.experienceCounting.daysPerMonth) }

    /// `whys` are the gaps' explanations, in the report's order.
    func report(_ r: GapReport, _ whys: [GapExplanation]) -> EngineShape.Report {
        EngineShape.Report(person: r.person.id, target: r.target.id, on: r.on.iso, eligible: r.eligible,
                           eligibleOnIfNothingChanges: r.eligibleOnIfNothingChanges?.iso,
                           gaps: gaps(r.gaps, whys), obligations: obligations(r.obligations))
    }

    func gaps(_ gaps: [Gap], _ whys: [GapExplanation]) -> [EngineShape.Gap] {
        gaps.indices.map { gap(gaps[$0], $0 < whys.count ? whys[$0] : GapExplanation(basis: [], counted: [])) }
    }

    /// A post's programmes after appointment (`[]` for other targets): obligations, never gaps.
    func obligations(_ list: [PostObligation]) -> [EngineShape.Obligation] {
        list.map { o in
            EngineShape.Obligation(course: o.course, withinMonths: o.withinMonths > 0 ? o.withinMonths : nil,
                                   source: o.provenance.source, confirm: o.provenance.confirm)
        }
    }

    func gap(_ g: Gap, _ why: GapExplanation) -> EngineShape.Gap {
        let common = EngineShape.GapCommon(
            kind: g.kind.rawValue, id: g.id, metOn: g.metOn?.iso, toConfirm: why.restsOnDefault,
            source: why.basis.map { EngineShape.Source(subject: Self.subject($0.subject), source: $0.provenance.source, confirm: $0.provenance.confirm) },
            counted: why.counted.map(Self.counted), methods: g.methods, suggestions: g.suggestions.map(Self.suggestion))
        return Merged(first: common, second: detail(g.requirement))
    }

    func detail(_ requirement: Requirement) -> OneOf {
        switch requirement {
        case .education(let required, let actual):
            return OneOf(EngineShape.Education(required: required, actual: actual))
        case .timeInLevel(let t):
            return OneOf(EngineShape.TimeInLevel(
                levels: t.levels, requiredMonths: t.requiredMonths, actualMonths: t.actualMonths, minEducation: t.minEducation,
                approvedEquivalenceMonths: t.approvedEquivalenceMonths > 0 ? t.approvedEquivalenceMonths : nil,
                withHigherEducation: t.withHigherEducation.map { .init(education: $0.education, requiredMonths: $0.requiredMonths, metOn: $0.metOn?.iso) }))
        case .experience(let e):
            switch e.subject {
            case .group(let id, let atLeast, let fields):
                let byField = { (value: (Double) -> Double) in
                    Dictionary(e.fieldMonths.map { ($0.field, value($0.months)) }, uniquingKeysWith: { first, _ in first })
                }
                return OneOf(EngineShape.ExperienceGroup(group: id, atLeast: atLeast, fields: fields, requiredMonths: e.requiredMonths,
                                    actualMonths: Self.months(e.actualMonths), actualDays: days(months: e.actualMonths),
                                    fieldMonths: byField(Self.months), fieldDays: byField(days(months:))))
            case .diverseExperience:
                let d = e.differences
                return OneOf(EngineShape.DiverseExperience(field: e.subject.id, required: d?.required ?? 3, actual: d?.have.count ?? 0,
                                      minimumMonths: e.requiredMonths, have: (d?.have ?? []).map(\.rawValue),
                                      missing: (d?.missing ?? []).map(\.rawValue)))
            default:
                return OneOf(EngineShape.ExperienceField(field: e.subject.id, requiredMonths: e.requiredMonths,
                                    actualMonths: Self.months(e.actualMonths), actualDays: days(months: e.actualMonths)))
            }
        case .competency(let c, let required, let actual, let assessed):
            return OneOf(EngineShape.Competency(competency: c, required: required, actual: actual, assessed: assessed))
        case .training(let course, let expired):
            return OneOf(EngineShape.Training(course: course, expiredOn: expired?.iso))
        case .eligibility(let line, let level, let eligible):
            return OneOf(EngineShape.Eligibility(jobLine: line, level: level, eligible: eligible.map { .init(line: $0.line, levels: $0.levels) }))
        }
    }

    /// `promotion-rule:K2`, `post:dir-news-bureau`, `standard:director`, `course:nbs1`, `diverse-experience`,
    /// `experience-counting`, `related-line:FROM:TO:RATIO`, `expected-competency:K3`.
    static func subject(_ s: GapExplanation.Basis.Subject) -> String {
        switch s {
        case .promotionRule(let level): return "promotion-rule:" + level
        case .post(let id): return "post:" + id
        case .standard(let id): return "standard:" + id
        case .course(let id): return "course:" + id
        case .diverseExperience: return "diverse-experience"
        case .experienceCounting: return "experience-counting"
        case .relatedLine(let from, let to, let ratio): return "related-line:\(from):\(to):\(ratio)"
        case .expectedCompetency(let level): return "expected-competency:" + level
        }
    }

    static func counted(_ record: GapExplanation.CountedRecord) -> OneOf {
        switch record {
        case .assignment(let a, let days, let weight, let countedDays):
            return OneOf(EngineShape.Counted.Assignment(unit: a.unit, field: a.field, role: a.role.rawValue, start: a.start.iso, end: a.end?.iso,
                                     days: days, weight: weight, countedDays: Describe.hundredths(countedDays)))
        case .levelPeriod(let line, let level, let start, let end, let months):
            return OneOf(EngineShape.Counted.Level(jobLine: line, level: level, start: start.iso, end: end?.iso, months: months))
        case .assessment(let a, let counts):
            return OneOf(EngineShape.Counted.Assessment(competency: a.competency, level: a.level, assessedOn: a.assessedOn.iso,
                                     assessor: a.assessor.rawValue, counts: counts))
        case .training(let t):
            return OneOf(EngineShape.Counted.Training(course: t.course, completedOn: t.completedOn.iso))
        case .education(let e):
            return OneOf(EngineShape.Counted.Education(education: e))
        }
    }

    static func place(_ p: SuggestedPlace) -> EngineShape.Place {
        switch p {
        case .unit(let u): return .init(unit: u)
        case .actingPost(let holder, let unit, let level): return .init(unit: unit, post: holder, level: level)
        case .workingGroup(let g): return .init(group: g)
        case .course(let c): return .init(course: c)
        case .coach(let c): return .init(coach: c)
        case .jobLine(let l): return .init(jobLine: l)
        case .none: return .init()
        }
    }

    static func suggestion(_ s: Suggestion) -> EngineShape.Suggestion {
        Merged(first: .init(method: s.method, months: s.months, from: s.from?.iso), second: place(s.place))
    }

    func plan(_ p: DevelopmentPlan, _ whys: [GapExplanation]) -> EngineShape.Plan {
        EngineShape.Plan(
            person: p.person.id, target: p.target.id, start: p.start.iso, eligible: p.report.eligible,
            eligibleOn: p.eligibleOn?.iso, eligibleOnIfNothingChanges: p.eligibleOnIfNothingChanges?.iso,
            steps: p.steps.map { s in
                Merged(first: .init(method: s.method, field: s.field, start: s.start.iso, end: s.end.iso, months: s.months,
                                    closes: s.closes, stage: s.stage),
                       second: Self.place(s.place))
            },
            gaps: gaps(p.report.gaps, whys), obligations: obligations(p.report.obligations))
    }

    func paths(person: Person, on: CivilDate, _ paths: [ReachableTarget]) -> EngineShape.Paths {
        EngineShape.Paths(person: person.id, on: on.iso, paths: paths.map { p in
            .init(target: p.target.id, route: p.route.rawValue, level: p.target.level(in: catalog), onPromotion: p.onPromotion,
                  gaps: p.gapCount, eligible: p.eligible, eligibleOnIfNothingChanges: p.eligibleOnIfNothingChanges?.iso,
                  eligibleOnWithPlan: p.eligibleOnWithPlan?.iso)
        })
    }
}
