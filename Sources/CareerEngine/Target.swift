import CareerCatalog

/// What a person aims for: a level of a job line (promotion in line or a lateral move), a director
/// post with its experience framework, or an executive post (`deputy-director-general`, also
/// reached as `LINE:S1`); executive posts are `.directorPost` targets too.
///
///     let target = try Target.parse("public-relations-officer:K3", in: catalog)
public enum Target: Sendable, Hashable, CustomStringConvertible {
    /// `public-relations-officer:K3`.
    case jobLineLevel(jobLine: String, level: String)
    /// `dir-news-bureau`.
    case directorPost(String)

    /// The next rung of `person`'s own line (nil at the top of the line, or for a line the catalog
    /// does not know): the default target of a unit's training needs and of a supervisor's roster.
    public static func nextLevel(of person: Person, in catalog: Catalog) -> Target? {
        guard let line = catalog.jobLinesByID[person.jobLine],
              let i = line.levels.firstIndex(where: { $0.level == person.level }), i + 1 < line.levels.count else { return nil }
        return .jobLineLevel(jobLine: line.id, level: line.levels[i + 1].level)
    }

    /// The id as typed on the command line.
    public var id: String {
        switch self {
        case .jobLineLevel(let line, let level): return "\(line):\(level)"
        case .directorPost(let post): return post
        }
    }

    public var description: String { id }

    /// The level the target sits at (the post's level for a director post), if the catalog knows it.
    public func level(in catalog: Catalog) -> String? {
        switch self {
        case .jobLineLevel(_, let level): return level
        case .directorPost(let post): return catalog.directorPostsByID[post]?.level
        }
    }

    /// The target's name in `language` ("นักประชาสัมพันธ์ ชำนาญการพิเศษ", "Director, News Bureau").
    public func name(in catalog: Catalog, _ language: Language) -> String {
        switch self {
        case .jobLineLevel(let line, let level):
            let lineName = catalog.jobLinesByID[line]?.name.text(language) ?? line
            let levelName = catalog.levelsByID[level]?.name.text(language) ?? level
            return "\(lineName) \(levelName)"
        case .directorPost(let post):
            return catalog.directorPostsByID[post]?.name.text(language) ?? post
        }
    }

    /// Parses `LINE:LEVEL` or a director post id against the catalog.
    /// Unknown ids throw a `TargetError` naming the nearest known id.
    public static func parse(_ text: String, in catalog: Catalog) throws(TargetError) -> Target {
        let trimmed = text.trimmingSpaces()
        if let colon = trimmed.firstIndex(of: ":") {
            let line = String(trimmed[..<colon])
            let level = String(trimmed[trimmed.index(after: colon)...]).uppercased()
            guard let jobLine = catalog.jobLinesByID[line] else {
                throw TargetError(text: trimmed, problem: .unknownJobLine(line),
                                  suggestion: NearestID.suggestion(for: line, among: catalog.jobLines.map(\.id)))
            }
            // Job lines stop below the executive levels: `LINE:S1` names the executive post at S1
            // that the line may apply for (deputy director-general).
            if jobLine.level(level) == nil,
               let post = catalog.executivePosts.first(where: { post in
                   post.level == level && post.eligibility.contains { $0.covers(jobLine: line) }
               }) ?? catalog.executivePosts.first(where: { $0.level == level }) {
                return .directorPost(post.id)
            }
            guard jobLine.level(level) != nil else {
                let levels = jobLine.levels.map(\.level)
                throw TargetError(text: trimmed, problem: .noSuchLevel(line: line, level: level, levels: levels),
                                  suggestion: NearestID.suggestion(for: level, among: levels).map { "\(line):\($0)" })
            }
            return .jobLineLevel(jobLine: line, level: level)
        }
        if catalog.directorPostsByID[trimmed] != nil { return .directorPost(trimmed) }
        let candidates = catalog.posts.map(\.id)
            + catalog.jobLines.flatMap { line in line.levels.map { "\(line.id):\($0.level)" } }
        throw TargetError(text: trimmed, problem: .unknownTarget,
                          suggestion: NearestID.suggestion(for: trimmed, among: candidates))
    }
}

/// A target the catalog does not know, with the nearest id when there is a plausible one (the
/// command line words it).
public struct TargetError: Error, Sendable, Hashable {
    public enum Problem: Sendable, Hashable {
        /// `LINE:LEVEL` whose line the catalog does not have.
        case unknownJobLine(String)
        /// `LINE:LEVEL` whose line has no such level; `levels` are the ones it has.
        case noSuchLevel(line: String, level: String, levels: [String])
        /// Neither a director post id nor `LINE:LEVEL`.
        case unknownTarget
    }

    /// The target as given, trimmed.
    public let text: String
    public let problem: Problem
    public let suggestion: String?

    public init(text: String, problem: Problem, suggestion: String?) {
        self.text = text; self.problem = problem; self.suggestion = suggestion
    }
}

extension String {
    /// Trims ASCII spaces and tabs without Foundation.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
        return String(s)
    }
}
