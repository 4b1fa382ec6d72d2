/// A development method (job rotation, acting assignment, coaching …).
public struct DevelopmentMethod: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    public let description: LocalizedText
    /// Gap kinds it closes: experience, competency, training, time-in-level, education.
    public let gapKinds: [String]
    /// Competencies it develops best (empty = any).
    public let competencies: [String]
    /// Typical duration in months.
    public let typicalMonths: Int
    /// Order in which to prefer it when several fit (1 = first).
    public let preference: Int
    /// Where the method and its typical duration come from (`coaching` is a department addition).
    public let provenance: Provenance

    public init(id: String, name: LocalizedText, description: LocalizedText, gapKinds: [String],
                competencies: [String], typicalMonths: Int, preference: Int, provenance: Provenance = .unstated) {
        self.id = id; self.name = name; self.description = description; self.gapKinds = gapKinds
        self.competencies = competencies; self.typicalMonths = typicalMonths; self.preference = preference
        self.provenance = provenance
    }
}

/// A course (นักบริหารระดับต้น, นบส.1 …).
public struct Course: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    public let provider: LocalizedText
    public let description: LocalizedText
    /// Levels from which one may enrol (empty = any).
    public let eligibleLevels: [String]
    /// Courses that must be completed first.
    public let prerequisites: [String]
    /// Competencies it develops.
    public let competencies: [String]
    /// Typical length in months (for plans).
    public let durationMonths: Int
    /// Years for which an agency's own curriculum stays certified (3); 0 = not applicable.
    public let certificationYears: Int
    /// Years a completion stays valid for appointment (0 = forever).
    public let validYears: Int
    /// The day the current certification of an agency's own curriculum began (`certified_on`);
    /// nil when not recorded. With `certificationYears`, when re-approval falls due.
    public let certifiedOn: CivilDate?
    /// True when someone at `level` may enrol (no eligible levels: anyone).
    public func admits(level: String) -> Bool { eligibleLevels.isEmpty || eligibleLevels.contains(level) }

    /// A selective programme (HiMM: chosen middle managers only): it may be suggested, never required.
    public let selective: Bool
    /// Where the course's conditions and figures come from.
    public let provenance: Provenance

    public init(id: String, name: LocalizedText, provider: LocalizedText, description: LocalizedText,
                eligibleLevels: [String], prerequisites: [String], competencies: [String],
                durationMonths: Int, certificationYears: Int, validYears: Int,
                selective: Bool = false, provenance: Provenance = .unstated, certifiedOn: CivilDate? = nil) {
        self.selective = selective; self.provenance = provenance; self.certifiedOn = certifiedOn
        self.id = id; self.name = name; self.provider = provider; self.description = description
        self.eligibleLevels = eligibleLevels; self.prerequisites = prerequisites
        self.competencies = competencies; self.durationMonths = durationMonths
        self.certificationYears = certificationYears; self.validYears = validYears
    }
}

/// A standing committee, task force or discussion group that people can join to build
/// experience or competencies (the concrete side of `committee-task-force` and `discussion-group`).
public struct WorkingGroup: Sendable, Hashable {
    public let id: String
    public let name: LocalizedText
    /// task-force | committee | discussion-group
    public let kind: String
    /// The unit that convenes it.
    public let unit: String
    public let workFields: [String]
    public let competencies: [String]
    public let typicalMonths: Int

    public init(id: String, name: LocalizedText, kind: String, unit: String, workFields: [String],
                competencies: [String], typicalMonths: Int) {
        self.id = id; self.name = name; self.kind = kind; self.unit = unit
        self.workFields = workFields; self.competencies = competencies; self.typicalMonths = typicalMonths
    }
}
