import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore

// The engine commands' JSON output (the contract is in docs/cli.md).

/// A JSON value that keeps its keys in the order written, so output is stable and diffable.
indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    static func date(_ d: CivilDate?) -> JSONValue { d.map { .string($0.iso) } ?? .null }
    static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    /// Counted months to two decimals (1.495 → 1.5), as docs/cli.md says.
    static func months(_ m: Double) -> JSONValue { .double(Describe.hundredths(m)) }
    /// Days (weighted by role): whole days as an integer, else two decimals.
    static func days(_ d: Double) -> JSONValue {
        let h = Describe.hundredths(d)
        return h == h.rounded() && abs(h) < 1e15 ? .int(Int(h)) : .double(h)
    }

    func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + JSONValue.quote($0.0) + ": " + $0.1.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .string(let s): return JSONValue.quote(s)
        case .int(let i): return String(i)
        case .double(let d):
            if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) + ".0" }
            return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// The engine's results in the shape docs/cli.md documents.
struct EngineJSON {
    let catalog: Catalog

    /// The days behind counted months (the engine counts weighted days ÷ the catalog's days per month).
    func days(months m: Double) -> JSONValue { .days(m * catalog.experienceCounting.daysPerMonth) }

    /// `whys` are the gaps' explanations, in the report's order.
    func report(_ r: GapReport, _ whys: [GapExplanation]) -> JSONValue {
        .object([
            ("person", .string(r.person.id)),
            ("target", .string(r.target.id)),
            ("on", .date(r.on)),
            ("eligible", .bool(r.eligible)),
            ("eligibleOnIfNothingChanges", .date(r.eligibleOnIfNothingChanges)),
            ("gaps", gaps(r.gaps, whys)),
            ("obligations", obligations(r.obligations)),
        ])
    }

    func gaps(_ gaps: [Gap], _ whys: [GapExplanation]) -> JSONValue {
        .array(gaps.indices.map { gap(gaps[$0], $0 < whys.count ? whys[$0] : GapExplanation(basis: [], counted: [])) })
    }

    /// A post's programmes after appointment (`[]` for other targets): obligations, never gaps.
    func obligations(_ list: [PostObligation]) -> JSONValue {
        .array(list.map { o in
            .object([("course", .string(o.course)), ("withinMonths", o.withinMonths > 0 ? .int(o.withinMonths) : .null)]
                    + Self.provenance(o.provenance))
        })
    }

    static func provenance(_ p: Provenance) -> [(String, JSONValue)] {
        [("source", .string(p.source)), ("confirm", .bool(p.confirm))]
    }

