import CareerCatalog
import CareerEngine
import Foundation
import Testing
import TerminalUI
@testable import CareerApp

/// `/` finds people (only those the store listed for the viewer), units, job lines, posts,
/// competencies, methods and courses, and Enter opens each where it lives; the picker's filter
/// matches unit names too (issue 15, item 12).
@Suite("search and the picker's unit filter")
struct SearchTests {
    /// Someone in a group of the News Bureau (a sub-unit), for "a unit lists its sub-units' people".
    static let groupMember = Person(id: "P0004", nameTH: "อรุณี ข่าวดี", nameEN: "Arunee Khaodee", unit: "news-bureau-domestic-news-group",
                                    jobLine: "public-relations-officer", level: "K1", levelSince: AppFixture.day("2022-10-01"),
                                    serviceStart: AppFixture.day("2022-10-01"), education: "bachelor", supervisorID: "P0001")

    /// Somchai loaded, with `people` listed (what the store answered for the viewer).
    static func state(people: [Person] = AppFixture.people + [groupMember], _ language: Language = .th) -> AppState {
        var state = AppState(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, today: AppFixture.today, language: language,
                             size: TerminalSize(width: 100, height: 30))
        _ = update(&state, .peopleListed(people))
        _ = update(&state, .personLoaded(AppFixture.somchai, AppFixture.context))
        return state
    }

    static func search(_ state: inout AppState, _ query: String) -> SearchState? {
        if case .search? = state.modal { AppFixture.press(&state, .ctrl("u")) } else { AppFixture.press(&state, .char("/")) }
        AppFixture.type(&state, query)
        guard case .search(let search)? = state.modal else { return nil }
        return search
    }

    /// Selects the first hit of `kind` and `id`, then Enter.
    @discardableResult
    static func open(_ state: inout AppState, _ kind: SearchHitKind, _ id: String) -> [Effect] {
        guard case .search(let search)? = state.modal, let i = search.results.firstIndex(where: { $0.kind == kind && $0.id == id }) else {
            Issue.record("no \(kind) \(id) in the results")
            return []
        }
        for _ in 0..<i { AppFixture.press(&state, .down) }
        return AppFixture.press(&state, .enter)
    }

    static func catalogEntry(_ state: AppState) -> CatalogEntry? {
        state.catalogBrowser.list.selected.map { state.catalogBrowser.entries[$0] }
    }

    @Test("a person by Thai name, English name or id; Enter loads their record (the store checks it), or shows your own")
    func people() throws {
        var state = Self.state()
        let thai = try #require(Self.search(&state, "ประภา"))
        #expect(thai.results.map(\.id) == ["P0003"])
        #expect(thai.results.first?.kind == .person)
        #expect(thai.results.first?.context?.th == "สถานีวิทยุโทรทัศน์แห่งประเทศไทย")   // her unit tells her apart
        #expect(try #require(Self.search(&state, "kesinee")).results.map(\.id) == ["P0002"])
        #expect(try #require(Self.search(&state, "P0003")).results.map(\.id) == ["P0003"])

        _ = Self.search(&state, "Prapaporn")
        let effects = AppFixture.press(&state, .enter)
        #expect(effects == [.loadPerson(id: "P0003")])
        #expect(state.loadingPersonID == "P0003")

        var own = Self.state()
        _ = Self.search(&own, "สมชาย")
        #expect(AppFixture.press(&own, .enter).isEmpty, "the own record is loaded: nothing to read")
        #expect(own.screen == .me)
    }

    @Test("a unit: Enter lists its people in the picker, its groups' people too; a unit with nobody in reach opens in the Catalog")
    func units() throws {
        var state = Self.state()
        let found = try #require(Self.search(&state, "สำนักข่าว"))
        #expect(found.results.first?.kind == .unit)
        #expect(found.results.first?.id == "news-bureau")
        #expect(!found.results.contains { $0.kind == .person }, "people are found by name, not by unit, in the search")
        Self.open(&state, .unit, "news-bureau")
        #expect(state.screen == .people)
        #expect(state.picker.filter.text == "สำนักข่าว")
        let listed = Set(state.picker.visible.map { state.picker.people[$0].id })
        #expect(listed == ["P0001", "P0004"])   // Somchai, and Arunee in a group of the bureau

        var english = Self.state(.en)
        _ = Self.search(&english, "Domestic News")
        Self.open(&english, .unit, "news-bureau-domestic-news-group")
        #expect(english.screen == .people)
        #expect(english.picker.visible.map { english.picker.people[$0].id } == ["P0004"])

        var nobody = Self.state()
        _ = Self.search(&nobody, "foreign-pr-bureau")
        Self.open(&nobody, .unit, "foreign-pr-bureau")
        #expect(nobody.screen == .catalog)
        #expect(Self.catalogEntry(nobody) == .unit("foreign-pr-bureau"))
        #expect(AppView.render(nobody).lines().joined(separator: "\n").contains("สำนักประชาสัมพันธ์ต่างประเทศ"))
    }

