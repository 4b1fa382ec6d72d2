import Yams

/// Turns each file's node tree into model values, reporting type and shape errors and recording
/// every id it defines or names for `CatalogValidator`.
final class CatalogDecoder {
    let registry: IDRegistry
    /// Where the ladder's expected competency levels come from (read with the ladder).
    private(set) var expectedCompetency = Provenance.unstated

    init(registry: IDRegistry) { self.registry = registry }

    static let unitKinds = ["bureau", "division", "center", "group", "regional-bureau", "provincial-office"]
    static let workingGroupKinds = ["task-force", "committee", "discussion-group"]
    static let gapKinds = ["education", "time-in-level", "experience", "competency", "training"]
    static let roles = ["regular", "rotation", "acting", "task-force", "secondment"]
    static let ruleConditions = ["diverse-experience", "framework"]

    /// Months anywhere in the data: 0 to 50 years.
    static let months = 0...600

    // MARK: ladder.yaml

    func ladder(_ doc: DataFolder.Document) -> (types: [PositionType], educations: [Education]) {
        guard let file = doc.reader.fields(doc.node, said("ladder.yaml", "ladder.yaml"), allowed: ["position_types", "educations"]) else {
            registry.markIncomplete(.positionType, .level, .education)
            return ([], [])
        }
        let types: [PositionType] = file.records("position_types", said("ประเภทตำแหน่ง", "a position type"), allowed: ["id", "name", "levels"]).map { type in
            let typeID = type.id(defines: .positionType)
            let levelRecords = type.records("levels", said("ระดับของ `\(typeID)`", "a level of `\(typeID)`"),
                                            allowed: ["id", "name", "expected_competency", "dpis", "salary_code"])
            let levels = levelRecords.enumerated().map { index, level in
                let id = level.id(defines: .level)
                return Level(id: id, type: typeID, name: level.text("name"), rank: index + 1,
                             expectedCompetency: level.int("expected_competency", in: 0...5),
                             aliases: LevelAliases(dpis: level.optionalString("dpis") ?? id,
                                                   salaryCode: level.optionalString("salary_code") ?? ""))
            }
            return PositionType(id: typeID, name: type.text("name"), levels: levels)
        }
        let educations = file.records("educations", said("วุฒิการศึกษา", "an education"), allowed: ["id", "name"]).enumerated().map { index, education in
            Education(id: education.id(defines: .education), name: education.text("name"), rank: index + 1)
        }
        // The levels are the Act's; the expected competency levels are the requirement values here.
        expectedCompetency = file.provenance(said("ladder.yaml (ระดับ `expected_competency`)", "ladder.yaml (its `expected_competency` levels)"))
        return (types, educations)
    }

    // MARK: rules.yaml

