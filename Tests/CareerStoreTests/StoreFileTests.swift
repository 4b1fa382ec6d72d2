import CareerStore
import Foundation
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

    /// The permission bits of `path` (nil when it does not exist).
    static func mode(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : nil
    }

    @Test("a new database is 0600 with its -wal and -shm, in folders made 0700")
    func privateFiles() throws {
        let top = NSTemporaryDirectory() + "cp-store-mode-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: top) }
        let path = top + "/careerpath/records.sqlite"
        let store = try SQLiteRecordStore(path: path, terminal: "test")
        try store.audit(actor: .system, subject: nil, action: "import", screen: "test")
        #expect(Self.mode(top) == 0o700)
        #expect(Self.mode(top + "/careerpath") == 0o700)
        #expect(Self.mode(path) == 0o600)
        #expect(Self.mode(path + "-wal") == 0o600)
        #expect(Self.mode(path + "-shm") == 0o600)
    }

    @Test("in a folder an administrator shared with a group (2770), files get the group's read and write, never others'")
    func groupFolder() throws {
        let folder = NSTemporaryDirectory() + "cp-store-group-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(chmod(folder, 0o2770) == 0)
        let store = try SQLiteRecordStore(path: folder + "/records.sqlite", terminal: "test")
        try store.audit(actor: .system, subject: nil, action: "import", screen: "test")
        #expect(Self.mode(folder + "/records.sqlite") == 0o660)
        #expect(Self.mode(folder + "/records.sqlite-wal") == 0o660)
        #expect(Self.mode(folder) == 0o2770, "an existing folder keeps its mode")

        // A folder only readable by its group (the usual 0755) is not shared: the file stays 0600.
        let open = folder + "/open"
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: false)
        #expect(chmod(open, 0o755) == 0)
        _ = try SQLiteRecordStore(path: open + "/records.sqlite", terminal: "test")
        #expect(Self.mode(open + "/records.sqlite") == 0o600)
    }
}
