import CareerCatalog

/// A table of interface text in Thai and English: every table (`Str`, `KioskText`, `SupText`,
/// `SuccessionWords`, the command line's tables) is an enum whose `pair` is one exhaustive
/// `switch`, so a case without its two texts does not compile, and nothing falls back to "".
/// Names of lines, posts, units … come from the catalog's `LocalizedText`, not from here.
///
///     Str.paths.text(.th)                      // "เส้นทาง"
///     Str.monthsOf.format(.en, "12", "48")     // "12 of 48 months"
public protocol TextTable: Sendable {
    /// (Thai, English); `%1`, `%2` … mark where `format` puts its arguments.
    var pair: (th: String, en: String) { get }
}

extension TextTable {
    /// The text in a language.
    public func text(_ language: Language) -> String {
        language == .th ? pair.th : pair.en
    }

    /// The text with `%1`, `%2` … replaced by `arguments` in order.
    public func format(_ language: Language, _ arguments: String...) -> String {
        text(language).fillingPlaceholders(arguments)
    }

    /// `format` with the arguments in an array (for wrappers that take their own variadic list).
    public func format(_ language: Language, arguments: [String]) -> String {
        text(language).fillingPlaceholders(arguments)
    }
}

extension TextTable where Self: CaseIterable {
    /// What is wrong with the table, one line each: a case without Thai or English, or whose two
    /// texts take different `%n` placeholders (a value dropped in one language). Cases named in
    /// `placeholdersMayDiffer` pass another component's message through in one language. The tests
    /// check every table with it.
    public static func problems(placeholdersMayDiffer: Set<String> = []) -> [String] {
        var problems: [String] = []
        for entry in allCases {
            let (th, en) = entry.pair
            if th.allSatisfy(\.isWhitespace) { problems.append("\(Self.self).\(entry): no Thai") }
            if en.allSatisfy(\.isWhitespace) { problems.append("\(Self.self).\(entry): no English") }
            let thai = placeholders(th), english = placeholders(en)
            if !placeholdersMayDiffer.contains("\(entry)"), thai != english {
                problems.append("\(Self.self).\(entry): placeholders \(thai.sorted()) in Thai, \(english.sorted()) in English")
            }
        }
        return problems
    }

    /// The `%1` … `%9` in a template.
    static func placeholders(_ template: String) -> Set<String> {
        var out: Set<String> = []
        var previous: Character?
        for c in template {
            if previous == "%", c.isNumber { out.insert("%\(c)") }
            previous = c
        }
        return out
    }
}