    func rules(_ doc: DataFolder.Document) -> (rules: [PromotionRule], diverse: DiverseExperienceRule, counting: ExperienceCounting) {
        let reader = doc.reader
        let defaults = (DiverseExperienceRule(required: 3, minimumMonths: 12),
                        ExperienceCounting(roleWeights: [:], rolesCountingAsManagement: [], daysPerMonth: 30.4375))
        guard let file = reader.fields(doc.node, said("rules.yaml", "rules.yaml"),
                                       allowed: ["promotion_rules", "diverse_experience", "experience_counting"]) else {
            registry.markIncomplete(.promotionRule)
            return ([], defaults.0, defaults.1)
        }
        let rules = file.records("promotion_rules", said("หลักเกณฑ์การเลื่อนระดับ", "a promotion rule"),
                                 allowed: ["to", "alternatives", "conditions"]).map { rule -> PromotionRule in
            let to = rule.ref("to", .level)
            if let node = rule.value("to"), !to.isEmpty { registry.define(.promotionRule, to, at: reader.location(of: node)) }
            let what = said("หลักเกณฑ์การเลื่อนไปยังระดับ `\(to)`", "the rule to `\(to)`")
            let alternatives = rule.records("alternatives", said("ทางเลือกหนึ่งของ\(what.th)", "an alternative of \(what.en)"),
                                            allowed: ["levels", "months", "min_education", "diverse_experience",
                                                      "approved_equivalence_months"]).map { alt in
                RuleAlternative(levels: alt.refs("levels", .level, required: true),
                                months: alt.int("months", in: Self.months),
                                minEducation: alt.optionalRef("min_education", .education),
                                requiresDiverseExperience: alt.bool("diverse_experience", default: false),
                                approvedEquivalenceMonths: alt.int("approved_equivalence_months", in: Self.months, default: 0))
            }
            if alternatives.isEmpty, let node = rule.value("alternatives") {
                reader.error(said("\(what.th) ต้องมีทางเลือกอย่างน้อยหนึ่งทาง", "\(what.en) needs at least one alternative"), at: node)
            }
            let conditions = rule.list("conditions", required: false).compactMap { node -> RuleCondition? in
                if case .mapping = node {
                    guard let condition = reader.fields(node, said("เงื่อนไขของ\(what.th)", "a condition of \(what.en)"), allowed: ["course"]) else { return nil }
                    let course = condition.ref("course", .course)
                    registry.require(course: course, by: what, at: condition.location("course"))
                    // A condition may state its own provenance (S1's นบส.1); otherwise the rule's covers it.
                    if condition.value("source") != nil || condition.value("confirm") != nil {
                        _ = condition.provenance(said("เงื่อนไขหลักสูตร `\(course)` ของ\(what.th)", "the course condition `\(course)` of \(what.en)"))
                    }
                    return course.isEmpty ? nil : .course(course)
                }
                switch reader.word(node, said("เงื่อนไขของ\(what.th)", "a condition of \(what.en)"), among: Self.ruleConditions + ["{course: ID}"]) {
                case "diverse-experience": return .diverseExperience
                case "framework": return .framework
                default: return nil
                }
            }
            let provenance = rule.provenance(what)
            return PromotionRule(toLevel: to, alternatives: alternatives, conditions: conditions,
                                 source: provenance.source ?? "", toConfirm: provenance.confirm)
        }
        var diverse = defaults.0
        if let node = file.required("diverse_experience"),
           let fields = reader.fields(node, said("`diverse_experience`", "`diverse_experience`"), allowed: ["required", "minimum_months"]) {
            diverse = DiverseExperienceRule(required: fields.int("required", in: 1...4),
                                            minimumMonths: fields.int("minimum_months", in: Self.months),
                                            provenance: fields.provenance(said("`diverse_experience`", "`diverse_experience`")))
        }
        var counting = defaults.1
        if let node = file.required("experience_counting"),
           let fields = reader.fields(node, said("`experience_counting`", "`experience_counting`"),
                                      allowed: ["days_per_month", "role_weights", "management_roles"]) {
            var weights: [String: Double] = [:]
            if let weightsNode = fields.required("role_weights"),
               let roleFields = reader.fields(weightsNode, said("`role_weights`", "`role_weights`"), allowed: Self.roles) {
                for (role, value) in roleFields.pairs {
                    weights[role] = reader.double(value, said("น้ำหนักของ `\(role)`", "the weight of `\(role)`"), in: 0...1) ?? 0
                }
                for role in Self.roles where weights[role] == nil {
                    reader.error(said("`role_weights` ไม่มี `\(role)`", "`role_weights` is missing `\(role)`"), at: weightsNode)
                }
            }
            let management = fields.list("management_roles").map { reader.word($0, said("บทบาทที่นับเป็นงานบริหาร", "a management role"), among: Self.roles) }
            counting = ExperienceCounting(roleWeights: weights, rolesCountingAsManagement: management.filter { !$0.isEmpty },
                                          daysPerMonth: fields.double("days_per_month", in: 28...31),
                                          provenance: fields.provenance(said("`experience_counting`", "`experience_counting`")))
        }
        return (rules, diverse, counting)
    }

    // MARK: work-fields.yaml, units.yaml, standards.yaml

    func workFields(_ doc: DataFolder.Document) -> [WorkField] {
        guard let file = topLevel(doc, "work-fields.yaml", key: "work_fields", kinds: [.workField]) else { return [] }
        return file.records("work_fields", said("ด้านงาน", "a work field"), allowed: ["id", "name"]).map {
            WorkField(id: $0.id(defines: .workField), name: $0.text("name"))
        }
    }

