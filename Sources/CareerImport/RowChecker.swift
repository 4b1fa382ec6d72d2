import CareerCatalog
import CareerEngine

/// A value for one `?` of an import's INSERT; text is a span of its chunk's `bytes`, so a checked row
/// costs no allocation and SQLite reads the text where it lies.
package enum BindValue: Sendable {
    case text(start: Int32, count: Int32)
    case int(Int)
    case null
}

/// One data row after the checks that need nothing but the row itself and the catalog.
package struct CheckedRow: Sendable {
    package let line: Int
    /// The trimmed `person_id` ("" when empty); people rows are checked for duplicates, history rows
    /// for a known person, on the importer's thread.
    package let person: String
    /// people.csv: the supervisor id, nil when empty.
    package let supervisor: String?
    /// Refused as a whole before the field checks (wider than the header, a value too long or with a
    /// control character): its problems are all there is, and its person is not looked up.
    package let refusedWhole: Bool
    /// Every check passed: `values[valueStart...]` hold the row to write.
    package let complete: Bool
    package let valueStart: Int
    /// `problems[..<problemEnd]` after the previous row's end, in the order they were found.
    package let problemEnd: Int
    /// A complete history row's person and values, digested (on the checking thread) for the importer's
    /// duplicate check.
    package var digest: RowDigest?
}

/// Two independent hashes of a history row's person and checked values: rows with the same digest
/// are, all but certainly, the same row. 128 bits a row keep a million-row file to a few tens of megabytes.
package struct RowDigest: Hashable, Sendable {
    package let a: Int
    package let b: Int

    init(_ row: CheckedRow, _ chunk: CheckedChunk, values: Int) {
        var first = Hasher(), second = Hasher()
        second.combine(0x5EED)
        first.combine(row.person)
        second.combine(row.person.utf8.count)
        second.combine(row.person)
        chunk.bytes.withUnsafeBufferPointer { bytes in
            for value in chunk.values[row.valueStart..<(row.valueStart + values)] {
                switch value {
                case .text(let start, let count):
                    let text = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)]))
                    first.combine(1); first.combine(bytes: text)
                    second.combine(count); second.combine(bytes: text)
                case .int(let number): first.combine(2); first.combine(number); second.combine(-number - 7)
                case .null: first.combine(3); second.combine(-3)
                }
            }
        }
        a = first.finalize()
        b = second.finalize()
    }
}

/// The checked rows of one chunk, in file order.
package struct CheckedChunk: Sendable {
    package var rows: [CheckedRow] = []
    package var values: [BindValue] = []
    /// The UTF-8 text of the values.
    package var bytes: [UInt8] = []
    package var problems: [ImportDiagnostic] = []
    /// Reading stopped here on bytes that are not UTF-8.
    package var failure: ImportDiagnostic?
}

