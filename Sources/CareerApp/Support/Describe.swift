import CareerCatalog
import CareerEngine
import TerminalUI

/// Words for engine values in the current language: names from the catalog, the rest from `Str`.
/// The screens and the CLI's text output (`careerpath gaps --explain`) share it.
///
///     Describe(catalog: catalog, language: .en).gapTitle(gap)   // "News"
public struct Describe {
    public let catalog: Catalog
    public let language: Language

    /// People the words may name instead of their id (the supervisor chain: acting posts' holders, coaches).
    public var people: [Person] = []

    /// Units and posts by their short names (`short:` in Data/) where they have one: for rows
    /// with little room (see `fitting(_:width:)`).
    public var short = false

    public init(catalog: Catalog, language: Language, people: [Person] = [], short: Bool = false) {
        self.catalog = catalog; self.language = language; self.people = people; self.short = short
    }

    /// `make(self)` when it fits in `width` cells, else `make` with short unit and post names: the
    /// part that tells rows apart (where) is shortened before the row is cut.
    public func fitting(_ width: Int, _ make: (Describe) -> String) -> String {
        let full = make(self)
        guard TextWidth.of(full) > width else { return full }
        var brief = self
        brief.short = true
        return make(brief)
    }

    /// A person's name when known, else their id; the id follows the name only when someone else
    /// among `people` bears the same name (the id is for telling two people apart).
    public func personName(_ id: String) -> String {
        guard let person = people.first(where: { $0.id == id }) else { return id }
        let name = person.name(language)
        let namesake = people.contains { $0.id != id && $0.name(language) == name }
        return namesake ? "\(name) (\(id))" : name
    }

    /// A plan note's text as people read it: a progress or confirmation note names its step
    /// ("# 2"; the rest of its body is for the audit log), any other note is its comment.
    public func noteBody(_ note: PlanNote) -> String {
        guard note.action == "progress" || note.action == "confirm" else { return note.body }
        let number = note.body.prefix { $0.isNumber }
        return number.isEmpty ? "" : "\(t(.mdNo)) \(number)"
    }

    /// One note as a line: when (the local day), who, what, and the comment.
    public func note(_ note: PlanNote, wrapped: Bool = false) -> String {
        let day = DateText.day(ofStamp: note.writtenAt)
        let when = day.map { wrapped ? wrappedDate($0) : date($0) } ?? note.writtenAt
        let body = noteBody(note)
        return "\(when) · \(personName(note.authorID)) · \(Str.note(note.action).text(language))" + (body.isEmpty ? "" : ": \(body)")
    }

    func t(_ s: Str) -> String { s.text(language) }
    public func date(_ d: CivilDate?) -> String { d.map { DateText.format($0, language) } ?? t(.notByTime) }
    /// A date for text that is wrapped: joined by no-break spaces, so no line ends inside it.
    func wrappedDate(_ d: CivilDate?) -> String { date(d).replacingOccurrences(of: " ", with: "\u{00A0}") }
    /// A date, or "not yet in reach" when time alone (or the plan) cannot get there.
    func dateOrNotInReach(_ d: CivilDate?) -> String { d.map { DateText.format($0, language) } ?? t(.notInReach) }

    func lineName(_ id: String) -> String { catalog.jobLinesByID[id]?.name.text(language) ?? id }
    func levelName(_ id: String) -> String { catalog.levelsByID[id]?.name.text(language) ?? id }
    public func unitName(_ id: String) -> String {
        guard let unit = catalog.unitsByID[id] else { return id }
        return short ? unit.shortName(language) : unit.name.text(language)
    }
    public func fieldName(_ id: String) -> String {
        id == "management" ? t(.managementExperience) : catalog.workFieldsByID[id]?.name.text(language) ?? id
    }
    func competencyName(_ id: String) -> String { catalog.competenciesByID[id]?.name.text(language) ?? id }
    public func methodName(_ id: String) -> String {
        if id == "course" { return t(.kindTraining) }
        return catalog.methodsByID[id]?.name.text(language) ?? id
    }
    func courseName(_ id: String) -> String { catalog.coursesByID[id]?.name.text(language) ?? id }
    func educationName(_ id: String) -> String { catalog.educationsByID[id]?.name.text(language) ?? id }
    func groupName(_ id: String) -> String { catalog.workingGroupsByID[id]?.name.text(language) ?? id }
    func postName(_ id: String) -> String {
        guard let post = catalog.directorPostsByID[id] else { return id }
        return short ? post.shortName(language) : post.name.text(language)
    }
    public func targetName(_ target: Target) -> String {
        if short, case .directorPost(let id) = target { return postName(id) }
        return target.name(in: catalog, language)
    }
    /// True for an executive post (S1 deputy director-general, S2 director-general).
    public func isExecutive(_ target: Target) -> Bool {
        if case .directorPost(let id) = target { return catalog.directorPostsByID[id]?.kind == .executive }
        return false
    }
    public func months(_ n: Int) -> String { Str.months.format(language, String(n)) }

    /// "K2 ชำนาญการ" style: the level's name with its id.
    func levelLabel(_ id: String) -> String { "\(levelName(id)) (\(id))" }

