import CareerCatalog

/// Dates as HR writes them, with messages that say what is wrong and how to fix it.
enum ImportDate {
    /// Years outside this range are almost certainly the wrong era or a typo.
    static let plausibleYears = 1900...2200

    /// `YYYY-MM-DD` (CE) or `DD/MM/YYYY` (B.E.), Thai digits accepted.
    static func parse(_ text: String) -> Result<CivilDate, FieldError> {
        // Fast path for the common `YYYY-MM-DD`: an import reads millions of dates.
        if let date = isoFast(text) { return .success(date) }
        let ascii = DateText.arabicDigits(text)
        if let date = DateText.parse(ascii) {
            if plausibleYears.contains(date.year) { return .success(date) }
            if ascii.contains("/") {
                return .failure(FieldError("year \(date.year + 543) in `\(text)` is not a Buddhist-era year: DD/MM/YYYY takes B.E. (e.g. \(date.year + 543 + 543))"))
            }
            if date.year > 2300 {
                return .failure(FieldError("year \(date.year) in `\(text)` looks Buddhist-era: YYYY-MM-DD takes a Common Era year (\(date.year - 543))"))
            }
            return .failure(FieldError("year \(date.year) in `\(text)` is out of range"))
        }
        // Right shape, impossible day (31 April, 29 February 2023)?
        let iso = ascii.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2,
           iso.allSatisfy({ Int($0) != nil }) {
            return .failure(FieldError("no such date: `\(text)`"))
        }
        let be = ascii.split(separator: "/", omittingEmptySubsequences: false)
        if be.count == 3, be.allSatisfy({ Int($0) != nil }), be[2].count == 4 {
            return .failure(FieldError("no such date: `\(text)` (DD/MM/YYYY, Buddhist era)"))
        }
        return .failure(FieldError("invalid date `\(text)`: write YYYY-MM-DD (Common Era) or DD/MM/YYYY (Buddhist era)"))
    }

    /// `YYYY-MM-DD` in ASCII digits with a plausible year, without allocating; nil for anything else
    /// (which then takes the full path with its messages).
    static func isoFast(_ text: String) -> CivilDate? {
        text.utf8.withContiguousStorageIfAvailable { b -> CivilDate? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let d = Int(b[i]) &- 0x30
                    guard d >= 0, d <= 9 else { return nil }
                    value = value * 10 + d
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
                  plausibleYears.contains(y) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        } ?? nil
    }
}

/// A problem with one field's value; the importer adds the location.
struct FieldError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// How level codes in the CSV are to be read.
public enum LevelCodes: String, Sendable, CaseIterable {
    /// Our ids (O1–O4, K1–K5, M1–M2, S1–S2).
    case ours
    /// The OCSC DPIS codes: managerial D1/D2, executive M1/M2.
    case dpis
}

/// Turns what HR writes for a level (our id, DPIS code, Thai level name, salary-table code)
/// into our level id, and checks it against the job line.
struct LevelResolver {
    private let byText: [String: String]
    private let dpisOnly: Set<String>
    private let catalog: Catalog
    private let codes: LevelCodes

    init(catalog: Catalog, codes: LevelCodes) {
        self.catalog = catalog
        self.codes = codes
        let levels = catalog.positionTypes.flatMap(\.levels)
        var map: [String: String] = [:]
        // Thai names and salary-table codes cannot clash with either code system.
        for level in levels {
            map[level.name.th] = level.id
            map["ระดับ" + level.name.th] = level.id
            if !level.aliases.salaryCode.isEmpty { map[level.aliases.salaryCode] = level.id }
            map[level.name.en.lowercased()] = level.id
        }
        let ours = Set(levels.map(\.id))
        switch codes {
        case .ours:
            for level in levels { map[level.id] = level.id; map[level.id.lowercased()] = level.id }
        case .dpis:
            let dpisCodes = Set(levels.map(\.aliases.dpis))
            // Our ids that mean nothing in DPIS (S1, S2) stay unambiguous.
            for level in levels where !dpisCodes.contains(level.id) {
                map[level.id] = level.id; map[level.id.lowercased()] = level.id
            }
            for level in levels where !level.aliases.dpis.isEmpty {
                map[level.aliases.dpis] = level.id; map[level.aliases.dpis.lowercased()] = level.id
            }
        }
        byText = map
        dpisOnly = Set(levels.map(\.aliases.dpis)).subtracting(ours)
    }

    /// The level id for `text` on `line`, or a message saying why not.
    func resolve(_ text: String, line: JobLine) -> Result<String, FieldError> {
        guard let id = byText[text] ?? byText[text.lowercased()] else {
            if codes == .ours, dpisOnly.contains(text.uppercased()) {
                return .failure(FieldError("unknown level `\(text)`: it is a DPIS code; import with --level-codes dpis"))
            }
            let hint = NearestID.hint(for: text, among: catalog.positionTypes.flatMap(\.levels).map(\.id))
            return .failure(FieldError("unknown level `\(text)`\(hint)"))
        }
        guard isOnLine(id, line) else {
            let on = line.levels.map(\.level).joined(separator: ", ")
            let shown = id == text ? "`\(id)`" : "`\(text)` (\(id))"
            return .failure(FieldError("level \(shown) is not on job line `\(line.id)` (its levels: \(on); or a managerial/executive level)"))
        }
        return .success(id)
    }

    /// A line's own levels, plus managerial and executive levels: a director keeps the line they came from.
    func isOnLine(_ level: String, _ line: JobLine) -> Bool {
        if line.level(level) != nil { return true }
        guard let type = catalog.levelsByID[level]?.type else { return false }
        return type == "managerial" || type == "executive"
    }
}
