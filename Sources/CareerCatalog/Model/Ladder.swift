/// The four position types of the Civil Service Act B.E. 2551.
public struct PositionType: Sendable, Hashable {
    public let id: String            // general | knowledge | managerial | executive
    public let name: LocalizedText
    public let levels: [Level]       // lowest first

    public init(id: String, name: LocalizedText, levels: [Level]) {
        self.id = id; self.name = name; self.levels = levels
    }
}

/// One level of a position type (K3 ชำนาญการพิเศษ).
public struct Level: Sendable, Hashable {
    public let id: String            // K3
    public let type: String          // knowledge
    public let name: LocalizedText
    /// Position within its type, 1 = lowest.
    public let rank: Int
    /// OCSC expected competency level (0–5) for people at this level.
    public let expectedCompetency: Int
    /// Other spellings accepted on import: Thai level name, DPIS code, salary-table code.
    public let aliases: LevelAliases

    public init(id: String, type: String, name: LocalizedText, rank: Int, expectedCompetency: Int, aliases: LevelAliases) {
        self.id = id; self.type = type; self.name = name; self.rank = rank
        self.expectedCompetency = expectedCompetency; self.aliases = aliases
    }
}

public struct LevelAliases: Sendable, Hashable {
    /// DPIS code (managerial D1/D2, executive M1/M2; others as ours).
    public let dpis: String
    /// Salary-table Thai code (ท1, ว3, อ1, บ2).
    public let salaryCode: String

    public init(dpis: String, salaryCode: String) {
        self.dpis = dpis; self.salaryCode = salaryCode
    }
}

/// An education level; `rank` orders them (ปวช. lowest, ปริญญาเอก highest).
public struct Education: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    public let rank: Int

    public init(id: String, name: LocalizedText, rank: Int) {
        self.id = id; self.name = name; self.rank = rank
    }
}

/// A work field (ด้าน) in which experience is accumulated.
public struct WorkField: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id; self.name = name
    }
}

/// Where an item came from in `Data/`, so errors and the UI can point at it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path; self.line = line; self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}
