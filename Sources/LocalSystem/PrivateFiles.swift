import Foundation

/// Modes for the files that hold personal records (the database, its -wal/-shm, the operator PIN's
/// hash): never readable by others.
///
///     try PrivateFiles.createFolder("/home/a/.local/share/careerpath")    // 0700
///     PrivateFiles.createFile("/home/a/.local/share/careerpath/records.sqlite")   // 0600
///
/// A folder this program creates is 0700 and its files 0600. A folder that already exists with
/// group write permission (an administrator's shared kiosk folder, `install -d -g careerpath -m 2770`)
/// keeps that choice: a new file there is 0660, never readable by others.
public enum PrivateFiles {
    /// The mode of a folder this program creates.
    public static let folderMode: mode_t = 0o700

    /// The mode for a new file in `folder`: 0600, or 0660 when the folder lets its group write (an
    /// administrator shared it on purpose; a plain 0755 folder, the usual umask's, does not count).
    public static func fileMode(inFolder folder: String) -> mode_t {
        var info = stat()
        guard stat(folder.isEmpty ? "." : folder, &info) == 0, info.st_mode & 0o020 != 0 else { return 0o600 }
        return 0o660
    }

    /// Creates `path` and any missing parents, each 0700 (whatever the umask).
    public static func createFolder(_ path: String) throws {
        guard !path.isEmpty, !LocalFiles.isDirectory(path) else { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createFolder(parent) }
        if mkdir(path, folderMode) != 0 && errno != EEXIST {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path,
                                                                 NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
        }
        _ = chmod(path, folderMode)
    }

    /// Creates an empty file at `path` with `fileMode(inFolder:)` of its folder (whatever the umask);
    /// returns false when it already exists or cannot be made (the caller's open then says why).
    @discardableResult
    public static func createFile(_ path: String) -> Bool {
        let mode = fileMode(inFolder: (path as NSString).deletingLastPathComponent)
        let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard file >= 0 else { return false }
        _ = fchmod(file, mode)
        close(file)
        return true
    }

    /// Narrows an empty regular file open as `descriptor` (standard output redirected by the shell to a
    /// new file, `> kiosk-operator-pin`) to the private mode of its folder, group read at most.
    public static func restrictNewOutput(_ descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size == 0,
              info.st_uid == getuid() else { return }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)")) ?? ""
        let mode = fileMode(inFolder: (target as NSString).deletingLastPathComponent) & ~0o020
        _ = fchmod(descriptor, mode)
    }
}
