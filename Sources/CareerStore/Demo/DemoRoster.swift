import CareerCatalog
import CareerEngine
import CareerImport

/// A synthetic, clearly fictional department for demos, tests and benchmarks.
///
/// Usage: `try DemoRoster(catalog: catalog, people: 320, seed: 2553).write(to: "Data/demo")`.
///
/// The same catalog, size and seed give the same files on every machine (own SplitMix64, a fixed
/// reference date, no clock). The shape: a Director-General, deputies, a head for every unit
/// (directors at their post's level), group heads, then for every director post one person ready for
/// it and one a little short, one person at every level of every job line, and random staff.
/// The candidates' requirements come from the catalog (the post, its level's promotion rule and
/// expected competency level, "3 ต่าง"), and the engine's `GapAnalyzer` checks each one on the
/// reference date: ready means no gap; a little short means time in level plus exactly one of
/// experience, a competency or a course (in turn over the posts).
/// Every surname contains สมมุติ / "sommut" (Thai for "made up") so no one mistakes them for real people.
public struct DemoRoster: Sendable {
    /// Dates are laid out relative to this day (start of fiscal year B.E. 2570).
    public static let referenceDate = CivilDate(dayNumber: 20_727)   // 2026-10-01

    public let catalog: Catalog
    public let size: Int
    public let seed: UInt64

    public init(catalog: Catalog, people: Int, seed: UInt64) {
        self.catalog = catalog; self.size = max(0, people); self.seed = seed
    }

    /// Writes the five CSV files into `folder` (created if needed); returns rows per file.
    @discardableResult
    public func write(to folder: String) throws -> [RecordFile: Int] {
        let writer = try RosterCSVWriter(folder: folder)
        var index = 0
        try generate { record in
            index += 1
            var spelling = RosterCSVWriter.Spelling()
            // A sprinkling of the spellings HR files really use, so the demo exercises the importer.
            if index % 10 == 0 { spelling.buddhistEra = true }
            if index % 50 == 0 { spelling.thaiDigits = true }
            if index % 15 == 0 { spelling.thaiLevelName = catalog.levelsByID[record.person.level]?.name.th }
            try writer.write(record, spelling: spelling)
        }
        try writer.close()
        return writer.counts
    }

    /// Produces the records one by one, supervisors before the people they supervise.
    public func generate(_ each: (PersonRecord) throws -> Void) throws {
        var builder = RosterBuilder(catalog: catalog, seed: seed)
        let slots = builder.structuralSlots()
        for i in 0..<size {
            let slot = i < slots.count ? slots[i] : .staff
            try each(builder.make(slot, number: i + 1))
        }
    }
}

/// What kind of person a position in the roster is.
enum RosterSlot {
    case directorGeneral
    case deputy
    case unitHead(Unit, DirectorPost?)
    /// Someone on the way to `post`: ready now, or a little short.
    case candidate(DirectorPost, ready: Bool, variant: Int)
    /// Guarantees that every level of every line has someone.
    case cover(JobLine, level: String)
    case staff
}

/// The mutable state of one generation run.
struct RosterBuilder {
    let catalog: Catalog
    let seed: UInt64
    /// The current person's own stream (see `stream(seed:number:)`).
    var rng: SplitMix64
    let today = DemoRoster.referenceDate

    // Organisation
    var heads: [String: String] = [:]
    var deputies: [String] = []
    var directorGeneral: String?
    /// Team leaders per unit (id, rank), for realistic supervisor chains below the unit head.
    var leads: [String: [(id: String, rank: Int)]] = [:]
    var topHeadCount = 0

    // Indexes
    let unitsByField: [String: [Unit]]
    let unitsForLine: [String: [Unit]]
    let regionalUnits: [Unit]
    let lineWeights: [Int]
    let managementField: String?
    let executiveLadder: [Level]
    /// The engine's own gap analysis: a candidate is kept only when it agrees they are ready now
    /// (or short by exactly what the roster promises).
    let analyzer: GapAnalyzer

    init(catalog: Catalog, seed: UInt64) {
        self.catalog = catalog
        self.seed = seed
        rng = SplitMix64(seed: seed)
        var byField: [String: [Unit]] = [:]
        for unit in catalog.units { for f in unit.workFields { byField[f, default: []].append(unit) } }
        unitsByField = byField
        var forLine: [String: [Unit]] = [:]
        for line in catalog.jobLines {
            let fields = Set(line.workFields)
            let fit = catalog.units.filter { !fields.isDisjoint(with: $0.workFields) }
            forLine[line.id] = fit.isEmpty ? catalog.units : fit
        }
        unitsForLine = forLine
        regionalUnits = catalog.units.filter(\.regional)
        // Public-relations work is the department's core: those lines are staffed more heavily.
        lineWeights = catalog.jobLines.map { line in
            line.workFields.contains(where: { ["news", "pr-campaigns", "radio", "television"].contains($0) }) ? 3 : 1
        }
        managementField = catalog.workFieldsByID["management"] != nil ? "management" : nil
        executiveLadder = catalog.positionTypes.filter { $0.id == "managerial" || $0.id == "executive" }
            .flatMap(\.levels)
        analyzer = GapAnalyzer(catalog: catalog)
    }

