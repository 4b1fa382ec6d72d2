import Foundation
import Testing
@testable import CareerCatalog

/// The department's real data in `Data/` must load without a single error and have the counts
/// the issue promises. This fails while the data is being written; that is its job.
@Suite("Shipped Data/")
struct ShippedDataTests {
    @Test("shipped Data/ loads with 26 job lines, 28 standards, 15 director posts")
    func shippedDataLoadsWithExpectedCounts() throws {
        let result = CatalogLoader.result(from: CatalogFixture.shipped)
        if case .failure(let errors) = result {
            Issue.record("Data/ has \(errors.errors.count) errors:\n\(errors.description)")
        }
        let catalog = try result.get()
        #expect(catalog.jobLines.count == 26)
        #expect(catalog.standards.count == 28)
        #expect(catalog.directorPosts.count == 15)
        #expect(catalog.methods.count == 9)
        #expect(catalog.courses.count == 6)
        #expect(catalog.dictionaries.count >= 5)
        // Every competency has levels 1–5, each with indicators (the loader checks it; this pins it).
        #expect(catalog.competencies.allSatisfy { $0.levels.map(\.level) == [1, 2, 3, 4, 5] && $0.levels.allSatisfy { !$0.indicators.isEmpty } })
    }

    /// Issue 15, item 2: optional short names for units and posts, for rows short of room; each
    /// shorter than its name, and no two units or posts share one.
    @Test("shipped Data/: short names of units and posts")
    func shortNames() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.shipped)
        #expect(catalog.unitsByID["radio-thailand"]?.short == LocalizedText(th: "สวท.", en: "Radio Thailand"))
        #expect(catalog.unitsByID["news-bureau"]?.short == nil)
        #expect(catalog.unitsByID["news-bureau"]?.shortName(.th) == "สำนักข่าว")
        #expect(catalog.directorPostsByID["dir-news-bureau"]?.shortName(.th) == "ผอ.สำนักข่าว")
        #expect(catalog.directorPostsByID["deputy-director-general"]?.shortName(.en) == "Deputy DG")
        for language in [Language.th, .en] {
            let units = catalog.units.compactMap { u in u.short.map { ($0.text(language), u.name.text(language)) } }
            #expect(units.allSatisfy { $0.0.count <= $0.1.count }, "\(language)")
            #expect(Set(catalog.units.map { $0.shortName(language) }).count == catalog.units.count, "\(language)")
            let posts = catalog.directorPosts + catalog.executivePosts
            #expect(Set(posts.map { $0.shortName(language) }).count == posts.count, "\(language)")
        }
    }

    /// Issue 12: every requirement value says where it comes from; executive posts, obligations,
    /// selective HiMM, the department's own coaching method, and the precedence of the level rules.
    @Test("shipped Data/: provenance, executive posts, selective HiMM, precedence")
    func shippedDataIssue12() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.shipped)
        // Executive posts: separate from the 15, any line at the S1/S2 rules' levels.
        #expect(catalog.executivePosts.map(\.id).sorted() == ["deputy-director-general", "director-general"])
        let deputy = try #require(catalog.directorPostsByID["deputy-director-general"])
        let chief = try #require(catalog.directorPostsByID["director-general"])
        #expect(deputy.kind == .executive && deputy.level == "S1" && chief.level == "S2")
        #expect(deputy.eligibility == [EligibleLine(line: "any", levels: ["M1", "M2", "K4"])])
        #expect(chief.eligibility == [EligibleLine(line: "any", levels: ["S1"])])
        #expect(deputy.obligations.map(\.course) == ["nbs2", "por-yor-por"])
        #expect(chief.obligations.map(\.course) == ["por-yor-por"])
        for obligation in deputy.obligations + chief.obligations {
            #expect(obligation.provenance.source?.contains("OCSC letter 1013/27 of 27 August 2010") == true)
            #expect(!obligation.provenance.confirm)
        }
        #expect(chief.obligations[0].provenance.source?.contains("31 January 2017") == true)
        #expect(deputy.courses == ["nbs1"] && deputy.provenance.confirm)   // pre-appointment course: a default
        #expect(catalog.rulesByLevel["S1"]?.conditions.contains(.course("nbs1")) == true)
        // HiMM: selective, required by no post and no rule.
        #expect(catalog.coursesByID["himm"]?.selective == true)
        #expect(catalog.posts.allSatisfy { !$0.courses.contains("himm") })
        #expect(catalog.promotionRules.allSatisfy { !$0.conditions.contains(.course("himm")) })
        // coaching: the department's addition, to confirm, and not described as HiMM's.
        let coaching = try #require(catalog.methodsByID["coaching"])
        #expect(coaching.provenance == Provenance(source: nil, confirm: true))
        #expect(coaching.description.en.contains("Not the HiMM programme's executive coaching"))
        #expect(catalog.methods.filter { $0.id != "coaching" }.allSatisfy { $0.provenance.source?.contains("ว 884") == true })
        // Precedence: no post is looser than its level's rule on "3 ต่าง" (dir-legal-affairs was).
        for post in catalog.posts {
            if catalog.rulesByLevel[post.level]?.conditions.contains(.diverseExperience) == true {
                #expect(post.requiresDiverseExperience, "\(post.id)")
            }
        }
        // Provenance: every value states a source or confirm; the director frameworks are all defaults.
        #expect(catalog.directorPosts.allSatisfy { $0.provenance.confirm })
        #expect(catalog.jobLines.allSatisfy { $0.provenance.confirm && $0.relatedLines.allSatisfy { $0.provenance.confirm } })
        #expect(catalog.promotionRules.allSatisfy { $0.provenance.confirm || $0.provenance.source != nil })
        #expect(catalog.provenanceCounts.count == 1 + 1 + 1 + 1 + 26 + 15 + 2)
        // No director file names the binder as the source of the team's numbers.
        let directors = CatalogFixture.shipped.appendingPathComponent("directors")
        for name in try FileManager.default.contentsOfDirectory(atPath: directors.path) {
            let text = try String(contentsOf: directors.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("Source: the department's career-path binder"), "\(name)")
        }
    }
}
