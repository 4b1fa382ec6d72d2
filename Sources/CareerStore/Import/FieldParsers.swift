import CareerCatalog
import Foundation

/// A date as people type it, the one parser for the command line (`--on`, `--since`) and the
/// importer: `YYYY-MM-DD` with a Common Era year or `DD/MM/YYYY` with a Buddhist-era year, Thai
/// digits accepted. The written year must fit the form (B.E. from 2400 up, C.E. below): read the
/// other way, `01/10/2026` would be 1483 CE and `2569-10-01` the year 3112, and both would pass.
public enum TypedDate {
    /// Years from this one up are Buddhist-era; a Common Era year is below it.
    public static let firstBuddhistEraYear = 2400

    /// Why a text is not a date.
    public enum Problem: Error, Equatable, Sendable {
        /// Neither `YYYY-MM-DD` nor `DD/MM/YYYY`.
        case notADate
        /// The right shape but no such day (31 April, 29 February 2023); `buddhistEra`: the slash form.
        case noSuchDay(buddhistEra: Bool)
        /// A slash date with a year below 2400, or an ISO date with a year from 2400 up:
        /// `meant` is the day it most likely means (the year read in the other era).
        case wrongEra(buddhistEra: Bool, writtenYear: Int, meant: CivilDate)
    }

    public static func parse(_ text: String) -> Result<CivilDate, Problem> {
        let ascii = DateText.arabicDigits(text.trimmingCharacters(in: .whitespaces))
        func number(_ part: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        let iso = ascii.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, let y = number(iso[0], digits: 4...4), let m = number(iso[1], digits: 2...2),
           let d = number(iso[2], digits: 2...2) {
            if y >= firstBuddhistEraYear, let meant = CivilDate(year: y - CivilDate.buddhistEraOffset, month: m, day: d) {
                return .failure(.wrongEra(buddhistEra: false, writtenYear: y, meant: meant))
            }
            return CivilDate(year: y, month: m, day: d).map { .success($0) } ?? .failure(.noSuchDay(buddhistEra: false))
        }
        let be = ascii.split(separator: "/", omittingEmptySubsequences: false)
        if be.count == 3, let d = number(be[0], digits: 1...2), let m = number(be[1], digits: 1...2),
           let y = number(be[2], digits: 4...4) {
            if y < firstBuddhistEraYear, let meant = CivilDate(year: y, month: m, day: d) {
                return .failure(.wrongEra(buddhistEra: true, writtenYear: y, meant: meant))
            }
            return CivilDate(year: y - CivilDate.buddhistEraOffset, month: m, day: d).map { .success($0) } ?? .failure(.noSuchDay(buddhistEra: true))
        }
        return .failure(.notADate)
    }

    /// `01/10/2569`: a day in the slash form, with its Buddhist-era year.
    public static func buddhistEraText(_ date: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year + CivilDate.buddhistEraOffset)"
    }
}

/// Dates as HR writes them (`TypedDate`, within plausible years), with messages that say what is
/// wrong and how to fix it.
enum ImportDate {
    /// Years outside this range are almost certainly the wrong era or a typo.
    static let plausibleYears = 1900...2200

    /// `YYYY-MM-DD` (CE) or `DD/MM/YYYY` (B.E.), Thai digits accepted.
    static func parse(_ text: String) -> Result<CivilDate, FieldError> {
        // Fast path for the common `YYYY-MM-DD`: an import reads millions of dates.
        if let date = isoFast(text) { return .success(date) }
        switch TypedDate.parse(text) {
        case .success(let date):
            if plausibleYears.contains(date.year) { return .success(date) }
            return .failure(FieldError(said("ปี \(date.year) ใน `\(text)` อยู่นอกช่วงที่เป็นไปได้", "year \(date.year) in `\(text)` is out of range")))
        case .failure(.wrongEra(buddhistEra: true, let year, _)):
            return .failure(FieldError(said("ปี \(year) ใน `\(text)` ไม่ใช่ปีพุทธศักราช: รูปแบบ วว/ดด/ปปปป ใช้ปี พ.ศ. (เช่น \(year + CivilDate.buddhistEraOffset))",
                                            "year \(year) in `\(text)` is not a Buddhist-era year: DD/MM/YYYY takes B.E. (e.g. \(year + CivilDate.buddhistEraOffset))")))
        case .failure(.wrongEra(buddhistEra: false, let year, _)):
            return .failure(FieldError(said("ปี \(year) ใน `\(text)` ดูเป็นปี พ.ศ.: รูปแบบ YYYY-MM-DD ใช้ปี ค.ศ. (\(year - CivilDate.buddhistEraOffset))",
                                            "year \(year) in `\(text)` looks Buddhist-era: YYYY-MM-DD takes a Common Era year (\(year - CivilDate.buddhistEraOffset))")))
        case .failure(.noSuchDay(buddhistEra: false)):
            return .failure(FieldError(said("ไม่มีวันที่ `\(text)`", "no such date: `\(text)`")))
        case .failure(.noSuchDay(buddhistEra: true)):
            return .failure(FieldError(said("ไม่มีวันที่ `\(text)` (วว/ดด/ปปปป ปี พ.ศ.)", "no such date: `\(text)` (DD/MM/YYYY, Buddhist era)")))
        case .failure(.notADate):
            return .failure(FieldError(said("`\(text)` ไม่ใช่วันที่: เขียน วว/ดด/ปปปป (ปี พ.ศ.) หรือ YYYY-MM-DD (ปี ค.ศ.)",
                                            "invalid date `\(text)`: write YYYY-MM-DD (Common Era) or DD/MM/YYYY (Buddhist era)")))
        }
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
    let message: LocalizedText
    init(_ message: LocalizedText) { self.message = message }
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
                return .failure(FieldError(said("ไม่รู้จักระดับ `\(echoed(text))`: เป็นรหัสของ DPIS ให้นำเข้าด้วย --level-codes dpis",
                                                "unknown level `\(echoed(text))`: it is a DPIS code; import with --level-codes dpis")))
            }
            let hint = NearestID.hintText(for: text, among: catalog.positionTypes.flatMap(\.levels).map(\.id))
            return .failure(FieldError(said("ไม่รู้จักระดับ `\(echoed(text))`", "unknown level `\(echoed(text))`") + hint))
        }
        guard isOnLine(id, line) else {
            let on = line.levels.map(\.level).joined(separator: ", ")
            let shown = id == text ? "`\(id)`" : "`\(text)` (\(id))"
            return .failure(FieldError(said("ระดับ \(shown) ไม่อยู่ในสายงาน \(line.name.th) (`\(line.id)`) (ระดับของสายงาน: \(on) หรือระดับอำนวยการ/บริหาร)",
                                            "level \(shown) is not on job line `\(line.id)` (its levels: \(on); or a managerial/executive level)")))
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
