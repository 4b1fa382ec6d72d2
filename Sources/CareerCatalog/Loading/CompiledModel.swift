/// The model's compiled form (`CompiledCoding`): each type's fields, written and read in the same
/// order. A field added to a type is added here too, to both sides; `CatalogCacheTests` compares
/// every list of the shipped catalog after a round trip.

extension Catalog: CompiledValue {
    /// The lists and what the loader noted about them; the indexes are built again by `init`, as
    /// after a YAML load.
    init(from r: inout CompiledReader) throws {
        try self.init(positionTypes: r.read(), educations: r.read(), workFields: r.read(), promotionRules: r.read(),
                      diverseExperience: r.read(), experienceCounting: r.read(), standards: r.read(), jobLines: r.read(),
                      directorPosts: r.read(), units: r.read(), dictionaries: r.read(), methods: r.read(),
                      courses: r.read(), workingGroups: r.read(), executivePosts: r.read())
        expectedCompetencyProvenance = try r.read()
        provenanceCounts = try r.read()
    }

    func write(to w: inout CompiledWriter) {
        w.write(positionTypes); w.write(educations); w.write(workFields); w.write(promotionRules)
        w.write(diverseExperience); w.write(experienceCounting); w.write(standards); w.write(jobLines)
        w.write(directorPosts); w.write(units); w.write(dictionaries); w.write(methods)
        w.write(courses); w.write(workingGroups); w.write(executivePosts)
        w.write(expectedCompetencyProvenance); w.write(provenanceCounts)
    }
}

extension LocalizedText: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(th: r.read(), en: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(th); w.write(en) }
}

extension Provenance: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(source: r.read(), confirm: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(source); w.write(confirm) }
}

extension ProvenanceCount: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(file: r.read(), values: r.read(), toConfirm: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(file); w.write(values); w.write(toConfirm) }
}

extension SourceLocation: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(path: r.read(), line: r.read(), column: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(path); w.write(line); w.write(column) }
}

extension CivilDate: CompiledValue {
    init(from r: inout CompiledReader) throws {
        guard let date = try CivilDate(year: r.read(), month: r.read(), day: r.read()) else { throw CompiledCoding.Malformed() }
        self = date
    }
    func write(to w: inout CompiledWriter) { w.write(year); w.write(month); w.write(day) }
}

// MARK: Ladder

extension PositionType: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(id: r.read(), name: r.read(), levels: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(id); w.write(name); w.write(levels) }
}

extension Level: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), type: r.read(), name: r.read(), rank: r.read(), expectedCompetency: r.read(), aliases: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(type); w.write(name); w.write(rank); w.write(expectedCompetency); w.write(aliases)
    }
}

extension LevelAliases: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(dpis: r.read(), salaryCode: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(dpis); w.write(salaryCode) }
}

extension Education: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(id: r.read(), name: r.read(), rank: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(id); w.write(name); w.write(rank) }
}

extension WorkField: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(id: r.read(), name: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(id); w.write(name) }
}

// MARK: Promotion rules

extension PromotionRule: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(toLevel: r.read(), alternatives: r.read(), conditions: r.read(), source: r.read(), toConfirm: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(toLevel); w.write(alternatives); w.write(conditions); w.write(source); w.write(toConfirm)
    }
}

extension RuleAlternative: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(levels: r.read(), months: r.read(), minEducation: r.read(), requiresDiverseExperience: r.read(),
                      approvedEquivalenceMonths: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(levels); w.write(months); w.write(minEducation); w.write(requiresDiverseExperience); w.write(approvedEquivalenceMonths)
    }
}

extension RuleCondition: CompiledValue {
    init(from r: inout CompiledReader) throws {
        switch try r.count() {
        case 0: self = .diverseExperience
        case 1: self = .framework
        case 2: self = .course(try r.read())
        default: throw CompiledCoding.Malformed()
        }
    }
    func write(to w: inout CompiledWriter) {
        switch self {
        case .diverseExperience: w.count(0)
        case .framework: w.count(1)
        case .course(let id): w.count(2); w.write(id)
        }
    }
}

extension DiverseExperienceRule: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(required: r.read(), minimumMonths: r.read(), provenance: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(required); w.write(minimumMonths); w.write(provenance) }
}

extension ExperienceCounting: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(roleWeights: r.read(), rolesCountingAsManagement: r.read(), daysPerMonth: r.read(), provenance: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(roleWeights); w.write(rolesCountingAsManagement); w.write(daysPerMonth); w.write(provenance)
    }
}

// MARK: Job lines and standards

extension PositionStandard: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), name: r.read(), type: r.read(), summary: r.read(), qualification: r.read(), minEducation: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(name); w.write(type); w.write(summary); w.write(qualification); w.write(minEducation)
    }
}

extension JobLine: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), type: r.read(), name: r.read(), standard: r.read(), workFields: r.read(),
                      relatedLines: r.read(), levels: r.read(), provenance: r.read(), location: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(type); w.write(name); w.write(standard); w.write(workFields)
        w.write(relatedLines); w.write(levels); w.write(provenance); w.write(location)
    }
}

extension RelatedLine: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(line: r.read(), ratio: r.read(), provenance: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(line); w.write(ratio); w.write(provenance) }
}

