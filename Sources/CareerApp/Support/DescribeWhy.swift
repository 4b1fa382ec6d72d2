import CareerCatalog
import CareerEngine

/// One line of a gap's "why": its words and its role (the why view styles it, `careerpath gaps
/// --explain` indents it).
public struct WhyLine: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// "The rule", "Where the values come from", "Records counted".
        case heading
        case text
        /// A value that is a department default still to be confirmed.
        case toConfirm
    }
    public let text: String
    public let role: Role

    public init(_ text: String, _ role: Role = .text) { self.text = text; self.role = role }
}

/// The "why" of a gap, the "default, to confirm" marker, the time-in-level advice and a post's
/// obligations after appointment: in the same words on the screens and in the CLI.
extension Describe {
    /// "ค่าตั้งต้น รอยืนยัน" / "default, to confirm" when the gap rests on a value still to be
    /// confirmed against the binder; nil when every value it rests on names its source.
    public func toConfirmMarker(_ why: GapExplanation) -> String? {
        why.restsOnDefault ? t(.toConfirm) : nil
    }

    /// The explanation of `gap`: the rule in words and numbers, where each value comes from, and
    /// the person's own records that were counted.
    public func why(_ gap: Gap, _ why: GapExplanation) -> [WhyLine] {
        var out = [WhyLine(t(.whyRule), .heading)]
        out += gapDetail(gap).map { WhyLine($0) }
        out.append(WhyLine(t(.whySources), .heading))
        if why.basis.isEmpty { out.append(WhyLine(t(.whyNoBasis), .toConfirm)) }
        for basis in why.basis {
            out.append(WhyLine(basisName(basis.subject) + ": " + source(basis.provenance), basis.provenance.confirm ? .toConfirm : .text))
        }
        out.append(WhyLine(t(.whyCounted), .heading))
        if why.counted.isEmpty { out.append(WhyLine(t(.whyNothingCounted))) }
        out += why.counted.map { WhyLine(counted($0)) }
        return out
    }

    /// Where a value comes from: the document, or the marker (both when a sourced value is still to confirm).
    public func source(_ provenance: Provenance) -> String {
        switch (provenance.source, provenance.confirm) {
        case (let source?, false): return source
        case (let source?, true): return "\(source) (\(t(.toConfirm)))"
        case (nil, _): return t(.toConfirm)
        }
    }

    /// What a value belongs to ("Promotion rule to ชำนาญการ (K2)", "Framework of สำนักข่าว").
    public func basisName(_ subject: GapExplanation.Basis.Subject) -> String {
        switch subject {
        case .promotionRule(let level): return Str.basisPromotionRule.format(language, levelLabel(level))
        case .post(let post): return Str.basisPost.format(language, postName(post))
        case .standard(let id): return Str.basisStandard.format(language, catalog.standardsByID[id]?.name.text(language) ?? id)
        case .course(let course): return Str.basisCourse.format(language, courseName(course))
        case .diverseExperience: return t(.basisDiverse)
        case .experienceCounting: return t(.basisCounting)
        case .relatedLine(let from, let to, let ratio):
            return Str.basisRelatedLine.format(language, lineName(from), lineName(to), String(ratio))
        case .expectedCompetency(let level): return Str.basisExpectedCompetency.format(language, levelLabel(level))
        }
    }

    /// One counted record ("สำนักข่าว (ปฏิบัติงานปกติ) 1 ม.ค. 2563 – ปัจจุบัน: 2070 วัน × 1 = นับ 2070 วัน").
    public func counted(_ record: GapExplanation.CountedRecord) -> String {
        switch record {
        case .assignment(let a, let days, let weight, let countedDays):
            return Str.countedAssignment.format(language, unitName(a.unit), roleName(a.role), date(a.start),
                                                a.end.map { date($0) } ?? t(.ongoing), String(days),
                                                Self.plainNumber(weight), Self.plainNumber(countedDays))
        case .levelPeriod(let line, let level, let start, let end, let months):
            return Str.countedLevelPeriod.format(language, lineName(line), levelLabel(level), date(start),
                                                 end.map { date($0) } ?? t(.ongoing), String(months))
        case .assessment(let a, let counts):
            return Str.countedAssessment.format(language, competencyName(a.competency), String(a.level), date(a.assessedOn),
                                                assessorName(a.assessor))
                + " · " + t(counts ? .assessmentCounts : .assessmentNotCounted)
        case .training(let training):
            return Str.countedTraining.format(language, courseName(training.course), date(training.completedOn))
        case .education(let education):
            return Str.countedEducation.format(language, educationName(education))
        }
    }

    /// An assignment's role ("รักษาการ", "acting").
    public func roleName(_ role: AssignmentRole) -> String {
        switch role {
        case .regular: return t(.roleRegular)
        case .rotation: return t(.roleRotation)
        case .acting: return t(.roleActing)
        case .taskForce: return t(.roleTaskForce)
        case .secondment: return t(.roleSecondment)
        }
    }

    /// Who assessed a competency ("ผู้บังคับบัญชา", "supervisor").
    public func assessorName(_ assessor: Assessor) -> String {
        switch assessor {
        case .self: return t(.assessorSelf)
        case .supervisor: return t(.assessorSupervisor)
        case .panel: return t(.assessorPanel)
        }
    }

    /// What else closes a time-in-level gap: a higher degree the rule rewards (the day it would be
    /// met with it, and further study as the way), or plainly nothing but time.
    public func timeInLevelAdvice(_ shortfall: TimeInLevelShortfall, metOn: CivilDate?) -> [String] {
        guard shortfall.approvedEquivalenceMonths == 0 else { return [] }
        if shortfall.withHigherEducation.isEmpty { return metOn == nil ? [] : [t(.onlyTimeCloses)] }
        var out = shortfall.withHigherEducation.map { s in
            Str.withDegreeMetOn.format(language, educationName(s.education), dateOrNotInReach(s.metOn)) + " (\(months(s.requiredMonths)))"
        }
        out.append(Str.furtherStudy.format(language, shortfall.withHigherEducation.map { educationName($0.education) }.joined(separator: ", ")))
        return out
    }

    /// The programmes a post asks of its holder after appointment (`GapReport.obligations`), each
    /// with its source: shown beside the gaps, never as one.
    public func obligations(_ obligations: [PostObligation]) -> [WhyLine] {
        guard !obligations.isEmpty else { return [] }
        var out = [WhyLine(t(.afterAppointment), .heading)]
        for o in obligations {
            let what = o.withinMonths > 0
                ? Str.obligationWithin.format(language, courseName(o.course), String(o.withinMonths))
                : Str.obligationPlain.format(language, courseName(o.course))
            out.append(WhyLine(what + " (" + source(o.provenance) + ")", o.provenance.confirm ? .toConfirm : .text))
        }
        return out
    }
}
