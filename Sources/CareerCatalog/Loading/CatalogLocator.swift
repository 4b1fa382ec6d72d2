import Foundation
import LocalSystem

/// Finds the reference data folder.
///
/// In order: `--data DIR`, the `CAREERPATH_DATA` environment variable, `Data/` in the working
/// directory, the installed share folder (`<executable dir>/../share/careerpath/Data`), and last the
/// source checkout this module was built from, so a development build works from any directory.
/// An explicit choice (`--data`, `CAREERPATH_DATA`) that does not exist is an error, never skipped.
public struct CatalogLocator: Sendable {
    /// Where a candidate folder came from, for messages.
    public enum Origin: String, Sendable, CaseIterable {
        case option = "--data"
        case environment = "CAREERPATH_DATA"
        case workingDirectory = "the working directory"
        case installed = "the installed share folder"
        case sourceCheckout = "the source checkout"

        /// The place's name in `language` (the option and variable names stay as typed).
        public func text(_ language: Language) -> String {
            guard language == .th else { return rawValue }
            switch self {
            case .option, .environment: return rawValue
            case .workingDirectory: return "โฟลเดอร์ที่ทำงานอยู่"
            case .installed: return "โฟลเดอร์ share ที่ติดตั้งไว้"
            case .sourceCheckout: return "ซอร์สโค้ดที่ใช้สร้างโปรแกรม"
            }
        }
    }

    /// A place looked at.
    public struct Candidate: Sendable, Hashable {
        public let origin: Origin
        /// The folder's absolute path.
        public let path: String
        public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }
    }

    /// Nothing found: says every place it looked.
    public struct NotFound: Error, Sendable, CustomStringConvertible {
        public let looked: [Candidate]
        /// True when `--data` or `CAREERPATH_DATA` named a folder that is not there.
        public let explicit: Bool

        /// The message in `language`: where it looked, and what to pass.
        public func text(_ language: Language) -> String {
            let places = looked.map { "  \($0.path)  (\($0.origin.text(language)))" }.joined(separator: "\n")
            if explicit, let first = looked.first {
                return language == .th
                    ? "error: ไม่มีโฟลเดอร์ข้อมูล \(first.path) ที่ระบุด้วย \(first.origin.text(language))"
                    : "error: the data folder \(first.path) given by \(first.origin.text(language)) does not exist"
            }
            return language == .th
                ? "error: หาโฟลเดอร์ข้อมูลอ้างอิงไม่พบ ได้ค้นใน:\n\(places)\n"
                    + "ระบุ --data โฟลเดอร์ หรือตั้ง CAREERPATH_DATA เป็นโฟลเดอร์ที่มี ladder.yaml, job-lines/ …"
                : "error: cannot find the reference data folder; looked in:\n\(places)\n"
                    + "Pass --data DIR or set CAREERPATH_DATA to the folder with ladder.yaml, job-lines/ …"
        }

        public var description: String { text(.en) }
    }

    public var option: String?
    public var environment: [String: String]
    /// The working directory, the executable and the source checkout as paths, worked out only
    /// when needed: a later place only when the places before it are not there (reading
    /// /proc/self/exe and URL arithmetic cost the TUI's start a few tenths of a millisecond).
    private let workingDirectory: @Sendable () -> String
    private let executable: @Sendable () -> String?
    private let sourceCheckout: @Sendable () -> String?

    /// A locator with every place given (for tests).
    public init(option: String?, environment: [String: String], workingDirectory: URL,
                executable: URL?, sourceCheckout: URL?) {
        self.option = option
        self.environment = environment
        let working = workingDirectory.path, executablePath = executable?.path, checkout = sourceCheckout?.path
        self.workingDirectory = { working }
        self.executable = { executablePath }
        self.sourceCheckout = { checkout }
    }

    /// A locator for this process: its environment, working directory and executable.
    public init(option: String?) {
        self.option = option
        self.environment = ProcessEnvironment.values(["CAREERPATH_DATA"])
        self.workingDirectory = { LocalFiles.currentDirectory() ?? "/" }
        self.executable = { CatalogLocator.currentExecutable()?.path }
        self.sourceCheckout = { CatalogLocator.sourceCheckoutData().path }
    }

    /// The candidates in the order they are tried.
    public var candidates: [Candidate] {
        Origin.allCases.compactMap(candidate)
    }

    /// The place `origin` stands for, or nil when it names none (no option, no executable …).
    private func candidate(_ origin: Origin) -> Candidate? {
        switch origin {
        case .option:
            return option.map { Candidate(origin: .option, path: resolve($0)) }
        case .environment:
            guard let env = environment["CAREERPATH_DATA"], !env.isEmpty else { return nil }
            return Candidate(origin: .environment, path: resolve(env))
        case .workingDirectory:
            return Candidate(origin: .workingDirectory, path: LocalFiles.join(workingDirectory(), "Data"))
        case .installed:
            return executable().map {
                let share = URL(fileURLWithPath: $0).deletingLastPathComponent()
                    .appendingPathComponent("../share/careerpath/Data").standardizedFileURL
                return Candidate(origin: .installed, path: share.path)
            }
        case .sourceCheckout:
            return sourceCheckout().map { Candidate(origin: .sourceCheckout, path: $0) }
        }
    }

    /// The first candidate that is a folder; later ones are not worked out.
    public func locate() throws(NotFound) -> URL {
        URL(fileURLWithPath: try locatePath(), isDirectory: true)
    }

    /// `locate()`'s folder as a path (no `URL` made).
    public func locatePath() throws(NotFound) -> String {
        var looked: [Candidate] = []
        for origin in Origin.allCases {
            guard let candidate = candidate(origin) else { continue }
            looked.append(candidate)
            if LocalFiles.isDirectory(candidate.path) { return candidate.path }
            if candidate.origin == .option || candidate.origin == .environment {
                throw NotFound(looked: [candidate], explicit: true)
            }
        }
        throw NotFound(looked: looked, explicit: false)
    }

    /// An absolute path: `~` and `~/…` from HOME, a relative path against the working directory.
    private func resolve(_ path: String) -> String {
        var expanded = path
        if path == "~" || path.hasPrefix("~/") {
            let home = ProcessEnvironment.value("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            expanded = path == "~" ? home : LocalFiles.join(home, String(path.dropFirst(2)))
        } else if path.hasPrefix("~") {
            expanded = (path as NSString).expandingTildeInPath   // ~user
        }
        return expanded.hasPrefix("/") ? expanded : LocalFiles.join(workingDirectory(), expanded)
    }

    /// The running executable, symlinks resolved (so an installed `bin/careerpath` link finds `share/`).
    public static func currentExecutable() -> URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    /// `Data/` of the checkout this file was compiled from (…/Sources/CareerCatalog/Loading/ → …/Data).
    public static func sourceCheckoutData(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data")
    }
}
