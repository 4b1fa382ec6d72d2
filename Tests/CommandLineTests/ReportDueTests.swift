import Foundation
import Testing

/// HR sets the day a fiscal year's usage reports are due (`report usage --set-due`), and the
/// roll-up counts by it: the commands' output on the demo roster against a golden file, on a
/// database of its own (the shared one must keep the default day).
@Suite(.serialized) struct ReportDueTests {
    @Test("report usage --set-due, its --json and the roll-up by the set day match their golden file")
    func setDueThenRollup() throws {
        let database = CommandLineRun.folder + "/due-\(UUID().uuidString).sqlite"
        defer { for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + ext) } }
        var transcript = ""
        for arguments in [["import", "Data/demo"], ["accounts", "grant-hr", "P000001"],
                          ["report", "usage", "--year", "2569", "--set-due", "15/08/2569", "--as", "P000001", "--lang", "en"],
                          ["report", "usage", "--year", "2569", "--set-due", "2026-08-14", "--as", "P000001", "--json"],
                          ["report", "rollup", "--year", "2569", "--as", "P000001", "--lang", "en"]] {
            let result = CommandLineRun.run(arguments + ["--database", database])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            guard arguments.first == "report" else { continue }
            transcript += "$ careerpath " + arguments.joined(separator: " ") + "\n" + result.stdout + "\n"
        }
        #expect(transcript.contains("Due 14 August 2026"), "\(transcript)")
        try Golden.assert(transcript, named: "report-due.txt")
    }
}
