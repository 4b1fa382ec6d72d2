import CareerCatalog

/// Finds every unmet requirement of a person toward a target (domain sections 1, 3, 5).
///
///     let analyzer = GapAnalyzer(catalog: catalog)          // once: indexes the catalog
///     let report = analyzer.analyze(record, target: .directorPost("dir-news-bureau"), on: today)
public struct GapAnalyzer: Sendable {
    public let index: EngineIndex
    public var catalog: Catalog { index.catalog }

    public init(catalog: Catalog) { index = EngineIndex(catalog: catalog) }
    public init(index: EngineIndex) { self.index = index }

    /// The gaps of `record` toward `target` on `on`. With `suggestions == false` only the gaps and
    /// their dates are computed (no methods or suggestions), which is what batch counts need.
    public func analyze(_ record: PersonRecord, target: Target, on: CivilDate,
                        context: OrganizationContext = .none, suggestions: Bool = true) -> GapReport {
        analyze(record, target: target, on: on, context: context, suggestions: suggestions, cache: nil)
    }

    func analyze(_ record: PersonRecord, target: Target, on: CivilDate, context: OrganizationContext,
                 suggestions: Bool, cache: SuggestionCache?) -> GapReport {
        analyze(record, TargetRequirements(target: target, index: index), on: on, context: context, suggestions: suggestions, cache: cache)
    }

    func analyze(_ record: PersonRecord, _ target: TargetRequirements, on: CivilDate, context: OrganizationContext = .none,
                 suggestions: Bool, cache: SuggestionCache? = nil) -> GapReport {
        var gaps = requirementGaps(record, target, on: on)
        if suggestions {
            gaps = MethodMatcher(index: index).attach(to: gaps, record: record, context: context, cache: cache, on: on)
        }
        return GapReport(person: record.person, target: target.target, on: on, gaps: gaps, obligations: target.post?.obligations ?? [])
    }

    /// The compulsory programmes that come with `target` after appointment (executive posts: นบส.2
    /// and ป.ย.ป., seed 001); empty for other targets. Obligations, never gaps.
    public func obligations(for target: Target) -> [PostObligation] {
        guard case .directorPost(let id) = target else { return [] }
        return catalog.directorPostsByID[id]?.obligations ?? []
    }

    /// A batch of analyses toward one target on one day (a roster, a succession list): people in
    /// the same situation share their suggestion lists. Use one batch per thread.
    ///
    ///     let batch = analyzer.batch(target: .directorPost("dir-news-bureau"), on: today)
    ///     for record in records { let report = batch.analyze(record) }
    public func batch(target: Target, on: CivilDate) -> GapBatch { GapBatch(analyzer: self, target: target, on: on) }

    // MARK: - Requirements

    func requirementGaps(_ record: PersonRecord, target: Target, on: CivilDate) -> [Gap] {
        requirementGaps(record, TargetRequirements(target: target, index: index), on: on)
    }

