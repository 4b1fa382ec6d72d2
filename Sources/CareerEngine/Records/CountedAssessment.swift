import CareerCatalog

/// Which assessment sets a competency's level: the one rule the gaps, the assessment forms, the
/// Me screen and the training-impact report all follow.
extension Assessment {
    /// Whether it counts toward the person's level: a supervisor's or a panel's. A self-assessment
    /// is shown beside it and never counts.
    public var counts: Bool { assessor != .`self` }

    /// Whether it replaces `other` (of the same competency) as the latest: a later day, or the same
    /// day and a later row.
    public func replaces(_ other: Assessment?) -> Bool {
        guard let other else { return true }
        return assessedOn >= other.assessedOn
    }
}

extension PersonRecord {
    /// The latest assessment of `competency` on or before `on` that counts (`counted: true`), or
    /// the latest self-assessment (`counted: false`).
    public func latestAssessment(of competency: String, on: CivilDate, counted: Bool = true) -> Assessment? {
        var latest: Assessment?
        for a in assessments where a.competency == competency && a.assessedOn <= on && a.counts == counted && a.replaces(latest) {
            latest = a
        }
        return latest
    }
}
