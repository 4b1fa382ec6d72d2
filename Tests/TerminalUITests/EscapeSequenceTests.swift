import Testing
import TerminalUI

/// The decoder for escape sequences ncurses hands over undecoded (issue 15, item 11).
@Suite("escape sequences after ESC")
struct EscapeSequenceTests {
    /// Feeds `text` (what followed ESC) code by code; nil while it still needs more.
    func decode(_ text: String, timedOut: Bool = false) -> EscapeSequenceParser.Step {
        var parser = EscapeSequenceParser()
        var last: EscapeSequenceParser.Step = .needMore
        for scalar in text.unicodeScalars {
            last = parser.feed(scalar.value)
            if case .done = last { return last }
        }
        return timedOut ? parser.timedOut() : last
    }

    func key(_ key: KeyEvent) -> EscapeSequenceParser.Step { .done(.key(key), replay: []) }

    @Test("known CSI and SS3 keys decode, whatever the TERM said")
    func known() {
        #expect(decode("[4~") == key(.end))
        #expect(decode("[1~") == key(.home))
        #expect(decode("[8~") == key(.end))
        #expect(decode("[3~") == key(.delete))
        #expect(decode("[5~") == key(.pageUp))
        #expect(decode("[6~") == key(.pageDown))
        #expect(decode("[15~") == key(.function(5)))
        #expect(decode("[21~") == key(.function(10)))
        #expect(decode("[24~") == key(.function(12)))
        #expect(decode("[A") == key(.up))
        #expect(decode("[1;5C") == key(.right))      // Ctrl-Right: the arrow
        #expect(decode("[F") == key(.end))
        #expect(decode("[Z") == key(.backTab))
        #expect(decode("OH") == key(.home))
        #expect(decode("OP") == key(.function(1)))
        #expect(decode("[[B") == key(.function(2)))   // Linux console
    }

    @Test("an unknown sequence is dropped whole: nothing of it is typed")
    func unknownDropped() {
        let dropped = EscapeSequenceParser.Step.done(nil, replay: [])
        #expect(decode("[99~") == dropped)
        #expect(decode("[?1;2c") == dropped)            // a device-attributes report
        #expect(decode("[2 q") == dropped)              // an intermediate byte
        #expect(decode("[200~") == dropped)             // bracketed paste start
        #expect(decode("O5X") == dropped)
        #expect(decode("[>0;276;0c") == dropped)
        // Until its final byte, a sequence needs more: "~" is never left over.
        #expect(decode("[4") == .needMore)
        #expect(decode("[12;3") == .needMore)
    }

    @Test("a byte that cannot be in a sequence ends it and is read again")
    func broken() {
        #expect(decode("[4\u{7}") == .done(nil, replay: [7]))
        #expect(decode("[12\u{1B}") == .done(nil, replay: [0x1B]))
    }

    @Test("Esc alone, Esc then a key (Alt+key) and a cut-short sequence")
    func escapeAndAlt() {
        #expect(decode("", timedOut: true) == key(.escape))
        #expect(decode("x") == .done(.key(.escape), replay: [0x78]))
        #expect(decode("\u{1B}") == .done(.key(.escape), replay: [0x1B]))
        #expect(decode("ก") == .done(.key(.escape), replay: [0x0E01]))
        #expect(decode("[", timedOut: true) == .done(.key(.escape), replay: [0x5B]))
        #expect(decode("[4", timedOut: true) == .done(nil, replay: []))
    }

    @Test("SGR and X10 mouse reports")
    func mouse() {
        #expect(decode("[<0;10;5M") == .done(.mouse(MouseEvent(.press(1), x: 9, y: 4)), replay: []))
        #expect(decode("[<0;10;5m") == .done(.mouse(MouseEvent(.release, x: 9, y: 4)), replay: []))
        #expect(decode("[<64;3;7M") == .done(.mouse(MouseEvent(.scrollUp, x: 2, y: 6)), replay: []))
        #expect(decode("[<65;3;7M") == .done(.mouse(MouseEvent(.scrollDown, x: 2, y: 6)), replay: []))
        #expect(decode("[<32;3;7M") == .done(nil, replay: []))   // motion: not asked for
        #expect(decode("[M !!") == .done(.mouse(MouseEvent(.press(1), x: 0, y: 0)), replay: []))
        #expect(decode("[M#*%") == .done(.mouse(MouseEvent(.release, x: 9, y: 4)), replay: []))
        #expect(decode("[M`!!") == .done(.mouse(MouseEvent(.scrollUp, x: 0, y: 0)), replay: []))
        #expect(decode("[M ") == .needMore)
    }
}
