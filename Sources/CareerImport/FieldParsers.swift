import CareerCatalog
import Foundation

/// Dates as HR writes them (`TypedDate`, within plausible years), with messages that say what is
/// wrong and how to fix it.
package enum ImportDate {
    /// Years outside this range are almost certainly the wrong era or a typo.
    package static let plausibleYears = 1900...2200

    /// `YYYY-MM-DD` (CE) or `DD/MM/YYYY` (B.E.), Thai digits accepted.
    package static func parse(_ text: String) -> Result<CivilDate, FieldError> {
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
    package static func isoFast(_ text: String) -> CivilDate? {
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
package struct FieldError: Error {
    package let message: LocalizedText
    package init(_ message: LocalizedText) { self.message = message }
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
package struct LevelResolver {
    private let byText: [String: String]
    private let dpisOnly: Set<String>
    private let catalog: Catalog
    private let codes: LevelCodes

    package init(catalog: Catalog, codes: LevelCodes) {
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
    package func resolve(_ text: String, line: JobLine) -> Result<String, FieldError> {
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
    package func isOnLine(_ level: String, _ line: JobLine) -> Bool {
        if line.level(level) != nil { return true }
        guard let type = catalog.levelsByID[level]?.type else { return false }
        return type == "managerial" || type == "executive"
    }
}
