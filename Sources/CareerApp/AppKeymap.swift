import CareerCatalog
import TerminalUI

/// Everything a key can ask the app to do; the keymap binds keys to these by raw value.
public enum AppAction: String, Sendable, CaseIterable {
    case help, language, search, quit
    case screenPeople = "screen-people", screenMe = "screen-me", screenPaths = "screen-paths"
    case screenGaps = "screen-gaps", screenPlan = "screen-plan", screenCatalog = "screen-catalog"
    case nextPane = "next-pane", previousPane = "previous-pane"
    case up, down, left, right, pageUp = "page-up", pageDown = "page-down", first, last
    case activate, back
    case togglePick = "toggle-pick", savePlan = "save-plan", exportPlan = "export-plan"
    case adoptSuggested = "adopt-suggested", clearPlan = "clear-plan", submitPlan = "submit-plan"
    case stepProgress = "step-progress"
    case deleteBackward = "delete-backward", clearInput = "clear-input"
    case close
    case sortNext = "sort-next", wholeChain = "whole-chain", nextPost = "next-post", filterList = "filter-list"
    case compare, approvePlan = "approve-plan", returnPlan = "return-plan", commentPlan = "comment-plan", succession
    case assessCompetency = "assess-competency", assessSelf = "assess-self", confirmStep = "confirm-step"
    case newPlanVersion = "new-plan-version"
    case why
    case focusList = "focus-list"
    case screenReports = "screen-reports", reportNextTab = "report-next-tab", reportPreviousTab = "report-previous-tab"
    case reportSubmit = "report-submit", reportUnit = "report-unit", reportNextYear = "report-next-year"
    case reportPreviousYear = "report-previous-year", reportDue = "report-due"
}

/// The keymap contexts, one per screen and modal ("global" applies everywhere unless shadowed).
public enum KeyContext: String, Sendable, CaseIterable {
    case global, picker
    /// The picker while its filter has the keys (after `/`).
    case pickerFilter = "picker-filter"
    case me, paths, gaps, plan, catalog, search, help, message, supervisor, why, reports
    /// A form of typed fields over the screen (a step's dates, the export folder): printable keys type.
    case form
}

/// The app's key bindings as data: the update function looks actions up here, the help screen,
/// the function-key bar and docs/keys.md are generated from the same table.
public enum AppKeymap {
    private static func bind(_ keys: [KeyEvent], _ action: AppAction, _ th: String, _ en: String,
                             _ context: KeyContext) -> KeyBinding {
        KeyBinding(keys, action: action.rawValue, th: th, en: en, context: context.rawValue)
    }

