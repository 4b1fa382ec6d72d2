import CareerCatalog

/// `careerpath [--person ID] [--as ID] [--lang th|en] [--no-mouse] [--data DIR] [--database PATH]`: the TUI's
/// options as plain values, what `TUICommand.start` runs on.
///
/// `parse` reads the common case without ArgumentParser: building a command's argument set
/// (reflection and dynamic casts over the whole binary's protocol conformances) took about
/// 2 ms, a sixth of the time to the first screen that `bench ui` holds to 3× an empty program.
/// It takes only what it is sure of; anything else (an unknown or repeated option, a missing or
/// odd value, `--help`) returns nil and goes through ArgumentParser, which gives the usual
/// messages. `TUIOptionsTests` checks both give the same options and that it knows every option
/// `TUICommand` declares.
struct TUIOptions: Equatable {
    var person: String?
    var viewerID: String?
    var lang: Language?
    var data: String?
    var database: String?
    var firstPaintOnly = false
    var noMouse = false

    /// The long names of the flags, and of the options that take a value.
    static let flagNames: Set<String> = ["first-paint-only", "no-mouse"]
    static let valueNames: Set<String> = ["person", "as", "lang", "data", "database"]

    /// Sets the option `name` (one of `flagNames` or `valueNames`); false for a value it refuses.
    private mutating func set(_ name: String, _ value: String?) -> Bool {
        switch (name, value) {
        case ("first-paint-only", nil): firstPaintOnly = true
        case ("no-mouse", nil): noMouse = true
        case ("person", let value?): person = value
        case ("as", let value?): viewerID = value
        case ("data", let value?): data = value
        case ("database", let value?): database = value
        case ("lang", let value?):
            guard let language = Language(rawValue: value) else { return false }
            lang = language
        default: return false
        }
        return true
    }

    /// The options of `careerpath ARGUMENTS` when they are plain TUI options, else nil.
    static func parse(_ arguments: [String]) -> TUIOptions? {
        var options = TUIOptions()
        var seen: Set<String> = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            let body = argument.dropFirst(2)
            let name: String
            var value: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                value = String(body[body.index(after: equals)...])
                guard value != "" else { return nil }
            } else {
                name = String(body)
            }
            guard seen.insert(name).inserted else { return nil }
            if valueNames.contains(name), value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            guard options.set(name, value) else { return nil }
        }
        return options
    }
}
