import ArgumentParser
import CareerApp
import TerminalNcurses
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import LocalSystem
import TerminalUI

/// The exit codes of every command (docs/cli.md, "Exit codes"), one table.
enum CommandExit {
    /// Done.
    static let success: Int32 = 0
    /// A usage or input error: an unknown or missing option, a bad value, an unknown person,
    /// target or unit, a date in the wrong era, reference data that does not validate, an import refused.
    static let input: Int32 = 1
    /// No usable terminal for the TUI or the kiosk (not a tty, TERM unset or unknown).
    static let noTerminal: Int32 = 2
    /// Access refused (`--as` someone who may not see that person or that pool).
    static let accessDenied: Int32 = 3
    /// The PostgreSQL server of `--database postgres://…` cannot be reached, or the connection was lost.
    static let databaseUnreachable: Int32 = 4
}

/// What a command does when the store would not open: an unreachable server exits 4 (`CommandExit`),
/// a bad URL, a newer schema or a damaged file exits 1; each with a message naming the database.
func storeOpenFailure(_ path: String, _ error: Error) -> Error {
    if error is StoreUnavailable { return error }
    if let bad = error as? StoreLocationError { return failure(CommandError.prefix + (CommandLanguage.current == .th ? bad.th : bad.en)) }
    if let newer = error as? SchemaTooNew { return failure(CommandError.prefix + (CommandLanguage.current == .th ? newer.th : newer.description)) }
    return failure(CommandError.cannotOpenDatabase(path, error))
}

/// The language of error messages: `--lang th|en` wherever it appears on the command line,
/// else the app's own default (Thai, unless the locale or the terminal cannot show it —
/// the rule the TUI uses).
enum CommandLanguage {
    nonisolated(unsafe) static var current: Language = .th

    static func from(_ arguments: [String],
                     environment: [String: String] = ProcessEnvironment.values(TerminalCapabilities.environmentNames)) -> Language {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count, let language = Language(rawValue: arguments[i + 1]) { return language }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) { return language }
        }
        let capabilities = TerminalCapabilities.detect(environment: environment, hasColors: false, terminalColors: 0)
        return capabilities.canShowThai ? .th : .en
    }
}

/// The command line's error messages in Thai and English, a `TextTable`; `CommandError` puts them
/// together in the language of error messages.
enum CommandErrorText: String, CaseIterable, TextTable {
    case prefix, didYouMean, unknownPerson, unknownUnit, unknownTarget, unknownJobLine, noSuchLevel, unknownPost
    case accessDenied, system, notInReach, successionNeedsRole, cannotOpenDatabase, noDatabase
    case notADate, noSuchDay, buddhistEraLooksCommon, commonEraLooksBuddhist
    case notATerminal, noTerminalType, unknownTerminalType, cannotOpenTerminal
    case postOrRisks, limitNegative, peopleAtLeastOne, noPINOnStandardInput, badSize, unknownScreen, targetNeedsPerson
    case planNeedsTarget, saveNeedsTarget, noSavedPlan, noSuchStep
    case badFiscalYear, cannotWrite, withinNegative, reportUnitDenied, reportDenied, unknownChoice, usageSubmitted, usageIncomplete
    case usageNeedsUnit, usageDueOutsideYear