    func gap(_ g: Gap, _ why: GapExplanation) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("kind", .string(g.kind.rawValue)), ("id", .string(g.id))]
        switch g.requirement {
        case .education(let required, let actual):
            pairs += [("required", .string(required)), ("actual", .string(actual))]
        case .timeInLevel(let t):
            pairs += [("levels", .array(t.levels.map { .string($0) })), ("requiredMonths", .int(t.requiredMonths)),
                      ("actualMonths", .int(t.actualMonths)), ("minEducation", t.minEducation.map { .string($0) } ?? .null)]
            if t.approvedEquivalenceMonths > 0 { pairs.append(("approvedEquivalenceMonths", .int(t.approvedEquivalenceMonths))) }
            pairs.append(("withHigherEducation", .array(t.withHigherEducation.map { h in
                .object([("education", .string(h.education)), ("requiredMonths", .int(h.requiredMonths)), ("metOn", .date(h.metOn))])
            })))
        case .experience(let e):
            switch e.subject {
            case .group(let id, let atLeast, let fields):
                pairs += [("group", .string(id)), ("atLeast", .int(atLeast)), ("fields", .array(fields.map { .string($0) })),
                          ("requiredMonths", .int(e.requiredMonths)), ("actualMonths", .months(e.actualMonths)),
                          ("actualDays", days(months: e.actualMonths)),
                          ("fieldMonths", .object(e.fieldMonths.map { ($0.field, JSONValue.months($0.months)) })),
                          ("fieldDays", .object(e.fieldMonths.map { ($0.field, days(months: $0.months)) }))]
            case .diverseExperience:
                let d = e.differences
                pairs += [("field", .string(e.subject.id)), ("required", .int(d?.required ?? 3)),
                          ("actual", .int(d?.have.count ?? 0)), ("minimumMonths", .int(e.requiredMonths)),
                          ("have", .array((d?.have ?? []).map { .string($0.rawValue) })),
                          ("missing", .array((d?.missing ?? []).map { .string($0.rawValue) }))]
            default:
                pairs += [("field", .string(e.subject.id)), ("requiredMonths", .int(e.requiredMonths)), ("actualMonths", .months(e.actualMonths)),
                          ("actualDays", days(months: e.actualMonths))]
            }
        case .competency(let c, let required, let actual, let assessed):
            pairs += [("competency", .string(c)), ("required", .int(required)), ("actual", .int(actual)), ("assessed", .bool(assessed))]
        case .training(let course, let expired):
            pairs.append(("course", .string(course)))
            if let expired { pairs.append(("expiredOn", .date(expired))) }
        case .eligibility(let line, let level, let eligible):
            pairs += [("jobLine", .string(line)), ("level", .string(level)),
                      ("eligible", .array(eligible.map { .object([("line", .string($0.line)), ("levels", .array($0.levels.map { .string($0) }))]) }))]
        }
        pairs += [("metOn", .date(g.metOn)),
                  ("toConfirm", .bool(why.restsOnDefault)),
                  ("source", .array(why.basis.map { b in .object([("subject", .string(Self.subject(b.subject)))] + Self.provenance(b.provenance)) })),
                  ("counted", .array(why.counted.map(Self.counted))),
                  ("methods", .array(g.methods.map { .string($0) })),
                  ("suggestions", .array(g.suggestions.map(Self.suggestion)))]
        return .object(pairs)
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

    static func counted(_ record: GapExplanation.CountedRecord) -> JSONValue {
        switch record {
        case .assignment(let a, let days, let weight, let countedDays):
            return .object([("record", .string("assignment")), ("unit", .string(a.unit)), ("field", .string(a.field)),
                            ("role", .string(a.role.rawValue)), ("start", .date(a.start)), ("end", .date(a.end)),
                            ("days", .int(days)), ("weight", .double(weight)), ("countedDays", .days(countedDays))])
        case .levelPeriod(let line, let level, let start, let end, let months):
            return .object([("record", .string("level")), ("jobLine", .string(line)), ("level", .string(level)),
                            ("start", .date(start)), ("end", .date(end)), ("months", .int(months))])
        case .assessment(let a, let counts):
            return .object([("record", .string("assessment")), ("competency", .string(a.competency)), ("level", .int(a.level)),
                            ("assessedOn", .date(a.assessedOn)), ("assessor", .string(a.assessor.rawValue)), ("counts", .bool(counts))])
        case .training(let t):
            return .object([("record", .string("training")), ("course", .string(t.course)), ("completedOn", .date(t.completedOn))])
        case .education(let e):
            return .object([("record", .string("education")), ("education", .string(e))])
        }
    }

    static func place(_ p: SuggestedPlace) -> [(String, JSONValue)] {
        switch p {
        case .unit(let u): return [("unit", .string(u))]
        case .actingPost(let holder, let unit, let level): return [("post", .string(holder)), ("unit", .string(unit)), ("level", .string(level))]
        case .workingGroup(let g): return [("group", .string(g))]
        case .course(let c): return [("course", .string(c))]
        case .coach(let c): return [("coach", .string(c))]
        case .jobLine(let l): return [("jobLine", .string(l))]
        case .none: return []
        }
    }

    static func suggestion(_ s: Suggestion) -> JSONValue {
        .object([("method", .string(s.method))] + place(s.place) + [("months", .int(s.months))]
                + (s.from.map { [("from", JSONValue.date($0))] } ?? []))
    }

    func plan(_ p: DevelopmentPlan, _ whys: [GapExplanation]) -> JSONValue {
        .object([
            ("person", .string(p.person.id)),
            ("target", .string(p.target.id)),
            ("start", .date(p.start)),
            ("eligible", .bool(p.report.eligible)),
            ("eligibleOn", .date(p.eligibleOn)),
            ("eligibleOnIfNothingChanges", .date(p.eligibleOnIfNothingChanges)),
            ("steps", .array(p.steps.map { s in
                .object([("method", .string(s.method))] + Self.place(s.place) + [
                    ("field", s.field.map { .string($0) } ?? .null),
                    ("start", .date(s.start)), ("end", .date(s.end)), ("months", .int(s.months)),
                    ("closes", .array(s.closes.map { .string($0) })),
                    ("stage", s.stage.map { .int($0) } ?? .null),
                ])
            })),
            ("gaps", gaps(p.report.gaps, whys)),
            ("obligations", obligations(p.report.obligations)),
        ])
    }

    func paths(person: Person, on: CivilDate, _ paths: [ReachableTarget]) -> JSONValue {
        .object([
            ("person", .string(person.id)),
            ("on", .date(on)),
            ("paths", .array(paths.map { p in
                .object([
                    ("target", .string(p.target.id)),
                    ("route", .string(p.route.rawValue)),
                    ("level", p.target.level(in: catalog).map { .string($0) } ?? .null),
                    ("onPromotion", .bool(p.onPromotion)),
                    ("gaps", .int(p.gapCount)),
                    ("eligible", .bool(p.eligible)),
                    ("eligibleOnIfNothingChanges", .date(p.eligibleOnIfNothingChanges)),
                    ("eligibleOnWithPlan", .date(p.eligibleOnWithPlan)),
                ])
            })),
        ])
    }
}
