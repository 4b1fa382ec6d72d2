import CareerCatalog
import TerminalUI

/// Where everything goes for a terminal size: shared by the views (to draw) and the update
/// function (to keep selections in view and to page by a screenful).
struct Layout {
    let size: TerminalSize
    /// Row 0: the title bar; row 1: the tabs; the body; the status line; the function-key bar.
    let title: Rect
    let tabs: Rect
    let body: Rect
    let status: Rect
    let bar: Rect

    init(size: TerminalSize) {
        self.size = size
        let rows = Rect(width: size.width, height: size.height)
            .rows([.fixed(1), .fixed(1), .rest, .fixed(1), .fixed(1)])
        title = rows[0]; tabs = rows[1]; body = rows[2]; status = rows[3]; bar = rows[4]
    }

    // MARK: People
    var peopleBox: Rect { body }
    var peopleFilter: Rect { body.inset(by: 1).row(0) }
    var peopleTable: Rect {
        let inner = body.inset(by: 1)
        return Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
    }
    var peopleRows: Int { TableView.bodyRows(in: peopleTable) }

    // MARK: Me
    /// The profile over the timeline: the timeline takes the rows its `timelineFields` work fields
    /// need (borders, the years and a legend take five; at most half the body), the profile the rest.
    func meParts(timelineFields: Int) -> [Rect] {
        let timeline = max(6, min(body.height / 2, timelineFields + 5))
        return body.rows([.fixed(max(0, body.height - timeline)), .rest])
    }

    // MARK: Paths
    var pathsColumns: [Rect] { body.columns([.ratio(3, 10), .rest]) }
    var pathsLines: Rect { pathsColumns[0] }
    var pathsRight: [Rect] { pathsColumns[1].rows([.fixed(max(3, body.height / 2)), .rest]) }
    var pathsLadder: Rect { pathsRight[0] }
    var pathsTargets: Rect { pathsRight[1] }
    var linesRows: Int { pathsLines.inset(by: 1).height }
    var ladderRows: Int { pathsLadder.inset(by: 1).height }
    var targetsRows: Int { TableView.bodyRows(in: pathsTargets.inset(by: 1)) }

    // MARK: Gaps and Plan (a two-line summary, then two panes)
    var summary: Rect { body.rows([.fixed(2), .rest])[0] }
    var panesBelowSummary: Rect { body.rows([.fixed(2), .rest])[1] }
    var gapsColumns: [Rect] { panesBelowSummary.columns([.ratio(11, 20), .rest]) }
    var gapListRows: Int { gapsColumns[0].inset(by: 1).height }
    /// The detail pane: explanation on top (half), "where" heading, then the suggestions.
    var gapDetailParts: (text: Rect, heading: Rect, list: Rect) {
        let inner = gapsColumns[1].inset(by: 1)
        let parts = inner.rows([.fixed(inner.height / 2), .fixed(1), .rest])
        return (parts[0], parts[1], parts[2])
    }
    var planColumns: [Rect] { panesBelowSummary.columns([.ratio(3, 5), .rest]) }
    var planRows: Int { planColumns[0].inset(by: 1).height }
    var planSummaryRows: Int { planColumns[1].inset(by: 1).height }

    // MARK: Catalog
    var catalogColumns: [Rect] { body.columns([.ratio(2, 5), .rest]) }
    var catalogRows: Int { catalogColumns[0].inset(by: 1).height }
    var catalogDetailRows: Int { catalogColumns[1].inset(by: 1).height }

    // MARK: Modals
    var helpFrame: Rect { body.centered(width: min(size.width - 4, 90), height: body.height) }
    var helpRows: Int { max(0, helpFrame.height - 2) }
    var searchFrame: Rect { body.centered(width: min(size.width - 4, 72), height: min(body.height, 18)) }
    /// Results below the query line and a hint line.
    var searchRows: Int { max(0, searchFrame.height - 4) }
}

// MARK: - Where a click lands (the mouse reads the same facts the views draw with)

/// One pane of a screen as the mouse sees it: its frame, and where its list rows are drawn
/// (nil: the pane scrolls text, it has no rows to pick).
struct PaneArea {
    let frame: Rect
    let rows: Rect?
}

extension Layout {
    /// Where the search modal lists its results (below the query and the hint line).
    var searchResults: Rect {
        let inner = searchFrame.inset(by: 1)
        return Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
    }

    /// The panes of `screen` in focus order (the order Tab visits them).
    /// `timelineFields`: the work fields on the Me screen's timeline (they size its panes).
    func panes(_ screen: Screen, timelineFields: Int = 0) -> [PaneArea] {
        func belowHeader(_ r: Rect) -> Rect { Rect(x: r.x, y: r.y + 1, width: r.width, height: max(0, r.height - 1)) }
        switch screen {
        case .people: return [PaneArea(frame: peopleBox, rows: belowHeader(peopleTable))]
        case .me: return meParts(timelineFields: timelineFields).map { PaneArea(frame: $0, rows: nil) }
        case .paths:
            return [PaneArea(frame: pathsLines, rows: pathsLines.inset(by: 1)), PaneArea(frame: pathsLadder, rows: nil),
                    PaneArea(frame: pathsTargets, rows: belowHeader(pathsTargets.inset(by: 1)))]
        case .gaps:
            return [PaneArea(frame: gapsColumns[0], rows: gapsColumns[0].inset(by: 1)),
                    PaneArea(frame: gapsColumns[1], rows: gapDetailParts.list)]
        case .plan:
            return [PaneArea(frame: planColumns[0], rows: planColumns[0].inset(by: 1)), PaneArea(frame: planColumns[1], rows: nil)]
        case .catalog:
            return [PaneArea(frame: catalogColumns[0], rows: catalogColumns[0].inset(by: 1)),
                    PaneArea(frame: catalogColumns[1], rows: nil)]
        case .supervisor, .reports: return []
        }
    }

    /// The kiosk's tab titles for `screens`: the function key (Esc for supervisor mode) and the name.
    static func tabTitles(_ screens: [Screen], _ language: Language) -> [String] {
        screens.map { ($0 == .supervisor ? "Esc" : String($0.functionKey)) + " " + $0.title.text(language) }
    }
}

extension AppState {
    /// Work fields on the Me screen's timeline.
    var meTimelineFields: Int { session.map { TimelineModel(record: $0.record, catalog: catalog).fields.count } ?? 0 }
    /// The Me screen's profile and timeline panes, for drawing, paging and clicks alike.
    var meParts: [Rect] { layout.meParts(timelineFields: meTimelineFields) }
    /// Rows of the profile's text.
    var profileRows: Int { max(0, meParts[0].height - 2) }
    /// Work-field rows the timeline shows (its header and legend take two).
    var timelineRows: Int { max(0, meParts[1].height - 4) }
    /// The current screen's panes in focus order.
    var panes: [PaneArea] { layout.panes(screen, timelineFields: screen == .me ? meTimelineFields : 0) }

    /// The screens across the tab row (supervisor mode's only in supervisor mode).
    var tabScreens: [Screen] { Screen.allCases.filter { ($0 != .supervisor || supervisor != nil) && ($0 != .reports || reports != nil) } }

    /// Their titles: the function key (Esc for supervisor mode) and the name ("Record" for
    /// someone else's record on Me).
    var tabTitles: [String] {
        tabScreens.map { screen -> String in
            if screen == .supervisor { return "Esc \(screen.title.text(language))" }
            if screen == .reports { return "R \(screen.title.text(language))" }
            let title = screen == .me && showsOthersRecord ? Str.screenRecord : screen.title
            return "\(screen.functionKey) \(title.text(language))"
        }
    }
}
