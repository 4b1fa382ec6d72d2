import CareerCatalog

/// Attaches to each gap the development methods that fit it and concrete suggestions — units to
/// rotate into that cover the missing field (regional ones when regional service is missing, never
/// the person's own unit), acting posts in the supervisor chain, task forces, discussion groups,
/// coaching, courses — best fit first, each with a duration in months.
public struct MethodMatcher: Sendable {
    public let index: EngineIndex
    /// At most this many suggestions of one method per gap (the best-fitting ones).
    public var perMethod = 3

    public init(index: EngineIndex) { self.index = index }

    /// `gaps` with `methods` and `suggestions` filled in. `on`: the evaluation date, for courses whose
    /// completion lapses (nil: every completion on file counts).
    public func attach(to gaps: [Gap], record: PersonRecord, target: Target, context: OrganizationContext,
                       on: CivilDate? = nil) -> [Gap] {
        attach(to: gaps, record: record, context: context, cache: nil, on: on)
    }

    /// With a cache, people in the same situation (unit, current field, what else is missing,
    /// supervisor chain) share the work: only the months still needed are per person.
    func attach(to gaps: [Gap], record: PersonRecord, context: OrganizationContext, cache: SuggestionCache?,
                scope: Scope = .all, on: CivilDate? = nil) -> [Gap] {
        let situation = Situation(gaps: gaps, record: record, index: index)
        // Experience gaps depend on the whole situation; the others only on the unit and the chain,
        // so they share far more (and the cache stays small).
        var fullID: Int?, lightID: Int?
        func situationID(for gap: Gap) -> Int? {
            guard let cache else { return nil }
            if gap.kind == .experience {
                if fullID == nil { fullID = cache.id(of: SituationKey(situation: situation, person: record.person, context: context, index: index, light: false)) }
                return fullID
            }
            if lightID == nil { lightID = cache.id(of: SituationKey(situation: situation, person: record.person, context: context, index: index, light: true)) }
            return lightID
        }
        return gaps.map { gap in
            var g = gap
            let needed = neededMonths(gap)
            let shape: (methods: [String], suggestions: [Suggestion])
            if scope != .all {
                return attach(gap, record: record, context: context, situation: situation, scope: scope, on: on)
            } else if let cache, let situationID = situationID(for: gap) {
                let key = Self.shapeKey(gap)
                if let hit = cache.shapes[situationID][key] { shape = hit } else {
                    let methods = fittingMethods(gap)
                    shape = (methods.map(\.id), suggestions(for: gap, methods: methods, record: record, context: context,
                                                             situation: situation, needed: needed.map { _ in Self.neededMarker }))
                    cache.shapes[situationID][key] = shape
                }
            } else {
                let methods = fittingMethods(gap)
                shape = (methods.map(\.id), suggestions(for: gap, methods: methods, record: record, context: context,
                                                         situation: situation, needed: needed.map { _ in Self.neededMarker }))
            }
            g.methods = shape.methods
            g.suggestions = shape.suggestions
            addCourses(to: &g, record: record, on: on)
            if let needed {
                for i in g.suggestions.indices where g.suggestions[i].months == Self.neededMarker {
                    g.suggestions[i].months = max(needed, 1)
                }
            }
            return g
        }
    }

    /// `gap` with the methods and suggestions `scope` gives it (none outside the scope), in a
    /// situation computed once for all the gaps: lets a plan ask for one gap's suggestions at a time.
    func attach(_ gap: Gap, record: PersonRecord, context: OrganizationContext, situation: Situation, scope: Scope,
                on: CivilDate? = nil) -> Gap {
        var g = gap
        guard let methods = scope.methods(for: gap, fitting: fittingMethods(gap)) else { return g }
        let needed = neededMonths(gap)
        g.methods = methods.map(\.id)
        g.suggestions = suggestions(for: gap, methods: methods, record: record, context: context,
                                    situation: situation, needed: needed.map { _ in Self.neededMarker })
        addCourses(to: &g, record: record, on: on)
        if let needed {
            for i in g.suggestions.indices where g.suggestions[i].months == Self.neededMarker {
                g.suggestions[i].months = max(needed, 1)
            }
        }
        return g
    }