    /// Every binding, context by context.
    public static let bindings: [KeyBinding] = {
        var b: [KeyBinding] = []
        // Global: function keys each with a letter (vt100 lacks F5+, the Linux console F1–F5)
        // and the digit of the function key, so the bar's numbers work on any terminal.
        b.append(bind([.function(1), .char("?"), .char("1")], .help, "วิธีใช้ (ปุ่มลัดทั้งหมด)", "Help (every key)", .global))
        b.append(bind([.function(2), .char("L"), .char("2")], .language, "สลับภาษาไทย/อังกฤษ", "Switch Thai/English", .global))
        b.append(bind([.function(3), .char("/"), .char("3")], .search, "ค้นหาบุคคล หน่วยงาน สายงาน ตำแหน่ง หลักสูตร", "Search people, units, lines, posts, courses", .global))
        b.append(bind([.function(4), .char("p"), .char("4")], .screenPeople, "เลือกบุคคล", "Pick a person", .global))
        b.append(bind([.function(5), .char("m"), .char("5")], .screenMe, "ข้อมูลของฉัน", "Me: record and timeline", .global))
        b.append(bind([.function(6), .char("t"), .char("6")], .screenPaths, "เส้นทางและเป้าหมาย", "Paths and targets", .global))
        b.append(bind([.function(7), .char("g"), .char("7")], .screenGaps, "ช่องว่างของเป้าหมาย", "Gaps for the target", .global))
        b.append(bind([.function(8), .char("n"), .char("8")], .screenPlan, "แผนพัฒนา", "Development plan", .global))
        b.append(bind([.function(9), .char("c"), .char("9")], .screenCatalog, "คู่มือสมรรถนะและกรอบ", "Catalog: competencies, frameworks, methods", .global))
        b.append(bind([.function(10), .char("q"), .ctrl("c")], .quit, "ออกจากโปรแกรม", "Quit", .global))
        b.append(bind([.tab], .nextPane, "ช่องถัดไป", "Next pane", .global))
        b.append(bind([.backTab], .previousPane, "ช่องก่อนหน้า", "Previous pane", .global))
        b.append(bind([.up, .char("k")], .up, "ขึ้น", "Up", .global))
        b.append(bind([.down, .char("j")], .down, "ลง", "Down", .global))
        b.append(bind([.left, .char("h")], .left, "ช่องทางซ้าย", "Pane to the left", .global))
        b.append(bind([.right, .char("l")], .right, "ช่องทางขวา", "Pane to the right", .global))
        b.append(bind([.pageUp, .ctrl("b")], .pageUp, "เลื่อนขึ้นหนึ่งหน้า", "Page up", .global))
        b.append(bind([.pageDown, .ctrl("f")], .pageDown, "เลื่อนลงหนึ่งหน้า", "Page down", .global))
        b.append(bind([.home], .first, "ไปรายการแรก", "First entry", .global))
        b.append(bind([.end], .last, "ไปรายการสุดท้าย", "Last entry", .global))
        b.append(bind([.enter], .activate, "เปิด / เลือก", "Open / choose", .global))
        b.append(bind([.escape], .back, "ย้อนกลับ", "Back", .global))

        // Picker: the list has the keys (the global ones work, q quits); `/` opens the filter,
        // as in supervisor mode, less, htop and lazygit. F3 and 3 still search.
        b.append(bind([.char("/")], .filterList, "กรองรายชื่อ (พิมพ์ชื่อหรือรหัส)", "Filter the list (type a name or id)", .picker))
        b.append(bind([.enter], .activate, "เปิดข้อมูลบุคคลนี้", "Open this person", .picker))
        b.append(bind([.escape], .back, "ล้างตัวกรอง / กลับ", "Clear the filter / back", .picker))
        b.append(bind([.ctrl("u")], .clearInput, "ล้างตัวกรอง", "Clear the filter", .picker))
        // Picker filter: printable keys type into it; function keys and Ctrl-C keep their global meaning.
        b.append(bind([.down, .tab], .focusList, "ไปที่รายชื่อ (ตัวกรองยังอยู่)", "To the list (the filter stays)", .pickerFilter))
        b.append(bind([.enter], .activate, "เปิดข้อมูลบุคคลที่เลือก", "Open the selected person", .pickerFilter))
        b.append(bind([.escape], .close, "ล้างตัวกรองแล้วไปที่รายชื่อ", "Clear the filter, back to the list", .pickerFilter))
        b.append(bind([.up], .up, "ขึ้น", "Up", .pickerFilter))
        b.append(bind([.pageUp], .pageUp, "เลื่อนขึ้นหนึ่งหน้า", "Page up", .pickerFilter))
        b.append(bind([.pageDown], .pageDown, "เลื่อนลงหนึ่งหน้า", "Page down", .pickerFilter))
        b.append(bind([.backspace], .deleteBackward, "ลบอักษร", "Delete a character", .pickerFilter))
        b.append(bind([.ctrl("u")], .clearInput, "ล้างตัวกรอง", "Clear the filter", .pickerFilter))

        b.append(bind([.enter], .activate, "ดูช่องว่างของเป้าหมาย / ระดับที่เลือก", "Gaps for the chosen target or level", .paths))
        b.append(bind([.enter], .activate, "ดูรายละเอียดช่องว่าง", "Open the gap's detail", .gaps))
        b.append(bind([.char(" ")], .togglePick, "เลือกข้อเสนอเข้าแผน", "Add the suggestion to the plan", .gaps))
        b.append(bind([.char("w")], .why, "ทำไม: กฎ ตัวเลข ที่มา และประวัติที่นับ", "Why: the rule, its numbers, their source, the records counted", .gaps))
        b.append(bind([.char(" "), .enter], .togglePick, "เลือก/ไม่เลือกข้อเสนอ", "Pick / unpick a suggestion", .plan))
        b.append(bind([.char("s")], .savePlan, "บันทึกแผนพัฒนา", "Save the plan", .plan))
        b.append(bind([.char("e")], .exportPlan, "ส่งออกแผน (Markdown และ HTML) ไปยังโฟลเดอร์ที่เลือก", "Export the plan (Markdown and HTML) to a folder you choose", .plan))
        b.append(bind([.char("a")], .adoptSuggested, "ใช้แผนที่แนะนำ", "Pick the suggested plan", .plan))
        b.append(bind([.char("x")], .clearPlan, "ล้างรายการที่เลือก", "Clear the picks", .plan))
        b.append(bind([.char("u")], .submitPlan, "ส่งแผนที่บันทึกให้ผู้บังคับบัญชาพิจารณา", "Submit the saved plan to the supervisor", .plan))
        b.append(bind([.char("d")], .stepProgress, "บันทึกวันที่เริ่ม/เสร็จของขั้นตอนในแผนที่อนุมัติ", "Record when a step of the approved plan started or was completed", .plan))
        b.append(bind([.char("v")], .newPlanVersion, "เริ่มแผนฉบับใหม่จากแผนที่อนุมัติ (ฉบับเดิมเก็บไว้)", "Start a new version of the approved plan (the old one is kept)", .plan))
        b.append(bind([.char("e")], .assessSelf, "ประเมินสมรรถนะตนเอง (แสดงคู่กับผลที่นับ ไม่นับ)", "Assess yourself (shown beside the counted level, never counted)", .me))

        // Supervisor mode (split pane): the list keys, plus sort, scope, post, filter, compare, review, succession.
        b.append(bind([.tab], .nextPane, "สลับช่องซ้าย/ขวา", "Switch between the list and the person", .supervisor))
        b.append(bind([.enter], .activate, "เปิดบุคคลนี้เต็มจอ (Esc กลับ)", "Open this person full screen (Esc back)", .supervisor))
        b.append(bind([.escape], .back, "ปิดการเปรียบเทียบ / ล้างตัวกรอง", "Close compare or succession / clear the filter", .supervisor))
        b.append(bind([.char("s")], .sortNext, "เปลี่ยนคอลัมน์ที่ใช้เรียง", "Sort by the next column", .supervisor))
        b.append(bind([.char("w")], .wholeChain, "ขึ้นตรง / ทั้งสายบังคับบัญชา", "Direct reports / the whole chain below", .supervisor))
        b.append(bind([.char("d")], .nextPost, "เลือกตำแหน่งผู้อำนวยการสำหรับความพร้อม", "Next director post for the readiness badge", .supervisor))
        b.append(bind([.char("/")], .filterList, "กรองรายชื่อ", "Filter the list", .supervisor))
        b.append(bind([.char("v")], .compare, "ทำเครื่องหมาย / เปรียบเทียบสองคน", "Mark, then compare two side by side", .supervisor))
        b.append(bind([.char("a")], .approvePlan, "อนุมัติแผนที่บันทึกไว้", "Approve the saved plan", .supervisor))
        b.append(bind([.char("r")], .returnPlan, "ส่งแผนกลับให้แก้ไข", "Return the saved plan", .supervisor))
        b.append(bind([.char("i")], .commentPlan, "เขียนความเห็นในแผน", "Comment on the saved plan", .supervisor))
        b.append(bind([.char("e")], .assessCompetency, "บันทึกผลประเมินสมรรถนะ", "Record a competency assessment", .supervisor))
        b.append(bind([.char("f")], .confirmStep, "ยืนยันขั้นตอนที่เสร็จแล้ว (บันทึกเข้าประวัติ)", "Confirm a completed step (into the record)", .supervisor))
        b.append(bind([.char("S")], .succession, "ผู้สืบทอดตำแหน่งผู้อำนวยการ", "Succession pools of the director posts", .supervisor))

        // Reports (a unit head or HR): the form's rows, its ticks and texts, save and submit, the other reports.
        b.append(bind([.char("R")], .screenReports, "รายงานหน่วยงาน (หัวหน้าหน่วยงานและ hr)", "Unit reports (unit heads and hr)", .global))
        b.append(bind([.char(" "), .enter], .togglePick, "ทำเครื่องหมาย / แก้ไขข้อความ", "Tick / edit the text", .reports))
        b.append(bind([.char("s")], .savePlan, "บันทึกแบบรายงาน (ร่าง)", "Save the usage report (draft)", .reports))
        b.append(bind([.char("S")], .reportSubmit, "ส่งแบบรายงาน (แก้ไขไม่ได้อีก)", "Submit the usage report (it then cannot change)", .reports))
        b.append(bind([.char("]"), .tab], .reportNextTab, "รายงานถัดไป", "Next report", .reports))
        b.append(bind([.char("["), .backTab], .reportPreviousTab, "รายงานก่อนหน้า", "Previous report", .reports))
        b.append(bind([.char("u")], .reportUnit, "เลือกหน่วยงาน (ตามชื่อ)", "Choose the unit (by name)", .reports))
        b.append(bind([.char(">")], .reportNextYear, "ปีงบประมาณถัดไป", "Next fiscal year", .reports))
        b.append(bind([.char("<")], .reportPreviousYear, "ปีงบประมาณก่อนหน้า", "Previous fiscal year", .reports))
        b.append(bind([.char("D")], .reportDue, "ตั้งกำหนดส่งแบบรายงานของปี (hr)", "Set the day the year's usage reports are due (hr)", .reports))
        b.append(bind([.escape], .back, "กลับ", "Back", .reports))

        // Search modal: printable keys type into the query.
        b.append(bind([.up], .up, "ผลก่อนหน้า", "Previous result", .search))
        b.append(bind([.down, .tab], .down, "ผลถัดไป", "Next result", .search))
        b.append(bind([.enter], .activate, "เปิดผลที่เลือก", "Open the result", .search))
        b.append(bind([.escape, .function(3)], .close, "ปิดการค้นหา", "Close search", .search))
        b.append(bind([.backspace], .deleteBackward, "ลบอักษร", "Delete a character", .search))
        b.append(bind([.ctrl("u")], .clearInput, "ล้างคำค้น", "Clear the query", .search))

        b.append(bind([.escape, .enter, .char("q"), .char("?"), .function(1)], .close, "ปิดวิธีใช้", "Close help", .help))
        b.append(bind([.up, .char("k")], .up, "เลื่อนขึ้น", "Scroll up", .help))
        b.append(bind([.down, .char("j")], .down, "เลื่อนลง", "Scroll down", .help))
        b.append(bind([.pageUp], .pageUp, "ขึ้นหนึ่งหน้า", "Page up", .help))
        b.append(bind([.pageDown, .char(" ")], .pageDown, "ลงหนึ่งหน้า", "Page down", .help))

        b.append(bind([.escape, .enter, .char(" ")], .close, "ปิดข้อความ", "Close the message", .message))

        // Forms (a step's dates, the export folder, the report's unit and due date): printable keys type into the field.
        b.append(bind([.enter], .activate, "บันทึก / ส่งออก / เลือก", "Save / export / choose", .form))
        b.append(bind([.escape], .close, "ยกเลิก", "Cancel", .form))
        b.append(bind([.tab, .backTab], .nextPane, "ช่องถัดไป", "Next field", .form))
        b.append(bind([.up], .up, "ขั้นตอนหรือหน่วยงานก่อนหน้า", "Previous step or unit", .form))
        b.append(bind([.down], .down, "ขั้นตอนหรือหน่วยงานถัดไป", "Next step or unit", .form))
        b.append(bind([.backspace], .deleteBackward, "ลบอักษร", "Delete a character", .form))
        b.append(bind([.ctrl("u")], .clearInput, "ล้างช่อง", "Clear the field", .form))

        b.append(bind([.escape, .enter, .char("w"), .char("q")], .close, "ปิดคำอธิบาย", "Close the explanation", .why))
        b.append(bind([.up, .char("k")], .up, "เลื่อนขึ้น", "Scroll up", .why))
        b.append(bind([.down, .char("j")], .down, "เลื่อนลง", "Scroll down", .why))
        b.append(bind([.pageUp], .pageUp, "ขึ้นหนึ่งหน้า", "Page up", .why))
        b.append(bind([.pageDown, .char(" ")], .pageDown, "ลงหนึ่งหน้า", "Page down", .why))
        return b
    }()

