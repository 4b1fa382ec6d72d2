import CareerApp
import CareerCatalog
import CareerEngine
import CareerStore
import Foundation

/// Who may use the TUI's Reports screen: the `--as` person's role read as the CLI reads it
/// (`AccountService.viewer(for:)`: hr, or a supervisor), then their reach in the store.
enum ReportsRuntime {
    static func reportViewer(_ viewer: Viewer, store: SQLiteRecordStore) -> Viewer {
        guard case .supervisor(let id) = viewer else { return viewer }
        return ((try? AccountService(store: store).viewer(for: id)) ?? nil) ?? viewer
    }

    /// The units `viewerID` may report on, or nil when none (or no `--as`).
    static func reach(viewerID: String?, store: SQLiteRecordStore, catalog: Catalog) throws -> (units: [String], isHR: Bool)? {
        guard let viewerID else { return nil }
        let viewer = reportViewer(.supervisor(personID: viewerID), store: store)
        let units = try store.reportUnits(viewer: viewer, catalog: catalog)
        guard !units.isEmpty else { return nil }
        if case .hr = viewer { return (units, true) }
        return (units, false)
    }
}

/// The Reports screen's effects against the store, as the viewer (access and audit are the store's).
/// Every refusal goes back as a `ReportsProblem`, worded by the screen in its language.
extension EffectRunner {
    func performReports(_ effect: ReportsEffect) -> [ReportsEvent] {
        guard let catalog = reportCatalog else { return [.failed(.unavailable)] }
        let viewer = ReportsRuntime.reportViewer(self.viewer, store: store)
        let screen = screenPrefix + ":reports"
        switch effect {
        case .load(let tab, let unit, let year, let on):
            do {
                let units = [unit] + catalog.descendants(of: unit).map(\.id)
                switch tab {
                case .usage:
                    return [.loaded(tab, .usage(try store.usageReport(unit: unit, fiscalYear: year, viewer: viewer, catalog: catalog, screen: screen)))]
                case .needs:
                    return [.loaded(tab, .needs(try store.trainingNeeds(units: units, target: nil, on: on, viewer: viewer, catalog: catalog, screen: screen)))]
                case .impact:
                    return [.loaded(tab, .impact(try store.trainingImpact(units: units, on: on, viewer: viewer, catalog: catalog, screen: screen)))]
                case .curricula:
                    return [.loaded(tab, .curricula(CurriculumRenewal.report(catalog.courses, on: on, withinMonths: 12)))]
                case .rollup:
                    return [.loaded(tab, .rollup(try store.usageRollup(fiscalYear: year, viewer: viewer, catalog: catalog, screen: screen)))]
                }
            } catch {
                return [.failed(Self.reportsProblem(error, department: tab == .rollup))]
            }
        case .save(let form):
            do {
                try store.saveUsageForm(form, viewer: viewer, catalog: catalog, screen: screen)
                return [.saved(error: nil)]
            } catch {
                return [.saved(error: Self.reportsProblem(error))]
            }
        case .submit(let unit, let year):
            do {
                try store.submitUsageForm(unit: unit, fiscalYear: year, viewer: viewer, catalog: catalog, screen: screen)
                return [.submitted(error: nil)]
            } catch {
                return [.submitted(error: Self.reportsProblem(error))]
            }
        case .setDue(let due, let year):
            // As `report usage --set-due`: HR only, a day the year allows; checked and audited in the store.
            do {
                try store.setUsageReportDue(due, fiscalYear: year, viewer: viewer, screen: screen)
                return [.dueSet(due, fiscalYear: year, error: nil)]
            } catch {
                return [.dueSet(due, fiscalYear: year, error: Self.reportsProblem(error, department: true))]
            }
        }
    }

    /// What the store's error means for the screen: a refusal of the unit or of HR's work, a
    /// refused form or day, else the records could not be read or written (`StoreProblem`).
    static func reportsProblem(_ error: Error, department: Bool = false) -> ReportsProblem {
        if let denied = error as? ReportAccessDenied { return department ? .hrOnly : .denied(unit: denied.unit) }
        if let refusal = error as? UsageReportRefusal { return .refused(refusal) }
        return .store(StoreProblem.explain(error))
    }
}
