/// A mouse event in cell coordinates (0-based, top-left is 0,0), as the terminal reports it.
public struct MouseEvent: Sendable, Hashable, CustomStringConvertible {
    public enum Action: Sendable, Hashable {
        /// A button went down: 1 left, 2 middle, 3 right. The app acts on the press (as htop does).
        case press(Int)
        /// A button went up.
        case release
        /// The wheel turned away from the user (content moves down, the list scrolls up).
        case scrollUp
        case scrollDown
    }

    public var action: Action
    public var x: Int
    public var y: Int

    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }

    public var description: String { "\(action)@\(x),\(y)" }
}

/// What the terminal delivers: a key (or a resize) or a mouse event.
public enum InputEvent: Sendable, Hashable {
    case key(KeyEvent)
    case mouse(MouseEvent)
}
