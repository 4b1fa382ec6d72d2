/// The cross-reference pass: every id the data names must be defined, of the right kind and, for
/// levels, of the right position type. Runs after every file is decoded so that the order of files
/// does not matter.
struct CatalogValidator {
    let registry: IDRegistry
    let positionTypes: [PositionType]
    let jobLines: [JobLine]
    let units: [Unit]
    let standards: [PositionStandard]
    var rules: [PromotionRule] = []
    var courses: [Course] = []
    /// Director and executive posts.
    var posts: [DirectorPost] = []

    func run() {
        checkReferences()
        checkUnitParents()
        checkSelectiveCourses()
        checkPrecedence()
        checkExecutiveCourses()
    }

    private var diagnostics: Diagnostics { registry.diagnostics }

    /// A selective programme (HiMM: chosen middle managers only) can be suggested, never required.
    private func checkSelectiveCourses() {
        let selective = Set(courses.filter(\.selective).map(\.id))
        for mark in registry.requiredCourses where selective.contains(mark.course) {
            diagnostics.error(said("หลักสูตร `\(mark.course)` เป็นหลักสูตรคัดเลือก (`selective: true`: ผู้เข้าอบรมได้รับการคัดเลือก สมัครเองไม่ได้) "
                                   + "\(mark.owner.th) จึงกำหนดให้ต้องผ่านไม่ได้: ลบออกจากหลักสูตรที่ต้องผ่าน (ระบบยังแนะนำได้)",
                                   "course `\(mark.course)` is selective (`selective: true`: participants are chosen, one cannot enrol), "
                                   + "so \(mark.owner.en) cannot require it; remove it from the required courses "
                                   + "(the planner may still suggest it)"), at: mark.location)
        }
    }

    /// Precedence: a regulation's requirement (rules.yaml) cannot be switched off by a post file; a post
    /// can only add requirements. `diverse_experience: false` on a post whose level's rule requires
    /// "3 ต่าง" of every candidate contradicts the rule.
    private func checkPrecedence() {
        let byLevel = Dictionary(rules.map { ($0.toLevel, $0) }, uniquingKeysWith: { first, _ in first })
        for mark in registry.diverseExperienceWaivers {
            guard let rule = byLevel[mark.level], rule.conditions.contains(.diverseExperience) else { continue }
            diagnostics.error(said("ตำแหน่ง `\(mark.post)` กำหนด `diverse_experience: false` แต่หลักเกณฑ์การเลื่อนไปยังระดับ \(mark.level) ใน rules.yaml "
                                   + "กำหนด \"3 ต่าง\" สำหรับผู้สมัครทุกคน และตำแหน่งยกเลิกข้อกำหนดของหลักเกณฑ์ไม่ได้: "
                                   + "ตั้งเป็น true (ตำแหน่งเพิ่มข้อกำหนดได้ แต่ตัดออกไม่ได้)",
                                   "post `\(mark.post)` says `diverse_experience: false`, but the rule to \(mark.level) in rules.yaml "
                                   + "requires \"3 ต่าง\" of every candidate, and a post cannot switch off a rule's requirement; "
                                   + "set it to true (a post may add requirements, never remove them)"), at: mark.location)
        }
    }

