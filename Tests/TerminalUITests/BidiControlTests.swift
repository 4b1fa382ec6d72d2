import Testing
@testable import TerminalUI

/// `TextWidth.isBidiControl` names Unicode's Bidi_Control scalars itself (the property lookup was
/// the cost of the command line's output); the standard library's property is its oracle.
@Suite("Bidi controls")
struct BidiControlTests {
    @Test("the twelve scalars are exactly those with the Bidi_Control property")
    func sameAsTheProperty() {
        var named: [UInt32] = [], differ: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextWidth.isBidiControl(value) != scalar.properties.isBidiControl { differ.append("U+" + String(value, radix: 16)) }
            if TextWidth.isBidiControl(value) { named.append(value) }
        }
        #expect(differ.isEmpty, "\(differ)")
        #expect(named.count == 12)
    }
}
