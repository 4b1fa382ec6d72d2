import CareerStore
import Foundation
import Testing
@testable import careerpath

/// `accounts …` and the PIN cost every PIN command and the kiosk use (`PINCost`, issue 16 item 7).
@Suite("accounts: the PIN cost")
struct AccountCommandsTests {
    @Test("full strength without the test setting or with a bad one; the test cost only in a debug build, and a full-strength check refuses its hashes")
    func pinCost() throws {
        let production = PINCost.hasher(environment: [:])
        #expect(production.iterations == PINHasher.minimumIterations && production.floor == PINHasher.minimumIterations)
        for bad in ["", "abc", "0", "-5"] {
            #expect(PINCost.hasher(environment: [PINCost.environmentName: bad]).iterations == PINHasher.minimumIterations, "\(bad)")
        }
        let test = PINCost.hasher(environment: [PINCost.environmentName: "1000"])
        #if DEBUG
        #expect(test.iterations == 1000)
        let pin = try PIN("2568")
        let weak = try test.hash(pin)
        #expect(test.verify(pin, against: weak))
        #expect(!production.verify(pin, against: weak), "a release kiosk (full strength) refuses a test-cost row")
        #else
        #expect(test.iterations == PINHasher.minimumIterations, "a release build ignores the setting")
        #endif
    }
}

/// The operator commands say what they did in the command line's language (Thai on a terminal that
/// shows it, English on the Linux console or with `--lang en` where a command takes it), and name
/// the person, not only the id.
@Suite("operator commands: Thai and English, people named")
struct OperatorCommandsTests {
    /// A copy of the demo database of this test's own (the commands below change it).
    static func copyOfDemo() throws -> String {
        let path = CommandLineRun.folder + "/operator-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: CommandLineRun.database, toPath: path)
        return path
    }

    static let english = ["TERM": "linux"]

    @Test("grant-hr, revoke-hr and unlock: what changed, with the person's name in the language of the terminal")
    func accountsSayWhatChanged() throws {
        let database = try Self.copyOfDemo()
        let person = try #require(try PersonnelStore(path: database).person(personID: "P000001", viewer: .system))
        let th = "\(person.name(.th)) (P000001)", en = "\(person.name(.en)) (P000001)"
        let runs: [([String], [String: String], String)] = [
            (["accounts", "grant-hr", "P000001"], [:], "\(th) ได้รับบทบาท hr แล้ว\n"),
            (["accounts", "grant-hr", "P000001"], Self.english, "\(en) already had the hr role\n"),
            (["accounts", "revoke-hr", "P000001"], Self.english, "\(en) no longer has the hr role\n"),
            (["accounts", "revoke-hr", "P000001"], [:], "\(th) ไม่มีบทบาท hr อยู่ก่อนแล้ว\n"),
            (["accounts", "unlock", "P000001"], [:], "\(th) ไม่ได้ถูกล็อก\n"),
        ]
        for (arguments, environment, said) in runs {
            let result = CommandLineRun.run(arguments + ["--database", database], environment: environment)
            #expect(result.status == 0 && result.stdout == said, "\(arguments) \(environment): \(result.stdout) \(result.stderr)")
        }
        let unknown = CommandLineRun.run(["accounts", "grant-hr", "P999999", "--database", database])
        #expect(unknown.status == 1 && unknown.stderr == "ข้อผิดพลาด: ไม่มีบุคคลรหัส `P999999` ในฐานข้อมูลบุคลากร: ตรวจรหัส หรือนำเข้าประวัติก่อน\n",
                "\(unknown.stderr)")
    }

    @Test("set-pin: a refused PIN and a set one, in Thai and in English")
    func setPIN() throws {
        let database = try Self.copyOfDemo()
        let binary = CommandLineRun.binary
        let short = CommandLineRun.shell("echo 12 | '\(binary)' accounts set-pin --person P000001 --stdin --database '\(database)'")
        #expect(short.status == 1 && short.stderr == "ข้อผิดพลาด: PIN เป็นตัวเลข 4 ถึง 12 หลัก แต่ที่ใส่มี 2 หลัก\n", "\(short.stderr)")
        let set = CommandLineRun.shell("echo 2568 | TERM=linux '\(binary)' accounts set-pin --person P000001 --stdin --database '\(database)'")
        let person = try #require(try PersonnelStore(path: database).person(personID: "P000001", viewer: .system))
        #expect(set.status == 0 && set.stdout == "PIN set for \(person.name(.en)) (P000001)\n", "\(set.stdout) \(set.stderr)")
    }

    @Test("db migrate and db check say the schema's state in Thai")
    func databaseCommands() throws {
        let database = try Self.copyOfDemo()
        let migrate = CommandLineRun.run(["db", "migrate", "--database", database])
        #expect(migrate.status == 0 && migrate.stdout.hasPrefix("\(database): โครงสร้างฐานข้อมูลเป็นรุ่นล่าสุดแล้ว ("), "\(migrate.stdout)")
        let check = CommandLineRun.run(["db", "check", "--database", database])
        #expect(check.status == 0 && check.stdout.hasPrefix("\(database): sqlite โครงสร้างรุ่น ") && check.stdout.hasSuffix("\nไม่พบปัญหา\n"),
                "\(check.stdout)")
        let english = CommandLineRun.run(["db", "check", "--database", database], environment: Self.english)
        #expect(english.status == 0 && english.stdout.hasSuffix("\nok\n"), "\(english.stdout)")
    }
}
