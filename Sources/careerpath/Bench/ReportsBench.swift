import ArgumentParser
import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// `careerpath bench reports`: each unit report over the generated roster, as HR runs it (the
/// whole department), from the store to the printable HTML. Target: each ≤ 2 s and ≤ 100 MB.
///
///     swift run -c release careerpath bench reports
struct ReportsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Each unit report over the generated roster (target ≤ 2 s, ≤ 100 MB each).",
        discussion: "The roster is generated and imported once into --folder (shared with `bench succession`) and reused.")

    @Option(help: "People in the generated roster.") var people = 100_000
    @Option(help: "Seed of the demo generator.") var seed: UInt64 = 2553
    @Option(help: "Where the roster and the database are kept between runs.")
    var folder = NSTemporaryDirectory() + "careerpath-bench-succession"
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        #if DEBUG
        print("note: a debug build; use `swift run -c release careerpath bench reports` for the figures")
        #endif
        let database = try SuccessionBench.prepareRoster(catalog: catalog, people: people, seed: seed, folder: folder)
        let store = try SQLiteRecordStore(path: database, terminal: "bench")
        let on = DemoRoster.referenceDate
        let year = FiscalYear.containing(on.adding(days: -1))
        let layout = ReportLayout(catalog: catalog, language: .th)
        let all = catalog.units.map(\.id)
        // The unit with the most people (sub-units included): the largest usage report a head files.
        let biggest = try store.database.read { db in
            try String.fetchOne(db, sql: "SELECT unit FROM people GROUP BY unit ORDER BY COUNT(*) DESC LIMIT 1")
        } ?? all[0]
        // …and the unit at the top of its tree, whose head reports for it all.
        var top = biggest
        while let parent = catalog.unitsByID[top]?.parent, catalog.unitsByID[parent] != nil { top = parent }

        var failures = 0
        func measure(_ name: String, _ body: () throws -> String) throws {
            PeakMemory.reset()
            var bytes = 0
            let t = try Timed.measure { bytes = try body().utf8.count }
            let peak = Double(PeakMemory.current() ?? 0) / 1024
            let over = t.wall > 2 || peak > 100
            if over { failures += 1 }
            print(String(format: "  %-34@ %6.0f ms wall, %6.0f ms CPU, peak %5.1f MB, %7d bytes of HTML%@",
                         name as NSString, t.wall * 1000, t.cpu * 1000, peak, bytes, over ? "  OVER TARGET" : ""))
        }

        print("reports over \(try store.peopleCount()) people (fiscal year \(year), on \(on.iso)), as HR, to HTML:")
        try measure("usage (\(top))") {
            ReportHTML.render(layout.usage(try store.usageReport(unit: top, fiscalYear: year, viewer: .system, catalog: catalog, screen: "bench")))
        }
        try measure("rollup (every unit)") {
            ReportHTML.render(layout.rollup(try store.usageRollup(fiscalYear: year, viewer: .system, catalog: catalog, screen: "bench")))
        }
        try measure("needs (department, next level)") {
            ReportHTML.render(layout.needs(try store.trainingNeeds(units: all, target: nil, on: on, viewer: .system, catalog: catalog, screen: "bench")))
        }
        if let post = catalog.directorPosts.first {
            try measure("needs (department, \(post.id))") {
                ReportHTML.render(layout.needs(try store.trainingNeeds(units: all, target: .directorPost(post.id), on: on, viewer: .system,
                                                                       catalog: catalog, screen: "bench")))
            }
        }
        try measure("impact (department)") {
            ReportHTML.render(layout.impact(try store.trainingImpact(units: all, on: on, viewer: .system, catalog: catalog, screen: "bench")))
        }
        try measure("curricula (12 months)") {
            ReportHTML.render(layout.curricula(CurriculumRenewal.report(catalog.courses, on: on, withinMonths: 12)))
        }
        print(failures == 0 ? "all within target (≤ 2 s, ≤ 100 MB each)" : "\(failures) over target")
    }
}
