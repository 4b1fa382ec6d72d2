import Testing
import TerminalUI

@Suite("Keys and keymaps")
struct KeymapTests {
    static let bindings = [
        KeyBinding([.function(1), .char("?")], action: "help", th: "วิธีใช้", en: "Help"),
        KeyBinding([.function(10), .char("q")], action: "quit", th: "ออก", en: "Quit"),
        KeyBinding([.char("L")], action: "language", th: "สลับภาษา", en: "Switch language"),
        KeyBinding([.down, .char("j")], action: "down", th: "ลง", en: "Down", context: "list"),
        KeyBinding([.char("q")], action: "typeLetter", th: "พิมพ์", en: "Type", context: "search"),
    ]

    @Test("a valid keymap looks actions up, most specific context first")
    func lookup() throws {
        let keymap = try Keymap(validating: Self.bindings)
        #expect(keymap.action(for: .char("q"), in: ["list"]) == "quit")
        #expect(keymap.action(for: .char("q"), in: ["search", "global"]) == "typeLetter")
        #expect(keymap.action(for: .char("j"), in: ["list"]) == "down")
        #expect(keymap.action(for: .char("j"), in: ["search"]) == nil)
        #expect(keymap.action(for: .function(1), in: []) == "help")
    }

    @Test("two actions on one key in one context are rejected")
    func duplicates() {
        var bad = Self.bindings
        bad.append(KeyBinding([.char("?"), .char("x")], action: "search", th: "ค้นหา", en: "Search"))
        bad.append(KeyBinding([.char("j")], action: "jump", th: "ข้าม", en: "Jump", context: "list"))
        let conflicts = Keymap.conflicts(in: bad)
        #expect(conflicts == [
            KeymapConflict(key: .char("?"), context: "global", actions: ["help", "search"]),
            KeymapConflict(key: .char("j"), context: "list", actions: ["down", "jump"]),
        ])
        #expect(throws: KeymapError.self) { try Keymap(validating: bad) }
        #expect(conflicts[0].description.contains("key ? in context \"global\" is bound to help and search"))
        // The same key in different contexts, or the same action listed twice, is fine.
        #expect(Keymap.conflicts(in: Self.bindings).isEmpty)
        #expect(Keymap.conflicts(in: [Self.bindings[0], Self.bindings[0]]).isEmpty)
    }

    @Test("the help table is generated from the keymap, in Thai and English")
    func help() throws {
        let keymap = try Keymap(validating: Self.bindings)
        #expect(keymap.helpLines(contexts: ["global", "list"], language: .en, width: 40) == [
            "F1, ?   Help",
            "F10, q  Quit",
            "L       Switch language",
            "↓, j    Down",
        ])
        #expect(keymap.helpLines(contexts: ["global"], language: .th, width: 40, unicode: false)[2] == "L       สลับภาษา")
        #expect(keymap.helpLines(contexts: ["list"], language: .en, width: 40, unicode: false) == ["Down, j  Down"])
        let narrow = keymap.helpLines(contexts: ["global"], language: .en, width: 12)
        #expect(narrow.allSatisfy { TextWidth.of($0) <= 12 })
    }

    @Test("raw character codes decode to keys")
    func decode() {
        #expect(KeyEvent.fromCharacterCode(3) == .ctrl("c"))
        #expect(KeyEvent.fromCharacterCode(26) == .ctrl("z"))
        #expect(KeyEvent.fromCharacterCode(28) == .ctrl("\\"))
        #expect(KeyEvent.fromCharacterCode(127) == .backspace)
        #expect(KeyEvent.fromCharacterCode(8) == .backspace)
        #expect(KeyEvent.fromCharacterCode(9) == .tab)
        #expect(KeyEvent.fromCharacterCode(10) == .enter)
        #expect(KeyEvent.fromCharacterCode(13) == .enter)
        #expect(KeyEvent.fromCharacterCode(27) == .escape)
        #expect(KeyEvent.fromCharacterCode(0x0E01) == .char("ก"))
        #expect(KeyEvent.fromCharacterCode(0x0E31) == .char("\u{0E31}"))
        #expect(KeyEvent.fromCharacterCode(0x9B) == nil)
        #expect(KeyEvent.fromCharacterCode(0xD800) == nil)
    }

    @Test("key names parse and print back")
    func names() {
        let names = ["q", "?", "ก", "Ctrl-C", "F1", "F10", "Up", "PgDn", "Shift-Tab", "Enter", "Esc", "Space", "Backspace"]
        for name in names {
            let key = KeyEvent(parsing: name)
            #expect(key != nil, "\(name)")
            #expect(key?.label(unicode: false) == name, "\(name)")
        }
        #expect(KeyEvent(parsing: "^c") == .ctrl("c"))
        #expect(KeyEvent(parsing: "c-x") == .ctrl("x"))
        #expect(KeyEvent(parsing: "f5") == .function(5))
        #expect(KeyEvent(parsing: "Q") == .char("Q"))
        #expect(KeyEvent(parsing: "nonsense") == nil)
        #expect(KeyEvent.up.label() == "↑")
    }
}

