import CareerCatalog
@testable import CareerEngine

/// A small catalog built in code: the ladder and rules of the domain reference, a handful of units,
/// one job line pair and one director framework. Tests state their own records against it.
enum TestCatalog {
    static func t(_ s: String) -> LocalizedText { LocalizedText(th: s, en: s) }

    static func level(_ id: String, _ type: String, _ rank: Int, _ expected: Int) -> Level {
        Level(id: id, type: type, name: t(id), rank: rank, expectedCompetency: expected, aliases: LevelAliases(dpis: id, salaryCode: id))
    }

    static let catalog: Catalog = make()

    static func make(taskForceWeight: Double = 0.25, diverseMinimum: Int = 12) -> Catalog {
        let types = [
            PositionType(id: "general", name: t("general"), levels: [level("O1", "general", 1, 1), level("O2", "general", 2, 2), level("O3", "general", 3, 3), level("O4", "general", 4, 4)]),
            PositionType(id: "knowledge", name: t("knowledge"), levels: [level("K1", "knowledge", 1, 1), level("K2", "knowledge", 2, 2), level("K3", "knowledge", 3, 3), level("K4", "knowledge", 4, 4), level("K5", "knowledge", 5, 5)]),
            PositionType(id: "managerial", name: t("managerial"), levels: [level("M1", "managerial", 1, 3), level("M2", "managerial", 2, 4)]),
            PositionType(id: "executive", name: t("executive"), levels: [level("S1", "executive", 1, 4), level("S2", "executive", 2, 5)]),
        ]
        let educations = ["vocational-certificate", "technical-certificate", "high-vocational-diploma", "bachelor", "master", "doctorate"]
            .enumerated().map { Education(id: $1, name: t($1), rank: $0 + 1) }
        let fields = ["news", "radio", "television", "pr-campaigns", "regional-operations", "general-administration", "human-resources", "management"]
            .map { WorkField(id: $0, name: t($0)) }
        let rules = [
            PromotionRule(toLevel: "K2", alternatives: [
                RuleAlternative(levels: ["K1"], months: 72, minEducation: "bachelor"),
                RuleAlternative(levels: ["K1"], months: 48, minEducation: "master"),
                RuleAlternative(levels: ["K1"], months: 24, minEducation: "doctorate")], conditions: [], source: "test", toConfirm: false),
            PromotionRule(toLevel: "K3", alternatives: [RuleAlternative(levels: ["K2"], months: 48)], conditions: [], source: "test", toConfirm: false),
            PromotionRule(toLevel: "K4", alternatives: [RuleAlternative(levels: ["K3"], months: 36)], conditions: [], source: "test", toConfirm: false),
            PromotionRule(toLevel: "O2", alternatives: [
                RuleAlternative(levels: ["O1"], months: 72, minEducation: "vocational-certificate"),
                RuleAlternative(levels: ["O1"], months: 60, minEducation: "technical-certificate"),
                RuleAlternative(levels: ["O1"], months: 48, minEducation: "high-vocational-diploma")], conditions: [], source: "test", toConfirm: false),
            PromotionRule(toLevel: "M1", alternatives: [RuleAlternative(levels: ["K3"], months: 36), RuleAlternative(levels: ["O3"], months: 72)],
                          conditions: [.diverseExperience, .framework, .course("primary-executive")], source: "test", toConfirm: false),
            PromotionRule(toLevel: "M2", alternatives: [
                RuleAlternative(levels: ["M1"], months: 12),
                RuleAlternative(levels: ["K3", "M1"], months: 48),
                RuleAlternative(levels: ["O3", "M1"], months: 84),
                RuleAlternative(levels: ["K4"], months: 0, requiresDiverseExperience: true)],
                          conditions: [.framework, .course("middle-executive")], source: "test", toConfirm: false),
            PromotionRule(toLevel: "S1", alternatives: [
                RuleAlternative(levels: ["M1", "M2"], months: 24),
                RuleAlternative(levels: ["K4"], months: 24, approvedEquivalenceMonths: 24)],
                          conditions: [.course("nbs1")], source: "test", toConfirm: false),
        ]
        let counting = ExperienceCounting(roleWeights: ["regular": 1, "rotation": 1, "secondment": 1, "acting": 1, "task-force": taskForceWeight],
                                          rolesCountingAsManagement: ["acting"], daysPerMonth: 30.4375)
        let standards = ["public-relations-officer", "audio-visual-officer", "administrative-clerk"].map {
            PositionStandard(id: $0, name: t($0), type: $0 == "administrative-clerk" ? "general" : "knowledge", summary: t(""), qualification: t(""),
                             minEducation: $0 == "administrative-clerk" ? "vocational-certificate" : "bachelor")
        } + [PositionStandard(id: "director", name: t("director"), type: "managerial", summary: t(""), qualification: t(""), minEducation: "bachelor")]
        func lineLevels(_ ids: [String], competency: String) -> [JobLineLevel] {
            ids.enumerated().map { i, id in JobLineLevel(level: id, duty: t(id), competencies: [CompetencyRequirement(competency: competency, level: i + 1)]) }
        }
        let lines = [
            JobLine(id: "public-relations-officer", type: "knowledge", name: t("PR"), standard: "public-relations-officer",
                    workFields: ["pr-campaigns", "news"], relatedLines: [RelatedLine(line: "audio-visual-officer", ratio: 100)],
                    levels: lineLevels(["K1", "K2", "K3", "K4"], competency: "expertise")),
            JobLine(id: "audio-visual-officer", type: "knowledge", name: t("AV"), standard: "audio-visual-officer",
                    workFields: ["television"], relatedLines: [RelatedLine(line: "public-relations-officer", ratio: 100)],
                    levels: lineLevels(["K1", "K2", "K3", "K4"], competency: "expertise")),
            JobLine(id: "administrative-clerk", type: "general", name: t("clerk"), standard: "administrative-clerk",
                    workFields: ["general-administration"], relatedLines: [],
                    levels: lineLevels(["O1", "O2", "O3", "O4"], competency: "service-mind")),
        ]
        let post = DirectorPost(
            id: "dir-news-bureau", name: t("Director, News Bureau"), unit: "news-bureau", level: "M2", standard: "director",
            eligibility: [EligibleLine(line: "public-relations-officer", levels: ["K3", "K4", "M1"])],
            experience: [.field(id: "news", months: 48),
                         .group(id: "broadcast-media", name: t("broadcast"), atLeast: 1, fields: ["radio", "television"], months: 24)],
            managementMonths: 24, regionalMonths: 12, requiresDiverseExperience: true,
            competencies: [CompetencyRequirement(competency: "visioning", level: 4)], courses: ["middle-executive"],
            stages: [FrameworkStage(order: 1, field: "news", unit: "news-bureau", level: "K2", months: 36, develops: t("news")),
                     FrameworkStage(order: 2, field: "regional-operations", unit: nil, level: "K3", months: 12, develops: t("regional")),
                     FrameworkStage(order: 3, field: "radio", unit: "radio-thailand", level: "K3", months: 24, develops: t("radio"))])
        let units = [
            Unit(id: "news-bureau", name: t("news"), kind: "bureau", parent: nil, regional: false, province: "Bangkok", workFields: ["news", "pr-campaigns"]),
            Unit(id: "radio-thailand", name: t("radio"), kind: "bureau", parent: nil, regional: false, province: "Bangkok", workFields: ["radio"]),
            Unit(id: "nbt", name: t("tv"), kind: "bureau", parent: nil, regional: false, province: "Bangkok", workFields: ["television"]),
            Unit(id: "secretary-office", name: t("secretary"), kind: "division", parent: nil, regional: false, province: "Bangkok", workFields: ["general-administration"]),
            Unit(id: "personnel-division", name: t("personnel"), kind: "division", parent: nil, regional: false, province: "Bangkok", workFields: ["human-resources"]),
            Unit(id: "regional-pr-bureau-3", name: t("rb3"), kind: "regional-bureau", parent: nil, regional: true, province: "Chiang Mai", workFields: ["regional-operations", "radio", "news"]),
            Unit(id: "provincial-pr-chiang-mai", name: t("pcm"), kind: "provincial-office", parent: "regional-pr-bureau-3", regional: true, province: "Chiang Mai", workFields: ["regional-operations", "pr-campaigns"]),
            Unit(id: "regional-pr-bureau-1", name: t("rb1"), kind: "regional-bureau", parent: nil, regional: true, province: "Khon Kaen", workFields: ["regional-operations", "television"]),
        ]
        func competency(_ id: String, _ dict: String) -> Competency {
            Competency(id: id, dictionary: dict, name: t(id), definition: t(id), levels: (1...5).map { CompetencyLevel(level: $0, indicators: [t("x")]) })
        }
        let dictionaries = [
            CompetencyDictionary(id: "ocsc-core", name: t("core"), description: t(""), competencies: [competency("expertise", "ocsc-core"), competency("service-mind", "ocsc-core")], groups: [], toConfirm: false),
            CompetencyDictionary(id: "managerial", name: t("managerial"), description: t(""), competencies: [competency("visioning", "managerial"), competency("leadership", "managerial")], groups: [], toConfirm: false),
        ]
        let methods = [
            DevelopmentMethod(id: "job-rotation", name: t("rotation"), description: t(""), gapKinds: ["experience", "competency"], competencies: ["expertise"], typicalMonths: 12, preference: 1),
            DevelopmentMethod(id: "acting-assignment", name: t("acting"), description: t(""), gapKinds: ["experience", "competency"], competencies: ["leadership", "visioning"], typicalMonths: 6, preference: 2),
            DevelopmentMethod(id: "committee-task-force", name: t("tf"), description: t(""), gapKinds: ["experience", "competency"], competencies: [], typicalMonths: 6, preference: 3),
            DevelopmentMethod(id: "coaching", name: t("coaching"), description: t(""), gapKinds: ["competency"], competencies: [], typicalMonths: 6, preference: 2),
            DevelopmentMethod(id: "discussion-group", name: t("dg"), description: t(""), gapKinds: ["competency"], competencies: [], typicalMonths: 3, preference: 4),
            DevelopmentMethod(id: "self-study", name: t("self"), description: t(""), gapKinds: ["competency", "training", "education"], competencies: [], typicalMonths: 6, preference: 5),
        ]
        let courses = [
            Course(id: "primary-executive", name: t("pe"), provider: t("ocsc"), description: t(""), eligibleLevels: ["K3"], prerequisites: [], competencies: ["leadership"], durationMonths: 3, certificationYears: 3, validYears: 0),
            Course(id: "middle-executive", name: t("me"), provider: t("ocsc"), description: t(""), eligibleLevels: ["K3", "K4", "M1"], prerequisites: ["primary-executive"], competencies: ["visioning"], durationMonths: 4, certificationYears: 3, validYears: 0),
            Course(id: "nbs1", name: t("nbs1"), provider: t("ocsc"), description: t(""), eligibleLevels: ["M2"], prerequisites: [], competencies: ["visioning"], durationMonths: 6, certificationYears: 0, validYears: 5),
        ]
        let groups = [
            WorkingGroup(id: "tf-election-information", name: t("election"), kind: "task-force", unit: "news-bureau", workFields: ["news", "pr-campaigns"], competencies: ["expertise"], typicalMonths: 6),
            WorkingGroup(id: "dg-vision", name: t("vision circle"), kind: "discussion-group", unit: "secretary-office", workFields: [], competencies: ["visioning"], typicalMonths: 3),
        ]
        return Catalog(positionTypes: types, educations: educations, workFields: fields, promotionRules: rules,
                       diverseExperience: DiverseExperienceRule(required: 3, minimumMonths: diverseMinimum), experienceCounting: counting,
                       standards: standards, jobLines: lines, directorPosts: [post], units: units, dictionaries: dictionaries,
                       methods: methods, courses: courses, workingGroups: groups)
    }
}

