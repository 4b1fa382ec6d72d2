import CareerCatalog

/// One problem found while importing, pointing at the file, the physical line where the row
/// starts (1-based, header = line 1) and the 1-based column of the field, said in Thai and English.
public struct ImportDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it on the command line (relative paths stay relative).
    public let file: String
    public let line: Int
    public let column: Int
    public let said: LocalizedText

    public init(file: String, line: Int, column: Int, message: LocalizedText) {
        self.file = file; self.line = line; self.column = column; self.said = message
    }

    /// The message in English (logs, tests).
    public var message: String { said.en }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, the format editors and CI jump to; `error:` stays in both
    /// languages so they still find it.
    public func text(_ language: Language) -> String { "\(file):\(line):\(column): error: \(said.text(language))" }

    public var description: String { text(.en) }
}

/// An import that was refused: nothing was written.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// Sorted by file (in import order), line and column; at most `ImportLimits.maxDiagnostics`.
    public let diagnostics: [ImportDiagnostic]
    /// True when more problems existed than were collected.
    public let truncated: Bool

    public init(diagnostics: [ImportDiagnostic], truncated: Bool) {
        self.diagnostics = diagnostics; self.truncated = truncated
    }

    public var description: String { text(.en) }

    /// Every diagnostic, then what happened, in `language`.
    public func text(_ language: Language) -> String {
        var lines = diagnostics.map { $0.text(language) }
        let count = "\(diagnostics.count)\(truncated ? "+" : "")"
        if truncated {
            lines.append(language == .th ? "หยุดตรวจหลังพบข้อผิดพลาด \(diagnostics.count) รายการ" : "stopped after \(diagnostics.count) errors")
        }
        lines.append(language == .th
            ? "ไม่นำเข้า: พบข้อผิดพลาด \(count) รายการ ฐานข้อมูลไม่เปลี่ยนแปลง"
            : "import refused: \(count) error\(diagnostics.count == 1 ? "" : "s"); the database is unchanged")
        return lines.joined(separator: "\n")
    }
}

/// A date as an import message shows it: ISO in English, the Buddhist-era slash form in Thai.
package func said(_ date: CivilDate) -> LocalizedText { said(TypedDate.buddhistEraText(date), date.iso) }

/// What import messages call the checked fields: the CSV column, with a Thai name in Thai.
package enum ImportField {
    package static let personID = said("รหัสบุคคล (person_id)", "person_id")
    package static let unit = said("หน่วยงาน (unit)", "unit")
    package static let jobLine = said("สายงาน (job_line)", "job line")
    package static let level = said("ระดับ (level)", "level")
    package static let levelSince = said("วันเข้าสู่ระดับ (level_since)", "level_since")
    package static let serviceStart = said("วันเริ่มรับราชการ (service_start)", "service_start")
    package static let education = said("วุฒิการศึกษา (education)", "education")
    package static let workField = said("ด้านงาน (field)", "work field")
    package static let role = said("บทบาท (role)", "role")
    package static let start = said("วันเริ่ม (start)", "start")
    package static let end = said("วันสิ้นสุด (end)", "end")
    package static let competency = said("สมรรถนะ (competency)", "competency")
    package static let assessedOn = said("วันประเมิน (assessed_on)", "assessed_on")
    package static let assessor = said("ผู้ประเมิน (assessor)", "assessor")
    package static let course = said("หลักสูตร (course)", "course")
    package static let completedOn = said("วันสำเร็จการอบรม (completed_on)", "completed_on")
}

public enum ImportLimits {
    /// The importer stops collecting (and checking) after this many errors.
    public static let maxDiagnostics = 100
    /// No value is longer (in UTF-8 bytes): a longer field is refused before any other check.
    public static let maxFieldBytes = 4096
    /// A record (one CSV row) longer than this, in bytes, is refused as soon as the reader sees it,
    /// before it is parsed: a 50 MB field costs one read, not a parse and a search.
    public static let maxRecordBytes = 1 << 16
    /// Characters of a value quoted in a message before it is cut.
    package static let echoedCharacters = 40
    /// `service_start` before this year is refused: no one serving now started earlier.
    public static let earliestServiceYear = 1950
}

/// A value as an import message quotes it: whole when short, else its first characters and its length
/// (`P7777777777…(1048576 characters)`), so a huge field does not flood the terminal.
package func echoed(_ value: String) -> String {
    var shown = ""
    var count = 0
    for character in value {
        if count < ImportLimits.echoedCharacters { shown.append(character) }
        count += 1
        // Past the limit only the count matters; a field is at most `maxFieldBytes` here.
    }
    return count <= ImportLimits.echoedCharacters ? value : shown + "… (\(count) characters)"
}
