import Foundation
import Testing

/// `careerpath kiosk` signed in by a supervisor: the split pane of their staff, sign-out and the idle
/// wipe. A suite of its own (one test at a time, like `KioskEndToEndTests`) so that its idle wait runs
/// beside the other kiosk tests instead of after them.
@Suite(.serialized)
struct KioskSupervisorEndToEndTests: KioskTestFolder {
    let folder: String

    init() throws { folder = try KioskEndToEndTests.makeFolder() }

    /// The M1 head of a provincial office in the demo roster, who heads three people (one of them
    /// heads a fourth): at the kiosk they get supervisor mode.
    static let supervisor = "P000073"
    static let supervisorPIN = "604918"
    static let supervisorTH = "ประชล น้ำสมมุติสกุล"
    /// The direct reports in the left pane's Thai order (as the split pane sorts names).
    static let subordinatesTH = ["มณีรัตน์ บุญสมมุติกุล", "ลมเพชร ศรีสมมุติสกุล", "สุขสม อรุณสมมุติกุล"]
    /// The supervisor and everyone below them: the only subjects their session may read.
    static let chain: Set<String> = ["P000073", "P000151", "P000215", "P000227", "P000231"]

    /// The left pane of the split pane: what lies between the first pair of heavy borders (it has the focus).
    static func leftPane(_ screen: [String]) -> String {
        screen.compactMap { line -> String? in
            guard line.hasPrefix("┃") else { return nil }
            return line.split(separator: "┃", omittingEmptySubsequences: true).first.map(String.init)
        }.joined(separator: "\n")
    }

    /// The name in the right pane's title ("ช่องว่างและแผน: NAME").
    static func rightTitle(_ screen: [String]) -> String? {
        for line in screen {
            guard let r = line.range(of: "ช่องว่างและแผน: ") else { continue }
            return String(line[r.upperBound...].prefix { $0 != "─" }).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Nothing of the supervisor's session left: their name, their subordinates' names (whole or
    /// as the narrow left pane cut them), their IDs.
    func expectNoTrace(_ screen: [String], _ when: String) {
        let all = text(screen)
        var traces = [Self.supervisorTH, "ประชล", Self.supervisor, "ผู้ใต้บังคับบัญชา"] + Self.chain.sorted()
        for name in Self.subordinatesTH {
            traces.append(name)
            traces.append(String(name.prefix(2)))
        }
        for trace in traces {
            #expect(!all.contains(trace), "\(when): \(trace) left on screen:\n\(all)")
        }
        #expect(all.contains("เลขประจำตัว:"), "\(when): not the sign-in screen:\n\(all)")
    }

    @Test("a supervisor signs in to the split pane of their staff; sign-out and the idle wipe leave none of their names")
    func supervisorSplitPane() async throws {
        let tmux = TmuxSession()
        defer { cleanUp(tmux) }
        try KioskEndToEndTests.shell("echo \(Self.supervisorPIN) | \(KioskEndToEndTests.pinCost) '\(TmuxSession.binary)' accounts set-pin --person \(Self.supervisor) --stdin --database '\(database)'")
        try start(tmux, "--lang th --idle 5 --idle-warning \(KioskEndToEndTests.idleWarning)")
        try await tmux.waitFor(text: "เลขประจำตัว:", timeout: 20)
        try signIn(tmux, id: Self.supervisor, pin: Self.supervisorPIN)
        let first = try await tmux.waitFor(timeout: 30) { Self.rightTitle($0) == Self.subordinatesTH[0] }
        let left = Self.leftPane(first)
        #expect(text(first).contains("ผู้ใต้บังคับบัญชา (3)"), "\(text(first))")
        // At 80 columns the pane cuts names short with "…": each begins as in the roster.
        for name in Self.subordinatesTH {
            #expect(left.contains(String(name.prefix(2))), "\(name) not in the left pane:\n\(left)")
        }
        #expect(text(first).contains("ออกจากระบบ"), "\(text(first))")

        // Move the selection: the right pane follows.
        try tmux.sendKeys("j")
        let second = try await tmux.waitFor(timeout: 10) { Self.rightTitle($0) == Self.subordinatesTH[1] }
        #expect(Self.rightTitle(second) == Self.subordinatesTH[1], "\(text(second))")

        try tmux.sendKeys("o")
        let out = try await tmux.waitFor(text: "ออกจากระบบแล้ว")
        expectNoTrace(out, "after sign-out")

        // Again, with the whole chain shown, then left alone: the warning, then the wipe.
        try signIn(tmux, id: Self.supervisor, pin: Self.supervisorPIN)
        try await tmux.waitFor(timeout: 30) { Self.rightTitle($0) == Self.subordinatesTH[0] }
        try tmux.sendKeys("w")
        try await tmux.waitFor(text: "ผู้ใต้บังคับบัญชา (4)")
        try await tmux.waitFor(text: "ยังใช้งานอยู่หรือไม่", timeout: 20)
        let wiped = try await tmux.waitFor(text: "ออกจากระบบอัตโนมัติ", timeout: Double(KioskEndToEndTests.idleWarning) + 20)
        expectNoTrace(wiped, "after the idle wipe")

        // The audit log: views of the chain only, each from the kiosk, with the terminal named.
        let subjects = try sql("SELECT DISTINCT subject FROM audit_log WHERE actor = '\(Self.supervisor)' AND action = 'view'")
            .split(separator: "\n").map(String.init)
        #expect(Set(subjects).isSubset(of: Self.chain), "views outside the chain: \(subjects)")
        #expect(subjects.contains("P000215") && subjects.contains("P000231"), "\(subjects)")
        let screens = try sql("SELECT DISTINCT screen FROM audit_log WHERE actor = '\(Self.supervisor)' AND action = 'view'")
        #expect(screens.split(separator: "\n").allSatisfy { $0.hasPrefix("kiosk") }, "\(screens)")
        #expect(try sql("SELECT COUNT(*) FROM audit_log WHERE actor = '\(Self.supervisor)' AND action = 'view' AND terminal = ''") == "0")
        let ends = try sql("SELECT action FROM audit_log WHERE actor = '\(Self.supervisor)' AND action IN ('sign-out', 'timeout') ORDER BY id")
        #expect(ends == "sign-out\ntimeout", "\(ends)")
    }
}
