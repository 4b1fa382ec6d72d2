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
    /// Where the expected competency level by position level comes from (the ladder's convention).
    static let expectedCompetencySource = Provenance(source: "OCSC competency convention (expected level by position level)", confirm: false)
    /// Position classification standards are OCSC documents.
    static let standardSource = Provenance(source: "OCSC position classification standard", confirm: false)

    /// The explanation of one gap of `record` toward `target` on `on`: what it rests on (with
    /// provenance) and the person's records that were counted. Computed on request only, never in
    /// a batch.
    ///
    ///     let why = analyzer.explain(gap, of: record, target: report.target, on: report.on)
    ///     if why.restsOnDefault { /* "default, to confirm" */ }
    public func explain(_ gap: Gap, of record: PersonRecord, target: Target, on: CivilDate) -> GapExplanation {
        let requirements = TargetRequirements(target: target, index: index)
        return GapExplanation(basis: basis(gap, of: record, requirements), counted: counted(gap, of: record, requirements, on: on))
    }

    /// True when `gap` rests on a value still to be confirmed: the basis of `explain` without
    /// counting the person's records.
    public func restsOnDefault(_ gap: Gap, of record: PersonRecord, target: Target) -> Bool {
        basis(gap, of: record, TargetRequirements(target: target, index: index)).contains { $0.provenance.confirm }
    }

    typealias Basis = GapExplanation.Basis

    func basis(_ gap: Gap, of record: PersonRecord, _ target: TargetRequirements) -> [Basis] {
        let catalog = index.catalog
        let person = record.person
        let ruleApplies = target.rule != nil && promotes(person: person, to: target.level)
        var out: [Basis] = []
        func add(_ subject: Basis.Subject, _ provenance: Provenance) {
            let b = Basis(subject: subject, provenance: provenance)
            if !out.contains(b) { out.append(b) }
        }
        func post() { if let p = target.post { add(.post(p.id), p.provenance) } }
        func rule() { if ruleApplies, let r = target.rule { add(.promotionRule(level: r.toLevel), r.provenance) } }
        switch gap.requirement {
        case .eligibility:
            post()
        case .education(let required, _):
            if ruleApplies, let r = target.rule, r.alternatives.contains(where: { $0.minEducation == required }) { rule() }
            let standard: String? = target.post?.standard ?? {
                if case .jobLineLevel(let line, _) = target.target { return catalog.jobLinesByID[line]?.standard }
                return nil
            }()
            if let standard { add(.standard(standard), Self.standardSource) }
        case .timeInLevel(let t):
            rule()
            if let credit = target.lineCredit {
                for run in TimeInLevel(record: record, on: record.person.levelSince).runs(levels: t.levels, credit: credit)
                    where run.jobLine != credit.line && run.percent > 0 {
                    let provenance = catalog.jobLinesByID[credit.line]?.relatedLines.first { $0.line == run.jobLine }?.provenance ?? .unstated
                    add(.relatedLine(from: run.jobLine, to: credit.line, ratio: run.percent), provenance)
                }
            }
        case .experience(let e):
            if case .diverseExperience = e.subject {
                if target.post?.requiresDiverseExperience == true { post() }
                if ruleApplies && (target.ruleNeedsDiverse || target.rule?.alternatives.contains(where: \.requiresDiverseExperience) == true) { rule() }
                add(.diverseExperience, catalog.diverseExperience.provenance)
            } else {
                post()
                add(.experienceCounting, catalog.experienceCounting.provenance)
            }
        case .competency(let competency, let required, _, _):
            if let p = target.post, p.competencies.contains(where: { $0.competency == competency && $0.level >= required }) { post() }
            if case .jobLineLevel(let line, _) = target.target, let l = catalog.jobLinesByID[line],
               l.level(target.level)?.competencies.contains(where: { $0.competency == competency && $0.level >= required }) == true {
                add(.standard(l.standard), l.provenance)
            }
            if let expected = catalog.levelsByID[target.level]?.expectedCompetency, expected >= required {
                add(.expectedCompetency(level: target.level), Self.expectedCompetencySource)
            }
        case .training(let course, _):
            if target.courses.contains(course) { post() }
            if ruleApplies, target.rule?.conditions.contains(.course(course)) == true { rule() }
            if let c = catalog.coursesByID[course] { add(.course(course), c.provenance) }
        }
        return out
    }

    typealias Counted = GapExplanation.CountedRecord

    func counted(_ gap: Gap, of record: PersonRecord, _ target: TargetRequirements, on: CivilDate) -> [Counted] {
        let person = record.person
        switch gap.requirement {
        case .eligibility:
            return [.levelPeriod(jobLine: person.jobLine, level: person.level, start: person.levelSince, end: nil,
                                 months: person.levelSince <= on ? person.levelSince.wholeMonths(until: on) : 0)]
        case .education:
            return [.education(person.education)]
        case .timeInLevel(let t):
            let credit = target.lineCredit ?? .everyLine
            return TimeInLevel(record: record, on: on).runs(levels: t.levels, credit: credit).map { run in
                .levelPeriod(jobLine: run.jobLine, level: run.levels.joined(separator: "+"), start: run.start,
                             end: run.end.map { $0.adding(days: -1) }, months: run.creditedMonths)
            }
        case .experience(let e):
            switch e.subject {
            case .field(let f): return assignments(record, on: on) { stream in stream.field == f }
            case .management: return assignments(record, on: on) { $0.management }
            case .regional: return assignments(record, on: on) { $0.regional }
            case .group:
                // The field the group's months come from (its atLeast-th best): its records sum to actualMonths.
                guard let field = e.fieldMonths.first(where: { abs($0.months - e.actualMonths) < 1e-9 })?.field else { return [] }
                return assignments(record, on: on) { $0.field == field }
            case .diverseExperience:
                let minimum = max(0, index.catalog.diverseExperience.minimumMonths)
                var out: [Counted] = []
                for a in record.assignments where a.role != .taskForce && a.start <= on {
                    if let end = a.end, a.start.wholeMonths(until: end.adding(days: 1)) < minimum { continue }
                    let last = a.end.map { min($0, on) } ?? on
                    let days = last.dayNumber - a.start.dayNumber + 1
                    out.append(.assignment(a, days: days, weight: 1, countedDays: Double(days)))
                }
                for p in record.levelHistory where p.jobLine != person.jobLine {
                    let end = p.end.map { $0.adding(days: 1) } ?? person.levelSince
                    out.append(.levelPeriod(jobLine: p.jobLine, level: p.level, start: p.start, end: p.end, months: p.start.wholeMonths(until: end)))
                }
                return out
            }
        case .competency(let competency, _, _, _):
            let mine = record.assessments.filter { $0.competency == competency && $0.assessedOn <= on }
            let counting = record.latestAssessment(of: competency, on: on)
            return mine.filter { $0 == counting || !$0.counts }
                .sorted { $0.assessedOn < $1.assessedOn }
                .map { .assessment($0, counts: $0 == counting) }
        case .training(let course, _):
            return record.trainings.filter { $0.course == course }.sorted { $0.completedOn < $1.completedOn }.map { .training($0) }
        }
    }

    /// The assignments that count toward one stream up to `on`, each with its calendar days, its
    /// role weight and the weighted days it added: a day goes to the heaviest assignment covering it
    /// (the first listed on a tie), as `ExperienceLedger` counts it once.
    func assignments(_ record: PersonRecord, on: CivilDate, belongs: (ExperienceLedger.Entry) -> Bool) -> [Counted] {
        let ledger = ExperienceLedger(record: record, on: on, index: index)
        // Ledger entries are the record's assignments in order, less those ending before they start.
        var pairs: [(assignment: Assignment, entry: ExperienceLedger.Entry)] = []
        var k = 0
        for a in record.assignments {
            let end = a.end?.dayNumber ?? ExperienceLedger.openEnd
            guard end >= a.start.dayNumber else { continue }
            let entry = ledger.entries[k]; k += 1
            if belongs(entry) && entry.weight > 0 && entry.start <= ledger.onDay { pairs.append((a, entry)) }
        }
        guard !pairs.isEmpty else { return [] }
        let onDay = ledger.onDay
        var credit = [Double](repeating: 0, count: pairs.count)
        var bounds = pairs.flatMap { [$0.entry.start, min($0.entry.end, onDay) + 1] }
        bounds = Array(Set(bounds)).sorted()
        for i in 0..<(bounds.count - 1) {
            let from = bounds[i], to = bounds[i + 1]
            var best = -1
            for (j, p) in pairs.enumerated() where p.entry.start <= from && min(p.entry.end, onDay) >= from {
                if best < 0 || p.entry.weight > pairs[best].entry.weight { best = j }
            }
            if best >= 0 { credit[best] += pairs[best].entry.weight * Double(to - from) }
        }
        return pairs.enumerated().map { j, p in
            let days = min(p.entry.end, onDay) - p.entry.start + 1
            return .assignment(p.assignment, days: days, weight: p.entry.weight, countedDays: credit[j])
        }
    }
}
