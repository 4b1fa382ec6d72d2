import CareerCatalog
import CareerEngine

/// Who is asking. Access is decided here, below any UI: a supervisor sees only their chain,
/// a kiosk user only themselves, HR and system tasks everyone.
public enum Viewer: Sendable, Hashable {
    /// Batch work started by an operator at the shell (imports, reports, benchmarks).
    case system
    /// An HR officer (role granted with `careerpath accounts grant-hr`).
    case hr(personID: String)
    /// A supervisor: themselves and everyone below them in the supervisor chain.
    case supervisor(personID: String)
    /// A civil servant: only themselves.
    case person(personID: String)
}

/// The personnel store as the rest of the program sees it. Implementations enforce `Viewer`.
public protocol RecordStore: Sendable {
    /// People visible to `viewer`, optionally in one unit, sorted by id.
    func people(unit: String?, viewer: Viewer) throws -> [Person]
    /// One person's full record, or nil when it does not exist.
    /// Throws `AccessDenied` when it exists but `viewer` may not see it; writes the audit log.
    func record(personID: String, viewer: Viewer, screen: String) throws -> PersonRecord?
    /// Every record visible to `viewer` (succession, benchmarks).
    func allRecords(viewer: Viewer) throws -> [PersonRecord]
    /// The records visible to `viewer` of the people whose (job line, level) is one of `pairs`
    /// (`CandidateFilter.pairs`: a director post's candidates), sorted by id, with the people above
    /// them that `viewer` may see (their supervisor chains, for acting-post suggestions in plans).
    /// What a succession ranking needs, without loading the rest of the roster.
    func candidateRecords(pairs: [(jobLine: String, level: String)], viewer: Viewer) throws -> CandidateRoster
}

/// A read of a record outside the viewer's reach.
public struct AccessDenied: Error, CustomStringConvertible, Sendable {
    public let viewer: Viewer
    public let personID: String

    public init(viewer: Viewer, personID: String) { self.viewer = viewer; self.personID = personID }

    public var description: String { "access denied: \(personID) is not in your reach" }
}
