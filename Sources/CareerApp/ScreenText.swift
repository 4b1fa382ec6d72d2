import CareerCatalog
import CareerEngine
import TerminalUI

/// A `careerpath render` request that cannot be carried out, with what to do instead.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Screens as plain text, for `careerpath render --screen NAME [--person ID] [--target T] --size WxH [--lang th|en]`,
/// the snapshot tests and the docs. Pure: the CLI loads the catalog and the record, this draws.
///
///     let lines = try ScreenText.render(catalog: catalog, record: record, target: target,
///                                       screen: "gaps", size: ScreenText.parseSize("100x30")!, language: .en, today: today)
public enum ScreenText {
    /// The names `--screen` accepts.
    public static let screenNames = Screen.allCases.map(\.rawValue) + ["help", "search", "why"]

    /// Parses `WxH` (`80x24`, also `80×24`); nil when malformed or not positive.
    public static func parseSize(_ text: String) -> TerminalSize? {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0, w <= 1000, h <= 1000 else { return nil }
        return TerminalSize(width: w, height: h)
    }

    /// A state as the app would have it after opening `record` (and choosing `target`, and
    /// picking the engine's suggested plan when `adoptSuggestedPlan`).
    public static func state(catalog: Catalog, analyzer: GapAnalyzer? = nil, record: PersonRecord?,
                             context: OrganizationContext = .none, people: [Person] = [], target: Target? = nil,
                             adoptSuggestedPlan: Bool = false, size: TerminalSize, language: Language,
                             today: CivilDate) -> AppState {
        var state = AppState(catalog: catalog, analyzer: analyzer, today: today, language: language, size: size)
        _ = update(&state, .peopleListed(people.isEmpty ? record.map { [$0.person] } ?? [] : people))
        if let record {
            _ = update(&state, .personLoaded(record, context))
            if let target { _ = state.choose(target) }
            if adoptSuggestedPlan { _ = state.perform(.adoptSuggested) }
        }
        state.status = nil
        return state
    }

    /// The lines of one screen (or "help" / "search" over the Me screen, "why" over Gaps) at `size`.
    public static func lines(_ state: AppState, screen name: String) throws(RenderError) -> [String] {
        var state = state
        if let screen = Screen(rawValue: name) {
            state.screen = screen
        } else if name == "help" {
            state.screen = .me
            state.modal = .help(offset: 0)
        } else if name == "search" {
            state.screen = .me
            state.modal = .search(SearchState())
        } else if name == "why" {
            // The why view of the selected gap (the first one), over Gaps.
            state.screen = .gaps
            _ = state.perform(.why)
        } else {
            throw RenderError("unknown screen `\(name)`: use one of \(screenNames.joined(separator: ", "))")
        }
        state.keepSelectionsVisible()
        return AppView.render(state).lines()
    }

    /// Builds the state and renders one screen: what `careerpath render` prints.
    public static func render(catalog: Catalog, record: PersonRecord?, context: OrganizationContext = .none,
                              people: [Person] = [], target: Target? = nil, adoptSuggestedPlan: Bool = false,
                              screen: String, size: TerminalSize, language: Language, today: CivilDate) throws(RenderError) -> [String] {
        if record == nil, Screen(rawValue: screen)?.showsRecord ?? (screen == "why") {
            throw RenderError("screen `\(screen)` shows a person's record: add --person ID")
        }
        let state = state(catalog: catalog, record: record, context: context, people: people, target: target,
                          adoptSuggestedPlan: adoptSuggestedPlan, size: size, language: language, today: today)
        return try lines(state, screen: screen)
    }
}