    func units(_ doc: DataFolder.Document) -> [Unit] {
        guard let file = topLevel(doc, "units.yaml", key: "units", kinds: [.unit]) else { return [] }
        return file.records("units", said("หน่วยงาน", "a unit"),
                            allowed: ["id", "name", "short", "kind", "parent", "regional", "province", "work_fields"]).map { unit in
            let id = unit.id(defines: .unit)
            let fields = unit.refs("work_fields", .workField, required: true)
            if fields.isEmpty, let node = unit.value("work_fields") {
                doc.reader.error(said("หน่วยงาน `\(id)` ต้องมีด้านงานอย่างน้อยหนึ่งด้าน (ด้านแรกเป็นค่าตั้งต้นของการมอบหมายงาน)",
                                       "unit `\(id)` needs at least one work field (the first is the default for assignments)"), at: node)
            }
            return Unit(id: id, name: unit.text("name"),
                        kind: unit.required("kind").map { doc.reader.word($0, said("`kind` ของหน่วยงาน `\(id)`", "`kind` of unit `\(id)`"), among: Self.unitKinds) } ?? "",
                        parent: unit.optionalRef("parent", .unit), regional: unit.bool("regional", default: false),
                        province: unit.optionalString("province") ?? "", workFields: fields, short: unit.optionalText("short"))
        }
    }

    func standards(_ doc: DataFolder.Document) -> [PositionStandard] {
        guard let file = topLevel(doc, "standards.yaml", key: "standards", kinds: [.standard]) else { return [] }
        return file.records("standards", said("มาตรฐานกำหนดตำแหน่ง", "a standard"),
                            allowed: ["id", "type", "name", "summary", "qualification", "min_education"]).map { standard in
            PositionStandard(id: standard.id(defines: .standard), name: standard.text("name"),
                             type: standard.ref("type", .positionType), summary: standard.text("summary"),
                             qualification: standard.text("qualification"),
                             minEducation: standard.ref("min_education", .education))
        }
    }

    // MARK: working-groups.yaml, methods.yaml, courses.yaml

    func workingGroups(_ doc: DataFolder.Document) -> [WorkingGroup] {
        guard let file = topLevel(doc, "working-groups.yaml", key: "working_groups", kinds: [.workingGroup]) else { return [] }
        return file.records("working_groups", said("คณะทำงาน", "a working group"),
                            allowed: ["id", "name", "kind", "unit", "work_fields", "competencies", "typical_months"]).map { group in
            let id = group.id(defines: .workingGroup)
            return WorkingGroup(id: id, name: group.text("name"),
                                kind: group.required("kind").map { doc.reader.word($0, said("`kind` ของคณะทำงาน `\(id)`", "`kind` of working group `\(id)`"), among: Self.workingGroupKinds) } ?? "",
                                unit: group.ref("unit", .unit), workFields: group.refs("work_fields", .workField, required: true),
                                competencies: group.refs("competencies", .competency),
                                typicalMonths: group.int("typical_months", in: 1...Self.months.upperBound))
        }
    }

    func methods(_ doc: DataFolder.Document) -> [DevelopmentMethod] {
        guard let file = topLevel(doc, "methods.yaml", key: "methods", kinds: [.method]) else { return [] }
        return file.records("methods", said("วิธีการพัฒนา", "a development method"),
                            allowed: ["id", "name", "description", "gap_kinds", "competencies", "typical_months", "preference"]).map { method in
            let id = method.id(defines: .method)
            let kinds = method.list("gap_kinds").map { doc.reader.word($0, said("ประเภทช่องว่างของวิธีการ `\(id)`", "a gap kind of method `\(id)`"), among: Self.gapKinds) }
            return DevelopmentMethod(id: id, name: method.text("name"), description: method.text("description"),
                                     gapKinds: kinds.filter { !$0.isEmpty }, competencies: method.refs("competencies", .competency),
                                     typicalMonths: method.int("typical_months", in: 0...Self.months.upperBound),
                                     preference: method.int("preference", in: 1...99),
                                     provenance: method.provenance(said("วิธีการพัฒนา `\(id)`", "method `\(id)`")))
        }
    }