/// The per-row checks of one file kind: required values, catalog ids, levels on their job line, dates.
///
/// Pure (the catalog and the header layout only), so chunks are checked on worker threads; the
/// messages and columns are those the importer reports. Checks that depend on other rows (duplicate
/// people, unknown people, supervisors) stay with `ImportSession`.
package struct RowChecker: Sendable {
    package let kind: RecordFile
    package let file: String
    /// Index in the CSV row of each of the kind's columns, in `RecordFile.columns` order.
    package let columns: [Int]
    package let width: Int
    package let catalog: Catalog
    package let levels: LevelResolver
    /// The import's day: level_since, completed_on and assessed_on may not be after it.
    package let today: CivilDate
    /// The catalog's ids each lookup suggests from, sorted once per file rather than once per unknown value.
    let known: KnownIDs

    package init(kind: RecordFile, file: String, columns: [Int], width: Int, catalog: Catalog, levels: LevelResolver, today: CivilDate) {
        self.kind = kind; self.file = file; self.columns = columns; self.width = width
        self.catalog = catalog; self.levels = levels; self.today = today
        known = KnownIDs(catalog)
    }

    /// Sorted ids, for "did you mean" (the first of equally near ids in this order is suggested).
    struct KnownIDs: Sendable {
        let units, workFields, competencies, courses, educations, jobLines: [String]

        init(_ catalog: Catalog) {
            units = catalog.unitsByID.keys.sorted()
            workFields = catalog.workFieldsByID.keys.sorted()
            competencies = catalog.competenciesByID.keys.sorted()
            courses = catalog.coursesByID.keys.sorted()
            educations = catalog.educationsByID.keys.sorted()
            jobLines = catalog.jobLinesByID.keys.sorted()
        }
    }

    /// Parses `chunk` with CSV.swift and checks its rows.
    package func check(_ chunk: CSVChunk) -> CheckedChunk {
        let (rows, failure) = CSVChunkReader.parse(chunk, displayPath: file)
        var out = check(rows)
        out.failure = failure
        return out
    }

    package func check(_ rows: [CSVRawRow]) -> CheckedChunk {
        var row = RowCheck(checker: self)
        row.out.rows.reserveCapacity(rows.count)
        row.out.values.reserveCapacity(rows.count * (kind == .people ? 10 : 5))
        row.out.bytes.reserveCapacity(rows.count * (kind == .people ? 120 : 48))
        for (line, fields) in rows {
            // A blank line is a row of one empty field: skip it (it still counted as a line).
            if fields.count == 1, fields[0].isEmpty { continue }
            row.line = line
            row.fields = fields
            var checked = row.run()
            if kind != .people && checked.complete { checked.digest = RowDigest(checked, row.out, values: kind.columns.count - 1) }
            row.out.rows.append(checked)
        }
        return row.out
    }
}

/// Checking a chunk's rows one at a time: appends their problems and, for complete rows, their values.
private struct RowCheck {
    let checker: RowChecker
    var line = 0
    var fields: [String] = []
    var out = CheckedChunk()
    /// "Did you mean" hints already found in this chunk, by field and value: a file that repeats one
    /// wrong id on every row searches once.
    var hints: [HintKey: LocalizedText] = [:]

    struct HintKey: Hashable {
        let ids: KeyPath<RowChecker.KnownIDs, [String]>
        let value: String
    }

    init(checker: RowChecker) { self.checker = checker }

    var catalog: Catalog { checker.catalog }

    /// The trimmed value of the kind's `i`-th column ("" when the row is short).
    func value(_ i: Int) -> String {
        let at = checker.columns[i]
        return at < fields.count ? CSVChunkReader.clean(fields[at]) : ""
    }

    /// 1-based column of the kind's `i`-th column.
    func column(_ i: Int) -> Int { checker.columns[i] + 1 }

    /// Appends a text value (NULL for nil).
    mutating func put(_ text: String?) {
        guard let text else { out.values.append(.null); return }
        let start = out.bytes.count
        out.bytes.append(contentsOf: text.utf8)
        out.values.append(.text(start: Int32(start), count: Int32(out.bytes.count - start)))
    }

    static func endBeforeStart(_ end: ParsedDate, _ start: ParsedDate) -> LocalizedText {
        said("วันสิ้นสุด \(said(end.date).th) อยู่ก่อนวันเริ่ม \(said(start.date).th)", "end \(end.iso) is before start \(start.iso)")
    }

    mutating func report(_ column: Int, _ message: LocalizedText) {
        out.problems.append(ImportDiagnostic(file: checker.file, line: line, column: column, message: message))
    }

