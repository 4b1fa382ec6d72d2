/// Where a requirement value comes from: a real document (`source`: the seed memo and its item, an
/// OCSC letter by number and date, a regulation) or a department default still to be confirmed
/// against the binder (`confirm`). Every requirement value in `Data/` carries one or the other.
public struct Provenance: Sendable, Hashable {
    /// The document the value comes from, as written in the data ("OCSC letter นร 1013/27, 27 Aug 2010").
    public let source: String?
    /// True where the value is a department default still to be confirmed ("ค่าตั้งต้น รอยืนยัน").
    public let confirm: Bool

    public init(source: String?, confirm: Bool) { self.source = source; self.confirm = confirm }

    /// Nothing stated: treated as a default to confirm (the validator reports it).
    public static let unstated = Provenance(source: nil, confirm: true)
}

/// How many of one data file's values still wait for confirmation (`careerpath validate` prints it).
///
/// A value is one item that states a `source` or `confirm`: a promotion rule, a post's framework, an
/// obligation, a course, a method, a related line, a job line's competency requirements, the ladder's
/// expected competency levels, the "3 ต่าง" and counting parameters.
public struct ProvenanceCount: Sendable, Hashable {
    /// Relative to the data folder: `rules.yaml`, `directors/dir-news-bureau.yaml`.
    public let file: String
    /// Values that state where they come from.
    public let values: Int
    /// Of those, values still marked `confirm: true`.
    public let toConfirm: Int

    public init(file: String, values: Int, toConfirm: Int) {
        self.file = file; self.values = values; self.toConfirm = toConfirm
    }

    /// Counts per file, in the order the files were read.
    static func perFile(_ marks: [ProvenanceMark], root: String) -> [ProvenanceCount] {
        var order: [String] = []
        var counts: [String: (values: Int, toConfirm: Int)] = [:]
        for mark in marks {
            var file = mark.location.path
            if file.hasPrefix(root + "/") { file.removeFirst(root.count + 1) }
            if counts[file] == nil { order.append(file) }
            counts[file, default: (0, 0)].values += 1
            if mark.provenance.confirm { counts[file, default: (0, 0)].toConfirm += 1 }
        }
        return order.map { ProvenanceCount(file: $0, values: counts[$0]!.values, toConfirm: counts[$0]!.toConfirm) }
    }
}
