import Foundation

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
    }

    /// A place looked at.
    public struct Candidate: Sendable, Hashable {
        public let origin: Origin
        public let url: URL
    }

    /// Nothing found: says every place it looked.
    public struct NotFound: Error, Sendable, CustomStringConvertible {
        public let looked: [Candidate]
        /// True when `--data` or `CAREERPATH_DATA` named a folder that is not there.
        public let explicit: Bool

        public var description: String {
            let places = looked.map { "  \($0.url.path)  (\($0.origin.rawValue))" }.joined(separator: "\n")
            if explicit, let first = looked.first {
                return "error: the data folder \(first.url.path) given by \(first.origin.rawValue) does not exist"
            }
            return "error: cannot find the reference data folder; looked in:\n\(places)\n"
                + "Pass --data DIR or set CAREERPATH_DATA to the folder with ladder.yaml, job-lines/ …"
        }
    }

    public var option: String?
    public var environment: [String: String]
    public var workingDirectory: URL
    /// The executable and the source checkout, worked out only when the places before them are
    /// not there (reading /proc/self/exe and the URL arithmetic cost the TUI's start ~0.3 ms).
    private let executable: @Sendable () -> URL?
    private let sourceCheckout: @Sendable () -> URL?

    /// A locator with every place given (for tests).
    public init(option: String?, environment: [String: String], workingDirectory: URL,
                executable: URL?, sourceCheckout: URL?) {
        self.option = option
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.executable = { executable }
        self.sourceCheckout = { sourceCheckout }
    }

    /// A locator for this process: its environment, working directory and executable.
    public init(option: String?) {
        self.option = option
        self.environment = ProcessEnvironment.values(["CAREERPATH_DATA"])
        self.workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        self.executable = { CatalogLocator.currentExecutable() }
        self.sourceCheckout = { CatalogLocator.sourceCheckoutData() }
    }

    /// The candidates in the order they are tried.
    public var candidates: [Candidate] {
        Origin.allCases.compactMap(candidate)
    }

    /// The place `origin` stands for, or nil when it names none (no option, no executable …).
    private func candidate(_ origin: Origin) -> Candidate? {
        switch origin {
        case .option:
            return option.map { Candidate(origin: .option, url: resolve($0)) }
        case .environment:
            guard let env = environment["CAREERPATH_DATA"], !env.isEmpty else { return nil }
            return Candidate(origin: .environment, url: resolve(env))
        case .workingDirectory:
            // Joined as a string: the first `appendingPathComponent` of a run costs a runtime
            // conformance lookup (~0.1 ms) on the TUI's way to its first screen.
            let folder = workingDirectory.path
            return Candidate(origin: .workingDirectory, url: URL(fileURLWithPath: (folder.hasSuffix("/") ? folder : folder + "/") + "Data"))
        case .installed:
            return executable().map {
                Candidate(origin: .installed,
                          url: $0.deletingLastPathComponent().appendingPathComponent("../share/careerpath/Data").standardizedFileURL)
            }
        case .sourceCheckout:
            return sourceCheckout().map { Candidate(origin: .sourceCheckout, url: $0) }
        }
    }

    /// The first candidate that is a folder; later ones are not worked out.
    public func locate() throws(NotFound) -> URL {
        var looked: [Candidate] = []
        for origin in Origin.allCases {
            guard let candidate = candidate(origin) else { continue }
            looked.append(candidate)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.url
            }
            if candidate.origin == .option || candidate.origin == .environment {
                throw NotFound(looked: [candidate], explicit: true)
            }
        }
        throw NotFound(looked: looked, explicit: false)
    }

    private func resolve(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : workingDirectory.appendingPathComponent(expanded)
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
