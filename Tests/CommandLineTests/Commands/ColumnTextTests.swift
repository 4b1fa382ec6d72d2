import Testing
@testable import careerpath

/// The command line's one table layout: columns padded by display width, no line ending in blanks.
@Suite("Column text")
struct ColumnTextTests {
    @Test("columns line up by display width (Thai marks take none), the last column is not padded")
    func columns() {
        let text = ColumnText.rows([["รหัส", "ชื่อ", "หน่วยงาน"], ["P1", "ปิ่นแก้ว", "สำนักข่าว"], ["P000002", "Ann", "news"]])
        #expect(text == "รหัส      ชื่อ     หน่วยงาน\nP1       ปิ่นแก้ว  สำนักข่าว\nP000002  Ann    news\n")
    }

    @Test("empty cells keep their column; blanks at the end of a line go, the cell's own too; the indent leads")
    func blanks() {
        let text = ColumnText.rows([["a", "", "c"], ["aaa", "bb", ""], ["", "", ""], ["x", "y  ", ""], ["x", "", "z "]], indent: "  ")
        #expect(text == "  a         c\n  aaa  bb\n\n  x    y\n  x         z\n")
        #expect(ColumnText.rows([]) == "")
        #expect(ColumnText.rows([["only"], ["one", "two"]]) == "only\none   two\n")
    }
}
