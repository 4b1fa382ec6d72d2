import Testing
import TerminalUI

@Suite("Cell grid")
struct CellGridTests {
    /// A boxed grid with Thai text inside: the right border must stay in its column.
    @Test("Thai inside a box keeps the right border aligned")
    func thaiBorder() {
        var grid = CellGrid(width: 30, height: 5)
        let inner = grid.drawBox(grid.bounds, title: "ตำแหน่ง")
        grid.put(text: "นักประชาสัมพันธ์ชำนาญการพิเศษ", x: inner.x, y: inner.y, maxWidth: inner.width)
        grid.put(text: "ผู้อำนวยการกองบริหารทรัพยากรบุคคล และ IT", x: inner.x, y: inner.y + 1, maxWidth: inner.width)
        grid.put(text: "中文 ทดสอบ 中文 ทดสอบ 中文 ทดสอบ", x: inner.x, y: inner.y + 2, maxWidth: inner.width)
        let lines = grid.lines()
        #expect(lines == [
            "┌─ ตำแหน่ง ───────────────────┐",
            "│นักประชาสัมพันธ์ชำนาญการพิเศษ    │",
            "│ผู้อำนวยการกองบริหารทรัพยากรบุคคล│",
            "│中文 ทดสอบ 中文 ทดสอบ 中文 ท│",
            "└────────────────────────────┘",
        ])
        for line in lines {
            #expect(TextWidth.of(line) == 30, "\(line)")
            #expect(line.hasSuffix("│") || line.hasSuffix("┐") || line.hasSuffix("┘"))
        }
    }

    @Test("a wide character that does not fit is not half-written")
    func wideClip() {
        var grid = CellGrid(width: 5, height: 1)
        grid.fill(grid.bounds, with: ".")
        let used = grid.put(text: "ab中文", x: 0, y: 0, maxWidth: 5)
        #expect(used == 4)
        #expect(grid.lines() == ["ab中."])
        #expect(grid[x: 2, y: 0].width == 2)
        #expect(grid[x: 3, y: 0].isContinuation)
        #expect(grid[x: 4, y: 0].text == ".")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func brokenWide() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put(text: "中文中", x: 0, y: 0)
        grid.put(text: "x", x: 1, y: 0)           // right half of 中
        grid.put(text: "y", x: 2, y: 0)           // left half of 文
        #expect(grid.lines() == [" xy 中"])
        #expect(grid.cells.allSatisfy { !$0.isContinuation || $0.text.isEmpty })
        var other = CellGrid(width: 4, height: 1)
        other.put(text: "ab", x: 0, y: 0)
        other.put(text: "中", x: -1, y: 0)       // straddles the left edge
        #expect(other.lines() == [" b"])
    }

    @Test("SARA AM and stacked marks become separate cells and clip whole")
    func thaiCells() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put(text: "น้ำใจดี", x: 0, y: 0)
        #expect(grid.cells.map(\.text) == ["น้", "ำ", "ใ", "จ"])
        var narrow = CellGrid(width: 3, height: 1)
        narrow.fill(narrow.bounds, with: "-")
        narrow.put(text: "กน้ำ", x: 0, y: 0)    // น้ำ is one 2-column cluster: only ก fits with it? 1+2 = 3 fits
        #expect(narrow.lines() == ["กน้ำ"])
        narrow.fill(narrow.bounds, with: "-")
        narrow.put(text: "กขน้ำ", x: 0, y: 0)   // 1+1+2 > 3: the cluster is not split
        #expect(narrow.lines() == ["กข-"])
    }

    @Test("clipping at edges, control characters skipped, out-of-range rows ignored")
    func clipping() {
        var grid = CellGrid(width: 5, height: 2)
        #expect(grid.put(text: "hello world", x: 2, y: 0) == 3)
        #expect(grid.put(text: "a\tb\nc", x: 0, y: 1) == 3)
        #expect(grid.put(text: "zzz", x: 0, y: 7) == 0)
        #expect(grid.put(text: "zzz", x: 0, y: -1) == 0)
        #expect(grid.lines() == ["  hel", "abc"])
        var tiny = CellGrid(width: 1, height: 1)
        tiny.drawBox(tiny.bounds, title: "x")
        tiny.put(text: "中", x: 0, y: 0)
        #expect(tiny.lines() == [""])
        let empty = CellGrid(width: -3, height: 0)
        #expect(empty.lines() == [])
        #expect(empty.diff(from: nil) == [])
    }

    @Test("escape sequences, C1 controls and bidi controls never reach a cell (the rule the command line's sink uses)")
    func unsafeScalarsDropped() {
        var grid = CellGrid(width: 20, height: 1)
        grid.put(text: "a\u{1B}]0;t\u{07}b\u{9B}2J\u{202E}c\u{2066}ก\u{200F}", x: 0, y: 0)
        let written = (0..<grid.width).map { grid[x: $0, y: 0].text }.joined()
        #expect(!written.unicodeScalars.contains { TextWidth.isUnsafe($0) }, "\(written.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(grid.lines() == ["a]0;tb2Jcก"])
        #expect(TextWidth.cells(of: "x\u{202E}y").map(\.text) == ["x", "y"])
    }

    @Test("diff lists only changed runs, whole wide characters")
    func diff() {
        var before = CellGrid(width: 10, height: 3)
        before.put(text: "รายการ 中文", x: 0, y: 0)
        before.put(text: "second", x: 0, y: 1)
        var after = before
        #expect(after.diff(from: before).isEmpty)
        after.put(text: "X", x: 8, y: 0)          // breaks 文 (columns 9..10? no: 中 7-8, 文 9-10 clipped)
        after.put(text: "SE", x: 0, y: 1)
        let runs = after.diff(from: before)
        #expect(runs.map(\.y) == [0, 1])
        #expect(runs[1] == CellRun(x: 0, y: 1, cells: [Cell("S"), Cell("E")]))
        // Row 0: 中 at 7–8 was overwritten on its right half: the run starts at 7.
        #expect(runs[0].x == 7)
        #expect(runs[0].cells.map(\.text) == [" ", "X"])
        // A style change alone is a change.
        var restyled = before
        restyled.setStyle(Rect(x: 0, y: 2, width: 2, height: 1), .selection)
        #expect(restyled.diff(from: before) == [CellRun(x: 0, y: 2, cells: [Cell.blank(.selection), Cell.blank(.selection)])])
        // Different size or no previous grid: every row in full.
        #expect(after.diff(from: nil).count == 3)
        #expect(after.diff(from: CellGrid(width: 9, height: 3)).allSatisfy { $0.cells.count == 10 })
    }

    @Test("a new wide character over narrow cells makes one run with its continuation")
    func diffWide() {
        let before = CellGrid(width: 6, height: 1)
        var after = before
        after.put(text: "中", x: 2, y: 0)
        let runs = after.diff(from: before)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2)
        #expect(runs[0].cells.map(\.width) == [2, 0])
    }
}