    /// The gaps of `record` against requirements resolved once for many people (a batch, a plan).
    func requirementGaps(_ record: PersonRecord, _ target: TargetRequirements, on: CivilDate) -> [Gap] {
        let person = record.person
        if target.unknownPost {
            return [Gap(requirement: .eligibility(jobLine: person.jobLine, level: person.level, eligible: []), metOn: nil)]
        }
        var gaps: [Gap] = []
        gaps.reserveCapacity(8)
        var diverseNeeded = target.post?.requiresDiverseExperience ?? false
        if let post = target.post, let gap = eligibilityGap(record, post: post, on: on) { gaps.append(gap) }

        // Education: the target standard's qualification, and the lowest education any rule alternative allows.
        let rule = promotes(person: person, to: target.level) ? target.rule : nil
        if let required = rule != nil ? target.educationWithRule : target.standardEducation,
           index.rank(education: person.education) < index.rank(education: required) {
            gaps.append(Gap(requirement: .education(required: required, actual: person.education), metOn: nil))
        }

        // Time in level: the closest alternative of the rule (none for a lateral move or a level already held).
        let timeline = TimeInLevel(record: record, on: on)
        var diverse: DiverseExperience?
        func diverseStatus() -> DiverseExperienceStatus {
            if diverse == nil { diverse = DiverseExperience(record: record, index: index) }
            return diverse!.status(on: on)
        }
        if let rule {
            if let (gap, needsDiverse) = timeInLevelGap(rule: rule, person: person, timeline: timeline, on: on,
                                                        credit: target.lineCredit, diverse: diverseStatus) {
                if let gap { gaps.append(gap) }
                if needsDiverse { diverseNeeded = true }
            }
            if target.ruleNeedsDiverse { diverseNeeded = true }
        }

        // Experience (director frameworks), already in framework stage order.
        if let post = target.post {
            let ledger = ExperienceLedger(record: record, on: on, index: index)
            for requirement in target.experience {
                switch requirement {
                case .field(let field, let months):
                    let t = ledger.tally(.field(field), target: months)
                    if t.months + 1e-9 < Double(months) {
                        gaps.append(Gap(requirement: .experience(ExperienceShortfall(subject: .field(field), requiredMonths: months, actualMonths: t.months)),
                                        metOn: t.reachedOn))
                    }
                case .group(let id, _, let atLeast, let fields, let months):
                    let tallies = fields.map { ledger.tally(.field($0), target: months) }
                    let metCount = tallies.filter { $0.months + 1e-9 >= Double(months) }.count
                    if metCount < atLeast {
                        let sortedMonths = tallies.map(\.months).sorted(by: >)
                        let actual = atLeast - 1 < sortedMonths.count ? sortedMonths[atLeast - 1] : 0
                        let dates = tallies.compactMap(\.reachedOn).sorted()
                        let reached = dates.count >= atLeast ? dates[atLeast - 1] : nil
                        let shortfall = ExperienceShortfall(subject: .group(id: id, atLeast: atLeast, fields: fields), requiredMonths: months,
                                                            actualMonths: actual,
                                                            fieldMonths: zip(fields, tallies).map { FieldMonths(field: $0, months: $1.months) })
                        gaps.append(Gap(requirement: .experience(shortfall), metOn: reached))
                    }
                }
            }
            if post.managementMonths > 0 {
                let t = ledger.tally(.management, target: post.managementMonths)
                if t.months + 1e-9 < Double(post.managementMonths) {
                    gaps.append(Gap(requirement: .experience(ExperienceShortfall(subject: .management, requiredMonths: post.managementMonths, actualMonths: t.months)),
                                    metOn: t.reachedOn))
                }
            }
            if post.regionalMonths > 0 {
                let t = ledger.tally(.regional, target: post.regionalMonths)
                if t.months + 1e-9 < Double(post.regionalMonths) {
                    gaps.append(Gap(requirement: .experience(ExperienceShortfall(subject: .regional, requiredMonths: post.regionalMonths, actualMonths: t.months)),
                                    metOn: t.reachedOn))
                }
            }
        }

        if diverseNeeded {
            let status = diverseStatus()
            if !status.met {
                let minimum = status.minimumMonths
                gaps.append(Gap(requirement: .experience(ExperienceShortfall(subject: .diverseExperience, requiredMonths: minimum,
                                                                             actualMonths: Double(status.have.count), differences: status)),
                                metOn: status.reachedOn))
            }
        }

        developmentGaps(record, target, on: on, into: &gaps)
        return gaps
    }

    /// The competency and course gaps of `record` toward `target`, in the order `requirementGaps`
    /// lists them (it ends with these): what a unit's training needs count, without the time,
    /// experience and education rules, which cost far more and which training does not close.
    func developmentGaps(_ record: PersonRecord, _ target: TargetRequirements, on: CivilDate, into gaps: inout [Gap]) {
        guard !target.unknownPost else { return }
        competencyGaps(record, target, on: on, into: &gaps)
        let ruleApplies = target.rule != nil && promotes(person: record.person, to: target.level)
        for course in ruleApplies ? target.coursesWithRule : target.courses {
            if let gap = trainingGap(record, course: course, on: on) { gaps.append(gap) }
        }
    }