    mutating func run() -> CheckedRow {
        let valueStart = out.values.count
        // A row longer than the header is a misplaced comma or quote; say so once.
        guard fields.count <= checker.width else {
            report(checker.width + 1, said("แถวนี้มี \(fields.count) ช่อง แต่หัวตารางมี \(checker.width) ช่อง (มีจุลภาคนอกเครื่องหมายคำพูด?)",
                                          "this row has \(fields.count) fields but the header has \(checker.width) (an unquoted comma?)"))
            return CheckedRow(line: line, person: value(0), supervisor: nil, refusedWhole: true, complete: false,
                              valueStart: valueStart, problemEnd: out.problems.count)
        }
        if !screenFields() {
            return CheckedRow(line: line, person: "", supervisor: nil, refusedWhole: true, complete: false,
                              valueStart: valueStart, problemEnd: out.problems.count)
        }
        var supervisor: String?
        let complete: Bool
        switch checker.kind {
        case .people: complete = people(&supervisor)
        case .assignments: complete = assignment()
        case .assessments: complete = assessment()
        case .trainings: complete = training()
        case .levelHistory: complete = levelHistory()
        }
        return CheckedRow(line: line, person: value(0), supervisor: supervisor, refusedWhole: false, complete: complete,
                          valueStart: valueStart, problemEnd: out.problems.count)
    }

    // MARK: kinds

    mutating func people(_ supervisor: inout String?) -> Bool {
        let id = required(0, ImportField.personID)
        let nameTH = value(1), nameEN = value(2)
        if nameTH.isEmpty && nameEN.isEmpty { report(column(1), said("ต้องมีชื่อ (name_th หรือ name_en)", "a name is required (name_th or name_en)")) }
        let unit = lookup(3, ImportField.unit, catalog.unitsByID, \.units)
        let line = lookupLine(4)
        var level: String?
        let levelText = required(5, ImportField.level)
        if let line, let levelText {
            switch checker.levels.resolve(levelText, line: line) {
            case .success(let id): level = id
            case .failure(let e): report(column(5), e.message)
            }
        }
        let levelSince = notFuture(date(6, ImportField.levelSince), 6, ImportField.levelSince)
        var serviceStart = date(7, ImportField.serviceStart)
        if let start = serviceStart, start.date.year < ImportLimits.earliestServiceYear {
            let year = ImportLimits.earliestServiceYear
            report(column(7), said("วันเริ่มรับราชการ \(said(start.date).th) อยู่ก่อนปี พ.ศ. \(year + CivilDate.buddhistEraOffset): ไม่มีผู้ที่ยังรับราชการอยู่เริ่มในปีนั้น (พิมพ์ปีผิด?)",
                                   "service_start \(start.iso) is before \(year): no one serving now started then (a typo in the year?)"))
            serviceStart = nil
        }
        if let levelSince, let serviceStart, levelSince.date < serviceStart.date {
            report(column(6), said("วันเข้าสู่ระดับ \(said(levelSince.date).th) อยู่ก่อนวันเริ่มรับราชการ \(said(serviceStart.date).th)",
                                   "level_since \(levelSince.iso) is before service_start \(serviceStart.iso)"))
        }
        let education = lookup(8, ImportField.education, catalog.educationsByID, \.educations)
        let supervisorText = value(9)
        supervisor = supervisorText.isEmpty ? nil : supervisorText
        guard let id, let unit, let line, let level, let levelSince, let serviceStart, let education else { return false }
        put(id)
        put(nameTH)
        put(nameEN)
        put(unit)
        put(line.id)
        put(level)
        put(levelSince.iso)
        put(serviceStart.iso)
        put(education)
        put(supervisor)
        return true
    }

    mutating func assignment() -> Bool {
        let unit = lookup(1, ImportField.unit, catalog.unitsByID, \.units)
        let fieldText = value(2)
        var field: String?
        if !fieldText.isEmpty { field = lookup(2, ImportField.workField, catalog.workFieldsByID, \.workFields) }
        var role: AssignmentRole?
        if let text = required(3, ImportField.role) {
            role = AssignmentRole(rawValue: text) ?? AssignmentRole(rawValue: text.lowercased())
            if role == nil {
                let all = AssignmentRole.allCases.map(\.rawValue)
                let hint = NearestID.hintText(for: text, among: all)
                report(column(3), said("ไม่รู้จักบทบาท `\(echoed(text))`", "unknown role `\(echoed(text))`") + hint
                    + said("; บทบาทที่ใช้ได้: ", "; roles: ") + said(all.joined(separator: ", "), all.joined(separator: ", ")))
            }
        }
        let start = date(4, ImportField.start)
        let end = optionalDate(5)
        if let start, let end, end.date < start.date {
            report(column(5), Self.endBeforeStart(end, start))
        }
        guard let unit, let role, let start, fieldText.isEmpty || field != nil, value(5).isEmpty || end != nil else { return false }
        put(unit)
        put(field)
        put(role.rawValue)
        put(start.iso)
        put(end?.iso)
        return true
    }