@Suite("Layout")
struct LayoutTests {
    @Test("fixed, ratio and fill parts")
    func split() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let cols = area.columns([.fixed(20), .rest, .ratio(1, 4)], spacing: 1)
        #expect(cols.map(\.width) == [20, 39, 19])
        #expect(cols.map(\.x) == [0, 21, 61])
        let rows = area.rows([.fixed(1), .rest, .fixed(1), .fixed(1)])
        #expect(rows.map(\.height) == [1, 21, 1, 1])
        #expect(rows.last?.y == 23)
    }

    @Test("too small areas give zero-size parts, never negative")
    func tiny() {
        let area = Rect(width: 1, height: 1)
        let parts = area.columns([.fixed(20), .rest, .fixed(5)], spacing: 2)
        #expect(parts.allSatisfy { $0.width >= 0 })
        #expect(parts.map(\.width).reduce(0, +) <= 1)
        #expect(Rect(width: 3, height: 3).inset(by: 2).isEmpty)
        #expect(Rect(width: 80, height: 24).centered(width: 100, height: 10) == Rect(x: 0, y: 7, width: 80, height: 10))
    }

    @Test("weighted fill parts share the rest")
    func weights() {
        #expect(LayoutSize.resolve([.fill(1), .fill(2)], total: 30) == [10, 20])
        #expect(LayoutSize.resolve([.fill(1), .fill(1), .fill(1)], total: 10) == [3, 3, 4])
    }
}