extension JobLineLevel: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(level: r.read(), duty: r.read(), competencies: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(level); w.write(duty); w.write(competencies) }
}

extension CompetencyRequirement: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(competency: r.read(), level: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(competency); w.write(level) }
}

// MARK: Posts

extension DirectorPost: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), name: r.read(), unit: r.read(), level: r.read(), standard: r.read(),
                      eligibility: r.read(), experience: r.read(), managementMonths: r.read(), regionalMonths: r.read(),
                      requiresDiverseExperience: r.read(), competencies: r.read(), courses: r.read(), stages: r.read(),
                      kind: r.read(), provenance: r.read(), obligations: r.read(), location: r.read(), short: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(name); w.write(unit); w.write(level); w.write(standard)
        w.write(eligibility); w.write(experience); w.write(managementMonths); w.write(regionalMonths)
        w.write(requiresDiverseExperience); w.write(competencies); w.write(courses); w.write(stages)
        w.write(kind); w.write(provenance); w.write(obligations); w.write(location); w.write(short)
    }
}

extension PostKind: CompiledValue {
    init(from r: inout CompiledReader) throws {
        guard let kind = try PostKind(rawValue: r.read()) else { throw CompiledCoding.Malformed() }
        self = kind
    }
    func write(to w: inout CompiledWriter) { w.write(rawValue) }
}

extension PostObligation: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(course: r.read(), withinMonths: r.read(), provenance: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(course); w.write(withinMonths); w.write(provenance) }
}

extension EligibleLine: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(line: r.read(), levels: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(line); w.write(levels) }
}

extension ExperienceRequirement: CompiledValue {
    init(from r: inout CompiledReader) throws {
        switch try r.count() {
        case 0: self = try .field(id: r.read(), months: r.read())
        case 1: self = try .group(id: r.read(), name: r.read(), atLeast: r.read(), fields: r.read(), months: r.read())
        default: throw CompiledCoding.Malformed()
        }
    }
    func write(to w: inout CompiledWriter) {
        switch self {
        case .field(let id, let months):
            w.count(0); w.write(id); w.write(months)
        case .group(let id, let name, let atLeast, let fields, let months):
            w.count(1); w.write(id); w.write(name); w.write(atLeast); w.write(fields); w.write(months)
        }
    }
}

extension FrameworkStage: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(order: r.read(), field: r.read(), unit: r.read(), level: r.read(), months: r.read(), develops: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(order); w.write(field); w.write(unit); w.write(level); w.write(months); w.write(develops)
    }
}

// MARK: Organisation, competencies, development

extension Unit: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), name: r.read(), kind: r.read(), parent: r.read(), regional: r.read(),
                      province: r.read(), workFields: r.read(), short: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(name); w.write(kind); w.write(parent); w.write(regional)
        w.write(province); w.write(workFields); w.write(short)
    }
}

extension CompetencyDictionary: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), name: r.read(), description: r.read(), competencies: r.read(), groups: r.read(), toConfirm: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(name); w.write(description); w.write(competencies); w.write(groups); w.write(toConfirm)
    }
}

extension CompetencyGroup: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(id: r.read(), name: r.read(), competencies: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(id); w.write(name); w.write(competencies) }
}

extension Competency: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), dictionary: r.read(), name: r.read(), definition: r.read(), levels: r.read())
    }
    func write(to w: inout CompiledWriter) { w.write(id); w.write(dictionary); w.write(name); w.write(definition); w.write(levels) }
}

extension CompetencyLevel: CompiledValue {
    init(from r: inout CompiledReader) throws { try self.init(level: r.read(), indicators: r.read()) }
    func write(to w: inout CompiledWriter) { w.write(level); w.write(indicators) }
}

extension DevelopmentMethod: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), name: r.read(), description: r.read(), gapKinds: r.read(), competencies: r.read(),
                      typicalMonths: r.read(), preference: r.read(), provenance: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(name); w.write(description); w.write(gapKinds); w.write(competencies)
        w.write(typicalMonths); w.write(preference); w.write(provenance)
    }
}

extension Course: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), name: r.read(), provider: r.read(), description: r.read(), eligibleLevels: r.read(),
                      prerequisites: r.read(), competencies: r.read(), durationMonths: r.read(),
                      certificationYears: r.read(), validYears: r.read(), selective: r.read(), provenance: r.read(),
                      certifiedOn: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(name); w.write(provider); w.write(description); w.write(eligibleLevels)
        w.write(prerequisites); w.write(competencies); w.write(durationMonths)
        w.write(certificationYears); w.write(validYears); w.write(selective); w.write(provenance)
        w.write(certifiedOn)
    }
}

extension WorkingGroup: CompiledValue {
    init(from r: inout CompiledReader) throws {
        try self.init(id: r.read(), name: r.read(), kind: r.read(), unit: r.read(), workFields: r.read(),
                      competencies: r.read(), typicalMonths: r.read())
    }
    func write(to w: inout CompiledWriter) {
        w.write(id); w.write(name); w.write(kind); w.write(unit); w.write(workFields); w.write(competencies); w.write(typicalMonths)
    }
}
