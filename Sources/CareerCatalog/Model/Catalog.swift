/// All of the department's reference data, validated and indexed.
public struct Catalog: Sendable {
    public let positionTypes: [PositionType]
    public let educations: [Education]
    public let workFields: [WorkField]
    public let promotionRules: [PromotionRule]
    public let diverseExperience: DiverseExperienceRule
    public let experienceCounting: ExperienceCounting
    public let standards: [PositionStandard]
    public let jobLines: [JobLine]
    /// The 15 Bureau/Division Director posts.
    public let directorPosts: [DirectorPost]
    /// The executive posts above them (S1 deputy director-general, S2 director-general).
    public let executivePosts: [DirectorPost]
    public let units: [Unit]
    public let dictionaries: [CompetencyDictionary]
    public let methods: [DevelopmentMethod]
    public let courses: [Course]
    public let workingGroups: [WorkingGroup]
    /// Where the ladder's expected competency levels (K1 1 … S2 5) come from.
    public internal(set) var expectedCompetencyProvenance = Provenance.unstated
    /// Per data file, how many values state a source or `confirm`, and how many are still to confirm.
    public internal(set) var provenanceCounts: [ProvenanceCount] = []

    // Indexes, built once.
    public let levelsByID: [String: Level]
    public let educationsByID: [String: Education]
    public let jobLinesByID: [String: JobLine]
    /// Director and executive posts by id: every post a target can name.
    public let directorPostsByID: [String: DirectorPost]
    public let unitsByID: [String: Unit]
    public let competenciesByID: [String: Competency]
    public let methodsByID: [String: DevelopmentMethod]
    public let coursesByID: [String: Course]
    public let workFieldsByID: [String: WorkField]
    public let standardsByID: [String: PositionStandard]
    public let rulesByLevel: [String: PromotionRule]
    public let workingGroupsByID: [String: WorkingGroup]

    public init(positionTypes: [PositionType], educations: [Education], workFields: [WorkField],
                promotionRules: [PromotionRule], diverseExperience: DiverseExperienceRule,
                experienceCounting: ExperienceCounting, standards: [PositionStandard], jobLines: [JobLine],
                directorPosts: [DirectorPost], units: [Unit], dictionaries: [CompetencyDictionary],
                methods: [DevelopmentMethod], courses: [Course], workingGroups: [WorkingGroup] = [],
                executivePosts: [DirectorPost] = []) {
        self.positionTypes = positionTypes
        self.educations = educations
        self.workFields = workFields
        self.promotionRules = promotionRules
        self.diverseExperience = diverseExperience
        self.experienceCounting = experienceCounting
        self.standards = standards
        self.jobLines = jobLines
        self.directorPosts = directorPosts
        self.executivePosts = executivePosts
        self.units = units
        self.dictionaries = dictionaries
        self.methods = methods
        self.courses = courses
        self.workingGroups = workingGroups

        func index<T>(_ items: [T], _ key: (T) -> String) -> [String: T] {
            var out: [String: T] = [:]
            for item in items where out[key(item)] == nil { out[key(item)] = item }
            return out
        }
        levelsByID = index(positionTypes.flatMap(\.levels), \.id)
        educationsByID = index(educations, \.id)
        jobLinesByID = index(jobLines, \.id)
        directorPostsByID = index(directorPosts + executivePosts, \.id)
        unitsByID = index(units, \.id)
        competenciesByID = index(dictionaries.flatMap(\.competencies), \.id)
        methodsByID = index(methods, \.id)
        coursesByID = index(courses, \.id)
        workFieldsByID = index(workFields, \.id)
        standardsByID = index(standards, \.id)
        rulesByLevel = index(promotionRules, \.toLevel)
        workingGroupsByID = index(workingGroups, \.id)
    }

    /// Director posts, then executive posts.
    public var posts: [DirectorPost] { directorPosts + executivePosts }

    /// All competencies, dictionary order.
    public var competencies: [Competency] { dictionaries.flatMap(\.competencies) }

    /// The next level up on the same position type, if any.
    public func nextLevel(after level: String) -> Level? {
        guard let current = levelsByID[level],
              let type = positionTypes.first(where: { $0.id == current.type }) else { return nil }
        return type.levels.first { $0.rank == current.rank + 1 }
    }

    /// Units below `unit` (children, grandchildren …).
    public func descendants(of unit: String) -> [Unit] {
        var result: [Unit] = []
        var frontier = [unit]
        while let next = frontier.popLast() {
            let children = units.filter { $0.parent == next }
            result.append(contentsOf: children)
            frontier.append(contentsOf: children.map(\.id))
        }
        return result
    }
}