    /// The competency gaps in the target's order: one pass over the assessments finds the latest
    /// supervisor or panel assessment of every required competency on or before `on`.
    func competencyGaps(_ record: PersonRecord, _ target: TargetRequirements, on: CivilDate, into gaps: inout [Gap]) {
        guard !target.competencies.isEmpty else { return }
        // Per competency slot: the latest assessment's day and level, and whether one lies after `on`.
        var latestDay = [CivilDate?](repeating: nil, count: target.competencySlots.count)
        var latestLevel = [Int](repeating: 0, count: target.competencySlots.count)
        var later = [Bool](repeating: false, count: target.competencySlots.count)
        for a in record.assessments where a.counts {
            guard let slot = target.slot(of: a.competency) else { continue }
            if a.assessedOn <= on {
                if latestDay[slot] == nil || a.assessedOn >= latestDay[slot]! { latestDay[slot] = a.assessedOn; latestLevel[slot] = a.level }
            } else {
                later[slot] = true
            }
        }
        for requirement in target.competencies {
            let actual = latestLevel[requirement.slot]
            if actual >= requirement.required { continue }
            // An assessment already on file for a later day (a plan's) closes it then.
            let metOn = later[requirement.slot] ? laterAssessmentMeeting(record, competency: requirement.id, required: requirement.required, on: on) : nil
            gaps.append(Gap(requirement: .competency(competency: requirement.id, required: requirement.required, actual: actual,
                                                     assessed: latestDay[requirement.slot] != nil),
                            metOn: metOn))
        }
    }

    /// The first day after `on` on which a supervisor or panel assessment of `competency` reaches `required`.
    func laterAssessmentMeeting(_ record: PersonRecord, competency: String, required: Int, on: CivilDate) -> CivilDate? {
        let later = record.assessments.filter { $0.competency == competency && $0.counts && $0.assessedOn > on }
        for a in later.sorted(by: { $0.assessedOn < $1.assessedOn }) where a.level >= required { return a.assessedOn }
        return nil
    }

    /// True when reaching `level` is a promotion for `person` (not a level they hold or have passed).
    func promotes(person: Person, to level: String) -> Bool {
        guard level != person.level else { return false }
        guard let target = index.levelRank[level], let current = index.levelRank[person.level] else { return true }
        if target.type == current.type { return target.rank > current.rank }
        return true
    }

    /// The eligibility of the person's line and level for `post`; on a later level of their line,
    /// the gap closes when time in level first allows that promotion.
    func eligibilityGap(_ record: PersonRecord, post: DirectorPost, on: CivilDate) -> Gap? {
        let person = record.person
        if post.eligibility.contains(where: { $0.admits(jobLine: person.jobLine, level: person.level) }) { return nil }
        var metOn: CivilDate?
        if let next = index.catalog.nextLevel(after: person.level),
           post.eligibility.contains(where: { $0.admits(jobLine: person.jobLine, level: next.id) }) {
            metOn = index.promotionTimeMet(record, to: next.id, on: on)
            if let m = metOn, m < on { metOn = on }
        }
        return Gap(requirement: .eligibility(jobLine: person.jobLine, level: person.level, eligible: post.eligibility), metOn: metOn)
    }

