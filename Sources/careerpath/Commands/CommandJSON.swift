import Foundation
import TerminalUI

/// The one JSON encoder of every `--json` (the contracts are in docs/cli.md): Codable values, keys
/// sorted, pretty-printed, dates as ISO strings (the shapes hold `CivilDate.iso`). JSONEncoder
/// escapes C0 controls; DEL, C1 controls and bidi controls are escaped here too (`\u009b`, `\u202e`),
/// so a JSON document never carries a byte that steers a terminal.
enum CommandJSON {
    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: tidied(try encoder.encode(value)), as: UTF8.self)
        // Raw controls are only ever inside strings (the structure is ASCII and its line feeds), so
        // an escape in place is the same string to a JSON reader.
        guard json.unicodeScalars.contains(where: { $0 != "\n" && TextWidth.isUnsafe($0) }) else { return json }
        var escaped = ""
        for scalar in json.unicodeScalars {
            if scalar != "\n" && TextWidth.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `value` as JSON on standard output.
    static func print<T: Encodable>(_ value: T) throws {
        Output.standardOutput(try text(value) + "\n")
    }

    /// Foundation's pretty printing made to read like the documents: `"key": value` (not
    /// `"key" : value`) and `[]` / `{}` for an empty array or object (not two lines). Only the
    /// structure is touched: bytes inside strings are copied as they are.
    static func tidied(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        let (quote, backslash, space, colon, lineFeed) = (UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "\n"))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false, escaped = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == backslash { escaped = true } else if byte == quote { inString = false }
                continue
            }
            switch byte {
            case quote:
                inString = true
                out.append(byte)
            case space where i + 1 < bytes.count && bytes[i] == colon && bytes[i + 1] == space:
                out += [colon, space]
                i += 2
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                out.append(byte)
                var j = i
                while j < bytes.count, bytes[j] == space || bytes[j] == lineFeed { j += 1 }
                let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if j < bytes.count, bytes[j] == close {
                    out.append(close)
                    i = j + 1
                }
            default:
                out.append(byte)
            }
        }
        return out
    }
}
