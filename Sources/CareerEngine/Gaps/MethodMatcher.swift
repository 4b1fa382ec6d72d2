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

    /// `gaps` with `methods` and `suggestions` filled in.
    public func attach(to gaps: [Gap], record: PersonRecord, target: Target, context: OrganizationContext) -> [Gap] {
        let situation = Situation(gaps: gaps, record: record, index: index)
        return gaps.map { gap in
            var g = gap
            let methods = fittingMethods(gap)
            g.methods = methods.map(\.id)
            g.suggestions = suggestions(for: gap, methods: methods, record: record, context: context, situation: situation)
            return g
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

    func fittingMethods(_ gap: Gap) -> [DevelopmentMethod] {
        let methods = index.methodsByKind[gap.kind] ?? []
        if case .competency(let c, _, _, _) = gap.requirement {
            return methods.filter { $0.competencies.isEmpty || $0.competencies.contains(c) }
        }
        return methods
    }

    func suggestions(for gap: Gap, methods: [DevelopmentMethod], record: PersonRecord,
                     context: OrganizationContext, situation: Situation) -> [Suggestion] {
        let person = record.person
        var out: [Suggestion] = []
        let needed = neededMonths(gap)
        for method in methods {
            let base = 100 - 10 * method.preference
            var found: [Suggestion] = []
            switch method.id {
            case "job-rotation":
                for (unit, fit) in rotationUnits(for: gap, person: person, situation: situation) {
                    found.append(Suggestion(method: method.id, place: .unit(unit.id), months: max(needed ?? method.typicalMonths, 1), fit: base + fit))
                }
            case "job-assignment":
                // Work of the missing field within the person's own unit, when the unit covers it.
                if let fields = gapFields(gap), let home = situation.home, fields.contains(where: home.fields.contains) {
                    found.append(Suggestion(method: method.id, place: .unit(person.unit), months: max(needed ?? method.typicalMonths, 1), fit: base + 5))
                } else if gap.kind == .competency {
                    found.append(Suggestion(method: method.id, place: .unit(person.unit), months: method.typicalMonths, fit: base))
                }
            case "acting-assignment":
                for (holder, fit) in actingPosts(for: gap, context: context) {
                    found.append(Suggestion(method: method.id,
                                            place: .actingPost(holder: holder.id, unit: holder.unit, level: holder.level),
                                            months: max(needed ?? method.typicalMonths, 1), fit: base + fit))
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
                    found.append(Suggestion(method: method.id, place: .none, months: max(needed ?? method.typicalMonths, 1), fit: base))
                }
            default:
                found.append(Suggestion(method: method.id, place: .none, months: method.typicalMonths, fit: base))
            }
            out += found.sorted(by: Self.better).prefix(perMethod)
        }
        // Courses: the required one, or those that develop the missing competency.
        switch gap.requirement {
        case .training(let course, _):
            let months = index.catalog.coursesByID[course]?.durationMonths ?? 0
            out.append(Suggestion(method: "course", place: .course(course), months: max(months, 1), fit: 100))
        case .competency(let c, _, _, _):
            for course in (index.coursesByCompetency[c] ?? []).prefix(perMethod) {
                out.append(Suggestion(method: "course", place: .course(course.id), months: max(course.durationMonths, 1), fit: 50))
            }
        default: break
        }
        return out.sorted(by: Self.better)
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
    func rotationUnits(for gap: Gap, person: Person, situation: Situation) -> [(Unit, Int)] {
        guard case .experience(let e) = gap.requirement else { return [] }
        var candidates: [(Unit, Int)] = []
        func consider(_ unit: Unit, _ fit: Int) {
            guard unit.id != person.unit else { return }
            var score = fit
            if situation.regionalMissing && unit.regional { score += 15 }
            for f in unit.workFields where situation.missingFields.contains(f) { score += 3 }
            score += differencesGained(unit, situation: situation) * 2
            candidates.append((unit, score))
        }
        switch e.subject {
        case .field(let f):
            for u in index.unitsByField[f] ?? [] { consider(u, u.workFields.first == f ? 20 : 10) }
        case .group(_, _, let fields):
            // The field closest to the requirement first.
            let ordered = zip(fields, e.fieldMonths.map(\.months) + Array(repeating: 0, count: max(0, fields.count - e.fieldMonths.count)))
                .sorted { $0.1 > $1.1 }.map(\.0)
            for (rank, f) in ordered.enumerated() {
                for u in index.unitsByField[f] ?? [] { consider(u, (u.workFields.first == f ? 20 : 10) - rank) }
            }
        case .regional:
            for u in index.regionalUnits {
                let covers = u.workFields.filter(situation.missingFields.contains).count
                consider(u, 10 + covers * 5)
            }
        case .diverseExperience:
            for u in index.catalog.units { consider(u, 0) }
        case .management:
            return []
        }
        // A unit listed through several fields keeps its best fit.
        var best: [String: (Unit, Int)] = [:]
        for (u, s) in candidates where best[u.id].map({ $0.1 < s }) ?? true { best[u.id] = (u, s) }
        return best.values.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }.prefix(perMethod).map { $0 }
    }

    /// How many of the missing "3 ต่าง" differences a posting in `unit` would bring.
    func differencesGained(_ unit: Unit, situation: Situation) -> Int {
        var n = 0
        for d in situation.missingDifferences {
            switch d {
            case .unit: n += 1
            case .location:
                if let home = situation.home, home.regional != unit.regional || (home.province != unit.province && !unit.province.isEmpty) { n += 1 }
            case .workField:
                if let f = unit.workFields.first, f != situation.homeField { n += 1 }
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
