import CareerCatalog

/// Catalog lookups the rules need, computed once per catalog so that analysing 100,000 people
/// does not rebuild them.
public final class EngineIndex: Sendable {
    public let catalog: Catalog
    let educationRank: [String: Int]
    let levelRank: [String: (type: String, rank: Int)]
    /// Role weights by `AssignmentRole` raw value order (regular, rotation, acting, task-force, secondment).
    let roleWeights: [Double]
    let managementRoles: [Bool]
    let daysPerMonth: Double
    let units: [String: UnitFacts]
    /// Units that cover a field, the ones whose first field it is first.
    let unitsByField: [String: [Unit]]
    let regionalUnits: [Unit]
    let centralUnits: [Unit]
    /// Methods fitting each gap kind, by preference, in `GapKind.allCases` order (an array, not
    /// a dictionary keyed by kind: that cost every TUI start a runtime conformance lookup).
    private let methodsInKindOrder: [[DevelopmentMethod]]

    /// The methods that fit gaps of `kind`, by preference.
    func methods(for kind: GapKind) -> [DevelopmentMethod] {
        GapKind.allCases.firstIndex(of: kind).map { methodsInKindOrder[$0] } ?? []
    }
    let groupsByField: [String: [WorkingGroup]]
    let groupsByCompetency: [String: [WorkingGroup]]
    let coursesByCompetency: [String: [Course]]
    /// For each director post: stage order by field and by unit (lowest order wins).
    let stageOrder: [String: [String: Int]]

    /// Every unit, catalog order; suggestions work on positions in this array (no struct copies).
    let unitList: [UnitFacts]
    /// Positions in `unitList` of the units covering each field, the ones whose first field it is first.
    let unitIndexesByField: [String: [Int]]
    let regionalUnitIndexes: [Int]
    /// Bit positions of the first 64 work fields (suggestion-sharing keys).
    let fieldBit: [String: Int]

    struct UnitFacts: Sendable {
        let id: String
        let regional: Bool
        let province: String
        let firstField: String?
        let fields: [String]
    }

    public init(catalog: Catalog) {
        self.catalog = catalog
        var edu: [String: Int] = [:]
        for e in catalog.educations { edu[e.id] = e.rank }
        educationRank = edu
        var lv: [String: (String, Int)] = [:]
        for t in catalog.positionTypes { for l in t.levels { lv[l.id] = (t.id, l.rank) } }
        levelRank = lv
        let counting = catalog.experienceCounting
        roleWeights = AssignmentRole.allCases.map { counting.roleWeights[$0.rawValue] ?? 1.0 }
        managementRoles = AssignmentRole.allCases.map { counting.rolesCountingAsManagement.contains($0.rawValue) }
        daysPerMonth = counting.daysPerMonth > 0 ? counting.daysPerMonth : 30.4375
        var facts: [String: UnitFacts] = [:]
        for u in catalog.units {
            facts[u.id] = UnitFacts(id: u.id, regional: u.regional, province: u.province, firstField: u.workFields.first, fields: u.workFields)
        }
        units = facts
        unitList = catalog.units.map { facts[$0.id]! }
        var position: [String: Int] = [:]
        for (i, u) in catalog.units.enumerated() where position[u.id] == nil { position[u.id] = i }
        var byField: [String: [Unit]] = [:]
        for u in catalog.units { for f in u.workFields { byField[f, default: []].append(u) } }
        for (f, list) in byField {
            byField[f] = list.enumerated().sorted { a, b in
                let pa = a.element.workFields.firstIndex(of: f) ?? 99, pb = b.element.workFields.firstIndex(of: f) ?? 99
                return pa != pb ? pa < pb : a.offset < b.offset
            }.map(\.element)
        }
        unitsByField = byField
        unitIndexesByField = byField.mapValues { $0.compactMap { position[$0.id] } }
        regionalUnitIndexes = catalog.units.indices.filter { catalog.units[$0].regional }
        var bits: [String: Int] = [:]
        for (i, f) in catalog.workFields.prefix(64).enumerated() { bits[f.id] = i }
        fieldBit = bits
        regionalUnits = catalog.units.filter(\.regional)
        centralUnits = catalog.units.filter { !$0.regional }
        methodsInKindOrder = GapKind.allCases.map { kind in
            catalog.methods.filter { $0.gapKinds.contains(kind.rawValue) }
                .sorted { $0.preference != $1.preference ? $0.preference < $1.preference : $0.id < $1.id }
        }
        var gf: [String: [WorkingGroup]] = [:], gc: [String: [WorkingGroup]] = [:]
        for g in catalog.workingGroups {
            for f in g.workFields { gf[f, default: []].append(g) }
            for c in g.competencies { gc[c, default: []].append(g) }
        }
        groupsByField = gf
        groupsByCompetency = gc
        var cc: [String: [Course]] = [:]
        for c in catalog.courses { for comp in c.competencies { cc[comp, default: []].append(c) } }
        coursesByCompetency = cc
        var stages: [String: [String: Int]] = [:]
        for post in catalog.directorPosts {
            var order: [String: Int] = [:]
            for s in post.stages {
                for key in [s.field, s.unit.map { "unit:" + $0 }].compactMap({ $0 }) where order[key] == nil || order[key]! > s.order {
                    order[key] = s.order
                }
            }
            stages[post.id] = order
        }
        stageOrder = stages
    }

    func weight(_ role: AssignmentRole) -> Double { roleWeights[role.index] }
    func countsAsManagement(_ role: AssignmentRole) -> Bool { managementRoles[role.index] }

    /// The field an assignment counts toward: its own, else its unit's first.
    func field(of assignment: Assignment) -> String? {
        if let f = assignment.field, !f.isEmpty { return f }
        return units[assignment.unit]?.firstField
    }

    func rank(education: String) -> Int { educationRank[education] ?? -1 }

    /// The person's current work field: their ongoing assignment in their own unit, else the unit's first field.
    func currentField(of record: PersonRecord) -> String? {
        for a in record.assignments where a.end == nil && a.unit == record.person.unit && a.role != .taskForce {
            return field(of: a)
        }
        return units[record.person.unit]?.firstField
    }
}

extension AssignmentRole {
    var index: Int {
        switch self {
        case .regular: return 0
        case .rotation: return 1
        case .acting: return 2
        case .taskForce: return 3
        case .secondment: return 4
        }
    }
}