@Suite("Terminal capabilities and style mapping")
struct CapabilitiesTests {
    @Test("NO_COLOR, vt100 and 256-colour terminals")
    func detect() {
        let utf8 = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
        #expect(TerminalCapabilities.detect(environment: utf8, hasColors: true, terminalColors: 256).colors == .ansi256)
        #expect(TerminalCapabilities.detect(environment: utf8, hasColors: true, terminalColors: 8).colors == .ansi8)
        var noColor = utf8
        noColor["NO_COLOR"] = "1"
        #expect(TerminalCapabilities.detect(environment: noColor, hasColors: true, terminalColors: 256).colors == .monochrome)
        noColor["NO_COLOR"] = ""
        #expect(TerminalCapabilities.detect(environment: noColor, hasColors: true, terminalColors: 256).colors == .ansi256)
        let vt100 = TerminalCapabilities.detect(environment: ["LANG": "C.UTF-8", "TERM": "vt100"], hasColors: false, terminalColors: -1)
        #expect(vt100.colors == .monochrome)
        #expect(vt100.unicode)
        #expect(!vt100.canShowThai)
        let posix = TerminalCapabilities.detect(environment: ["LANG": "C", "LC_ALL": "", "TERM": "xterm"], hasColors: true, terminalColors: 8)
        #expect(!posix.unicode)
        #expect(posix.glyphs == .ascii)
        #expect(TerminalCapabilities.detect(environment: ["LC_ALL": "th_TH.utf8"], hasColors: true, terminalColors: 8).canShowThai)
    }

    @Test("without colour, roles become bold and reverse")
    func monochrome() {
        let mapping = StyleMapping(colors: .monochrome)
        #expect(mapping.attributes(for: .selection) == TerminalAttributes(reverse: true))
        #expect(mapping.attributes(for: .title) == TerminalAttributes(bold: true))
        #expect(mapping.attributes(for: .bad) == TerminalAttributes(bold: true, underline: true))
        #expect(mapping.attributes(for: .normal) == TerminalAttributes())
        #expect(mapping.attributes(for: Style(underline: true)).underline)
        #expect(mapping.attributes(for: .bar).foreground == nil)
    }

    @Test("with colour, roles get palette colours and readable text on backgrounds")
    func colour() {
        let mapping = StyleMapping(colors: .ansi8)
        #expect(mapping.attributes(for: .bad) == TerminalAttributes(foreground: 1, background: -1))
        #expect(mapping.attributes(for: .selection) == TerminalAttributes(foreground: 0, background: 6))
        #expect(mapping.attributes(for: .normal) == TerminalAttributes(foreground: -1, background: -1))
        #expect(!mapping.attributes(for: .selection).reverse)
        #expect(StyleMapping(colors: .ansi256).describe().count == ColorRole.allCases.count)
    }
}
