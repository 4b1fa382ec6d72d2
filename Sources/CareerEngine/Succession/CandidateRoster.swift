/// What a succession ranking needs from the store: the candidates' records and, for the acting
/// posts their plans suggest, the people above them (not their histories).
///
///     let filter = CandidateFilter(post: post, catalog: catalog)
///     let roster = try store.candidateRecords(pairs: filter.pairs, viewer: viewer)
///     let pool = ranker.rank(roster, post: post, on: today)
public struct CandidateRoster: Sendable, Hashable {
    /// The candidates' full records, sorted by id.
    public var records: [PersonRecord]
    /// The people above the candidates that the viewer may see (may repeat people in `records`).
    public var supervisors: [Person]

    public init(records: [PersonRecord], supervisors: [Person]) {
        self.records = records; self.supervisors = supervisors
    }
}