    var pair: (th: String, en: String) {
        switch self {
        case .prefix: ("ข้อผิดพลาด: ", "error: ")
        case .didYouMean: (" (หมายถึง `%1` ใช่ไหม?)", " (did you mean `%1`?)")
        case .unknownPerson: ("ไม่พบบุคคลรหัส `%1`", "unknown person `%1`")
        case .unknownUnit: ("ไม่รู้จักหน่วยงาน `%1`", "unknown unit `%1`")
        case .unknownTarget: ("ใช้เป้าหมาย `%1` ไม่ได้: ใช้รหัสตำแหน่ง (dir-news-bureau) หรือ สายงาน:ระดับ (public-relations-officer:K3)",
                              "unknown target `%1`: use a director post id (dir-news-bureau) or LINE:LEVEL (public-relations-officer:K3)")
        case .unknownJobLine: ("ไม่รู้จักสายงาน `%1`", "unknown job line `%1`")
        case .noSuchLevel: ("สายงาน `%1` ไม่มีระดับ `%2` (มี %3)", "job line `%1` has no level `%2` (it has %3)")
        case .unknownPost: ("ไม่รู้จักตำแหน่งผู้อำนวยการ `%1`", "unknown director post `%1`")
        case .accessDenied: ("ไม่มีสิทธิ์ดู (%1) ในฐานะ %2", "%1 (as %2)")
        case .system: ("ระบบ", "system")
        case .notInReach: ("ไม่มีสิทธิ์ดู: %1 ไม่อยู่ในขอบเขตที่ท่านดูได้ (ในฐานะ %2)", "access denied: %1 is not in your reach (as %2)")
        case .successionNeedsRole: ("ไม่มีสิทธิ์: การวางแผนสืบทอดตำแหน่งต้องมีบทบาท hr (`careerpath accounts grant-hr %1`) หรือเป็นผู้บังคับบัญชา",
                                    "access denied: succession needs the hr role (`careerpath accounts grant-hr %1`) or a supervisor")
        case .cannotOpenDatabase: ("เปิดฐานข้อมูลบุคลากรที่ %1 ไม่ได้: %2", "cannot open the personnel database at %1: %2")
        case .noDatabase: ("ไม่มีฐานข้อมูลบุคลากรที่ %1: นำเข้าข้อมูลก่อน (`careerpath import`) หรือระบุ --database",
                           "no personnel database at %1; import the records first (`careerpath import`) or pass --database")
        case .notADate: ("ไม่ใช่วันที่ เขียนเป็น YYYY-MM-DD (ปี ค.ศ.) หรือ DD/MM/YYYY (ปี พ.ศ.)",
                         "not a date: write YYYY-MM-DD (Common Era) or DD/MM/YYYY (Buddhist era)")
        case .noSuchDay: ("ไม่มีวันนี้ในปฏิทิน", "no such day")
        // `%1` the first Buddhist-era year, `%2` the year given, `%3` the B.E. date meant, `%4` the ISO date meant.
        case .buddhistEraLooksCommon:
            ("วันที่แบบ DD/MM/YYYY ใช้ปี พ.ศ. (ตั้งแต่ %1) แต่ %2 ดูเป็นปี ค.ศ.; หมายถึง %3 (พ.ศ.) หรือ %4 ใช่ไหม?",
             "DD/MM/YYYY takes a Buddhist-era year (%1 or later) and %2 looks Common Era; did you mean %3 (B.E.) or %4?")
        case .commonEraLooksBuddhist:
            ("วันที่แบบ YYYY-MM-DD ใช้ปี ค.ศ. (ก่อน %1) แต่ %2 ดูเป็นปี พ.ศ.; หมายถึง %4 หรือ %3 (พ.ศ.) ใช่ไหม?",
             "YYYY-MM-DD takes a Common Era year (before %1) and %2 looks Buddhist-era; did you mean %4 or %3 (B.E.)?")
        // The terminal's English wording is the adapter's own message (`%1`).
        case .notATerminal: ("careerpath ต้องทำงานในเทอร์มินัล: อินพุตหรือเอาต์พุตมาตรฐานไม่ใช่ tty "
                             + "ให้เปิดในเทอร์มินัล หรือใช้ `careerpath render --screen NAME --size 80x24` เพื่อได้ข้อความธรรมดา", "%1")
        case .noTerminalType: ("ไม่ได้ตั้งค่า TERM: ตั้งเป็นชนิดของเทอร์มินัลที่ใช้ เช่น TERM=xterm-256color", "%1")
        case .unknownTerminalType: ("ไม่รู้จักชนิดเทอร์มินัล \"%2\" (TERM): ไม่มีใน terminfo ลองใช้ TERM=xterm-256color หรือ TERM=vt100", "%1")
        case .cannotOpenTerminal: ("เปิดเทอร์มินัลไม่ได้: %1", "%1")
        case .postOrRisks: ("ใส่ --post รหัสตำแหน่ง หรือ --risks อย่างใดอย่างหนึ่ง", "give either --post ID or --risks")
        case .limitNegative: ("--limit ต้องเป็น 0 (ทั้งหมด) ขึ้นไป", "--limit must be 0 (all) or more")
        case .peopleAtLeastOne: ("--people ต้องมีอย่างน้อย 1", "--people must be at least 1")
        case .noPINOnStandardInput: ("ไม่มี PIN ทางอินพุตมาตรฐาน", "no PIN on standard input")
        case .badSize: ("--size `%1` ต้องเป็น กว้างxสูง ไม่เกิน 1000 (เช่น 80x24)", "--size `%1` is not WxH with positive numbers up to 1000 (e.g. 80x24)")
        case .unknownScreen: ("ไม่รู้จักหน้าจอ `%1`%2: ใช้ได้ %3", "unknown screen `%1`%2: use one of %3")
        case .targetNeedsPerson: ("--target ต้องใช้คู่กับ --person: เป้าหมายวิเคราะห์จากประวัติของคนหนึ่งคน",
                                  "--target needs --person: a target is analysed for one person's record")
        case .planNeedsTarget: ("ต้องระบุ --target (หรือ --saved)", "--target is needed (or --saved)")
        case .saveNeedsTarget: ("--save ต้องระบุ --target", "--save needs --target")
        case .noSavedPlan: ("%1 ยังไม่มีแผนที่บันทึกไว้: ใช้ --save ก่อน", "%1 has no saved plan: use --save first")
        case .noSuchStep: ("--step %1: แผนมี %2 ขั้นตอน (1–%2)", "--step %1: the plan has %2 steps (1–%2)")
        case .badFiscalYear: ("--year `%1`: ใส่ปีงบประมาณเป็น พ.ศ. เช่น 2569", "--year `%1`: give the fiscal year in B.E., e.g. 2569")
        case .cannotWrite: ("เขียนไฟล์ %1 ไม่ได้", "cannot write %1")
        case .withinNegative: ("--within ต้องเป็น 0 ขึ้นไป", "--within must be 0 or more")
        case .reportUnitDenied: ("ไม่มีสิทธิ์ดูรายงานของหน่วยงาน `%1` ในฐานะ %2: หัวหน้าหน่วยงานดูได้เฉพาะหน่วยงานของตน",
                                 "access denied: the reports of unit `%1` are not yours (as %2); a unit head sees their own unit")
        case .reportDenied: ("ไม่มีสิทธิ์: รายงานหน่วยงานสำหรับหัวหน้าหน่วยงานและผู้มีบทบาท hr (ในฐานะ %1)",
                             "access denied: unit reports are for unit heads and the hr role (as %1)")
        case .unknownChoice: ("--%1: ไม่รู้จัก `%2` (ใช้ได้: %3)", "--%1: unknown `%2` (one of: %3)")
        case .usageSubmitted: ("แบบรายงานของ %1 ปีงบประมาณ %2 ส่งแล้ว แก้ไขไม่ได้", "the usage report of %1 for %2 was submitted and cannot change")
        case .usageIncomplete: ("ยังส่งไม่ได้: ต้องกรอก %1", "cannot submit yet: fill in %1")
        case .usageNeedsUnit: ("ต้องระบุ --unit (หรือ --set-due)", "--unit is needed (or --set-due)")
        case .usageDueOutsideYear: ("--set-due %1: ใช้กับปีงบประมาณ %2 ไม่ได้ (ต้องอยู่ระหว่าง %3 ถึง %4)",
                                    "--set-due %1: not a due date for fiscal year %2 (from %3 to %4)")
        }
    }
}

