import Foundation
import Yams

/// The kinds of id the data defines and refers to; each has its own namespace.
enum IDKind: CaseIterable, Sendable {
    case positionType, level, education, workField, unit, standard, jobLine, directorPost
    case competency, competencyGroup, dictionary, method, course, workingGroup, promotionRule

    /// How an editor would call it in a sentence.
    var noun: LocalizedText {
        switch self {
        case .positionType: said("ประเภทตำแหน่ง", "position type")
        case .level: said("ระดับ", "level")
        case .education: said("วุฒิการศึกษา", "education")
        case .workField: said("ด้านงาน", "work field")
        case .unit: said("หน่วยงาน", "unit")
        case .standard: said("มาตรฐานกำหนดตำแหน่ง", "standard")
        case .jobLine: said("สายงาน", "job line")
        case .directorPost: said("ตำแหน่งผู้อำนวยการ", "director post")
        case .competency: said("สมรรถนะ", "competency")
        case .competencyGroup: said("กลุ่มสมรรถนะ", "competency group")
        case .dictionary: said("พจนานุกรมสมรรถนะ", "competency dictionary")
        case .method: said("วิธีการพัฒนา", "development method")
        case .course: said("หลักสูตร", "course")
        case .workingGroup: said("คณะทำงาน", "working group")
        case .promotionRule: said("หลักเกณฑ์การเลื่อนไปยังระดับ", "promotion rule to")
        }
    }
}

/// What, beyond existing, a referenced id must satisfy.
enum ReferenceRule: Sendable {
    case exists
    /// A level of this position type (a job line's levels).
    case levelOfType(String)
    /// A level of the given job line's type, or a managerial level (who may apply for a director post).
    case eligibleLevel(line: String)
    /// A standard for this position type (a job line's own, a director post's managerial one).
    case standardOfType(String)
}

/// A place in the data that names an id defined elsewhere; checked once everything is loaded.
struct Reference {
    let kind: IDKind
    let id: String
    let location: SourceLocation
    let rule: ReferenceRule
}

/// Definitions and references seen while loading, for the cross-reference pass.
final class IDRegistry {
    private(set) var definitions: [IDKind: [String: SourceLocation]] = [:]
    private(set) var references: [Reference] = []
    /// Kinds whose defining file could not be read: unknown-id errors for them would only be noise.
    private(set) var incomplete: Set<IDKind> = []
    let diagnostics: Diagnostics

    init(diagnostics: Diagnostics) { self.diagnostics = diagnostics }

    func define(_ kind: IDKind, _ id: String, at location: SourceLocation) {
        guard !id.isEmpty else { return }
        if let first = definitions[kind]?[id] {
            diagnostics.error(said("รหัส\(kind.noun.th) `\(id)` ซ้ำ (กำหนดครั้งแรกที่ \(first))", "duplicate \(kind.noun.en) id `\(id)` (first defined at \(first))"), at: location)
        } else {
            definitions[kind, default: [:]][id] = location
        }
    }

    func refer(_ kind: IDKind, _ id: String, at location: SourceLocation, rule: ReferenceRule = .exists) {
        guard !id.isEmpty else { return }
        references.append(Reference(kind: kind, id: id, location: location, rule: rule))
    }

    func markIncomplete(_ kinds: IDKind...) { incomplete.formUnion(kinds) }

    // MARK: What the validator checks once everything is loaded

    /// Every `source`/`confirm` the data states, in reading order: `validate` counts them per file.
    private(set) var provenanceMarks: [ProvenanceMark] = []
    /// Courses a post or a rule requires (a selective course may not be one of them).
    private(set) var requiredCourses: [CourseRequirementMark] = []
    /// Posts that set `diverse_experience: false` (a regulation's "3 ต่าง" cannot be switched off by a post).
    private(set) var diverseExperienceWaivers: [PostFlagMark] = []

    /// Courses an executive post obliges its holder to take after appointment; `owner` is the post id.
    private(set) var obligations: [ObligationMark] = []

