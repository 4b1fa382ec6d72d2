import CFuzzDriver
import Foundation

/// What every fuzz target shares: running libFuzzer, the repository's folders, a scratch file,
/// and checks that stop the run with a message (libFuzzer then saves the input as a crash).
public enum Fuzz {
    /// A libFuzzer input function (`LLVMFuzzerTestOneInput`).
    public typealias Input = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments (`-runs=N corpus/ …`) and exits with its status.
    public static func run(_ input: Input) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, input))
    }

    /// The input as bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The repository (this file is Fuzzing/Sources/FuzzSupport/Fuzz.swift).
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped data folder.
    public static var dataFolder: URL { repository.appendingPathComponent("Data") }

    /// A private folder for files the code under test reads (in memory when /dev/shm exists),
    /// one per process so parallel runs do not share it; removed at exit is not needed: it is small.
    public static let scratchFolder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(base)/careerpath-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        return folder
    }()

    /// Writes `bytes` to `path` (replacing it).
    public static func write<Bytes: Collection<UInt8>>(_ bytes: Bytes, to path: String) {
        let data = Data(bytes)
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            fatalError("fuzz: cannot write \(path)")
        }
    }

    /// Stops the run with `message` when `condition` is false: a broken property is a finding.
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String,
                             file: StaticString = #fileID, line: UInt = #line) {
        guard !condition else { return }
        let text = "fuzz: property broken: \(message())\n"
        FileHandle.standardError.write(Data(text.utf8))
        fatalError(text, file: file, line: line)
    }
}
