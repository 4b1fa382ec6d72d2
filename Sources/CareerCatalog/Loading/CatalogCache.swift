import Foundation
import LocalSystem
#if canImport(Glibc)
import Glibc
#endif

/// The validated catalog in compiled form, so that a start does not read and check the YAML
/// again while `Data/` is unchanged: one file per data folder fingerprint (and build of the
/// program) under `$XDG_CACHE_HOME/careerpath` (else `~/.cache/careerpath`), the catalog in
/// `CompiledCoding`'s byte form behind a header line with a checksum. The folder is made 0700, the file 0600 (the data
/// is reference data, but it is the user's cache). Only a cache: a missing, stale, unreadable or
/// corrupt file means the YAML is loaded and validated as always, and the file written again;
/// bad data is never cached, so its errors are reported on every run.
public enum CatalogCache {
    static let header = "careerpath-catalog 4 "
    static let prefix = "catalog-"

    /// The catalog of the data folder at `path` (absolute): compiled, or loaded and compiled.
    public static func load(path: String, cacheFolder: String? = folder()) -> Result<Catalog, CatalogErrors> {
        guard let cacheFolder, let key = key(path: path) else {
            return CatalogLoader.result(from: URL(fileURLWithPath: path, isDirectory: true))
        }
        let file = LocalFiles.join(cacheFolder, prefix + key + ".bin")
        if let catalog = read(file) { return .success(catalog) }
        let result = CatalogLoader.result(from: URL(fileURLWithPath: path, isDirectory: true))
        if case .success(let catalog) = result { write(catalog, to: file, folder: cacheFolder) }
        return result
    }

    /// The cache folder's path, from the environment.
    public static func folder() -> String? {
        if let cache = ProcessEnvironment.value("XDG_CACHE_HOME"), cache.hasPrefix("/") {
            return LocalFiles.join(cache, "careerpath")
        }
        guard let home = ProcessEnvironment.value("HOME"), home.hasPrefix("/") else { return nil }
        return LocalFiles.join(home, ".cache/careerpath")
    }

    /// The data folder's fingerprint with the program's (its size and time of change): a new
    /// build may lay the catalog out differently, so it never reads an older build's file.
    static func key(path: String) -> String? {
        var program = stat()
        let build = stat("/proc/self/exe", &program) == 0
            ? "\(program.st_size) \(program.st_mtim.tv_sec).\(program.st_mtim.tv_nsec) \(program.st_ino)" : ""
        return DataFingerprint.of(path: path, extra: build)
    }

    /// The catalog in `file`, or nil when there is none or it is not whole and well-formed.
    static func read(_ file: String) -> Catalog? {
        guard let bytes = LocalFiles.contents(file),
              let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let line = String(decoding: bytes[..<newline], as: UTF8.self)
        let payload = bytes[(newline + 1)...]
        guard line == header + checksum(payload) else { return nil }
        return try? CompiledCoding.decode(Catalog.self, from: payload)
    }

    /// Writes the catalog to `file` (a temporary file renamed over it, so a reader never sees
    /// half a file) and removes the files of other fingerprints; failures are ignored.
    static func write(_ catalog: Catalog, to file: String, folder: String) {
        guard let payload = try? CompiledCoding.encode(catalog) else { return }
        if mkdir(folder, 0o700) != 0 && errno == ENOENT {
            // The parent (~/.cache) is missing too: made as the user's umask says, the folder 0700.
            try? FileManager.default.createDirectory(atPath: (folder as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = mkdir(folder, 0o700)
        }
        guard LocalFiles.isDirectory(folder), chmod(folder, 0o700) == 0 else { return }
        let bytes = Array((header + checksum(payload[...]) + "\n").utf8) + payload
        let temporary = file + ".\(getpid()).tmp"
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, file) == 0 else {
            unlink(temporary)
            return
        }
        let name = (file as NSString).lastPathComponent
        for old in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where old != name && (old.hasPrefix(prefix) || old.hasPrefix("picker-names-")) {
            unlink(LocalFiles.join(folder, old))
        }
    }

    /// FNV-1a over the payload taken eight bytes at a time (then the rest, then the length), 16
    /// hex digits: a torn or altered file is not read. Each step is a bijection of the hash, so
    /// one changed word always changes the result.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> String {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* prime
                i += 8
            }
            while i < raw.count {
                hash = (hash ^ UInt64(raw[i])) &* prime
                i += 1
            }
        }
        hash = (hash ^ UInt64(bytes.count)) &* prime
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

/// A fingerprint of a data folder: path, size and modification time of every file in it (the
/// demo roster aside), so any edit, added or removed file changes it. Nothing is read.
public enum DataFingerprint {
    /// 16 hex digits, or nil when the folder cannot be listed.
    public static func of(_ folder: URL) -> String? {
        of(path: folder.standardizedFileURL.path)
    }

    /// The fingerprint of the folder at `root` (an absolute path), mixed with `extra`.
    public static func of(path root: String, extra: String = "") -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        mix(root)
        mix(extra)
        let directory = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0, walk(directory, relative: "", mix) else { return nil }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    /// Visits the folder open at `directory` (and closes it) in name order (directory order
    /// differs between file systems). Files are looked at relative to the open folder, so the
    /// kernel does not walk the whole path again for each of them.
    private static func walk(_ directory: Int32, relative: String, _ mix: (String) -> Void) -> Bool {
        guard let listing = fdopendir(directory) else {
            close(directory)
            return false
        }
        defer { closedir(listing) }   // closes `directory` too
        var names: [String] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        for name in names.sorted() {
            if relative.isEmpty && name == "demo" { continue }
            var info = stat()
            guard fstatat(directory, name, &info, 0) == 0 else { return false }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                guard child >= 0, walk(child, relative: relative + name + "/", mix) else { return false }
            } else {
                mix("\(relative)\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            }
        }
        return true
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