    func record(_ mark: ProvenanceMark) { provenanceMarks.append(mark) }
    func oblige(course: String, post: String, at location: SourceLocation) {
        guard !course.isEmpty else { return }
        obligations.append(ObligationMark(course: course, post: post, location: location))
    }
    func require(course: String, by owner: LocalizedText, at location: SourceLocation) {
        guard !course.isEmpty else { return }
        requiredCourses.append(CourseRequirementMark(course: course, owner: owner, location: location))
    }
    func waiveDiverseExperience(post: String, level: String, at location: SourceLocation) {
        diverseExperienceWaivers.append(PostFlagMark(post: post, level: level, location: location))
    }
}

/// One item's stated provenance and where it was stated.
struct ProvenanceMark {
    let provenance: Provenance
    let location: SourceLocation
}

/// A course named as a requirement, by whom and where.
struct CourseRequirementMark {
    let course: String
    /// "post `dir-nbt`", "the rule to `S1`".
    let owner: LocalizedText
    let location: SourceLocation
}

/// A course an executive post obliges its holder to take after appointment.
struct ObligationMark {
    let course: String
    let post: String
    let location: SourceLocation
}

/// A post flag set against what its level's rule may require.
struct PostFlagMark {
    let post: String
    let level: String
    let location: SourceLocation
}

/// Typed access to the nodes of one file; every failed conversion reports the node's own mark.
struct NodeReader {
    let path: String
    let registry: IDRegistry
    var diagnostics: Diagnostics { registry.diagnostics }

