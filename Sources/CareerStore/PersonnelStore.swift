import CareerCatalog
import CareerEngine
import Foundation
import LocalSystem

/// The personnel store: an SQLite file (the default, nothing to install) or a PostgreSQL database
/// (`postgres://…`, one record for several offices), behind the same code (`StoreDatabase`).
///
/// Usage:
/// ```swift
/// let store = try PersonnelStore(location: StoreLocation.resolve(option: nil))
/// let record = try store.record(personID: "P00042", viewer: .supervisor(personID: "P00007"), screen: "gaps")
/// ```
/// Every read goes through `Viewer` checks. The audit of what people look at lives here and only
/// here: each `record(personID:viewer:screen:)` (a record read for display) writes one `view` row;
/// lists and names (`people`, `person`, a supervisor chain) and bulk reads for reports are not views.
public final class PersonnelStore: RecordStore, Sendable {
    /// The database; the importer, plans, accounts and the audit log write through it.
    public let database: any StoreDatabase
    /// The SQLite file's path, or the PostgreSQL URL without secrets.
    public let path: String
    /// How long an SQLite write waits for another connection's write to end before it fails, in seconds.
    public static let busyTimeout: TimeInterval = SQLiteDatabase.busyTimeout
    /// Which terminal the audit log names (tty path, or "" when not known).
    public let terminal: String

    /// Opens and migrates the SQLite file at `path` (creating it, with its folder, if needed).
    public convenience init(path: String, terminal: String = StoreLocation.currentTerminal()) throws {
        try self.init(database: try SQLiteDatabase(path: path), terminal: terminal)
    }

    /// Opens and migrates the store at `location`: a `postgres://` URL or an SQLite file path.
    public convenience init(location: String, terminal: String = StoreLocation.currentTerminal()) throws {
        if PostgresLocation.isURL(location) {
            try self.init(database: try PostgresStoreDatabase(location: PostgresLocation(url: location)), terminal: terminal)
        } else {
            try self.init(path: location, terminal: terminal)
        }
    }

    /// Migrates `database` to the schema this program knows (`StoreSchema`); refuses a newer one.
    public init(database: any StoreDatabase, terminal: String = StoreLocation.currentTerminal(), migrate: Bool = true) throws {
        self.database = database
        self.path = database.location
        self.terminal = terminal
        if migrate { try StoreSchema.migrate(database) }
    }

    /// The store at the PostgreSQL URL `location`, not connected yet: for a screen that opens while
    /// the server cannot be reached and calls `connect()` until it answers.
    public static func unconnected(location: String, terminal: String = StoreLocation.currentTerminal()) throws -> PersonnelStore {
        try PersonnelStore(database: try PostgresStoreDatabase(location: PostgresLocation(url: location), connectNow: false),
                           terminal: terminal, migrate: false)
    }

    /// Connects (again) and migrates, as opening does: `StoreUnavailable` while the server cannot be reached.
    public func connect() throws {
        try StoreSchema.migrate(database)
    }

    /// Closes the store when nothing will use it again. A SQLite file is checkpointed on the way: its
    /// records are then in the `.sqlite` file alone (the -wal and -shm files go), so a copy of that
    /// file is a whole backup. A server connection is closed. The screens call it when they end.
    public func close() throws {
        try database.close()
    }

    /// Whether the store is on a PostgreSQL server.
    public var isPostgres: Bool { database.dialect == .postgres }

    /// Removes the database at `path` with its -wal and -shm files: for a database this run created
    /// and then could not fill (a refused import), so no empty file is left behind. Call after the
    /// store that opened it is gone. (Nothing for a PostgreSQL URL: a server database is not removed.)
    public static func removeFiles(atPath path: String) {
        guard !PostgresLocation.isURL(path) else { return }
        SQLiteDatabase.removeFiles(atPath: path)
    }

    // MARK: RecordStore

    public func people(unit: String?, viewer: Viewer) throws -> [Person] {
        try database.read { db in
            var sql = "SELECT \(Self.personColumns) FROM people"
            var arguments: SQLArguments = []
            var conditions: [String] = []
            if let unit { conditions.append("unit = ?"); arguments += [unit] }
            if let scope = Self.scopeSQL(viewer) { conditions.append(scope.sql); arguments += scope.arguments }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY id"
            let rows = try SQLRow.fetchCursor(db, sql: sql, arguments: arguments)
            var people: [Person] = []
            while let row = try rows.next() { people.append(try Self.person(row)) }
            return people
        }
    }