    func courses(_ doc: DataFolder.Document) -> [Course] {
        guard let file = topLevel(doc, "courses.yaml", key: "courses", kinds: [.course]) else { return [] }
        return file.records("courses", said("หลักสูตร", "a course"),
                            allowed: ["id", "name", "provider", "description", "eligible_levels", "prerequisites",
                                      "competencies", "duration_months", "certification_years", "valid_years",
                                      "selective", "certified_on"]).map { course in
            let id = course.id(defines: .course)
            var certifiedOn: CivilDate?
            if let text = course.optionalString("certified_on") {
                certifiedOn = CivilDate(iso: text)
                if certifiedOn == nil, let node = course.value("certified_on") {
                    doc.reader.error(said("`certified_on` ของหลักสูตร `\(id)` ต้องเป็นวันที่แบบ YYYY-MM-DD ไม่ใช่ `\(text)`",
                                           "`certified_on` of course `\(id)` must be a date YYYY-MM-DD, not `\(text)`"), at: node)
                }
            }
            let prerequisites = course.refs("prerequisites", .course)
            if prerequisites.contains(id), let node = course.value("prerequisites") {
                doc.reader.error(said("หลักสูตร `\(id)` เป็นหลักสูตรที่ต้องผ่านก่อนของตัวเองไม่ได้", "course `\(id)` cannot be its own prerequisite"), at: node)
            }
            return Course(id: id, name: course.text("name"), provider: course.text("provider"),
                          description: course.text("description"), eligibleLevels: course.refs("eligible_levels", .level),
                          prerequisites: prerequisites, competencies: course.refs("competencies", .competency),
                          durationMonths: course.int("duration_months", in: 0...120),
                          certificationYears: course.int("certification_years", in: 0...50, default: 0),
                          validYears: course.int("valid_years", in: 0...50, default: 0),
                          selective: course.bool("selective", default: false),
                          provenance: course.provenance(said("หลักสูตร `\(id)`", "course `\(id)`")), certifiedOn: certifiedOn)
        }
    }

    // MARK: job-lines/<id>.yaml

    func jobLine(_ doc: DataFolder.Document) -> JobLine? {
        let reader = doc.reader
        guard let line = reader.fields(doc.node, said("สายงาน", "a job line"),
                                       allowed: ["id", "type", "name", "standard", "work_fields", "related_lines", "levels"]) else {
            registry.markIncomplete(.jobLine)
            return nil
        }
        let id = line.id(defines: .jobLine)
        checkFileName(doc, id: id, fields: line)
        let type = line.ref("type", .positionType)
        let related = line.records("related_lines", said("สายงานที่เกี่ยวข้องของ `\(id)`", "a related line of `\(id)`"), allowed: ["line", "ratio"], required: false).map { related in
            let other = related.ref("line", .jobLine)
            if other == id, let node = related.value("line") { reader.error(said("สายงาน `\(id)` เกี่ยวข้องกับตัวเองไม่ได้", "job line `\(id)` cannot be related to itself"), at: node) }
            return RelatedLine(line: other, ratio: related.int("ratio", in: 1...100),
                               provenance: related.provenance(said("สายงานที่เกี่ยวข้อง `\(other)` ของ `\(id)`", "the related line `\(other)` of `\(id)`")))
        }
        var seenLevels: Set<String> = []
        let levelRecords = line.records("levels", said("ระดับของ `\(id)`", "a level of `\(id)`"), allowed: ["level", "duty", "competencies"])
        if levelRecords.isEmpty, let node = line.value("levels") {
            reader.error(said("สายงาน `\(id)` ต้องมีอย่างน้อยหนึ่งระดับ", "job line `\(id)` needs at least one level"), at: node)
        }
        let levels = levelRecords.map { level in
            let levelID = level.ref("level", .level, rule: type.isEmpty ? .exists : .levelOfType(type))
            if !levelID.isEmpty, !seenLevels.insert(levelID).inserted, let node = level.value("level") {
                reader.error(said("ระดับ `\(levelID)` ซ้ำในสายงาน `\(id)`", "level `\(levelID)` appears twice in job line `\(id)`"), at: node)
            }
            return JobLineLevel(level: levelID, duty: level.text("duty"),
                                competencies: requirements(level, "competencies", of: said("`\(id)` ระดับ \(levelID)", "`\(id)` at \(levelID)")))
        }
        return JobLine(id: id, type: type, name: line.text("name"),
                       standard: line.ref("standard", .standard, rule: type.isEmpty ? .exists : .standardOfType(type)),
                       workFields: line.refs("work_fields", .workField, required: true), relatedLines: related,
                       levels: levels, provenance: line.provenance(said("สายงาน `\(id)` (สมรรถนะที่กำหนดของแต่ละระดับ)", "job line `\(id)` (its levels' competency requirements)")),
                       location: reader.location(of: doc.node))
    }

