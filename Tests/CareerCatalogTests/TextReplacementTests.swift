import Testing
@testable import CareerCatalog

/// The one formatter behind every Thai/English string table (`fillingPlaceholders`).
@Suite("Text replacement")
struct TextReplacementTests {
    @Test("placeholders are filled in one pass: in any order, repeated, beside Thai, and %10 is the tenth")
    func placeholders() {
        #expect("%1 คน".fillingPlaceholders(["320"]) == "320 คน")
        #expect("%2 ถึง %1, %2".fillingPlaceholders(["ก", "ข"]) == "ข ถึง ก, ข")
        #expect("สายงาน `%1` ไม่มีระดับ `%2` (มี %3)".fillingPlaceholders(["pr", "K9", "K1–K5"]) == "สายงาน `pr` ไม่มีระดับ `K9` (มี K1–K5)")
        let ten = (1...10).map { "a\($0)" }
        #expect("%10|%1|%1x".fillingPlaceholders(ten) == "a10|a1|a1x")
        #expect("%1%2".fillingPlaceholders(["x", "y"]) == "xy")
    }

    @Test("what is put in is not read again, and a % that names no argument is kept")
    func literalText() {
        // A name holding "%1" (from the records) stays as written.
        #expect("%2: %1".fillingPlaceholders(["P1", "50%1 off"]) == "50%1 off: P1")
        #expect("100% ครบ %1".fillingPlaceholders(["x"]) == "100% ครบ x")
        #expect("%3 and %0 and %".fillingPlaceholders(["x", "y"]) == "%3 and %0 and %")
        #expect("%1".fillingPlaceholders([]) == "%1")
        #expect("ไม่มีตัวแทน".fillingPlaceholders(["x"]) == "ไม่มีตัวแทน")
        #expect("%99999999999999999999".fillingPlaceholders(["x"]) == "%99999999999999999999")
    }

    @Test("replacingAll replaces every occurrence")
    func replacingAll() {
        #expect("a|b|".replacingAll("|", with: "\\|") == "a\\|b\\|")
        #expect("ก&ข".replacingAll("&", with: "&amp;") == "ก&amp;ข")
        #expect("abc".replacingAll("", with: "x") == "abc")
    }
}
