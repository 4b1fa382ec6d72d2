import CareerCatalog
import CareerEngine
import Foundation
import TerminalUI
@testable import CareerApp

/// The shipped catalog (Data/, located from this file) and three people written in code.
enum AppFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Loaded once for all tests (the engine index too).
    static let catalog: Catalog = {
        switch CatalogLoader.result(from: repository.appendingPathComponent("Data")) {
        case .success(let c): return c
        case .failure(let errors): preconditionFailure("Data/ does not load:\n\(errors.description)")
        }
    }()
    static let analyzer = GapAnalyzer(catalog: catalog)

    static func day(_ iso: String) -> CivilDate {
        guard let d = CivilDate(iso: iso) else { preconditionFailure("bad date \(iso)") }
        return d
    }

    static let today = day("2025-08-31")

    /// A senior PR officer (K3) in the News Bureau, with central, regional and radio postings,
    /// an acting stint and a task force.
    static let somchai = PersonRecord(
        person: Person(id: "P0001", nameTH: "สมชาย ใจดี", nameEN: "Somchai Jaidee", unit: "news-bureau",
                       jobLine: "public-relations-officer", level: "K3", levelSince: day("2021-10-01"),
                       serviceStart: day("2010-05-01"), education: "master", supervisorID: "P0000"),
        assignments: [
            Assignment(unit: "news-bureau-domestic-news-group", field: "news", role: .regular, start: day("2010-05-01"), end: day("2014-09-30")),
            Assignment(unit: "radio-thailand-news-group", field: "radio", role: .regular, start: day("2014-10-01"), end: day("2017-09-30")),
            Assignment(unit: "regional-pr-bureau-1", field: "regional-operations", role: .regular, start: day("2017-10-01"), end: day("2019-12-31")),
            Assignment(unit: "news-bureau", field: "news", role: .regular, start: day("2020-01-01"), end: nil),
            Assignment(unit: "news-bureau", field: "television", role: .taskForce, start: day("2022-02-01"), end: day("2022-11-30")),
            Assignment(unit: "news-bureau-online-news-group", field: nil, role: .acting, start: day("2023-01-01"), end: day("2023-06-30")),
        ],
        assessments: [
            Assessment(competency: "visioning", level: 3, assessedOn: day("2024-09-30"), assessor: .supervisor),
            Assessment(competency: "leadership", level: 2, assessedOn: day("2024-09-30"), assessor: .supervisor),
            Assessment(competency: "integrity", level: 4, assessedOn: day("2024-09-30"), assessor: .supervisor),
            Assessment(competency: "expertise", level: 4, assessedOn: day("2024-09-30"), assessor: .supervisor),
            Assessment(competency: "pr-news-writing", level: 4, assessedOn: day("2024-09-30"), assessor: .panel),
            Assessment(competency: "pr-media-relations", level: 4, assessedOn: day("2024-09-30"), assessor: .panel),
            Assessment(competency: "pr-crisis-communication", level: 4, assessedOn: day("2024-09-30"), assessor: .panel),
            Assessment(competency: "lead-decision-under-uncertainty", level: 4, assessedOn: day("2024-09-30"), assessor: .panel),
        ],
        trainings: [CompletedTraining(course: "primary-executive", completedOn: day("2022-06-30"))],
        levelHistory: [
            LevelPeriod(jobLine: "public-relations-officer", level: "K1", start: day("2010-05-01"), end: day("2014-04-30")),
            LevelPeriod(jobLine: "public-relations-officer", level: "K2", start: day("2014-05-01"), end: day("2021-09-30")),
        ])

    /// Names chosen so that code-point order and Thai collation disagree: เกศินี starts with a
    /// leading vowel (U+0E40, after every consonant in code points) but sorts under ก.
    static let kesinee = PersonRecord(
        person: Person(id: "P0002", nameTH: "เกศินี แก้วมณี", nameEN: "Kesinee Kaewmanee", unit: "regional-pr-bureau-3",
                       jobLine: "audio-visual-officer", level: "K2", levelSince: day("2019-04-01"),
                       serviceStart: day("2015-04-01"), education: "bachelor", supervisorID: "P0000"),
        assignments: [Assignment(unit: "regional-pr-bureau-3", field: nil, role: .regular, start: day("2015-04-01"), end: nil)])

    static let prapaporn = Person(id: "P0003", nameTH: "ประภาพร สุขใจ", nameEN: "Prapaporn Sukjai", unit: "nbt",
                                  jobLine: "public-relations-officer", level: "K2", levelSince: day("2020-10-01"),
                                  serviceStart: day("2016-10-01"), education: "bachelor", supervisorID: "P0001")

    /// Somchai's supervisor, the News Bureau's director: the acting post the engine can suggest.
    static let director = Person(id: "P0000", nameTH: "วิชัย ผู้นำ", nameEN: "Wichai Phunam", unit: "news-bureau",
                                 jobLine: "public-relations-officer", level: "M2", levelSince: day("2020-10-01"),
                                 serviceStart: day("1995-05-01"), education: "master", supervisorID: nil)
    static let context = OrganizationContext(supervisorChain: [director])

    static var people: [Person] { [somchai.person, prapaporn, kesinee.person] }

    /// A fresh state at a size and language, with the people listed.
    static func state(_ language: Language = .th, width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(catalog: catalog, analyzer: analyzer, today: today, language: language,
                             size: TerminalSize(width: width, height: height))
        _ = update(&state, .peopleListed(people))
        return state
    }

    /// A state with Somchai loaded (as the runner would after `.loadPerson`).
    static func loaded(_ language: Language = .th, width: Int = 80, height: Int = 24) -> AppState {
        var s = state(language, width: width, height: height)
        _ = update(&s, .personLoaded(somchai, context))
        return s
    }

    /// Sends keys; returns every effect.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: KeyEvent...) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    static func type(_ state: inout AppState, _ text: String) {
        for scalar in text.unicodeScalars { _ = update(&state, .key(.char(Character(scalar)))) }
    }
}

/// Values made once by key for every test that asks (tests run in parallel: the first to ask makes
/// the value while the others wait for it).
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(for key: String, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = values[key] { return value }
        let value = make()
        values[key] = value
        return value
    }
}