extension TextTable {
    /// The entry in the command line's language (`CommandLanguage.current`) with `%1`, `%2` … filled
    /// in: how every command line table (errors, the operator commands' messages) is said.
    func said(_ arguments: String...) -> String {
        said(arguments: arguments)
    }

    func said(arguments: [String]) -> String {
        format(CommandLanguage.current, arguments: arguments)
    }
}

/// Error messages in the language of error messages (`CommandLanguage.current`), from `CommandErrorText`.
enum CommandError {
    /// `entry` in the language of error messages with `%1`, `%2` … filled in.
    static func text(_ entry: CommandErrorText, _ arguments: String...) -> String {
        entry.said(arguments: arguments)
    }

    static var prefix: String { text(.prefix) }

    static func unknownPerson(_ id: String, option: String? = nil, known: [String]) -> String {
        let at = option.map { "--\($0): " } ?? ""
        return prefix + at + text(.unknownPerson, id) + didYouMean(NearestID.suggestion(for: id, among: known))
    }

    static func unknownUnit(_ id: String, known: [String]) -> String {
        prefix + text(.unknownUnit, id) + didYouMean(NearestID.suggestion(for: id, among: known))
    }

    static func unknownTarget(_ error: TargetError) -> String {
        let problem: String
        switch error.problem {
        case .unknownJobLine(let line): problem = text(.unknownJobLine, line)
        case .noSuchLevel(let line, let level, let levels): problem = text(.noSuchLevel, line, level, levels.joined(separator: ", "))
        case .unknownTarget: problem = text(.unknownTarget, error.text)
        }
        return prefix + problem + didYouMean(error.suggestion)
    }

