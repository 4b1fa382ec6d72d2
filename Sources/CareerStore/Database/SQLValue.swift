import Foundation

/// One value going to or coming from either database engine: what a column holds.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let v): return "'" + v.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let v): return "x'" + v.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}

/// A Swift type a column can be read as or a statement argument given as (`String`, `Int`, `Int64`,
/// `Double`, `Bool`, `Data`; an optional one reads NULL as nil and binds nil as NULL).
public protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
    /// nil when `value` does not convert (NULL, or another kind).
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public static func fromSQL(_ value: SQLValue) -> String? {
        switch value {
        case .text(let v): return v
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .blob(let v): return String(decoding: v, as: UTF8.self)
        case .null: return nil
        }
    }
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public static func fromSQL(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let v): return v
        case .real(let v): return Int64(exactly: v.rounded(.towardZero))
        case .text(let v): return Int64(v)
        case .blob, .null: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int? { Int64.fromSQL(value).map { Int($0) } }
}

extension Int32: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int32? { Int64.fromSQL(value).flatMap { Int32(exactly: $0) } }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .real(self) }
    public static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let v): return v
        case .integer(let v): return Double(v)
        case .text(let v): return Double(v)
        case .blob, .null: return nil
        }
    }
}

/// Stored as 0 / 1 in both engines (an INTEGER column); PostgreSQL's own booleans (EXISTS) read as such.
extension Bool: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public static func fromSQL(_ value: SQLValue) -> Bool? { Int64.fromSQL(value).map { $0 != 0 } }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
    public static func fromSQL(_ value: SQLValue) -> Data? {
        switch value {
        case .blob(let v): return Data(v)
        case .text(let v): return Data(v.utf8)
        default: return nil
        }
    }
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
    public static func fromSQL(_ value: SQLValue) -> SQLValue? { value }
}


/// The values bound to a statement's `?` marks, in order.
///
///     var arguments: SQLArguments = [personID]
///     arguments += [unit]
public struct SQLArguments: Sendable, Hashable, ExpressibleByArrayLiteral {
    public var values: [SQLValue]

    public init(arrayLiteral elements: (any SQLValueConvertible)?...) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public init(values: [SQLValue] = []) { self.values = values }

    public init<S: Sequence>(_ sequence: S) where S.Element: SQLValueConvertible {
        values = sequence.map(\.sqlValue)
    }

    public var isEmpty: Bool { values.isEmpty }

    public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments { SQLArguments(values: lhs.values + rhs.values) }
    public static func += (lhs: inout SQLArguments, rhs: SQLArguments) { lhs.values += rhs.values }
}

/// One row of a result: values by position (`row[0]`) or by column name (`row["status"]`),
/// converted to the type the caller asks for.
///
/// A row from `SQLRow.fetchCursor` may be read in place from the engine's current row (SQLite's
/// statement): it holds until the cursor's next `next()`; `copy()` keeps one for longer.
public struct SQLRow: CustomStringConvertible {
    enum Storage {
        case values(columns: [String], values: [SQLValue])
        /// The current row of a cursor, read column by column when asked for.
        case current(any CurrentRow)
    }
    let storage: Storage

    public init(columns: [String], values: [SQLValue]) { storage = .values(columns: columns, values: values) }
    init(current: any CurrentRow) { storage = .current(current) }

    public var columns: [String] {
        switch storage {
        case .values(let columns, _): return columns
        case .current(let row): return row.columns
        }
    }

    public var values: [SQLValue] {
        switch storage {
        case .values(_, let values): return values
        case .current(let row): return (0..<row.columns.count).map(row.value(at:))
        }
    }

    public var count: Int {
        switch storage {
        case .values(_, let values): return values.count
        case .current(let row): return row.columns.count
        }
    }

    /// The value in column `index`.
    @inline(__always)
    func value(at index: Int) -> SQLValue {
        switch storage {
        case .values(_, let values): return values[index]
        case .current(let row): return row.value(at: index)
        }
    }

    /// This row with its values read out: stays as it is when the cursor moves on.
    public func copy() -> SQLRow { SQLRow(columns: columns, values: values) }

    /// The value at `index` as `T`; a NULL or a value of another kind is a damaged database.
    public subscript<T: SQLValueConvertible>(_ index: Int) -> T {
        let value = value(at: index)
        guard let converted = T.fromSQL(value) else {
            fatalError("column \(columns[index]) holds \(value), not \(T.self): the personnel database looks damaged")
        }
        return converted
    }

    /// The value at `index`, nil for NULL.
    public subscript<T: SQLValueConvertible>(_ index: Int) -> T? { T.fromSQL(value(at: index)) }

    public subscript<T: SQLValueConvertible>(_ name: String) -> T { self[index(of: name)] }
    public subscript<T: SQLValueConvertible>(_ name: String) -> T? { self[index(of: name)] }

    func index(of name: String) -> Int {
        guard let index = columns.firstIndex(of: name) else { fatalError("no column `\(name)` in \(columns)") }
        return index
    }

    public var description: String {
        "[" + zip(columns, values).map { "\($0):\($1)" }.joined(separator: " ") + "]"
    }
}

/// An engine's current row under a cursor (see `SQLCursor`), read in place.
protocol CurrentRow: AnyObject {
    var columns: [String] { get }
    func value(at index: Int) -> SQLValue
}
