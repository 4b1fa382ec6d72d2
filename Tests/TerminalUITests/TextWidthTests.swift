import Testing
import CICU
@testable import TerminalUI

@Suite("Display width")
struct TextWidthTests {
    @Test("Thai marks above and below take no column")
    func thaiMarks() {
        #expect(TextWidth.of("ก") == 1)
        #expect(TextWidth.of("กั") == 1)        // MAI HAN-AKAT above
        #expect(TextWidth.of("กุ") == 1)        // SARA U below
        #expect(TextWidth.of("กู้") == 1)       // SARA UU below + MAI THO above
        #expect(TextWidth.of("ที่") == 1)       // SARA II + MAI EK stacked
        #expect(TextWidth.of("ปฏิบัติการ") == 7)
        for v in [0x0E31] + Array(0x0E34...0x0E3A) + Array(0x0E47...0x0E4E) {
            #expect(TextWidth.of(Unicode.Scalar(UInt32(v))!) == 0, "U+\(String(v, radix: 16))")
        }
    }

    @Test("SARA AM takes a column of its own")
    func saraAm() {
        #expect(TextWidth.of(Unicode.Scalar(0x0E33)!) == 1)
        #expect(TextWidth.of("ชำ") == 2)
        #expect(TextWidth.of(Character("ชำ")) == 2)     // one grapheme cluster, two cells
        #expect(TextWidth.of("ชำนาญการ") == 8)
        #expect(TextWidth.of("น้ำ") == 2)               // NO NU + MAI THO + SARA AM
    }

    @Test("the whole position title measures 24, as tmux shows it")
    func positionTitle() {
        #expect(TextWidth.of("นักประชาสัมพันธ์ชำนาญการพิเศษ") == 24)
    }

    @Test("mixed Thai, English and digits")
    func mixed() {
        #expect(TextWidth.of("ระดับ C8 (2566)") == 14)
        #expect(TextWidth.of("IT ผู้เชี่ยวชาญ 10 ปี") == 16)
        #expect(TextWidth.of("๒๕๖๗") == 4)   // Thai digits are spacing
    }

    @Test("East Asian wide characters take two columns")
    func wide() {
        #expect(TextWidth.of("中文") == 4)
        #expect(TextWidth.of("ｶﾞ") == 2)          // halfwidth katakana stays narrow (+ mark)
        #expect(TextWidth.of("Ａ") == 2)           // fullwidth Latin
        #expect(TextWidth.of("한국어") == 6)
        #expect(TextWidth.of("\u{1100}\u{1161}\u{11A8}") == 2) // conjoining jamo: L wide, V and T zero
    }

    @Test("control characters and format marks take no column")
    func controls() {
        #expect(TextWidth.of("a\tb\u{7}") == 2)
        #expect(TextWidth.of("a\u{200B}b\u{200D}") == 2)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("\u{85}") == 0)
    }

    @Test("cells: a spacing character with its marks per cell")
    func cells() {
        let cells = TextWidth.cells(of: "น้ำใจ")
        #expect(cells.map(\.text) == ["น้", "ำ", "ใ", "จ"])
        #expect(cells.map(\.width) == [1, 1, 1, 1])
        #expect(TextWidth.cells(of: "中a").map(\.width) == [2, 1])
        #expect(TextWidth.cells(of: "\u{0E34}ก\n").map(\.text) == ["ก"])
    }

    @Test("the wide table agrees with the installed ICU")
    func wideTableMatchesICU() {
        var mismatches: [UInt32] = []
        var v: UInt32 = 0
        while v <= 0x10FFFF {
            if !(0xD800...0xDFFF).contains(v) {
                let icu = cp_u_east_asian_width(Int32(v))
                let icuWide = icu == CP_U_EA_WIDE || icu == CP_U_EA_FULLWIDTH
                if icuWide != TextWidth.isWide(v) { mismatches.append(v) }
            }
            v += 1
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5).map { String($0, radix: 16) })")
    }
}