/// `d("2025-08-31")`.
func d(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return date
}

/// A PR officer in the news bureau; tests override what matters to them.
func person(id: String = "P1", unit: String = "news-bureau", line: String = "public-relations-officer", level: String = "K1",
            since: String = "2019-08-31", education: String = "bachelor") -> Person {
    Person(id: id, nameTH: "ทดสอบ", nameEN: "Test", unit: unit, jobLine: line, level: level, levelSince: d(since),
           serviceStart: d("2010-01-01"), education: education, supervisorID: nil)
}

func assignment(_ unit: String, _ field: String? = nil, _ role: AssignmentRole = .regular, _ start: String, _ end: String?) -> Assignment {
    Assignment(unit: unit, field: field, role: role, start: d(start), end: end.map(d))
}

extension GapReport {
    func gap(_ id: String) -> Gap? { gaps.first { $0.id == id } }
}

extension Gap {
    var experience: ExperienceShortfall? { if case .experience(let e) = requirement { return e } else { return nil } }
    var timeInLevel: TimeInLevelShortfall? { if case .timeInLevel(let t) = requirement { return t } else { return nil } }
}

extension TestCatalog {
    /// `catalog` plus what issue 12 needs: the S-level courses (nbs2, por-yor-por), a selective
    /// programme (himm), a course whose completion lapses, an M1 post without "3 ต่าง" of its own,
    /// the executive posts (S1, S2, any line) with their obligations, a related line counted at
    /// 50 %, and provenance on the rules that the explanation reports.
    static let full: Catalog = makeFull()