    public func record(personID: String, viewer: Viewer, screen: String) throws -> PersonRecord? {
        let record: PersonRecord? = try database.read { db in
            guard try Self.exists(db, personID) else { return nil }
            guard try Self.canSee(db, viewer: viewer, personID: personID) else {
                throw AccessDenied(viewer: viewer, personID: personID)
            }
            return try Self.loadRecords(db, where: "person_id = ?", peopleWhere: "id = ?", arguments: [personID]).first
        }
        if record != nil {
            try audit(actor: viewer, subject: personID, action: "view", screen: screen)
        }
        return record
    }

    public func allRecords(viewer: Viewer) throws -> [PersonRecord] {
        try database.read { db in
            guard let scope = Self.scopeSQL(viewer) else {
                return try Self.loadRecords(db, where: nil, peopleWhere: nil, arguments: [])
            }
            return try Self.loadRecords(db, where: "person_id IN (SELECT id FROM people WHERE \(scope.sql))",
                                        peopleWhere: scope.sql, arguments: scope.arguments)
        }
    }

    public func candidateRecords(pairs: [(jobLine: String, level: String)], viewer: Viewer) throws -> CandidateRoster {
        guard let pairsSQL = Self.pairsSQL(pairs) else { return CandidateRoster(records: [], supervisors: []) }
        var condition = pairsSQL.sql
        var arguments = pairsSQL.arguments
        let scope = Self.scopeSQL(viewer)
        if let scope { condition = "(\(condition)) AND \(scope.sql)"; arguments += scope.arguments }
        return try database.read { db in
            // Candidates come from the (job_line, level) index; histories by person_id, a few set queries.
            let records = try Self.loadRecords(db, where: "person_id IN (SELECT id FROM people WHERE \(condition))",
                                               peopleWhere: condition, arguments: arguments)
            // Everyone above a candidate (UNION stops at cycles), then only those the viewer may see.
            var above = """
                WITH RECURSIVE above(id) AS (
                    SELECT supervisor_id FROM people WHERE \(condition)
                    UNION SELECT p.supervisor_id FROM people p JOIN above a ON p.id = a.id)
                SELECT \(Self.personColumns) FROM people WHERE id IN (SELECT id FROM above)
                """
            var aboveArguments = arguments
            if let scope { above += " AND \(scope.sql)"; aboveArguments += scope.arguments }
            let supervisors = try SQLRow.fetchAll(db, sql: above + " ORDER BY id", arguments: aboveArguments).map(Self.person)
            return CandidateRoster(records: records, supervisors: supervisors)
        }
    }

    // MARK: more queries

    /// Whether `viewer` may see `personID` (false also when the person does not exist).
    public func canView(personID: String, viewer: Viewer) throws -> Bool {
        try database.read { db in try Self.exists(db, personID) && Self.canSee(db, viewer: viewer, personID: personID) }
    }

    /// One person's name, unit and post, without their histories, when `viewer` may see them (nil
    /// otherwise, or when there is no such person). Not audited: a name in a supervisor chain or a
    /// list is not a record shown (`people(unit:viewer:)` is not audited either).
    ///
    ///     let boss = try store.person(personID: "P000011", viewer: .supervisor(personID: "P000011"))
    public func person(personID: String, viewer: Viewer) throws -> Person? {
        try database.read { db in
            guard try Self.canSee(db, viewer: viewer, personID: personID) else { return nil }
            return try SQLRow.fetchOne(db, sql: "SELECT \(Self.personColumns) FROM people WHERE id = ?", arguments: [personID]).map(Self.person)
        }
    }

    /// Direct subordinates of `supervisorID`, sorted by id, as `viewer` may see them.
    public func directReports(of supervisorID: String, viewer: Viewer) throws -> [Person] {
        try database.read { db in
            guard try Self.canSee(db, viewer: viewer, personID: supervisorID) else {
                throw AccessDenied(viewer: viewer, personID: supervisorID)
            }
            return try SQLRow.fetchAll(db, sql: "SELECT \(Self.personColumns) FROM people WHERE supervisor_id = ? ORDER BY id",
                                    arguments: [supervisorID]).map(Self.person)
        }
    }

