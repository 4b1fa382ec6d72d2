import Foundation
import Testing
@testable import CareerCatalog

/// The names-only preview the TUI paints its first screen from, and the fingerprint that says
/// whether cached names still match the data folder.
@Suite("Catalog preview and data fingerprint")
struct CatalogPreviewTests {
    @Test("names survive the cache format, Thai included, and the preview catalog knows them")
    func roundTrip() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.shipped)
        let names = CatalogNames(catalog: catalog)
        let text = try #require(names.encoded())
        let decoded = try #require(CatalogNames(decoding: text))
        #expect(decoded == names)
        #expect(decoded.jobLines.count == 26)
        let preview = decoded.previewCatalog()
        #expect(preview.jobLinesByID["public-relations-officer"]?.name.th == "นักประชาสัมพันธ์")
        #expect(preview.unitsByID.count == catalog.units.count)
        #expect(preview.unitsByID["news-bureau"]?.name == catalog.unitsByID["news-bureau"]?.name)
        // Nothing else: the preview cannot be mistaken for the catalog.
        #expect(preview.directorPosts.isEmpty && preview.promotionRules.isEmpty && preview.competencies.isEmpty)
    }

    @Test("a damaged or foreign cache file is refused, a name with a tab is not cached")
    func refusesBadText() {
        #expect(CatalogNames(decoding: "") == nil)
        #expect(CatalogNames(decoding: "careerpath-names 2\nJ\ta\tก\tA\n") == nil)
        #expect(CatalogNames(decoding: "careerpath-names 1\nJ\ta\tก\n") == nil)
        #expect(CatalogNames(decoding: "careerpath-names 1\nX\ta\tก\tA\n") == nil)
        #expect(CatalogNames(decoding: "careerpath-names 1\nJJ\ta\tก\tA\n") == nil)
        #expect(CatalogNames(decoding: "careerpath-names 1\nJ\ta\tก\tA\textra\n") == nil)
        #expect(CatalogNames(decoding: "J\ta\tก\tA\ncareerpath-names 1\n") == nil)
        // No newline at the end, an empty name, blank lines: still read.
        let lenient = CatalogNames(decoding: "careerpath-names 1\n\nJ\ta\tก\t\nU\tu1\tกอง\tBureau")
        #expect(lenient?.jobLines.map(\.name) == [LocalizedText(th: "ก", en: "")])
        #expect(lenient?.units.map(\.id) == ["u1"])
        #expect(CatalogNames(decoding: "careerpath-names 1\n")?.jobLines.isEmpty == true)
        let tabbed = CatalogNames(jobLines: [.init(id: "a", name: LocalizedText(th: "ก\tข", en: "A"))], units: [])
        #expect(tabbed.encoded() == nil)
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
    }
}