    mutating func assessment() -> Bool {
        let competency = lookup(1, ImportField.competency, catalog.competenciesByID, \.competencies)
        var level: Int?
        if let text = required(2, ImportField.level) {
            if let value = Int(text) ?? Int(DateText.arabicDigits(text)), (0...5).contains(value) {
                level = value
            } else {
                report(column(2), said("ระดับที่ประเมิน `\(echoed(text))` ไม่อยู่ในช่วง 0–5", "assessment level `\(echoed(text))` is outside 0–5"))
            }
        }
        let on = notFuture(date(3, ImportField.assessedOn), 3, ImportField.assessedOn)
        var assessor: Assessor?
        if let text = required(4, ImportField.assessor) {
            assessor = Assessor(rawValue: text) ?? Assessor(rawValue: text.lowercased())
            if assessor == nil {
                let all = Assessor.allCases.map(\.rawValue)
                report(column(4), said("ไม่รู้จักผู้ประเมิน `\(echoed(text))`", "unknown assessor `\(echoed(text))`") + NearestID.hintText(for: text, among: all)
                    + said("; ผู้ประเมินที่ใช้ได้: ", "; assessors: ") + said(all.joined(separator: ", "), all.joined(separator: ", ")))
            }
        }
        guard let competency, let level, let on, let assessor else { return false }
        put(competency)
        out.values.append(.int(level))
        put(on.iso)
        put(assessor.rawValue)
        return true
    }

    mutating func training() -> Bool {
        let course = lookup(1, ImportField.course, catalog.coursesByID, \.courses)
        let on = notFuture(date(2, ImportField.completedOn), 2, ImportField.completedOn)
        guard let course, let on else { return false }
        put(course)
        put(on.iso)
        return true
    }

    mutating func levelHistory() -> Bool {
        let line = lookupLine(1)
        var level: String?
        if let text = required(2, ImportField.level), let line {
            switch checker.levels.resolve(text, line: line) {
            case .success(let id): level = id
            case .failure(let e): report(column(2), e.message)
            }
        }
        let start = date(3, ImportField.start)
        let end = optionalDate(4)
        if let start, let end, end.date < start.date {
            report(column(4), Self.endBeforeStart(end, start))
        }
        guard let line, let level, let start, value(4).isEmpty || end != nil else { return false }
        put(line.id)
        put(level)
        put(start.iso)
        put(end?.iso)
        return true
    }

    // MARK: field checks

