import CareerStore
import Foundation
import GRDB
import Testing

/// The database file a new store creates.
@Suite struct StoreFileTests {
    @Test("a new database has 16 KiB pages and WAL; opening it again keeps both and the data")
    func newDatabaseFile() throws {
        let path = NSTemporaryDirectory() + "cp-store-file-\(UInt32.random(in: 0...UInt32.max))/records.sqlite"
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let store = try SQLiteRecordStore(path: path, terminal: "test")
        func pragmas(_ store: SQLiteRecordStore) throws -> (Int?, String?) {
            try store.database.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA page_size"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
            }
        }
        #expect(try pragmas(store) == (16384, "wal"))
        try store.audit(actor: .system, subject: nil, action: "import", screen: "test")
        let again = try SQLiteRecordStore(path: path, terminal: "test")
        #expect(try pragmas(again) == (16384, "wal"))
        #expect(try again.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log") } == 1)
    }
}
