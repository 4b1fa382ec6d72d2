import Foundation
import Testing

/// Command output compared with a golden file in Goldens/. A missing golden fails; it is written
/// only with CAREERPATH_UPDATE_SNAPSHOTS=1 (the screens' record mode), so a test can never pass by
/// creating what it compares against. Review a new or changed golden by eye before committing.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Goldens")

    static var recording: Bool { ProcessInfo.processInfo.environment["CAREERPATH_UPDATE_SNAPSHOTS"] == "1" }

    static func assert(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(Comment(rawValue: "no golden Goldens/\(name) (CAREERPATH_UPDATE_SNAPSHOTS=1 writes it):\n" + text),
                         sourceLocation: sourceLocation)
            return
        }
        guard golden != text else { return }
        let (want, got) = (golden.components(separatedBy: "\n"), text.components(separatedBy: "\n"))
        let first = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        let line = { (lines: [String]) in first < lines.count ? lines[first] : "<end>" }
        Issue.record(Comment(rawValue: "Goldens/\(name) differs at line \(first + 1) (CAREERPATH_UPDATE_SNAPSHOTS=1 rewrites it):\n"
                             + "  - \(line(want))\n  + \(line(got))"), sourceLocation: sourceLocation)
    }
}