    // MARK: structure

    func post(heading unit: Unit) -> DirectorPost? {
        if let post = catalog.directorPosts.first(where: { $0.unit == unit.id }) { return post }
        // One framework for the eight regional bureaus, one for the provincial offices.
        return catalog.directorPosts.first { post in
            guard let home = catalog.unitsByID[post.unit] else { return false }
            return home.regional && unit.regional && home.kind == unit.kind
        }
    }

    func structuralSlots() -> [RosterSlot] {
        var slots: [RosterSlot] = [.directorGeneral, .deputy, .deputy, .deputy]
        // Units, parents before children.
        var ordered: [Unit] = catalog.units.filter { $0.parent == nil || catalog.unitsByID[$0.parent ?? ""] == nil }
        var placed = Set(ordered.map(\.id))
        var frontier = ordered
        while !frontier.isEmpty {
            let children = catalog.units.filter { unit in
                guard let parent = unit.parent else { return false }
                return !placed.contains(unit.id) && frontier.contains { $0.id == parent }
            }
            ordered += children
            placed.formUnion(children.map(\.id))
            frontier = children
        }
        slots += ordered.map { .unitHead($0, post(heading: $0)) }
        for (i, post) in catalog.directorPosts.enumerated() {
            slots.append(.candidate(post, ready: true, variant: i))
            slots.append(.candidate(post, ready: false, variant: i))
        }
        for line in catalog.jobLines {
            for level in line.levels { slots.append(.cover(line, level: level.level)) }
        }
        return slots
    }

    // MARK: people

    mutating func make(_ slot: RosterSlot, number: Int) -> PersonRecord {
        rng = Self.stream(seed: seed, number: number)
        let id = RosterBuilder.personID(number)
        let fallbackBoss = deputies.isEmpty ? directorGeneral : deputies[number % deputies.count]
        switch slot {
        case .directorGeneral:
            directorGeneral = id
            let line = defaultLine()
            let unit = catalog.unitsByID["secretary-office"] ?? catalog.units.first
            return person(id, line: line, level: topLevel(executiveRank: 2) ?? line.levels.last?.level ?? "K1",
                          unit: unit, supervisor: nil, profile: .top)
        case .deputy:
            deputies.append(id)
            let line = defaultLine()
            let unit = catalog.unitsByID["secretary-office"] ?? catalog.units.first
            return person(id, line: line, level: topLevel(executiveRank: 1) ?? line.levels.last?.level ?? "K1",
                          unit: unit, supervisor: directorGeneral, profile: .top)
        case .unitHead(let unit, let post):
            let parentHead = unit.parent.flatMap { heads[$0] }
            let supervisor: String?
            if let parentHead { supervisor = parentHead } else {
                supervisor = deputies.isEmpty ? directorGeneral : deputies[topHeadCount % deputies.count]
                topHeadCount += 1
            }
            heads[unit.id] = id
            let line: JobLine
            let level: String
            if let post {
                let eligible = post.eligibility.compactMap { catalog.jobLinesByID[$0.line] }
                line = eligible.isEmpty ? lineFor(unit) : rng.pick(eligible)
                level = post.level
            } else {
                line = lineFor(unit)
                // A group head sits one or two levels below the top of the line.
                let levels = line.levels.map(\.level)
                level = levels[max(0, levels.count - 1 - rng.int(0...1))]
            }
            return person(id, line: line, level: level, unit: unit, supervisor: supervisor ?? fallbackBoss, profile: .head(post))
        case .candidate(let post, let ready, let variant):
            let eligible = post.eligibility.compactMap { e in catalog.jobLinesByID[e.line].map { (line: $0, levels: e.levels) } }
            guard let choice = eligible.isEmpty ? nil : eligible[variant % eligible.count] else {
                return make(.staff, number: number)
            }
            let level = candidateLevel(post, levels: choice.levels, line: choice.line, ready: ready)
            let home = catalog.unitsByID[post.unit]
            let children = catalog.units.filter { $0.parent == post.unit }
            let unit = (children.isEmpty || rng.chance(0.3)) ? home : rng.pick(children)
            // A group's head supervises a line-level candidate; the post's director a managerial one.
            let managerial = rank(level) >= 10
            let boss = (managerial ? nil : unit.flatMap { heads[$0.id] }) ?? home.flatMap { heads[$0.id] } ?? fallbackBoss
            let profile: Profile = ready ? .ready(post) : .soon(post, variant: variant)
            // Drawn again (deterministically) until the engine agrees with what the roster promises.
            var record = person(id, line: choice.line, level: level, unit: unit, supervisor: boss, profile: profile)
            var attempts = 1
            while attempts < Self.candidateAttempts, !meetsPromise(record, profile: profile) {
                record = person(id, line: choice.line, level: level, unit: unit, supervisor: boss, profile: profile)
                attempts += 1
            }
            return record
        case .cover(let line, let level):
            let unit = unitFor(line)
            return person(id, line: line, level: level, unit: unit, supervisor: supervisor(in: unit, rank: rank(level)),
                          profile: .staff)
        case .staff:
            let line = catalog.jobLines[rng.weighted(lineWeights)]
            let levels = line.levels.map(\.level)
            // Most people are at the lower levels.
            let weights = [35, 30, 22, 10, 3].prefix(levels.count)
            let level = levels[rng.weighted(Array(weights))]
            let unit = unitFor(line)
            return person(id, line: line, level: level, unit: unit, supervisor: supervisor(in: unit, rank: rank(level)),
                          profile: .staff)
        }
    }