    /// Keys allowed on any mapping: editors' markers that the program keeps or ignores.
    static let commonKeys = ["confirm", "source", "note"]

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ message: LocalizedText, at node: Node) {
        diagnostics.error(message, at: location(of: node))
    }

    /// Empty or only spaces. Native, not Foundation's trimming: it runs for every text in the data.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// How a node looks, for "found …" in messages.
    static func describe(_ node: Node) -> LocalizedText {
        switch node {
        case .mapping: return said("การจับคู่ (mapping)", "a mapping")
        case .sequence: return said("รายการ", "a list")
        case .alias: return said("ชื่อแฝง (alias)", "an alias")
        case .scalar(let scalar):
            if scalar.style == .plain && YAMLSource.isNull(scalar.string) { return said("ค่าว่าง", "nothing") }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return said("`\(text)`", "`\(text)`")
        }
    }

    /// "WHAT must be between LOW and HIGH, found VALUE".
    static func outOfRange(_ what: LocalizedText, _ low: some Numeric, _ high: some Numeric, _ value: String) -> LocalizedText {
        said("\(what.th) ต้องอยู่ระหว่าง \(low) ถึง \(high) แต่พบ \(value)", "\(what.en) must be between \(low) and \(high), found \(value)")
    }

    /// "`key` of WHAT": a field of the item `what` describes.
    static func field(_ key: String, of what: LocalizedText) -> LocalizedText {
        said("`\(key)` ของ\(what.th)", "`\(key)` of \(what.en)")
    }

    /// The node as a mapping whose keys are all among `allowed`, or nil after reporting.
    func fields(_ node: Node, _ what: LocalizedText, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            let found = NodeReader.describe(node)
            error(said("\(what.th) ต้องเป็นการจับคู่ (บรรทัดแบบ `key: value`) แต่พบ \(found.th)",
                       "\(what.en) must be a mapping (`key: value` lines), found \(found.en)"), at: node)
            return nil
        }
        var pairs: [(key: String, value: Node)] = []
        pairs.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                let found = NodeReader.describe(keyNode)
                error(said("คีย์ใน\(what.th) ต้องเป็นชื่อธรรมดา แต่พบ \(found.th)", "a key in \(what.en) must be a plain name, found \(found.en)"), at: keyNode)
                continue
            }
            if !allowed.contains(key.string) && !NodeReader.commonKeys.contains(key.string) {
                if key.string.contains(" ") || allowed == ["th", "en"], case .scalar(let v) = value, v.style == .plain, YAMLSource.isNull(v.string) {
                    // `{th: …, en: Director, News Bureau}`: the comma ended the text and began a key.
                    error(said("ข้อความที่มีจุลภาคใน `{…}` ต้องอยู่ในเครื่องหมายคำพูด: `\(key.string)` กลายเป็นช่องหนึ่งของ\(what.th) "
                               + "ให้เขียนเป็น \"…, \(key.string)\"",
                               "text with a comma inside `{…}` must be quoted: `\(key.string)` became a field of \(what.en); "
                               + "write it as \"…, \(key.string)\""), at: keyNode)
                } else {
                    error(said("ไม่รู้จักช่อง `\(key.string)` ใน\(what.th)", "unknown field `\(key.string)` in \(what.en)")
                          + NearestID.hintText(for: key.string, among: allowed), at: keyNode)
                }
                continue
            }
            if key.string == "confirm", bool(value, NodeReader.field("confirm", of: what)) == nil { continue }
            pairs.append((key.string, value))
        }
        return Fields(reader: self, node: node, what: what, pairs: pairs)
    }

    /// A list node's items, or nil after reporting.
    func items(_ node: Node, _ what: LocalizedText) -> [Node]? {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where scalar.style == .plain && YAMLSource.isNull(scalar.string): return []
        default:
            let found = NodeReader.describe(node)
            error(said("\(what.th) ต้องเป็นรายการ แต่พบ \(found.th)", "\(what.en) must be a list, found \(found.en)"), at: node)
            return nil
        }
    }

    /// A scalar's text, or nil after reporting.
    func string(_ node: Node, _ what: LocalizedText) -> String? {
        guard case .scalar(let scalar) = node else {
            let found = NodeReader.describe(node)
            error(said("\(what.th) ต้องเป็นข้อความ แต่พบ \(found.th)", "\(what.en) must be text, found \(found.en)"), at: node)
            return nil
        }
        return scalar.string
    }

    /// An id (non-empty text), or "" after reporting.
    func id(_ node: Node, _ what: LocalizedText) -> String {
        guard let text = string(node, what) else { return "" }
        if NodeReader.isBlank(text) {
            error(said("\(what.th) ต้องไม่ว่าง", "\(what.en) must not be empty"), at: node)
            return ""
        }
        return text
    }

    func text(_ node: Node, _ what: LocalizedText) -> LocalizedText {
        guard case .mapping = node else {
            let found = NodeReader.describe(node)
            error(said("\(what.th) ต้องเป็นข้อความภาษาไทยและอังกฤษ `{th: …, en: …}` แต่พบ \(found.th)",
                       "\(what.en) must be Thai and English text `{th: …, en: …}`, found \(found.en)"), at: node)
            return LocalizedText(th: "", en: "")
        }
        guard let fields = fields(node, what, allowed: ["th", "en"]) else { return LocalizedText(th: "", en: "") }
        func language(_ key: String, _ name: LocalizedText) -> String {
            guard let value = fields.value(key) else {
                error(said("\(what.th)ไม่มีข้อความ\(name.th) (`\(key)`)", "\(what.en) is missing its \(name.en) text (`\(key)`)"), at: node)
                return ""
            }
            guard let text = string(value, said("ข้อความ\(name.th)ของ\(what.th)", "the \(name.en) text of \(what.en)")) else { return "" }
            if NodeReader.isBlank(text) {
                error(said("ข้อความ\(name.th) (`\(key)`) ของ\(what.th)ว่าง", "the \(name.en) text (`\(key)`) of \(what.en) is empty"), at: value)
            }
            return text
        }
        return LocalizedText(th: language("th", said("ภาษาไทย", "Thai")), en: language("en", said("ภาษาอังกฤษ", "English")))
    }

    func int(_ node: Node, _ what: LocalizedText, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            let found = NodeReader.describe(node)
            error(said("\(what.th) ต้องเป็นจำนวนเต็ม แต่พบ \(found.th)", "\(what.en) must be a whole number, found \(found.en)"), at: node)
            return nil
        }
        guard range.contains(value) else {
            error(Self.outOfRange(what, range.lowerBound, range.upperBound, "\(value)"), at: node)
            return nil
        }
        return value
    }

    func double(_ node: Node, _ what: LocalizedText, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            let found = NodeReader.describe(node)
            error(said("\(what.th) ต้องเป็นตัวเลข แต่พบ \(found.th)", "\(what.en) must be a number, found \(found.en)"), at: node)
            return nil
        }
        guard range.contains(value) else {
            error(Self.outOfRange(what, range.lowerBound, range.upperBound, scalar.string), at: node)
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ what: LocalizedText) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        let found = NodeReader.describe(node)
        error(said("\(what.th) ต้องเป็น true หรือ false แต่พบ \(found.th)", "\(what.en) must be true or false, found \(found.en)"), at: node)
        return nil
    }

    /// One of a fixed set of words (unit kinds, gap kinds …), with a suggestion when mistyped.
    func word(_ node: Node, _ what: LocalizedText, among allowed: [String]) -> String {
        guard let value = string(node, what) else { return "" }
        guard allowed.contains(value) else {
            let words = allowed.joined(separator: ", ")
            error(said("\(what.th) `\(value)` ไม่ใช่ค่าใดใน \(words)", "\(what.en) `\(value)` is not one of \(words)")
                  + NearestID.hintText(for: value, among: allowed), at: node)
            return value
        }
        return value
    }
}