    // MARK: directors/<id>.yaml, executives/<id>.yaml

    func directorPost(_ doc: DataFolder.Document) -> DirectorPost? { post(doc, kind: .director) }

    func executivePost(_ doc: DataFolder.Document) -> DirectorPost? { post(doc, kind: .executive) }

    /// A director post (M1/M2, with its experience framework) or an executive post (S1/S2: `line: any`,
    /// framework parts optional, no position standard, obligations after appointment).
    private func post(_ doc: DataFolder.Document, kind: PostKind) -> DirectorPost? {
        let reader = doc.reader
        let noun = kind == .director ? said("ตำแหน่งผู้อำนวยการ", "director post") : said("ตำแหน่งประเภทบริหาร", "executive post")
        let levelType = kind == .director ? "managerial" : "executive"
        var allowed = ["id", "name", "short", "unit", "level", "standard", "eligible", "experience", "management_months",
                       "regional_months", "diverse_experience", "competencies", "courses", "stages"]
        if kind == .executive { allowed.append("obligations") }
        guard let post = reader.fields(doc.node, said(noun.th, "a \(noun.en)"), allowed: allowed) else {
            registry.markIncomplete(.directorPost)
            return nil
        }
        let id = post.id(defines: .directorPost)
        checkFileName(doc, id: id, fields: post)
        let level = post.ref("level", .level, rule: .levelOfType(levelType))
        let eligible = post.records("eligible", said("สายงานที่มีสิทธิ์ของ `\(id)`", "an eligible line of `\(id)`"), allowed: ["line", "levels"]).map { entry in
            // `line: any` (executive posts): every job line at the listed levels, whatever their type.
            if kind == .executive, case .scalar(let scalar)? = entry.value("line"), scalar.string == EligibleLine.anyLine {
                return EligibleLine(line: EligibleLine.anyLine, levels: entry.refs("levels", .level, required: true))
            }
            let line = entry.ref("line", .jobLine)
            return EligibleLine(line: line, levels: entry.refs("levels", .level, required: true,
                                                               rule: line.isEmpty ? .exists : .eligibleLevel(line: line)))
        }
        if eligible.isEmpty, let node = post.value("eligible") {
            reader.error(said("\(noun.th) `\(id)` ต้องมีสายงานที่มีสิทธิ์อย่างน้อยหนึ่งสาย", "\(noun.en) `\(id)` needs at least one eligible line"), at: node)
        }
        let experience = post.list("experience", required: kind == .director).compactMap { node -> ExperienceRequirement? in
            let isGroup: Bool
            if case .mapping(let mapping) = node { isGroup = mapping["group"] != nil } else { isGroup = false }
            if isGroup {
                guard let group = reader.fields(node, said("กลุ่มประสบการณ์ของ `\(id)`", "an experience group of `\(id)`"),
                                                allowed: ["group", "name", "at_least", "fields", "months"]) else { return nil }
                let groupID = group.string("group")
                let fields = group.refs("fields", .workField, required: true)
                var atLeast = group.int("at_least", in: 1...99)
                if let atLeastNode = group.value("at_least"), atLeast > fields.count, group.value("fields") != nil {
                    reader.error(said("`at_least` ของกลุ่มประสบการณ์ `\(groupID)` เป็น \(atLeast) แต่กลุ่มมีเพียง \(fields.count) ด้าน",
                                      "`at_least` of experience group `\(groupID)` is \(atLeast), but the group has only \(fields.count) field\(fields.count == 1 ? "" : "s")"), at: atLeastNode)
                    atLeast = fields.count
                }
                return .group(id: groupID, name: group.text("name"), atLeast: atLeast, fields: fields,
                              months: group.int("months", in: Self.months))
            }
            guard let field = reader.fields(node, said("ประสบการณ์ที่กำหนดของ `\(id)`", "an experience requirement of `\(id)`"), allowed: ["field", "months"]) else { return nil }
            return .field(id: field.ref("field", .workField), months: field.int("months", in: Self.months))
        }
        var lastOrder = 0
        let stages = post.records("stages", said("ขั้นหนึ่งของ `\(id)`", "a stage of `\(id)`"),
                                  allowed: ["order", "field", "unit", "level", "months", "develops"],
                                  required: kind == .director).map { stage in
            let order = stage.int("order", in: 1...99)
            if let node = stage.value("order"), order <= lastOrder {
                reader.error(said("ขั้นต้องเรียงตามลำดับ: ขั้น \(order) อยู่หลังขั้น \(lastOrder)", "stages must be in order: stage \(order) comes after stage \(lastOrder)"), at: node)
            }
            lastOrder = max(lastOrder, order)
            let field = stage.optionalRef("field", .workField)
            let unit = stage.optionalRef("unit", .unit)
            if stage.value("field") == nil && stage.value("unit") == nil {
                reader.error(said("ขั้น \(order) ของ `\(id)` ต้องมี `field` หรือ `unit` หรือทั้งสอง", "stage \(order) of `\(id)` needs a `field`, a `unit`, or both"), at: stage.node)
            }
            return FrameworkStage(order: order, field: field, unit: unit, level: stage.ref("level", .level),
                                  months: stage.int("months", in: Self.months), develops: stage.text("develops"))
        }
        let diverse = post.bool("diverse_experience", default: false)
        if let node = post.optional("diverse_experience"), !diverse, !level.isEmpty {
            registry.waiveDiverseExperience(post: id, level: level, at: reader.location(of: node))
        }
        let courses = post.refs("courses", .course)
        if let list = post.optional("courses"), case .sequence(let items) = list {
            for item in items { registry.require(course: item.string ?? "", by: said("\(noun.th) `\(id)`", "\(noun.en) `\(id)`"), at: reader.location(of: item)) }
        }
        let obligations = post.records("obligations", said("หลักสูตรที่ต้องเข้าหลังแต่งตั้งของ `\(id)`", "an obligation of `\(id)`"), allowed: ["course", "within_months"],
                                       required: false).map { obligation in
            let course = obligation.ref("course", .course)
            registry.oblige(course: course, post: id, at: obligation.location("course"))
            return PostObligation(course: course, withinMonths: obligation.int("within_months", in: Self.months, default: 0),
                                  provenance: obligation.provenance(said("หลักสูตรที่ต้องเข้าหลังแต่งตั้ง `\(course)` ของ `\(id)`", "the obligation `\(course)` of `\(id)`")))
        }
        // Executive posts have no position standard of their own in standards.yaml (it holds the 28 of the binder).
        let standard = kind == .director || post.value("standard") != nil
            ? post.ref("standard", .standard, rule: .standardOfType(levelType)) : ""
        return DirectorPost(id: id, name: post.text("name"), unit: post.ref("unit", .unit),
                            level: level, standard: standard,
                            eligibility: eligible, experience: experience,
                            managementMonths: post.int("management_months", in: Self.months, default: 0),
                            regionalMonths: post.int("regional_months", in: Self.months, default: 0),
                            requiresDiverseExperience: diverse,
                            competencies: requirements(post, "competencies", of: said("`\(id)`", "`\(id)`")),
                            courses: courses, stages: stages, kind: kind,
                            provenance: post.provenance(said("\(noun.th) `\(id)`", "\(noun.en) `\(id)`")), obligations: obligations,
                            location: reader.location(of: doc.node), short: post.optionalText("short"))
    }