    /// Executive appointments need a pre-appointment course: a rule to an executive level reached from
    /// below (S1) names a course condition, an executive post has one through its rule or its own
    /// `courses`, and every obligation after appointment is a course open at the post's level.
    private func checkExecutiveCourses() {
        var levelType: [String: String] = [:]
        for type in positionTypes { for level in type.levels { levelType[level.id] = type.id } }
        let coursesByID = Dictionary(courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func hasCourse(_ rule: PromotionRule) -> Bool {
            rule.conditions.contains { if case .course = $0 { true } else { false } }
        }
        var ruleByLevel: [String: PromotionRule] = [:]
        for rule in rules where levelType[rule.toLevel] == "executive" {
            ruleByLevel[rule.toLevel] = rule
            let fromBelow = rule.alternatives.contains { alt in alt.levels.contains { levelType[$0] != "executive" } }
            guard fromBelow, !hasCourse(rule),
                  let location = registry.definitions[.promotionRule]?[rule.toLevel] else { continue }
            diagnostics.error(said("หลักเกณฑ์การเลื่อนไปยังระดับ \(rule.toLevel) เป็นการแต่งตั้งประเภทบริหารจากระดับที่ต่ำกว่า "
                                   + "จึงต้องมีหลักสูตรก่อนแต่งตั้ง: เพิ่มเงื่อนไข `{course: ID}` (เช่น nbs1)",
                                   "the rule to \(rule.toLevel) is an executive appointment from below the executive levels and needs "
                                   + "its pre-appointment course: add a condition `{course: ID}` (e.g. nbs1)"), at: location)
        }
        let postsByID = Dictionary(posts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for mark in registry.obligations {
            // An unknown course is reported with the other references.
            guard let post = postsByID[mark.post], let course = coursesByID[mark.course] else { continue }
            if !course.admits(level: post.level) {
                let levels = course.eligibleLevels.joined(separator: ", ")
                diagnostics.error(said("หลักสูตรที่ต้องเข้าหลังแต่งตั้ง `\(course.id)` ของ `\(post.id)` ไม่เปิดรับระดับ \(post.level) (eligible_levels: \(levels))",
                                       "obligation `\(course.id)` of `\(post.id)` is not open at \(post.level) (its eligible_levels: \(levels))"),
                                  at: mark.location)
            }
        }
        for post in posts where post.kind == .executive {
            let location = registry.definitions[.directorPost]?[post.id] ?? post.location
            if let location, post.courses.isEmpty, let rule = ruleByLevel[post.level], !hasCourse(rule),
               rule.alternatives.contains(where: { alt in alt.levels.contains { levelType[$0] != "executive" } }) {
                diagnostics.error(said("ตำแหน่งประเภทบริหาร `\(post.id)` ไม่มีหลักสูตรก่อนแต่งตั้ง: ทั้ง `courses` ของตำแหน่งและหลักเกณฑ์"
                                       + "การเลื่อนไปยังระดับ \(post.level) ไม่ได้ระบุไว้",
                                       "executive post `\(post.id)` has no pre-appointment course: neither its `courses` nor the rule "
                                       + "to \(post.level) names one"), at: location)
            }
        }
    }

    private func checkReferences() {
        var levelType: [String: String] = [:]
        for type in positionTypes { for level in type.levels { levelType[level.id] = type.id } }
        var standardType: [String: String] = [:]
        for standard in standards { standardType[standard.id] = standard.type }
        var lineType: [String: String] = [:]
        for line in jobLines { lineType[line.id] = line.type }
        // Sorted once per kind so suggestions do not depend on hashing order.
        var sortedIDs: [IDKind: [String]] = [:]

        for reference in registry.references {
            let known = registry.definitions[reference.kind] ?? [:]
            guard known[reference.id] != nil else {
                if registry.incomplete.contains(reference.kind) { continue }
                if sortedIDs[reference.kind] == nil { sortedIDs[reference.kind] = known.keys.sorted() }
                let hint = NearestID.hintText(for: reference.id, among: sortedIDs[reference.kind] ?? [])
                let noun = reference.kind.noun
                registry.diagnostics.error(said("ไม่รู้จัก\(noun.th) `\(reference.id)`", "unknown \(noun.en) `\(reference.id)`") + hint,
                                           at: reference.location)
                continue
            }
            switch reference.rule {
            case .exists:
                break
            case .levelOfType(let type):
                guard let actual = levelType[reference.id], actual != type,
                      let expected = positionTypes.first(where: { $0.id == type }) else { continue }
                let levels = expected.levels.map(\.id).joined(separator: ", ")
                registry.diagnostics.error(said("ระดับ `\(reference.id)` ไม่ใช่ระดับของประเภทตำแหน่ง `\(type)` (\(levels))",
                                                "level `\(reference.id)` is not a level of position type `\(type)` (\(levels))"),
                                           at: reference.location)
            case .standardOfType(let type):
                guard let actual = standardType[reference.id], actual != type,
                      positionTypes.contains(where: { $0.id == type }) else { continue }
                registry.diagnostics.error(said("มาตรฐานกำหนดตำแหน่ง `\(reference.id)` เป็นของประเภทตำแหน่ง `\(actual)` ไม่ใช่ `\(type)`",
                                                "standard `\(reference.id)` is for position type `\(actual)`, not `\(type)`"),
                                           at: reference.location)
            case .eligibleLevel(let line):
                guard let type = lineType[line], positionTypes.contains(where: { $0.id == type }),
                      let actual = levelType[reference.id],
                      actual != type, actual != "managerial" else { continue }
                registry.diagnostics.error(said("ระดับ `\(reference.id)` ไม่ใช่ทั้งระดับของสายงาน `\(line)` (ประเภท `\(type)`) และระดับอำนวยการ",
                                                "level `\(reference.id)` is neither a level of job line `\(line)` (type `\(type)`) nor a managerial level"),
                                           at: reference.location)
            }
        }
    }

    /// A unit may not be its own ancestor: `Catalog.descendants(of:)` would never end.
    private func checkUnitParents() {
        var parent: [String: String] = [:]
        for unit in units { if let p = unit.parent { parent[unit.id] = p } }
        var reported: Set<String> = []
        for unit in units where !reported.contains(unit.id) {
            var chain = [unit.id]
            var current = unit.id
            while let next = parent[current], chain.count <= units.count {
                if next == unit.id {
                    reported.formUnion(chain)
                    let location = registry.definitions[.unit]?[unit.id] ?? SourceLocation(path: "units.yaml", line: 0, column: 0)
                    let cycle = (chain + [unit.id]).joined(separator: " → ")
                    registry.diagnostics.error(said("หน่วยงาน `\(unit.id)` เป็นหน่วยเหนือของตัวเอง (\(cycle))", "unit `\(unit.id)` is its own ancestor (\(cycle))"),
                                               at: location)
                    break
                }
                chain.append(next)
                current = next
            }
        }
    }
}
