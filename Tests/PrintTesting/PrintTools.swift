import Foundation
import Testing

/// Headless Chromium and poppler-utils for the printing tests (the unit reports', the printable
/// plan's), found in one place: the programs on `PATH` (then `/usr/bin`), one way to print a page
/// to PDF and to read back its page count and text. `.ci/run` installs them (chromium,
/// poppler-utils, fonts-thai-tlwg); without them a test is skipped on a workstation and fails under
/// CI=true (a printing test that silently does not run proves nothing).
///
///     guard let tools = PrintTools.required() else { return }
///     let printed = tools.print(html: page, to: pdf, profile: folder + "/chromium")
///     #expect(printed.pages == 1 && printed.text.contains("แผนพัฒนารายบุคคล"))
public struct PrintTools: Sendable {
    public let chromium: String
    public let pdftotext: String
    public let pdfinfo: String

    /// The tools, if all are here.
    public static let found: PrintTools? = {
        guard let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(tool).first,
              let pdftotext = tool("pdftotext"), let pdfinfo = tool("pdfinfo") else { return nil }
        return PrintTools(chromium: chromium, pdftotext: pdftotext, pdfinfo: pdfinfo)
    }()

    /// The tools, or nil after recording why: an issue under CI=true, a note elsewhere.
    public static func required() -> PrintTools? {
        if let found { return found }
        let message = "headless Chromium and poppler-utils (pdftotext, pdfinfo) are needed to print: "
            + "apt-get install chromium poppler-utils fonts-thai-tlwg (.ci/run does)"
        if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) } else { Swift.print("skipped: \(message)") }
        return nil
    }

    /// The program `name` on `PATH`, else in `/usr/bin`.
    public static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A page printed: whether the PDF was written, its page count and paper (pdfinfo's text), its
    /// text (pdftotext; `-layout` keeps the columns), and what Chromium said.
    public struct Printed: Sendable {
        public var written: Bool
        public var pages: Int
        public var info: String
        public var text: String
        public var log: String
        /// Whether pdfinfo calls the paper A4.
        public var isA4: Bool { info.contains("(A4)") }
    }

    /// Prints the HTML file `html` to `pdf` (replaced) with a fresh browser profile in `profile`.
    public func print(html: String, to pdf: String, profile: String, layout: Bool = false) -> Printed {
        try? FileManager.default.removeItem(atPath: pdf)
        let log = Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                      "--user-data-dir=\(profile)", "--print-to-pdf=\(pdf)", "file://\(html)"], mergingErrors: true)
        guard FileManager.default.fileExists(atPath: pdf) else { return Printed(written: false, pages: 0, info: "", text: "", log: log) }
        let info = Self.run(pdfinfo, [pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        let text = Self.run(pdftotext, (layout ? ["-layout"] : []) + [pdf, "-"])
        return Printed(written: true, pages: pages, info: info, text: text, log: log)
    }

    /// Runs `program` to its end; its standard output (and error, when merging), through a file so
    /// that no pipe fills.
    static func run(_ program: String, _ arguments: [String], mergingErrors: Bool = false) -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("print-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        guard let handle = try? FileHandle(forWritingTo: out) else { return "" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = mergingErrors ? handle : FileHandle.nullDevice
        do { try process.run() } catch { return "\(program): \(error)" }
        process.waitUntilExit()
        try? handle.close()
        return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    }
}
