/// A piece of text the department publishes in both Thai and English.
public struct LocalizedText: Sendable, Hashable {
    public var th: String
    public var en: String

    public init(th: String, en: String) {
        self.th = th
        self.en = en
    }

    /// The text in the given language, falling back to the other one when empty.
    public func text(_ language: Language) -> String {
        switch language {
        case .th: return th.isEmpty ? en : th
        case .en: return en.isEmpty ? th : en
        }
    }

    /// Both languages joined: a message built from parts.
    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(th: lhs.th + rhs.th, en: lhs.en + rhs.en)
    }

    /// The text as published in the other language ("" when none): shown beside `text(_:)`.
    public func otherText(_ language: Language) -> String {
        language == .th ? en : th
    }
}

/// A message in Thai and English (the catalog loader's, the import's).
package func said(_ th: String, _ en: String) -> LocalizedText { LocalizedText(th: th, en: en) }

/// The two languages CareerPath speaks.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case th, en
}