    /// Which gaps get suggestions, and from which methods: a plan needs only a few of them at each step.
    enum Scope: Sendable, Hashable {
        /// Every gap, every fitting method (a report).
        case all
        /// Experience gaps, posting methods only: what a plan's next posting is chosen from.
        case postings
        /// Competency gaps time alone does not close, every fitting method: what runs alongside a plan.
        case openCompetencies

        /// The methods to suggest from for `gap`; nil when the gap gets none.
        func methods(for gap: Gap, fitting: [DevelopmentMethod]) -> [DevelopmentMethod]? {
            switch self {
            case .all: return fitting
            case .postings:
                guard gap.kind == .experience else { return nil }
                return fitting.filter { PlanBuilder.nextPostingMethods.contains($0.id) }
            case .openCompetencies:
                guard gap.kind == .competency, gap.metOn == nil else { return nil }
                return fitting
            }
        }
    }

    /// What a gap's suggestion list depends on beyond the situation: its id, and for a group the
    /// order of its fields (the one closest to the requirement is suggested first).
    static func shapeKey(_ gap: Gap) -> String {
        if case .timeInLevel(let t) = gap.requirement, !t.withHigherEducation.isEmpty { return gap.id + "|study" }
        guard case .experience(let e) = gap.requirement, case .group = e.subject, e.fieldMonths.count > 1 else { return gap.id }
        return gap.id + "|" + groupOrder(e).joined(separator: ",")
    }

    /// A group's fields, the one with most months first (ties keep the group's order).
    static func groupOrder(_ e: ExperienceShortfall) -> [String] {
        e.fieldMonths.enumerated().sorted { a, b in
            a.element.months != b.element.months ? a.element.months > b.element.months : a.offset < b.offset
        }.map(\.element.field)
    }

    /// Stands for "the months this person still needs" in shared suggestion lists.
    static let neededMarker = Int.min

    /// Everything besides the gap that suggestions depend on, kept small so that many people share it.
    struct SituationKey: Hashable {
        let unit: String
        /// Only when a lateral move could bring the missing job-line difference.
        let jobLine: String?
        let homeField: String?
        let regionalMissing: Bool
        /// Bit i set: `catalog.workFields[i]` is missing.
        let missingFields: UInt64
        /// Missing fields without a bit (catalogs with more than 64 fields).
        let extraFields: [String]
        let missingDifferences: UInt8
        let chain: [String]

        init(situation: Situation, person: Person, context: OrganizationContext, index: EngineIndex, light: Bool) {
            unit = person.unit
            chain = context.supervisorChain.map(\.id)
            if light {
                homeField = nil; regionalMissing = true; missingFields = 0; extraFields = []; missingDifferences = 0; jobLine = nil
                return
            }
            homeField = situation.homeField
            regionalMissing = situation.regionalMissing
            var fields: UInt64 = 0
            var extra: [String] = []
            for f in situation.missingFields {
                if let i = index.fieldBit[f] { fields |= 1 << UInt64(i) } else { extra.append(f) }
            }
            missingFields = fields
            extraFields = extra.sorted()
            var differences: UInt8 = 0
            for (i, d) in Difference.allCases.enumerated() where situation.missingDifferences.contains(d) { differences |= 1 << UInt8(i) }
            missingDifferences = differences
            jobLine = situation.missingDifferences.contains(.jobLine) ? person.jobLine : nil
        }
    }

    /// What the other gaps say, so that one posting can serve several of them.
    struct Situation {
        let regionalMissing: Bool
        let missingFields: Set<String>
        let missingDifferences: [Difference]
        let home: EngineIndex.UnitFacts?
        let homeField: String?

        init(gaps: [Gap], record: PersonRecord, index: EngineIndex) {
            var regional = false
            var fields: Set<String> = []
            var differences: [Difference] = []
            for gap in gaps {
                guard case .experience(let e) = gap.requirement else { continue }
                switch e.subject {
                case .regional: regional = true
                case .field(let f): fields.insert(f)
                case .group(_, _, let fs): fields.formUnion(fs)
                case .diverseExperience: differences = e.differences?.missing ?? []
                case .management: break
                }
            }
            regionalMissing = regional
            missingFields = fields
            missingDifferences = differences
            home = index.units[record.person.unit]
            homeField = index.currentField(of: record)
        }
    }

