import CareerCatalog
import CareerEngine
import CareerStore
import Foundation
import Testing

/// Every checkable claim of `Data/demo/README.md`, held against the committed `Data/demo` as the
/// app loads it (the importer into a record store) and the shipped catalog, with the engine's own
/// gap analysis on the README's day, 1 October 2026.
@Suite struct DemoClaimsTests {
    static let on = CivilDate(iso: "2026-10-01")!
    static let folder = Shipped.data.appendingPathComponent("demo")

    /// The shipped catalog and the demo roster, imported once for the suite.
    struct Demo: Sendable {
        let catalog: Catalog
        let records: [PersonRecord]
    }

    static let loaded: Result<Demo, any Error> = Result {
        let catalog = try Shipped.catalog()
        let fixture = try ImportFixture(files: [:])
        let problems = fixture.importing([folder.path], catalog: catalog)
        guard problems.isEmpty else { throw DemoImportFailed(problems: problems) }
        return Demo(catalog: catalog, records: try fixture.store.allRecords(viewer: .system))
    }

    struct DemoImportFailed: Error, CustomStringConvertible {
        let problems: [String]
        var description: String { "Data/demo does not import: " + problems.joined(separator: "; ") }
    }

    let catalog: Catalog
    let records: [PersonRecord]

    init() throws {
        let demo = try Self.loaded.get()
        catalog = demo.catalog
        records = demo.records
    }

    func reports(_ post: DirectorPost) -> [(record: PersonRecord, gaps: [Gap])] {
        let batch = GapAnalyzer(catalog: catalog).batch(target: .directorPost(post.id), on: Self.on)
        return records.map { ($0, batch.analyze($0, suggestions: false).gaps) }
    }

    static func describe(_ gaps: [Gap]) -> String { gaps.map(\.id).joined(separator: ", ") }

    // MARK: director posts