    @Test("methods and courses open in the Catalog; lines on Paths, posts on Gaps, competencies in the Catalog")
    func catalogKinds() throws {
        let method = try #require(AppFixture.catalog.methods.first)
        var state = Self.state(.en)
        _ = Self.search(&state, method.name.en)
        Self.open(&state, .method, method.id)
        #expect(state.screen == .catalog)
        #expect(Self.catalogEntry(state) == .method(method.id))

        let course = try #require(AppFixture.catalog.coursesByID["primary-executive"])
        state = Self.state()
        let byThai = try #require(Self.search(&state, course.name.th))
        #expect(byThai.results.contains { $0.kind == .course && $0.id == course.id })
        Self.open(&state, .course, course.id)
        #expect(state.screen == .catalog)
        #expect(Self.catalogEntry(state) == .course(course.id))
        let screen = AppView.render(state).lines().joined(separator: "\n")
        #expect(screen.contains(course.name.th))

        state = Self.state()
        _ = Self.search(&state, "public-relations-officer")
        Self.open(&state, .jobLine, "public-relations-officer")
        #expect(state.screen == .paths)
        state = Self.state()
        _ = Self.search(&state, "dir-news-bureau")
        Self.open(&state, .directorPost, "dir-news-bureau")
        #expect(state.screen == .gaps)
        state = Self.state()
        _ = Self.search(&state, "visioning")
        Self.open(&state, .competency, "visioning")
        #expect(Self.catalogEntry(state) == .competency("visioning"))
    }

    @Test("a supervisor's search lists only the chain the store listed; someone outside it is never found")
    func supervisorReach() throws {
        // What the store lists for Somchai as a supervisor: himself and Prapaporn (and the group member).
        var state = Self.state(people: [AppFixture.somchai.person, AppFixture.prapaporn, Self.groupMember])
        state.viewerID = "P0001"
        #expect(try #require(Self.search(&state, "Kesinee")).results.isEmpty)
        #expect(try #require(Self.search(&state, "P0002")).results.filter { $0.kind == .person }.isEmpty)
        #expect(try #require(Self.search(&state, "วิชัย")).results.isEmpty)   // his own supervisor
        #expect(try #require(Self.search(&state, "P000")).results.filter { $0.kind == .person }.map(\.id).sorted() == ["P0001", "P0003", "P0004"])
        // A unit whose only staff are outside the chain opens in the Catalog, not as an empty picker.
        _ = Self.search(&state, "regional-pr-bureau-3")
        Self.open(&state, .unit, "regional-pr-bureau-3")
        #expect(state.screen == .catalog)
    }

    @Test("at a kiosk a person finds only themselves")
    func kioskFindsOnlyThemselves() throws {
        var k = KioskHarness()
        k.signIn()
        k.press(.char("/"))
        k.type("Kesinee")
        guard case .search(let other)? = k.state.session?.app.modal else { Issue.record("no search at the kiosk"); return }
        #expect(other.results.isEmpty)
        k.press(.ctrl("u"))
        k.type("P000")
        guard case .search(let ids)? = k.state.session?.app.modal else { Issue.record("no search at the kiosk"); return }
        #expect(ids.results.filter { $0.kind == .person }.map(\.id) == ["P0001"])
        let effects = k.press(.enter)
        #expect(k.state.session?.app.screen == .me)
        #expect(effects.allSatisfy { if case .app(let e) = $0 { return k.state.session?.allows(e) == true }; return true })
    }

    @Test("many matching people: the first are listed, a line says how many more")
    func manyPeople() throws {
        let crowd = (0..<120).map { i in
            Person(id: String(format: "P9%03d", i), nameTH: "สมมุติ คนที่ \(i)", nameEN: "Sommut \(i)", unit: "nbt",
                   jobLine: "public-relations-officer", level: "K1", levelSince: AppFixture.day("2022-10-01"),
                   serviceStart: AppFixture.day("2022-10-01"), education: "bachelor", supervisorID: nil)
        }
        var state = Self.state(people: AppFixture.people + crowd)
        let found = try #require(Self.search(&state, "สมมุติ"))
        #expect(found.results.count == SearchIndex.peopleShown)
        #expect(found.peopleMatched == 120)
        let screen = AppView.render(state).lines().joined(separator: "\n")
        #expect(screen.contains(Str.searchMorePeople.format(.th, "70").prefix(10)))
    }

    @Test("the picker's filter matches a unit's name, Thai or English, and the units above it")
    func pickerMatchesUnitNames() {
        var state = Self.state()
        state.picker.filter = InputFieldState(text: "สำนักข่าว")
        state.picker.refilter(language: .th)
        #expect(Set(state.picker.visible.map { state.picker.people[$0].id }) == ["P0001", "P0004"])
        state.picker.filter = InputFieldState(text: "news bureau")
        state.picker.refilter(language: .en)
        #expect(Set(state.picker.visible.map { state.picker.people[$0].id }) == ["P0001", "P0004"])
        state.picker.filter = InputFieldState(text: "สถานีวิทยุโทรทัศน์")
        state.picker.refilter(language: .th)
        #expect(state.picker.visible.map { state.picker.people[$0].id } == ["P0003"])
        // Names still match as before.
        state.picker.filter = InputFieldState(text: "เกศินี")
        state.picker.refilter(language: .th)
        #expect(state.picker.visible.map { state.picker.people[$0].id } == ["P0002"])
    }

    @Test("the search modal with people, units and catalog names matches its golden (Thai and English, 80×24)",
          arguments: [Language.th, .en])
    func golden(_ language: Language) throws {
        var state = AppState(catalog: AppFixture.catalog, analyzer: AppFixture.analyzer, today: AppFixture.today, language: language,
                             size: .minimum)
        _ = update(&state, .peopleListed(AppFixture.people + [Self.groupMember]))
        _ = update(&state, .personLoaded(AppFixture.somchai, AppFixture.context))
        _ = Self.search(&state, language == .th ? "ข่าว" : "news")
        try Snapshot.assert(AppView.render(state).lines(), named: "search-results-80x24-\(language.rawValue)")
    }
}