/// The fields of one mapping, with the conversions a data file needs.
///
/// Missing required fields are reported at the mapping; bad values at the value. Converters return
/// a neutral value after reporting so that loading goes on and every error is found in one run.
struct Fields {
    let reader: NodeReader
    let node: Node
    let what: LocalizedText
    let pairs: [(key: String, value: Node)]

    var registry: IDRegistry { reader.registry }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func location(_ key: String) -> SourceLocation {
        reader.location(of: value(key) ?? node)
    }

    /// The value, or nil after reporting it missing.
    func required(_ key: String) -> Node? {
        guard let value = value(key) else {
            reader.error(said("\(what.th)ไม่มี `\(key)`", "\(what.en) is missing `\(key)`"), at: node)
            return nil
        }
        return value
    }

    /// The value, or nil when absent or null.
    func optional(_ key: String) -> Node? {
        guard let value = value(key) else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain, YAMLSource.isNull(scalar.string) { return nil }
        return value
    }

    func string(_ key: String) -> String {
        required(key).flatMap { reader.string($0, NodeReader.field(key, of: what)) } ?? ""
    }

    func optionalString(_ key: String) -> String? {
        optional(key).flatMap { reader.string($0, NodeReader.field(key, of: what)) }
    }

    /// The item's own id, registered as a definition of `kind`.
    func id(_ key: String = "id", defines kind: IDKind) -> String {
        guard let node = required(key) else { return "" }
        let id = reader.id(node, NodeReader.field(key, of: what))
        registry.define(kind, id, at: reader.location(of: node))
        return id
    }

    /// A required reference to an id of `kind`.
    func ref(_ key: String, _ kind: IDKind, rule: ReferenceRule = .exists) -> String {
        guard let node = required(key) else { return "" }
        return reference(node, key, kind, rule)
    }

    /// An optional reference; nil when absent or null.
    func optionalRef(_ key: String, _ kind: IDKind, rule: ReferenceRule = .exists) -> String? {
        guard let node = optional(key) else { return nil }
        let id = reference(node, key, kind, rule)
        return id.isEmpty ? nil : id
    }

    private func reference(_ node: Node, _ key: String, _ kind: IDKind, _ rule: ReferenceRule) -> String {
        let id = reader.id(node, NodeReader.field(key, of: what))
        registry.refer(kind, id, at: reader.location(of: node), rule: rule)
        return id
    }

