import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// `careerpath succession --post ID` / `--risks`: who could take over each director post, and
/// which posts have no one ready within 2 years.
struct SuccessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "succession",
        abstract: "Candidates for a director post, ranked; or the posts that are succession risks.",
        discussion: """
            Bands: ready now (eligible today), within 2 years (eligible within 24 months following the suggested \
            plan), later. Within a band: smaller competency shortfall first, then more months of experience above \
            the framework, then id.
            Needs the hr role or a supervisor (`--as ID`; a supervisor's pool is their own chain); without `--as` \
            the command runs as the system operator.
            Examples:
              careerpath succession --post dir-news-bureau --limit 10 --lang en
              careerpath succession --risks --json
            """)

    @Option(help: "A director post id (dir-news-bureau); `careerpath catalog directors` lists them.")
    var post: String?

    @Flag(help: "List the director posts with no candidate ready within 2 years.")
    var risks = false

    @Option(help: "Show the first N candidates (0: all).")
    var limit = 20

    @Flag(help: "Print JSON (ISO dates) instead of a table.")
    var json = false

    @Option(help: "Language of the text output: th or en.")
    var lang: Language = .th

    @Option(help: "Evaluation date (YYYY-MM-DD or DD/MM/YYYY B.E.; default today).")
    var on: String?

    @Option(name: .customLong("as"), help: "Act as this person (hr role, or a supervisor who sees their chain).")
    var actingID: String?

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if risks == (post != nil) { throw ValidationError(CommandError.text(.postOrRisks)) }
        if limit < 0 { throw ValidationError(CommandError.text(.limitNegative)) }
    }

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let ranker = SuccessionRanker(catalog: catalog)
        // The post is checked before the store is touched: a typo should not cost a roster load.
        var post: DirectorPost?
        if let id = self.post {
            do { post = try ranker.post(id) } catch { throw failure(CommandError.unknownPost(error)) }
        }
        let date = try parseDate(on, option: "on")
        let store = try storeOptions.openStore(catalog: catalog, dataFolder: try dataOptions.dataFolder())
        let viewer = try SuccessionCommand.viewer(actingID, store: store)
        // Only the candidates' records (and the people above them) are loaded, within the viewer's reach.
        let pairs = post.map { CandidateFilter(post: $0, catalog: catalog).pairs }
            ?? CandidateFilter.pairs(of: catalog.directorPosts, catalog: catalog)
        let roster = try store.candidateRecords(pairs: pairs, viewer: viewer)
        let output = SuccessionOutput(catalog: catalog, language: lang)

        if let post {
            var pool = ranker.rank(roster, post: post, on: date)
            let shown = limit == 0 ? pool.candidates.count : min(limit, pool.candidates.count)
            pool = ranker.withPlanDates(pool, records: roster.records, supervisors: roster.supervisors, first: shown)
            try store.audit(actor: viewer, subject: nil, action: "view", screen: "succession",
                            detail: "\(post.id): \(shown) of \(pool.candidates.count) candidates shown")
            if json { try CommandJSON.print(output.json(pool, shown: shown)) } else { print(output.table(pool, shown: shown), terminator: "") }
        } else {
            let risks = ranker.risks(roster.records, on: date, supervisors: roster.supervisors)
            try store.audit(actor: viewer, subject: nil, action: "view", screen: "succession", detail: "risks")
            if json { try CommandJSON.print(output.risksJSON(risks, on: date)) } else { print(output.risksTable(risks, on: date), terminator: "") }
        }
    }

    /// Who the command acts as: the operator (no `--as`), or `--as ID` by the sign-in rule
    /// (`AccountService.viewer(for:)`). Only hr and supervisors may plan succession (exit 3 otherwise):
    /// a pool of one's own record is not succession planning.
    static func viewer(_ id: String?, store: SQLiteRecordStore) throws -> Viewer {
        guard let id else { return .system }
        switch try AccountService(store: store).viewer(for: id) {
        case nil:
            throw failure(CommandError.unknownPerson(id, option: "as", known: (try? store.people(unit: nil, viewer: .system).map(\.id)) ?? []))
        case .person?:
            throw failure(CommandError.prefix + CommandError.text(.successionNeedsRole, id), code: CommandExit.accessDenied)
        case let viewer?:
            return viewer
        }
    }
}

/// Text and JSON for succession pools.
struct SuccessionOutput {
    let catalog: Catalog
    let language: Language

    func date(_ d: CivilDate) -> String { DateText.format(d, language) }

    func gapText(_ c: SuccessionCandidate) -> String {
        guard !c.gaps.isEmpty else { return "0" }
        let words = Describe(catalog: catalog, language: language)
        return "\(c.gaps.count): " + c.gapKinds.map(words.kindTitle).joined(separator: ", ")
    }

