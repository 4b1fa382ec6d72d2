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
}