    // MARK: competencies/<dictionary>.yaml

    func dictionary(_ doc: DataFolder.Document) -> CompetencyDictionary? {
        let reader = doc.reader
        guard let file = reader.fields(doc.node, said("พจนานุกรมสมรรถนะ", "a competency dictionary"),
                                       allowed: ["id", "name", "description", "groups", "competencies"]) else {
            registry.markIncomplete(.dictionary, .competency, .competencyGroup)
            return nil
        }
        let id = file.id(defines: .dictionary)
        checkFileName(doc, id: id, fields: file)
        let groups = file.records("groups", said("กลุ่มของ `\(id)`", "a group of `\(id)`"), allowed: ["id", "name", "competencies"], required: false).map { group in
            CompetencyGroup(id: group.id(defines: .competencyGroup), name: group.text("name"),
                            competencies: group.refs("competencies", .competency, required: true))
        }
        let competencies = file.records("competencies", said("สมรรถนะของ `\(id)`", "a competency of `\(id)`"),
                                        allowed: ["id", "name", "definition", "levels"]).map { competency in
            let competencyID = competency.id(defines: .competency)
            var seen: Set<Int> = []
            var unreadable = false
            let levels = competency.list("levels").compactMap { node -> CompetencyLevel? in
                guard let level = reader.fields(node, said("ระดับของ `\(competencyID)`", "a level of `\(competencyID)`"), allowed: ["level", "indicators"]),
                      let numberNode = level.required("level"),
                      let number = reader.int(numberNode, said("`level` ของระดับของ `\(competencyID)`", "`level` of a level of `\(competencyID)`"), in: 1...5) else {
                    unreadable = true
                    return nil
                }
                guard seen.insert(number).inserted else {
                    reader.error(said("ระดับ \(number) ของสมรรถนะ `\(competencyID)` ซ้ำ", "level \(number) of competency `\(competencyID)` appears twice"), at: numberNode)
                    return nil
                }
                let indicators = level.list("indicators").map { reader.text($0, said("ตัวบ่งชี้ของ `\(competencyID)` ระดับ \(number)", "an indicator of `\(competencyID)` level \(number)")) }
                if indicators.isEmpty, let node = level.value("indicators") {
                    reader.error(said("ระดับ \(number) ของสมรรถนะ `\(competencyID)` ต้องมีตัวบ่งชี้อย่างน้อยหนึ่งข้อ", "level \(number) of competency `\(competencyID)` needs at least one indicator"), at: node)
                }
                return CompetencyLevel(level: number, indicators: indicators)
            }
            // Only when every level was readable: a bad level already has its own error.
            if let levelsNode = competency.value("levels"), !unreadable {
                let missing = (1...5).filter { !seen.contains($0) }
                if !missing.isEmpty {
                    let list = missing.map(String.init).joined(separator: ", ")
                    reader.error(said("สมรรถนะ `\(competencyID)` ต้องมีระดับ 1–5: ขาดระดับ \(list)",
                                      "competency `\(competencyID)` must have levels 1–5; missing level\(missing.count == 1 ? "" : "s") \(list)"), at: levelsNode)
                }
            }
            return Competency(id: competencyID, dictionary: id, name: competency.text("name"),
                              definition: competency.text("definition"), levels: levels.sorted { $0.level < $1.level })
        }
        return CompetencyDictionary(id: id, name: file.text("name"), description: file.text("description"),
                                    competencies: competencies, groups: groups, toConfirm: file.toConfirm)
    }