    func eligibleText(_ c: SuccessionCandidate) -> String {
        if let d = c.eligibleOn { return date(d) }
        return c.planEvaluated ? SuccessionText.notByPlan.text(language) : "—"
    }

    func table(_ pool: SuccessionPool, shown: Int) -> String {
        let t = { (l: SuccessionText) in l.text(self.language) }
        var out = SuccessionText.summary.format(language, pool.post.name.text(language), date(pool.on),
                                        String(pool.count(.readyNow)), String(pool.count(.withinTwoYears)), String(pool.count(.later))) + "\n"
        if pool.isRisk { out += "! " + t(.riskFlag) + "\n" }
        guard !pool.candidates.isEmpty else { return out + t(.noCandidates) + "\n" }
        out += "\n"
        var rows = [[t(.rank), t(.bandHeading), t(.name), t(.jobLine),
                     t(.level), t(.unit), t(.gaps), t(.eligibleOn)]]
        let names = PeopleNames(pool.candidates.map(\.person), language)
        for c in pool.candidates.prefix(shown) {
            let level = c.onPromotion ? "\(c.person.level)→" : c.person.level
            rows.append([String(c.rank), t(.band(c.band)), names.name(c.person.id),
                         PersonText.jobLine(c.person.jobLine, catalog, language), level,
                         PersonText.unit(c.person.unit, catalog, language), gapText(c), eligibleText(c)])
        }
        out += ColumnText.rows(rows)
        if shown < pool.candidates.count {
            out += SuccessionText.showing.format(language, String(shown), String(pool.candidates.count)) + "\n"
        }
        if pool.candidates.prefix(shown).contains(where: \.onPromotion) {
            out += "→ " + t(.onPromotion) + "\n"
        }
        return out
    }

    /// `succession --post ID --json`.
    struct PoolJSON: Encodable {
        struct Candidate: Encodable {
            let rank: Int
            let band, person, name, jobLine, level, unit: String
            let onPromotion: Bool
            let gapCount: Int
            let gapKinds, gaps: [String]
            let competencyShortfall: Int
            let experienceMarginMonths: Double
            @OrNull var eligibleOn: String?
            @OrNull var eligibleOnIfNothingChanges: String?
        }
        let post, on, horizon: String
        let risk: Bool
        let counts: [String: Int]
        let total: Int
        let candidates: [Candidate]
    }

    /// `succession --risks --json`.
    struct RisksJSON: Encodable {
        struct Risk: Encodable {
            let post, name, level: String
            let candidates: Int
        }
        let on: String
        let posts: Int
        let risks: [Risk]
    }

    func json(_ pool: SuccessionPool, shown: Int) -> PoolJSON {
        let candidates = pool.candidates.prefix(shown).map { c in
            PoolJSON.Candidate(
                rank: c.rank, band: c.band.rawValue, person: c.person.id, name: c.person.name(language),
                jobLine: c.person.jobLine, level: c.person.level, unit: c.person.unit, onPromotion: c.onPromotion,
                gapCount: c.gaps.count, gapKinds: c.gapKinds.map(\.rawValue), gaps: c.gaps.map(\.id),
                competencyShortfall: c.competencyShortfall, experienceMarginMonths: EngineJSON.months(c.experienceMarginMonths),
                eligibleOn: c.eligibleOnWithPlan?.iso, eligibleOnIfNothingChanges: c.eligibleOnIfNothingChanges?.iso)
        }
        return PoolJSON(post: pool.post.id, on: pool.on.iso, horizon: pool.horizon.iso, risk: pool.isRisk,
                        counts: Dictionary(uniqueKeysWithValues: SuccessionBand.allCases.map { ($0.rawValue, pool.count($0)) }),
                        total: pool.candidates.count, candidates: Array(candidates))
    }

    func risksTable(_ risks: [SuccessionRisk], on: CivilDate) -> String {
        let t = { (l: SuccessionText) in l.text(self.language) }
        let risky = risks.filter(\.isRisk)
        guard !risky.isEmpty else { return t(.noRisks) + "\n" }
        let out = SuccessionText.risksSummary.format(language, String(risky.count), String(risks.count))
            + " — " + date(on) + "\n\n"
        var rows = [[t(.level), t(.candidates), t(.post)]]
        for risk in risky {
            rows.append([risk.post.level, String(risk.candidates), risk.post.name.text(language)])
        }
        return out + ColumnText.rows(rows)
    }

    func risksJSON(_ risks: [SuccessionRisk], on: CivilDate) -> RisksJSON {
        RisksJSON(on: on.iso, posts: risks.count, risks: risks.filter(\.isRisk).map { pool in
            RisksJSON.Risk(post: pool.post.id, name: pool.post.name.text(language), level: pool.post.level, candidates: pool.candidates)
        })
    }
}