    static let regulation = Provenance(source: "OCSC letter (test)", confirm: false)
    static let toConfirm = Provenance(source: nil, confirm: true)

    static func makeFull() -> Catalog {
        let c = make()
        func course(_ id: String, _ levels: [String], competencies: [String], months: Int = 3, valid: Int = 0,
                    prerequisites: [String] = [], selective: Bool = false) -> Course {
            Course(id: id, name: t(id), provider: t("ocsc"), description: t(""), eligibleLevels: levels, prerequisites: prerequisites,
                   competencies: competencies, durationMonths: months, certificationYears: 0, validYears: valid,
                   selective: selective, provenance: regulation)
        }
        let courses = c.courses + [
            course("nbs2", ["S1"], competencies: ["visioning"], prerequisites: ["nbs1"]),
            course("por-yor-por", ["S1", "S2"], competencies: ["visioning", "leadership"]),
            course("himm", ["K3", "K4", "M1", "M2"], competencies: ["visioning"], selective: true),
            course("media-law-refresher", [], competencies: ["expertise"], months: 1, valid: 2),
        ]
        let rules = c.promotionRules.map { rule -> PromotionRule in
            rule.toLevel == "M1"
                ? PromotionRule(toLevel: "M1", alternatives: rule.alternatives, conditions: rule.conditions,
                                source: "ว5/2567 as cited", toConfirm: false)
                : rule
        } + [PromotionRule(toLevel: "S2", alternatives: [RuleAlternative(levels: ["S1"], months: 12)], conditions: [],
                           source: "secondary", toConfirm: false)]
        let legal = DirectorPost(
            id: "dir-legal-affairs", name: t("Director, Legal Affairs"), unit: "secretary-office", level: "M1", standard: "director",
            eligibility: [EligibleLine(line: "public-relations-officer", levels: ["K3"]), EligibleLine(line: "administrative-clerk", levels: ["O3"])],
            experience: [], managementMonths: 0, regionalMonths: 0, requiresDiverseExperience: false,
            competencies: [], courses: ["himm"], stages: [], provenance: toConfirm)
        let deputy = DirectorPost(
            id: "deputy-director-general", name: t("Deputy Director-General"), unit: "secretary-office", level: "S1", standard: "director",
            eligibility: [EligibleLine(line: EligibleLine.anyLine, levels: ["M1", "M2", "K4"])],
            experience: [], managementMonths: 0, regionalMonths: 0, requiresDiverseExperience: false,
            competencies: [], courses: [], stages: [], kind: .executive, provenance: regulation,
            obligations: [PostObligation(course: "nbs2", provenance: Provenance(source: "seed 001", confirm: false)),
                          PostObligation(course: "por-yor-por", provenance: Provenance(source: "seed 001", confirm: false))])
        let chief = DirectorPost(
            id: "director-general", name: t("Director-General"), unit: "secretary-office", level: "S2", standard: "director",
            eligibility: [EligibleLine(line: EligibleLine.anyLine, levels: ["S1"])],
            experience: [], managementMonths: 0, regionalMonths: 0, requiresDiverseExperience: false,
            competencies: [], courses: [], stages: [], kind: .executive, provenance: regulation,
            obligations: [PostObligation(course: "por-yor-por", provenance: Provenance(source: "seed 001", confirm: false))])
        var lines = c.jobLines.map { line -> JobLine in
            guard line.id == "public-relations-officer" else { return line }
            return JobLine(id: line.id, type: line.type, name: line.name, standard: line.standard, workFields: line.workFields,
                           relatedLines: line.relatedLines + [RelatedLine(line: "publicity-officer", ratio: 50, provenance: toConfirm)],
                           levels: line.levels)
        }
        lines.append(JobLine(id: "publicity-officer", type: "knowledge", name: t("publicity"), standard: "public-relations-officer",
                             workFields: ["pr-campaigns"], relatedLines: [RelatedLine(line: "public-relations-officer", ratio: 50)],
                             levels: lines[0].levels))
        return Catalog(positionTypes: c.positionTypes, educations: c.educations, workFields: c.workFields, promotionRules: rules,
                       diverseExperience: DiverseExperienceRule(required: 3, minimumMonths: 12, provenance: toConfirm),
                       experienceCounting: ExperienceCounting(roleWeights: c.experienceCounting.roleWeights,
                                                              rolesCountingAsManagement: c.experienceCounting.rolesCountingAsManagement,
                                                              daysPerMonth: c.experienceCounting.daysPerMonth, provenance: toConfirm),
                       standards: c.standards, jobLines: lines, directorPosts: c.directorPosts + [legal], units: c.units,
                       dictionaries: c.dictionaries, methods: c.methods, courses: courses, workingGroups: c.workingGroups,
                       executivePosts: [deputy, chief])
    }
}
