import Foundation
import Testing
@testable import CareerCatalog

@Suite("Loading the valid fixture")
struct ValidFixtureTests {
    @Test func loadsEveryKind() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.valid)
        #expect(catalog.positionTypes.map(\.id) == ["knowledge", "managerial"])
        #expect(catalog.levelsByID["K3"]?.rank == 3)
        #expect(catalog.levelsByID["M1"]?.aliases.dpis == "D1")
        #expect(catalog.levelsByID["K1"]?.aliases.dpis == "K1")
        #expect(catalog.educationsByID["master"]?.rank == 2)
        #expect(catalog.jobLines.map(\.id) == ["public-relations-officer"])
        #expect(catalog.jobLinesByID["public-relations-officer"]?.level("K3")?.competencies
                == [CompetencyRequirement(competency: "teamwork", level: 3), CompetencyRequirement(competency: "visioning", level: 2)])
        #expect(catalog.directorPosts.count == 1)
        #expect(catalog.standards.count == 2)
        #expect(catalog.units.map(\.parent) == [nil, nil, "regional-pr-bureau-3"])
        #expect(catalog.competencies.map(\.id) == ["visioning", "teamwork"])
        #expect(catalog.competenciesByID["teamwork"]?.levels.map(\.level) == [1, 2, 3, 4, 5])
        #expect(catalog.methods.count == 2)
        #expect(catalog.courses.first?.certificationYears == 3)
        #expect(catalog.workingGroups.first?.competencies == ["teamwork"])
        #expect(catalog.experienceCounting.roleWeights["task-force"] == 0.25)
        #expect(catalog.diverseExperience == DiverseExperienceRule(required: 3, minimumMonths: 12))
    }

    @Test func readsRulesAsAlternativesAndConditions() throws {
        let catalog = try CatalogLoader.load(from: CatalogFixture.valid)
        let m1 = try #require(catalog.rulesByLevel["M1"])
        #expect(m1.alternatives == [RuleAlternative(levels: ["K3"], months: 36)])
        #expect(m1.conditions == [.diverseExperience, .framework, .course("primary-executive")])
        #expect(catalog.rulesByLevel["K2"]?.alternatives.map(\.minEducation) == ["bachelor", "master"])
    }

    @Test func readsDirectorFrameworks() throws {
        let post = try #require(try CatalogLoader.load(from: CatalogFixture.valid).directorPostsByID["dir-news-bureau"])
        #expect(post.eligibility == [EligibleLine(line: "public-relations-officer", levels: ["K3", "M1"])])
        #expect(post.experience == [
            .field(id: "news", months: 48),
            .group(id: "broadcast-media", name: LocalizedText(th: "ด้านสื่อกระจายเสียง", en: "Broadcast media"),
                   atLeast: 1, fields: ["radio", "news"], months: 24),
        ])
        #expect(post.stages.map(\.unit) == ["news-bureau", "regional-pr-bureau-3"])
        #expect(post.stages.map(\.field) == ["news", nil])
        #expect(post.requiresDiverseExperience)
        #expect(post.location == SourceLocation(path: "valid/directors/dir-news-bureau.yaml", line: 1, column: 1))
    }
}
