/// A key press (or a resize), decoded from the terminal; what the app's update function gets.
public enum KeyEvent: Sendable, Hashable, CustomStringConvertible {
    /// A printable character, Thai included (a Thai mark typed after its base arrives as its own event).
    case char(Character)
    /// Ctrl with a letter or symbol, lower case: `.ctrl("c")` is Ctrl-C (byte 3 in raw mode).
    case ctrl(Character)
    /// F1–F12 (terminals without some function keys need a letter alternative in the keymap).
    case function(Int)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert, delete
    case tab, backTab, enter, escape
    /// Backspace: byte 127, byte 8 and ncurses' KEY_BACKSPACE alike.
    case backspace
    /// The terminal changed size.
    case resize

    /// Decodes a character code as delivered by `wget_wch` when it returns OK (not a KEY_ code).
    /// Returns nil for codes that are not keys (C1 controls, surrogates).
    public static func fromCharacterCode(_ code: UInt32) -> KeyEvent? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl("@")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// How the key is written in help screens and the function-key bar: "q", "Ctrl-C", "F1",
    /// "↑" (or "Up" in ASCII), "Tab", "Shift-Tab", "Enter", "Esc", "Space".
    public func label(unicode: Bool = true) -> String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        case .up: return unicode ? "↑" : "Up"
        case .down: return unicode ? "↓" : "Down"
        case .left: return unicode ? "←" : "Left"
        case .right: return unicode ? "→" : "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .insert: return "Ins"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .resize: return "Resize"
        }
    }

    public var description: String { label(unicode: false) }

    /// Parses a key name as written in keymap data: a single character ("q", "?", "ก"),
    /// "Ctrl-C" / "C-c" / "^C", "F1"…"F12", "Up", "Down", "Left", "Right", "Home", "End",
    /// "PgUp"/"PageUp", "PgDn"/"PageDown", "Ins", "Del", "Tab", "Shift-Tab"/"BackTab",
    /// "Enter"/"Return", "Esc"/"Escape", "Backspace", "Space", "Resize" (names are case-insensitive,
    /// single characters are not). Returns nil for anything else.
    public init?(parsing name: String) {
        if name.count == 1, let c = name.first {
            self = .char(c)
            return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first {
                self = .ctrl(c)
                return
            }
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        let named: [String: KeyEvent] = [
            "up": .up, "down": .down, "left": .left, "right": .right,
            "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
            "pagedown": .pageDown, "ins": .insert, "insert": .insert, "del": .delete, "delete": .delete,
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "s-tab": .backTab,
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "backspace": .backspace, "bs": .backspace, "space": .char(" "), "resize": .resize,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}
