import CareerCatalog
import GRDB

/// What a person is told when the records could not be read or written: a sentence in their
/// language that says what happened and that nothing was done, never the database engine's own message.
///
///     catch { status = Str.planSaveFailed.format(lang, StoreProblem.explain(error).text(lang)) }
public enum StoreProblem {
    public static func explain(_ error: Error) -> LocalizedText {
        if let denied = error as? AccessDenied {
            return LocalizedText(th: "ไม่มีสิทธิ์ดูหรือแก้ระเบียนของ \(denied.personID)", en: "\(denied.personID) is not in your reach")
        }
        if error is StoreUnavailable {
            return LocalizedText(th: "ติดต่อฐานข้อมูลบุคลากรกลางไม่ได้ ยังไม่ได้บันทึก ข้อมูลบนจอยังอยู่ โปรดลองอีกครั้งภายหลัง",
                                 en: "the central personnel database cannot be reached; nothing was saved, what is on screen is kept, try again later")
        }
        if let newer = error as? SchemaTooNew {
            return LocalizedText(th: newer.th, en: newer.description)
        }
        if let server = error as? PostgresStoreError {
            // 40P01 deadlock, 40001 serialization, 55P03 lock not available, 57014 statement timeout: busy.
            if ["40P01", "40001", "55P03", "57014"].contains(server.sqlState) {
                return LocalizedText(th: "ฐานข้อมูลบุคลากรไม่ว่างนานเกินไป ยังไม่ได้บันทึก โปรดลองอีกครั้ง",
                                     en: "the personnel database stayed busy too long; nothing was saved, try again")
            }
            if server.sqlState == "42501" || server.sqlState.hasPrefix("28") {
                return LocalizedText(th: "ไม่มีสิทธิ์เขียนฐานข้อมูลบุคลากร ยังไม่ได้บันทึก โปรดแจ้งผู้ดูแลระบบ",
                                     en: "this account may not write the personnel database; nothing was saved, tell the administrator")
            }
            return LocalizedText(th: "ฐานข้อมูลบุคลากรขัดข้อง (รหัส \(server.sqlState)) ยังไม่ได้บันทึก โปรดแจ้งผู้ดูแลระบบ",
                                 en: "the personnel database failed (code \(server.sqlState)); nothing was saved, tell the administrator")
        }
        guard let database = error as? DatabaseError else {
            return LocalizedText(th: "ทำไม่สำเร็จ ไม่มีการเปลี่ยนแปลง", en: "it could not be done; nothing was changed")
        }
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LocalizedText(th: "ฐานข้อมูลบุคลากรไม่ว่างนานเกินไป (อาจมีการนำเข้าข้อมูลอยู่) ยังไม่ได้บันทึก โปรดลองอีกครั้ง",
                                 en: "the personnel database stayed busy too long (an import may be running); nothing was saved, try again")
        case .SQLITE_FULL:
            return LocalizedText(th: "ดิสก์เต็ม ยังไม่ได้บันทึก โปรดแจ้งผู้ดูแลระบบ",
                                 en: "the disk is full; nothing was saved, tell the administrator")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return LocalizedText(th: "ไม่มีสิทธิ์เขียนฐานข้อมูลบุคลากร ยังไม่ได้บันทึก โปรดแจ้งผู้ดูแลระบบ",
                                 en: "this account may not write the personnel database; nothing was saved, tell the administrator")
        default:
            return LocalizedText(th: "ฐานข้อมูลบุคลากรขัดข้อง (รหัส \(database.resultCode.rawValue)) ยังไม่ได้บันทึก โปรดแจ้งผู้ดูแลระบบ",
                                 en: "the personnel database failed (code \(database.resultCode.rawValue)); nothing was saved, tell the administrator")
        }
    }
}
