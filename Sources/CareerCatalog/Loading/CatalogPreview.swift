import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The names the first screen (the person picker) shows: job lines and units, in Thai and English.
///
/// Why: reading and validating `Data/` takes tens of milliseconds, several times what a terminal
/// program needs to show its first screen. The TUI keeps these names from the last validated
/// load in a small cache file, keyed by a fingerprint of the data folder, paints the picker from
/// them at once, and loads the full catalog right after that paint; keys wait for it. When
/// the data changed (or there is no cache) the catalog is loaded first, as before.
public struct CatalogNames: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let id: String
        public let name: LocalizedText
        public init(id: String, name: LocalizedText) { self.id = id; self.name = name }
    }

    public var jobLines: [Entry]
    public var units: [Entry]

    public init(jobLines: [Entry], units: [Entry]) {
        self.jobLines = jobLines
        self.units = units
    }

    /// The names of a validated catalog.
    public init(catalog: Catalog) {
        jobLines = catalog.jobLines.map { Entry(id: $0.id, name: $0.name) }
        units = catalog.units.map { Entry(id: $0.id, name: $0.name) }
    }

    /// A catalog with only these names (every other list empty): enough to draw the picker, and
    /// nothing else may be done with it.
    public func previewCatalog() -> Catalog {
        Catalog(positionTypes: [], educations: [], workFields: [], promotionRules: [],
                diverseExperience: DiverseExperienceRule(required: 3, minimumMonths: 12),
                experienceCounting: ExperienceCounting(roleWeights: [:], rolesCountingAsManagement: [], daysPerMonth: 30.4375),
                standards: [],
                jobLines: jobLines.map { JobLine(id: $0.id, type: "", name: $0.name, standard: "", workFields: [], relatedLines: [], levels: []) },
                directorPosts: [],
                units: units.map { Unit(id: $0.id, name: $0.name, kind: "", parent: nil, regional: false, province: "", workFields: []) },
                dictionaries: [], methods: [], courses: [])
    }

    /// One `kind TAB id TAB thai TAB english` line per name; nil if a name holds a tab or a newline.
    public func encoded() -> String? {
        var out = "careerpath-names 1\n"
        for (kind, entries) in [("J", jobLines), ("U", units)] {
            for e in entries {
                let fields = [e.id, e.name.th, e.name.en]
                guard !fields.contains(where: { $0.utf8.contains(9) || $0.utf8.contains(10) }) else { return nil }
                out += kind + "\t" + fields.joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    /// Reads `encoded()`'s text; nil if it is not that format.
    public init?(decoding text: String) {
        // A plain loop over the bytes: splitting Characters runs grapheme breaking over all
        // the Thai text, and `split` on the UTF-8 view still took ~0.3 ms of the TUI's start
        // for this 14 kB file.
        let bytes = Array(text.utf8)
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        var jobLines: [Entry] = [], units: [Entry] = []
        var sawHeader = false
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            let line = lineStart..<lineEnd
            lineStart = lineEnd + 1
            if line.isEmpty { continue }
            guard sawHeader else {
                guard bytes[line].elementsEqual("careerpath-names 1".utf8) else { return nil }
                sawHeader = true
                continue
            }
            // kind TAB id TAB thai TAB english: the tabs' positions, with the line's ends.
            var cuts = [line.lowerBound - 1]
            for i in line where bytes[i] == tab { cuts.append(i) }
            cuts.append(line.upperBound)
            guard cuts.count == 5, cuts[1] == line.lowerBound + 1 else { return nil }
            func field(_ n: Int) -> String { String(decoding: bytes[(cuts[n] + 1)..<cuts[n + 1]], as: UTF8.self) }
            let entry = Entry(id: field(1), name: LocalizedText(th: field(2), en: field(3)))
            switch bytes[line.lowerBound] {
            case UInt8(ascii: "J"): jobLines.append(entry)
            case UInt8(ascii: "U"): units.append(entry)
            default: return nil
            }
        }
        guard sawHeader else { return nil }
        self.init(jobLines: jobLines, units: units)
    }
}

/// A fingerprint of a data folder: path, size and modification time of every file in it (the
/// demo roster aside), so any edit, added or removed file changes it. Nothing is read.
public enum DataFingerprint {
    /// 16 hex digits, or nil when the folder cannot be listed.
    public static func of(_ folder: URL) -> String? {
        of(path: folder.standardizedFileURL.path)
    }

    /// The fingerprint of the folder at `root` (an absolute path).
    public static func of(path root: String) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        mix(root)
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
