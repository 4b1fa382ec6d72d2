import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import LocalSystem
import TerminalUI

/// `--database PATH|URL`: the personnel store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite database file, or a PostgreSQL server as postgres://user@host:port/database (password from PGPASSWORD or ~/.pgpass) (default: $CAREERPATH_DB, then $XDG_DATA_HOME/careerpath/records.sqlite, else ~/.local/share/careerpath/records.sqlite).")
    var database: String?

    /// The database path after the defaults are applied.
    var path: String { StoreLocation.resolve(option: database) }

    /// Opens the store. When the database does not exist yet, creates it and imports the demo roster
    /// (`<data folder>/demo`, found like the catalog) and says so on standard error.
    /// `dataFolder`: the reference data folder in use (pass `try dataOptions.dataFolder()` when the
    /// command has `--data`); nil looks it up the default way. `catalog` is evaluated only when
    /// the database does not exist yet (so a caller may pass a catalog still loading).
    func openStore(catalog: @autoclosure () throws -> Catalog, dataFolder: URL? = nil) throws -> PersonnelStore {
        try Self.openStore(database: database, catalog: try catalog(), dataFolder: dataFolder)
    }

    /// `openStore` for a `--database` value (nil: the default path).
    /// `created`: told the path and the number of people when the database was made from the demo
    /// roster (the TUI shows it on its status line, where the standard-error line is hidden).
    static func openStore(database: String?, catalog: @autoclosure () throws -> Catalog,
                          dataFolder: @autoclosure () -> URL? = nil,
                          created: (_ path: String, _ people: Int) -> Void = { _, _ in }) throws -> PersonnelStore {
        let path = StoreLocation.resolve(option: database)
        // A server database is never filled with the demo roster: it is made with `db migrate` and an import.
        let existed = PostgresLocation.isURL(path) || LocalFiles.exists(path)
        // Bad reference data must not leave an empty database behind: check it before creating one.
        let demoCatalog = existed ? nil : try catalog()
        let store: PersonnelStore
        do {
            store = try PersonnelStore(location: path)
        } catch {
            throw storeOpenFailure(path, error)
        }
        StartupTrace.mark("database open")
        guard !existed, let demoCatalog else { return store }

        let data: URL
        if let dataFolder = dataFolder() { data = dataFolder } else {
            do { data = try CatalogLocator(option: nil).locate() } catch {
                Output.errorLine(OperatorText.createdEmptyNoData.said(path, error.text(CommandLanguage.current)))
                return store
            }
        }
        let demo = data.appendingPathComponent("demo").path
        guard FileManager.default.fileExists(atPath: demo + "/people.csv") else {
            Output.errorLine(OperatorText.createdEmptyNoRoster.said(path, demo))
            return store
        }
        do {
            let summary = try RecordImporter(catalog: demoCatalog).run(try ImportRequest.resolve([demo]), into: store)
            Output.errorLine(OperatorText.createdFromDemo.said(path, String(summary.people)))
            created(path, summary.people)
            return store
        } catch let refused as ImportFailure {
            // Leave no half-made database behind: the next run tries again.
            PersonnelStore.removeFiles(atPath: path)
            throw failure(refused.text(CommandLanguage.current) + (CommandLanguage.current == .th
                ? "\nข้อผิดพลาด: ทะเบียนบุคลากรตัวอย่างไม่ตรงกับข้อมูลอ้างอิง ไม่ได้สร้างฐานข้อมูล"
                : "\nerror: the demo roster does not match the reference data; no database was created"))
        }
    }
}

extension StoreOptions {
    /// `openStore` for the screens (the TUI, the kiosk): a PostgreSQL server that cannot be reached
    /// gives the store unconnected, with when it was found away (the screen opens, says so and
    /// tries again: `StoreLink`); the command line's `openStore` exits 4 instead.
    static func openStoreOrWait(database: String?, catalog: @autoclosure () throws -> Catalog,
                                dataFolder: @autoclosure () -> URL? = nil,
                                created: (_ path: String, _ people: Int) -> Void = { _, _ in }) throws -> (PersonnelStore, unreachable: Date?) {
        do {
            return (try openStore(database: database, catalog: try catalog(), dataFolder: dataFolder(), created: created), nil)
        } catch is StoreUnavailable {
            let path = StoreLocation.resolve(option: database)
            do { return (try PersonnelStore.unconnected(location: path), Date()) } catch { throw storeOpenFailure(path, error) }
        }
    }
}