    /// The closest alternative's time gap (nil when one alternative is fully met) and whether the
    /// chosen alternative needs "3 ต่าง". Returns nil when no alternative is left unmet.
    func timeInLevelGap(rule: PromotionRule, person: Person, timeline: TimeInLevel, on: CivilDate,
                        credit: TimeInLevel.LineCredit? = nil, diverse: () -> DiverseExperienceStatus) -> (Gap?, Bool)? {
        let education = index.rank(education: person.education)
        var applicable = rule.alternatives.filter { alt in alt.minEducation.map { index.rank(education: $0) <= education } ?? true }
        // Without the education for any alternative, report the nearest as if the education were obtained.
        if applicable.isEmpty { applicable = rule.alternatives }
        guard !applicable.isEmpty else { return nil }

        struct Candidate { let alt: RuleAlternative; let standing: TimeInLevel.Standing; let timeMet: Bool; let done: CivilDate?; let remaining: Int; let order: Int; let reach: Int }
        // How directly the person can serve in an alternative's levels: now (0), after the next
        // promotion in their type (1), or only further away (2).
        let next = index.catalog.nextLevel(after: person.level)?.id
        func reach(_ alt: RuleAlternative) -> Int {
            if alt.levels.contains(person.level) { return 0 }
            if let next, alt.levels.contains(next) { return 1 }
            return 2
        }
        var candidates: [Candidate] = []
        for (i, alt) in applicable.enumerated() {
            let standing = timeline.standing(levels: alt.levels, required: alt.months, credit: credit)
            let timeMet = alt.months <= 0 ? standing.served : standing.months >= alt.months
            var done: CivilDate? = timeMet ? on : standing.reachedOn
            if alt.approvedEquivalenceMonths > 0 { done = nil }
            if alt.requiresDiverseExperience, let d = done {
                let status = diverse()
                done = status.met ? d : status.reachedOn.map { max($0, d) }
            }
            if alt.approvedEquivalenceMonths == 0 && timeMet && (!alt.requiresDiverseExperience || diverse().met) { return (nil, false) }
            candidates.append(Candidate(alt: alt, standing: standing, timeMet: timeMet, done: done,
                                        remaining: max(0, alt.months - standing.months) + alt.approvedEquivalenceMonths, order: i,
                                        reach: standing.months > 0 || standing.served ? 0 : reach(alt)))
        }
        let best = candidates.min { a, b in
            switch (a.done, b.done) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default:
                if a.reach != b.reach { return a.reach < b.reach }
                if a.remaining != b.remaining { return a.remaining < b.remaining }
                if a.timeMet != b.timeMet { return a.timeMet }
                return a.order < b.order
            }
        }!
        let alt = best.alt
        let needsDiverse = alt.requiresDiverseExperience
        if best.timeMet && alt.approvedEquivalenceMonths == 0 { return (nil, needsDiverse) }
        // Finding 5: a higher degree that shortens the same levels' requirement is a way to close it.
        var shortcuts: [EducationShortcut] = []
        for other in rule.alternatives where other.months < alt.months && other.levels == alt.levels
            && other.approvedEquivalenceMonths == 0 && !other.requiresDiverseExperience {
            guard let degree = other.minEducation, index.rank(education: degree) > education,
                  !shortcuts.contains(where: { $0.education == degree }) else { continue }
            let standing = timeline.standing(levels: other.levels, required: other.months, credit: credit)
            shortcuts.append(EducationShortcut(education: degree, requiredMonths: other.months,
                                               metOn: standing.reachedOn.map { max($0, on) }))
        }
        let shortfall = TimeInLevelShortfall(levels: alt.levels, requiredMonths: alt.months, actualMonths: best.standing.months,
                                             minEducation: alt.minEducation, requiresDiverseExperience: needsDiverse,
                                             approvedEquivalenceMonths: alt.approvedEquivalenceMonths,
                                             withHigherEducation: shortcuts)
        let metOn: CivilDate? = alt.approvedEquivalenceMonths > 0 ? nil : best.standing.reachedOn
        return (Gap(requirement: .timeInLevel(shortfall), metOn: metOn), needsDiverse)
    }

    /// A required course not completed by `on`, or whose completion has lapsed.
    func trainingGap(_ record: PersonRecord, course: String, on: CivilDate) -> Gap? {
        guard case .open(let expired) = index.standing(on: course, record: record, on: on) else { return nil }
        var future: CivilDate?
        for t in record.trainings where t.course == course && t.completedOn > on {
            if future == nil || t.completedOn < future! { future = t.completedOn }
        }
        return Gap(requirement: .training(course: course, expiredOn: expired), metOn: future)
    }
}

/// Analyses many people toward one target on one day, sharing work between them.
public final class GapBatch {
    public let analyzer: GapAnalyzer
    public let target: Target
    public let on: CivilDate
    let cache = SuggestionCache()
    let requirements: TargetRequirements

    public init(analyzer: GapAnalyzer, target: Target, on: CivilDate) {
        self.analyzer = analyzer; self.target = target; self.on = on
        requirements = TargetRequirements(target: target, index: analyzer.index)
    }

    /// How many distinct situations share suggestion lists so far (a bench figure).
    public var sharedSituations: Int { cache.situations.count }

    /// The same report as `GapAnalyzer.analyze`.
    public func analyze(_ record: PersonRecord, context: OrganizationContext = .none, suggestions: Bool = true) -> GapReport {
        analyzer.analyze(record, requirements, on: on, context: context, suggestions: suggestions, cache: cache)
    }
}
