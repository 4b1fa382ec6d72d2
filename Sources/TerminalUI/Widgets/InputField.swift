/// The text and cursor of an input field; edited by the app's update function.
///
/// The cursor counts grapheme clusters. Thai arrives one scalar per key, so typing ก then ั
/// gives one cluster "กั": the cursor stays after it rather than between base and mark.
public struct InputFieldState: Sendable, Hashable {
    public private(set) var text: String
    /// Position in grapheme clusters, 0...text.count.
    public private(set) var cursor: Int
    /// Most clusters accepted (a PIN: 12).
    public var maxLength: Int?

    public init(text: String = "", maxLength: Int? = nil) {
        self.text = text
        self.cursor = text.count
        self.maxLength = maxLength
    }

    /// Inserts typed text at the cursor; refused (returns false) beyond `maxLength`.
    @discardableResult
    public mutating func insert(_ typed: String) -> Bool {
        let characters = Array(text)
        let prefix = String(characters.prefix(cursor))
        let suffix = String(characters.dropFirst(cursor))
        let joined = prefix + typed + suffix
        if let maxLength, joined.count > maxLength { return false }
        // Where the cursor lands: after the clusters that hold prefix + typed.
        let scalarsBefore = prefix.unicodeScalars.count + typed.unicodeScalars.count
        text = joined
        cursor = String(String.UnicodeScalarView(joined.unicodeScalars.prefix(scalarsBefore))).count
        return true
    }

    /// Deletes the cluster before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        cursor -= 1
    }

    /// Deletes the cluster after the cursor.
    public mutating func deleteForward() {
        var characters = Array(text)
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        text = String(characters)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    /// Empties the field (sign-out, idle wipe).
    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// Applies an editing key: characters (those `accept` allows), Backspace, Delete,
    /// ←/→, Home/End, Ctrl-U (clear). Returns whether the key was used, so the caller
    /// can pass other keys (Enter, Esc, Tab) to its keymap.
    @discardableResult
    public mutating func apply(_ key: KeyEvent, accept: (Character) -> Bool = { _ in true }) -> Bool {
        switch key {
        case .char(let c):
            guard accept(c) else { return false }
            return insert(String(c))
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): clear()
        default: return false
        }
        return true
    }
}

/// A one-line input field: optional label, the text (or a mask for a PIN), the cursor drawn as
/// a reverse cell when focused (the terminal cursor stays hidden), scrolled to keep it in view.
public struct InputField: Sendable {
    public var label: String
    public var state: InputFieldState
    /// Show `glyphs.mask` for every character (PINs).
    public var masked: Bool
    public var focused: Bool
    public var placeholder: String
    public var style: Style
    public var glyphs: Glyphs

    public init(label: String = "", state: InputFieldState, masked: Bool = false, focused: Bool = true,
                placeholder: String = "", style: Style = Style(underline: true), glyphs: Glyphs = .unicode) {
        self.label = label
        self.state = state
        self.masked = masked
        self.focused = focused
        self.placeholder = placeholder
        self.style = style
        self.glyphs = glyphs
    }

    public func render(in area: Rect, grid: inout CellGrid) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        grid.clear(row)
        var x = row.x
        if !label.isEmpty {
            x += grid.put(text: label + " ", x: x, y: row.y, style: focused ? Style(fg: .accent, bold: true) : .normal,
                          maxWidth: row.width / 2)
        }
        let fieldWidth = row.maxX - x
        guard fieldWidth > 0 else { return }
        grid.fill(Rect(x: x, y: row.y, width: fieldWidth, height: 1), style: style)
        let characters: [Character] = masked ? Array(repeating: glyphs.mask, count: state.text.count) : Array(state.text)
        if characters.isEmpty, !placeholder.isEmpty, !focused {
            grid.put(text: placeholder, x: x, y: row.y, style: Style(fg: .muted, underline: style.underline), maxWidth: fieldWidth)
        }
        // Scroll so the cursor (one column after the text at the end) fits.
        let widths = characters.map { TextWidth.of($0) }
        var first = 0
        func span(_ from: Int, _ to: Int) -> Int { widths[from..<to].reduce(0, +) }
        while first < state.cursor, span(first, state.cursor) + 1 > fieldWidth { first += 1 }
        var column = x
        for index in first..<characters.count {
            let w = widths[index]
            if column + w > row.maxX { break }
            var cellStyle = style
            if focused && index == state.cursor { cellStyle.reverse = true }
            grid.put(text: String(characters[index]), x: column, y: row.y, style: cellStyle, maxWidth: w)
            column += w
        }
        if focused, state.cursor >= characters.count, column < row.maxX {
            var cursorStyle = style
            cursorStyle.reverse = true
            grid.fill(Rect(x: column, y: row.y, width: 1, height: 1), style: cursorStyle)
        }
    }
}