    /// A time-in-level gap gets the methods of further study (those that fit education gaps:
    /// `self-study`) when a higher degree would shorten it (`withHigherEducation`), and none
    /// otherwise: only time closes it.
    func fittingMethods(_ gap: Gap) -> [DevelopmentMethod] {
        if case .timeInLevel(let t) = gap.requirement {
            return t.withHigherEducation.isEmpty ? [] : index.methods(for: .education)
        }
        let methods = index.methods(for: gap.kind)
        if case .competency(let c, _, _, _) = gap.requirement {
            let specific = methods.filter { $0.competencies.isEmpty || $0.competencies.contains(c) }
            // No method names this competency (a professional one, say): every competency method applies.
            return specific.isEmpty ? methods : specific
        }
        return methods
    }

    /// Suggestions for one gap; postings last `needed` months (the marker in shared lists).
    func suggestions(for gap: Gap, methods: [DevelopmentMethod], record: PersonRecord,
                     context: OrganizationContext, situation: Situation, needed: Int?) -> [Suggestion] {
        let person = record.person
        var out: [Suggestion] = []
        for method in methods {
            let base = 100 - 10 * method.preference
            var found: [Suggestion] = []
            switch method.id {
            case "job-rotation":
                for (unit, fit) in rotationUnits(for: gap, person: person, situation: situation) {
                    found.append(Suggestion(method: method.id, place: .unit(unit.id), months: span(needed, method.typicalMonths), fit: base + fit))
                }
            case "job-assignment":
                // Work of the missing field within the person's own unit, when the unit covers it.
                if let fields = gapFields(gap), let home = situation.home, fields.contains(where: home.fields.contains) {
                    found.append(Suggestion(method: method.id, place: .unit(person.unit), months: span(needed, method.typicalMonths), fit: base + 5))
                } else if gap.kind == .competency {
                    found.append(Suggestion(method: method.id, place: .unit(person.unit), months: method.typicalMonths, fit: base))
                }
            case "acting-assignment":
                for (holder, fit) in actingPosts(for: gap, context: context) {
                    found.append(Suggestion(method: method.id,
                                            place: .actingPost(holder: holder.id, unit: holder.unit, level: holder.level),
                                            months: span(needed, method.typicalMonths), fit: base + fit))
                }
            case "committee-task-force", "discussion-group":
                for group in workingGroups(for: gap, discussion: method.id == "discussion-group") {
                    found.append(Suggestion(method: method.id, place: .workingGroup(group.id),
                                            months: group.typicalMonths > 0 ? group.typicalMonths : method.typicalMonths, fit: base))
                }
            case "coaching":
                let coach = context.supervisorChain.first.map { SuggestedPlace.coach($0.id) } ?? .none
                found.append(Suggestion(method: method.id, place: coach, months: method.typicalMonths, fit: base))
            case "job-redesign":
                if case .experience(let e) = gap.requirement, case .diverseExperience = e.subject,
                   e.differences?.missing.contains(.jobLine) == true {
                    for related in index.catalog.jobLinesByID[person.jobLine]?.relatedLines.sorted(by: { $0.ratio > $1.ratio }).prefix(perMethod) ?? [] {
                        found.append(Suggestion(method: method.id, place: .jobLine(related.line), months: max(e.requiredMonths, 1), fit: base + related.ratio / 10))
                    }
                } else {
                    found.append(Suggestion(method: method.id, place: .none, months: span(needed, method.typicalMonths), fit: base))
                }
            default:
                found.append(Suggestion(method: method.id, place: .none, months: method.typicalMonths, fit: base))
            }
            out += found.sorted(by: Self.better).prefix(perMethod)
        }
        return out.sorted(by: Self.better)
    }

