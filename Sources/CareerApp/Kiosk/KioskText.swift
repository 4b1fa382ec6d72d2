import Foundation
import CareerCatalog

/// The kiosk's interface text in Thai and English (the screens of a session use `Str`).
///
/// Usage: `KioskText.signInTitle.text(.en)` → "Sign in"; `KioskText.lockedUntil.format(.en, "14:06")`.
public enum KioskText: String, CaseIterable, Sendable {
    case signInTitle, signInIntro, employeeID, pin, signInHints, languageHint
    case missingID, missingPIN, incorrect, lockedUntil, signInFailed, signedOut, timedOut
    case stayInKiosk, notInKiosk, idleTitle, idleCountdown, idleStay
    case operatorTitle, operatorIntro, operatorHints, operatorRefused, operatorNotConfigured, operatorCheckFailed
    case fkSignOut, helpKiosk

    /// The text in a language.
    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? ("", "")
        return language == .th ? pair.0 : pair.1
    }

    /// The text with `%1`, `%2` … replaced by `arguments` in order.
    public func format(_ language: Language, _ arguments: String...) -> String {
        text(language).fillingPlaceholders(arguments)
    }

    /// (Thai, English).
    static let table: [KioskText: (String, String)] = [
        .signInTitle: ("ลงชื่อเข้าใช้", "Sign in"),
        .signInIntro: ("ใส่เลขประจำตัวและรหัส PIN เพื่อดูเส้นทางความก้าวหน้าของท่าน",
                       "Enter your employee ID and PIN to see your career path."),
        .employeeID: ("เลขประจำตัว:", "Employee ID:"),
        .pin: ("รหัส PIN:", "PIN:"),
        .signInHints: ("Tab สลับช่อง · Enter เข้าใช้ · Esc ล้าง", "Tab next field · Enter sign in · Esc clear"),
        .languageHint: ("F2 หรือ Ctrl-T: English", "F2 or Ctrl-T: ภาษาไทย"),
        .missingID: ("กรุณาใส่เลขประจำตัว", "Enter your employee ID"),
        .missingPIN: ("กรุณาใส่รหัส PIN (4–12 หลัก)", "Enter your PIN (4–12 digits)"),
        .incorrect: ("เลขประจำตัวหรือรหัส PIN ไม่ถูกต้อง", "Employee ID or PIN is incorrect"),
        .lockedUntil: ("ลองผิดหลายครั้งเกินไป ลองใหม่หลังเวลา %1 น.", "Too many attempts; try again after %1"),
        .signInFailed: ("เข้าใช้ไม่ได้ในขณะนี้ โปรดแจ้งเจ้าหน้าที่ (%1)", "Cannot sign in right now; tell the staff (%1)"),
        .signedOut: ("ออกจากระบบแล้ว", "Signed out"),
        .timedOut: ("ออกจากระบบอัตโนมัติเพราะไม่มีการใช้งาน", "Signed out after a time without keys"),
        .stayInKiosk: ("เครื่องนี้เปิด CareerPath ไว้เสมอ: กด o เพื่อออกจากระบบ",
                       "This terminal stays in CareerPath: press o to sign out"),
        .notInKiosk: ("ใช้ไม่ได้ที่เครื่องบริการนี้", "Not available at this terminal"),
        .idleTitle: ("ยังใช้งานอยู่หรือไม่", "Still there?"),
        .idleCountdown: ("จะออกจากระบบและล้างหน้าจอใน %1 วินาที", "Signing out and clearing the screen in %1 s"),
        .idleStay: ("กดปุ่มใดก็ได้เพื่อใช้งานต่อ", "Press any key to stay"),
        .operatorTitle: ("ผู้ดูแลเครื่อง", "Operator"),
        .operatorIntro: ("ใส่รหัส PIN ผู้ดูแลเพื่อปิดโปรแกรม", "Operator PIN to close the kiosk"),
        .operatorHints: ("Enter ยืนยัน · Esc ยกเลิก", "Enter confirm · Esc cancel"),
        .operatorRefused: ("รหัส PIN ผู้ดูแลไม่ถูกต้อง", "Wrong operator PIN"),
        .operatorNotConfigured: ("ยังไม่ได้ตั้งรหัส PIN ผู้ดูแล: ปิดได้ด้วย SIGTERM เท่านั้น",
                                 "No operator PIN is configured: only SIGTERM closes the kiosk"),
        .operatorCheckFailed: ("ตรวจรหัสผู้ดูแลไม่ได้ (%1)", "Cannot check the operator PIN (%1)"),
        .fkSignOut: ("ออกจากระบบ", "Sign out"),
        .helpKiosk: ("เครื่องบริการ", "At this terminal"),
    ]
}