    /// The validated keymap. The table above is tested to have no conflicts, so the fallback
    /// (every binding kept, first one wins on lookup) is never used in practice.
    public static let keymap: Keymap = {
        (try? Keymap(validating: bindings)) ?? Keymap.unvalidated(bindings)
    }()

    /// The action for a key in a context (then global unless `globalFallback` is false).
    static func action(for key: KeyEvent, in context: KeyContext, globalFallback: Bool = true) -> AppAction? {
        if !globalFallback {
            return keymap.bindings.first { $0.context == context.rawValue && $0.keys.contains(key) }
                .flatMap { AppAction(rawValue: $0.action) }
        }
        return keymap.action(for: key, in: [context.rawValue]).flatMap(AppAction.init(rawValue:))
    }

    /// The function-key bar: F1–F10 with short labels. Given the bar's `width`, a label that would
    /// fill its slot is shortened (htop style) so a blank always separates it from the next key
    /// ("9Catalog10Quit" ran together at 80 columns).
    static func functionBar(_ language: Language, width: Int? = nil) -> [FunctionKeyLabel] {
        let labels: [Str] = [.fkHelp, .fkLang, .fkSearch, .fkPeople, .fkMe, .fkPaths, .fkGaps, .fkPlan, .fkCatalog, .fkQuit]
        let entries = labels.enumerated().map { FunctionKeyLabel(String($0.offset + 1), $0.element.text(language)) }
        return width.map { fitted(entries, width: $0, language) } ?? entries
    }

