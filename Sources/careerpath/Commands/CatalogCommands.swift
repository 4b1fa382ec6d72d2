import ArgumentParser
import CareerCatalog
import Foundation

/// `--data DIR`: where the reference data is.
struct DataOptions: ParsableArguments {
    @Option(help: "The reference data folder (default: $CAREERPATH_DATA, then ./Data, then the installed share folder).")
    var data: String?

    /// The data folder, or exit 1 saying every place it looked.
    func dataFolder() throws -> URL {
        try Self.dataFolder(option: data)
    }

    /// The data folder for a `--data` value (nil: the default places), or exit 1 saying where it looked.
    static func dataFolder(option: String?) throws -> URL {
        URL(fileURLWithPath: try dataFolderPath(option: option), isDirectory: true)
    }

    /// `dataFolder(option:)` as a path (the TUI makes no `URL` before its first screen).
    static func dataFolderPath(option: String?) throws -> String {
        do {
            return try CatalogLocator(option: option).locatePath()
        } catch {
            throw failure(error.text(CommandLanguage.current))
        }
    }

    /// The validated catalog; on bad data prints every error and exits 1.
    /// The one way every command gets the reference data.
    func loadCatalog() throws -> Catalog {
        try Self.catalog(atPath: try Self.dataFolderPath(option: data))
    }

    /// The validated catalog of the data folder at `path`: compiled when `Data/` has not changed
    /// since the last load (`CatalogCache`), else read from the YAML and checked.
    static func catalog(atPath path: String) throws -> Catalog {
        defer { StartupTrace.mark("catalog loaded") }
        return try catalog(loaded: CatalogCache.load(path: path), atPath: path)
    }

    /// The catalog of `CatalogCache.load(path:)`'s result, or its errors printed (exit 1).
    static func catalog(loaded result: Result<Catalog, CatalogErrors>, atPath path: String) throws -> Catalog {
        guard case .success(let catalog) = result else {
            return try catalog(from: result, folder: URL(fileURLWithPath: path, isDirectory: true))
        }
        return catalog
    }

    /// The catalog of a load, or its errors as the failure every command prints.
    static func catalog(from result: Result<Catalog, CatalogErrors>, folder: URL) throws -> Catalog {
        switch result {
        case .success(let catalog):
            return catalog
        case .failure(let errors):
            throw failure(CatalogSummary.errorReport(errors, folder: folder))
        }
    }
}

/// Counts and totals as `validate` prints them.
enum CatalogSummary {
    static func counts(_ catalog: Catalog) -> [(Int, String)] {
        [
            (catalog.jobLines.count, "job lines"),
            (catalog.standards.count, "standards"),
            (catalog.directorPosts.count, "director posts"),
            (catalog.executivePosts.count, "executive posts"),
            (catalog.dictionaries.count, "competency dictionaries"),
            (catalog.competencies.count, "competencies"),
            (catalog.units.count, "units"),
            (catalog.workFields.count, "work fields"),
            (catalog.methods.count, "development methods"),
            (catalog.courses.count, "courses"),
            (catalog.workingGroups.count, "working groups"),
            (catalog.promotionRules.count, "promotion rules"),
        ]
    }

    /// "job lines" → "job line", "competencies" → "competency".
    static func singular(_ noun: String) -> String {
        if noun.hasSuffix("ies") { return String(noun.dropLast(3)) + "y" }
        return noun.hasSuffix("s") ? String(noun.dropLast()) : noun
    }

    /// Per file, how many values are still defaults to confirm (`confirm: true`). A folder whose files
    /// are defaults through and through gets one line instead of one per file.
    static func toConfirm(_ counts: [ProvenanceCount]) -> String {
        var rows: [(figure: String, what: String)] = []
        var folders: [String: [ProvenanceCount]] = [:]
        var order: [String] = []
        for count in counts {
            let folder = count.file.split(separator: "/").dropLast().joined(separator: "/")
            if folders[folder] == nil { order.append(folder) }
            folders[folder, default: []].append(count)
        }
        for folder in order {
            let files = folders[folder] ?? []
            let (values, open) = (files.map(\.values).reduce(0, +), files.map(\.toConfirm).reduce(0, +))
            if !folder.isEmpty && files.count > 1 && open == values {
                rows.append(("\(open) of \(values)", "\(folder)/ (all \(files.count) files: every value)"))
            } else {
                rows += files.map { ("\($0.toConfirm) of \($0.values)", $0.file) }
            }
        }
        let width = rows.map(\.figure.count).max() ?? 0
        let (values, open) = (counts.map(\.values).reduce(0, +), counts.map(\.toConfirm).reduce(0, +))
        var out = "Values still to confirm against the binder (`confirm: true`), per file:\n"
        for row in rows {
            out += "  " + String(repeating: " ", count: width - row.figure.count) + row.figure + "  " + row.what + "\n"
        }
        out += "  \(open) of \(values) values in all are defaults to confirm; the other \(values - open) rest on a named source.\n"
        return out
    }

