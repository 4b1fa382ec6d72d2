import Foundation
import Testing
import TerminalUI

/// ICU's sort keys must order Thai text exactly as Foundation's th_TH comparison does: the
/// picker sorts by the keys, and people expect the dictionary order Foundation gives.
@Suite("Thai collation by ICU sort keys")
struct ThaiCollatorTests {
    @Test("sort keys order names exactly as Foundation's th_TH compare, spaces, digits and Latin included")
    func sortKeysMatchFoundation() throws {
        let collator = try #require(ThaiCollator.shared, "the ICU collator must open, or the picker falls back to Foundation")
        let syllables = ["เก", "แก้ว", "กมล", "ใจ", "ไพ", "โส", "ภา", "สม", "ชาย", "ณัฐ", "ฐิ", "ปิ่น", "ปิน", "น้ำ", "นำ", "ฤดี", "ก", "ข", "ฃ",
                         "เกศ", "เก่ง", "เก้า", "ไก่", "ไข่", "ศรี", "อ", "ฮ", "Ann", "นิ่ม", "ดร.", "ณ", "-", "bob", "Bob", "ฯ", "๑", "2"]
        // A fixed linear congruential sequence: the same names on every run.
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        var names: [String] = []
        for _ in 0..<300 {
            var name = ""
            for _ in 0..<(1 + next() % 3) { name += syllables[next() % syllables.count] }
            if next() % 3 == 0 { name += " " + syllables[next() % syllables.count] }
            names.append(name)
        }
        let thai = Locale(identifier: "th_TH")
        let keys = collator.sortKeys(names)
        #expect(keys.count == names.count)
        var disagreements: [String] = []
        for i in names.indices {
            for j in names.indices where j > i {
                let expected = names[i].compare(names[j], options: [], range: nil, locale: thai)
                let got: ComparisonResult = keys[i] == keys[j] ? .orderedSame
                    : keys[i].lexicographicallyPrecedes(keys[j]) ? .orderedAscending : .orderedDescending
                if got != expected { disagreements.append("\(names[i]) vs \(names[j])") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) pairs, first: \(disagreements.prefix(5))")
    }
}
