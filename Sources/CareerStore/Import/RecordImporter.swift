import CareerCatalog
import CareerEngine
import Foundation
import GRDB

/// Counts of what an import wrote.
public struct ImportSummary: Sendable, Hashable {
    public var people = 0
    public var assignments = 0
    public var assessments = 0
    public var trainings = 0
    public var levelHistory = 0

    public var rows: Int { people + assignments + assessments + trainings + levelHistory }
}

/// Imports personnel CSV files all or nothing.
///
/// Everything happens inside one write transaction: rows are checked against the catalog and each
/// other as they stream in, and written through prepared statements only while no error has been
/// seen. Any error rolls the transaction back, so the database is exactly as before. Streaming keeps
/// memory flat on a 100,000-person roster; only ids and supervisor links are held.
public struct RecordImporter: Sendable {
    public let catalog: Catalog
    public let levelCodes: LevelCodes

    public init(catalog: Catalog, levelCodes: LevelCodes = .ours) {
        self.catalog = catalog; self.levelCodes = levelCodes
    }

    /// Imports `request` into `store`; throws `ImportFailure` (nothing written) on any error.
    @discardableResult
    public func run(_ request: ImportRequest, into store: SQLiteRecordStore) throws -> ImportSummary {
        let source = request.sources.map(\.displayPath).joined(separator: " ")
        return try store.pool.write { db in
            var session = ImportSession(catalog: catalog, levels: LevelResolver(catalog: catalog, codes: levelCodes),
                                        db: db, replacesAllHistories: request.replacesAllHistories)
            try session.loadExisting()
            for file in request.sources {
                if session.isFull { break }
                try session.importFile(file)
            }
            if !session.isFull { try session.finish(request) }
            if !session.diagnostics.isEmpty {
                throw ImportFailure(diagnostics: session.sortedDiagnostics(order: request.sources.map(\.displayPath)),
                                    truncated: session.truncated || session.isFull)
            }
            try db.execute(sql: "INSERT INTO imports (imported_at, source, people, rows) VALUES (?, ?, ?, ?)",
                           arguments: [AuditClock.timestamp(Date()), source, session.summary.people, session.summary.rows])
            return session.summary
        }
    }
}

/// The state of one import inside its transaction.
private struct ImportSession {
    let catalog: Catalog
    let levels: LevelResolver
    let db: Database
    let replacesAllHistories: Bool

    var diagnostics: [ImportDiagnostic] = []
    var truncated = false
    var summary = ImportSummary()

    /// People already in the database: id → supervisor id.
    var existing: [String: String?] = [:]
    /// People in this import's people.csv.
    var imported: [String: ImportedPerson] = [:]
    /// People whose histories of a kind were already cleared in this import.
    var cleared: [RecordFile: Set<String>] = [:]
    var peopleFile: String?
    var lastPerson = ""
    /// Index definitions dropped while an empty table is bulk-loaded, recreated at the end.
    var deferredIndexes: [String] = []
    /// people.csv could not be read to the end: an unknown person elsewhere may just be one we never saw.
    var peopleIncomplete = false
    var supervisorColumn = 0

    struct ImportedPerson {
        let line: Int
        let supervisor: String?
    }

    init(catalog: Catalog, levels: LevelResolver, db: Database, replacesAllHistories: Bool) {
        self.catalog = catalog; self.levels = levels; self.db = db; self.replacesAllHistories = replacesAllHistories
    }

    var isFull: Bool { diagnostics.count >= ImportLimits.maxDiagnostics }
    /// Once anything is wrong, only check: the transaction will be rolled back anyway.
    var writing: Bool { diagnostics.isEmpty }

    mutating func report(_ file: String, _ line: Int, _ column: Int, _ message: String) {
        guard !isFull else { truncated = true; return }
        diagnostics.append(ImportDiagnostic(file: file, line: line, column: column, message: message))
    }

