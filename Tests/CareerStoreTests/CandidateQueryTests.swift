import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing

/// `RecordStore.candidateRecords` (what `succession` loads instead of every record) returns exactly
/// the people the full scan would rank, with the same records and the same supervisor chains, and
/// only within the viewer's reach.
@Suite final class CandidateQueryTests {
    /// B01 (PR M1) heads B02 (PR K3) and B05 (mass communication K2); B02 heads B03 (PR K2, one
    /// promotion from K3) and B04 (PR K1, too far); B05 heads B06 (publicity K4). B07 (computer K3,
    /// a line the news bureau does not take) heads B08 (publicity K3): a candidate below a non-candidate.
    static let roster: [(id: String, unit: String, line: String, level: String, supervisor: String?)] = [
        ("B01", "news-bureau", "public-relations-officer", "M1", nil),
        ("B02", "news-bureau", "public-relations-officer", "K3", "B01"),
        ("B03", "news-bureau", "public-relations-officer", "K2", "B02"),
        ("B04", "news-bureau", "public-relations-officer", "K1", "B02"),
        ("B05", "radio-thailand", "mass-communication-officer", "K2", "B01"),
        ("B06", "radio-thailand", "publicity-officer", "K4", "B05"),
        ("B07", "ict-center", "computer-officer", "K3", nil),
        ("B08", "ict-center", "publicity-officer", "K3", "B07"),
    ]

    static var files: [String: String] {
        var people = ImportFixture.peopleHeader + "\n"
        var assignments = "person_id,unit,field,role,start,end\n"
        var assessments = "person_id,competency,level,assessed_on,assessor\n"
        var trainings = "person_id,course,completed_on\n"
        for (i, p) in roster.enumerated() {
            people += "\(p.id),สมมุติ \(p.id),Sommut \(p.id),\(p.unit),\(p.line),\(p.level),2019-01-01,2008-01-01,bachelor,\(p.supervisor ?? "")\n"
            assignments += "\(p.id),news-bureau,news,regular,2008-01-01,2014-12-31\n"
            assignments += "\(p.id),\(p.unit),,regular,2015-01-01,\n"
            assessments += "\(p.id),visioning,\(1 + i % 4),2025-06-30,supervisor\n"
            if i % 2 == 0 { trainings += "\(p.id),middle-executive,2022-03-31\n" }
        }
        return ["people.csv": people, "assignments.csv": assignments, "assessments.csv": assessments, "trainings.csv": trainings]
    }

    static let on = CivilDate(iso: "2026-10-01")!

    var catalog: Catalog!
    var fixture: ImportFixture!

    init() {}

    /// Opens this test's store on `engine` (a suite takes no arguments; its tests do).
    func use(_ engine: StoreEngine) throws {
        catalog = try Shipped.catalog()
        fixture = try ImportFixture(files: Self.files, engine: engine)
        #expect(fixture.importFolder(catalog: catalog) == [])
    }