@Suite("Truncation and padding")
struct TruncationTests {
    @Test("never splits a base from its marks")
    func keepsMarks() {
        // ที่ is one column: cutting after it keeps both marks; ทำ is one two-column
        // cluster, so it does not fit the one column left before the ellipsis.
        let cut = TextWidth.truncate("ที่ทำงาน", toWidth: 3)
        #expect(cut == "ที่…")
        #expect(TextWidth.truncate("ที่ทำงาน", toWidth: 4) == "ที่ทำ…")
        for width in 0...12 {
            let text = "ผู้อำนวยการกองบริหารทรัพยากรบุคคล"
            let result = TextWidth.truncate(text, toWidth: width)
            #expect(TextWidth.of(result) <= width)
            // Every cluster of the result before the ellipsis is a whole cluster of the text.
            let kept = result.hasSuffix("…") ? String(result.dropLast()) : result
            #expect(text.hasPrefix(kept))
            #expect(Array(text).starts(with: Array(kept)))
        }
    }

    @Test("SARA AM stays with its consonant")
    func saraAm() {
        #expect(TextWidth.truncate("ชำนาญ", toWidth: 2) == "ช…" || TextWidth.truncate("ชำนาญ", toWidth: 2) == "…")
        #expect(TextWidth.truncate("ชำนาญ", toWidth: 3) == "ชำ…")
    }

    @Test("short text is unchanged; tiny widths")
    func edges() {
        #expect(TextWidth.truncate("abc", toWidth: 3) == "abc")
        #expect(TextWidth.truncate("abcd", toWidth: 3) == "ab…")
        #expect(TextWidth.truncate("abcd", toWidth: 1) == "…")
        #expect(TextWidth.truncate("abcd", toWidth: 0) == "")
        #expect(TextWidth.truncate("abcd", toWidth: 2, ellipsis: "...") == "ab")
        #expect(TextWidth.truncate("中文字", toWidth: 4) == "中…")
    }

    @Test("pad and fit by display width")
    func pad() {
        #expect(TextWidth.pad("ที่", toWidth: 3) == "ที่  ")
        #expect(TextWidth.pad("ab", toWidth: 5, alignment: .trailing) == "   ab")
        #expect(TextWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(TextWidth.of(TextWidth.fit("นักประชาสัมพันธ์", toWidth: 10)) == 10)
        #expect(TextWidth.fit("中文字", toWidth: 4) == "中… ")
    }

    @Test("terminalSafe drops exactly the unsafe scalars of every plane-0 scalar and a few beyond, whatever surrounds them")
    func terminalSafeMatchesTheScalarRule() {
        // The rule itself, scalar by scalar: what `terminalSafe`'s byte scan must agree with.
        func oracle(_ text: String) -> String {
            var kept = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where scalar == "\n" || scalar == "\t" || !TextWidth.isUnsafe(scalar) {
                kept.append(scalar)
            }
            return String(kept)
        }
        let values = Array(0...0xFFFF) + [0x1F600, 0x20000, 0xE0001, 0x10FFFF]
        var mismatches: [String] = []
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            for text in [String(scalar), "ก" + String(scalar) + "ข", "a\t" + String(scalar) + "\n"] where TextWidth.terminalSafe(text) != oracle(text) {
                mismatches.append("U+" + String(value, radix: 16, uppercase: true))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(!TextWidth.mayHoldUnsafe("นักประชาสัมพันธ์ชำนาญการพิเศษ\tPR officer\n"))
        #expect(TextWidth.mayHoldUnsafe("1 ม.ค. 2569 – 30 ก.ย. 2569"))   // U+2013 starts with 0xE2: scanned, kept
        #expect(TextWidth.terminalSafe("1 ม.ค. 2569 – 30 ก.ย. 2569") == "1 ม.ค. 2569 – 30 ก.ย. 2569")
    }
}