    /// Adds the courses that fit `gap` for this person (after any shared list: they depend on the
    /// person's level and completions): the required course of a training gap, or the courses that
    /// develop a missing competency — never one completed and still valid (finding 1), only one
    /// whose eligible levels admit the person now — or, for a required course only, after their
    /// next promotion (finding 2, the suggestion's `from` then says when). `on` nil: the latest
    /// completion on file counts.
    func addCourses(to gap: inout Gap, record: PersonRecord, on: CivilDate?) {
        let candidates: [Course]
        let fit: Int
        switch gap.requirement {
        case .training(let course, _):
            guard let c = index.catalog.coursesByID[course] else { return }
            candidates = [c]; fit = 100
        case .competency(let c, _, _, _):
            candidates = index.coursesByCompetency[c] ?? []; fit = 50
        default: return
        }
        guard !candidates.isEmpty else { return }
        let day = on ?? record.person.levelSince
        var added = 0
        for course in candidates where added < perMethod {
            let from: CivilDate
            if gap.kind == .competency {
                // A course is a way to build a competency only for someone it admits at their level
                // now: the level a promotion would bring is not theirs yet (นบส.1 is for M2, not for
                // an M1 short of decision-making).
                guard course.admits(level: record.person.level), index.stillOpen(course.id, record: record, on: on) else { continue }
                from = day
            } else {
                // A required course may wait for the promotion that admits the person.
                guard let admitted = index.admission(to: course.id, record: record, on: day) else { continue }
                from = admitted
            }
            gap.suggestions.append(Suggestion(method: "course", place: .course(course.id), months: max(course.durationMonths, 1), fit: fit,
                                              from: from > day ? from : nil))
            added += 1
        }
        if added > 0 { gap.suggestions.sort(by: Self.better) }
    }

    /// The months still needed (or the marker), else the method's typical duration.
    func span(_ needed: Int?, _ typical: Int) -> Int {
        guard let needed else { return max(typical, 1) }
        return needed == Self.neededMarker ? needed : max(needed, 1)
    }

    static func better(_ a: Suggestion, _ b: Suggestion) -> Bool {
        if a.fit != b.fit { return a.fit > b.fit }
        if a.method != b.method { return a.method < b.method }
        return a.place.sortKey < b.place.sortKey
    }

    /// Months still needed, rounded up, for gaps counted in months.
    func neededMonths(_ gap: Gap) -> Int? {
        guard case .experience(let e) = gap.requirement else { return nil }
        switch e.subject {
        case .diverseExperience: return e.requiredMonths
        case .group(_, _, _):
            let best = e.fieldMonths.map(\.months).max() ?? 0
            return Int((Double(e.requiredMonths) - best).rounded(.up))
        default:
            return Int((Double(e.requiredMonths) - e.actualMonths).rounded(.up))
        }
    }

    /// Work fields an experience gap is about.
    func gapFields(_ gap: Gap) -> [String]? {
        guard case .experience(let e) = gap.requirement else { return nil }
        switch e.subject {
        case .field(let f): return [f]
        case .group(_, _, let fields): return fields
        case .management: return ["management"]
        default: return nil
        }
    }

    /// Units to rotate into, with how well each fits; never the person's own unit.
    /// Works on unit positions and a score table so that batch analysis copies no unit values.
    func rotationUnits(for gap: Gap, person: Person, situation: Situation) -> [(EngineIndex.UnitFacts, Int)] {
        guard case .experience(let e) = gap.requirement else { return [] }
        let units = index.unitList
        var scores = [Int](repeating: Int.min, count: units.count)
        func consider(_ i: Int, _ fit: Int) {
            let unit = units[i]
            guard unit.id != person.unit else { return }
            var score = fit
            if situation.regionalMissing && unit.regional { score += 15 }
            if !situation.missingFields.isEmpty { for f in unit.fields where situation.missingFields.contains(f) { score += 3 } }
            if !situation.missingDifferences.isEmpty { score += differencesGained(unit, situation: situation) * 2 }
            if score > scores[i] { scores[i] = score }
        }
        switch e.subject {
        case .field(let f):
            for i in index.unitIndexesByField[f] ?? [] { consider(i, units[i].firstField == f ? 20 : 10) }
        case .group(_, _, let fields):
            // The field closest to the requirement first.
            let ordered = e.fieldMonths.count == fields.count ? Self.groupOrder(e) : fields
            for (rank, f) in ordered.enumerated() {
                for i in index.unitIndexesByField[f] ?? [] { consider(i, (units[i].firstField == f ? 20 : 10) - rank) }
            }
        case .regional:
            for i in index.regionalUnitIndexes {
                var covers = 0
                for f in units[i].fields where situation.missingFields.contains(f) { covers += 1 }
                consider(i, 10 + covers * 5)
            }
        case .diverseExperience:
            for i in units.indices { consider(i, 0) }
        case .management:
            return []
        }
        // The best few, best first (ties by id): a partial selection, no full sort.
        var best: [(EngineIndex.UnitFacts, Int)] = []
        for (i, score) in scores.enumerated() where score != Int.min {
            let candidate = (units[i], score)
            if best.count == perMethod, let last = best.last, !(score > last.1 || (score == last.1 && units[i].id < last.0.id)) { continue }
            var at = best.count
            while at > 0 && (best[at - 1].1 < score || (best[at - 1].1 == score && best[at - 1].0.id > units[i].id)) { at -= 1 }
            best.insert(candidate, at: at)
            if best.count > perMethod { best.removeLast() }
        }
        return best
    }