    /// Every error and their count, in the language of error messages (`--lang`, else the terminal's).
    static func errorReport(_ errors: CatalogErrors, folder: URL, _ language: Language = CommandLanguage.current) -> String {
        errors.text(language) + "\n" + errorTotal(errors, folder: folder, language)
    }

    static func errorTotal(_ errors: CatalogErrors, folder: URL, _ language: Language) -> String {
        let n = errors.errors.count
        return language == .th
            ? "พบข้อผิดพลาด \(n) รายการในข้อมูลอ้างอิงที่ \(folder.path): แก้ไขแล้วเรียก `careerpath validate`"
            : "\(n) error\(n == 1 ? "" : "s") in the reference data at \(folder.path); fix them and run `careerpath validate`."
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the reference data and print its counts.",
        discussion: "Exits 0 when every file and cross-reference is valid, printing the counts and, per file, how many values are still defaults to confirm; otherwise prints each error as PATH:LINE:COL: error: MESSAGE and exits 1.")
    @OptionGroup var dataOptions: DataOptions
    /// Read before parsing (`CommandLanguage.from`); declared so that `--lang` is accepted here.
    @Option(help: "Language of the error messages: th or en (default: th on a terminal that shows Thai).")
    var lang: Language?

    func run() throws {
        let folder = try dataOptions.dataFolder()
        switch CatalogLoader.result(from: folder) {
        case .success(let catalog):
            var out = "Reference data in \(folder.path) is valid:\n"
            let counts = CatalogSummary.counts(catalog)
            let width = counts.map { String($0.0).count }.max() ?? 1
            for (count, noun) in counts {
                let word = count == 1 ? CatalogSummary.singular(noun) : noun
                out += "  " + String(repeating: " ", count: width - String(count).count) + "\(count) \(word)\n"
            }
            out += CatalogSummary.toConfirm(catalog.provenanceCounts)
            print(out, terminator: "")
        case .failure(let errors):
            throw failure(CatalogSummary.errorReport(errors, folder: folder))
        }
    }
}

