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
    private let byID: [String: String]
    private let shared: Set<String>

    init(_ people: [Person], _ lang: Language) {
        var byID: [String: String] = [:]
        var count: [String: Int] = [:]
        for p in people {
            let name = p.name(lang)
            byID[p.id] = name
            count[name, default: 0] += 1
        }
        self.byID = byID
        shared = Set(count.filter { $0.value > 1 }.map(\.key))
    }

    /// The person's name ("ปิ่นแก้ว ฟ้าสมมุติวงศ์", or "… (P000005)" when another has it too); the id when unknown.
    func name(_ id: String) -> String {
        guard let name = byID[id] else { return id }
        return shared.contains(name) ? "\(name) (\(id))" : name
    }
}
