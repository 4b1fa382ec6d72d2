import CareerCatalog

/// What a target requires, looked up in the catalog once for many people (a batch, a ranking, a
/// plan's repeated checks) instead of once per person: the post, the promotion rule, the education,
/// the experience requirements in framework stage order, the competencies with their floors, the courses.
struct TargetRequirements: Sendable {
    let target: Target
    /// The director post (nil for a level of a job line).
    let post: DirectorPost?
    /// A director post id the catalog does not know.
    let unknownPost: Bool
    /// The level the target is at.
    let level: String
    /// The promotion rule of `level` (it applies only when reaching `level` is a promotion).
    let rule: PromotionRule?
    /// For a job-line target, how time on other lines counts toward the rule (related lines at
    /// their ratio); nil for posts, whose rules count levels whatever the line.
    let lineCredit: TimeInLevel.LineCredit?
    /// The standard's qualification, and the one required when the rule applies (the lowest any
    /// alternative allows when every alternative names one).
    let standardEducation: String?
    let educationWithRule: String?
    /// The rule's own conditions: "3 ต่าง", and courses added after the post's.
    let ruleNeedsDiverse: Bool
    let courses: [String]
    let coursesWithRule: [String]
    /// The post's field and group requirements, stably ordered by framework stage.
    let experience: [ExperienceRequirement]
    /// Required competencies in the target's order (levels at least the level's expected one; zeros dropped).
    let competencies: [(id: String, required: Int, slot: Int)]
    /// Competency id → its slot (repeated ids share one).
    let competencySlots: [String: Int]
    /// Slot ids with their UTF-8 lengths: a dozen length checks and the odd comparison cost less
    /// than hashing every assessment's competency id.
    let slotKeys: [(id: String, length: Int, slot: Int)]

    init(target: Target, index: EngineIndex) {
        let catalog = index.catalog
        self.target = target
        var post: DirectorPost?
        var level = ""
        var standardID: String?
        var competencyList: [CompetencyRequirement] = []
        var unknown = false
        switch target {
        case .jobLineLevel(let lineID, let l):
            level = l
            let line = catalog.jobLinesByID[lineID]
            standardID = line?.standard
            competencyList = line?.level(l)?.competencies ?? []
        case .directorPost(let postID):
            if let p = catalog.directorPostsByID[postID] {
                post = p
                level = p.level
                standardID = p.standard
                competencyList = p.competencies
            } else {
                unknown = true
            }
        }
        self.post = post
        self.level = level
        if case .jobLineLevel(let lineID, _) = target { lineCredit = TimeInLevel.LineCredit(jobLine: lineID, catalog: catalog) } else { lineCredit = nil }
        unknownPost = unknown
        let rule = catalog.rulesByLevel[level]
        self.rule = rule

        let standard = standardID.flatMap { catalog.standardsByID[$0]?.minEducation }
        standardEducation = standard
        var withRule = standard
        if let rule, !rule.alternatives.isEmpty, rule.alternatives.allSatisfy({ $0.minEducation != nil }) {
            let lowest = rule.alternatives.compactMap(\.minEducation).min { index.rank(education: $0) < index.rank(education: $1) }
            if let lowest, index.rank(education: lowest) > index.rank(education: withRule ?? "") { withRule = lowest }
        }
        educationWithRule = withRule

        // A selective programme (HiMM) is by invitation: it may be suggested, never required.
        let postCourses = (post?.courses ?? []).filter { catalog.coursesByID[$0]?.selective != true }
        courses = postCourses
        var extended = postCourses
        var diverse = false
        for condition in rule?.conditions ?? [] {
            switch condition {
            case .diverseExperience: diverse = true
            case .course(let c): if !extended.contains(c) && catalog.coursesByID[c]?.selective != true { extended.append(c) }
            case .framework: break  // the post's own requirements
            }
        }
        coursesWithRule = extended
        ruleNeedsDiverse = diverse

        let order = post.map { index.stageOrder[$0.id] ?? [:] } ?? [:]
        func stage(_ requirement: ExperienceRequirement) -> Int {
            switch requirement {
            case .field(let f, _): return order[f] ?? 1000
            case .group(_, _, _, let fields, _): return fields.compactMap { order[$0] }.min() ?? 1000
            }
        }
        experience = (post?.experience ?? []).enumerated()
            .sorted { a, b in stage(a.element) != stage(b.element) ? stage(a.element) < stage(b.element) : a.offset < b.offset }
            .map(\.element)

        let expected = min(catalog.levelsByID[level]?.expectedCompetency ?? 0, 5)
        var slots: [String: Int] = [:]
        var list: [(id: String, required: Int, slot: Int)] = []
        for requirement in competencyList {
            let required = max(requirement.level, expected)
            guard required > 0 else { continue }
            let slot = slots[requirement.competency] ?? slots.count
            slots[requirement.competency] = slot
            list.append((requirement.competency, required, slot))
        }
        competencies = list
        competencySlots = slots
        slotKeys = slots.map { (id: $0.key, length: $0.key.utf8.count, slot: $0.value) }.sorted { $0.slot < $1.slot }
    }

    /// The slot of a required competency; nil for one the target does not require.
    func slot(of competency: String) -> Int? {
        let length = competency.utf8.count
        for key in slotKeys where key.length == length && key.id == competency { return key.slot }
        return nil
    }
}
