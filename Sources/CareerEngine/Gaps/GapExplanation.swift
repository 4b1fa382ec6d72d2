import CareerCatalog

/// Why a gap is what it is (the "why" view, `gaps --explain`, `source`/`counted` in JSON): which
/// rule and numbers it rests on, where those numbers come from, and which of the person's own
/// records were counted. Values only; the words are the app's and the CLI's.
public struct GapExplanation: Sendable, Hashable {
    /// What the requirement rests on, most specific first (the post's framework, the level's
    /// promotion rule, the course, the counting rules).
    public var basis: [Basis]
    /// The person's records that were counted toward the requirement.
    public var counted: [CountedRecord]

    public init(basis: [Basis], counted: [CountedRecord]) { self.basis = basis; self.counted = counted }

    /// True when any value the gap rests on is a department default still to be confirmed.
    public var restsOnDefault: Bool { basis.contains { $0.provenance.confirm } }

    /// One piece of data a requirement rests on.
    public struct Basis: Sendable, Hashable {
        public enum Subject: Sendable, Hashable {
            /// The promotion rule to `level` (its alternatives and conditions).
            case promotionRule(level: String)
            /// A post's framework (`dir-news-bureau`) or an executive post's rules.
            case post(String)
            /// The position standard's qualification.
            case standard(String)
            /// A course's own conditions (eligible levels, validity).
            case course(String)
            /// The "3 ต่าง" parameters.
            case diverseExperience
            /// Role weights and days per month.
            case experienceCounting
            /// Time in a related job line counted at its ratio.
            case relatedLine(from: String, to: String, ratio: Int)
            /// The expected competency level of a position level (ladder).
            case expectedCompetency(level: String)
        }
        public var subject: Subject
        public var provenance: Provenance

        public init(subject: Subject, provenance: Provenance) { self.subject = subject; self.provenance = provenance }
    }

    /// One of the person's records, and what it counted for.
    public enum CountedRecord: Sendable, Hashable {
        /// An assignment: calendar days in it up to the evaluation date, its role weight, and the
        /// weighted days it added (after overlaps: a day counts once per field).
        case assignment(Assignment, days: Int, weight: Double, countedDays: Double)
        /// A period at a level (time in level), with the whole calendar months it gave.
        case levelPeriod(jobLine: String, level: String, start: CivilDate, end: CivilDate?, months: Int)
        /// The assessment that counts (latest supervisor or panel), or a self-assessment shown beside it.
        case assessment(Assessment, counts: Bool)
        /// A completed course.
        case training(CompletedTraining)
        /// The person's education.
        case education(String)
    }
}

extension GapAnalyzer {
    /// The explanation of one gap of `record` toward `target` on `on`.
    ///
    ///     let why = analyzer.explain(gap, of: record, target: report.target, on: report.on)
    public func explain(_ gap: Gap, of record: PersonRecord, target: Target, on: CivilDate) -> GapExplanation {
        // TODO(engine): fill basis and counted for every requirement kind.
        GapExplanation(basis: [], counted: [])
    }
}