    func post(_ id: String) throws -> DirectorPost { try #require(catalog.directorPostsByID[id]) }

    @Test(arguments: StoreEngine.all) func theQueryReturnsExactlyThePeopleTheFullScanRanks(engine: StoreEngine) throws {
        try use(engine)
        let post = try post("dir-news-bureau")
        let filter = CandidateFilter(post: post, catalog: catalog)
        let all = try fixture.store.allRecords(viewer: .system)
        let roster = try fixture.store.candidateRecords(pairs: filter.pairs, viewer: .system)
        #expect(roster.records.map(\.person.id) == ["B01", "B02", "B03", "B05", "B06", "B08"])
        // The same records (histories included), not just the same ids.
        #expect(roster.records == all.filter { filter.onPromotion($0.person) != nil })
        // Everyone above a candidate, for the acting posts in their plans.
        #expect(roster.supervisors.map(\.id) == ["B01", "B02", "B05", "B07"])

        let ranker = SuccessionRanker(catalog: catalog)
        let fast = ranker.withPlanDates(ranker.rank(roster, post: post, on: Self.on), records: roster.records,
                                        supervisors: roster.supervisors)
        let full = ranker.withPlanDates(ranker.rank(all, post: post, on: Self.on), records: all)
        #expect(fast.candidates == full.candidates)
        #expect(fast.candidates.count == 6)
    }

    @Test(arguments: StoreEngine.all) func aSupervisorGetsOnlyTheirChain(engine: StoreEngine) throws {
        try use(engine)
        let post = try post("dir-news-bureau")
        let pairs = CandidateFilter(post: post, catalog: catalog).pairs
        let b02 = try fixture.store.candidateRecords(pairs: pairs, viewer: .supervisor(personID: "B02"))
        #expect(b02.records.map(\.person.id) == ["B02", "B03"])
        // B01 is above B02 but outside their reach: their chain stops at B02.
        #expect(b02.supervisors.map(\.id) == ["B02"])
        let b05 = try fixture.store.candidateRecords(pairs: pairs, viewer: .supervisor(personID: "B05"))
        #expect(b05.records.map(\.person.id) == ["B05", "B06"])
        #expect(b05.supervisors.map(\.id) == ["B05"])
        let me = try fixture.store.candidateRecords(pairs: pairs, viewer: .person(personID: "B03"))
        #expect(me.records.map(\.person.id) == ["B03"] && me.supervisors.isEmpty)
        let outside = try fixture.store.candidateRecords(pairs: pairs, viewer: .person(personID: "B04"))
        #expect(outside.records.isEmpty && outside.supervisors.isEmpty)

        // The ranking from the query equals ranking the supervisor's whole reach.
        let ranker = SuccessionRanker(catalog: catalog)
        let reach = try fixture.store.allRecords(viewer: .supervisor(personID: "B01"))
        let query = try fixture.store.candidateRecords(pairs: pairs, viewer: .supervisor(personID: "B01"))
        #expect(query.records.allSatisfy { reach.map(\.person.id).contains($0.person.id) })
        #expect(ranker.withPlanDates(ranker.rank(query, post: post, on: Self.on), records: query.records, supervisors: query.supervisors).candidates
                == ranker.withPlanDates(ranker.rank(reach, post: post, on: Self.on), records: reach).candidates)
    }

    @Test(arguments: StoreEngine.all) func noPairsLoadsNobody(engine: StoreEngine) throws {
        try use(engine)
        let roster = try fixture.store.candidateRecords(pairs: [], viewer: .system)
        #expect(roster.records.isEmpty && roster.supervisors.isEmpty)
    }

    /// Every director post on the shipped demo roster: the query and the full scan rank the same pool,
    /// and `--risks` (the pairs of every post at once) agrees too.
    @Test(arguments: StoreEngine.all) func everyPostOnTheDemoRosterRanksTheSamePool(engine: StoreEngine) throws {
        try use(engine)
        let demo = try ImportFixture(files: [:], engine: engine)
        #expect(demo.importing([Shipped.data.appendingPathComponent("demo").path], catalog: catalog) == [])
        let all = try demo.store.allRecords(viewer: .system)
        let ranker = SuccessionRanker(catalog: catalog)
        for post in catalog.directorPosts {
            let roster = try demo.store.candidateRecords(pairs: CandidateFilter(post: post, catalog: catalog).pairs, viewer: .system)
            let fast = ranker.withPlanDates(ranker.rank(roster, post: post, on: Self.on), records: roster.records,
                                            supervisors: roster.supervisors, first: 10)
            let full = ranker.withPlanDates(ranker.rank(all, post: post, on: Self.on), records: all, first: 10)
            #expect(fast.candidates == full.candidates, "\(post.id)")
        }
        let union = try demo.store.candidateRecords(pairs: CandidateFilter.pairs(of: catalog.directorPosts, catalog: catalog), viewer: .system)
        #expect(ranker.risks(union.records, on: Self.on, supervisors: union.supervisors) == ranker.risks(all, on: Self.on))
    }
}
