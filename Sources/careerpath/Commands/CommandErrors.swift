import ArgumentParser
import TerminalNcurses
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
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
}

/// The language of error messages: `--lang th|en` wherever it appears on the command line,
/// else the app's own default (Thai, unless the locale or the terminal cannot show it —
/// the rule the TUI uses).
enum CommandLanguage {
    nonisolated(unsafe) static var current: Language = .th

    static func from(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count, let language = Language(rawValue: arguments[i + 1]) { return language }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) { return language }
        }
        let capabilities = TerminalCapabilities.detect(environment: environment, hasColors: false, terminalColors: 0)
        return capabilities.canShowThai ? .th : .en
    }
}

/// Error messages in both languages (one table, not scattered through the commands).
enum CommandError {
    static func text(_ th: String, _ en: String) -> String { CommandLanguage.current == .th ? th : en }

    static var prefix: String { text("ข้อผิดพลาด: ", "error: ") }

    static func unknownPerson(_ id: String, option: String? = nil, known: [String]) -> String {
        let at = option.map { "--\($0): " } ?? ""
        return prefix + at + text("ไม่พบบุคคลรหัส `\(id)`", "unknown person `\(id)`") + didYouMean(NearestID.suggestion(for: id, among: known))
    }

    static func unknownUnit(_ id: String, known: [String]) -> String {
        prefix + text("ไม่รู้จักหน่วยงาน `\(id)`", "unknown unit `\(id)`") + didYouMean(NearestID.suggestion(for: id, among: known))
    }

    static func unknownTarget(_ error: TargetError) -> String {
        prefix + text("ใช้เป้าหมาย `\(error.text)` ไม่ได้: ใช้รหัสตำแหน่ง (dir-news-bureau) หรือ สายงาน:ระดับ (public-relations-officer:K3)", error.message)
            + didYouMean(error.suggestion)
    }

    static func unknownPost(_ error: SuccessionError) -> String {
        prefix + text("ไม่รู้จักตำแหน่งผู้อำนวยการ `\(error.post)`", "unknown director post `\(error.post)`") + didYouMean(error.suggestion)
    }

    static func accessDenied(_ detail: String, as viewer: String?) -> String {
        prefix + text("ไม่มีสิทธิ์ดู (\(detail)) ในฐานะ \(viewer ?? "ระบบ")", "\(detail) (as \(viewer ?? "system"))")
    }

    static func cannotOpenDatabase(_ path: String, _ error: Error) -> String {
        prefix + text("เปิดฐานข้อมูลบุคลากรที่ \(path) ไม่ได้: \(error)", "cannot open the personnel database at \(path): \(error)")
    }

    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { text(" (หมายถึง `\($0)` ใช่ไหม?)", " (did you mean `\($0)`?)") } ?? ""
    }

    /// A date option's value that `TypedDate` refuses, with the likely meaning for a year in the wrong era.
    static func date(_ text: String, option: String, _ problem: TypedDate.Problem) -> String {
        let at = "--\(option) `\(text)`: "
        switch problem {
        case .notADate:
            return prefix + at + self.text("ไม่ใช่วันที่ เขียนเป็น YYYY-MM-DD (ปี ค.ศ.) หรือ DD/MM/YYYY (ปี พ.ศ.)",
                                           "not a date: write YYYY-MM-DD (Common Era) or DD/MM/YYYY (Buddhist era)")
        case .noSuchDay:
            return prefix + at + self.text("ไม่มีวันนี้ในปฏิทิน", "no such day")
        case .wrongEra(let buddhistEra, let year, let meant):
            let be = TypedDate.buddhistEraText(meant), iso = meant.iso
            if buddhistEra {
                return prefix + at + self.text(
                    "วันที่แบบ DD/MM/YYYY ใช้ปี พ.ศ. (ตั้งแต่ \(TypedDate.firstBuddhistEraYear)) แต่ \(year) ดูเป็นปี ค.ศ.; หมายถึง \(be) (พ.ศ.) หรือ \(iso) ใช่ไหม?",
                    "DD/MM/YYYY takes a Buddhist-era year (\(TypedDate.firstBuddhistEraYear) or later) and \(year) looks Common Era; did you mean \(be) (B.E.) or \(iso)?")
            }
            return prefix + at + self.text(
                "วันที่แบบ YYYY-MM-DD ใช้ปี ค.ศ. (ก่อน \(TypedDate.firstBuddhistEraYear)) แต่ \(year) ดูเป็นปี พ.ศ.; หมายถึง \(iso) หรือ \(be) (พ.ศ.) ใช่ไหม?",
                "YYYY-MM-DD takes a Common Era year (before \(TypedDate.firstBuddhistEraYear)) and \(year) looks Buddhist-era; did you mean \(iso) or \(be) (B.E.)?")
        }
    }

    /// Why the terminal could not be opened, in the chosen language (the adapter's own message is
    /// the English one).
    static func terminal(_ error: TerminalError) -> String {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        switch error.kind {
        case .notATerminal:
            return text("careerpath ต้องทำงานในเทอร์มินัล: อินพุตหรือเอาต์พุตมาตรฐานไม่ใช่ tty "
                        + "ให้เปิดในเทอร์มินัล หรือใช้ `careerpath render --screen NAME --size 80x24` เพื่อได้ข้อความธรรมดา", error.message)
        case .noTerminalType:
            return text("ไม่ได้ตั้งค่า TERM: ตั้งเป็นชนิดของเทอร์มินัลที่ใช้ เช่น TERM=xterm-256color", error.message)
        case .unknownTerminalType:
            return text("ไม่รู้จักชนิดเทอร์มินัล \"\(term)\" (TERM): ไม่มีใน terminfo ลองใช้ TERM=xterm-256color หรือ TERM=vt100", error.message)
        case .alreadyActive, .system:
            return text("เปิดเทอร์มินัลไม่ได้: ", "") + error.message
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