    static func unknownPost(_ error: SuccessionError) -> String {
        prefix + text(.unknownPost, error.post) + didYouMean(error.suggestion)
    }

    static func accessDenied(_ detail: String, as viewer: String?) -> String {
        prefix + text(.accessDenied, detail, viewer ?? text(.system))
    }

    static func cannotOpenDatabase(_ path: String, _ error: Error) -> String {
        prefix + text(.cannotOpenDatabase, path, "\(error)")
    }

    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { text(.didYouMean, $0) } ?? ""
    }

    /// A date option's value that `TypedDate` refuses, with the likely meaning for a year in the wrong era.
    static func date(_ text: String, option: String, _ problem: TypedDate.Problem) -> String {
        let at = "--\(option) `\(text)`: "
        switch problem {
        case .notADate:
            return prefix + at + self.text(.notADate)
        case .noSuchDay:
            return prefix + at + self.text(.noSuchDay)
        case .wrongEra(let buddhistEra, let year, let meant):
            return prefix + at + self.text(buddhistEra ? .buddhistEraLooksCommon : .commonEraLooksBuddhist,
                                           String(TypedDate.firstBuddhistEraYear), String(year), TypedDate.buddhistEraText(meant), meant.iso)
        }
    }

    /// Why the terminal could not be opened, in the chosen language (the adapter's own message is
    /// the English one).
    static func terminal(_ error: TerminalError) -> String {
        let term = ProcessEnvironment.value("TERM") ?? ""
        switch error.kind {
        case .notATerminal: return text(.notATerminal, error.message)
        case .noTerminalType: return text(.noTerminalType, error.message)
        case .unknownTerminalType: return text(.unknownTerminalType, error.message, term)
        case .alreadyActive, .system: return text(.cannotOpenTerminal, error.message)
        }
    }

    /// ArgumentParser's usage message (English, "Error: …" then Help/Usage lines) in the chosen
    /// language: the first line is translated where its shape is known; the usage lines are syntax.
    static func usage(_ message: String) -> String {
        guard CommandLanguage.current == .th else { return message }
        var lines = message.components(separatedBy: "\n")
        guard var first = lines.first else { return message }
        if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
        let patterns: [(String, (String, String?) -> String)] = [
            ("Missing expected argument '", { a, _ in "ต้องใส่ \(a)" }),
            ("Missing value for '", { a, _ in "\(a) ต้องมีค่าตามหลัง" }),
            ("Unknown option '", { a, _ in "ไม่รู้จักตัวเลือก \(a)" }),
            ("Unexpected argument '", { a, _ in "ไม่เข้าใจ \(a)" }),
            ("The value '", { a, b in "ค่า \(a) ใช้กับ \(b ?? "ตัวเลือกนี้") ไม่ได้" }),
            ("The option '", { a, b in "\(a) ไม่รับค่า" + (b.map { " (ได้ \($0))" } ?? "") }),
        ]
        var translated: String?
        for (start, make) in patterns where first.hasPrefix(start) {
            let quoted = first.split(separator: "'", omittingEmptySubsequences: false)
            let a = quoted.count > 1 ? "'\(quoted[1])'" : ""
            let b = quoted.count > 3 ? "'\(quoted[3])'" : nil
            var line = make(a, b)
            // "Please provide one of 'th' and 'en'." / "Did you mean '--target'?"
            if let range = first.range(of: "Please provide one of ") {
                line += " (ใช้ได้: " + first[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    .replacingOccurrences(of: "' and '", with: "' หรือ '") + ")"
            }
            if let range = first.range(of: "Did you mean ") {
                line += " (หมายถึง " + first[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "?")) + " ใช่ไหม?)"
            }
            translated = line
            break
        }
        lines[0] = "ข้อผิดพลาด: " + (translated ?? first)
        return lines.map { line in
            if line.hasPrefix("Help: ") { return "ความช่วยเหลือ:" + line.dropFirst("Help:".count) }
            if line.hasPrefix("Usage: ") { return "วิธีใช้:" + line.dropFirst("Usage:".count) }
            if line.hasPrefix("  See '"), let end = line.dropFirst(7).firstIndex(of: "'") {
                return "  ดู '" + line[line.index(line.startIndex, offsetBy: 7)..<end] + "' สำหรับรายละเอียด"
            }
            return line
        }.joined(separator: "\n")
    }
}
