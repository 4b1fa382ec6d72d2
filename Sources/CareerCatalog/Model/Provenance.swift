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
