import CareerApp
import CareerCatalog
import CareerStore

/// What the operator commands (`accounts`, `db`, `import`, `demo generate`, and a database made on
/// first use) say when they succeed, and the PIN prompts: a `TextTable`, in the language of the
/// command line's messages (`CommandLanguage.current`). Ids, paths, table names and schema step
/// names stay as they are: scripts and the other tools name them so.
enum OperatorText: String, CaseIterable, TextTable {
    case pinSet, newPIN, repeatPIN, noTerminalForPIN, cannotHideEcho, operatorPIN
    case hrGranted, hrAlreadyHeld, hrRevoked, hrNotHeld, unlocked, notLocked
    case schemaUpToDate, schemaApplied, schemaState, schemaNone, checkPassed, copied
    case imported, wroteRoster, fileRows
    case createdFromDemo, createdEmptyNoData, createdEmptyNoRoster

    var pair: (th: String, en: String) {
        switch self {
        case .pinSet: ("ตั้ง PIN ของ %1 แล้ว", "PIN set for %1")
        case .newPIN: ("PIN ใหม่ของ %1: ", "New PIN for %1: ")
        case .repeatPIN: ("ใส่ PIN ซ้ำอีกครั้ง: ", "Repeat the PIN: ")
        case .noTerminalForPIN: ("ไม่มีเทอร์มินัลให้พิมพ์ PIN: ส่ง PIN ทางอินพุตมาตรฐานด้วย --stdin",
                                 "no terminal to read the PIN from; pipe it in with --stdin")
        case .cannotHideEcho: ("ซ่อนตัวอักษรที่พิมพ์บนเทอร์มินัลไม่ได้: ส่ง PIN ทางอินพุตมาตรฐานด้วย --stdin",
                               "cannot switch the terminal's echo off; pipe the PIN in with --stdin")
        case .operatorPIN: ("PIN ผู้ดูแลจากอินพุตมาตรฐาน: %1", "operator PIN from standard input: %1")
        case .hrGranted: ("%1 ได้รับบทบาท hr แล้ว", "%1 now has the hr role")
        case .hrAlreadyHeld: ("%1 มีบทบาท hr อยู่แล้ว", "%1 already had the hr role")
        case .hrRevoked: ("ถอนบทบาท hr ของ %1 แล้ว", "%1 no longer has the hr role")
        case .hrNotHeld: ("%1 ไม่มีบทบาท hr อยู่ก่อนแล้ว", "%1 did not have the hr role")
        case .unlocked: ("ปลดล็อก %1 แล้ว", "%1 unlocked")
        case .notLocked: ("%1 ไม่ได้ถูกล็อก", "%1 was not locked")
        case .schemaUpToDate: ("%1: โครงสร้างฐานข้อมูลเป็นรุ่นล่าสุดแล้ว (%2)", "%1: schema up to date (%2)")
        case .schemaApplied: ("%1: ปรับโครงสร้างฐานข้อมูลแล้ว: %2", "%1: applied %2")
        case .schemaState: ("%1: %2 โครงสร้างรุ่น %3 (%4 จาก %5 ขั้น)", "%1: %2, schema %3 (%4 of %5 steps)")
        case .schemaNone: ("ไม่มี", "none")
        case .checkPassed: ("ไม่พบปัญหา", "ok")
        case .copied: ("คัดลอก %1 ไปยัง %2 แล้ว: %3", "copied %1 to %2: %3")
        case .imported: ("นำเข้า %1 คน (การปฏิบัติงาน %2 รายการ ผลการประเมิน %3 รายการ การฝึกอบรม %4 รายการ ระดับเดิม %5 รายการ) ไปยัง %6",
                         "imported %1 people (%2 assignments, %3 assessments, %4 trainings, %5 earlier levels) into %6")
        case .wroteRoster: ("เขียน %1 แล้ว: %2", "wrote %1: %2")
        case .fileRows: ("%2 %1 แถว", "%1 %2")
        case .createdFromDemo: ("สร้าง %1 จากรายชื่อตัวอย่างแล้ว (%2 คน)", "created %1 from the demo roster (%2 people)")
        case .createdEmptyNoData: ("สร้างฐานข้อมูลว่างที่ %1 (ไม่มีรายชื่อตัวอย่าง: %2)", "created an empty database at %1 (no demo roster: %2)")
        case .createdEmptyNoRoster: ("สร้างฐานข้อมูลว่างที่ %1 (ไม่มีรายชื่อตัวอย่างใน %2)", "created an empty database at %1 (no demo roster in %2)")
        }
    }

    /// A person as the operator commands name them: "ปิ่นแก้ว ฟ้าสมมุติวงศ์ (P000211)"; the id alone
    /// when the store has no such person.
    static func person(_ id: String, in store: PersonnelStore) -> String {
        guard let person = try? store.person(personID: id, viewer: .system) else { return id }
        return "\(person.name(CommandLanguage.current)) (\(id))"
    }
}
