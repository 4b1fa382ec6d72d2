import CareerCatalog
import CareerEngine

/// Words the engine's report values into `ReportDocument`s (names from the catalog, dates in
/// B.E. in Thai, small groups as "fewer than 5").
public struct ReportLayout: Sendable {
    public let catalog: Catalog
    public let language: Language

    public init(catalog: Catalog, language: Language) { self.catalog = catalog; self.language = language }

    var d: Describe { Describe(catalog: catalog, language: language) }
    func t(_ s: ReportStr) -> String { s.text(language) }
    func date(_ day: CivilDate) -> String { DateText.formatLong(day, language) }

    /// A count as shown: the number, or "fewer than 5".
    public func count(_ c: GroupCount) -> String { c.shown.map(String.init) ?? t(.fewerThanFive) }

    func decimal(_ v: Double?, signed: Bool = false) -> String {
        guard let v else { return "—" }
        let rounded = (v * 100).rounded() / 100
        let text = Describe.plainNumber(rounded)
        return signed && rounded > 0 ? "+" + text : text
    }

    func percent(_ v: Double?) -> String { v.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }

    // MARK: usage report

    public func usage(_ report: UsageReport) -> ReportDocument {
        let form = report.form
        var blocks: [ReportBlock] = [.paragraph(t(.usageMemo)), .heading(t(.activitiesHeading))]
        var activities = UsageActivity.allCases.map { a in (ticked: form.activities.contains(a), text: ReportStr.activity(a).text(language), specify: String?.none) }
        activities.append((!form.otherActivity.isEmpty, t(.other), form.otherActivity))
        blocks.append(.checklist(activities))
        blocks.append(.heading(t(.outcomesHeading)))
        var outcomes = UsageOutcome.allCases.map { o in (ticked: form.outcomes.contains(o), text: ReportStr.outcome(o).text(language), specify: String?.none) }
        outcomes.append((!form.otherOutcome.isEmpty, t(.other), form.otherOutcome))
        blocks.append(.checklist(outcomes))
        blocks.append(.heading(t(.problemsHeading)))
        blocks.append(.dottedLines(form.problems, lines: 4))
        blocks.append(.signature(name: form.signerName, position: form.signerPosition, date: form.signedOn.map(date) ?? ""))
        var status = t(form.status == .submitted ? .statusSubmitted : .statusDraft)
        if let at = form.submittedAt, let day = DateText.day(ofStamp: at) { status += " — " + ReportStr.submittedAt.format(language, date(day)) }
        // The due date HR set for the year (31 August unless set), on the status line: the form keeps its page.
        if form.status == .draft { status += " · " + ReportStr.rollupDue.format(language, date(report.due)) }
        blocks.append(.paragraph("\(t(.status)): \(status)"))
        blocks.append(.pageBreak)
        blocks += appendix(report.figures, fiscalYear: form.fiscalYear)
        return ReportDocument(title: t(.usageTitle),
                              subtitle: [ReportStr.unitOf.format(language, d.unitName(form.unit)),
                                         ReportStr.fiscalYear.format(language, String(form.fiscalYear.buddhistEra))],
                              blocks: blocks, language: language)
    }

    /// The due date of a year's usage reports, as HR set it (`report usage --set-due`).
    public func due(_ due: CivilDate, fiscalYear: FiscalYear) -> ReportDocument {
        ReportDocument(title: t(.usageTitle), subtitle: [ReportStr.fiscalYear.format(language, String(fiscalYear.buddhistEra))],
                       blocks: [.paragraph(ReportStr.rollupDue.format(language, date(due)))], language: language)
    }

