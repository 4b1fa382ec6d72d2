import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The names the first screen (the person picker) shows: job lines and units, in Thai and English.
///
/// Why: reading and validating `Data/` takes tens of milliseconds, several times what a terminal
/// program needs to show its first screen. The TUI keeps these names from the last validated
/// load in a small cache file, keyed by a fingerprint of the data folder, paints the picker from
/// them at once, and loads the full catalog on another thread meanwhile; keys wait for it. When
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
        // Split on bytes: splitting a String on Characters runs grapheme breaking over all the
        // Thai text, a measurable part of the TUI's start for a file of a few kilobytes.
        let tab = UInt8(ascii: "\t")
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst(), header.elementsEqual("careerpath-names 1".utf8) else { return nil }
        var jobLines: [Entry] = [], units: [Entry] = []
        for line in lines {
            let f = line.split(separator: tab, omittingEmptySubsequences: false)
            guard f.count == 4, f[0].count == 1 else { return nil }
            let entry = Entry(id: String(decoding: f[1], as: UTF8.self),
                              name: LocalizedText(th: String(decoding: f[2], as: UTF8.self), en: String(decoding: f[3], as: UTF8.self)))
            switch f[0].first {
            case UInt8(ascii: "J"): jobLines.append(entry)
            case UInt8(ascii: "U"): units.append(entry)
            default: return nil
            }
        }
        self.init(jobLines: jobLines, units: units)
    }
}

/// A fingerprint of a data folder: path, size and modification time of every file in it (the
/// demo roster aside), so any edit, added or removed file changes it. Nothing is read.
public enum DataFingerprint {
    /// 16 hex digits, or nil when the folder cannot be listed.
    public static func of(_ folder: URL) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        let root = folder.standardizedFileURL.path
        mix(root)
        guard walk(root, relative: "", mix) else { return nil }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    /// Visits the folder in name order (directory order differs between file systems).
    private static func walk(_ path: String, relative: String, _ mix: (String) -> Void) -> Bool {
        guard let directory = opendir(path) else { return false }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(directory)
        for name in names.sorted() {
            if relative.isEmpty && name == "demo" { continue }
            let full = path + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else { return false }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                guard walk(full, relative: relative + name + "/", mix) else { return false }
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