extension LevelCodes: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import personnel CSV files (all or nothing).",
        discussion: """
            Give a folder with people.csv, assignments.csv, assessments.csv, trainings.csv and optionally \
            level_history.csv, or some of those files by name. Every row is checked against the reference data; \
            any error is printed as FILE:LINE:COLUMN: error: MESSAGE (up to 100) and nothing is written. \
            Importing a person again replaces their histories (in a folder import, all of them; \
            with files, those of the files given).
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var dataOptions: DataOptions
    @Option(name: .customLong("level-codes"), help: "How to read level codes: ours (O1…S2) or dpis (D1/D2 managerial, M1/M2 executive).")
    var levelCodes: LevelCodes = .ours
    /// Read before parsing (`CommandLanguage.from`); declared so that `--lang` is accepted here.
    @Option(help: "Language of the error messages: th or en (default: th on a terminal that shows Thai).")
    var lang: Language?
    @Argument(help: "A folder, or CSV files named people.csv, assignments.csv, …")
    var paths: [String]

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let path = storeOptions.path
        let existed = PostgresLocation.isURL(path) || LocalFiles.exists(path)
        let summary: ImportSummary
        do {
            summary = try Self.importInto(path, try ImportRequest.resolve(paths), RecordImporter(catalog: catalog, levelCodes: levelCodes))
        } catch {
            // A database this import created goes with it: a refused import leaves no empty file behind.
            if !existed { PersonnelStore.removeFiles(atPath: path) }
            if let refused = error as? ImportFailure { throw failure(refused.text(CommandLanguage.current)) }
            throw error
        }
        try PersonnelStore(location: path).audit(actor: .system, subject: nil, action: "import", screen: "cli",
                                                detail: "\(summary.people) people from \(paths.joined(separator: " "))")
        print(OperatorText.imported.said(String(summary.people), String(summary.assignments), String(summary.assessments),
                                         String(summary.trainings), String(summary.levelHistory), path))
    }

    /// Opens the store and imports into it; the store is closed on return, so a refused import's new file can go.
    private static func importInto(_ path: String, _ request: ImportRequest, _ importer: RecordImporter) throws -> ImportSummary {
        try importer.run(request, into: try PersonnelStore(location: path))
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "The synthetic demo department.", subcommands: [DemoGenerateCommand.self])
}

struct DemoGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic fictional roster in the import CSV format.",
        discussion: "The same --people, --seed and reference data always give the same files. Data/demo is --people 320 --seed 2553."
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "How many people.") var people: Int = 320
    @Option(help: "The random seed.") var seed: UInt64 = 2553
    @Option(help: "The folder to write (created if needed; the five CSV files are overwritten).") var out: String

    func validate() throws {
        guard people >= 1 else { throw ValidationError(CommandError.text(.peopleAtLeastOne)) }
    }

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let counts = try DemoRoster(catalog: catalog, people: people, seed: seed).write(to: out)
        let rows = RecordFile.allCases.map { OperatorText.fileRows.said(String(counts[$0] ?? 0), $0.rawValue.replacingOccurrences(of: "_", with: " ")) }
        print(OperatorText.wroteRoster.said(out, rows.joined(separator: ", ")))
    }
}

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "people", abstract: "List the people in the store.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Only people in this unit or the units below it (its id, e.g. news-bureau).") var unit: String?
    @Flag(help: "Print JSON (dates ISO).") var json = false
    @Option(help: "th or en.") var lang: Language = .th

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        if let unit, catalog.unitsByID[unit] == nil {
            throw failure(CommandError.unknownUnit(unit, known: catalog.units.map(\.id)))
        }
        let store = try storeOptions.openStore(catalog: catalog, dataFolder: try dataOptions.dataFolder())
        // Everyone once: the unit's sub-units are included, and supervisors elsewhere are named.
        let everyone = try store.people(unit: nil, viewer: .system)
        let units = unit.map { Set([$0] + catalog.descendants(of: $0).map(\.id)) }
        let people = units.map { units in everyone.filter { units.contains($0.unit) } } ?? everyone
        if json {
            try CommandJSON.print(people.map(PersonJSON.init))
            return
        }
        let names = PeopleNames(everyone, lang)
        let rows = people.map { p in
            [p.id, p.name(lang), PersonText.post(p, catalog, lang), PersonText.unit(p.unit, catalog, lang),
             DateText.format(p.levelSince, lang), p.supervisorID.map(names.name) ?? "-"]
        }
        print(ColumnText.rows([RecordText.peopleHeader(lang)] + rows), terminator: "")
        print(RecordText.count(people.count, lang))
    }
}

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Show one person's record (dates in B.E. in Thai).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var dataOptions: DataOptions
    @Argument(help: "The employee ID.") var id: String
    @Flag(help: "Print JSON (dates ISO).") var json = false
    @Option(help: "th or en.") var lang: Language = .th

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let store = try storeOptions.openStore(catalog: catalog, dataFolder: try dataOptions.dataFolder())
        guard let record = try store.record(personID: id, viewer: .system, screen: "cli:person") else {
            let known = try store.people(unit: nil, viewer: .system).map(\.id)
            throw failure(CommandError.unknownPerson(id, known: known))
        }
        if json {
            try CommandJSON.print(RecordJSON(record))
        } else {
            // The supervisor's name only: not a record shown, so not audited.
            let supervisor = try record.person.supervisorID.flatMap { try store.person(personID: $0, viewer: .system) }
            print(RecordText.describe(record, catalog: catalog, lang, supervisor: supervisor), terminator: "")
        }
    }
}

// MARK: JSON shapes (snake_case like the CSV columns, ISO dates)

struct PersonJSON: Encodable {
    let id, name_th, name_en, unit, job_line, level, level_since, service_start, education: String
    let supervisor_id: String?

    init(_ p: Person) {
        id = p.id; name_th = p.nameTH; name_en = p.nameEN; unit = p.unit; job_line = p.jobLine; level = p.level
        level_since = p.levelSince.iso; service_start = p.serviceStart.iso; education = p.education
        supervisor_id = p.supervisorID
    }
}

struct RecordJSON: Encodable {
    struct AssignmentJSON: Encodable { let unit: String; let field: String?; let role, start: String; let end: String? }
    struct AssessmentJSON: Encodable { let competency: String; let level: Int; let assessed_on, assessor: String }
    struct TrainingJSON: Encodable { let course, completed_on: String }
    struct LevelJSON: Encodable { let job_line, level, start: String; let end: String? }

    let person: PersonJSON
    let assignments: [AssignmentJSON]
    let assessments: [AssessmentJSON]
    let trainings: [TrainingJSON]
    let level_history: [LevelJSON]

    init(_ r: PersonRecord) {
        person = PersonJSON(r.person)
        assignments = r.assignments.map { AssignmentJSON(unit: $0.unit, field: $0.field, role: $0.role.rawValue, start: $0.start.iso, end: $0.end?.iso) }
        assessments = r.assessments.map { AssessmentJSON(competency: $0.competency, level: $0.level, assessed_on: $0.assessedOn.iso, assessor: $0.assessor.rawValue) }
        trainings = r.trainings.map { TrainingJSON(course: $0.course, completed_on: $0.completedOn.iso) }
        level_history = r.levelHistory.map { LevelJSON(job_line: $0.jobLine, level: $0.level, start: $0.start.iso, end: $0.end?.iso) }
    }
}

// MARK: text

/// The words of `people` and `person` that the screens do not have, a `TextTable` (the rest are
/// the Me screen's, from `Str` and `Describe`).
enum RecordText: String, CaseIterable, TextTable {
    case post, since, assignments, onePerson, people

    var pair: (th: String, en: String) {
        switch self {
        case .post: ("ตำแหน่ง", "Post")
        case .since: ("ตั้งแต่", "Since")
        case .assignments: ("การปฏิบัติงาน (%1)", "Assignments (%1)")
        case .onePerson: ("%1 คน", "%1 person")
        case .people: ("%1 คน", "%1 people")
        }
    }

    /// The heading of the `people` list.
    static func peopleHeader(_ lang: Language) -> [String] {
        [Str.personID.text(lang), Str.name.text(lang), RecordText.post.text(lang), Str.unit.text(lang),
         RecordText.since.text(lang), Str.supervisor.text(lang)]
    }

    /// "320 คน", "1 person".
    static func count(_ n: Int, _ lang: Language) -> String {
        (n == 1 ? RecordText.onePerson : .people).format(lang, String(n))
    }

    /// `supervisor`: the person's supervisor, named (with their post) instead of by id.
    static func describe(_ r: PersonRecord, catalog: Catalog, _ lang: Language, supervisor: Person? = nil) -> String {
        let d = Describe(catalog: catalog, language: lang)
        let p = r.person
        func date(_ d: CivilDate) -> String { DateText.format(d, lang) }
        func period(_ s: CivilDate, _ e: CivilDate?) -> String { "\(date(s)) – \(e.map(date) ?? Str.ongoing.text(lang))" }
        func unit(_ id: String) -> String { catalog.unitsByID[id]?.name.text(lang) ?? id }
        func line(_ id: String) -> String { catalog.jobLinesByID[id]?.name.text(lang) ?? id }
        func level(_ id: String) -> String { catalog.levelsByID[id].map { "\($0.name.text(lang)) (\(id))" } ?? id }
        func field(_ id: String?) -> String { id.flatMap { catalog.workFieldsByID[$0]?.name.text(lang) ?? $0 } ?? "-" }

        let other = p.otherName(lang)
        var out = "\(p.id)  \(p.name(lang))" + (other.isEmpty || other == p.name(lang) ? "" : " (\(other))") + "\n"
        let facts: [(Str, String)] = [
            (.unit, unit(p.unit)),
            (.jobLine, line(p.jobLine)),
            (.level, level(p.level)),
            (.inLevelSince, date(p.levelSince)),
            (.serviceSince, date(p.serviceStart)),
            (.education, catalog.educationsByID[p.education]?.name.text(lang) ?? p.education),
            (.supervisor, supervisor.map { PersonText.nameWithPost($0, catalog, lang) } ?? p.supervisorID ?? Str.meNone.text(lang)),
        ]
        let width = facts.map { TextWidth.of($0.0.text(lang)) }.max() ?? 0
        for (label, value) in facts { out += "  " + TextWidth.pad(label.text(lang), toWidth: width) + "  " + value + "\n" }

        func section(_ title: some TextTable, _ rows: [[String]]) {
            out += "\n" + title.format(lang, String(rows.count)) + "\n"
            out += ColumnText.rows(rows, indent: "  ")
        }
        section(RecordText.assignments, r.assignments.map { [period($0.start, $0.end), unit($0.unit), field($0.field), d.roleName($0.role)] })
        section(Str.meAssessments, r.assessments.map {
            [date($0.assessedOn), catalog.competenciesByID[$0.competency]?.name.text(lang) ?? $0.competency, "\($0.level)", d.assessorName($0.assessor)]
        })
        section(Str.meCourses, r.trainings.map { [date($0.completedOn), catalog.coursesByID[$0.course]?.name.text(lang) ?? $0.course] })
        section(Str.meEarlierLevels, r.levelHistory.map { [period($0.start, $0.end), line($0.jobLine), level($0.level)] })
        return out
    }
}

/// Text in columns, padded by display width (Thai marks take no column), the last column unpadded
/// and no line ending in blanks: the CLI's one table layout (people, a record, succession, the audit log).
enum ColumnText {
    static func rows(_ rows: [[String]], indent: String = "") -> String {
        // Each cell is measured once, and the blanks before a cell are written only when text follows.
        let cellWidths = rows.map { $0.map(TextWidth.of) }
        var widths = Array(repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in cellWidths { for (i, width) in row.enumerated() { widths[i] = max(widths[i], width) } }
        var out = ""
        out.reserveCapacity(rows.reduce(0) { $0 + indent.utf8.count + $1.reduce(0) { $0 + $1.utf8.count } + 2 * $1.count + 1 }
                            + widths.reduce(0, +) * rows.count)
        for (row, rowWidths) in zip(rows, cellWidths) {
            let lineStart = out.utf8.count
            var blanks = 0
            for (i, cell) in row.enumerated() {
                if i > 0 { blanks += widths[i - 1] - rowWidths[i - 1] + 2 }
                guard !cell.isEmpty else { continue }
                if out.utf8.count == lineStart { out += indent }
                while blanks > 0 {
                    let run = min(blanks, spaces.utf8.count)
                    out.append(contentsOf: spaces.prefix(run))
                    blanks -= run
                }
                out += cell
            }
            // A cell's own trailing blanks go too: no line ends in blanks.
            while out.utf8.count > lineStart, out.utf8.last == UInt8(ascii: " "), out.last == " " { out.removeLast() }
            out += "\n"
        }
        return out
    }

    private static let spaces = String(repeating: " ", count: 64)
}
