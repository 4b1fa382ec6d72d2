/// A rectangle of cells: the area a widget renders into.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    /// Never negative.
    public var width: Int
    /// Never negative.
    public var height: Int

    /// Negative sizes become 0, so layout arithmetic on a 1×1 terminal cannot produce
    /// a rectangle that loops backwards.
    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(width: 0, height: 0)

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "\(width)x\(height)@\(x),\(y)" }

    /// Shrunk by `amount` on every side (a box's inside is `inset(by: 1)`).
    public func inset(by amount: Int) -> Rect {
        inset(horizontal: amount, vertical: amount)
    }

    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    /// The part shared with `other` (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// A rectangle of at most the given size, centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// Row `index` of this rectangle as a one-line rectangle (empty when outside).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, index), width: 0, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// Whether a cell lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Splits into side-by-side columns (left to right).
    public func columns(_ sizes: [LayoutSize], spacing: Int = 0) -> [Rect] {
        let extents = LayoutSize.resolve(sizes, total: width, spacing: spacing)
        var position = x
        return extents.map { extent in
            defer { position += extent + spacing }
            return Rect(x: position, y: y, width: extent, height: height)
        }
    }

    /// Splits into stacked rows (top to bottom).
    public func rows(_ sizes: [LayoutSize], spacing: Int = 0) -> [Rect] {
        let extents = LayoutSize.resolve(sizes, total: height, spacing: spacing)
        var position = y
        return extents.map { extent in
            defer { position += extent + spacing }
            return Rect(x: x, y: position, width: width, height: extent)
        }
    }
}

/// How much of a split a part takes.
public enum LayoutSize: Sendable, Hashable {
    /// Exactly this many cells (less when the area is too small).
    case fixed(Int)
    /// `numerator / denominator` of the whole extent, rounded down.
    case ratio(Int, Int)
    /// What is left after fixed and ratio parts, shared among fill parts by weight.
    case fill(Int)

    /// A fill part of weight 1.
    public static let rest = LayoutSize.fill(1)

    /// Extents for `sizes` within `total` cells with `spacing` between parts.
    /// Parts are served in order; when the area runs out, later parts get 0.
    /// The extents never sum to more than `total` minus the spacing.
    public static func resolve(_ sizes: [LayoutSize], total: Int, spacing: Int = 0) -> [Int] {
        guard !sizes.isEmpty else { return [] }
        let available = max(0, total - max(0, spacing) * (sizes.count - 1))
        var extents = Array(repeating: 0, count: sizes.count)
        var remaining = available
        for (i, size) in sizes.enumerated() {
            let wanted: Int
            switch size {
            case .fixed(let n): wanted = max(0, n)
            case .ratio(let num, let den): wanted = den > 0 ? max(0, available * num / den) : 0
            case .fill: continue
            }
            extents[i] = min(wanted, remaining)
            remaining -= extents[i]
        }
        let fills = sizes.enumerated().compactMap { i, s -> (Int, Int)? in
            if case .fill(let w) = s { return (i, max(0, w)) }
            return nil
        }
        let totalWeight = fills.reduce(0) { $0 + $1.1 }
        if totalWeight > 0 {
            var given = 0
            for (n, (i, weight)) in fills.enumerated() {
                let share = n == fills.count - 1 ? remaining - given : remaining * weight / totalWeight
                extents[i] = share
                given += share
            }
        }
        return extents
    }
}
