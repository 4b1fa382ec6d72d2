import Foundation
import Testing
@testable import CareerCatalog

/// Executive posts (`executives/`), provenance (`source`/`confirm`) and the per-file counts `validate` prints.
@Suite("Executive posts and provenance")
struct ProvenanceAndExecutiveTests {
    /// The valid fixture with an executive type, S1/S2 rules, the SES courses and two executive posts.
    static func executiveFolder() throws -> URL {
        try CatalogFixture.overlaid(CatalogFixture.fixtures.appendingPathComponent("executive"))
    }

    @Test func executivePostsLoadApartFromDirectorPosts() throws {
        let folder = try Self.executiveFolder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let catalog = try CatalogLoader.load(from: folder)
        #expect(catalog.directorPosts.map(\.id) == ["dir-news-bureau"])
        #expect(catalog.executivePosts.map(\.id) == ["deputy-director-general", "director-general"])
        #expect(catalog.posts.count == 3)
        let deputy = try #require(catalog.directorPostsByID["deputy-director-general"])
        #expect(deputy.kind == .executive)
        #expect(deputy.level == "S1")
        #expect(deputy.standard == "")
        #expect(deputy.eligibility == [EligibleLine(line: EligibleLine.anyLine, levels: ["M1"])])
        #expect(deputy.eligibility[0].admits(jobLine: "public-relations-officer", level: "M1"))
        #expect(!deputy.eligibility[0].admits(jobLine: "public-relations-officer", level: "K3"))
        #expect(deputy.experience.isEmpty && deputy.stages.isEmpty)
        #expect(deputy.courses == ["nbs1"])
        #expect(deputy.provenance == Provenance(source: nil, confirm: true))
        #expect(deputy.obligations.map(\.course) == ["nbs2", "por-yor-por"])
        #expect(deputy.obligations.allSatisfy { !$0.provenance.confirm && $0.provenance.source?.contains("1013/27") == true })
        #expect(catalog.directorPostsByID["dir-news-bureau"]?.kind == .director)
        #expect(catalog.rulesByLevel["S1"]?.provenance == Provenance(source: "secondary (no document named)", confirm: true))
    }

    @Test func provenanceIsReadIntoTheModel() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.valid)
        #expect(catalog.methodsByID["job-rotation"]?.provenance.source == "memo นร 0203.02/ว 884 of 29 April 2010, item 1.3")
        #expect(catalog.methodsByID["job-rotation"]?.provenance.confirm == false)
        #expect(catalog.methodsByID["coaching"]?.provenance == Provenance(source: nil, confirm: true))
        #expect(catalog.coursesByID["primary-executive"]?.provenance.confirm == true)
        #expect(catalog.coursesByID["primary-executive"]?.selective == false)
        #expect(catalog.jobLinesByID["public-relations-officer"]?.provenance.confirm == true)
        #expect(catalog.diverseExperience.provenance.confirm)
        #expect(catalog.experienceCounting.provenance.confirm)
        #expect(catalog.expectedCompetencyProvenance.confirm)
        #expect(catalog.rulesByLevel["K2"]?.provenance == Provenance(source: "confirmed", confirm: false))
    }

    @Test("validate's counts: per file, every stated value and those still to confirm")
    func countsPerFile() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.valid)
        let counts = Dictionary(uniqueKeysWithValues: catalog.provenanceCounts.map { ($0.file, ($0.values, $0.toConfirm)) })
        #expect(counts["ladder.yaml"]! == (1, 1))
        #expect(counts["rules.yaml"]! == (4, 2))            // K2, M1 with sources; "3 ต่าง" and counting to confirm
        #expect(counts["methods.yaml"]! == (2, 1))
        #expect(counts["courses.yaml"]! == (1, 1))
        #expect(counts["job-lines/public-relations-officer.yaml"]! == (1, 1))
        #expect(counts["directors/dir-news-bureau.yaml"]! == (1, 1))
    }

    @Test("a folder without executives/ loads: executive posts are optional")
    func executivesFolderIsOptional() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.valid)
        #expect(catalog.executivePosts.isEmpty)
    }
}
