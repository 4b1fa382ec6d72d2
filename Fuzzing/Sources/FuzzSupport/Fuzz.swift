import CFuzzDriver
import Foundation

/// What every fuzz target shares: running libFuzzer, the repository's folders, a scratch file,
/// and checks that stop the run with a message (libFuzzer then saves the input as a crash).
public enum Fuzz {
    /// What the target does with one input; set once by `run`, before libFuzzer starts.
    nonisolated(unsafe) static var body: ([UInt8]) -> Void = { _ in }

    /// Runs libFuzzer with the process's arguments (`-runs=N corpus/ …`), giving each input to
    /// `body`, and exits with libFuzzer's status.
    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        Self.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
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

/// libFuzzer's input function. `-sanitize=fuzzer` links libFuzzer's own `main` too, which names it.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.body(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
