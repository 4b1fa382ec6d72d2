import CareerCatalog
import CareerEngine
import Testing
@testable import CareerApp

@Suite("text tables")
struct TextTableTests {
    @Test("every case of the app's tables has Thai and English text with the same placeholders")
    func appTablesComplete() {
        let problems = Str.problems() + KioskText.problems() + SupText.problems() + SuccessionText.problems() + ReportStr.problems()
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("the check finds a missing translation and a lost placeholder")
    func checkCanFail() {
        #expect(Broken.problems() == ["Broken.missing: no Thai", "Broken.lost: placeholders [\"%1\", \"%2\"] in Thai, [\"%1\"] in English"])
        #expect(Broken.problems(placeholdersMayDiffer: ["lost"]) == ["Broken.missing: no Thai"])
    }

    @Test("format fills placeholders in order; a value picks its table's case")
    func formatting() {
        #expect(Str.monthsOf.format(.en, "12", "48") == "12 of 48 months")
        #expect(SuccessionText.showing.format(.en, "20", "300") == "showing 20 of 300 (--limit 0 shows all)")
        #expect(SuccessionText.band(.readyNow).text(.th) == "พร้อมทันที")
        #expect(SupText.ready(nil) == .readyUnknown && Str.status(PlanStatus(rawValue: "approved") ?? .draft) == .planStatusApproved)
        #expect(Str.status(SavedPlan(id: 1, personID: "", target: "", status: "something new", createdBy: "", stepCount: 0).planStatus) == .planStatusDraft)
    }
}

/// A table with both faults the check looks for.
private enum Broken: String, CaseIterable, TextTable {
    case missing, lost
    var pair: (th: String, en: String) {
        switch self {
        case .missing: (" ", "English only")
        case .lost: ("%1 จาก %2", "%1 of")
        }
    }
}