    func appendix(_ f: UsageFigures, fiscalYear: FiscalYear) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(t(.appendixHeading)),
                                     .paragraph(ReportStr.appendixNote.format(language, date(fiscalYear.start), date(fiscalYear.end)))]
        var rows = [[t(.figPeople), String(f.people)], [t(.figOpenedOwn), String(f.openedOwnPaths)]]
        // Every status, in the words of the Plan screen: the rows add up to the roll-up's plans.
        for status in PlanStatus.allCases {
            rows.append(["\(t(.figPlans)): \(Str.status(status).text(language))", String(f.plans[status.rawValue] ?? 0)])
        }
        blocks.append(.table(ReportTable(caption: t(.appendixHeading), header: ["", t(.count)], rows: rows, numeric: [1])))
        let methods = Set(f.stepsStarted.keys).union(f.stepsCompleted.keys).sorted { methodOrder($0) < methodOrder($1) }
        let methodRows = methods.map { [d.methodName($0), String(f.stepsStarted[$0] ?? 0), String(f.stepsCompleted[$0] ?? 0)] }
        blocks.append(.table(ReportTable(caption: t(.figStepsStarted), header: [t(.method), t(.figStepsStarted), t(.figStepsCompleted)],
                                         rows: methodRows.isEmpty ? [[t(.noneYet), "0", "0"]] : methodRows, numeric: [1, 2])))
        let courses = f.coursesCompleted.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        blocks.append(.table(ReportTable(caption: t(.figCourses), header: [t(.course), t(.count)],
                                         rows: courses.isEmpty ? [[t(.noneYet), "0"]] : courses.map { [d.courseName($0.key), String($0.value)] },
                                         numeric: [1])))
        if !courses.isEmpty {
            blocks.append(.bars(title: t(.figCourses), courses.map { ReportBar(label: d.courseName($0.key), value: Double($0.value), shown: String($0.value)) }))
        }
        return blocks
    }

    func methodOrder(_ id: String) -> (Int, String) { (catalog.methodsByID[id]?.preference ?? Int.max, id) }

    // MARK: roll-up

    public func rollup(_ r: UsageRollup) -> ReportDocument {
        let late = r.submittedLate, onTime = r.submittedOnTime
        let missing = r.rows.filter { $0.status != .submitted }.count
        var blocks: [ReportBlock] = [
            .paragraph(ReportStr.rollupDue.format(language, date(r.due))),
            .paragraph([ReportStr.rollupSubmittedOnTime.format(language, String(onTime)), ReportStr.rollupLate.format(language, String(late)),
                        ReportStr.rollupNotSubmitted.format(language, String(missing))].joined(separator: " · ")),
        ]
        let rows = r.rows.filter { $0.figures.people > 0 || $0.status != nil }.map { row -> [String] in
            let state = row.status == .submitted ? t(row.onTime ? .onTime : .late) : t(.notSubmitted)
            return [d.unitName(row.unit), state, String(row.figures.people), String(row.figures.openedOwnPaths),
                    String(row.figures.plans.values.reduce(0, +)), String(row.figures.coursesCompleted.values.reduce(0, +))]
        }
        blocks.append(.table(ReportTable(caption: t(.rollupTitle), header: [t(.unit), t(.status), t(.figPeople), t(.figOpenedOwn), t(.figPlans), t(.figCourses)],
                                         rows: rows, numeric: [2, 3, 4, 5])))
        blocks.append(.bars(title: t(.status), [
            ReportBar(label: t(.onTime), value: Double(onTime), shown: String(onTime)),
            ReportBar(label: t(.late), value: Double(late), shown: String(late)),
            ReportBar(label: t(.notSubmitted), value: Double(missing), shown: String(missing)),
        ]))
        blocks.append(.heading(t(.rollupTotals)))
        blocks += appendix(r.totals, fiscalYear: r.fiscalYear).dropFirst(2)
        return ReportDocument(title: t(.rollupTitle), subtitle: [ReportStr.fiscalYear.format(language, String(r.fiscalYear.buddhistEra))],
                              blocks: blocks, language: language)
    }

    // MARK: training needs

    public func needs(_ r: TrainingNeedsReport) -> ReportDocument {
        let target = r.target.map { id in (try? Target.parse(id, in: catalog)).map(d.targetName) ?? id } ?? t(.needsNextLevel)
        var blocks: [ReportBlock] = [.paragraph(ReportStr.needsTarget.format(language, target)),
                                     .paragraph(ReportStr.needsMeasured.format(language, String(r.measured), String(r.people)))]
        guard !r.needs.isEmpty else {
            return ReportDocument(title: t(.needsTitle), subtitle: subtitle(r.units, r.on), blocks: blocks + [.paragraph(t(.needsNone))], language: language)
        }
        let rows = r.needs.map { n in
            [t(n.kind == .competency ? .kindCompetency : .kindCourse), needName(n), count(n.people), decimal(n.averageShortfall),
             n.courses.map(d.courseName).joined(separator: ", "), n.methods.prefix(3).map(d.methodName).joined(separator: ", ")]
        }
        blocks.append(.bars(title: t(.needsChart), r.needs.prefix(12).map { ReportBar(label: needName($0), value: Double($0.people.shown ?? 0), shown: count($0.people)) }))
        blocks.append(.table(ReportTable(caption: t(.needsTitle), header: ["", t(.need), t(.people), t(.averageShortfall), t(.coursesThatFit), t(.methodsThatFit)],
                                         rows: rows, numeric: [2, 3])))
        blocks.append(.paragraph(t(.smallGroupNote)))
        return ReportDocument(title: t(.needsTitle), subtitle: subtitle(r.units, r.on), blocks: blocks, language: language)
    }

    func needName(_ n: TrainingNeed) -> String { n.kind == .competency ? d.competencyName(n.subject) : d.courseName(n.subject) }

    func subtitle(_ units: [String], _ on: CivilDate) -> [String] {
        // Every unit of the department: HR's view.
        let unit = units.count == catalog.units.count ? t(.rollupTotals) : units.first.map(d.unitName) ?? ""
        return [ReportStr.unitOf.format(language, unit), ReportStr.asOf.format(language, date(on))]
    }

    // MARK: training impact

    public func impact(_ r: TrainingImpactReport) -> ReportDocument {
        var blocks: [ReportBlock] = [.paragraph(ReportStr.impactRule.format(language, String(r.afterMonths)))]
        guard !r.courses.isEmpty else {
            return ReportDocument(title: t(.impactTitle), subtitle: subtitle(r.units, r.on), blocks: blocks + [.paragraph(t(.impactNone))], language: language)
        }
        func cells(_ f: ImpactFigure) -> [String] {
            guard f.people.isShown else { return [count(f.people), t(.tooFewPairs), "—", "—"] }
            return [count(f.people), f.pairs.map(String.init) ?? "—", decimal(f.meanChange, signed: true), percent(f.shareImproved)]
        }
        let header = [t(.course), t(.participants), t(.people), t(.pairs), t(.meanChange), t(.shareImproved)]
        blocks.append(.table(ReportTable(caption: t(.overall), header: header,
                                         rows: r.courses.map { [d.courseName($0.course), count($0.participants)] + cells($0.overall) },
                                         numeric: [1, 2, 3, 4, 5])))
        blocks.append(.bars(title: t(.impactChart), r.courses.map { c in
            ReportBar(label: d.courseName(c.course), value: max(c.overall.meanChange ?? 0, 0),
                      shown: c.overall.people.isShown ? decimal(c.overall.meanChange, signed: true) : t(.tooFewPairs))
        }))
        let unitRows = r.courses.flatMap { c in c.byUnit.map { [d.courseName(c.course), d.unitName($0.unit)] + cells($0.figure) } }
        if !unitRows.isEmpty {
            blocks.append(.table(ReportTable(caption: t(.byUnit), header: [t(.course), t(.unit), t(.people), t(.pairs), t(.meanChange), t(.shareImproved)],
                                             rows: unitRows, numeric: [2, 3, 4, 5])))
        }
        blocks.append(.paragraph(t(.smallGroupNote)))
        return ReportDocument(title: t(.impactTitle), subtitle: subtitle(r.units, r.on), blocks: blocks, language: language)
    }

    // MARK: curricula

    public func curricula(_ r: CurriculumRenewalReport) -> ReportDocument {
        var blocks: [ReportBlock] = [.paragraph(ReportStr.curriculaWithin.format(language, String(r.withinMonths), date(r.on.adding(months: r.withinMonths))))]
        guard !r.curricula.isEmpty else {
            return ReportDocument(title: t(.curriculaTitle), subtitle: [ReportStr.asOf.format(language, date(r.on))],
                                  blocks: blocks + [.paragraph(t(.curriculaNone))], language: language)
        }
        let rows = r.curricula.map { c in
            [d.courseName(c.course), c.certifiedOn.map(date) ?? t(.notRecorded), String(c.years), c.endsOn.map(date) ?? "—",
             c.lapsed ? t(.lapsed) : (c.due ? t(.due) : "")]
        }
        blocks.append(.table(ReportTable(caption: t(.curriculaTitle), header: [t(.course), t(.certifiedOn), t(.years), t(.endsOn), t(.due)],
                                         rows: rows, numeric: [2])))
        return ReportDocument(title: t(.curriculaTitle), subtitle: [ReportStr.asOf.format(language, date(r.on))], blocks: blocks, language: language)
    }
}
