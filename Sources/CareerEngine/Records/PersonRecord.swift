import CareerCatalog

/// A civil servant as the store hands them to the engine: plain values, no I/O.
public struct Person: Sendable, Hashable, Codable {
    public var id: String
    public var nameTH: String
    public var nameEN: String
    public var unit: String
    public var jobLine: String
    public var level: String
    public var levelSince: CivilDate
    public var serviceStart: CivilDate
    public var education: String
    public var supervisorID: String?

    public init(id: String, nameTH: String, nameEN: String, unit: String, jobLine: String, level: String,
                levelSince: CivilDate, serviceStart: CivilDate, education: String, supervisorID: String?) {
        self.id = id; self.nameTH = nameTH; self.nameEN = nameEN; self.unit = unit; self.jobLine = jobLine
        self.level = level; self.levelSince = levelSince; self.serviceStart = serviceStart
        self.education = education; self.supervisorID = supervisorID
    }

    public func name(_ language: Language) -> String {
        language == .th ? (nameTH.isEmpty ? nameEN : nameTH) : (nameEN.isEmpty ? nameTH : nameEN)
    }

    /// The name as recorded in the other language ("" when none): shown beside `name(_:)`.
    public func otherName(_ language: Language) -> String {
        language == .th ? nameEN : nameTH
    }
}

/// How a person held an assignment; the role sets its weight.
public enum AssignmentRole: String, Sendable, Hashable, Codable, CaseIterable {
    case regular, rotation, acting, taskForce = "task-force", secondment
}

/// A period in a unit and work field. Both `start` and `end` days are included; `end == nil` is ongoing.
public struct Assignment: Sendable, Hashable, Codable {
    public var unit: String
    /// nil: the unit's first work field.
    public var field: String?
    public var role: AssignmentRole
    public var start: CivilDate
    public var end: CivilDate?

    public init(unit: String, field: String?, role: AssignmentRole, start: CivilDate, end: CivilDate?) {
        self.unit = unit; self.field = field; self.role = role; self.start = start; self.end = end
    }
}

public enum Assessor: String, Sendable, Hashable, Codable, CaseIterable {
    case `self`, supervisor, panel
}

public struct Assessment: Sendable, Hashable, Codable {
    public var competency: String
    public var level: Int
    public var assessedOn: CivilDate
    public var assessor: Assessor

    public init(competency: String, level: Int, assessedOn: CivilDate, assessor: Assessor) {
        self.competency = competency; self.level = level; self.assessedOn = assessedOn; self.assessor = assessor
    }
}

public struct CompletedTraining: Sendable, Hashable, Codable {
    public var course: String
    public var completedOn: CivilDate

    public init(course: String, completedOn: CivilDate) { self.course = course; self.completedOn = completedOn }
}

/// An earlier level held (the current one comes from `Person.level` / `levelSince`).
public struct LevelPeriod: Sendable, Hashable, Codable {
    public var jobLine: String
    public var level: String
    public var start: CivilDate
    public var end: CivilDate?

    public init(jobLine: String, level: String, start: CivilDate, end: CivilDate?) {
        self.jobLine = jobLine; self.level = level; self.start = start; self.end = end
    }
}

/// Everything the engine needs to know about one person.
public struct PersonRecord: Sendable, Hashable, Codable {
    public var person: Person
    public var assignments: [Assignment]
    public var assessments: [Assessment]
    public var trainings: [CompletedTraining]
    public var levelHistory: [LevelPeriod]

    public init(person: Person, assignments: [Assignment] = [], assessments: [Assessment] = [],
                trainings: [CompletedTraining] = [], levelHistory: [LevelPeriod] = []) {
        self.person = person; self.assignments = assignments; self.assessments = assessments
        self.trainings = trainings; self.levelHistory = levelHistory
    }
}
