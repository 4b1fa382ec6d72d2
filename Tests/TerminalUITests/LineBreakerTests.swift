import Testing
import TerminalUI

@Suite("Line breaking")
struct LineBreakerTests {
    @Test("ICU splits the position title into its words")
    func thaiWords() {
        #expect(LineBreaker().segments("นักประชาสัมพันธ์ชำนาญการพิเศษ") == ["นัก", "ประชาสัมพันธ์", "ชำนาญ", "การ", "พิเศษ"])
    }

    @Test("Thai wraps at word boundaries")
    func wrapThai() {
        // นัก 2, ประชาสัมพันธ์ 10, ชำนาญ 5, การ 3, พิเศษ 4 columns
        #expect(LineBreaker().wrap("นักประชาสัมพันธ์ชำนาญการพิเศษ", width: 12) == ["นักประชาสัมพันธ์", "ชำนาญการพิเศษ"])
        let lines = LineBreaker().wrap("นักประชาสัมพันธ์ชำนาญการพิเศษ", width: 10)
        #expect(lines == ["นัก", "ประชาสัมพันธ์", "ชำนาญการ", "พิเศษ"])
        #expect(lines.allSatisfy { TextWidth.of($0) <= 10 })
        #expect(lines.joined() == "นักประชาสัมพันธ์ชำนาญการพิเศษ")
    }

    @Test("English wraps at spaces, which are dropped at line ends")
    func wrapEnglish() {
        let lines = LineBreaker().wrap("The quick brown fox jumps over the lazy dog", width: 10)
        #expect(lines == ["The quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    @Test("mixed Thai and English stay within the width")
    func mixed() {
        let text = "ผ่านการอบรมหลักสูตร Leadership Development Program ระดับกลาง ไม่น้อยกว่า 30 ชั่วโมง"
        for width in [8, 13, 20, 40] {
            let lines = LineBreaker().wrap(text, width: width)
            #expect(lines.allSatisfy { TextWidth.of($0) <= width }, "width \(width): \(lines)")
            #expect(lines.joined(separator: " ").filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test("a word wider than the line is cut between grapheme clusters")
    func hardBreak() {
        let lines = LineBreaker().wrap("ประชาสัมพันธ์", width: 4)
        #expect(lines == ["ประช", "าสัมพ", "ันธ์"] || lines.allSatisfy { TextWidth.of($0) <= 4 })
        #expect(lines.allSatisfy { TextWidth.of($0) <= 4 })
        #expect(lines.joined() == "ประชาสัมพันธ์")
        // no line starts with a mark: marks stayed with their base
        #expect(lines.allSatisfy { line in line.unicodeScalars.first.map { TextWidth.of($0) > 0 } ?? false })
        #expect(LineBreaker().wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(LineBreaker().wrap("中文字", width: 1) == ["中", "文", "字"])
    }

    @Test("hard newlines and empty lines are kept")
    func newlines() {
        #expect(LineBreaker().wrap("one\n\ntwo three", width: 5) == ["one", "", "two", "three"])
        #expect(LineBreaker().wrap("", width: 5) == [])
        #expect(LineBreaker().wrap("abc", width: 0) == [])
    }

    @Test("a 2,000-character Thai paragraph wraps within the width")
    func longParagraph() {
        let sentence = "ข้าราชการพลเรือนสามัญต้องพัฒนาสมรรถนะหลักและสมรรถนะประจำสายงานอย่างต่อเนื่อง "
        var text = ""
        while text.count < 2000 { text += sentence }
        let lines = LineBreaker().wrap(text, width: 60)
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 60 })
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }
}
