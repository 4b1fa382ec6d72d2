// The catalog loader on one YAML file: the first input byte picks which file of the data folder the
// rest is (ladder, rules, …, a job line, a director or executive post, a competency dictionary); it
// is loaded with `CatalogLoader.result` from a folder holding only that file, so the YAML reading,
// that file's decoder and the cross-reference pass all run. The load must end with errors (the
// other files are missing), each naming a file of the folder and a place in it, never a crash.
import CareerCatalog
import Foundation
import FuzzSupport

enum CatalogFuzz {
    /// Where each kind of file lives in the data folder.
    static let files = ["ladder.yaml", "rules.yaml", "work-fields.yaml", "units.yaml", "standards.yaml",
                        "working-groups.yaml", "methods.yaml", "courses.yaml", "job-lines/fuzz.yaml",
                        "directors/fuzz.yaml", "executives/fuzz.yaml", "competencies/fuzz.yaml"]

    /// One data folder per kind, holding only that file.
    static let folders: [URL] = files.indices.map { i in
        let folder = URL(fileURLWithPath: Fuzz.scratchFolder).appendingPathComponent("kind\(i)/Data")
        let file = folder.appendingPathComponent(files[i])
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        return folder
    }

    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let kind = Int(selector) % files.count
        // Lines as YAML counts them: CR, LF and CRLF each end one, and so do NEL, LS and PS (an
        // error's line is then past the last LF when a file has lone CRs).
        let text = String(decoding: input.dropFirst(), as: UTF8.self)
        let lines = 1 + text.unicodeScalars.reduce(into: (count: 0, afterCR: false)) { state, scalar in
            switch scalar.value {
            case 0x0A: state.count += state.afterCR ? 0 : 1
            case 0x0D, 0x85, 0x2028, 0x2029: state.count += 1
            default: break
            }
            state.afterCR = scalar.value == 0x0D
        }.count
        Fuzz.write(input.dropFirst(), to: folders[kind].appendingPathComponent(files[kind]).path)
        switch CatalogLoader.result(from: folders[kind]) {
        case .success:
            Fuzz.check(false, "a data folder with only \(files[kind]) loaded")
        case .failure(let errors):
            Fuzz.check(!errors.errors.isEmpty, "a failed load without errors")
            for error in errors.errors {
                let at = error.location
                Fuzz.check(at.path.hasPrefix("Data/") || at.path.hasSuffix("/Data"), "error outside the folder: \(error)")
                if at.path == "Data/" + files[kind] {
                    Fuzz.check(at.line >= 0 && at.line <= lines + 1 && at.column >= 0, "error outside the file: \(error) (\(lines) lines)")
                }
                Fuzz.check(!error.message.isEmpty, "empty message at \(at)")
            }
        }
    }
}

_ = CatalogFuzz.folders
Fuzz.run(CatalogFuzz.run)
