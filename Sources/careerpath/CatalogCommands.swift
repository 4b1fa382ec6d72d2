import ArgumentParser
import CareerCatalog
import Foundation

/// `--data DIR`: where the reference data is.
struct DataOptions: ParsableArguments {
    @Option(help: "The reference data folder (default: $CAREERPATH_DATA, then ./Data, then the installed share folder).")
    var data: String?

    /// The data folder, or exit 1 saying every place it looked.
    func dataFolder() throws -> URL {
        do {
            return try CatalogLocator(option: data).locate()
        } catch {
            throw failure(error.description)
        }
    }

    /// The validated catalog; on bad data prints every error and exits 1.
    /// The one way every command gets the reference data.
    func loadCatalog() throws -> Catalog {
        let folder = try dataFolder()
        switch CatalogLoader.result(from: folder) {
        case .success(let catalog):
            return catalog
        case .failure(let errors):
            throw failure(errors.description + "\n" + CatalogSummary.errorTotal(errors, folder: folder))
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

    static func errorTotal(_ errors: CatalogErrors, folder: URL) -> String {
        let n = errors.errors.count
        return "\(n) error\(n == 1 ? "" : "s") in the reference data at \(folder.path); fix them and run `careerpath validate`."
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the reference data and print its counts.",
        discussion: "Exits 0 when every file and cross-reference is valid; otherwise prints each error as PATH:LINE:COL: error: MESSAGE and exits 1.")
    @OptionGroup var dataOptions: DataOptions

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
            print(out, terminator: "")
        case .failure(let errors):
            throw failure(errors.description + "\n" + CatalogSummary.errorTotal(errors, folder: folder))
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

    struct JobLines: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "job-lines", abstract: "The job lines and their levels.")
        @OptionGroup var options: ListingOptions
        func run() throws {
            let catalog = try options.dataOptions.loadCatalog()
            try Listing.print(options, columns: ["id", "type", "levels", "standard", "name"],
                              rows: catalog.jobLines.map { line in [
                                  "id": .text(line.id), "type": .text(line.type),
                                  "levels": .list(line.levels.map(\.level)), "standard": .text(line.standard),
                                  "work_fields": .list(line.workFields), "name": .text(line.name.text(options.lang)),
                              ] })
        }
    }

    struct Directors: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "directors", abstract: "The director posts and their frameworks.")
        @OptionGroup var options: ListingOptions
        func run() throws {
            let catalog = try options.dataOptions.loadCatalog()
            try Listing.print(options, columns: ["id", "level", "unit", "stages", "name"],
                              rows: catalog.directorPosts.map { post in [
                                  "id": .text(post.id), "level": .text(post.level), "unit": .text(post.unit),
                                  "standard": .text(post.standard), "stages": .number(post.stages.count),
                                  "eligible_lines": .list(post.eligibility.map(\.line)), "courses": .list(post.courses),
                                  "management_months": .number(post.managementMonths),
                                  "regional_months": .number(post.regionalMonths),
                                  "name": .text(post.name.text(options.lang)),
                              ] })
        }
    }

    struct Competencies: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "competencies", abstract: "The competencies of every dictionary.")
        @OptionGroup var options: ListingOptions
        func run() throws {
            let catalog = try options.dataOptions.loadCatalog()
            try Listing.print(options, columns: ["id", "dictionary", "name"],
                              rows: catalog.competencies.map { competency in [
                                  "id": .text(competency.id), "dictionary": .text(competency.dictionary),
                                  "name": .text(competency.name.text(options.lang)),
                                  "definition": .text(competency.definition.text(options.lang)),
                              ] })
        }
    }

    struct Methods: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "methods", abstract: "The development methods.")
        @OptionGroup var options: ListingOptions
        func run() throws {
            let catalog = try options.dataOptions.loadCatalog()
            try Listing.print(options, columns: ["id", "months", "gap_kinds", "name"],
                              rows: catalog.methods.map { method in [
                                  "id": .text(method.id), "months": .number(method.typicalMonths),
                                  "gap_kinds": .list(method.gapKinds), "competencies": .list(method.competencies),
                                  "preference": .number(method.preference), "name": .text(method.name.text(options.lang)),
                              ] })
        }
    }

    struct Courses: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "courses", abstract: "The courses.")
        @OptionGroup var options: ListingOptions
        func run() throws {
            let catalog = try options.dataOptions.loadCatalog()
            try Listing.print(options, columns: ["id", "months", "eligible_levels", "name"],
                              rows: catalog.courses.map { course in [
                                  "id": .text(course.id), "months": .number(course.durationMonths),
                                  "eligible_levels": .list(course.eligibleLevels), "prerequisites": .list(course.prerequisites),
                                  "valid_years": .number(course.validYears), "certification_years": .number(course.certificationYears),
                                  "name": .text(course.name.text(options.lang)),
                              ] })
        }
    }

    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "units", abstract: "The units (bureaus, divisions, regional and provincial offices).")
        @OptionGroup var options: ListingOptions
        func run() throws {
            let catalog = try options.dataOptions.loadCatalog()
            try Listing.print(options, columns: ["id", "kind", "regional", "parent", "name"],
                              rows: catalog.units.map { unit in [
                                  "id": .text(unit.id), "kind": .text(unit.kind), "regional": .flag(unit.regional),
                                  "parent": unit.parent.map(Listing.Cell.text) ?? .null, "province": .text(unit.province),
                                  "work_fields": .list(unit.workFields), "name": .text(unit.name.text(options.lang)),
                              ] })
        }
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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(rows)
            Swift.print(String(decoding: data, as: UTF8.self))
            return
        }
        let table = [columns.map { $0.replacingOccurrences(of: "_", with: " ").uppercased() }]
            + rows.map { row in columns.map { row[$0]?.plain ?? "" } }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in table { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        var out = ""
        for row in table {
            let cells = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - displayWidth(cell))
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        Swift.print(out, terminator: "")
    }

    /// Terminal columns of a cell: Thai vowel and tone marks above or below a consonant take none.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E: width
            default: width + (scalar.properties.generalCategory == .nonspacingMark ? 0 : 1)
            }
        }
    }
}
