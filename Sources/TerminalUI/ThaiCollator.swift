internal import CICU
import Foundation

/// ICU's collator for Thai ("th": dictionary order, leading vowels after their consonant, tone
/// marks only to break ties, spaces counted), used through sort keys: a key per string,
/// compared as bytes. `ThaiCollatorTests` holds it to Foundation's `compare(_:locale:)` with th_TH.
///
/// The system ICU (libicu-dev, as for `LineBreaker`) because Foundation on Linux exposes no
/// collator or sort keys, only a string comparison.
public final class ThaiCollator: @unchecked Sendable {
    /// nil when ICU cannot open the collator (its data missing).
    public static let shared = ThaiCollator()

    private let collator: UnsafeMutableRawPointer
    /// ICU allows concurrent use of one collator for const functions, but says so per function
    /// and version; a lock costs nothing next to building keys.
    private let lock = NSLock()

    private init?() {
        var status: Int32 = 0
        guard let opened = cp_ucol_open("th", &status) else { return nil }
        // ICU's "th" ignores spaces and punctuation (alternate = shifted); the order people
        // expect, and Foundation's `compare(_:locale:)`, counts them: "ก ค" before "กข".
        cp_ucol_set_attribute(opened, CP_UCOL_ALTERNATE_HANDLING, CP_UCOL_NON_IGNORABLE, &status)
        guard cp_u_failure(status) == 0 else {
            cp_ucol_close(opened)
            return nil
        }
        collator = opened
    }

    deinit { cp_ucol_close(collator) }

    /// The sort key of each text, in order (without its final NUL).
    public func sortKeys(_ texts: [String]) -> [[UInt8]] {
        lock.withLock {
            var buffer = [UInt8](repeating: 0, count: 256)
            return texts.map { text in
                let units = Array(text.utf16)
                var length = Int(cp_ucol_get_sort_key(collator, units, Int32(units.count), &buffer, Int32(buffer.count)))
                if length > buffer.count {
                    buffer = [UInt8](repeating: 0, count: length * 2)
                    length = Int(cp_ucol_get_sort_key(collator, units, Int32(units.count), &buffer, Int32(buffer.count)))
                }
                return Array(buffer[0..<max(0, length - 1)])
            }
        }
    }
}