/// Options shared by the `catalog` listings.
struct ListingOptions: ParsableArguments {
    @Flag(help: "Print JSON (for scripts) instead of a table.")
    var json = false
    @Option(help: "Language of names: th or en.")
    var lang: Language = .th
    @OptionGroup var dataOptions: DataOptions
}

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "List the reference data.",
        subcommands: [JobLines.self, Directors.self, Competencies.self, Methods.self, Courses.self, Units.self])

    struct JobLines: CatalogListing {
        static let configuration = CommandConfiguration(commandName: "job-lines", abstract: "The job lines and their levels.")
        @OptionGroup var options: ListingOptions
        static let columns = ["id", "type", "levels", "standard", "name"]
        static func rows(_ catalog: Catalog, _ lang: Language) -> [[String: Listing.Cell]] {
            catalog.jobLines.map { line in [
                "id": .text(line.id), "type": .text(line.type), "levels": .list(line.levels.map(\.level)),
                "standard": .text(line.standard), "work_fields": .list(line.workFields), "name": .text(line.name.text(lang)),
            ] }
        }
    }

    struct Directors: CatalogListing {
        static let configuration = CommandConfiguration(commandName: "directors", abstract: "The director posts and their frameworks.")
        @OptionGroup var options: ListingOptions
        static let columns = ["id", "level", "unit", "stages", "name"]
        static func rows(_ catalog: Catalog, _ lang: Language) -> [[String: Listing.Cell]] {
            catalog.directorPosts.map { post in [
                "id": .text(post.id), "level": .text(post.level), "unit": .text(post.unit),
                "standard": .text(post.standard), "stages": .number(post.stages.count),
                "eligible_lines": .list(post.eligibility.map(\.line)), "courses": .list(post.courses),
                "management_months": .number(post.managementMonths), "regional_months": .number(post.regionalMonths),
                "name": .text(post.name.text(lang)),
            ] }
        }
    }

    struct Competencies: CatalogListing {
        static let configuration = CommandConfiguration(commandName: "competencies", abstract: "The competencies of every dictionary.")
        @OptionGroup var options: ListingOptions
        static let columns = ["id", "dictionary", "name"]
        static func rows(_ catalog: Catalog, _ lang: Language) -> [[String: Listing.Cell]] {
            catalog.competencies.map { competency in [
                "id": .text(competency.id), "dictionary": .text(competency.dictionary),
                "name": .text(competency.name.text(lang)), "definition": .text(competency.definition.text(lang)),
            ] }
        }
    }

    struct Methods: CatalogListing {
        static let configuration = CommandConfiguration(commandName: "methods", abstract: "The development methods.")
        @OptionGroup var options: ListingOptions
        static let columns = ["id", "months", "gap_kinds", "name"]
        static func rows(_ catalog: Catalog, _ lang: Language) -> [[String: Listing.Cell]] {
            catalog.methods.map { method in [
                "id": .text(method.id), "months": .number(method.typicalMonths), "gap_kinds": .list(method.gapKinds),
                "competencies": .list(method.competencies), "preference": .number(method.preference),
                "name": .text(method.name.text(lang)),
            ] }
        }
    }

    struct Courses: CatalogListing {
        static let configuration = CommandConfiguration(commandName: "courses", abstract: "The courses.")
        @OptionGroup var options: ListingOptions
        static let columns = ["id", "months", "eligible_levels", "name"]
        static func rows(_ catalog: Catalog, _ lang: Language) -> [[String: Listing.Cell]] {
            catalog.courses.map { course in [
                "id": .text(course.id), "months": .number(course.durationMonths),
                "eligible_levels": .list(course.eligibleLevels), "prerequisites": .list(course.prerequisites),
                "valid_years": .number(course.validYears), "certification_years": .number(course.certificationYears),
                "name": .text(course.name.text(lang)),
            ] }
        }
    }

    struct Units: CatalogListing {
        static let configuration = CommandConfiguration(commandName: "units", abstract: "The units (bureaus, divisions, regional and provincial offices).")
        @OptionGroup var options: ListingOptions
        static let columns = ["id", "kind", "regional", "parent", "name"]
        static func rows(_ catalog: Catalog, _ lang: Language) -> [[String: Listing.Cell]] {
            catalog.units.map { unit in [
                "id": .text(unit.id), "kind": .text(unit.kind), "regional": .flag(unit.regional),
                "parent": unit.parent.map(Listing.Cell.text) ?? .null, "province": .text(unit.province),
                "work_fields": .list(unit.workFields), "name": .text(unit.name.text(lang)),
            ] }
        }
    }
}

/// A `careerpath catalog …` listing: which columns a table shows and the rows (JSON gets every key).
protocol CatalogListing: ParsableCommand {
    var options: ListingOptions { get }
    static var columns: [String] { get }
    static func rows(_ catalog: Catalog, _ lang: Language) -> [[String: Listing.Cell]]
}

extension CatalogListing {
    func run() throws {
        let catalog = try options.dataOptions.loadCatalog()
        try Listing.print(options, columns: Self.columns, rows: Self.rows(catalog, options.lang))
    }
}

/// Prints rows as an aligned table (people) or a JSON array (scripts). JSON carries every key of a
/// row; the table shows `columns`, with the name last so Thai text never breaks the alignment.
enum Listing {
    enum Cell: Encodable {
        case text(String), number(Int), flag(Bool), list([String]), null

        var plain: String {
            switch self {
            case .text(let s): s
            case .number(let n): String(n)
            case .flag(let b): b ? "yes" : ""
            case .list(let items): items.joined(separator: " ")
            case .null: ""
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let s): try container.encode(s)
            case .number(let n): try container.encode(n)
            case .flag(let b): try container.encode(b)
            case .list(let items): try container.encode(items)
            case .null: try container.encodeNil()
            }
        }
    }

    static func print(_ options: ListingOptions, columns: [String], rows: [[String: Cell]]) throws {
        if options.json {
            try CommandJSON.print(rows)
            return
        }
        let table = [columns.map { $0.replacingOccurrences(of: "_", with: " ").uppercased() }]
            + rows.map { row in columns.map { row[$0]?.plain ?? "" } }
        Output.standardOutput(ColumnText.rows(table))
    }
}
