import Foundation

/// The few file-system questions asked before the TUI's first screen (by the catalog locator,
/// the store and the command line), answered with the C library. The first use of
/// `FileManager.default`, of `URL(fileURLWithPath:)` and of `URL.path` each cost a statically
/// linked binary a few tenths of a millisecond of one-time set-up, and the first screen is held
/// to 3× an empty program's start (docs/architecture.md, "The first paint"). Elsewhere the code
/// uses Foundation as usual; `LocalFilesTests` holds these answers to `FileManager`'s.
public enum LocalFiles {
    /// Whether anything (file, folder, link target) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Whether `path` is a folder (following links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file, or nil when it cannot be read (or is not a regular file).
    public static func contents(_ path: String) -> [UInt8]? {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Sized by fstat (and not zeroed first: read fills it); a file that grows meanwhile is read
        // to its end all the same.
        var failed = false
        var full = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0) + 1) { buffer, initialized in
            initialized = readAll(file, into: buffer, failed: &failed)
            full = initialized == buffer.count
        }
        while full && !failed {
            let more = [UInt8](unsafeUninitializedCapacity: max(bytes.count, 4096)) { buffer, initialized in
                initialized = readAll(file, into: buffer, failed: &failed)
                full = initialized == buffer.count
            }
            bytes.append(contentsOf: more)
        }
        return failed ? nil : bytes
    }

    /// Reads into `buffer` until it is full or the file ends; the number of bytes read.
    private static func readAll(_ file: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failed: inout Bool) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = read(file, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                failed = count < 0
                break
            }
            filled += count
        }
        return filled
    }

    /// The working directory, or nil when it cannot be known (removed under us).
    public static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `folder/name`, without doubling a slash at the end of `folder`.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
