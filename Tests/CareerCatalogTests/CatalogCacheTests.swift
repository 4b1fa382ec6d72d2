import Foundation
import Testing
@testable import CareerCatalog
#if canImport(Glibc)
import Glibc
#endif

/// The compiled catalog: read while the data folder is unchanged, rebuilt from the YAML when it
/// changed or the file is damaged, private to the user, and never made from bad data.
@Suite("Compiled catalog cache and data fingerprint")
struct CatalogCacheTests {
    /// A copy of the valid fixture and an empty cache folder, removed afterwards.
    struct Scratch {
        let data: URL
        let cache: String
        init() throws {
            data = try CatalogFixture.copyOfValid()
            cache = NSTemporaryDirectory() + "cp-catalog-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))/careerpath"
        }
        func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).sorted() }
        var file: String { cache + "/" + (files().first ?? "none") }
        func load() throws -> Catalog { try CatalogCache.load(path: data.path, cacheFolder: cache).get() }
        func remove() {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(atPath: (cache as NSString).deletingLastPathComponent)
        }
    }

    /// What the tests compare: every list's ids and names (the model types are Hashable).
    static func same(_ a: Catalog, _ b: Catalog) -> Bool {
        a.jobLines == b.jobLines && a.units == b.units && a.positionTypes == b.positionTypes && a.courses == b.courses
            && a.promotionRules == b.promotionRules && a.dictionaries == b.dictionaries && a.posts == b.posts
            && a.methods == b.methods && a.standards == b.standards && a.workFields == b.workFields
            && a.provenanceCounts == b.provenanceCounts && a.expectedCompetencyProvenance == b.expectedCompetencyProvenance
            && a.experienceCounting == b.experienceCounting && a.diverseExperience == b.diverseExperience
    }

    @Test("the shipped catalog survives the compiled form whole, indexes rebuilt; damaged bytes are refused")
    func roundTrip() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.shipped)
        let decoded = try CompiledCoding.decode(Catalog.self, from: CompiledCoding.encode(catalog))
        #expect(Self.same(catalog, decoded))
        #expect(decoded.jobLinesByID.count == catalog.jobLinesByID.count && decoded.coursesByID.count == catalog.coursesByID.count)
        #expect(decoded.directorPostsByID.keys.sorted() == catalog.directorPostsByID.keys.sorted())
        // Cut anywhere, the bytes are refused (an error, never a crash or half a catalog).
        let bytes = try CompiledCoding.encode(catalog)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: (any Error).self) { try CompiledCoding.decode(Catalog.self, from: Array(bytes[..<cut])) }
        }
    }

    @Test("the string table: each text once, Thai whole; a number past the table is refused")
    func stringTable() throws {
        let texts = ["ข่าว", "news", "ข่าว", "", "ข่าว news"]
        let bytes = try CompiledCoding.encode(texts)
        #expect(try CompiledCoding.decode([String].self, from: bytes) == texts)
        // Table: 4 texts, lengths 12 4 0 17, then 33 bytes of text; the value: a count and 5 numbers 0 1 0 2 3.
        #expect(bytes.count == 1 + 4 + 33 + 6, "\(bytes)")
        #expect(Array(bytes.suffix(5)) == [0, 1, 0, 2, 3])
        var number = bytes
        number[number.count - 1] = 4   // no fifth text
        #expect(throws: CompiledCoding.Malformed.self) { try CompiledCoding.decode([String].self, from: number) }
    }

    @Test("a hit: the second load reads the compiled file, not the YAML")
    func hit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = try scratch.load()
        #expect(scratch.files().count == 1 && scratch.files()[0].hasPrefix("catalog-"), "\(scratch.files())")
        // Put another catalog (the shipped one) in the compiled file, checksum and all: the next
        // load must return it, not the fixture's YAML.
        let shipped = try CatalogLoader.load(from: CatalogFixture.shipped)
        #expect(shipped.jobLines.count != first.jobLines.count)
        let payload = try CompiledCoding.encode(shipped)
        try Data(Array((CatalogCache.header + CatalogCache.checksum(payload[...]) + "\n").utf8) + payload)
            .write(to: URL(fileURLWithPath: scratch.file))
        #expect(Self.same(try scratch.load(), shipped))
    }

    @Test("stale: an edited data file is read from the YAML again and the old compiled file goes")
    func stale() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.load()
        let before = scratch.files()
        let units = scratch.data.appendingPathComponent("units.yaml")
        let text = try String(contentsOf: units, encoding: .utf8)
        let unit = try CatalogLoader.load(from: scratch.data).units[0]
        try text.replacingOccurrences(of: unit.name.en, with: unit.name.en + " Renamed").write(to: units, atomically: true, encoding: .utf8)
        #expect(try scratch.load().units[0].name.en == unit.name.en + " Renamed")
        #expect(scratch.files().count == 1 && scratch.files() != before, "\(before) → \(scratch.files())")
    }

    @Test("corrupt: a flipped byte, a cut file or a foreign header is ignored and the file rebuilt",
          arguments: ["flip", "cut", "header", "empty"])
    func corrupt(damage: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = try scratch.load()
        var bytes = try #require(FileManager.default.contents(atPath: scratch.file).map { Array($0) })
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x01
        case "cut": bytes.removeLast(bytes.count / 3)
        case "header": bytes[0] = UInt8(ascii: "X")
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: scratch.file))
        #expect(CatalogCache.read(scratch.file) == nil)
        #expect(Self.same(try scratch.load(), good))
        let rebuilt = try #require(CatalogCache.read(scratch.file), "rebuilt")
        #expect(Self.same(rebuilt, good))
    }

    @Test("private: the folder is made 0700 (an existing one too) and the file 0600, whatever the umask")
    func permissions() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.cache, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let saved = umask(0o022)
        defer { umask(saved) }
        _ = try scratch.load()
        let folder = try FileManager.default.attributesOfItem(atPath: scratch.cache)[.posixPermissions] as? Int
        let file = try FileManager.default.attributesOfItem(atPath: scratch.file)[.posixPermissions] as? Int
        #expect(folder == 0o700)
        #expect(file == 0o600)
        #expect(!scratch.files().contains { $0.hasSuffix(".tmp") })
    }

    @Test("bad data is never compiled: its errors come on every load")
    func badDataNotCached() throws {
        let broken = try CatalogFixture.broken("duplicate-id")
        defer { try? FileManager.default.removeItem(at: broken) }
        let cache = NSTemporaryDirectory() + "cp-catalog-cache-bad-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        for _ in 0..<2 {
            guard case .failure(let errors) = CatalogCache.load(path: broken.path, cacheFolder: cache) else {
                Issue.record("a broken folder loaded")
                return
            }
            #expect(!errors.errors.isEmpty)
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).isEmpty)
    }

    @Test("the fingerprint changes when a file is edited, added or removed, and not otherwise")
    func fingerprint() throws {
        let folder = try CatalogFixture.copyOfValid()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try #require(DataFingerprint.of(folder))
        #expect(DataFingerprint.of(folder) == first)
        #expect(first.count == 16)

        let units = folder.appendingPathComponent("units.yaml")
        let original = try Data(contentsOf: units)
        try (original + Data("\n".utf8)).write(to: units)
        let edited = try #require(DataFingerprint.of(folder))
        #expect(edited != first)

        let extra = folder.appendingPathComponent("job-lines/extra.yaml")
        try Data("id: extra\n".utf8).write(to: extra)
        let added = try #require(DataFingerprint.of(folder))
        #expect(added != edited)
        try FileManager.default.removeItem(at: extra)
        #expect(DataFingerprint.of(folder) == edited)

        // The demo roster is not reference data: changing it leaves the fingerprint alone.
        let demo = folder.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: demo, withIntermediateDirectories: true)
        try Data("id\n".utf8).write(to: demo.appendingPathComponent("people.csv"))
        #expect(DataFingerprint.of(folder) == edited)
        #expect(DataFingerprint.of(folder.appendingPathComponent("no-such-folder")) == nil)
        // Another build of the program (`extra`) has another key.
        #expect(DataFingerprint.of(path: folder.path, extra: "another build") != edited)
    }
}