    /// Number of people in the store (no access check: a count reveals no one).
    public func peopleCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM people") ?? 0 }
    }

    /// Row counts of the record tables, for checks and reports.
    public func tableCounts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for table in ["people"] + StoreSchema.historyTables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// Every row of the record tables as text, in a stable order: two equal snapshots mean
    /// the records did not change (used to prove a refused import wrote nothing).
    public func recordsSnapshot() throws -> String {
        try database.read { db in
            var out = ""
            for table in ["people"] + StoreSchema.historyTables {
                let rows = try SQLRow.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1")
                out += "\(table): \(rows.count)\n"
                for row in rows { out += row.description + "\n" }
            }
            return out
        }
    }

    /// Appends a row to the audit log.
    public func audit(actor: Viewer, subject: String?, action: String, screen: String, detail: String = "") throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO audit_log (at, actor, subject, action, screen, terminal, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [AuditClock.timestamp(Date()), actor.auditName, subject, action, screen, terminal, detail])
        }
    }

    // MARK: access

    /// SQL restricting `people` to what `viewer` may see; nil = everyone.
    static func scopeSQL(_ viewer: Viewer) -> (sql: String, arguments: SQLArguments)? {
        switch viewer {
        case .system, .hr: return nil
        case .person(let id): return ("id = ?", [id])
        case .supervisor(let id):
            return ("""
                id IN (WITH RECURSIVE chain(id) AS (SELECT id FROM people WHERE id = ? UNION SELECT p.id FROM people p JOIN chain c ON p.supervisor_id = c.id)
                SELECT id FROM chain)
                """, [id])
        }
    }

    /// `(job_line = ? AND level IN (?, …)) OR …`, one term per line (each a search of the
    /// `people_line_level` index); nil when there are no pairs.
    static func pairsSQL(_ pairs: [(jobLine: String, level: String)]) -> (sql: String, arguments: SQLArguments)? {
        var levelsByLine: [String: [String]] = [:]
        for pair in pairs where levelsByLine[pair.jobLine]?.contains(pair.level) != true {
            levelsByLine[pair.jobLine, default: []].append(pair.level)
        }
        guard !levelsByLine.isEmpty else { return nil }
        var terms: [String] = []
        var arguments: SQLArguments = []
        for (line, levels) in levelsByLine.sorted(by: { $0.key < $1.key }) {
            terms.append("(job_line = ? AND level IN (\(Array(repeating: "?", count: levels.count).joined(separator: ", "))))")
            arguments += [line]
            arguments += SQLArguments(levels)
        }
        return (terms.joined(separator: " OR "), arguments)
    }

    static func canSee(_ db: StoreSession, viewer: Viewer, personID: String) throws -> Bool {
        switch viewer {
        case .system, .hr: return true
        case .person(let id): return id == personID
        case .supervisor(let id):
            // Walk up from the person: the supervisor must be on the chain above (or be them).
            var current: String? = personID
            var seen: Set<String> = []
            while let at = current, seen.insert(at).inserted {
                if at == id { return true }
                current = try String.fetchOne(db, sql: "SELECT supervisor_id FROM people WHERE id = ?", arguments: [at])
            }
            return false
        }
    }

    static func exists(_ db: StoreSession, _ id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?)", arguments: [id]) ?? false
    }

    // MARK: decoding

    static func date(_ text: String?, _ what: String) throws -> CivilDate {
        guard let text, let date = isoDate(text) ?? CivilDate(iso: text) else { throw StoreError.corrupt("bad \(what) `\(text ?? "NULL")`") }
        return date
    }

    /// `YYYY-MM-DD` read from its bytes (loading a pool reads hundreds of thousands of dates);
    /// nil for anything else, which `CivilDate(iso:)` then judges.
    static func isoDate(_ text: String) -> CivilDate? {
        var text = text
        return text.withUTF8 { b -> CivilDate? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            var parts = (0, 0, 0)
            for (i, byte) in b.enumerated() where i != 4 && i != 7 {
                let digit = byte &- 0x30
                guard digit < 10 else { return nil }
                if i < 4 { parts.0 = parts.0 * 10 + Int(digit) } else if i < 7 { parts.1 = parts.1 * 10 + Int(digit) } else { parts.2 = parts.2 * 10 + Int(digit) }
            }
            return CivilDate(year: parts.0, month: parts.1, day: parts.2)
        }
    }

    /// The columns `person(_:)` reads, in its order: every query that builds people selects these.
    static let personColumns = "id, name_th, name_en, unit, job_line, level, level_since, service_start, education, supervisor_id"

    /// A person from a row of `personColumns`, read by position: a lookup by name lowercases the
    /// name for every column of every row (a measurable part of listing people).
    static func person(_ row: SQLRow) throws -> Person {
        Person(id: row[0], nameTH: row[1], nameEN: row[2], unit: row[3],
               jobLine: row[4], level: row[5],
               levelSince: try date(row[6], "level_since"),
               serviceStart: try date(row[7], "service_start"),
               education: row[8], supervisorID: row[9])
    }

    /// Loads people and their histories in a few set queries (not one per person), grouped in memory.
    /// Histories are read in whatever order the database finds them (an ORDER BY would sort every row in a
    /// temporary b-tree, most of the cost of a candidate query) and put in date, then id, order per person.
    /// `competencies`: only the assessments of these (all when nil). `historyArguments`: the
    /// arguments of `condition` when they differ from `peopleWhere`'s.
    static func loadRecords(_ db: StoreSession, where condition: String?, peopleWhere: String?,
                            arguments: SQLArguments, historyArguments: SQLArguments? = nil, histories: RecordHistories = .all,
                            competencies: Set<String>? = nil) throws -> [PersonRecord] {
        let filter = condition.map { " WHERE \($0)" } ?? ""
        let peopleArguments = arguments
        let arguments = historyArguments ?? arguments
        var records: [PersonRecord] = []
        var index: [String: Int] = [:]
        let people = try SQLRow.fetchCursor(db, sql: "SELECT \(personColumns) FROM people\(peopleWhere.map { " WHERE \($0)" } ?? "") ORDER BY id",
                                         arguments: peopleArguments)
        while let row = try people.next() {
            let person = try person(row)
            index[person.id] = records.count
            records.append(PersonRecord(person: person))
        }
        // Row ids per person and kind, to order each history by (date, id) afterwards.
        var ids = [[Int64]](repeating: [], count: records.count)
        // A person's rows mostly come together: compare with the last id before hashing.
        var lastID = "", lastIndex: Int?
        func position(_ id: String) -> Int? {
            if id == lastID { return lastIndex }
            lastID = id
            lastIndex = index[id]
            return lastIndex
        }
        func ordered<T>(_ items: inout [T], _ ids: [Int64], by date: (T) -> CivilDate) {
            guard items.count > 1 else { return }
            var sorted = true
            for k in 1..<items.count where (date(items[k - 1]), ids[k - 1]) > (date(items[k]), ids[k]) { sorted = false; break }
            if sorted { return }
            let order = items.indices.sorted { (date(items[$0]), ids[$0]) < (date(items[$1]), ids[$1]) }
            items = order.map { items[$0] }
        }

        if histories.contains(.assignments) {
            let assignments = try SQLRow.fetchCursor(db, sql: "SELECT person_id, unit, field, role, start, \"end\", id FROM assignments\(filter)", arguments: arguments)
            while let row = try assignments.next() {
                guard let i = position(row[0]) else { continue }
                let roleText: String = row[3]
                guard let role = AssignmentRole(rawValue: roleText) else { throw StoreError.corrupt("bad role `\(roleText)`") }
                let end: String? = row[5]
                records[i].assignments.append(Assignment(unit: row[1], field: row[2], role: role,
                                                         start: try date(row[4], "start"),
                                                         end: try end.map { try date($0, "end") }))
                ids[i].append(row[6])
        }
        for i in records.indices { ordered(&records[i].assignments, ids[i], by: \.start); ids[i].removeAll(keepingCapacity: true) }
        }

        if histories.contains(.assessments) && competencies?.isEmpty != true {
            // Only the assessments that count (`Assessment.counts`: not self) when self-assessments are not asked for,
            // and only of `competencies` when given.
            var conditions = condition.map { ["(\($0))"] } ?? []
            var assessmentArguments = arguments
            if !histories.contains(.selfAssessments) { conditions.append("assessor <> 'self'") }
            if let competencies {
                conditions.append("competency IN (\(Array(repeating: "?", count: competencies.count).joined(separator: ", ")))")
                assessmentArguments += SQLArguments(competencies.sorted())
            }
            let assessments = try SQLRow.fetchCursor(db, sql: "SELECT person_id, competency, level, assessed_on, assessor, id FROM assessments"
                                                         + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")),
                                                     arguments: assessmentArguments)
            while let row = try assessments.next() {
                guard let i = position(row[0]) else { continue }
                let assessorText: String = row[4]
                guard let assessor = Assessor(rawValue: assessorText) else { throw StoreError.corrupt("bad assessor `\(assessorText)`") }
                records[i].assessments.append(Assessment(competency: row[1], level: row[2],
                                                         assessedOn: try date(row[3], "assessed_on"), assessor: assessor))
                ids[i].append(row[5])
        }
        for i in records.indices { ordered(&records[i].assessments, ids[i], by: \.assessedOn); ids[i].removeAll(keepingCapacity: true) }
        }

        if histories.contains(.trainings) {
            let trainings = try SQLRow.fetchCursor(db, sql: "SELECT person_id, course, completed_on, id FROM trainings\(filter)", arguments: arguments)
            while let row = try trainings.next() {
                guard let i = position(row[0]) else { continue }
                records[i].trainings.append(CompletedTraining(course: row[1], completedOn: try date(row[2], "completed_on")))
                ids[i].append(row[3])
        }
        for i in records.indices { ordered(&records[i].trainings, ids[i], by: \.completedOn); ids[i].removeAll(keepingCapacity: true) }
        }

        if histories.contains(.levelHistory) {
            let history = try SQLRow.fetchCursor(db, sql: "SELECT person_id, job_line, level, start, \"end\", id FROM level_history\(filter)", arguments: arguments)
            while let row = try history.next() {
                guard let i = position(row[0]) else { continue }
                let end: String? = row[4]
                records[i].levelHistory.append(LevelPeriod(jobLine: row[1], level: row[2], start: try date(row[3], "start"),
                                                           end: try end.map { try date($0, "end") }))
                ids[i].append(row[5])
        }
        for i in records.indices { ordered(&records[i].levelHistory, ids[i], by: \.start) }
        }
        return records
    }
}

