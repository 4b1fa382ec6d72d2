/// A count of people shown in a report: a group smaller than `GroupCount.minimum` is shown as
/// "fewer than 5", never as its number (and nothing computed from it is shown either), so a
/// figure cannot point at one or two colleagues.
public enum GroupCount: Sendable, Hashable, Codable {
    case count(Int)
    case fewerThanMinimum

    /// The smallest group whose size and averages a report may show.
    public static let minimum = 5

    public init(_ n: Int) { self = n >= Self.minimum || n == 0 ? .count(n) : .fewerThanMinimum }

    /// The number, when it may be shown.
    public var shown: Int? { if case .count(let n) = self { return n } else { return nil } }

    /// Whether figures derived from the group (averages, shares) may be shown.
    public var isShown: Bool { shown.map { $0 > 0 } ?? false }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let n): try container.encode(n)
        case .fewerThanMinimum: try container.encode("fewer-than-\(Self.minimum)")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) { self = .count(n) } else { self = .fewerThanMinimum }
    }
}
