import CareerCatalog

/// The kiosk's interface text in Thai and English, a `TextTable` (the screens of a session use `Str`).
///
/// Usage: `KioskText.signInTitle.text(.en)` → "Sign in"; `KioskText.lockedUntil.format(.en, "14:06")`.
public enum KioskText: String, CaseIterable, TextTable {
    case signInTitle, signInIntro, employeeID, pin, signInHints, languageHint
    case missingID, missingPIN, incorrect, checking, lockedUntil, signInFailed, signedOut, timedOut
    case stayInKiosk, notInKiosk, idleTitle, idleCountdown, idleStay
    case operatorTitle, operatorIntro, operatorHints, operatorRefused, operatorNotConfigured, operatorCheckFailed
    case fkSignOut, helpKiosk
    // Why a planner action is refused at a kiosk (docs/keys.md)
    case refusedQuit, refusedPicker, refusedExport, refusedReports

    /// (Thai, English).
    public var pair: (th: String, en: String) {
        switch self {
        case .signInTitle: ("ลงชื่อเข้าใช้", "Sign in")
        case .signInIntro: ("ใส่เลขประจำตัวและรหัส PIN เพื่อดูเส้นทางความก้าวหน้าของท่าน",
                            "Enter your employee ID and PIN to see your career path.")
        case .employeeID: ("เลขประจำตัว:", "Employee ID:")
        case .pin: ("รหัส PIN:", "PIN:")
        case .signInHints: ("Tab สลับช่อง · Enter เข้าใช้ · Esc ล้าง", "Tab next field · Enter sign in · Esc clear")
        case .languageHint: ("F2 หรือ Ctrl-T: English", "F2 or Ctrl-T: ภาษาไทย")
        case .missingID: ("กรุณาใส่เลขประจำตัว", "Enter your employee ID")
        case .missingPIN: ("กรุณาใส่รหัส PIN (4–12 หลัก)", "Enter your PIN (4–12 digits)")
        case .incorrect: ("เลขประจำตัวหรือรหัส PIN ไม่ถูกต้อง", "Employee ID or PIN is incorrect")
        case .checking: ("กำลังตรวจสอบ…", "Checking…")
        case .lockedUntil: ("ลองผิดหลายครั้งเกินไป ลองใหม่หลังเวลา %1 น.", "Too many attempts; try again after %1")
        case .signInFailed: ("เข้าใช้ไม่ได้ในขณะนี้ โปรดแจ้งเจ้าหน้าที่ (%1)", "Cannot sign in right now; tell the staff (%1)")
        case .signedOut: ("ออกจากระบบแล้ว", "Signed out")
        case .timedOut: ("ออกจากระบบอัตโนมัติเพราะไม่มีการใช้งาน", "Signed out after a time without keys")
        case .stayInKiosk: ("เครื่องนี้เปิด CareerPath ไว้เสมอ: กด o เพื่อออกจากระบบ",
                            "This terminal stays in CareerPath: press o to sign out")
        case .notInKiosk: ("ใช้ไม่ได้ที่เครื่องบริการนี้", "Not available at this terminal")
        case .idleTitle: ("ยังใช้งานอยู่หรือไม่", "Still there?")
        case .idleCountdown: ("จะออกจากระบบและล้างหน้าจอใน %1 วินาที", "Signing out and clearing the screen in %1 s")
        case .idleStay: ("กดปุ่มใดก็ได้เพื่อใช้งานต่อ", "Press any key to stay")
        case .operatorTitle: ("ผู้ดูแลเครื่อง", "Operator")
        case .operatorIntro: ("ใส่รหัส PIN ผู้ดูแลเพื่อปิดโปรแกรม", "Operator PIN to close the kiosk")
        case .operatorHints: ("Enter ยืนยัน · Esc ยกเลิก", "Enter confirm · Esc cancel")
        case .operatorRefused: ("รหัส PIN ผู้ดูแลไม่ถูกต้อง", "Wrong operator PIN")
        case .operatorNotConfigured: ("ยังไม่ได้ตั้งรหัส PIN ผู้ดูแล: ปิดได้ด้วย SIGTERM เท่านั้น",
                                      "No operator PIN is configured: only SIGTERM closes the kiosk")
        case .operatorCheckFailed: ("ตรวจรหัสผู้ดูแลไม่ได้ (%1)", "Cannot check the operator PIN (%1)")
        case .fkSignOut: ("ออกจากระบบ", "Sign out")
        case .helpKiosk: ("เครื่องบริการ", "At this terminal")
        case .refusedQuit: ("โปรแกรมไม่ปิดจากแป้นพิมพ์ (ผู้ดูแลใช้ Ctrl-] และรหัส PIN)",
                            "the kiosk never ends from a key (the operator uses Ctrl-] and a PIN)")
        case .refusedPicker: ("ไม่มีหน้าเลือกบุคคล", "no person picker: a session sees its own record (and a supervisor's subordinates)")
        case .refusedExport: ("ไม่เขียนไฟล์ลงเครื่องที่ใช้ร่วมกัน", "no files written on a shared terminal")
        case .refusedReports: ("รายงานหน่วยงานไม่อยู่ในตู้บริการ", "unit reports are not at the kiosk (the planner with --as, or careerpath report)")
        }
    }
}
