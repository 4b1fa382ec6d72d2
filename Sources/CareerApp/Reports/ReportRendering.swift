import CareerCatalog
import TerminalUI

/// The output formats of a `ReportDocument`: Markdown (the terminal's default), printable HTML
/// (A4, Thai font, SVG bar charts, no scripts) and CSV (its tables, for HR's spreadsheet).
public enum ReportFormat: String, Sendable, CaseIterable {
    case md, html, csv

    public func render(_ doc: ReportDocument) -> String {
        switch self {
        case .md: return ReportMarkdown.render(doc)
        case .html: return ReportHTML.render(doc)
        case .csv: return ReportCSV.render(doc)
        }
    }
}

public enum ReportMarkdown {
    public static func render(_ doc: ReportDocument) -> String {
        var out = "# \(doc.title)\n\n"
        for line in doc.subtitle { out += "\(line)  \n" }
        for block in doc.blocks {
            switch block {
            case .heading(let h): out += "\n## \(h)\n\n"
            case .paragraph(let p): out += "\n\(p)\n"
            case .checklist(let items):
                for item in items {
                    let specify = item.specify.map { $0.isEmpty ? " ....." : " \($0)" } ?? ""
                    out += "- [\(item.ticked ? "x" : " ")] \(item.text)\(specify)\n"
                }
            case .dottedLines(let text, _): out += text.isEmpty ? ".....\n" : text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n") + "\n"
            case .signature(let name, let position, let date):
                let signed = ReportStr.signed.text(doc.language)
                out += "\n\(signed) .....\n(\(name.isEmpty ? "....." : name))  \n\(position.isEmpty ? "....." : position)  \n"
                out += "\(ReportStr.signedDate.text(doc.language)) \(date.isEmpty ? "...../...../....." : date)\n"
            case .table(let table):
                out += "\n" + row(table.header) + "|" + table.header.indices.map { table.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
                for r in table.rows { out += row(r) }
            case .bars(let title, let bars):
                let top = bars.map(\.value).max() ?? 0
                out += "\n**\(title)**\n\n```\n"
                let width = bars.map { TextWidth.of($0.label) }.max() ?? 0
                for bar in bars {
                    let length = top > 0 ? Int((bar.value / top * 30).rounded()) : 0
                    out += bar.label + String(repeating: " ", count: width - TextWidth.of(bar.label)) + " " + String(repeating: "█", count: length) + " " + bar.shown + "\n"
                }
                out += "```\n"
            case .pageBreak: out += "\n---\n"
            }
        }
        return out
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |\n"
    }
}

public enum ReportCSV {
    /// RFC 4180 with a UTF-8 BOM (spreadsheets then read Thai correctly); one header row per
    /// table, a blank line between tables.
    public static func render(_ doc: ReportDocument) -> String {
        "\u{FEFF}" + doc.tables.map { table in
            ([table.header] + table.rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        }.joined(separator: "\r\n")
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

public enum ReportHTML {
    public static func render(_ doc: ReportDocument) -> String {
        var body = "<header><h1>\(escape(doc.title))</h1>" + doc.subtitle.map { "<p class=\"sub\">\(escape($0))</p>" }.joined() + "</header>\n"
        for block in doc.blocks {
            switch block {
            case .heading(let h): body += "<h2>\(escape(h))</h2>\n"
            case .paragraph(let p): body += "<p>\(escape(p))</p>\n"
            case .checklist(let items):
                body += "<ul class=\"checklist\">\n"
                for item in items {
                    let box = item.ticked ? "☑" : "☐"
                    let specify = item.specify.map { "<span class=\"fill\">\(escape($0))</span>" } ?? ""
                    body += "<li><span class=\"box\">\(box)</span> \(escape(item.text))\(specify)</li>\n"
                }
                body += "</ul>\n"
            case .dottedLines(let text, let lines):
                let written = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
                let all = written + Array(repeating: "", count: max(0, lines - written.count))
                body += "<div class=\"dotted\">" + all.map { "<p class=\"line\">\(escape($0))&nbsp;</p>" }.joined() + "</div>\n"
            case .signature(let name, let position, let date):
                let signed = escape(ReportStr.signed.text(doc.language))
                body += """
                    <div class="signature"><p>\(signed) <span class="fill wide">&nbsp;</span></p>
                    <p>(<span class="fill wide">\(escape(name))</span>)</p>
                    <p><span class="fill wide">\(escape(position))</span></p>
                    <p>\(escape(ReportStr.signedDate.text(doc.language))) <span class="fill">\(escape(date))</span></p></div>

                    """
            case .table(let table):
                body += "<table><caption>\(escape(table.caption))</caption><thead><tr>"
                body += table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                for row in table.rows {
                    body += "<tr>" + row.enumerated().map { i, cell in
                        table.numeric.contains(i) ? "<td class=\"num\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
                    }.joined() + "</tr>\n"
                }
                body += "</tbody></table>\n"
            case .bars(let title, let bars): body += chart(title, bars)
            case .pageBreak: body += "<div class=\"page-break\"></div>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(doc.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(doc.title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)<footer>\(escape(ReportStr.generatedFrom.text(doc.language)))</footer>
            </body>
            </html>

            """
    }

    /// A horizontal bar chart as inline SVG: one row per bar, label left, figure right.
    static func chart(_ title: String, _ bars: [ReportBar]) -> String {
        let rowHeight = 22, labelWidth = 260, barWidth = 330, width = 680
        let top = bars.map(\.value).max() ?? 0
        var svg = "<figure><figcaption>\(escape(title))</figcaption>"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(bars.count * rowHeight + 4)\" role=\"img\" aria-label=\"\(escape(title))\">"
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight + 2
            let length = top > 0 ? Int((bar.value / top * Double(barWidth)).rounded()) : 0
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(truncated(bar.label, 34)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" fill=\"#3b5b8c\"/>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(escape(bar.shown))</text>"
        }
        return svg + "</svg></figure>\n"
    }

    static func truncated(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A4 portrait, 2 cm margins; a Thai font the print machine has (TH Sarabun as on government
    /// forms, else Noto/Loma/Garuda), the form's dotted lines and checkbox marks.
    static let style = """
        @page { size: A4; margin: 20mm 20mm 18mm 25mm; }
        body { font-family: "TH Sarabun New", "TH SarabunPSK", "Sarabun", "Noto Sans Thai", "Noto Serif Thai", "Loma", "Garuda", sans-serif;
               font-size: 11pt; line-height: 1.3; color: #000; margin: 0; }
        header { text-align: center; margin-bottom: 10pt; }
        h1 { font-size: 15pt; margin: 0 0 4pt; }
        h2 { font-size: 12.5pt; margin: 8pt 0 3pt; }
        p.sub { margin: 0; }
        ul.checklist { list-style: none; padding-left: 8mm; margin: 0; }
        ul.checklist li { text-indent: -7mm; padding-left: 7mm; margin: 1pt 0; }
        .box { font-size: 13pt; display: inline-block; width: 6mm; text-indent: 0; }
        .fill { border-bottom: 1px dotted #000; display: inline-block; min-width: 50mm; padding: 0 2mm; text-indent: 0; }
        .fill.wide { min-width: 70mm; }
        .dotted p.line { border-bottom: 1px dotted #000; margin: 0; min-height: 1.3em; }
        .signature { margin: 8pt 0 0 45%; text-align: center; }
        .signature p { margin: 2pt 0; }
        table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; page-break-inside: auto; }
        tr { page-break-inside: avoid; }
        caption { text-align: left; font-weight: bold; margin-bottom: 3pt; }
        th, td { border: 0.5pt solid #555; padding: 2pt 4pt; vertical-align: top; text-align: left; }
        th { background: #eee; }
        td.num { text-align: right; white-space: nowrap; }
        figure { margin: 6pt 0 10pt; page-break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: 3pt; }
        svg text { font-family: inherit; font-size: 11pt; }
        .page-break { page-break-after: always; break-after: page; }
        footer { margin-top: 14pt; font-size: 9pt; color: #555; }
        @media screen { body { max-width: 170mm; margin: 10mm auto; } }
        """
}