    // MARK: Shared pieces

    /// `- {id: teamwork, level: 3}` lists.
    private func requirements(_ fields: Fields, _ key: String, of owner: LocalizedText) -> [CompetencyRequirement] {
        var seen: Set<String> = []
        return fields.records(key, said("สมรรถนะของ \(owner.th)", "a competency of \(owner.en)"), allowed: ["id", "level"], required: false).map { entry in
            let id = entry.ref("id", .competency)
            if !id.isEmpty, !seen.insert(id).inserted, let node = entry.value("id") {
                fields.reader.error(said("สมรรถนะ `\(id)` ซ้ำสำหรับ \(owner.th)", "competency `\(id)` is listed twice for \(owner.en)"), at: node)
            }
            return CompetencyRequirement(competency: id, level: entry.int("level", in: 0...5))
        }
    }

    /// A file whose top level is one list under `key`.
    private func topLevel(_ doc: DataFolder.Document, _ name: String, key: String, kinds: [IDKind]) -> Fields? {
        guard let file = doc.reader.fields(doc.node, said(name, name), allowed: [key]), file.value(key) != nil || file.required(key) != nil else {
            kinds.forEach { registry.markIncomplete($0) }
            return nil
        }
        return file
    }

    /// `job-lines/<id>.yaml`: the name is how editors find a line, so it must match.
    private func checkFileName(_ doc: DataFolder.Document, id: String, fields: Fields) {
        guard !id.isEmpty, id != doc.stem, let node = fields.value("id") else { return }
        doc.reader.error(said("รหัส `\(id)` ไม่ตรงกับชื่อแฟ้ม `\(doc.stem).yaml`: เปลี่ยนชื่อแฟ้มหรือรหัส", "id `\(id)` does not match the file name `\(doc.stem).yaml`; rename the file or the id"), at: node)
    }
}