    /// How many of the missing "3 ต่าง" differences a posting in `unit` would bring.
    func differencesGained(_ unit: EngineIndex.UnitFacts, situation: Situation) -> Int {
        var n = 0
        for d in situation.missingDifferences {
            switch d {
            case .unit: n += 1
            case .location:
                if let home = situation.home, home.regional != unit.regional || (home.province != unit.province && !unit.province.isEmpty) { n += 1 }
            case .workField:
                if let f = unit.firstField, f != situation.homeField { n += 1 }
            case .jobLine: break
            }
        }
        return n
    }

    /// Posts in the supervisor chain to act in, with how well each fits.
    func actingPosts(for gap: Gap, context: OrganizationContext) -> [(Person, Int)] {
        var out: [(Person, Int)] = []
        for (distance, holder) in context.supervisorChain.enumerated() {
            var fit = 10 - distance * 3
            if let fields = gapFields(gap), let facts = index.units[holder.unit] {
                if fields.contains("management") { fit += 10 }
                else if fields.contains(where: facts.fields.contains) { fit += 8 }
                else { continue }
            } else if gap.kind != .competency {
                continue
            }
            out.append((holder, fit))
        }
        return Array(out.prefix(perMethod))
    }

    /// Task forces and committees (or discussion groups) that build the missing field or competency.
    func workingGroups(for gap: Gap, discussion: Bool) -> [WorkingGroup] {
        let pool: [WorkingGroup]
        switch gap.requirement {
        case .competency(let c, _, _, _): pool = index.groupsByCompetency[c] ?? []
        case .experience:
            guard let fields = gapFields(gap) else { return [] }
            var seen: Set<String> = []
            pool = fields.flatMap { index.groupsByField[$0] ?? [] }.filter { seen.insert($0.id).inserted }
        default: return []
        }
        return pool.filter { ($0.kind == "discussion-group") == discussion }.prefix(perMethod).map { $0 }
    }
}

/// Suggestion lists shared by people in the same situation during one batch (not thread-safe:
/// one per batch, see `GapBatch`).
final class SuggestionCache {
    typealias Shape = (methods: [String], suggestions: [Suggestion])
    var situations: [MethodMatcher.SituationKey: Int] = [:]
    /// Per situation (by id), per gap id: small tables that stay in cache.
    var shapes: [[String: Shape]] = []

    /// Past this many situations the tables start again, so memory stays bounded.
    static let limit = 20_000

    func id(of key: MethodMatcher.SituationKey) -> Int {
        if let id = situations[key] { return id }
        if situations.count >= Self.limit { situations.removeAll(keepingCapacity: true); shapes.removeAll(keepingCapacity: true) }
        let id = situations.count
        situations[key] = id
        shapes.append([:])
        return id
    }
}

extension SuggestedPlace {
    var sortKey: String {
        switch self {
        case .unit(let u): return "u:" + u
        case .actingPost(let h, _, _): return "p:" + h
        case .workingGroup(let g): return "g:" + g
        case .course(let c): return "c:" + c
        case .coach(let c): return "h:" + c
        case .jobLine(let l): return "l:" + l
        case .none: return ""
        }
    }
}
