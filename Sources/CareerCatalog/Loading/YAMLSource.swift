import Foundation
import Yams

/// Reads one YAML file into a Yams node tree, turning every way a file can be unreadable
/// (missing, binary, not UTF-8, empty, malformed) into a located error instead of a crash.
enum YAMLSource {
    /// The root node of the file's single document, or nil after reporting why there is none.
    static func compose(url: URL, path: String, expecting what: LocalizedText, into diagnostics: Diagnostics) -> Node? {
        let fileLocation = SourceLocation(path: path, line: 0, column: 0)
        guard let raw = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(said("อ่านแฟ้มไม่ได้", "cannot read the file"), at: fileLocation)
            return nil
        }
        var bytes = [UInt8](raw)[...]
        // A UTF-8 byte-order mark is harmless; drop it so columns on line 1 match what editors show.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }

        // Fast path: valid UTF-8 without NUL bytes is all real data files; scan byte by byte only otherwise.
        if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil, let problem = firstNonTextByte(bytes) {
            let location = position(ofByte: problem.offset, in: bytes, path: path)
            diagnostics.error(said("ไม่ใช่แฟ้มข้อความ (\(problem.reason.th)): \(what.th)ต้องเป็นข้อความ YAML แบบ UTF-8",
                                   "not a text file (\(problem.reason.en)); \(what.en) must be UTF-8 YAML text"), at: location)
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let emptyLocation = SourceLocation(path: path, line: 1, column: 1)
        do {
            // The basic resolver leaves every scalar a string: we convert them ourselves, which is
            // faster than Yams' regular-expression tag resolution and keeps `no`, `on`, `1.0` as written.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                diagnostics.error(said("แฟ้มว่าง: ต้องมี\(what.th)", "the file is empty; expected \(what.en)"), at: emptyLocation)
                return nil
            }
            if case .scalar(let scalar) = node, scalar.style == .plain, isNull(scalar.string) {
                diagnostics.error(said("แฟ้มว่าง: ต้องมี\(what.th)", "the file is empty; expected \(what.en)"), at: emptyLocation)
                return nil
            }
            return node
        } catch let error as YamlError {
            report(error, text: text, path: path, into: diagnostics)
            return nil
        } catch {
            diagnostics.error(said("อ่าน YAML ไม่ได้: \(error)", "cannot read YAML: \(error)"), at: fileLocation)
            return nil
        }
    }

    /// Plain scalars YAML reads as null.
    static func isNull(_ string: String) -> Bool {
        switch string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private static func report(_ error: YamlError, text: String, path: String, into diagnostics: Diagnostics) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line, column: mark.column) }
        // libyaml's own words stay English in both languages; what is around them is said in each.
        func detail(_ context: YamlError.Context?, _ problem: String) -> LocalizedText {
            guard let context else { return said(problem, problem) }
            return said("\(problem) (\(context.text) ที่บรรทัด \(context.mark.line) คอลัมน์ \(context.mark.column))",
                        "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))")
        }
        let malformed = said("YAML ผิดรูปแบบ: ", "malformed YAML: ")
        switch error {
        case let .composer(_, problem, mark, _) where problem == "but found another document":
            diagnostics.error(malformed + said("แฟ้มข้อมูลหนึ่งแฟ้มมีเอกสารเดียว: ลบ `---` ที่สองนี้และสิ่งที่ตามมา หรือย้ายไปไว้ในแฟ้มของมันเอง",
                                               "a data file holds one document; remove this second `---` and what follows or move it to its own file"),
                              at: at(mark))
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // libyaml's words for a tab are obscure; tabs are the usual cause for people who edit by hand.
            let tab = character(at: mark, in: text) == "\t" ? said(": ย่อหน้าด้วยช่องว่าง ไม่ใช่แท็บ", "; indent with spaces, not tabs") : said("", "")
            diagnostics.error(malformed + detail(context, problem) + tab, at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            diagnostics.error(malformed + said("คีย์ \(keys) ซ้ำในการจับคู่ (mapping) เดียวกัน", "key \(keys) appears more than once in the same mapping"), at: at(context.mark))
        case let .reader(problem, offset, _, _):
            var location = SourceLocation(path: path, line: 1, column: 1)
            if let offset {
                let prefix = text.prefix(offset)
                let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let column = (prefix.lastIndex(of: "\n").map { prefix[prefix.index(after: $0)...] } ?? prefix[...])
                    .unicodeScalars.count + 1
                location = SourceLocation(path: path, line: line, column: column)
            }
            diagnostics.error(malformed + said(problem, problem), at: location)
        default:
            diagnostics.error(malformed + said("\(error)", "\(error)"), at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    /// The character at a libyaml mark (line and column from 1, column in Unicode scalars).
    private static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        guard let line = text.split(separator: "\n", maxSplits: mark.line, omittingEmptySubsequences: false)
            .dropFirst(mark.line - 1).first else { return nil }
        let scalars = line.unicodeScalars
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)]
    }

    /// The first byte that cannot be in a UTF-8 text file (a NUL, or an invalid UTF-8 sequence).
    private static func firstNonTextByte(_ bytes: ArraySlice<UInt8>) -> (offset: Int, reason: LocalizedText)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { return (offset, said("มีไบต์ NUL", "a NUL byte")) }
                offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error:
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                return (offset, said("ไบต์ 0x\(byte) ไม่ใช่ UTF-8", "byte 0x\(byte) is not UTF-8"))
            }
        }
    }

    /// Line and column (in Unicode scalars, as libyaml counts) of a byte offset in valid text before it.
    private static func position(ofByte offset: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        let before = bytes[bytes.startIndex..<offset]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(path: path, line: line, column: column)
    }
}
