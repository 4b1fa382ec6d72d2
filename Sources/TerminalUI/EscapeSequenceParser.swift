/// Reads what follows an ESC that ncurses handed over undecoded: a sequence its terminfo entry
/// lacks (End as `ESC [4~` under a mismatched TERM, SGR mouse reports, Shift-arrows), Alt+key,
/// or Esc alone. A control sequence is read whole to its final byte (ECMA-48: CSI parameters
/// 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E; SS3 one final byte) and either decoded
/// from the common xterm/vt220/rxvt/Linux-console forms or dropped, so none of it is typed.
///
///     var parser = EscapeSequenceParser()          // after ESC was read
///     parser.feed(0x5B); parser.feed(0x34)         // .needMore
///     parser.feed(0x7E)                            // .done(.key(.end), replay: [])
public struct EscapeSequenceParser: Sendable {
    /// What a code (or the wait running out) led to.
    public enum Step: Sendable, Hashable {
        /// The sequence is not finished: read another code (with the escape delay as timeout).
        case needMore
        /// Finished: the event it means (nil: an unknown sequence, dropped whole), then codes to
        /// read again as ordinary input (the key after Esc for Alt+key; a byte that broke a sequence).
        case done(InputEvent?, replay: [UInt32])
    }

    /// The codes after ESC so far.
    public private(set) var codes: [UInt32] = []

    public init() {}

    private static let esc: UInt32 = 0x1B
    private static let csi: UInt32 = 0x5B   // [
    private static let ss3: UInt32 = 0x4F   // O

    /// Adds the next code read after ESC.
    public mutating func feed(_ code: UInt32) -> Step {
        codes.append(code)
        guard let first = codes.first else { return .needMore }
        if first != Self.csi && first != Self.ss3 {
            // Esc then a key: Esc, and the key read as itself (Alt+x; Esc Esc).
            return .done(.key(.escape), replay: [first])
        }
        let body = Array(codes.dropFirst())
        if body.isEmpty { return .needMore }
        return first == Self.csi ? controlSequence(body) : singleShift(body)
    }

    /// No further code came within the escape delay.
    public func timedOut() -> Step {
        // Esc alone; or Esc then "[" or "O" typed (Alt+[, Alt+O): Esc and the character.
        if codes.count <= 1 { return .done(.key(.escape), replay: codes) }
        // A sequence cut short: what came is not text either.
        return .done(nil, replay: [])
    }

    // MARK: - CSI

    private func controlSequence(_ body: [UInt32]) -> Step {
        // Linux console F1–F5: ESC [ [ A … E ("[" is itself a final byte).
        if body.first == Self.csi {
            if body.count < 2 { return .needMore }
            let keys: [UInt32: Int] = [0x41: 1, 0x42: 2, 0x43: 3, 0x44: 4, 0x45: 5]
            return .done(keys[body[1]].map { .key(.function($0)) }, replay: [])
        }
        // X10 mouse: ESC [ M and three bytes (button + 32, column + 33, row + 33).
        if body.first == 0x4D {
            if body.count < 4 { return .needMore }
            return .done(Self.x10Mouse(body[1], body[2], body[3]), replay: [])
        }
        var index = 0
        while index < body.count, (0x30...0x3F).contains(body[index]) { index += 1 }
        let parameterEnd = index
        while index < body.count, (0x20...0x2F).contains(body[index]) { index += 1 }
        guard index < body.count else { return .needMore }
        let final = body[index]
        guard (0x40...0x7E).contains(final) else {
            // Not a control sequence after all: drop what came, read the breaking code again.
            return .done(nil, replay: [final])
        }
        let parameters = String(String.UnicodeScalarView(body[..<parameterEnd].compactMap(Unicode.Scalar.init)))
        let hasIntermediates = index > parameterEnd
        return .done(hasIntermediates ? nil : Self.decodeCSI(parameters, final: final), replay: [])
    }

    private static func decodeCSI(_ parameters: String, final: UInt32) -> InputEvent? {
        if parameters.hasPrefix("<") { return sgrMouse(parameters.dropFirst(), pressed: final == 0x4D, final: final) }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        // Parameters must be plain numbers (a "?" or ">" prefix is a report, not a key).
        guard parameters.isEmpty || numbers.allSatisfy({ $0 != nil }) else { return nil }
        switch final {
        case 0x41: return .key(.up)          // A
        case 0x42: return .key(.down)        // B
        case 0x43: return .key(.right)       // C
        case 0x44: return .key(.left)        // D
        case 0x48: return .key(.home)        // H
        case 0x46: return .key(.end)         // F
        case 0x5A: return .key(.backTab)     // Z
        case 0x7E:                           // ~ (vt220 editing and function keys)
            guard let n = numbers.first ?? nil else { return nil }
            let tilde: [Int: KeyEvent] = [
                1: .home, 7: .home, 2: .insert, 3: .delete, 4: .end, 8: .end, 5: .pageUp, 6: .pageDown,
                11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
                17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
                23: .function(11), 24: .function(12),
            ]
            return tilde[n].map(InputEvent.key)
        default: return nil
        }
    }

    /// SGR (1006) mouse: `ESC [ < b ; x ; y M` (press) or `m` (release), 1-based cells.
    private static func sgrMouse(_ parameters: Substring, pressed: Bool, final: UInt32) -> InputEvent? {
        guard final == 0x4D || final == 0x6D else { return nil }
        let numbers = parameters.split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        return mouse(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, released: !pressed)
    }

    private static func x10Mouse(_ b: UInt32, _ x: UInt32, _ y: UInt32) -> InputEvent? {
        guard b >= 32, x >= 33, y >= 33 else { return nil }
        let button = Int(b) - 32
        return mouse(button: button, x: Int(x) - 33, y: Int(y) - 33, released: button & 3 == 3 && button & 64 == 0)
    }

    /// The button code of both encodings: low two bits the button, +32 motion, +64 wheel.
    private static func mouse(button code: Int, x: Int, y: Int, released: Bool) -> InputEvent? {
        if code & 32 != 0 { return nil }                       // motion: not asked for
        if code & 64 != 0 {
            if released { return nil }
            switch code & 3 {
            case 0: return .mouse(MouseEvent(.scrollUp, x: x, y: y))
            case 1: return .mouse(MouseEvent(.scrollDown, x: x, y: y))
            default: return nil
            }
        }
        if released { return .mouse(MouseEvent(.release, x: x, y: y)) }
        return .mouse(MouseEvent(.press((code & 3) + 1), x: x, y: y))
    }

    // MARK: - SS3

    private func singleShift(_ body: [UInt32]) -> Step {
        var index = 0
        while index < body.count, (0x30...0x3F).contains(body[index]) { index += 1 }
        guard index < body.count else { return .needMore }
        let final = body[index]
        guard (0x40...0x7E).contains(final) else { return .done(nil, replay: [final]) }
        let keys: [UInt32: KeyEvent] = [
            0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
            0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4), 0x4D: .enter,
        ]
        return .done(keys[final].map(InputEvent.key), replay: [])
    }
}
