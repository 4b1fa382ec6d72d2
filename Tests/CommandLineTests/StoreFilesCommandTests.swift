import Foundation
import Testing

/// What the command line leaves on disk: private files, and nothing after a refused import.
@Suite struct StoreFilesCommandTests {
    static func mode(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : nil
    }

    static func freshFolder(_ name: String) -> String {
        CommandLineRun.folder + "/\(name)-\(UInt32.random(in: 0...UInt32.max))"
    }

    @Test("a refused import into a database that did not exist leaves no file behind (nor -wal, -shm)")
    func refusedImportLeavesNothing() throws {
        let folder = Self.freshFolder("refused")
        try FileManager.default.createDirectory(atPath: folder + "/csv", withIntermediateDirectories: true)
        for name in ["people.csv", "assignments.csv", "assessments.csv", "trainings.csv"] {
            try FileManager.default.copyItem(atPath: CommandLineRun.repository.path + "/Data/demo/" + name, toPath: folder + "/csv/" + name)
        }
        try Data("person_id,course,completed_on\nP999999,nope,2019-03-31\n".utf8).write(to: URL(fileURLWithPath: folder + "/csv/trainings.csv"))
        let database = folder + "/new.sqlite"
        let result = CommandLineRun.run(["import", "--lang", "en", "--database", database, folder + "/csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("import refused"))
        // The same refusal in Thai: the file, line and column stay; the words and the dates are Thai.
        let thai = CommandLineRun.run(["import", "--lang", "th", "--database", database, folder + "/csv"])
        #expect(thai.status == 1)
        #expect(thai.stderr.contains("/csv/trainings.csv:2:2: error: ไม่รู้จักหลักสูตร (course) `nope`"))
        #expect(thai.stderr.contains("ไม่นำเข้า: พบข้อผิดพลาด 2 รายการ ฐานข้อมูลไม่เปลี่ยนแปลง"))
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: database + suffix), "\(suffix)") }

        // An existing database stays (unchanged) when an import into it is refused.
        #expect(CommandLineRun.run(["import", "--database", database, CommandLineRun.repository.path + "/Data/demo"]).status == 0)
        #expect(CommandLineRun.run(["import", "--database", database, folder + "/csv"]).status == 1)
        #expect(FileManager.default.fileExists(atPath: database))
    }

    @Test("import makes the database 0600 in a 0700 folder; --hash-operator-pin > FILE makes FILE private")
    func privateModes() throws {
        let folder = Self.freshFolder("modes")
        let database = folder + "/db/records.sqlite"
        #expect(CommandLineRun.run(["import", "--database", database, CommandLineRun.repository.path + "/Data/demo"]).status == 0)
        #expect(Self.mode(folder + "/db") == 0o700)
        #expect(Self.mode(database) == 0o600)

        try FileManager.default.createDirectory(atPath: folder + "/shared", withIntermediateDirectories: true)
        #expect(chmod(folder + "/shared", 0o2770) == 0)
        let made = CommandLineRun.shell("umask 022; echo 86420 | '\(CommandLineRun.binary)' kiosk --hash-operator-pin > '\(folder)/shared/kiosk-operator-pin'; "
                                        + "echo 86420 | '\(CommandLineRun.binary)' kiosk --hash-operator-pin > '\(folder)/pin'")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(Self.mode(folder + "/pin") == 0o600)
        #expect(Self.mode(folder + "/shared/kiosk-operator-pin") == 0o640)
        let line = try String(contentsOfFile: folder + "/pin", encoding: .utf8)
        #expect(line.hasPrefix("pbkdf2"))
    }
}