    /// Every person draws from their own stream, derived from the seed and their number: a change
    /// to how one kind of person is made (a director post's requirements, a line's competencies)
    /// leaves everyone else in the roster as they were.
    static func stream(seed: UInt64, number: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(number) &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }

    static func personID(_ n: Int) -> String {
        let digits = String(n)
        return "P" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// How often a candidate is drawn again when the engine does not see them as promised.
    static let candidateAttempts = 8

    /// What the one a little short for a post lacks besides time in level, by the post's place in
    /// the catalog: experience, a competency, a course in turn.
    static func shortfall(variant: Int) -> GapKind { [GapKind.experience, .competency, .training][variant % 3] }

    /// Whether the engine sees `record` as the roster promises on the reference date: ready now (no
    /// gap at all), or a little short (a time-in-level gap and exactly one gap of the variant's kind).
    func meetsPromise(_ record: PersonRecord, profile: Profile) -> Bool {
        switch profile {
        case .ready(let post):
            return analyzer.analyze(record, target: .directorPost(post.id), on: today, suggestions: false).gaps.isEmpty
        case .soon(let post, let variant):
            let kinds = analyzer.analyze(record, target: .directorPost(post.id), on: today, suggestions: false).gaps.map(\.kind)
            return kinds.count == 2 && kinds.contains(.timeInLevel) && kinds.contains(Self.shortfall(variant: variant))
        case .top, .head, .staff:
            return true
        }
    }

    /// The level a candidate holds: the highest eligible level from which the post's promotion rule
    /// counts time (K3 or O3 for an M1 post, M1 for an M2 one) for the one ready now, the lowest for
    /// the one a little short.
    func candidateLevel(_ post: DirectorPost, levels: [String], line: JobLine, ready: Bool) -> String {
        let valid = levels.filter { line.level($0) != nil || catalog.levelsByID[$0] != nil }
        let alternatives = catalog.rulesByLevel[post.level]?.alternatives ?? []
        let counted = Set(alternatives.filter { $0.months > 0 && $0.approvedEquivalenceMonths == 0 }.flatMap(\.levels))
        let usable = valid.filter { counted.contains($0) }
        let pool = usable.isEmpty ? valid : usable
        return (ready ? pool.last : pool.first) ?? "K3"
    }

    /// The lowest education a post admits, as the engine reads it: the post's standard's, raised
    /// by the promotion rule when every alternative names one.
    func minimumEducation(for post: DirectorPost) -> String? {
        func rank(_ e: String?) -> Int { e.flatMap { catalog.educationsByID[$0]?.rank } ?? -1 }
        var floor = catalog.standardsByID[post.standard]?.minEducation
        if let alternatives = catalog.rulesByLevel[post.level]?.alternatives, !alternatives.isEmpty,
           alternatives.allSatisfy({ $0.minEducation != nil }),
           let lowest = alternatives.compactMap(\.minEducation).min(by: { rank($0) < rank($1) }), rank(lowest) > rank(floor) {
            floor = lowest
        }
        return floor
    }

    /// The courses a post asks for: its own, then those its level's promotion rule adds.
    func requiredCourses(for post: DirectorPost) -> [String] {
        var courses = post.courses
        for condition in catalog.rulesByLevel[post.level]?.conditions ?? [] {
            if case .course(let c) = condition, !courses.contains(c) { courses.append(c) }
        }
        return courses
    }

    /// The competency levels a post asks for: its own, raised to its level's expected level.
    func requiredCompetencies(for post: DirectorPost) -> [String: Int] {
        let floor = min(5, catalog.levelsByID[post.level]?.expectedCompetency ?? 0)
        var out: [String: Int] = [:]
        for r in post.competencies { out[r.competency] = min(5, max(out[r.competency] ?? 0, r.level, floor)) }
        return out.filter { $0.value > 0 }
    }

    func defaultLine() -> JobLine {
        catalog.jobLinesByID["public-relations-officer"] ?? catalog.jobLines[0]
    }

    func topLevel(executiveRank: Int) -> String? {
        catalog.positionTypes.first { $0.id == "executive" }?.levels.first { $0.rank == executiveRank }?.id
    }

    func rank(_ level: String) -> Int {
        guard let l = catalog.levelsByID[level] else { return 1 }
        // Managerial above every line level, executive above managerial.
        switch l.type {
        case "managerial": return 10 + l.rank
        case "executive": return 20 + l.rank
        default: return l.rank
        }
    }

    mutating func lineFor(_ unit: Unit) -> JobLine {
        let fit = catalog.jobLines.filter { !Set($0.workFields).isDisjoint(with: unit.workFields) }
        return fit.isEmpty ? defaultLine() : rng.pick(fit)
    }

    mutating func unitFor(_ line: JobLine) -> Unit? {
        let fit = unitsForLine[line.id] ?? catalog.units
        let regionalFit = fit.filter(\.regional)
        if !regionalFit.isEmpty, rng.chance(0.3) { return rng.pick(regionalFit) }
        return fit.isEmpty ? nil : rng.pick(fit)
    }

    /// A team leader above `rank` in the unit, else its head, else up the unit tree.
    mutating func supervisor(in unit: Unit?, rank: Int) -> String? {
        guard let unit else { return directorGeneral }
        let above = (leads[unit.id] ?? []).filter { $0.rank > rank }
        if !above.isEmpty, rng.chance(0.7) { return rng.pick(above).id }
        var current: Unit? = unit
        while let u = current {
            if let head = heads[u.id] { return head }
            current = u.parent.flatMap { catalog.unitsByID[$0] }
        }
        return deputies.first ?? directorGeneral
    }

    enum Profile {
        case top
        case head(DirectorPost?)
        case ready(DirectorPost)
        case soon(DirectorPost, variant: Int)
        case staff

        var post: DirectorPost? {
            switch self {
            case .head(let p): return p
            case .ready(let p), .soon(let p, _): return p
            case .top, .staff: return nil
            }
        }
    }

    mutating func person(_ id: String, line: JobLine, level: String, unit: Unit?, supervisor: String?,
                         profile: Profile) -> PersonRecord {
        let unitID = unit?.id ?? catalog.units.first?.id ?? ""
        let education = educationFor(line: line, level: level, profile: profile)
        let (names, nameEN) = name()
        let path = levelPath(line: line, to: level)

        // Time at the current level.
        let next = catalog.nextLevel(after: level)?.id
        let required: Int
        switch profile {
        case .ready(let post), .soon(let post, _): required = requiredMonths(from: level, to: post.level, education: education)
        default: required = next.map { requiredMonths(from: level, to: $0, education: education) } ?? 36
        }
        let monthsAtLevel: Int
        switch profile {
        case .top: monthsAtLevel = rng.int(12...48)
        case .head: monthsAtLevel = rng.int(12...72)
        case .ready: monthsAtLevel = required + rng.int(6...30)
        case .soon: monthsAtLevel = max(1, required - rng.int(4...18))
        case .staff: monthsAtLevel = rng.int(2...(required * 3 / 2 + 12))
        }
        let levelSince = today.adding(months: -monthsAtLevel)

        // Earlier levels, walking back from the current one.
        var history: [LevelPeriod] = []
        var end = levelSince.adding(days: -1)
        var start = levelSince
        let switchedLine = rng.chance(0.12)
        for (i, earlier) in path.dropLast().enumerated().reversed() {
            let months = requiredMonths(from: earlier, to: path[i + 1], education: education) + rng.int(0...24)
            start = end.adding(days: 1).adding(months: -months)
            var historyLine = line.id
            if switchedLine, i == 0, let related = relatedLine(line, having: earlier) { historyLine = related }
            history.insert(LevelPeriod(jobLine: historyLine, level: earlier, start: start, end: end), at: 0)
            end = start.adding(days: -1)
        }
        var serviceStart = path.count > 1 ? start : levelSince.adding(months: -rng.int(0...6))
        if path.count == 1 { serviceStart = levelSince }

        // Postings.
        var assignments: [Assignment] = []
        switch profile {
        case .ready(let post), .soon(let post, _):
            var shortExperience = false
            if case .soon(_, let variant) = profile { shortExperience = variant % 3 == 0 }
            let plan = requirementSegments(post, short: shortExperience)
            var segments = plan.segments
            // Heading a group now: the framework's management months, ongoing.
            if let unit {
                segments.append((unit: unit, field: managementField, months: post.managementMonths + rng.int(3...9)))
                // "3 ต่าง": the M1 rule asks it of every M1 post and frameworks of others; every candidate has it.
                ensureDiversity(&segments, current: unit, currentField: managementField ?? unit.workFields.first,
                                line: line, history: history, avoiding: plan.avoid)
            }
            // Keep the whole career long enough to hold the framework's postings.
            let needed = segments.reduce(0) { $0 + $1.months } + 12
            let earliest = today.adding(months: -needed)
            if serviceStart > earliest {
                serviceStart = earliest
                if !history.isEmpty {
                    let first = history[0]
                    history[0] = LevelPeriod(jobLine: first.jobLine, level: first.level, start: earliest, end: first.end)
                }
            }
            assignments = layOut(segments, from: serviceStart, line: line, avoiding: plan.avoid)
        case .head(let post):
            let since = post != nil ? levelSince : max(serviceStart, today.adding(months: -rng.int(12...60)))
            assignments = career(line: line, from: serviceStart, until: since.adding(days: -1), current: nil)
            assignments.append(Assignment(unit: unitID, field: managementField, role: .regular, start: since, end: nil))
        default:
            assignments = career(line: line, from: serviceStart, until: nil, current: unit)
        }
        // Acting posts and task forces add experience: not for someone meant to be short of it.
        if case .soon = profile {} else {
            addExtras(&assignments, line: line, serviceStart: serviceStart, rank: rank(level), unit: unit)
        }

        // Competencies.
        let assessments = assess(line: line, level: level, profile: profile, serviceStart: serviceStart)
        let trainings = train(level: level, profile: profile, serviceStart: serviceStart)

        let rankHere = rank(level)
        if case .staff = profile, rankHere >= 3, let unit {
            var list = leads[unit.id, default: []]
            if list.count < 40 { list.append((id, rankHere)); leads[unit.id] = list }
        }
        let person = Person(id: id, nameTH: names, nameEN: nameEN, unit: unitID, jobLine: line.id, level: level,
                            levelSince: levelSince, serviceStart: serviceStart, education: education,
                            supervisorID: supervisor)
        return PersonRecord(person: person, assignments: assignments, assessments: assessments,
                            trainings: trainings, levelHistory: history)
    }

    // MARK: ladder

    /// The levels a person passed through to reach `level` on `line` (managerial and executive
    /// levels come after the line's K3 / O3).
    func levelPath(line: JobLine, to level: String) -> [String] {
        let own = line.levels.map(\.level)
        if let i = own.firstIndex(of: level) { return Array(own[...i]) }
        let base: [String]
        if let k3 = own.firstIndex(of: "K3") { base = Array(own[...k3]) } else if let o3 = own.firstIndex(of: "O3") { base = Array(own[...o3]) } else { base = own }
        let top = executiveLadder.map(\.id)
        guard let j = top.firstIndex(of: level) else { return base + [level] }
        return base + top[...j]
    }

    /// Months the promotion rules ask at `from` before `to`, for this education (36 when no rule says).
    func requiredMonths(from: String, to: String, education: String) -> Int {
        guard let rule = catalog.rulesByLevel[to] else { return 36 }
        let rank = catalog.educationsByID[education]?.rank ?? 0
        let fits = rule.alternatives.filter { alt in
            alt.levels.contains(from) && (alt.minEducation.map { (catalog.educationsByID[$0]?.rank ?? 0) <= rank } ?? true)
        }
        guard let best = fits.map(\.months).min() else { return 36 }
        return best == 0 ? 24 : best
    }

    func relatedLine(_ line: JobLine, having level: String) -> String? {
        line.relatedLines.compactMap { catalog.jobLinesByID[$0.line] }.first { $0.type == line.type && $0.level(level) != nil }?.id
    }

    mutating func educationFor(line: JobLine, level: String, profile: Profile) -> String {
        let senior = rank(level) >= 10
        var choices: [(String, Int)]
        if line.type == "general" && !senior {
            choices = [("vocational-certificate", 20), ("technical-certificate", 15), ("high-vocational-diploma", 40), ("bachelor", 25)]
        } else if senior || profile.post != nil {
            choices = [("bachelor", 35), ("master", 60), ("doctorate", 5)]
        } else {
            choices = [("bachelor", 62), ("master", 32), ("doctorate", 6)]
        }
        choices = choices.filter { catalog.educationsByID[$0.0] != nil }
        // Someone on the way to a post (or heading one) has at least the education the post admits.
        if let post = profile.post, let floor = minimumEducation(for: post), let least = catalog.educationsByID[floor]?.rank {
            choices = choices.filter { (catalog.educationsByID[$0.0]?.rank ?? 0) >= least }
            if choices.isEmpty { return floor }
        }
        guard !choices.isEmpty else { return catalog.educations.first?.id ?? "bachelor" }
        return choices[rng.weighted(choices.map(\.1))].0
    }

    // MARK: postings

    typealias Segment = (unit: Unit, field: String?, months: Int)

    /// Postings a framework asks for, each a little longer than required; with `short`, the longest
    /// single-field posting (else a group's) is cut by 14–20 months, and `avoid` names the fields no
    /// other posting may add to, so that the shortfall stays.
    mutating func requirementSegments(_ post: DirectorPost, short: Bool) -> (segments: [Segment], avoid: Set<String>) {
        var segments: [Segment] = []
        var single: [Int] = []
        var grouped: [(index: Int, fields: [String])] = []
        if post.regionalMonths > 0, !regionalUnits.isEmpty {
            let unit = rng.pick(regionalUnits)
            segments.append((unit, unit.workFields.first, post.regionalMonths + rng.int(2...8)))
        }
        for requirement in post.experience {
            switch requirement {
            case .field(let field, let months):
                single.append(segments.count)
                segments.append((unitWith(field), field, months + rng.int(2...8)))
            case .group(_, _, let atLeast, let fields, let months):
                var pool = fields
                for _ in 0..<min(atLeast, pool.count) {
                    let field = pool.remove(at: rng.int(0...(pool.count - 1)))
                    grouped.append((segments.count, fields))
                    segments.append((unitWith(field), field, months + rng.int(2...8)))
                }
            }
        }
        guard short else { return (segments, []) }
        func longest(_ indices: [Int]) -> Int? {
            indices.max { segments[$0].months != segments[$1].months ? segments[$0].months < segments[$1].months : $0 > $1 }
        }
        if let i = longest(single), let field = segments[i].field {
            segments[i].months = max(1, segments[i].months - rng.int(14...20))
            return (segments, [field])
        }
        if let i = longest(grouped.map(\.index)), let fields = grouped.first(where: { $0.index == i })?.fields {
            segments[i].months = max(1, segments[i].months - rng.int(14...20))
            return (segments, Set(fields))
        }
        return (segments, [])
    }

    /// "3 ต่าง" as the catalog defines it (how many differences, the minimum months of a posting):
    /// when the framework's postings, the current post and the earlier levels do not already give
    /// enough, an earlier posting in another unit in another location (and work field) is added.
    mutating func ensureDiversity(_ segments: inout [Segment], current: Unit, currentField: String?, line: JobLine,
                                  history: [LevelPeriod], avoiding: Set<String>) {
        let rule = catalog.diverseExperience
        let minimum = max(0, rule.minimumMonths)
        func elsewhere(_ u: Unit) -> Bool {
            u.regional != current.regional || (!u.province.isEmpty && !current.province.isEmpty && u.province != current.province)
        }
        var unit = false, location = false, field = false
        for s in segments where s.months >= minimum {
            if s.unit.id != current.id { unit = true }
            if elsewhere(s.unit) { location = true }
            if let f = s.field ?? s.unit.workFields.first, f != currentField { field = true }
        }
        let otherLine = history.contains { p in
            p.jobLine != line.id && p.start.wholeMonths(until: (p.end ?? today).adding(days: 1)) >= minimum
        }
        guard [unit, location, field, otherLine].filter({ $0 }).count < rule.required else { return }
        let away = catalog.units.filter { $0.id != current.id && elsewhere($0) }
        guard !away.isEmpty else { return }
        let fitting = away.filter { !Set($0.workFields).isDisjoint(with: line.workFields) }
        let there = rng.pick(fitting.isEmpty ? away : fitting)
        let work = there.workFields.first { !avoiding.contains($0) && $0 != currentField }
        segments.insert((there, work, minimum + rng.int(2...8)), at: 0)
    }

    mutating func unitWith(_ field: String) -> Unit {
        if let fit = unitsByField[field], !fit.isEmpty { return rng.pick(fit) }
        return rng.pick(catalog.units)
    }

    /// Consecutive postings from `start`; the last one ongoing.
    func layOut(_ segments: [Segment], from start: CivilDate, line: JobLine, avoiding: Set<String> = []) -> [Assignment] {
        var result: [Assignment] = []
        let total = segments.reduce(0) { $0 + $1.months }
        var at = today.adding(months: -total)
        if at > start, let first = segments.first {
            // The early career before the framework's postings (not in a field that must stay short).
            let open = catalog.units.filter { !avoiding.contains($0.workFields.first ?? "") }
            let home = open.first { !Set(line.workFields).isDisjoint(with: $0.workFields) } ?? open.first
                ?? catalog.units.first { !Set(line.workFields).isDisjoint(with: $0.workFields) } ?? first.unit
            result.append(Assignment(unit: home.id, field: nil, role: .regular, start: start, end: at.adding(days: -1)))
        } else {
            at = start
        }
        for (i, segment) in segments.enumerated() {
            let last = i == segments.count - 1
            let end = last ? nil : at.adding(months: segment.months).adding(days: -1)
            result.append(Assignment(unit: segment.unit.id, field: segment.field, role: i == 0 ? .regular : .rotation,
                                     start: at, end: end))
            if let end { at = end.adding(days: 1) }
        }
        return result
    }

    /// A plain career: one to five postings in units that fit the line, the last ongoing in `current`.
    mutating func career(line: JobLine, from start: CivilDate, until: CivilDate?, current: Unit?) -> [Assignment] {
        let endDay = until ?? today
        guard endDay >= start else { return [] }
        let months = max(1, start.wholeMonths(until: endDay))
        let count = max(1, min(5, months / 72 + rng.int(0...1)))
        var cuts: [Int] = []
        for _ in 1..<count { cuts.append(rng.int(6...max(6, months - 6))) }
        cuts = Array(Set(cuts)).sorted().filter { $0 < months }
        var result: [Assignment] = []
        var at = start
        for i in 0...cuts.count {
            let last = i == cuts.count
            let unit: Unit? = last && until == nil ? current : unitFor(line)
            guard let unit else { continue }
            let end: CivilDate? = last ? until : start.adding(months: cuts[i]).adding(days: -1)
            if let end, end < at { continue }
            let role: AssignmentRole = i == 0 || last ? .regular : (rng.chance(0.25) ? .rotation : (rng.chance(0.05) ? .secondment : .regular))
            result.append(Assignment(unit: unit.id, field: fieldFor(unit, line: line), role: role, start: at, end: end))
            if let end { at = end.adding(days: 1) }
        }
        return result
    }

    mutating func fieldFor(_ unit: Unit, line: JobLine) -> String? {
        guard rng.chance(0.65) else { return nil }   // empty: the unit's first field
        return unit.workFields.first { line.workFields.contains($0) } ?? unit.workFields.first
    }

    /// Acting posts and task forces, overlapping the regular postings.
    mutating func addExtras(_ assignments: inout [Assignment], line: JobLine, serviceStart: CivilDate, rank: Int, unit: Unit?) {
        let span = serviceStart.wholeMonths(until: today)
        guard span > 24 else { return }
        if let unit, rng.chance(rank >= 3 ? 0.4 : 0.12) {
            let length = rng.int(3...12)
            let start = today.adding(months: -rng.int(length + 1...min(span, 60 + length)))
            assignments.append(Assignment(unit: unit.id, field: nil, role: .acting, start: start,
                                          end: start.adding(months: length).adding(days: -1)))
        }
        if rng.chance(0.2) {
            let other = unitFor(line) ?? unit
            if let other {
                let length = rng.int(3...9)
                let start = today.adding(months: -rng.int(length + 1...min(span, 48 + length)))
                assignments.append(Assignment(unit: other.id, field: other.workFields.first, role: .taskForce, start: start,
                                              end: start.adding(months: length).adding(days: -1)))
            }
        }
    }

    // MARK: competencies and courses

    mutating func assess(line: JobLine, level: String, profile: Profile, serviceStart: CivilDate) -> [Assessment] {
        var required: [String: Int] = [:]
        for r in line.level(level)?.competencies ?? line.levels.last?.competencies ?? [] { required[r.competency] = r.level }
        let forPost = profile.post.map(requiredCompetencies(for:)) ?? [:]
        for (c, level) in forPost { required[c] = max(required[c] ?? 0, level) }
        if required.isEmpty {
            let expected = catalog.levelsByID[level]?.expectedCompetency ?? 1
            for c in catalog.dictionaries.first?.competencies ?? [] { required[c.id] = expected }
        }
        let keys = required.keys.filter { catalog.competenciesByID[$0] != nil }.sorted()
        var weakOne: String?
        if case .soon(_, let variant) = profile, Self.shortfall(variant: variant) == .competency {
            weakOne = keys.first { forPost[$0] != nil }
        }
        var result: [Assessment] = []
        for key in keys {
            let need = required[key] ?? 1
            let shown: Int
            switch profile {
            case .ready: shown = need + rng.int(0...1)
            case .soon: shown = key == weakOne ? (forPost[key] ?? need) - 1 : need
            case .top, .head: shown = need + rng.int(-1...1)
            case .staff:
                if rng.chance(0.12) { continue }   // not yet assessed
                shown = need + rng.int(-2...1)
            }
            let level = min(5, max(0, shown))
            let on = max(serviceStart, today.adding(months: -rng.int(1...20)))
            if rng.chance(0.6) {
                result.append(Assessment(competency: key, level: min(5, level + rng.int(0...1)),
                                         assessedOn: max(serviceStart, on.adding(days: -30)), assessor: .self))
            }
            result.append(Assessment(competency: key, level: level, assessedOn: on,
                                     assessor: rng.chance(0.1) ? .panel : .supervisor))
        }
        return result
    }

    mutating func train(level: String, profile: Profile, serviceStart: CivilDate) -> [CompletedTraining] {
        var courses: [String] = []
        let r = rank(level)
        switch r {
        case 3: if rng.chance(0.15) { courses = ["primary-executive"] }
        case 4, 5: if rng.chance(0.5) { courses = ["primary-executive"] }
        case 11: courses = rng.chance(0.85) ? ["primary-executive"] : []; if rng.chance(0.25) { courses.append("middle-executive") }
        case 12: courses = ["primary-executive"]; if rng.chance(0.85) { courses.append("middle-executive") }; if rng.chance(0.2) { courses.append("himm") }
        case 20...: courses = ["primary-executive", "middle-executive", "nbs1"]; if rng.chance(0.5) { courses.append("nbs2") }; if rng.chance(0.3) { courses.append("por-yor-por") }
        default: break
        }
        if let post = profile.post {
            let required = requiredCourses(for: post)
            var wanted = required
            for c in required { wanted = (catalog.coursesByID[c]?.prerequisites ?? []) + wanted }
            var missing: String?
            if case .soon(_, let variant) = profile, Self.shortfall(variant: variant) == .training { missing = required.last }
            if case .head = profile { wanted = [] }
            for c in wanted where c != missing && !courses.contains(c) { courses.append(c) }
            if let missing { courses.removeAll { $0 == missing } }
        }
        let span = max(1, serviceStart.wholeMonths(until: today))
        return courses.filter { catalog.coursesByID[$0] != nil }.enumerated().map { i, course in
            let back = min(span, max(1, rng.int(6...96) - i * 12))
            return CompletedTraining(course: course, completedOn: today.adding(months: -back))
        }.sorted { $0.completedOn < $1.completedOn }
    }

    // MARK: names

    static let syllables: [(th: String, en: String)] = [
        ("สม", "som"), ("ชัย", "chai"), ("ศักดิ์", "sak"), ("วร", "wora"), ("พร", "phon"), ("กิตติ", "kitti"),
        ("ธนา", "thana"), ("นันท์", "nan"), ("ศรี", "si"), ("ประ", "pra"), ("วิไล", "wilai"), ("รัตน์", "rat"),
        ("อรุณ", "arun"), ("มณี", "manee"), ("ทอง", "thong"), ("แก้ว", "kaeo"), ("สุข", "suk"), ("ใจ", "jai"),
        ("บุญ", "bun"), ("ปิ่น", "pin"), ("ดาว", "dao"), ("ฟ้า", "fa"), ("น้ำ", "nam"), ("เพชร", "phet"),
        ("จันทร์", "chan"), ("ภู", "phu"), ("ลม", "lom"), ("ทิพย์", "thip"), ("อร", "on"), ("ชล", "chon"),
    ]
    static let endings: [(th: String, en: String)] = [
        ("วงศ์", "wong"), ("สกุล", "sakun"), ("กุล", "kun"), ("พันธ์", "phan"), ("ศิริ", "siri"),
    ]

    /// "ทองใจ กิตติสมมุติวงศ์" / "Thongjai Kittisommutwong".
    mutating func name() -> (String, String) {
        let first = rng.int(0...(Self.syllables.count - 1))
        // A different second syllable: "ชลชล" reads like a stutter, not a name.
        let second = (first + rng.int(1...(Self.syllables.count - 1))) % Self.syllables.count
        let a = Self.syllables[first], b = Self.syllables[second]
        let c = rng.pick(Self.syllables), e = rng.pick(Self.endings)
        let th = a.th + b.th + " " + c.th + "สมมุติ" + e.th
        func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
        let en = capitalized(a.en + b.en) + " " + capitalized(c.en + "sommut" + e.en)
        return (th, en)
    }
}