    /// A list of references; `required` lists must be present (they may be empty).
    func refs(_ key: String, _ kind: IDKind, required isRequired: Bool = false, rule: ReferenceRule = .exists) -> [String] {
        guard let node = isRequired ? required(key) : optional(key),
              let items = reader.items(node, NodeReader.field(key, of: what)) else { return [] }
        return items.compactMap { item in
            let id = reader.id(item, said("รายการหนึ่งของ", "an item of ") + NodeReader.field(key, of: what))
            registry.refer(kind, id, at: reader.location(of: item), rule: rule)
            return id.isEmpty ? nil : id
        }
    }

    func text(_ key: String) -> LocalizedText {
        guard let node = required(key) else { return LocalizedText(th: "", en: "") }
        return reader.text(node, NodeReader.field(key, of: what))
    }

    /// A `{th:, en:}` text that may be absent (nil).
    func optionalText(_ key: String) -> LocalizedText? {
        guard let node = optional(key) else { return nil }
        return reader.text(node, NodeReader.field(key, of: what))
    }

    /// A whole number in `range`; absent → `defaultValue`, or reported missing when there is none.
    func int(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int? = nil) -> Int {
        let node = defaultValue == nil ? required(key) : optional(key)
        guard let node else { return defaultValue ?? range.lowerBound }
        return reader.int(node, NodeReader.field(key, of: what), in: range) ?? defaultValue ?? range.lowerBound
    }

    func double(_ key: String, in range: ClosedRange<Double>) -> Double {
        guard let node = required(key) else { return range.lowerBound }
        return reader.double(node, NodeReader.field(key, of: what), in: range) ?? range.lowerBound
    }

    /// `confirm: true` marks a default still to be confirmed; its type was checked with the other keys.
    var toConfirm: Bool {
        if case .scalar(let scalar)? = value("confirm") { return scalar.string.lowercased() == "true" }
        return false
    }

    /// This item's `source:` and `confirm:`, recorded for `validate`. An item that states neither, or
    /// `confirm: false` without a source, is reported: every requirement value says where it comes from.
    func provenance(_ item: LocalizedText) -> Provenance {
        let source = optionalString("source").flatMap { NodeReader.isBlank($0) ? nil : $0 }
        let confirm = toConfirm
        // A `confirm:` that is not true or false was reported with the other keys; do not report it twice.
        var badConfirm = false
        if case .mapping(let mapping) = node { badConfirm = mapping["confirm"] != nil && value("confirm") == nil }
        if source == nil && !confirm && !badConfirm {
            let at = value("confirm") ?? value("source") ?? node
            reader.error(said("\(item.th) ต้องมี `source` ที่ระบุเอกสารซึ่งเป็นที่มาของค่า "
                              + "หรือ `confirm: true` (ค่าตั้งต้นของกรมที่ต้องยืนยันกับแฟ้มระเบียบ)",
                              "\(item.en) needs a `source` naming the document its values come from, "
                              + "or `confirm: true` (a department default to confirm against the binder)"), at: at)
        }
        let provenance = Provenance(source: source, confirm: confirm)
        registry.record(ProvenanceMark(provenance: provenance, location: reader.location(of: node)))
        return provenance
    }

    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let node = optional(key) else { return defaultValue }
        return reader.bool(node, NodeReader.field(key, of: what)) ?? defaultValue
    }

    /// The items of a list; absent optional lists are empty.
    func list(_ key: String, required isRequired: Bool = true) -> [Node] {
        guard let node = isRequired ? required(key) : optional(key) else { return [] }
        return reader.items(node, NodeReader.field(key, of: what)) ?? []
    }

    /// Each item of a list as a mapping with the allowed keys; items that are not mappings are reported and skipped.
    func records(_ key: String, _ itemWhat: LocalizedText, allowed: [String], required isRequired: Bool = true) -> [Fields] {
        list(key, required: isRequired).compactMap { reader.fields($0, itemWhat, allowed: allowed) }
    }
}
