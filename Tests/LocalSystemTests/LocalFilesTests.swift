import Foundation
import Testing
import LocalSystem

/// The C-library answers the TUI uses before its first screen must agree with Foundation's.
@Suite("Local files without Foundation")
struct LocalFilesTests {
    @Test("exists, isDirectory and contents agree with FileManager, Thai bytes and empty files included")
    func agreesWithFileManager() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careerpath-localfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("ชื่อ.tsv")
        let big = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0) } + Array("นักประชาสัมพันธ์".utf8))
        try big.write(to: text)
        let empty = folder.appendingPathComponent("empty")
        try Data().write(to: empty)

        #expect(LocalFiles.exists(text.path))
        #expect(!LocalFiles.isDirectory(text.path))
        #expect(LocalFiles.isDirectory(folder.path))
        #expect(!LocalFiles.exists(folder.appendingPathComponent("missing").path))
        #expect(LocalFiles.contents(text.path) == Array(big))
        #expect(LocalFiles.contents(empty.path) == [])
        #expect(LocalFiles.contents(folder.path) == nil, "a folder is not read as a file")
        #expect(LocalFiles.contents(folder.appendingPathComponent("missing").path) == nil)
        // A file that holds more than its size says (as one that grows while it is read): /proc's
        // files report 0 bytes, so the reading goes on past the first, one-byte buffer.
        let filesystems = try #require(FileManager.default.contents(atPath: "/proc/filesystems"))
        #expect(filesystems.count > 1 && LocalFiles.contents("/proc/filesystems") == Array(filesystems))
    }

    @Test("the working directory and joined paths")
    func paths() {
        #expect(LocalFiles.currentDirectory() == FileManager.default.currentDirectoryPath)
        #expect(LocalFiles.join("/a/b", "Data") == "/a/b/Data")
        #expect(LocalFiles.join("/", "Data") == "/Data")
    }
}
