import CareerCatalog
import CareerEngine

/// People, posts and units as the text output names them: people are names, not ids (an id is
/// for telling two people apart, or for scripts: `--json`).
enum PersonText {
    /// "นักประชาสัมพันธ์ ชำนาญการพิเศษ": the person's job line and level, named.
    static func post(_ p: Person, _ catalog: Catalog, _ lang: Language) -> String {
        Target.jobLineLevel(jobLine: p.jobLine, level: p.level).name(in: catalog, lang)
    }

    static func unit(_ id: String, _ catalog: Catalog, _ lang: Language) -> String {
        catalog.unitsByID[id]?.name.text(lang) ?? id
    }

    static func jobLine(_ id: String, _ catalog: Catalog, _ lang: Language) -> String {
        catalog.jobLinesByID[id]?.name.text(lang) ?? id
    }

    /// "สมหญิง ใจดี, นักประชาสัมพันธ์ ชำนาญการพิเศษ, สำนักข่าว".
    static func nameWithPost(_ p: Person, _ catalog: Catalog, _ lang: Language) -> String {
        "\(p.name(lang)), \(post(p, catalog, lang)), \(unit(p.unit, catalog, lang))"
    }
}

/// Names for person ids, with the id added only to a name that two people share.
struct PeopleNames {
    /// What each id is shown as. Worked out once, with one dictionary operation keyed by a name per
    /// person: a Thai name is hashed and compared through Unicode normalization (names equal to the
    /// eye are equal here too), which cost `people` about half a millisecond when it was done for
    /// every row and again at each growth of the dictionary.
    private let shown: [String: String]

    init(_ people: [Person], _ lang: Language) {
        var idsByName: [String: [String]] = Dictionary(minimumCapacity: people.count)
        for p in people { idsByName[p.name(lang), default: []].append(p.id) }
        var shown: [String: String] = Dictionary(minimumCapacity: people.count)
        for (name, ids) in idsByName {
            for id in ids { shown[id] = ids.count > 1 ? "\(name) (\(id))" : name }
        }
        self.shown = shown
    }

    /// The person's name ("ปิ่นแก้ว ฟ้าสมมุติวงศ์", or "… (P000005)" when another has it too); the id when unknown.
    func name(_ id: String) -> String {
        shown[id] ?? id
    }
}
