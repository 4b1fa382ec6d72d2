import CareerCatalog

/// A unit report laid out once, in words, for every output: Markdown, printable HTML, CSV and
/// the TUI's Reports screen all render this (no report is worded twice).
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    /// Lines under the title (unit, year, date).
    public var subtitle: [String]
    public var blocks: [ReportBlock]
    /// The language it was worded in (`lang` of the HTML page).
    public var language: Language

    public init(title: String, subtitle: [String], blocks: [ReportBlock], language: Language) {
        self.title = title; self.subtitle = subtitle; self.blocks = blocks; self.language = language
    }

    /// The tables, in order (what CSV exports).
    public var tables: [ReportTable] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }
}

public struct ReportTable: Sendable, Equatable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    /// Columns holding numbers (right-aligned).
    public var numeric: Set<Int>

    public init(caption: String, header: [String], rows: [[String]], numeric: Set<Int> = []) {
        self.caption = caption; self.header = header; self.rows = rows; self.numeric = numeric
    }
}

public struct ReportBar: Sendable, Equatable {
    public var label: String
    /// The bar's length (0 for a hidden small group).
    public var value: Double
    /// The figure printed beside it ("12", "fewer than 5").
    public var shown: String

    public init(label: String, value: Double, shown: String) { self.label = label; self.value = value; self.shown = shown }
}

public enum ReportBlock: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
    /// A paper form's checklist: ticked or not, the item, and for "other" what was specified.
    case checklist([(ticked: Bool, text: String, specify: String?)])
    /// Free text written on a form's dotted lines (at least `lines` lines are drawn).
    case dottedLines(String, lines: Int)
    /// The signature block: name, position, date (empty strings leave the dots).
    case signature(name: String, position: String, date: String)
    case table(ReportTable)
    /// A horizontal bar chart (SVG in HTML).
    case bars(title: String, [ReportBar])
    /// A new page when printed.
    case pageBreak

    public static func == (a: ReportBlock, b: ReportBlock) -> Bool {
        switch (a, b) {
        case (.heading(let x), .heading(let y)), (.paragraph(let x), .paragraph(let y)): return x == y
        case (.checklist(let x), .checklist(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.ticked == $1.ticked && $0.text == $1.text && $0.specify == $1.specify }
        case (.dottedLines(let x, let n), .dottedLines(let y, let m)): return x == y && n == m
        case (.signature(let a1, let a2, let a3), .signature(let b1, let b2, let b3)): return (a1, a2, a3) == (b1, b2, b3)
        case (.table(let x), .table(let y)): return x == y
        case (.bars(let t, let x), .bars(let u, let y)): return t == u && x == y
        case (.pageBreak, .pageBreak): return true
        default: return false
        }
    }
}
