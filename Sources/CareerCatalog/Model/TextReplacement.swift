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
    /// Thai/English string table. Highest first, so `%1` does not eat the start of `%10`.
    public func fillingPlaceholders(_ arguments: [String]) -> String {
        var out = self
        for (i, argument) in arguments.enumerated().reversed() {
            out = out.replacingAll("%\(i + 1)", with: argument)
        }
        return out
    }
}
