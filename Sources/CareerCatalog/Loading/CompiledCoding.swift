/// The compiled catalog's byte form (`CatalogCache`): each model type writes its fields in a fixed
/// order and reads them back in that order (`CompiledValue`, next to the type in
/// `CompiledModel.swift`). No keys, tags or reflection: a start reads the file in one pass of plain
/// calls the compiler specialises, where a `Decoder` cost one runtime scan of the program's
/// ~7,600 protocol conformances per model type (`KeyedDecodingContainer<CodingKeys>`) — most of
/// the catalog's load (docs/architecture.md, "The first paint"). Every read checks its bounds;
/// bytes that are not a whole catalog throw `Malformed`.
///
/// The bytes: a string table (how many, each one's UTF-8 length, then all of them back to back),
/// then the value, where a string is its number in the table. Each distinct text is stored once
/// (a unit's id or a file's path recurs hundreds of times), so a read checks and allocates each
/// text once, not every occurrence.
enum CompiledCoding {
    struct Malformed: Error {}

    static func encode<T: CompiledValue>(_ value: T) throws -> [UInt8] {
        var body = CompiledWriter()
        value.write(to: &body)
        var table = CompiledWriter()
        table.count(body.strings.count)
        for text in body.strings { table.count(text.utf8.count) }
        for text in body.strings { table.append(text.utf8) }
        return table.bytes + body.bytes
    }

    static func decode<T: CompiledValue>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        let value = try bytes.withContiguousStorageIfAvailable { buffer in
            var reader = CompiledReader(bytes: buffer)
            try reader.readStrings()
            let value = try T(from: &reader)
            guard reader.position == buffer.count else { throw Malformed() }
            return value
        }
        guard let value else { return try decode(type, from: Array(bytes)) }
        return value
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
    /// The string table, in order of first use, and each text's number in it.
    private(set) var strings: [String] = []
    private var numbers: [String: Int] = [:]

    /// A string: its number in the table (added on first use).
    mutating func string(_ text: String) {
        if let number = numbers[text] { return count(number) }
        numbers[text] = strings.count
        count(strings.count)
        strings.append(text)
    }

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
    /// The string table (`readStrings`).
    private var strings: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads the string table: each text made once (its UTF-8 checked once), however often the
    /// catalog uses it. Bytes that are not UTF-8 are repaired, as a single text's always were: the
    /// file's checksum is what refuses damage.
    mutating func readStrings() throws {
        let total = try count()
        var lengths: [Int] = []
        lengths.reserveCapacity(total)
        for _ in 0..<total { lengths.append(try count()) }
        strings.reserveCapacity(total)
        for length in lengths { strings.append(String(decoding: try take(length), as: UTF8.self)) }
    }

    /// A string: its number in the table.
    mutating func string() throws -> String {
        let number = try varint()
        guard number < UInt64(strings.count) else { throw CompiledCoding.Malformed() }
        return strings[Int(number)]
    }

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
        self = try reader.string()
    }
    func write(to writer: inout CompiledWriter) { writer.string(self) }
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
