import Foundation
import Yams

/// Loads and validates the reference data folder (`Data/`, layout in `docs/data.md`).
///
/// ```swift
/// let catalog = try CatalogLoader.load(from: URL(fileURLWithPath: "Data"))
/// ```
/// Every problem in every file is collected; none stops the load early. Error paths are relative
/// to the data folder's parent (`Data/job-lines/librarian.yaml:12:9`).
public enum CatalogLoader {
    /// The catalog, or every error found in the data.
    public static func load(from folder: URL) throws(CatalogErrors) -> Catalog {
        try result(from: folder).get()
    }

    /// The catalog, or every error found in the data, as a value.
    public static func result(from folder: URL) -> Result<Catalog, CatalogErrors> {
        let diagnostics = Diagnostics()
        let registry = IDRegistry(diagnostics: diagnostics)
        let folder = folder.standardizedFileURL
        let root = folder.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            return .failure(CatalogErrors([CatalogError(said("ไม่พบโฟลเดอร์ข้อมูล", "data folder not found"), at: SourceLocation(path: folder.path, line: 0, column: 0))]))
        }
        guard isDirectory.boolValue else {
            return .failure(CatalogErrors([CatalogError(said("ไม่ใช่โฟลเดอร์: ต้องเป็นโฟลเดอร์ข้อมูล (ที่มี ladder.yaml, job-lines/ …)",
                                                              "not a folder; expected the data folder (with ladder.yaml, job-lines/ …)"),
                                                        at: SourceLocation(path: folder.path, line: 0, column: 0))]))
        }
        let files = DataFolder(url: folder, root: root, registry: registry)
        let decoder = CatalogDecoder(registry: registry)

        let ladder = files.single("ladder.yaml", said("บันไดระดับ (`position_types:` และ `educations:`)", "the ladder (`position_types:` and `educations:`)"),
                                  kinds: [.positionType, .level, .education]).map(decoder.ladder)
        let rules = files.single("rules.yaml", said("หลักเกณฑ์การเลื่อนระดับ (`promotion_rules:` …)", "the promotion rules (`promotion_rules:` …)"),
                                 kinds: [.promotionRule]).map(decoder.rules)
        let workFields = files.single("work-fields.yaml", said("ด้านงาน (`work_fields:`)", "the work fields (`work_fields:`)"),
                                      kinds: [.workField]).map(decoder.workFields) ?? []
        let units = files.single("units.yaml", said("หน่วยงาน (`units:`)", "the units (`units:`)"), kinds: [.unit]).map(decoder.units) ?? []
        let standards = files.single("standards.yaml", said("มาตรฐานกำหนดตำแหน่ง (`standards:`)", "the standards (`standards:`)"),
                                     kinds: [.standard]).map(decoder.standards) ?? []
        let workingGroups = files.single("working-groups.yaml", said("คณะทำงาน (`working_groups:`)", "the working groups (`working_groups:`)"),
                                         kinds: [.workingGroup]).map(decoder.workingGroups) ?? []
        let methods = files.single("methods.yaml", said("วิธีการพัฒนา (`methods:`)", "the development methods (`methods:`)"),
                                   kinds: [.method]).map(decoder.methods) ?? []
        let courses = files.single("courses.yaml", said("หลักสูตร (`courses:`)", "the courses (`courses:`)"), kinds: [.course]).map(decoder.courses) ?? []
        let jobLines = files.each(in: "job-lines", said("สายงาน", "a job line"), kind: .jobLine).compactMap(decoder.jobLine)
        let directorPosts = files.each(in: "directors", said("ตำแหน่งผู้อำนวยการ", "a director post"), kind: .directorPost).compactMap(decoder.directorPost)
        // Optional: a data folder without executive posts has no executive targets.
        let executivePosts = files.each(in: "executives", said("ตำแหน่งประเภทบริหาร", "an executive post"), kinds: [.directorPost], optional: true)
            .compactMap(decoder.executivePost)
        let dictionaries = files.each(in: "competencies", said("พจนานุกรมสมรรถนะ", "a competency dictionary"),
                                      kinds: [.dictionary, .competency, .competencyGroup]).compactMap(decoder.dictionary)

        let positionTypes = ladder?.types ?? []
        CatalogValidator(registry: registry, positionTypes: positionTypes, jobLines: jobLines, units: units,
                         standards: standards, rules: rules?.rules ?? [], courses: courses,
                         posts: directorPosts + executivePosts).run()