    /// "for each of the 15 director posts one person ready for it (eligible line and level, the
    /// framework's fields, management and regional months, courses and competencies)".
    @Test func everyDirectorPostHasSomeoneReadyNow() throws {
        #expect(catalog.directorPosts.count == 15)
        for post in catalog.directorPosts {
            let all = reports(post)
            let ready = all.filter { $0.gaps.isEmpty }
            let nearest = all.min { $0.gaps.count < $1.gaps.count }
            #expect(!ready.isEmpty, """
                nobody is ready for \(post.id) on 2026-10-01; nearest \(nearest?.record.person.id ?? "-") \
                (\(nearest?.record.person.jobLine ?? "") \(nearest?.record.person.level ?? "")): \(Self.describe(nearest?.gaps ?? []))
                """)
            for r in ready {
                // Ready means an eligible line and level and the engine's verdict, not just an empty list.
                let report = GapAnalyzer(catalog: catalog).analyze(r.record, target: .directorPost(post.id), on: Self.on)
                #expect(report.eligible)
                #expect(post.eligibility.contains { $0.line == r.record.person.jobLine && $0.levels.contains(r.record.person.level) })
            }
        }
    }

    /// "… and one a little short (time in level, plus one of: experience, a competency, a course)":
    /// exactly two gaps, one of them time in level, each small; over the posts all three kinds occur.
    @Test func everyDirectorPostHasSomeoneALittleShort() throws {
        var secondKinds = Set<GapKind>()
        for post in catalog.directorPosts {
            let short = reports(post).filter { Self.isALittleShort($0.gaps) }
            #expect(!short.isEmpty, "nobody is a little short of \(post.id) on 2026-10-01 (time in level plus one of experience, a competency, a course)")
            for s in short { secondKinds.formUnion(s.gaps.map(\.kind).filter { $0 != .timeInLevel }) }
        }
        #expect(secondKinds == [.experience, .competency, .training], "the second gap should vary over the posts: \(secondKinds)")
    }

    /// Time in level at most two years short, and one other gap: experience at most two years short,
    /// a competency one level short, or a course.
    static func isALittleShort(_ gaps: [Gap]) -> Bool {
        guard gaps.count == 2 else { return false }
        var time = false, other = false
        for gap in gaps {
            switch gap.requirement {
            case .timeInLevel(let t):
                time = t.approvedEquivalenceMonths == 0 && t.requiredMonths - t.actualMonths <= 24
            case .experience(let e):
                other = e.subject != .diverseExperience && Double(e.requiredMonths) - e.actualMonths <= 24
            case .competency(_, let required, let actual, _):
                other = required - actual == 1
            case .training:
                other = true
            case .education, .eligibility:
                return false
            }
        }
        return time && other
    }

    // MARK: the organisation

    /// "a Director-General (S2), three deputies (S1)".
    @Test func oneDirectorGeneralAndThreeDeputies() throws {
        let s2 = records.filter { $0.person.level == "S2" }
        let s1 = records.filter { $0.person.level == "S1" }
        #expect(s2.count == 1)
        #expect(s1.count == 3)
        #expect(s2.first?.person.supervisorID == nil, "the Director-General reports to no one")
        for deputy in s1 { #expect(deputy.person.supervisorID == s2.first?.person.id, "\(deputy.person.id) should report to the Director-General") }
    }

    /// "a head for every unit — directors at their post's level (M1/M2)": every unit has someone
    /// supervised from outside it or by the Director-General or a deputy (who sit in the secretary's
    /// office), and a director post's own unit is headed at the post's level.
    @Test func aHeadForEveryUnit() throws {
        let byID = Dictionary(records.map { ($0.person.id, $0.person) }, uniquingKeysWith: { a, _ in a })
        let executive = Set(catalog.positionTypes.first { $0.id == "executive" }?.levels.map(\.id) ?? [])
        for unit in catalog.units {
            let heads = records.filter { r in
                guard r.person.unit == unit.id, !executive.contains(r.person.level) else { return false }
                guard let boss = r.person.supervisorID.flatMap({ byID[$0] }) else { return true }
                return boss.unit != unit.id || executive.contains(boss.level)
            }
            #expect(!heads.isEmpty, "nobody heads \(unit.id)")
            if let post = catalog.directorPosts.first(where: { $0.unit == unit.id }) {
                #expect(heads.contains { $0.person.level == post.level }, "\(unit.id) is not headed at \(post.id)'s level \(post.level)")
            }
        }
    }

    /// "one person at every level of every one of the 26 job lines".
    @Test func someoneAtEveryLevelOfEveryJobLine() throws {
        #expect(catalog.jobLines.count == 26)
        let held = Set(records.map { "\($0.person.jobLine):\($0.person.level)" })
        for line in catalog.jobLines {
            for level in line.levels { #expect(held.contains("\(line.id):\(level.level)"), "nobody at \(line.id) \(level.level)") }
        }
    }

    /// "regular postings, rotations, secondments, acting posts and task forces; self, supervisor and
    /// panel assessments; courses; earlier levels (some on a related line)".
    @Test func theRecordsHaveEveryKindOfEntry() throws {
        let roles = Set(records.flatMap(\.assignments).map(\.role))
        #expect(roles.isSuperset(of: [.regular, .rotation, .secondment, .acting, .taskForce]), "roles used: \(roles)")
        #expect(Set(records.flatMap(\.assessments).map(\.assessor)).isSuperset(of: [.self, .supervisor, .panel]))
        #expect(records.contains { !$0.trainings.isEmpty })
        #expect(records.contains { !$0.levelHistory.isEmpty })
        let onRelatedLine = records.contains { r in
            let related = Set(catalog.jobLinesByID[r.person.jobLine]?.relatedLines.map(\.line) ?? [])
            return r.levelHistory.contains { $0.jobLine != r.person.jobLine && related.contains($0.jobLine) }
        }
        #expect(onRelatedLine, "no earlier level on a related line")
    }

    // MARK: the files

    /// "every surname contains สมมุติ / "sommut"".
    @Test func everySurnameSaysMadeUp() throws {
        #expect(records.count == 320)
        for r in records {
            let th = r.person.nameTH.split(separator: " ").last.map(String.init) ?? ""
            let en = r.person.nameEN.split(separator: " ").last.map(String.init) ?? ""
            #expect(th.contains("สมมุติ"), "\(r.person.id): \(r.person.nameTH)")
            #expect(en.lowercased().contains("sommut"), "\(r.person.id): \(r.person.nameEN)")
        }
    }

    /// "Some rows use Buddhist-era dates (DD/MM/YYYY), Thai digits or Thai level names" — and the
    /// importer read them all (the suite's import succeeded).
    @Test func someRowsUseTheSpellingsOfHRFiles() throws {
        let people = try String(contentsOf: Self.folder.appendingPathComponent("people.csv"), encoding: .utf8)
        let rows = people.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = people.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        let level = try #require(header.firstIndex(of: "level"))

        let thaiLevelNames = Set(catalog.positionTypes.flatMap(\.levels).map(\.name.th))
        #expect(rows.contains { $0.count > level && thaiLevelNames.contains($0[level]) }, "no Thai level name in people.csv")

        let thaiDigits = Set("๐๑๒๓๔๕๖๗๘๙")
        var buddhistEra = false, digits = false
        for kind in RecordFile.allCases {
            guard let text = try? String(contentsOf: Self.folder.appendingPathComponent(kind.fileName), encoding: .utf8) else { continue }
            if text.contains(where: { thaiDigits.contains($0) }) { digits = true }
            for row in text.split(separator: "\n") {
                for field in row.split(separator: ",") where Self.isBuddhistEraDate(String(field)) { buddhistEra = true }
            }
        }
        #expect(buddhistEra, "no DD/MM/YYYY Buddhist-era date in Data/demo")
        #expect(digits, "no Thai digits in Data/demo")
        // The Buddhist-era dates are read as Common Era ones: nobody starts a level after the reference day.
        #expect(rows.count == records.count)
        #expect(records.allSatisfy { $0.person.levelSince <= Self.on }, "a date was read 543 years late")
    }

    /// `DD/MM/25YY`, Arabic or Thai digits.
    static func isBuddhistEraDate(_ text: String) -> Bool {
        // Thai digits ๐–๙ are U+0E50–U+0E59.
        let western = String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0x0E50...0x0E59).contains(s.value) ? Unicode.Scalar(s.value - 0x0E50 + 0x30)! : s
        }))
        let parts = western.split(separator: "/")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let year = Int(parts[2]) else { return false }
        return (2400...2700).contains(year)
    }

    /// "Regenerate (deterministic: same reference data, size and seed give the same bytes)": the
    /// committed files are what the generator makes from the shipped catalog. After changing the
    /// catalog or the generator, run `careerpath demo generate --people 320 --seed 2553 --out Data/demo`.
    @Test func theCommittedFilesAreWhatTheGeneratorMakes() throws {
        let fixture = try ImportFixture(files: [:])
        try DemoRoster(catalog: catalog, people: 320, seed: 2553).write(to: fixture.folder + "/demo")
        for kind in RecordFile.allCases {
            let made = try? Data(contentsOf: URL(fileURLWithPath: fixture.folder + "/demo/" + kind.fileName))
            let committed = try? Data(contentsOf: Self.folder.appendingPathComponent(kind.fileName))
            #expect(made == committed, "Data/demo/\(kind.fileName) is stale: run careerpath demo generate --people 320 --seed 2553 --out Data/demo")
        }
    }
}
