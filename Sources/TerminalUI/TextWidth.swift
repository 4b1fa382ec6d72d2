/// Horizontal alignment of text inside a fixed number of columns.
public enum TextAlignment: Sendable, Hashable {
    case leading, center, trailing
}

/// One terminal cell's worth of text: a spacing character followed by its zero-width marks.
///
/// A Swift `Character` is not a cell: "ชำ" is one grapheme cluster but two columns
/// (ช, then SARA AM which is a spacing vowel). ncurses' `setcchar` takes exactly one
/// spacing character plus its marks, so the grid stores text in these units.
public struct DisplayCell: Sendable, Hashable {
    /// The spacing character and the marks that follow it.
    public var text: String
    /// Columns taken on screen: 1, or 2 for East Asian wide characters.
    public var width: Int

    public init(text: String, width: Int) {
        self.text = text
        self.width = width
    }
}

/// Display width of text in terminal columns, without relying on the C library's `wcwidth`.
///
/// Rules (they match glibc's `wcwidth` for Thai and what tmux shows):
/// - control characters (C0, DEL, C1) take 0 columns (and are never written: `isUnsafe`);
/// - nonspacing, enclosing and format marks take 0: the Thai marks above and below
///   (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E), combining accents, ZWJ, variation selectors;
/// - Hangul medial vowels and final consonants (U+1160–U+11FF, U+D7B0–U+D7FF) take 0;
/// - East Asian wide and fullwidth characters take 2 (table from ICU, see `WideCharacterTable`);
/// - everything else, including SARA AM (U+0E33), takes 1.
///
/// Usage: `TextWidth.of("นักประชาสัมพันธ์ชำนาญการพิเศษ") == 24`.
public enum TextWidth {
    /// Columns taken by one Unicode scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 { return 0 }
        if v < 0x7F { return 1 }
        if v < 0xA0 { return 0 }
        if v >= 0x0E00 && v <= 0x0E7F { return isThaiMark(v) ? 0 : 1 }
        if v >= 0x1160 && v <= 0x11FF { return 0 }
        if v >= 0xD7B0 && v <= 0xD7FF { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            return isWide(v) ? 2 : 1
        }
    }

    /// Columns taken by one grapheme cluster (the sum of its scalars: "ชำ" is 2).
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Columns taken by a string.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Columns taken by a substring.
    public static func of(_ text: Substring) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Splits text into terminal cells: each spacing scalar starts a cell and the zero-width
    /// scalars after it join that cell. Control characters are dropped (they would move the
    /// cursor), and so are marks with no base before them (they take no columns either way).
    public static func cells<S: StringProtocol>(of text: S) -> [DisplayCell] {
        var result: [DisplayCell] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let w = of(scalar)
            if w > 0 {
                result.append(DisplayCell(text: String(Character(scalar)), width: w))
            } else if isUnsafe(scalar) {
                continue
            } else if !result.isEmpty {
                result[result.count - 1].text.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Shortens text to at most `width` columns, ending with `ellipsis` when something was cut.
    ///
    /// Cuts only between grapheme clusters, so a base character never loses its marks
    /// (and a consonant never loses its SARA AM). When even the ellipsis does not fit,
    /// returns as much of the text as fits, without an ellipsis.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// Pads text with spaces to `width` columns; text already wider is returned unchanged.
    public static func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .leading) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .leading:
            return text + String(repeating: " ", count: missing)
        case .trailing:
            return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
        }
    }

    /// Truncates (with an ellipsis) and pads, so the result is exactly `width` columns
    /// (one less only when a wide character cannot fit the last column; then a space fills it).
    public static func fit(_ text: String, toWidth width: Int, alignment: TextAlignment = .leading,
                           ellipsis: String = "…") -> String {
        pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width, alignment: alignment)
    }

    /// The Thai characters that take no column: MAI HAN-AKAT, the vowels above and below,
    /// PHINTHU, and the tone and other marks above (U+0E47–U+0E4E).
    static func isThaiMark(_ v: UInt32) -> Bool {
        v == 0x0E31 || (v >= 0x0E34 && v <= 0x0E3A) || (v >= 0x0E47 && v <= 0x0E4E)
    }

    static func isControl(_ v: UInt32) -> Bool {
        v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    /// Whether a scalar may not reach a terminal: a C0 or C1 control or DEL (ESC starts CSI, OSC
    /// and DCS sequences; BEL ends an OSC; U+009B is a one-byte CSI), or a bidi control (U+202E
    /// and the other embeddings, overrides, isolates and marks reorder what is shown).
    /// The grid (TUI, kiosk, `render`) drops these, and so does `terminalSafe` (the command line).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar.value) || isBidiControl(scalar.value)
    }

    /// Unicode's Bidi_Control property (PropList.txt; a stable set of twelve): ALM, LRM and RLM,
    /// the embeddings and overrides, the isolates. Compared directly: asking
    /// `Unicode.Scalar.Properties` for every Thai scalar of a command's output cost more than the
    /// rest of writing it.
    static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Text with every unsafe scalar (`isUnsafe`) removed, line feeds and tabs kept: what the
    /// command line writes to standard output and standard error.
    public static func terminalSafe(_ text: String) -> String {
        func dropped(_ scalar: Unicode.Scalar) -> Bool { scalar != "\n" && scalar != "\t" && isUnsafe(scalar) }
        guard mayHoldUnsafe(text), text.unicodeScalars.contains(where: dropped) else { return text }
        var safe = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !dropped(scalar) { safe.append(scalar) }
        return String(safe)
    }

    /// False when no byte of `text`'s UTF-8 can start an unsafe scalar other than a line feed or a
    /// tab: no C0 control or DEL, no 0xC2 (C1 controls are U+0080–U+009F), no 0xD8 (U+061C) and no
    /// 0xE2 (the other bidi controls are U+200E–U+2069). Thai (0xE0 …) and ASCII text pass on this
    /// byte scan alone, without decoding scalars.
    static func mayHoldUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { byte in
                byte < 0x20 ? byte != 0x0A && byte != 0x09 : byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
            }
        }
    }

    /// Binary search in the sorted wide/fullwidth table.
    static func isWide(_ v: UInt32) -> Bool {
        if v < wideCharacterRanges[0].0 { return false }
        var low = 0
        var high = wideCharacterRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideCharacterRanges[mid]
            if v < range.0 {
                high = mid - 1
            } else if v > range.1 {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
