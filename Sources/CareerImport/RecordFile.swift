import CareerCatalog
import Foundation

/// The CSV files of a personnel import (domain reference, section 4).
public enum RecordFile: String, Sendable, CaseIterable, Hashable {
    case people
    case assignments
    case assessments
    case trainings
    case levelHistory = "level_history"

    /// `people.csv` …
    public var fileName: String { rawValue + ".csv" }

    /// The header columns the file must have (in any order).
    public var columns: [String] {
        switch self {
        case .people:
            return ["person_id", "name_th", "name_en", "unit", "job_line", "level", "level_since",
                    "service_start", "education", "supervisor_id"]
        case .assignments: return ["person_id", "unit", "field", "role", "start", "end"]
        case .assessments: return ["person_id", "competency", "level", "assessed_on", "assessor"]
        case .trainings: return ["person_id", "course", "completed_on"]
        case .levelHistory: return ["person_id", "job_line", "level", "start", "end"]
        }
    }

    /// The columns of the store's table (named `rawValue`) that the file's columns go into, in the
    /// same order: the same names, `id` for people's `person_id`.
    public var tableColumns: [String] {
        self == .people ? ["id"] + columns.dropFirst() : columns
    }

    /// Import order: people first, so the histories can refer to them.
    package var order: Int { RecordFile.allCases.firstIndex(of: self) ?? 0 }

    /// A folder import must contain these; `level_history.csv` is optional.
    public var isRequired: Bool { self != .levelHistory }

    /// The file kind for a path, by its base name.
    public init?(path: String) {
        let name = (path as NSString).lastPathComponent.lowercased()
        guard let kind = RecordFile.allCases.first(where: { $0.fileName == name }) else { return nil }
        self = kind
    }
}

/// One CSV file to import: where it is, and how to name it in messages.
public struct ImportSource: Sendable, Hashable {
    public let kind: RecordFile
    /// The path to open.
    public let path: String
    /// The path as the user wrote it (`Data/demo/people.csv`), used in diagnostics.
    public let displayPath: String

    public init(kind: RecordFile, path: String, displayPath: String) {
        self.kind = kind; self.path = path; self.displayPath = displayPath
    }
}

/// What the user asked to import: a folder (all five kinds; histories of the people in it
/// are replaced, an absent optional file meaning "none") or individual files (only the kinds given
/// are replaced).
public struct ImportRequest: Sendable {
    public let sources: [ImportSource]
    /// True for a folder import: every history kind is replaced for the people imported.
    public let replacesAllHistories: Bool

    public init(sources: [ImportSource], replacesAllHistories: Bool) {
        self.sources = sources.sorted { $0.kind.order < $1.kind.order }
        self.replacesAllHistories = replacesAllHistories
    }

    /// Resolves command-line arguments: one folder, or one or more CSV files named after their kind.
    public static func resolve(_ arguments: [String]) throws(ImportFailure) -> ImportRequest {
        var problems: [ImportDiagnostic] = []
        func fail(_ file: String, _ message: LocalizedText) {
            problems.append(ImportDiagnostic(file: file, line: 1, column: 1, message: message))
        }
        guard !arguments.isEmpty else {
            throw ImportFailure(diagnostics: [ImportDiagnostic(file: ".", line: 1, column: 1,
                message: said("ไม่มีอะไรให้นำเข้า: ระบุโฟลเดอร์ หรือแฟ้ม CSV", "nothing to import: give a folder or CSV files"))], truncated: false)
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if arguments.count == 1, fm.fileExists(atPath: arguments[0], isDirectory: &isDir), isDir.boolValue {
            let dir = arguments[0].hasSuffix("/") ? String(arguments[0].dropLast()) : arguments[0]
            var sources: [ImportSource] = []
            for kind in RecordFile.allCases {
                let path = dir + "/" + kind.fileName
                if fm.fileExists(atPath: path) {
                    sources.append(ImportSource(kind: kind, path: path, displayPath: path))
                } else if kind.isRequired {
                    fail(path, said("ไม่พบแฟ้ม \(kind.fileName) ที่ต้องมีใน \(dir)", "required file \(kind.fileName) is missing from \(dir)"))
                }
            }
            if !problems.isEmpty { throw ImportFailure(diagnostics: problems, truncated: false) }
            return ImportRequest(sources: sources, replacesAllHistories: true)
        }
        var sources: [ImportSource] = []
        var seen: Set<RecordFile> = []
        for argument in arguments {
            guard let kind = RecordFile(path: argument) else {
                let names = RecordFile.allCases.map(\.fileName).joined(separator: ", ")
                fail(argument, said("บอกไม่ได้ว่าแฟ้มนี้เก็บอะไร: ตั้งชื่อเป็นหนึ่งใน \(names)", "cannot tell what this file holds: name it one of \(names)"))
                continue
            }
            if fm.fileExists(atPath: argument, isDirectory: &isDir), isDir.boolValue {
                fail(argument, said("เป็นโฟลเดอร์: ระบุโฟลเดอร์เดียว หรือแฟ้ม CSV", "is a folder: give a folder alone or CSV files"))
            } else if !fm.fileExists(atPath: argument) {
                fail(argument, said("ไม่มีแฟ้มนี้", "no such file"))
            } else if !seen.insert(kind).inserted {
                fail(argument, said("มี \(kind.fileName) ซ้ำในการนำเข้าครั้งเดียวกัน", "a second \(kind.fileName) in the same import"))
            } else {
                sources.append(ImportSource(kind: kind, path: argument, displayPath: argument))
            }
        }
        if !problems.isEmpty { throw ImportFailure(diagnostics: problems, truncated: false) }
        return ImportRequest(sources: sources, replacesAllHistories: false)
    }
}