    /// `entries` with each label cut to its slot of the bar (`FunctionKeyBar.slots`) less one cell,
    /// so a blank always separates two of them (as htop's bar does; the last needs none);
    /// "Catalog" gives way to its short form first.
    static func fitted(_ entries: [FunctionKeyLabel], width: Int, _ language: Language) -> [FunctionKeyLabel] {
        let slots = FunctionKeyBar.slots(in: Rect(x: 0, y: 0, width: width, height: 1), count: entries.count)
        return zip(entries, slots).enumerated().map { index, pair in
            let (entry, slot) = pair
            let blank = index == entries.count - 1 ? 0 : 1
            let room = max(0, slot.width - TextWidth.of(entry.key) - blank)
            var text = entry.label
            if TextWidth.of(text) > room, text == Str.fkCatalog.text(language) { text = Str.fkCatalogShort.text(language) }
            return FunctionKeyLabel(entry.key, TextWidth.truncate(text, toWidth: room, ellipsis: ""))
        }
    }

    /// docs/keys.md, generated from the table (a test keeps the committed file in step).
    public static func markdown() -> String {
        var out = "# Keys\n\n"
        out += "Generated from `Sources/CareerApp/AppKeymap.swift` (`AppKeymap.markdown()`); do not edit by hand.\n"
        out += "Every function key also has a letter and a digit, for terminals that lack it (vt100: F5 and up; Linux console: F1–F5).\n"
        out += "On the person picker the keys act on its list as on every screen (`q` quits, `?` helps, `L` switches language); "
        out += "`/` opens the filter, where every printable key is typed until `Esc` (clears it), `↓` or `Tab` (keeps it) "
        out += "or `Enter` (opens the selected person). The mouse: a click selects a row, a tab or a function key; "
        out += "clicking the selected row opens it; the wheel scrolls. `--no-mouse` turns it off.\n"
        for context in KeyContext.allCases {
            let rows = keymap.bindings(in: context.rawValue)
            guard !rows.isEmpty else { continue }
            out += "\n## \(context.rawValue)\n\n| keys | action | English | ไทย |\n|---|---|---|---|\n"
            for binding in rows {
                let keys = binding.keys.map { "`\($0.label(unicode: true))`" }.joined(separator: " ")
                out += "| \(keys) | \(binding.action) | \(binding.description.en) | \(binding.description.th) |\n"
            }
        }
        // The kiosk's own keys and the planner keys it refuses (generated from its tables too).
        out += KioskKeymap.markdown()
        return out
    }
}

extension Keymap {
    /// A keymap keeping only the first binding of each key per context: it cannot conflict.
    /// Only a fallback; the table is tested to validate as it is.
    static func unvalidated(_ bindings: [KeyBinding]) -> Keymap {
        var seen: Set<String> = []
        let kept = bindings.map { binding -> KeyBinding in
            var b = binding
            b.keys = b.keys.filter { seen.insert("\(binding.context)|\($0)").inserted }
            return b
        }
        // Each key appears once per context, so validation cannot fail.
        return try! Keymap(validating: kept)
    }
}
