import Foundation
import Yams

/// The kinds of id the data defines and refers to; each has its own namespace.
enum IDKind: CaseIterable, Sendable {
    case positionType, level, education, workField, unit, standard, jobLine, directorPost
    case competency, competencyGroup, dictionary, method, course, workingGroup, promotionRule

    /// How an editor would call it in a sentence.
    var noun: String {
        switch self {
        case .positionType: "position type"
        case .level: "level"
        case .education: "education"
        case .workField: "work field"
        case .unit: "unit"
        case .standard: "standard"
        case .jobLine: "job line"
        case .directorPost: "director post"
        case .competency: "competency"
        case .competencyGroup: "competency group"
        case .dictionary: "competency dictionary"
        case .method: "development method"
        case .course: "course"
        case .workingGroup: "working group"
        case .promotionRule: "promotion rule to"
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
            diagnostics.error("duplicate \(kind.noun) id `\(id)` (first defined at \(first))", at: location)
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
    private(set) var obligations: [CourseRequirementMark] = []

    func record(_ mark: ProvenanceMark) { provenanceMarks.append(mark) }
    func oblige(course: String, post: String, at location: SourceLocation) {
        guard !course.isEmpty else { return }
        obligations.append(CourseRequirementMark(course: course, owner: post, location: location))
    }
    func require(course: String, by owner: String, at location: SourceLocation) {
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
    let owner: String
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

    func error(_ message: String, at node: Node) {
        diagnostics.error(message, at: location(of: node))
    }

    /// Empty or only spaces. Native, not Foundation's trimming: it runs for every text in the data.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// How a node looks, for "found …" in messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain && YAMLSource.isNull(scalar.string) { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "`\(text)`"
        }
    }

    /// The node as a mapping whose keys are all among `allowed`, or nil after reporting.
    func fields(_ node: Node, _ what: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping (`key: value` lines), found \(NodeReader.describe(node))", at: node)
            return nil
        }
        var pairs: [(key: String, value: Node)] = []
        pairs.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                error("a key in \(what) must be a plain name, found \(NodeReader.describe(keyNode))", at: keyNode)
                continue
            }
            if !allowed.contains(key.string) && !NodeReader.commonKeys.contains(key.string) {
                if key.string.contains(" ") || allowed == ["th", "en"], case .scalar(let v) = value, v.style == .plain, YAMLSource.isNull(v.string) {
                    // `{th: …, en: Director, News Bureau}`: the comma ended the text and began a key.
                    error("text with a comma inside `{…}` must be quoted: `\(key.string)` became a field of \(what); "
                          + "write it as \"…, \(key.string)\"", at: keyNode)
                } else {
                    error("unknown field `\(key.string)` in \(what)" + NearestID.hint(for: key.string, among: allowed), at: keyNode)
                }
                continue
            }
            if key.string == "confirm", bool(value, "`confirm` of \(what)") == nil { continue }
            pairs.append((key.string, value))
        }
        return Fields(reader: self, node: node, what: what, pairs: pairs)
    }

    /// A list node's items, or nil after reporting.
    func items(_ node: Node, _ what: String) -> [Node]? {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where scalar.style == .plain && YAMLSource.isNull(scalar.string): return []
        default:
            error("\(what) must be a list, found \(NodeReader.describe(node))", at: node)
            return nil
        }
    }

    /// A scalar's text, or nil after reporting.
    func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be text, found \(NodeReader.describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// An id (non-empty text), or "" after reporting.
    func id(_ node: Node, _ what: String) -> String {
        guard let text = string(node, what) else { return "" }
        if NodeReader.isBlank(text) {
            error("\(what) must not be empty", at: node)
            return ""
        }
        return text
    }

    func text(_ node: Node, _ what: String) -> LocalizedText {
        guard case .mapping = node else {
            error("\(what) must be Thai and English text `{th: …, en: …}`, found \(NodeReader.describe(node))", at: node)
            return LocalizedText(th: "", en: "")
        }
        guard let fields = fields(node, what, allowed: ["th", "en"]) else { return LocalizedText(th: "", en: "") }
        func language(_ key: String, _ name: String) -> String {
            guard let value = fields.value(key) else {
                error("\(what) is missing its \(name) text (`\(key)`)", at: node)
                return ""
            }
            guard let text = string(value, "the \(name) text of \(what)") else { return "" }
            if NodeReader.isBlank(text) {
                error("the \(name) text (`\(key)`) of \(what) is empty", at: value)
            }
            return text
        }
        return LocalizedText(th: language("th", "Thai"), en: language("en", "English"))
    }

    func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            error("\(what) must be a whole number, found \(NodeReader.describe(node))", at: node)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)", at: node)
            return nil
        }
        return value
    }

    func double(_ node: Node, _ what: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            error("\(what) must be a number, found \(NodeReader.describe(node))", at: node)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(scalar.string)", at: node)
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error("\(what) must be true or false, found \(NodeReader.describe(node))", at: node)
        return nil
    }

    /// One of a fixed set of words (unit kinds, gap kinds …), with a suggestion when mistyped.
    func word(_ node: Node, _ what: String, among allowed: [String]) -> String {
        guard let value = string(node, what) else { return "" }
        guard allowed.contains(value) else {
            let hint = NearestID.hint(for: value, among: allowed)
            error("\(what) `\(value)` is not one of \(allowed.joined(separator: ", "))\(hint)", at: node)
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
    let what: String
    let pairs: [(key: String, value: Node)]

    var registry: IDRegistry { reader.registry }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func location(_ key: String) -> SourceLocation {
        reader.location(of: value(key) ?? node)
    }

    /// The value, or nil after reporting it missing.
    func required(_ key: String) -> Node? {
        guard let value = value(key) else {
            reader.error("\(what) is missing `\(key)`", at: node)
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
        required(key).flatMap { reader.string($0, "`\(key)` of \(what)") } ?? ""
    }

    func optionalString(_ key: String) -> String? {
        optional(key).flatMap { reader.string($0, "`\(key)` of \(what)") }
    }

    /// The item's own id, registered as a definition of `kind`.
    func id(_ key: String = "id", defines kind: IDKind) -> String {
        guard let node = required(key) else { return "" }
        let id = reader.id(node, "`\(key)` of \(what)")
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
        let id = reader.id(node, "`\(key)` of \(what)")
        registry.refer(kind, id, at: reader.location(of: node), rule: rule)
        return id
    }

    /// A list of references; `required` lists must be present (they may be empty).
    func refs(_ key: String, _ kind: IDKind, required isRequired: Bool = false, rule: ReferenceRule = .exists) -> [String] {
        guard let node = isRequired ? required(key) : optional(key),
              let items = reader.items(node, "`\(key)` of \(what)") else { return [] }
        return items.compactMap { item in
            let id = reader.id(item, "an item of `\(key)` of \(what)")
            registry.refer(kind, id, at: reader.location(of: item), rule: rule)
            return id.isEmpty ? nil : id
        }
    }

    func text(_ key: String) -> LocalizedText {
        guard let node = required(key) else { return LocalizedText(th: "", en: "") }
        return reader.text(node, "`\(key)` of \(what)")
    }

    /// A `{th:, en:}` text that may be absent (nil).
    func optionalText(_ key: String) -> LocalizedText? {
        guard let node = optional(key) else { return nil }
        return reader.text(node, "`\(key)` of \(what)")
    }

    /// A whole number in `range`; absent → `defaultValue`, or reported missing when there is none.
    func int(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int? = nil) -> Int {
        let node = defaultValue == nil ? required(key) : optional(key)
        guard let node else { return defaultValue ?? range.lowerBound }
        return reader.int(node, "`\(key)` of \(what)", in: range) ?? defaultValue ?? range.lowerBound
    }

    func double(_ key: String, in range: ClosedRange<Double>) -> Double {
        guard let node = required(key) else { return range.lowerBound }
        return reader.double(node, "`\(key)` of \(what)", in: range) ?? range.lowerBound
    }

    /// `confirm: true` marks a default still to be confirmed; its type was checked with the other keys.
    var toConfirm: Bool {
        if case .scalar(let scalar)? = value("confirm") { return scalar.string.lowercased() == "true" }
        return false
    }

    /// This item's `source:` and `confirm:`, recorded for `validate`. An item that states neither, or
    /// `confirm: false` without a source, is reported: every requirement value says where it comes from.
    func provenance(_ item: String) -> Provenance {
        let source = optionalString("source").flatMap { NodeReader.isBlank($0) ? nil : $0 }
        let confirm = toConfirm
        // A `confirm:` that is not true or false was reported with the other keys; do not report it twice.
        var badConfirm = false
        if case .mapping(let mapping) = node { badConfirm = mapping["confirm"] != nil && value("confirm") == nil }
        if source == nil && !confirm && !badConfirm {
            let at = value("confirm") ?? value("source") ?? node
            reader.error("\(item) needs a `source` naming the document its values come from, "
                         + "or `confirm: true` (a department default to confirm against the binder)", at: at)
        }
        let provenance = Provenance(source: source, confirm: confirm)
        registry.record(ProvenanceMark(provenance: provenance, location: reader.location(of: node)))
        return provenance
    }

    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let node = optional(key) else { return defaultValue }
        return reader.bool(node, "`\(key)` of \(what)") ?? defaultValue
    }

    /// The items of a list; absent optional lists are empty.
    func list(_ key: String, required isRequired: Bool = true) -> [Node] {
        guard let node = isRequired ? required(key) : optional(key) else { return [] }
        return reader.items(node, "`\(key)` of \(what)") ?? []
    }

    /// Each item of a list as a mapping with the allowed keys; items that are not mappings are reported and skipped.
    func records(_ key: String, _ itemWhat: String, allowed: [String], required isRequired: Bool = true) -> [Fields] {
        list(key, required: isRequired).compactMap { reader.fields($0, itemWhat, allowed: allowed) }
    }
}
