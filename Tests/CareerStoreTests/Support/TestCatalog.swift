import CareerCatalog

/// A small catalog built in code: enough ids for the importer's checks, no files needed.
enum TestCatalog {
    static func text(_ s: String) -> LocalizedText { LocalizedText(th: s, en: s) }

    static func level(_ id: String, _ type: String, _ th: String, _ en: String, _ rank: Int, dpis: String, salary: String) -> Level {
        Level(id: id, type: type, name: LocalizedText(th: th, en: en), rank: rank, expectedCompetency: rank,
              aliases: LevelAliases(dpis: dpis, salaryCode: salary))
    }

    static let positionTypes: [PositionType] = [
        PositionType(id: "general", name: text("general"), levels: [
            level("O1", "general", "ปฏิบัติงาน", "Operational", 1, dpis: "O1", salary: "ท1"),
            level("O2", "general", "ชำนาญงาน", "Experienced", 2, dpis: "O2", salary: "ท2"),
            level("O3", "general", "อาวุโส", "Senior", 3, dpis: "O3", salary: "ท3"),
            level("O4", "general", "ทักษะพิเศษ", "Highly Skilled", 4, dpis: "O4", salary: "ท4"),
        ]),
        PositionType(id: "knowledge", name: text("knowledge"), levels: [
            level("K1", "knowledge", "ปฏิบัติการ", "Practitioner", 1, dpis: "K1", salary: "ว1"),
            level("K2", "knowledge", "ชำนาญการ", "Professional", 2, dpis: "K2", salary: "ว2"),
            level("K3", "knowledge", "ชำนาญการพิเศษ", "Senior Professional", 3, dpis: "K3", salary: "ว3"),
            level("K4", "knowledge", "เชี่ยวชาญ", "Expert", 4, dpis: "K4", salary: "ว4"),
            level("K5", "knowledge", "ทรงคุณวุฒิ", "Advisory", 5, dpis: "K5", salary: "ว5"),
        ]),
        PositionType(id: "managerial", name: text("managerial"), levels: [
            level("M1", "managerial", "อำนวยการต้น", "Managerial, Primary", 1, dpis: "D1", salary: "อ1"),
            level("M2", "managerial", "อำนวยการสูง", "Managerial, Higher", 2, dpis: "D2", salary: "อ2"),
        ]),
        PositionType(id: "executive", name: text("executive"), levels: [
            level("S1", "executive", "บริหารต้น", "Executive, Primary", 1, dpis: "M1", salary: "บ1"),
            level("S2", "executive", "บริหารสูง", "Executive, Higher", 2, dpis: "M2", salary: "บ2"),
        ]),
    ]

    static func line(_ id: String, _ type: String, _ levels: [String], fields: [String]) -> JobLine {
        JobLine(id: id, type: type, name: text(id), standard: id, workFields: fields, relatedLines: [],
                levels: levels.map { JobLineLevel(level: $0, duty: text($0), competencies: []) })
    }

    static func unit(_ id: String, regional: Bool = false, parent: String? = nil, fields: [String]) -> Unit {
        Unit(id: id, name: text(id), kind: regional ? "regional-bureau" : "bureau", parent: parent,
             regional: regional, province: regional ? "Chiang Mai" : "Bangkok", workFields: fields)
    }

    static func competency(_ id: String) -> Competency {
        Competency(id: id, dictionary: "ocsc-core", name: text(id), definition: text(id),
                   levels: (1...5).map { CompetencyLevel(level: $0, indicators: [text("i\($0)")]) })
    }

    static func course(_ id: String) -> Course {
        Course(id: id, name: text(id), provider: text("OCSC"), description: text(id), eligibleLevels: [],
               prerequisites: [], competencies: [], durationMonths: 3, certificationYears: 3, validYears: 0)
    }

    static let catalog: Catalog = Catalog(
        positionTypes: positionTypes,
        educations: ["vocational-certificate", "technical-certificate", "high-vocational-diploma", "bachelor", "master", "doctorate"]
            .enumerated().map { Education(id: $1, name: text($1), rank: $0 + 1) },
        workFields: ["news", "radio", "television", "pr-campaigns", "regional-operations", "ict", "general-administration", "management"]
            .map { WorkField(id: $0, name: text($0)) },
        promotionRules: [],
        diverseExperience: DiverseExperienceRule(required: 3, minimumMonths: 12),
        experienceCounting: ExperienceCounting(roleWeights: ["regular": 1, "rotation": 1, "acting": 1, "task-force": 0.25, "secondment": 1],
                                               rolesCountingAsManagement: ["acting"], daysPerMonth: 30.4375),
        standards: [],
        jobLines: [
            line("public-relations-officer", "knowledge", ["K1", "K2", "K3", "K4"], fields: ["pr-campaigns", "news"]),
            line("computer-officer", "knowledge", ["K1", "K2", "K3"], fields: ["ict"]),
            line("administrative-clerk", "general", ["O1", "O2", "O3"], fields: ["general-administration"]),
        ],
        directorPosts: [],
        units: [
            unit("news-bureau", fields: ["news"]),
            unit("ict-center", fields: ["ict"]),
            unit("secretary-office", fields: ["general-administration"]),
            unit("regional-pr-bureau-3", regional: true, fields: ["regional-operations", "radio"]),
            unit("provincial-pr-chiang-mai", regional: true, parent: "regional-pr-bureau-3", fields: ["regional-operations"]),
        ],
        dictionaries: [CompetencyDictionary(id: "ocsc-core", name: text("core"), description: text("core"),
                                            competencies: ["achievement-motivation", "service-mind", "teamwork"].map(competency),
                                            groups: [], toConfirm: false)],
        methods: [],
        courses: ["primary-executive", "middle-executive", "nbs1"].map(course)
    )
}
