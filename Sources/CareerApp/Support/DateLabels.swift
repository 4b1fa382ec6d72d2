import CareerCatalog
import Foundation

/// Formatted dates, memoised: `DateText` goes through Foundation's formatters (B.E. in Thai),
/// which is too slow to call for every row on every key press.
enum DateLabels {
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var short: [Key: String] = [:]
    }
    private struct Key: Hashable { let day: Int; let language: Language }
    private static let cache = Cache()

    /// "31 ส.ค. 2568" / "31 Aug 2025".
    static func short(_ date: CivilDate, _ language: Language) -> String {
        let key = Key(day: date.dayNumber, language: language)
        cache.lock.lock()
        if let hit = cache.short[key] { cache.lock.unlock(); return hit }
        cache.lock.unlock()
        let text = DateText.format(date, language)
        cache.lock.lock()
        if cache.short.count > 20_000 { cache.short.removeAll() }
        cache.short[key] = text
        cache.lock.unlock()
        return text
    }

    /// A year as shown in Thai (B.E.) or English (C.E.).
    static func year(_ year: Int, _ language: Language) -> Int {
        language == .th ? year + 543 : year
    }
}
