import CareerCatalog

/// Whether a course is still worth taking for a person, and from when they may enrol (issue 12,
/// findings 1 and 2): a course completed (and not lapsed) closes nothing and is never suggested or
/// planned again; a course is offered only to someone its `eligibleLevels` admit, now or on the
/// day time in level first allows their next promotion.
extension EngineIndex {
    /// Where a person stands on one course as of a day.
    enum CourseStanding: Equatable {
        /// Completed on or before the day and still valid.
        case completed
        /// Never completed by the day, or every completion lapsed (`expiredOn`: the latest lapse).
        case open(expiredOn: CivilDate?)
    }

    /// The person's standing on `course` as of `on` (nil: every completion on file counts, whenever).
    func standing(on course: String, record: PersonRecord, on: CivilDate?) -> CourseStanding {
        let valid = catalog.coursesByID[course]?.validYears ?? 0
        var expired: CivilDate?
        for t in record.trainings where t.course == course {
            guard let on else { return .completed }
            guard t.completedOn <= on else { continue }
            if valid <= 0 { return .completed }
            let lapses = t.completedOn.adding(months: valid * 12)
            if lapses > on { return .completed }
            if expired == nil || lapses > expired! { expired = lapses }
        }
        return .open(expiredOn: expired)
    }

    /// True when `course` still has something to give the person on `on` (not completed, or lapsed).
    func stillOpen(_ course: String, record: PersonRecord, on: CivilDate?) -> Bool {
        standing(on: course, record: record, on: on) != .completed
    }

    /// The first day on or after `on` the course admits the person: `on` when its eligible levels
    /// are empty or include their level; the day time in level first allows their next promotion
    /// when it admits that next level; nil when it admits neither (nbs2 for an M1 director).
    func admission(to course: String, record: PersonRecord, on: CivilDate) -> CivilDate? {
        guard let c = catalog.coursesByID[course] else { return on }
        let level = record.person.level
        if c.admits(level: level) { return on }
        guard let next = catalog.nextLevel(after: level), c.admits(level: next.id) else { return nil }
        return promotionTimeMet(record, to: next.id, on: on).map { max($0, on) }
    }

    /// The day time in level first allows promotion to `level` by an alternative the person's
    /// education admits and time alone can meet (no approval, no "3 ต่าง"); nil when none can.
    func promotionTimeMet(_ record: PersonRecord, to level: String, on: CivilDate) -> CivilDate? {
        guard let rule = catalog.rulesByLevel[level] else { return nil }
        let timeline = TimeInLevel(record: record, on: on)
        let education = rank(education: record.person.education)
        return rule.alternatives
            .filter { $0.approvedEquivalenceMonths == 0 && !$0.requiresDiverseExperience
                && ($0.minEducation.map { rank(education: $0) <= education } ?? true) }
            .compactMap { timeline.standing(levels: $0.levels, required: $0.months).reachedOn }
            .min()
    }
}