        guard diagnostics.errors.isEmpty else { return .failure(CatalogErrors(diagnostics.errors)) }
        var catalog = Catalog(
            positionTypes: positionTypes,
            educations: ladder?.educations ?? [],
            workFields: workFields,
            promotionRules: rules?.rules ?? [],
            diverseExperience: rules?.diverse ?? DiverseExperienceRule(required: 3, minimumMonths: 12),
            experienceCounting: rules?.counting ?? ExperienceCounting(roleWeights: [:], rolesCountingAsManagement: [], daysPerMonth: 30.4375),
            standards: standards, jobLines: jobLines, directorPosts: directorPosts, units: units,
            dictionaries: dictionaries, methods: methods, courses: courses, workingGroups: workingGroups,
            executivePosts: executivePosts)
        catalog.expectedCompetencyProvenance = decoder.expectedCompetency
        catalog.provenanceCounts = ProvenanceCount.perFile(registry.provenanceMarks, root: root)
        return .success(catalog)
    }
}

/// The files of the data folder, read into root nodes with their display paths.
struct DataFolder {
    let url: URL
    let root: String
    let registry: IDRegistry

    /// A parsed file: its root node and a reader that reports with its path.
    struct Document {
        let node: Node
        let reader: NodeReader
        /// The file name without `.yaml`, which must match the id inside.
        let stem: String
    }

    /// A top-level file that must exist.
    func single(_ name: String, _ what: LocalizedText, kinds: [IDKind]) -> Document? {
        let path = "\(root)/\(name)"
        let file = url.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: file.path) else {
            registry.diagnostics.error(said("ไม่พบแฟ้ม: โฟลเดอร์ข้อมูลต้องมี \(name) ซึ่งเก็บ\(what.th)", "missing file: the data folder must have \(name) with \(what.en)"),
                                       at: SourceLocation(path: path, line: 0, column: 0))
            kinds.forEach { registry.markIncomplete($0) }
            return nil
        }
        guard let node = YAMLSource.compose(url: file, path: path, expecting: what, into: registry.diagnostics) else {
            kinds.forEach { registry.markIncomplete($0) }
            return nil
        }
        return Document(node: node, reader: NodeReader(path: path, registry: registry), stem: String(name.dropLast(5)))
    }

    func each(in folder: String, _ what: LocalizedText, kind: IDKind) -> [Document] { each(in: folder, what, kinds: [kind]) }

    /// Every `*.yaml` file of a sub-folder, in name order.
    func each(in folder: String, _ what: LocalizedText, kinds: [IDKind], optional: Bool = false) -> [Document] {
        let directory = url.appendingPathComponent(folder)
        let folderPath = "\(root)/\(folder)"
        if optional && !FileManager.default.fileExists(atPath: directory.path) { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            let one = what.en.hasPrefix("an ") ? what.en.dropFirst(3) : what.en.dropFirst(2)
            registry.diagnostics.error(said("ไม่พบโฟลเดอร์: โฟลเดอร์ข้อมูลต้องมี \(folder)/ ที่มีแฟ้มละหนึ่ง\(what.th)", "missing folder: the data folder must have \(folder)/ with one file per \(one)"),
                                       at: SourceLocation(path: folderPath, line: 0, column: 0))
            kinds.forEach { registry.markIncomplete($0) }
            return []
        }
        // A `.yml` file would be skipped silently, and its job line or post would just be missing.
        for name in names.sorted() where name.hasSuffix(".yml") && !name.hasPrefix(".") {
            registry.diagnostics.error(said("แฟ้มข้อมูลต้องลงท้ายด้วย .yaml: เปลี่ยนชื่อ \(name) เป็น \(name.dropLast(4)).yaml", "data files end in .yaml: rename \(name) to \(name.dropLast(4)).yaml"),
                                       at: SourceLocation(path: "\(folderPath)/\(name)", line: 0, column: 0))
        }
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            let path = "\(folderPath)/\(name)"
            guard let node = YAMLSource.compose(url: directory.appendingPathComponent(name), path: path,
                                                expecting: what, into: registry.diagnostics) else {
                kinds.forEach { registry.markIncomplete($0) }
                return nil
            }
            return Document(node: node, reader: NodeReader(path: path, registry: registry), stem: String(name.dropLast(5)))
        }
    }
}
