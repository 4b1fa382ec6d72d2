import CareerCatalog
@testable import CareerEngine
import Testing
import TerminalUI
@testable import CareerApp

/// The TUI's plan and the CLI's plan (`careerpath plan`, `PlanBuilder.plan`) are one engine: the
/// Plan screen's projection of the picks is the engine's schedule of them, and `a` (pick the
/// suggested plan) gives the suggested plan's steps and date exactly.
@Suite("one plan engine")
struct OnePlanEngineTests {
    static let builder = PlanBuilder(analyzer: AppFixture.analyzer)

    /// Every target the people of the fixture can reach next, and every director post.
    static func targets(_ record: PersonRecord) -> [Target] {
        let reachable = PathFinder(analyzer: AppFixture.analyzer).paths(record, on: AppFixture.today, withPlans: false).map(\.target)
        let posts = AppFixture.catalog.directorPosts.map { Target.directorPost($0.id) }
        var out: [Target] = []
        for t in reachable + posts where !out.contains(t) { out.append(t) }
        return out
    }

    @Test("pressing a on Plan gives the CLI's plan: same steps, same dates")
    func adoptingGivesTheCLIPlan() throws {
        for (record, context) in [(AppFixture.somchai, AppFixture.context), (AppFixture.kesinee, OrganizationContext.none)] {
            for target in Self.targets(record) {
                var state = AppFixture.state(.en)
                _ = update(&state, .personLoaded(record, context))
                _ = state.choose(target)
                AppFixture.press(&state, .char("8"))
                #expect(state.screen == .plan)
                AppFixture.press(&state, .char("a"))
                let session = try #require(state.session)
                let tui = try #require(session.projection)
                // Adopted picks are rows of the Plan screen (a gap with no suggestion is planned by its first method).
                for pick in session.picks {
                    let gap = try #require(tui.report.gaps.first { $0.id == pick.gapID })
                    #expect(gap.suggestions.isEmpty || gap.suggestions.contains(pick.suggestion),
                            "\(record.person.id) → \(target.id): adopted \(pick.suggestion) is not a row of the Plan screen")
                }
                let cli = Self.builder.plan(record, target: target, start: AppFixture.today, context: context)
                #expect(tui.steps == cli.steps, "\(record.person.id) → \(target.id)")
                #expect(tui.eligibleOn == cli.eligibleOn, "\(record.person.id) → \(target.id)")
                #expect(tui.eligibleOnIfNothingChanges == cli.eligibleOnIfNothingChanges)
            }
        }
    }

    /// Kesinee (regional work only) toward the PR Development Bureau, whose "channels" group asks 2 of
    /// news, radio, television and regional work: her regional work is one, so the posting for the group
    /// counts toward another. The old loop counted it toward regional work again (twice, 12 months each,
    /// into Regional Bureau 1) and the group never closed; each posting now serves its gap, and none repeats.
    @Test("a posting serves its gap: a group's field still short, never the same posting twice")
    func aPostingServesItsGap() throws {
        let plan = Self.builder.plan(AppFixture.kesinee, target: .directorPost("dir-pr-development"), start: AppFixture.today)
        let group = try #require(plan.report.gaps.first { gap in
            if case .experience(let e) = gap.requirement, case .group = e.subject { return true } else { return false }
        })
        let closing = plan.steps.filter { $0.closes.contains(group.id) }
        #expect(!closing.isEmpty)
        #expect(closing.allSatisfy { $0.field != nil && $0.field != "regional-operations" })
        for (record, context) in [(AppFixture.somchai, AppFixture.context), (AppFixture.kesinee, OrganizationContext.none)] {
            for target in Self.targets(record) {
                let postings = Self.builder.plan(record, target: target, start: AppFixture.today, context: context).steps
                    .filter { PlanBuilder.postingMethods.contains($0.method) && $0.field != nil }   // the loop's postings, not a competency's job redesign
                for (n, step) in postings.enumerated() {
                    #expect(!postings[..<n].contains { $0.place == step.place && $0.field == step.field }, "\(record.person.id) → \(target.id): \(step)")
                }
            }
        }
    }

    @Test("any picks: the Plan screen shows the engine's schedule of them")
    func picksAreScheduledByTheEngine() throws {
        var state = AppFixture.loaded(.en)
        _ = state.choose(.directorPost("dir-news-bureau"))
        AppFixture.press(&state, .char("8"))
        // Pick the first suggestion, then the next few rows, whatever they are.
        for _ in 0..<6 { AppFixture.press(&state, .char(" "), .down) }
        let session = try #require(state.session)
        #expect(!session.picks.isEmpty)
        let engine = Self.builder.plan(AppFixture.somchai, target: .directorPost("dir-news-bureau"), start: AppFixture.today,
                                       context: AppFixture.context,
                                       picks: session.picks.map { PlannedPick(gapID: $0.gapID, suggestion: $0.suggestion) })
        #expect(session.projection == engine)
    }

    @Test("supervisor badges are the engine's bands")
    func badgesAreTheEnginesBands() throws {
        let (state, _) = SupervisorTests.state(.en)
        let rows = try #require(state.supervisor?.rows)
        #expect(!rows.isEmpty)
        let ranker = SuccessionRanker(analyzer: AppFixture.analyzer)
        for row in rows {
            let target = try #require(row.nextLevel)
            let people = SupervisorTests.records.map(\.person) + [SupervisorTests.director]
            let context = OrganizationContext.chain(above: row.person) { id in people.first { $0.id == id } }
            #expect(row.nextLevelBand == ranker.band(row.record, target: target, on: AppFixture.today, context: context),
                    "\(row.person.id) → \(target.id)")
        }
    }
}
