/// A bureau, division, group, regional bureau or provincial office.
public struct Unit: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    /// A short name for where space is short ("สวท.", "Radio Thailand"); nil: the name is short enough.
    public let short: LocalizedText?
    /// bureau | division | center | group | regional-bureau | provincial-office
    public let kind: String
    public let parent: String?
    public let regional: Bool
    /// Province where the unit sits (English name, e.g. "Khon Kaen").
    public let province: String
    public let workFields: [String]

    public init(id: String, name: LocalizedText, kind: String, parent: String?, regional: Bool,
                province: String, workFields: [String], short: LocalizedText? = nil) {
        self.id = id; self.name = name; self.short = short; self.kind = kind; self.parent = parent
        self.regional = regional; self.province = province; self.workFields = workFields
    }

    /// The short name where there is one, else the name.
    public func shortName(_ language: Language) -> String { short?.text(language) ?? name.text(language) }
}
