extension String {
    /// Replaces every occurrence of `target`, without Foundation: the engine stays free of it and the
    /// UI uses it on per-key paths.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}

extension String {
    /// The template with `%1`, `%2` … replaced by `arguments` in order; the one formatter behind every
    /// Thai/English string table. One pass: `%` and the digits after it name one argument (`%10` is the
    /// tenth, never the first and a 0), text put in is not read again (an argument holding `%1` stays
    /// as it is), and a `%` with no digits or a number beyond the arguments is kept.
    public func fillingPlaceholders(_ arguments: [String]) -> String {
        guard !arguments.isEmpty, utf8.contains(UInt8(ascii: "%")) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + arguments.reduce(0) { $0 + $1.utf8.count })
        let scalars = unicodeScalars
        var copied = scalars.startIndex
        var index = copied
        while index < scalars.endIndex {
            guard scalars[index] == "%" else { scalars.formIndex(after: &index); continue }
            var end = scalars.index(after: index)
            var number = 0
            while end < scalars.endIndex, case let value = scalars[end].value, value >= 0x30, value <= 0x39 {
                number = min(number * 10 + Int(value - 0x30), Int(Int32.max))
                scalars.formIndex(after: &end)
            }
            guard end > scalars.index(after: index), (1...arguments.count).contains(number) else {
                index = end
                continue
            }
            out.unicodeScalars.append(contentsOf: scalars[copied..<index])
            out += arguments[number - 1]
            copied = end
            index = end
        }
        out.unicodeScalars.append(contentsOf: scalars[copied...])
        return out
    }
}
