/// A centred box with a title that covers what is below it (confirmations, help, sign-in).
public struct ModalView: Sendable {
    public var title: String
    /// Wanted outer size; shrunk to the area.
    public var width: Int
    public var height: Int
    public var borderStyle: Style
    public var titleStyle: Style
    public var glyphs: Glyphs

    public init(title: String, width: Int, height: Int, borderStyle: Style = Style(fg: .accent),
                titleStyle: Style = Style(fg: .title, bold: true), glyphs: Glyphs = .unicode) {
        self.title = title
        self.width = width
        self.height = height
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.glyphs = glyphs
    }

    /// The outer rectangle the modal takes in `area`.
    public func frame(in area: Rect) -> Rect {
        area.centered(width: width, height: height)
    }

    /// Clears the frame, draws the box and title; returns the inside for the content
    /// (empty when the area is smaller than 3×3).
    @discardableResult
    public func render(in area: Rect, grid: inout CellGrid) -> Rect {
        let outer = frame(in: area)
        guard outer.width >= 3, outer.height >= 3 else {
            grid.clear(outer)
            return .zero
        }
        grid.clear(outer)
        return grid.drawBox(outer, glyphs: glyphs.modalBox, style: borderStyle, title: title, titleStyle: titleStyle)
    }
}