    /// Every value at most `ImportLimits.maxFieldBytes` long, and the kind's values free of control
    /// characters (a NUL cuts a name short on screen and makes `P1\0` a second `P1`; the others move the
    /// cursor or change the terminal). Reports each bad field; false when there was one.
    mutating func screenFields() -> Bool {
        var clean = true
        for (at, field) in fields.enumerated() where field.utf8.count > ImportLimits.maxFieldBytes {
            report(at + 1, said("ค่ายาว \(field.utf8.count) ไบต์ เกินกว่าที่รับได้ (ไม่เกิน \(ImportLimits.maxFieldBytes)): `\(echoed(field))`",
                                "value of \(field.utf8.count) bytes is too long (at most \(ImportLimits.maxFieldBytes)): `\(echoed(field))`"))
            clean = false
        }
        guard clean else { return false }
        for (i, at) in checker.columns.enumerated() where at < fields.count {
            guard let bad = Self.controlCharacter(in: CSVChunkReader.clean(fields[at])) else { continue }
            let hex = String(bad.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            let name = checker.kind.columns[i]
            report(at + 1, said("\(name) มีอักขระควบคุม \(code): โปรดลบออก", "\(name) contains the control character \(code): remove it"))
            clean = false
        }
        return clean
    }

    /// The first C0 or C1 control character, DEL, or bidirectional override/isolate in `text`, if any.
    /// Line breaks inside a quoted value are part of the CSV format the importer takes (a name written
    /// on two lines) and pass.
    static func controlCharacter(in text: String) -> Unicode.Scalar? {
        // Most values are plain printable ASCII or Thai: one pass over the bytes settles them.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
        } ?? false
        if plain { return nil }
        // The same set the terminal drops (`TextWidth.isUnsafe`): controls, and every bidi control
        // (U+061C, U+200E/F, the embeddings, overrides and isolates).
        return text.unicodeScalars.first { s in
            (s.value < 0x20 && s.value != 0x0A && s.value != 0x0D) || (0x7F...0x9F).contains(s.value)
                || (s.value >= 0x061C && s.properties.isBidiControl)
        }
    }

    /// `date` unless it is after the import's day (reported at the kind's `i`-th column).
    mutating func notFuture(_ date: ParsedDate?, _ i: Int, _ name: LocalizedText) -> ParsedDate? {
        guard let date, date.date > checker.today else { return date }
        report(column(i), said("\(name.th) \(said(date.date).th) เป็นวันในอนาคต (นำเข้าเมื่อ \(said(checker.today).th))",
                               "\(name.en) \(date.iso) is in the future (the import runs on \(checker.today.iso))"))
        return nil
    }

    mutating func required(_ i: Int, _ name: LocalizedText) -> String? {
        let value = value(i)
        if value.isEmpty {
            report(column(i), said("ไม่ได้กรอก\(name.th)", "\(name.en) is empty"))
            return nil
        }
        return value
    }

    mutating func lookup<T>(_ i: Int, _ name: LocalizedText, _ known: [String: T], _ ids: KeyPath<RowChecker.KnownIDs, [String]>) -> String? {
        guard let value = required(i, name) else { return nil }
        if known[value] != nil { return value }
        report(column(i), said("ไม่รู้จัก\(name.th) `\(echoed(value))`", "unknown \(name.en) `\(echoed(value))`") + hint(value, ids))
        return nil
    }

    /// The "did you mean" hint for `value` among the ids at `ids`, searched once per chunk.
    mutating func hint(_ value: String, _ ids: KeyPath<RowChecker.KnownIDs, [String]>) -> LocalizedText {
        let key = HintKey(ids: ids, value: value)
        if let found = hints[key] { return found }
        let found = NearestID.hintText(for: value, among: checker.known[keyPath: ids])
        hints[key] = found
        return found
    }

    mutating func lookupLine(_ i: Int) -> JobLine? {
        guard let id = lookup(i, ImportField.jobLine, catalog.jobLinesByID, \.jobLines) else { return nil }
        return catalog.jobLinesByID[id]
    }

    mutating func date(_ i: Int, _ name: LocalizedText) -> ParsedDate? {
        guard let text = required(i, name) else { return nil }
        return parseDate(i, text)
    }

    mutating func optionalDate(_ i: Int) -> ParsedDate? {
        let text = value(i)
        guard !text.isEmpty else { return nil }
        return parseDate(i, text)
    }

    mutating func parseDate(_ i: Int, _ text: String) -> ParsedDate? {
        // Already ISO: store the text as it is (formatting a million dates again shows in the profile).
        if let date = ImportDate.isoFast(text) { return ParsedDate(date: date, iso: text) }
        switch ImportDate.parse(text) {
        case .success(let d): return ParsedDate(date: d, iso: d.iso)
        case .failure(let e): report(column(i), e.message); return nil
        }
    }
}

/// A checked date and its ISO text for the database.
private struct ParsedDate {
    let date: CivilDate
    let iso: String
}