/// Which histories `loadRecords` reads with each person; the others are left empty. The unit
/// reports count only supervisor and panel assessments and trainings (`training`).
public struct RecordHistories: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let assignments = RecordHistories(rawValue: 1)
    public static let assessments = RecordHistories(rawValue: 2)
    public static let trainings = RecordHistories(rawValue: 4)
    public static let levelHistory = RecordHistories(rawValue: 8)
    /// With `assessments`: self-assessments too (else only the supervisor's and the panel's).
    public static let selfAssessments = RecordHistories(rawValue: 16)
    public static let all: RecordHistories = [.assignments, .assessments, .selfAssessments, .trainings, .levelHistory]
    /// What the training needs and impact read (`GapAnalyzer.developmentGaps`, `TrainingImpactTally`):
    /// the counted assessments and the trainings.
    public static let training: RecordHistories = [.assessments, .trainings]
}

/// The store under its first name, from when SQLite was the only engine.
public typealias SQLiteRecordStore = PersonnelStore

/// A problem with the database itself (not with the user's input).
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case corrupt(String)

    public var description: String {
        switch self {
        case .corrupt(let what): return "the personnel database looks damaged: \(what)"
        }
    }
}

extension Viewer {
    /// How the audit log names the actor.
    public var auditName: String {
        switch self {
        case .system: return "system"
        case .hr(let id), .supervisor(let id), .person(let id): return id
        }
    }
}

/// Timestamps for the audit log and imports: ISO 8601, UTC, to the second.
public enum AuditClock {
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = seconds - day.dayNumber * 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day.iso)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// The timestamp of local midnight starting `day` in `zone`: the first stamp of that day
    /// where the program runs (1 October in Bangkok starts at `…-09-30T17:00:00Z`). The reverse
    /// of `DateText.day(ofStamp:)`; compare stamps with it, never with the bare ISO day.
    public static func timestamp(atStartOf day: CivilDate, in zone: TimeZone = .current) -> String {
        let noonUTC = Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + 43_200))
        let offset = zone.secondsFromGMT(for: noonUTC)
        return timestamp(Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 - offset)))
    }
}