    /// A gap kind's name ("ประสบการณ์", "Time in level").
    public func kindTitle(_ kind: GapKind) -> String {
        switch kind {
        case .education: return t(.kindEducation)
        case .timeInLevel: return t(.kindTimeInLevel)
        case .experience: return t(.kindExperience)
        case .competency: return t(.kindCompetency)
        case .training: return t(.kindTraining)
        case .eligibility: return t(.kindEligibility)
        }
    }

    public func route(_ r: ReachableTarget) -> String {
        switch r.route {
        case .promotion: return t(.routePromotion)
        case .lateral: return t(.routeLateral)
        case .directorPost: return r.onPromotion ? t(.routeDirectorOnPromotion) : t(.routeDirector)
        case .executivePost: return t(.routeExecutive)
        }
    }

    /// One of the "3 ต่าง" differences ("ต่างสายงาน", "job line").
    public func difference(_ d: Difference) -> String {
        switch d {
        case .jobLine: return t(.diffJobLine)
        case .unit: return t(.diffUnit)
        case .location: return t(.diffLocation)
        case .workField: return t(.diffWorkField)
        }
    }

    /// Months counted, floored to one decimal ("12.4" for 12.495, "48"): a figure shown beside a
    /// requirement never claims more than was served. JSON carries the exact value.
    public static func monthsNumber(_ value: Double) -> String {
        let tenths = Int(scaled(value, tenths: true).rounded(.down))
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// A value to two decimals, half away from zero (1.495 → 1.5, 45.504 → 45.5).
    public static func hundredths(_ value: Double) -> Double {
        scaled(value, tenths: false).rounded() / 100
    }

    /// A number with up to two decimals and no trailing zeros ("1", "0.25", "45.5").
    public static func plainNumber(_ value: Double) -> String {
        let h = Int(hundredths(value) * 100)
        if h % 100 == 0 { return String(h / 100) }
        let frac = abs(h % 100)
        return (h < 0 && h > -100 ? "-" : "") + "\(h / 100)." + (frac % 10 == 0 ? String(frac / 10) : (frac < 10 ? "0" : "") + String(frac))
    }

    /// `value` × 10 (or × 100) without the binary noise of days ÷ 30.4375 (1.495 is stored as
    /// 1.49499…, and 1.495 × 100 as 149.4999…): rounded to nine decimals first, then divided
    /// exactly, so the later rounding or flooring acts on the figure as written (149.5).
    static func scaled(_ value: Double, tenths: Bool) -> Double {
        (value * 1e9).rounded() / (tenths ? 1e8 : 1e7)
    }

    /// What the gap is about, short ("ด้านข่าว", "Time in level", "Visioning").
    public func gapTitle(_ gap: Gap) -> String {
        switch gap.requirement {
        case .education: return t(.kindEducation)
        case .timeInLevel(let s): return t(.kindTimeInLevel) + " " + s.levels.joined(separator: "+")
        case .experience(let e):
            switch e.subject {
            case .field(let f): return fieldName(f)
            case .group(let id, _, _): return experienceGroupName(id)
            case .management: return t(.managementExperience)
            case .regional: return t(.regionalExperience)
            case .diverseExperience: return t(.diverseExperience)
            }
        case .competency(let c, _, _, _): return competencyName(c)
        case .training(let c, _): return courseName(c)
        case .eligibility: return t(.eligibilityGap)
        }
    }

    /// Required vs actual, short ("12 of 48 months", "needs Bachelor, has …").
    public func gapStanding(_ gap: Gap) -> String {
        switch gap.requirement {
        case .education(let required, let actual):
            return Str.educationGap.format(language, educationName(required), educationName(actual))
        case .timeInLevel(let s):
            return Str.monthsOf.format(language, String(s.actualMonths), String(s.requiredMonths))
        case .experience(let e):
            if case .diverseExperience = e.subject, let d = e.differences {
                return Str.diverseHave.format(language, String(d.have.count), String(d.required),
                                              d.have.map(difference).joined(separator: ", "))
            }
            return Str.monthsOf.format(language, Self.monthsNumber(e.actualMonths), String(e.requiredMonths))
        case .competency(_, let required, let actual, let assessed):
            return assessed ? "\(actual)/\(required)" : "\(t(.neverAssessed)) /\(required)"
        case .training(_, let expired):
            return expired.map { Str.courseExpired.format(language, date($0)) } ?? t(.courseNotDone)
        case .eligibility(let line, let level, _):
            return "\(t(.youAre)) \(lineName(line)) \(level)"
        }
    }

    /// Longer explanation lines for the detail pane.
    public func gapDetail(_ gap: Gap) -> [String] {
        var lines: [String] = []
        switch gap.requirement {
        case .education(let required, let actual):
            lines.append("\(t(.required)): \(educationName(required))")
            lines.append("\(t(.actual)): \(educationName(actual))")
        case .timeInLevel(let s):
            lines.append("\(t(.required)): \(months(s.requiredMonths)) (\(s.levels.joined(separator: "+")))")
            lines.append("\(t(.actual)): \(months(s.actualMonths))")
            if let e = s.minEducation { lines.append("\(t(.education)): \(educationName(e))") }
        case .experience(let e):
            switch e.subject {
            case .group(_, let atLeast, let fields):
                lines.append(Str.groupOf.format(language, String(atLeast), fields.map(fieldName).joined(separator: ", ")))
                for fm in e.fieldMonths {
                    lines.append("  \(fieldName(fm.field)): \(Str.monthsOf.format(language, Self.monthsNumber(fm.months), String(e.requiredMonths)))")
                }
            case .diverseExperience:
                if let d = e.differences {
                    lines.append(Str.diverseHave.format(language, String(d.have.count), String(d.required), d.have.map(difference).joined(separator: ", ")))
                    lines.append(Str.diverseMissing.format(language, d.missing.map(difference).joined(separator: ", ")))
                }
            default:
                lines.append("\(t(.required)): \(months(e.requiredMonths))")
                lines.append("\(t(.actual)): \(Self.monthsNumber(e.actualMonths))")
            }
        case .competency(_, let required, let actual, let assessed):
            lines.append("\(t(.required)): \(Str.levelN.format(language, String(required)))")
            lines.append("\(t(.actual)): " + (assessed ? Str.levelN.format(language, String(actual)) : t(.neverAssessed)))
        case .training(let course, let expired):
            lines.append(courseName(course) + ": " + (expired.map { Str.courseExpired.format(language, date($0)) } ?? t(.courseNotDone)))
        case .eligibility(let line, let level, let eligible):
            lines.append("\(t(.youAre)): \(lineName(line)) \(level)")
            lines.append("\(t(.openTo)): " + eligible.map { "\(lineName($0.line)) \($0.levels.joined(separator: "/"))" }.joined(separator: "; "))
        }
        lines.append(closing(gap))
        if case .timeInLevel(let s) = gap.requirement { lines += timeInLevelAdvice(s, metOn: gap.metOn) }
        return lines.map(sentence)
    }

    /// One line for a gap: its kind, what it is about and where the person stands ("Experience —
    /// News: 12 of 48 months"; the kind once where the title already names it: "Education: needs
    /// …"); the plan export and `careerpath gaps` list gaps so.
    public func gapLine(_ gap: Gap) -> String {
        switch gap.requirement {
        case .education, .timeInLevel, .eligibility: return "\(gapTitle(gap)): \(gapStanding(gap))"
        case .experience, .competency, .training: return "\(kindTitle(gap.kind)) — \(gapTitle(gap)): \(gapStanding(gap))"
        }
    }

    /// When time alone closes the gap ("closes by itself on …"), or that it will not.
    public func closing(_ gap: Gap) -> String {
        gap.metOn.map { Str.closesBy.format(language, date($0)) } ?? t(.notClosedByTime)
    }

    /// A detail line as a sentence: in English its first letter is a capital ("required: 48 mo" →
    /// "Required: 48 mo"), so labels read alike on every pane; Thai has no case.
    public func sentence(_ line: String) -> String { Self.sentence(line, language) }

    static func sentence(_ line: String, _ language: Language) -> String {
        guard language == .en, let first = line.first, first.isLowercase else { return line }
        return first.uppercased() + line.dropFirst()
    }

    func experienceGroupName(_ id: String) -> String {
        for post in catalog.directorPosts {
            for requirement in post.experience {
                if case .group(let gid, let name, _, _, _) = requirement, gid == id { return name.text(language) }
            }
        }
        return id
    }

    /// Where a suggestion is carried out ("สำนักข่าว", "acting for P0012 (…)").
    public func place(_ place: SuggestedPlace) -> String {
        switch place {
        case .unit(let u): return unitName(u)
        case .actingPost(let holder, let unit, let level): return Str.placeActing.format(language, personName(holder), "\(unitName(unit)) \(level)")
        case .workingGroup(let g): return groupName(g)
        case .course(let c): return courseName(c)
        case .coach(let p): return Str.placeCoach.format(language, personName(p))
        case .jobLine(let l): return Str.placeLateral.format(language, lineName(l))
        case .none: return ""
        }
    }

    /// A plan step's method and place ("การสลับเปลี่ยนหมุนเวียนงาน: สำนักข่าว"): the plan pane and
    /// `careerpath plan` word a step so.
    public func step(_ step: PlanStep) -> String { methodAndPlace(step.method, step.place) }

    func methodAndPlace(_ method: String, _ place: SuggestedPlace) -> String {
        let where_ = self.place(place)
        return methodName(method) + (where_.isEmpty ? "" : ": " + where_)
    }

    /// "การสลับเปลี่ยนหมุนเวียนงาน: สำนักข่าว · 12 เดือน".
    public func suggestion(_ s: Suggestion) -> String {
        let where_ = place(s.place)
        // Short of room: the place first (it tells a gap's suggestions apart), the method last.
        if short && !where_.isEmpty { return "\(where_) · \(months(s.months)) · \(methodName(s.method))" }
        return methodAndPlace(s.method, s.place) + " · " + months(s.months)
    }
}
