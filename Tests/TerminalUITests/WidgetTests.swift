import Testing
import TerminalUI

/// Widgets rendered into a grid and compared as text (reviewed by eye once).
@Suite("Widgets")
struct WidgetTests {
    @Test("list keeps the selection visible and shows scroll marks")
    func list() {
        var grid = CellGrid(width: 30, height: 6)
        let items = (1...10).map { ListItem("รายการที่ \($0) ตำแหน่งนักวิชาการ", trailing: "\($0)") }
        let state = ListState(selected: 7, offset: 0)
        ListView(items: items, state: state).render(in: grid.bounds, grid: &grid)
        #expect(grid.lines() == [
            "  รายการที่ 3 ตำแหน่งนักวิชาการ  3▲",
            "  รายการที่ 4 ตำแหน่งนักวิชาการ  4",
            "  รายการที่ 5 ตำแหน่งนักวิชาการ  5",
            "  รายการที่ 6 ตำแหน่งนักวิชาการ  6",
            "  รายการที่ 7 ตำแหน่งนักวิชาการ  7",
            "▶ รายการที่ 8 ตำแหน่งนักวิชาการ  8▼",
        ])
        // The marker is the selection; the row's text keeps its own style (cheap to move).
        #expect(grid[x: 0, y: 5].style.bg == .selection)
        #expect(grid[x: 28, y: 5].style.bg == .normal)
        #expect(grid[x: 0, y: 4].style.bg == .normal)
        var bar = CellGrid(width: 30, height: 6)
        ListView(items: items, state: state, highlightsRow: true).render(in: bar.bounds, grid: &bar)
        #expect(bar[x: 28, y: 5].style.bg == .selection)
        #expect(state.visibleOffset(rows: 6, count: 10) == 2)
        var moved = state
        moved.move(by: -7, count: 10)
        #expect(moved.visibleOffset(rows: 6, count: 10) == 0)
        moved.move(by: 100, count: 10)
        #expect(moved.selected == 9)
        moved.select(3, count: 0)
        #expect(moved.selected == nil)
    }

    @Test("table aligns Thai columns by display width")
    func table() {
        var grid = CellGrid(width: 40, height: 5)
        TableView(columns: [TableColumn("สายงาน", width: .rest), TableColumn("ระดับ", width: .fixed(12)),
                            TableColumn("ขาด", width: .fixed(4), alignment: .trailing)],
                  rows: [TableRow(["นักทรัพยากรบุคคล", "ชำนาญการพิเศษ", "2"]),
                         TableRow(["นักวิเคราะห์นโยบายและแผน", "ชำนาญการ", "0"]),
                         TableRow(["IT", "ปฏิบัติการ", "12"])],
                  state: ListState(selected: 1)).render(in: grid.bounds, grid: &grid)
        let lines = grid.lines()
        #expect(lines == [
            "  สายงาน               ระดับ          ขาด",
            "  นักทรัพยากรบุคคล        ชำนาญการพิเศษ    2",
            "▶ นักวิเคราะห์นโยบายและแ… ชำนาญการ        0",
            "  IT                   ปฏิบัติการ        12",
            "",
        ])
        // Every data row ends in column 40: the numbers line up under "ขาด".
        #expect(lines.dropFirst().prefix(3).allSatisfy { TextWidth.of($0) == 40 })
        #expect(grid[x: 0, y: 2].style.bg == .selection)
        #expect(grid[x: 5, y: 2].style.bg == .normal)
    }

    @Test("moving a table's selection changes only the two marker cells of each row")
    func tableMoveIsCheap() {
        func render(_ selected: Int) -> CellGrid {
            var grid = CellGrid(width: 40, height: 5)
            TableView(columns: [TableColumn("สายงาน", width: .rest), TableColumn("ขาด", width: .fixed(4))],
                      rows: [TableRow(["นักทรัพยากรบุคคล", "2"]), TableRow(["นักประชาสัมพันธ์", "0"]), TableRow(["IT", "12"])],
                      state: ListState(selected: selected)).render(in: grid.bounds, grid: &grid)
            return grid
        }
        let changed = render(1).diff(from: render(0))
        // Two runs (the old row and the new), each no longer than the marker.
        #expect(changed.count == 2, "\(changed)")
        #expect(changed.allSatisfy { $0.cells.count <= 2 }, "\(changed)")
    }

    @Test("ladder: highest level on top, markers, rails when there is room")
    func ladder() {
        let rungs = [LadderRung("ปฏิบัติการ", mark: .reached),
                     LadderRung("ชำนาญการ", detail: "3 ปี 2 เดือน", mark: .current),
                     LadderRung("ชำนาญการพิเศษ", detail: "ขาด 2", mark: .target),
                     LadderRung("เชี่ยวชาญ")]
        var grid = CellGrid(width: 40, height: 7)
        LadderView(rungs: rungs).render(in: grid.bounds, grid: &grid)
        #expect(grid.lines() == [
            "  ○ เชี่ยวชาญ",
            "  │",
            "★ ○ ชำนาญการพิเศษ                   ขาด 2",
            "  │",
            "▶ ● ชำนาญการ                  3 ปี 2 เดือน",
            "  │",
            "  ● ปฏิบัติการ",
        ])
        var small = CellGrid(width: 20, height: 3)
        LadderView(rungs: rungs).render(in: small.bounds, grid: &small)
        #expect(small.lines() == [
            "  ○ เชี่ยวชาญ",
            "★ ○ ชำนาญการพิ… ขาด 2",
            "▶ ● ชำนาญก… 3 ปี 2 เ…",
        ])
    }

    @Test("wrapped text")
    func text() {
        var grid = CellGrid(width: 24, height: 4)
        let total = TextView("นักประชาสัมพันธ์ชำนาญการพิเศษ ต้องมีประสบการณ์ในงานประชาสัมพันธ์ไม่น้อยกว่า 4 ปี")
            .render(in: grid.bounds, grid: &grid)
        #expect(total == 3)
        #expect(grid.lines() == [
            "นักประชาสัมพันธ์ชำนาญการพิเศษ",
            "ต้องมีประสบการณ์ในงาน",
            "ประชาสัมพันธ์ไม่น้อยกว่า 4 ปี",
            "",
        ])
    }

    @Test("tabs")
    func tabs() {
        var grid = CellGrid(width: 40, height: 1)
        TabsView(titles: ["ตัวฉัน", "เส้นทาง", "ช่องว่าง", "แผน", "คลัง"], selected: 1).render(in: grid.bounds, grid: &grid)
        #expect(grid.lines() == [" ตัวฉัน │ เส้นทาง │ ช่องว่าง │ แผน │ คลัง"])
        #expect(grid[x: 10, y: 0].style.bg == .selection)
        #expect(grid[x: 2, y: 0].style.bg == .normal)
    }

    @Test("bar gauge: required vs actual")
    func gauge() {
        var grid = CellGrid(width: 40, height: 2)
        BarGauge(label: "การคิดวิเคราะห์", actual: 2, required: 3, maximum: 5, labelWidth: 16)
            .render(in: grid.bounds.row(0), grid: &grid)
        BarGauge(label: "Teamwork", actual: 4, required: 3, maximum: 5, labelWidth: 16)
            .render(in: grid.bounds.row(1), grid: &grid)
        #expect(grid.lines() == [
            "การคิดวิเคราะห์  █████████░░░┃░░░░░░░░░ 2/3",
            "Teamwork      ████████████┃█████░░░░ 4/3",
        ])
        #expect(grid[x: 17, y: 0].style.fg == .bad)
        #expect(grid[x: 17, y: 1].style.fg == .good)
        var ascii = CellGrid(width: 20, height: 1)
        BarGauge(label: "", actual: 1, required: 2, maximum: 4, glyphs: .ascii).render(in: ascii.bounds, grid: &ascii)
        #expect(ascii.lines() == ["####|.........  1/2"] || ascii.lines()[0].hasSuffix("1/2"))
    }

    @Test("input field: masked PIN, Thai text, cursor as a reverse cell")
    func input() {
        var grid = CellGrid(width: 30, height: 2)
        var pin = InputFieldState(maxLength: 6)
        for c in "12345678" { pin.apply(.char(c), accept: { $0.isNumber }) }
        #expect(pin.text == "123456")
        let acceptedLetter = pin.apply(.char("x"), accept: { $0.isNumber })
        #expect(!acceptedLetter)
        InputField(label: "PIN:", state: pin, masked: true).render(in: grid.bounds.row(0), grid: &grid)
        var name = InputFieldState()
        for scalar in "สมชาย".unicodeScalars { name.apply(.char(Character(scalar))) }
        name.moveLeft()
        InputField(label: "ชื่อ:", state: name).render(in: grid.bounds.row(1), grid: &grid)
        #expect(grid.lines() == ["PIN: ••••••", "ชื่อ: สมชาย"])
        #expect(!grid.lines()[0].contains("1"))
        #expect(grid[x: 11, y: 0].style.reverse)       // cursor after the last digit
        #expect(grid[x: 8, y: 1].style.reverse)        // on ย, one left of the end ("ชื่อ: " is 4 columns)
        #expect(!grid[x: 7, y: 1].style.reverse)
        #expect(!grid[x: 9, y: 1].style.reverse)
    }

    @Test("input editing keeps Thai marks with their base")
    func inputEditing() {
        var field = InputFieldState()
        for scalar in "กัน".unicodeScalars { field.apply(.char(Character(scalar))) }
        #expect(field.text == "กัน")
        #expect(field.cursor == 2)
        field.apply(.backspace)
        #expect(field.text == "กั")
        field.apply(.backspace)
        #expect(field.text == "")
        field.insert("ab")
        field.apply(.home)
        field.apply(.char("x"))
        field.apply(.delete)
        #expect(field.text == "xb")
        #expect(field.cursor == 1)
        field.apply(.ctrl("u"))
        #expect(field.text.isEmpty)
        let usedEnter = field.apply(.enter)
        #expect(!usedEnter)
    }

    @Test("modal: centred box with a title over the screen")
    func modal() {
        var grid = CellGrid(width: 30, height: 7)
        grid.fill(grid.bounds, with: ".")
        let inner = ModalView(title: "ยืนยัน", width: 20, height: 5).render(in: grid.bounds, grid: &grid)
        grid.put(text: "บันทึกแผน?", x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 1)
        #expect(inner == Rect(x: 6, y: 2, width: 18, height: 3))
        #expect(grid.lines() == [
            "..............................",
            ".....╔═ ยืนยัน ═══════════╗.....",
            ".....║                  ║.....",
            ".....║ บันทึกแผน?         ║.....",
            ".....║                  ║.....",
            ".....╚══════════════════╝.....",
            "..............................",
        ])
        var tiny = CellGrid(width: 2, height: 2)
        #expect(ModalView(title: "x", width: 20, height: 5).render(in: tiny.bounds, grid: &tiny) == .zero)
    }

    @Test("status line and function-key bar at 80 columns")
    func bars() {
        var grid = CellGrid(width: 80, height: 2)
        StatusLine(left: "สมชาย ใจดี · นักทรัพยากรบุคคลชำนาญการ", right: "ไทย 80×24").render(in: grid.bounds.row(0), grid: &grid)
        let labels = [("1", "Help"), ("2", "Lang"), ("3", "Find"), ("4", "Plan"), ("5", "Save"),
                      ("6", "Me"), ("7", "Paths"), ("8", "Gaps"), ("9", "Catalog"), ("10", "Quit")]
        FunctionKeyBar(entries: labels.map { FunctionKeyLabel($0.0, $0.1) }).render(in: grid.bounds.row(1), grid: &grid)
        #expect(grid.lines() == [
            " สมชาย ใจดี · นักทรัพยากรบุคคลชำนาญการ                                    ไทย 80×24",
            "1Help   2Lang   3Find   4Plan   5Save   6Me     7Paths  8Gaps   9Catalog10Quit",
        ])
        #expect(grid.lines().allSatisfy { TextWidth.of($0) <= 80 })
        #expect(grid[x: 79, y: 0].style.bg == .title)   // the bar spans the row
        #expect(grid[x: 0, y: 1].style.bg == .normal)   // key number plain
        #expect(grid[x: 1, y: 1].style.bg == .title)    // label on the bar colour
    }

    @Test("every widget survives a 1×1 and an empty area")
    func tinyAreas() {
        for size in [(1, 1), (0, 0), (2, 1)] {
            var grid = CellGrid(width: size.0, height: size.1)
            let area = grid.bounds
            ListView(items: [ListItem("ยาวมาก")], state: ListState()).render(in: area, grid: &grid)
            TableView(columns: [TableColumn("ก", width: .fixed(5))], rows: [TableRow(["ข"])]).render(in: area, grid: &grid)
            LadderView(rungs: [LadderRung("ก", mark: .current)]).render(in: area, grid: &grid)
            TextView("ข้อความ").render(in: area, grid: &grid)
            TabsView(titles: ["ก", "ข"], selected: 0).render(in: area, grid: &grid)
            BarGauge(label: "ก", actual: 1, required: 2, maximum: 3).render(in: area, grid: &grid)
            InputField(label: "PIN", state: InputFieldState(text: "12"), masked: true).render(in: area, grid: &grid)
            ModalView(title: "ก", width: 10, height: 5).render(in: area, grid: &grid)
            StatusLine(left: "ก", right: "ข").render(in: area, grid: &grid)
            FunctionKeyBar(entries: [FunctionKeyLabel("1", "Help")]).render(in: area, grid: &grid)
            #expect(grid.lines().allSatisfy { TextWidth.of($0) <= size.0 })
        }
    }
}
