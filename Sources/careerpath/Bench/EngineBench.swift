import ArgumentParser
import CareerCatalog
import CareerEngine
import CareerStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `careerpath bench engine`: gaps for everyone on the generated roster toward one director post.
///
/// The roster is generated in batches (DemoRoster, deterministic) so that memory stays flat; only
/// the analysis is timed. Run with a release build:
///
///     swift run -c release careerpath bench engine
struct EngineBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "engine", abstract: "Gaps for everyone toward one director post.")

    @Option(help: "How many people to generate.")
    var people = 100_000
    @Option(help: "The director post (or LINE:LEVEL) to analyse toward.")
    var target = "dir-news-bureau"
    @Option(help: "Generator seed.")
    var seed: UInt64 = 2553
    @Option(help: "People generated and analysed per batch.")
    var batch = 10_000
    @Flag(help: "Only the gaps-and-dates pass (skip the pass with methods and suggestions).")
    var gapsOnly = false
    @Flag(help: "Also print a digest of every report (untimed): equal digests mean an optimisation changed no result.")
    var digest = false
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let catalog = try dataOptions.loadCatalog()
        let goal = try parseTarget(target, catalog)
        let clock = ContinuousClock()
        let indexStart = clock.now
        let analyzer = GapAnalyzer(catalog: catalog)
        print("engine bench: \(people) people toward \(goal.id) on \(DemoRoster.referenceDate.iso); catalog index built in \(clock.now - indexStart)")
        // Gaps and dates first (what a roster or succession screen needs), then the full reports.
        for withSuggestions in gapsOnly ? [false] : [false, true] {
            try pass(analyzer: analyzer, goal: goal, withSuggestions: withSuggestions)
        }
    }

    /// One pass over a freshly generated roster; only the analysis is timed.
    func pass(analyzer: GapAnalyzer, goal: Target, withSuggestions: Bool) throws {
        let clock = ContinuousClock()
        let on = DemoRoster.referenceDate
        let shared = analyzer.batch(target: goal, on: on)
        var pending: [PersonRecord] = []
        pending.reserveCapacity(batch)
        var analysed = 0, eligible = 0, gaps = 0, suggestions = 0
        var digester = ResultDigest()
        var analysis = Duration.zero
        var analysisCPU = 0.0
        var generation = Duration.zero
        var generationStart = clock.now

        func flush() {
            generation += clock.now - generationStart
            let start = clock.now
            let cpuStart = threadCPUSeconds()
            for record in pending {
                let report = shared.analyze(record, suggestions: withSuggestions)
                analysed += 1
                if report.eligible { eligible += 1 }
                gaps += report.gaps.count
                for gap in report.gaps { suggestions += gap.suggestions.count }
            }
            analysis += clock.now - start
            analysisCPU += threadCPUSeconds() - cpuStart
            if digest {
                for record in pending { digester.add(String(describing: shared.analyze(record, suggestions: withSuggestions))) }
            }
            pending.removeAll(keepingCapacity: true)
            generationStart = clock.now
        }

        try DemoRoster(catalog: analyzer.catalog, people: people, seed: seed).generate { record in
            pending.append(record)
            if pending.count >= batch { flush() }
        }
        if !pending.isEmpty { flush() }

        let seconds = Double(analysis.components.seconds) + Double(analysis.components.attoseconds) / 1e18
        let genSeconds = Double(generation.components.seconds) + Double(generation.components.attoseconds) / 1e18
        let rssMB = Double(peakResidentKilobytes()) / 1024
        print(withSuggestions ? "\nfull reports (gaps, dates, methods and suggestions):" : "\ngaps and earliest-eligibility dates:")
        // The 1 s target is for the gaps (with their dates) of everyone; the concrete suggestions of
        // every gap of every person are what one person's Gaps screen shows, timed here for reference.
        let timeTarget = withSuggestions ? "for reference, no time target" : "target ≤ 1 s"
        print("  analysis:        \(format(seconds, 3)) s wall, \(format(analysisCPU, 3)) s CPU  (\(format(analysisCPU / Double(max(analysed, 1)) * 1e6, 2)) µs CPU per person; \(timeTarget))")
        if withSuggestions { print("  shared situations: \(shared.sharedSituations) (people in the same situation share suggestion lists)") }
        print("  generation:      \(format(genSeconds, 3)) s  (not timed)")
        print("  people: \(analysed); eligible: \(eligible); gaps: \(gaps); suggestions: \(suggestions)")
        print("  peak RSS so far: \(format(rssMB, 1)) MB  (target ≤ 100 MB)")
        if digest { print("  result digest: \(digester.hex)") }
        if (!withSuggestions && min(seconds, analysisCPU) > 1) || rssMB > 100 {
            print("  OVER TARGET" + (isDebugBuild ? " (debug build: use swift run -c release)" : ""))
        }
    }

    func format(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return String(rounded)
    }

    var isDebugBuild: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }
}

/// FNV-1a over result texts: a cheap fingerprint to show that a faster engine gives the same answers.
struct ResultDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0x0a) &* 0x100_0000_01b3
    }

    var hex: String { String(value, radix: 16) }
}

/// CPU time of the calling thread (wall time is unreliable on a shared machine).
func threadCPUSeconds() -> Double {
    var t = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0 else { return 0 }
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Peak resident set size of this process in kilobytes (getrusage; Linux reports KB, macOS bytes).
func peakResidentKilobytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return 0 }
    #if canImport(Darwin)
    return Int(usage.ru_maxrss) / 1024
    #else
    return Int(usage.ru_maxrss)
    #endif
}
