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
        let json = String(decoding: collapsingEmpty(try encoder.encode(value)), as: UTF8.self)
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

    /// Foundation pretty-prints an empty array or object over two lines; this writes `[]` and `{}`.
    /// Only a bracket followed by blanks holding a line feed is touched: a line feed inside a string
    /// is always escaped, so that is the structure, never text.
    static func collapsingEmpty(_ bytes: Data) -> [UInt8] {
        let bytes = [UInt8](bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            out.append(byte)
            i += 1
            guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else { continue }
            var j = i
            var lineFeed = false
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\n") {
                lineFeed = lineFeed || bytes[j] == UInt8(ascii: "\n")
                j += 1
            }
            let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if lineFeed, j < bytes.count, bytes[j] == close {
                out.append(close)
                i = j + 1
            }
        }
        return out
    }
}
