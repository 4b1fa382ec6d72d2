internal import CICU

/// Wraps text to a width in columns at the places ICU's line-break iterator allows:
/// Thai at word boundaries (ICU's Thai dictionary), English and digits at spaces and hyphens.
///
/// Greedy fill: each line takes as many segments as fit; a single segment wider than the line
/// is hard-broken between grapheme clusters, so a base character keeps its marks.
/// Hard newlines in the text start new lines; spaces at the end of a line are dropped.
///
/// Usage: `LineBreaker().wrap("นักประชาสัมพันธ์ชำนาญการพิเศษ", width: 12)`
/// → `["นักประชาสัมพันธ์", "ชำนาญการ", "พิเศษ"]`.
public struct LineBreaker: Sendable, Hashable {
    /// The ICU locale of the iterator; "th" enables the Thai dictionary (it also handles English).
    public var locale: String

    public init(locale: String = "th") {
        self.locale = locale
    }

    /// The text cut at every line-break opportunity; each piece keeps its trailing spaces,
    /// so joining the pieces gives the text back. Falls back to cutting after spaces when
    /// ICU cannot open an iterator (it then cannot split Thai words, but never loses text).
    public func segments(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        let units = Array(text.utf16)
        var status: Int32 = 0
        guard let iterator = cp_ubrk_open(CP_UBRK_LINE, locale, units, Int32(units.count), &status),
              cp_u_failure(status) == 0 else {
            return Self.segmentsAtSpaces(text)
        }
        defer { cp_ubrk_close(iterator) }
        var pieces: [String] = []
        var start = cp_ubrk_first(iterator)
        var end = cp_ubrk_next(iterator)
        while end != CP_UBRK_DONE {
            pieces.append(String(decoding: units[Int(start)..<Int(end)], as: UTF16.self))
            start = end
            end = cp_ubrk_next(iterator)
        }
        return pieces
    }

    /// Lines of at most `width` columns (a lone character wider than `width` still gets a line).
    /// An empty text gives no lines; an empty paragraph between newlines gives an empty line.
    public func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, !text.isEmpty else { return [] }
        var lines: [String] = []
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        for paragraph in paragraphs {
            let clean = paragraph.hasSuffix("\r") ? paragraph.dropLast() : paragraph
            wrapParagraph(String(clean), width: width, into: &lines)
        }
        return lines
    }

    private func wrapParagraph(_ paragraph: String, width: Int, into lines: inout [String]) {
        if paragraph.isEmpty {
            lines.append("")
            return
        }
        var line = ""
        var lineWidth = 0
        for segment in segments(paragraph) {
            let word = Self.trimmingTrailingSpaces(segment)
            let wordWidth = TextWidth.of(word)
            let segmentWidth = TextWidth.of(segment)
            if lineWidth + wordWidth <= width {
                line += segment
                lineWidth += segmentWidth
                continue
            }
            if !line.isEmpty {
                lines.append(Self.trimmingTrailingSpaces(line))
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = segment
                lineWidth = segmentWidth
                continue
            }
            // A word wider than the line: cut it between grapheme clusters.
            var chunk = ""
            var chunkWidth = 0
            for character in word {
                let w = TextWidth.of(character)
                if chunkWidth + w > width, !chunk.isEmpty {
                    lines.append(chunk)
                    chunk = ""
                    chunkWidth = 0
                }
                chunk.append(character)
                chunkWidth += w
            }
            let spaces = segment.dropFirst(word.count)
            line = chunk + spaces
            lineWidth = chunkWidth + TextWidth.of(spaces)
        }
        if !line.isEmpty {
            lines.append(Self.trimmingTrailingSpaces(line))
        }
    }

    static func trimmingTrailingSpaces(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == " " || last == "\t" || last == "\u{3000}" {
            result = result.dropLast()
        }
        return String(result)
    }

    static func segmentsAtSpaces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inSpaces = false
        for character in text {
            if character == " " {
                inSpaces = true
            } else if inSpaces {
                pieces.append(current)
                current = ""
                inSpaces = false
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
