/// The compiled catalog's byte form (`CatalogCache`): each model type writes its fields in a fixed
/// order and reads them back in that order (`CompiledValue`, next to the type in
/// `CompiledModel.swift`). No keys, tags or reflection: a start reads the file in one pass of plain
/// calls the compiler specialises, where a `Decoder` cost one runtime scan of the program's
/// ~7,600 protocol conformances per model type (`KeyedDecodingContainer<CodingKeys>`) — most of
/// the catalog's load (docs/architecture.md, "The first paint"). Every read checks its bounds;
/// bytes that are not a whole catalog throw `Malformed`.
enum CompiledCoding {
    struct Malformed: Error {}

    static func encode<T: CompiledValue>(_ value: T) throws -> [UInt8] {
        var writer = CompiledWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    static func decode<T: CompiledValue>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = CompiledReader(bytes: buffer)
            let value = try T(from: &reader)
            guard reader.position == buffer.count else { throw Malformed() }
            return value
        }
    }
}

/// A value with a compiled form: `write` puts its fields out in order, `init(from:)` reads them
/// back in the same order.
protocol CompiledValue {
    init(from reader: inout CompiledReader) throws
    func write(to writer: inout CompiledWriter)
}

struct CompiledWriter {
    private(set) var bytes: [UInt8] = []

    /// A count, length or tag (not negative).
    mutating func count(_ value: Int) { varint(UInt64(value)) }

    /// An unsigned LEB128 varint.
    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func write(_ value: some CompiledValue) { value.write(to: &self) }

    /// Appends raw bytes (a string's UTF-8, a double's bits).
    mutating func append(_ raw: some Sequence<UInt8>) { bytes += raw }
}

struct CompiledReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func read<T: CompiledValue>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw CompiledCoding.Malformed() }
        defer { position += 1 }
        return bytes[position]
    }

    /// A varint written by `CompiledWriter.varint`.
    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw CompiledCoding.Malformed() }
            value |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    /// A count or length: no more than the bytes left (each item takes at least one), so a damaged
    /// count is refused before anything is allocated for it.
    mutating func count() throws -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - position) else { throw CompiledCoding.Malformed() }
        return Int(value)
    }

    /// The next `length` bytes.
    mutating func take(_ length: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard length >= 0, length <= bytes.count - position else { throw CompiledCoding.Malformed() }
        defer { position += length }
        return UnsafeBufferPointer(rebasing: bytes[position..<(position + length)])
    }
}

// MARK: The standard library's values

extension String: CompiledValue {
    init(from reader: inout CompiledReader) throws {
        self = String(decoding: try reader.take(try reader.count()), as: UTF8.self)
    }
    func write(to writer: inout CompiledWriter) {
        writer.count(utf8.count)
        writer.append(utf8)
    }
}

extension Int: CompiledValue {
    /// Zigzag, so that small negative numbers stay short.
    init(from reader: inout CompiledReader) throws {
        let raw = try reader.varint()
        self = Int(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }
    func write(to writer: inout CompiledWriter) {
        let v = Int64(self)
        writer.varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }
}

extension Bool: CompiledValue {
    init(from reader: inout CompiledReader) throws {
        switch try reader.byte() {
        case 0: self = false
        case 1: self = true
        default: throw CompiledCoding.Malformed()
        }
    }
    func write(to writer: inout CompiledWriter) { writer.append(CollectionOfOne(self ? 1 : 0)) }
}

extension Double: CompiledValue {
    init(from reader: inout CompiledReader) throws {
        var bits: UInt64 = 0
        for (i, byte) in try reader.take(8).enumerated() { bits |= UInt64(byte) << (8 * UInt64(i)) }
        self = Double(bitPattern: bits)
    }
    func write(to writer: inout CompiledWriter) {
        let bits = bitPattern
        writer.append((0..<8).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) })
    }
}

extension Array: CompiledValue where Element: CompiledValue {
    init(from reader: inout CompiledReader) throws {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
    func write(to writer: inout CompiledWriter) {
        writer.count(count)
        for element in self { element.write(to: &writer) }
    }
}

extension Optional: CompiledValue where Wrapped: CompiledValue {
    init(from reader: inout CompiledReader) throws {
        self = try Bool(from: &reader) ? try Wrapped(from: &reader) : nil
    }
    func write(to writer: inout CompiledWriter) {
        writer.write(self != nil)
        if case .some(let value) = self { value.write(to: &writer) }
    }
}

/// Written in key order, so that the same catalog gives the same bytes.
extension Dictionary: CompiledValue where Key == String, Value: CompiledValue {
    init(from reader: inout CompiledReader) throws {
        let count = try reader.count()
        self = [:]
        reserveCapacity(count)
        for _ in 0..<count {
            let key = try String(from: &reader)
            self[key] = try Value(from: &reader)
        }
    }
    func write(to writer: inout CompiledWriter) {
        writer.count(count)
        for key in keys.sorted() {
            writer.write(key)
            writer.write(self[key]!)
        }
    }
}