    func sortedDiagnostics(order: [String]) -> [ImportDiagnostic] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return diagnostics.sorted {
            (rank[$0.file] ?? -1, $0.line, $0.column) < (rank[$1.file] ?? -1, $1.line, $1.column)
        }
    }

    mutating func loadExisting() throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, supervisor_id FROM people")
        while let row = try rows.next() {
            existing[row[0] as String] = row[1] as String?
        }
    }

    func personExists(_ id: String) -> Bool { imported[id] != nil || (!existing.isEmpty && existing[id] != nil) }

    /// Suggests a near person id; skipped on huge rosters where the search would cost more than it helps.
    func personHint(_ id: String) -> String {
        let count = imported.count + existing.count
        guard count <= 20_000 else { return "" }
        return NearestID.hint(for: id, among: (Array(imported.keys) + Array(existing.keys)).sorted())
    }

    // MARK: files

    mutating func importFile(_ source: ImportSource) throws {
        let reader: PrefetchingRowReader
        do { reader = PrefetchingRowReader(try CSVRowReader(path: source.path, displayPath: source.displayPath)) } catch {
            report(error.file, error.line, error.column, error.message)
            if source.kind == .people { peopleIncomplete = true }
            return
        }
        defer { reader.close() }
        let file = source.displayPath
        // Map the header.
        var index: [String: Int] = [:]
        for (i, name) in reader.header.enumerated() {
            if let first = index[name], !name.isEmpty {
                report(file, 1, i + 1, "column `\(name)` appears twice (also column \(first + 1))")
            } else {
                index[name] = i
            }
        }
        var missing = false
        for column in source.kind.columns where index[column] == nil {
            let unknown = reader.header.filter { !source.kind.columns.contains($0) }
            let hint = NearestID.suggestion(for: column, among: unknown).map { " (found `\($0)`: misspelt?)" } ?? ""
            report(file, 1, 1, "missing column `\(column)`\(hint); \(source.kind.fileName) needs: \(source.kind.columns.joined(separator: ", "))")
            missing = true
        }
        if missing {
            if source.kind == .people { peopleIncomplete = true }
            return
        }
        let columns = source.kind.columns.map { index[$0] ?? 0 }
        let width = reader.header.count

        try deferIndexes(of: source.kind.rawValue)
        lastPerson = ""
        var rows = RowContext(file: file, columns: columns, width: width)
        switch source.kind {
        case .people:
            peopleFile = file
            supervisorColumn = columns[9] + 1
            let insert = try BulkInsert(db, sql: """
                INSERT INTO people (id, name_th, name_en, unit, job_line, level, level_since, service_start, education, supervisor_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
                    unit = excluded.unit, job_line = excluded.job_line, level = excluded.level,
                    level_since = excluded.level_since, service_start = excluded.service_start,
                    education = excluded.education, supervisor_id = excluded.supervisor_id
                """)
            while let (line, fields) = reader.next(), !isFull {
                rows.begin(line, fields)
                try peopleRow(&rows, insert)
            }
        case .assignments:
            let insert = try BulkInsert(db, sql: "INSERT INTO assignments (person_id, unit, field, role, start, \"end\") VALUES (?, ?, ?, ?, ?, ?)")
            try clearImportedPeople(.assignments)
            while let (line, fields) = reader.next(), !isFull {
                rows.begin(line, fields)
                try assignmentRow(&rows, insert)
            }
        case .assessments:
            let insert = try BulkInsert(db, sql: "INSERT INTO assessments (person_id, competency, level, assessed_on, assessor) VALUES (?, ?, ?, ?, ?)")
            try clearImportedPeople(.assessments)
            while let (line, fields) = reader.next(), !isFull {
                rows.begin(line, fields)
                try assessmentRow(&rows, insert)
            }
        case .trainings:
            let insert = try BulkInsert(db, sql: "INSERT INTO trainings (person_id, course, completed_on) VALUES (?, ?, ?)")
            try clearImportedPeople(.trainings)
            while let (line, fields) = reader.next(), !isFull {
                rows.begin(line, fields)
                try trainingRow(&rows, insert)
            }
        case .levelHistory:
            let insert = try BulkInsert(db, sql: "INSERT INTO level_history (person_id, job_line, level, start, \"end\") VALUES (?, ?, ?, ?, ?)")
            try clearImportedPeople(.levelHistory)
            while let (line, fields) = reader.next(), !isFull {
                rows.begin(line, fields)
                try levelHistoryRow(&rows, insert)
            }
        }
        if let failure = reader.failure {
            report(failure.file, failure.line, failure.column, failure.message)
            if source.kind == .people { peopleIncomplete = true }
        }
    }

    /// Loading an empty table is much faster without its secondary indexes; they are rebuilt in one
    /// sorted pass at the end, inside the same transaction (a refused import rolls the drop back too).
    mutating func deferIndexes(of table: String) throws {
        guard writing, !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") ?? true) else { return }
        let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                       arguments: [table])
        for index in indexes {
            try db.execute(sql: "DROP INDEX \(index[0] as String)")
            deferredIndexes.append(index[1])
        }
    }

    /// After all files: supervisors, cycles, and histories of kinds absent from a folder import.
    mutating func finish(_ request: ImportRequest) throws {
        checkSupervisors()
        if writing {
            for sql in deferredIndexes { try db.execute(sql: sql) }
            deferredIndexes = []
        }
        guard writing, replacesAllHistories else { return }
        let given = Set(request.sources.map(\.kind))
        for kind in RecordFile.allCases where kind != .people && !given.contains(kind) {
            try clearImportedPeople(kind)
        }
    }

    /// Re-imported people lose their old histories of `kind` before the new rows go in.
    mutating func clearImportedPeople(_ kind: RecordFile) throws {
        guard writing, !existing.isEmpty, replacesAllHistories || peopleFile != nil else { return }
        let delete = try db.makeStatement(sql: "DELETE FROM \(kind.rawValue) WHERE person_id = ?")
        var done = cleared[kind, default: []]
        for id in imported.keys where existing[id] != nil && !done.contains(id) {
            try delete.execute(arguments: [id])
            done.insert(id)
        }
        cleared[kind] = done
    }

    /// A person named only in a history file (not in people.csv) has that history replaced too.
    mutating func clearOnFirstSight(_ kind: RecordFile, _ id: String) throws {
        guard writing, !existing.isEmpty, existing[id] != nil, !(cleared[kind]?.contains(id) ?? false) else { return }
        try db.execute(sql: "DELETE FROM \(kind.rawValue) WHERE person_id = ?", arguments: [id])
        cleared[kind, default: []].insert(id)
    }

    // MARK: rows

    mutating func peopleRow(_ r: inout RowContext, _ insert: BulkInsert) throws {
        guard checkWidth(&r) else { return }
        let id = required(&r, 0, "person_id")
        let nameTH = r.value(1), nameEN = r.value(2)
        if nameTH.isEmpty && nameEN.isEmpty { report(r.file, r.line, r.column(1), "a name is required (name_th or name_en)") }
        let unit = lookup(&r, 3, "unit", catalog.unitsByID)
        let line = lookupLine(&r, 4)
        var level: String?
        let levelText = required(&r, 5, "level")
        if let line, let levelText {
            switch levels.resolve(levelText, line: line) {
            case .success(let id): level = id
            case .failure(let e): report(r.file, r.line, r.column(5), e.message)
            }
        }
        let levelSince = date(&r, 6, "level_since")
        let serviceStart = date(&r, 7, "service_start")
        if let levelSince, let serviceStart, levelSince.date < serviceStart.date {
            report(r.file, r.line, r.column(6), "level_since \(levelSince.iso) is before service_start \(serviceStart.iso)")
        }
        let education = lookup(&r, 8, "education", catalog.educationsByID)
        let supervisorText = r.value(9)
        let supervisor: String? = supervisorText.isEmpty ? nil : supervisorText

        if let id {
            if let first = imported[id] {
                report(r.file, r.line, r.column(0), "duplicate person `\(id)` (first on line \(first.line))")
                return
            }
            imported[id] = ImportedPerson(line: r.line, supervisor: supervisor)
        }
        guard writing, let id, let unit, let line, let level, let levelSince, let serviceStart, let education else { return }
        insert.bind(1, id); insert.bind(2, nameTH); insert.bind(3, nameEN); insert.bind(4, unit); insert.bind(5, line.id)
        insert.bind(6, level); insert.bind(7, levelSince.iso); insert.bind(8, serviceStart.iso); insert.bind(9, education)
        insert.bind(10, supervisor)
        try insert.run()
        summary.people += 1
    }

    mutating func assignmentRow(_ r: inout RowContext, _ insert: BulkInsert) throws {
        guard checkWidth(&r) else { return }
        let person = personRef(&r)
        let unit = lookup(&r, 1, "unit", catalog.unitsByID)
        let fieldText = r.value(2)
        var field: String?
        if !fieldText.isEmpty { field = lookup(&r, 2, "work field", catalog.workFieldsByID) }
        var role: AssignmentRole?
        if let text = required(&r, 3, "role") {
            role = AssignmentRole(rawValue: text) ?? AssignmentRole(rawValue: text.lowercased())
            if role == nil {
                let all = AssignmentRole.allCases.map(\.rawValue)
                let hint = NearestID.hint(for: text, among: all)
                report(r.file, r.line, r.column(3), "unknown role `\(text)`\(hint); roles: \(all.joined(separator: ", "))")
            }
        }
        let start = date(&r, 4, "start")
        let end = optionalDate(&r, 5)
        if let start, let end, end.date < start.date {
            report(r.file, r.line, r.column(5), "end \(end.iso) is before start \(start.iso)")
        }
        guard writing, let person, let unit, let role, let start, fieldText.isEmpty || field != nil,
              r.value(5).isEmpty || end != nil else { return }
        try clearOnFirstSight(.assignments, person)
        insert.bind(1, person); insert.bind(2, unit); insert.bind(3, field); insert.bind(4, role.rawValue)
        insert.bind(5, start.iso); insert.bind(6, end?.iso)
        try insert.run()
        summary.assignments += 1
    }

    mutating func assessmentRow(_ r: inout RowContext, _ insert: BulkInsert) throws {
        guard checkWidth(&r) else { return }
        let person = personRef(&r)
        let competency = lookup(&r, 1, "competency", catalog.competenciesByID)
        var level: Int?
        if let text = required(&r, 2, "level") {
            if let value = Int(text) ?? Int(DateText.arabicDigits(text)), (0...5).contains(value) {
                level = value
            } else {
                report(r.file, r.line, r.column(2), "assessment level `\(text)` is outside 0–5")
            }
        }
        let on = date(&r, 3, "assessed_on")
        var assessor: Assessor?
        if let text = required(&r, 4, "assessor") {
            assessor = Assessor(rawValue: text) ?? Assessor(rawValue: text.lowercased())
            if assessor == nil {
                let all = Assessor.allCases.map(\.rawValue)
                report(r.file, r.line, r.column(4), "unknown assessor `\(text)`\(NearestID.hint(for: text, among: all)); assessors: \(all.joined(separator: ", "))")
            }
        }
        guard writing, let person, let competency, let level, let on, let assessor else { return }
        try clearOnFirstSight(.assessments, person)
        insert.bind(1, person); insert.bind(2, competency); insert.bind(3, level); insert.bind(4, on.iso)
        insert.bind(5, assessor.rawValue)
        try insert.run()
        summary.assessments += 1
    }

    mutating func trainingRow(_ r: inout RowContext, _ insert: BulkInsert) throws {
        guard checkWidth(&r) else { return }
        let person = personRef(&r)
        let course = lookup(&r, 1, "course", catalog.coursesByID)
        let on = date(&r, 2, "completed_on")
        guard writing, let person, let course, let on else { return }
        try clearOnFirstSight(.trainings, person)
        insert.bind(1, person); insert.bind(2, course); insert.bind(3, on.iso)
        try insert.run()
        summary.trainings += 1
    }

    mutating func levelHistoryRow(_ r: inout RowContext, _ insert: BulkInsert) throws {
        guard checkWidth(&r) else { return }
        let person = personRef(&r)
        let line = lookupLine(&r, 1)
        var level: String?
        if let text = required(&r, 2, "level"), let line {
            switch levels.resolve(text, line: line) {
            case .success(let id): level = id
            case .failure(let e): report(r.file, r.line, r.column(2), e.message)
            }
        }
        let start = date(&r, 3, "start")
        let end = optionalDate(&r, 4)
        if let start, let end, end.date < start.date {
            report(r.file, r.line, r.column(4), "end \(end.iso) is before start \(start.iso)")
        }
        guard writing, let person, let line, let level, let start, r.value(4).isEmpty || end != nil else { return }
        try clearOnFirstSight(.levelHistory, person)
        insert.bind(1, person); insert.bind(2, line.id); insert.bind(3, level); insert.bind(4, start.iso); insert.bind(5, end?.iso)
        try insert.run()
        summary.levelHistory += 1
    }

    // MARK: field checks

    /// A row longer than the header is a misplaced comma or quote; say so once.
    mutating func checkWidth(_ r: inout RowContext) -> Bool {
        guard r.fields.count <= r.width else {
            report(r.file, r.line, r.width + 1, "this row has \(r.fields.count) fields but the header has \(r.width) (an unquoted comma?)")
            return false
        }
        return true
    }

    mutating func required(_ r: inout RowContext, _ i: Int, _ name: String) -> String? {
        let value = r.value(i)
        if value.isEmpty {
            report(r.file, r.line, r.column(i), "\(name) is empty")
            return nil
        }
        return value
    }

    mutating func lookup<T>(_ r: inout RowContext, _ i: Int, _ name: String, _ known: [String: T]) -> String? {
        guard let value = required(&r, i, name) else { return nil }
        if known[value] != nil { return value }
        report(r.file, r.line, r.column(i), "unknown \(name) `\(value)`\(NearestID.hint(for: value, among: known.keys.sorted()))")
        return nil
    }

    mutating func lookupLine(_ r: inout RowContext, _ i: Int) -> JobLine? {
        guard let id = lookup(&r, i, "job line", catalog.jobLinesByID) else { return nil }
        return catalog.jobLinesByID[id]
    }

    mutating func personRef(_ r: inout RowContext) -> String? {
        guard let id = required(&r, 0, "person_id") else { return nil }
        // History rows come grouped by person: skip the lookups for a run of the same id.
        if id == lastPerson { return id }
        if personExists(id) { lastPerson = id; return id }
        if peopleIncomplete { return nil }   // already reported: people.csv could not be read
        let where_ = peopleFile.map { "in \($0) or " } ?? ""
        report(r.file, r.line, r.column(0), "unknown person `\(id)`: not \(where_)in the database\(personHint(id))")
        return nil
    }

    mutating func date(_ r: inout RowContext, _ i: Int, _ name: String) -> ParsedDate? {
        guard let text = required(&r, i, name) else { return nil }
        return parseDate(&r, i, text)
    }

    mutating func optionalDate(_ r: inout RowContext, _ i: Int) -> ParsedDate? {
        let text = r.value(i)
        guard !text.isEmpty else { return nil }
        return parseDate(&r, i, text)
    }

    mutating func parseDate(_ r: inout RowContext, _ i: Int, _ text: String) -> ParsedDate? {
        // Already ISO: store the text as it is (formatting a million dates again shows in the profile).
        if let date = ImportDate.isoFast(text) { return ParsedDate(date: date, iso: text) }
        switch ImportDate.parse(text) {
        case .success(let d): return ParsedDate(date: d, iso: d.iso)
        case .failure(let e): report(r.file, r.line, r.column(i), e.message); return nil
        }
    }

    // MARK: supervisors

    /// Every supervisor must exist, and no chain may loop back on itself.
    mutating func checkSupervisors() {
        guard let file = peopleFile else { return }
        func supervisor(of id: String) -> String? {
            if let person = imported[id] { return person.supervisor }
            return existing[id] ?? nil
        }
        for (id, person) in imported.sorted(by: { $0.value.line < $1.value.line }) {
            guard let sup = person.supervisor else { continue }
            if sup == id {
                report(file, person.line, supervisorColumn, "`\(id)` cannot be their own supervisor")
            } else if !personExists(sup) && !peopleIncomplete {
                report(file, person.line, supervisorColumn, "unknown supervisor `\(sup)`\(personHint(sup))")
            }
        }
        // Walk up from each imported person; colour nodes so each is walked once.
        var done: Set<String> = []
        for (start, _) in imported.sorted(by: { $0.value.line < $1.value.line }) where !done.contains(start) {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var current: String? = start
            while let id = current, !done.contains(id), personExists(id) {
                if let at = onPath[id] {
                    let cycle = Array(path[at...])
                    guard cycle.count > 1 else { break }   // self-supervision reported above
                    // Report at the cycle member that comes first in people.csv.
                    let first = cycle.min { (imported[$0]?.line ?? Int.max) < (imported[$1]?.line ?? Int.max) } ?? start
                    let startIndex = cycle.firstIndex(of: first) ?? 0
                    let ordered = Array(cycle[startIndex...] + cycle[..<startIndex])
                    let text = (ordered + [first]).map { "`\($0)`" }.joined(separator: " → ")
                    report(file, imported[first]?.line ?? 1, supervisorColumn, "supervisor cycle: \(text)")
                    break
                }
                onPath[id] = path.count
                path.append(id)
                current = supervisor(of: id)
            }
            done.formUnion(path)
        }
    }
}

/// A checked date and its ISO text for the database.
private struct ParsedDate {
    let date: CivilDate
    let iso: String
}

/// The current row and the header's column positions for the file's fields.
private struct RowContext {
    let file: String
    /// Index in the CSV row of each of the kind's columns, in `RecordFile.columns` order.
    let columns: [Int]
    let width: Int
    var line = 0
    var fields: [String] = []

    init(file: String, columns: [Int], width: Int) {
        self.file = file; self.columns = columns; self.width = width
    }

    mutating func begin(_ line: Int, _ fields: [String]) { self.line = line; self.fields = fields }

    /// The trimmed value of the kind's `i`-th column ("" when the row is short).
    func value(_ i: Int) -> String {
        let at = columns[i]
        return at < fields.count ? CSVRowReader.clean(fields[at]) : ""
    }

    /// 1-based column of the kind's `i`-th column.
    func column(_ i: Int) -> Int { columns[i] + 1 }
}
