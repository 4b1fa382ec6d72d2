/// The compiled catalog's byte form (`CatalogCache`): any `Codable` value as a tree of tagged
/// values, each container prefixed with its length in bytes and its count, so a reader can skip
/// what it does not ask for. Keys are written (a dictionary's keys are data); a keyed container is
/// read in the order it was written, with a search when a key is asked for out of order or is
/// missing (`decodeIfPresent`). Nothing here knows the catalog's types.
enum CompiledCoding {
    struct Malformed: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = NodeEncoder(codingPath: [])
        try value.encode(to: encoder)
        var out: [UInt8] = []
        encoder.node.write(into: &out)
        return out
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let reader = Reader(bytes: buffer)
            let decoder = NodeDecoder(reader: reader, at: 0, codingPath: [])
            let value = try T(from: decoder)
            guard try reader.end(of: 0) == buffer.count else { throw Malformed() }
            return value
        }
    }

    // Tags.
    static let tagNil: UInt8 = 0, tagBool: UInt8 = 1, tagInt: UInt8 = 2, tagDouble: UInt8 = 3, tagString: UInt8 = 4
    static let tagKeyed: UInt8 = 5, tagUnkeyed: UInt8 = 6
}

// MARK: Writing

/// A value being encoded: a scalar's bytes, or a container's children.
private final class Node {
    enum Kind { case scalar([UInt8]), keyed([(String, Node)]), unkeyed([Node]), empty }
    var kind: Kind = .empty

    func write(into out: inout [UInt8]) {
        switch kind {
        case .empty: out.append(CompiledCoding.tagNil)
        case .scalar(let bytes): out += bytes
        case .keyed(let entries):
            out.append(CompiledCoding.tagKeyed)
            let lengthAt = out.count
            out += [0, 0, 0, 0]
            writeVarint(UInt64(entries.count), into: &out)
            for (key, child) in entries {
                writeVarint(UInt64(key.utf8.count), into: &out)
                out += key.utf8
                child.write(into: &out)
            }
            patchLength(at: lengthAt, in: &out)
        case .unkeyed(let items):
            out.append(CompiledCoding.tagUnkeyed)
            let lengthAt = out.count
            out += [0, 0, 0, 0]
            writeVarint(UInt64(items.count), into: &out)
            for child in items { child.write(into: &out) }
            patchLength(at: lengthAt, in: &out)
        }
    }

    /// The bytes after the 4-byte length field, little-endian.
    private func patchLength(at index: Int, in out: inout [UInt8]) {
        let length = UInt32(out.count - index - 4)
        for i in 0..<4 { out[index + i] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(i))) }
    }
}

private func writeVarint(_ value: UInt64, into out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
    }
    out.append(UInt8(v))
}

private func scalar(_ value: some BinaryInteger) -> [UInt8] {
    let v = Int64(value)
    var out = [CompiledCoding.tagInt]
    writeVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), into: &out)
    return out
}

private func scalar(_ value: String) -> [UInt8] {
    var out = [CompiledCoding.tagString]
    writeVarint(UInt64(value.utf8.count), into: &out)
    out += value.utf8
    return out
}

private func scalar(_ value: Double) -> [UInt8] {
    var out = [CompiledCoding.tagDouble]
    let bits = value.bitPattern
    for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
    return out
}

private final class NodeEncoder: Encoder, SingleValueEncodingContainer {
    let node = Node()
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = node.kind {} else { node.kind = .keyed([]) }
        return KeyedEncodingContainer(KeyedWriter<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = node.kind {} else { node.kind = .unkeyed([]) }
        return UnkeyedWriter(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { node.kind = .scalar([CompiledCoding.tagNil]) }
    func encode(_ value: Bool) throws { node.kind = .scalar([CompiledCoding.tagBool, value ? 1 : 0]) }
    func encode(_ value: String) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: Double) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: Float) throws { node.kind = .scalar(scalar(Double(value))) }
    func encode(_ value: Int) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: Int8) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: Int16) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: Int32) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: Int64) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: UInt) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: UInt8) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: UInt16) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: UInt32) throws { node.kind = .scalar(scalar(value)) }
    func encode(_ value: UInt64) throws {
        guard value <= UInt64(Int64.max) else { throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "too large")) }
        node.kind = .scalar(scalar(value))
    }
    func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> NodeEncoder {
        let encoder = NodeEncoder(codingPath: codingPath + [key])
        guard case .keyed(var entries) = node.kind else { return encoder }
        node.kind = .empty
        entries.append((key.stringValue, encoder.node))
        node.kind = .keyed(entries)
        return encoder
    }

    mutating func encodeNil(forKey key: Key) throws { try child(key).encodeNil() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try child(key).encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try child(key).encode(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { child(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { child(Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int {
        if case .unkeyed(let items) = node.kind { return items.count }
        return 0
    }

    private func child() -> NodeEncoder {
        let encoder = NodeEncoder(codingPath: codingPath)
        guard case .unkeyed(var items) = node.kind else { return encoder }
        node.kind = .empty
        items.append(encoder.node)
        node.kind = .unkeyed(items)
        return encoder
    }

    mutating func encodeNil() throws { try child().encodeNil() }
    mutating func encode<T: Encodable>(_ value: T) throws { try child().encode(value) }
    mutating func encode(_ value: Bool) throws { try child().encode(value) }
    mutating func encode(_ value: String) throws { try child().encode(value) }
    mutating func encode(_ value: Double) throws { try child().encode(value) }
    mutating func encode(_ value: Int) throws { try child().encode(value) }
    mutating func encode(_ value: Float) throws { try child().encode(value) }
    mutating func encode(_ value: Int8) throws { try child().encode(value) }
    mutating func encode(_ value: Int16) throws { try child().encode(value) }
    mutating func encode(_ value: Int32) throws { try child().encode(value) }
    mutating func encode(_ value: Int64) throws { try child().encode(value) }
    mutating func encode(_ value: UInt) throws { try child().encode(value) }
    mutating func encode(_ value: UInt8) throws { try child().encode(value) }
    mutating func encode(_ value: UInt16) throws { try child().encode(value) }
    mutating func encode(_ value: UInt32) throws { try child().encode(value) }
    mutating func encode(_ value: UInt64) throws { try child().encode(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        child().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { child().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { child() }
}

// MARK: Reading

/// The bytes, read where a decoder asks; every read checks its bounds.
private final class Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func byte(_ at: Int) throws -> UInt8 {
        guard at >= 0, at < bytes.count else { throw CompiledCoding.Malformed() }
        return bytes[at]
    }

    /// A varint at `at`: its value and the index after it.
    func varint(_ at: Int) throws -> (UInt64, Int) {
        var value: UInt64 = 0, shift: UInt64 = 0, i = at
        while true {
            let b = try byte(i)
            i += 1
            guard shift < 64 else { throw CompiledCoding.Malformed() }
            value |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return (value, i) }
            shift += 7
        }
    }

    func count(_ at: Int) throws -> Int {
        let (value, _) = try varint(at)
        guard value <= UInt64(bytes.count) else { throw CompiledCoding.Malformed() }
        return Int(value)
    }

    /// The index after the value at `at`.
    func end(of at: Int) throws -> Int {
        switch try byte(at) {
        case CompiledCoding.tagNil: return at + 1
        case CompiledCoding.tagBool: return at + 2
        case CompiledCoding.tagInt: return try varint(at + 1).1
        case CompiledCoding.tagDouble: return at + 9
        case CompiledCoding.tagString:
            let (length, start) = try varint(at + 1)
            guard length <= UInt64(bytes.count) else { throw CompiledCoding.Malformed() }
            return start + Int(length)
        case CompiledCoding.tagKeyed, CompiledCoding.tagUnkeyed:
            var length = 0
            for i in 0..<4 { length |= Int(try byte(at + 1 + i)) << (8 * i) }
            return at + 5 + length
        default: throw CompiledCoding.Malformed()
        }
    }

    func string(_ start: Int, _ length: Int) throws -> String {
        guard start >= 0, length >= 0, start + length <= bytes.count else { throw CompiledCoding.Malformed() }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]), as: UTF8.self)
    }

    /// The entries of the keyed container at `at`: each key and where its value starts.
    func entries(_ at: Int) throws -> [(key: String, value: Int)] {
        guard try byte(at) == CompiledCoding.tagKeyed else { throw CompiledCoding.Malformed() }
        let (n, first) = try varint(at + 5)
        guard n <= UInt64(bytes.count) else { throw CompiledCoding.Malformed() }
        var out: [(key: String, value: Int)] = []
        out.reserveCapacity(Int(n))
        var i = first
        for _ in 0..<n {
            let (length, start) = try varint(i)
            guard length <= UInt64(bytes.count) else { throw CompiledCoding.Malformed() }
            let key = try string(start, Int(length))
            let value = start + Int(length)
            out.append((key, value))
            i = try end(of: value)
        }
        return out
    }

    /// Where the items of the unkeyed container at `at` start.
    func items(_ at: Int) throws -> [Int] {
        guard try byte(at) == CompiledCoding.tagUnkeyed else { throw CompiledCoding.Malformed() }
        let (n, first) = try varint(at + 5)
        guard n <= UInt64(bytes.count) else { throw CompiledCoding.Malformed() }
        var out: [Int] = []
        out.reserveCapacity(Int(n))
        var i = first
        for _ in 0..<n {
            out.append(i)
            i = try end(of: i)
        }
        return out
    }
}

private struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let reader: Reader
    let at: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(reader: Reader, at: Int, codingPath: [any CodingKey]) {
        self.reader = reader
        self.at = at
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: reader, entries: try reader.entries(at), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedReader(reader: reader, items: try reader.items(at), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    private func mismatch<T>(_ type: T.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "not a \(type) in the compiled catalog"))
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard try reader.byte(at) == CompiledCoding.tagInt else { throw mismatch(type) }
        let (raw, _) = try reader.varint(at + 1)
        let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let result = T(exactly: value) else { throw mismatch(type) }
        return result
    }

    func decodeNil() -> Bool { (try? reader.byte(at)) == CompiledCoding.tagNil }
    func decode(_ type: Bool.Type) throws -> Bool {
        guard try reader.byte(at) == CompiledCoding.tagBool else { throw mismatch(type) }
        return try reader.byte(at + 1) != 0
    }
    func decode(_ type: String.Type) throws -> String {
        guard try reader.byte(at) == CompiledCoding.tagString else { throw mismatch(type) }
        let (length, start) = try reader.varint(at + 1)
        guard length <= UInt64(reader.bytes.count) else { throw mismatch(type) }
        return try reader.string(start, Int(length))
    }
    func decode(_ type: Double.Type) throws -> Double {
        guard try reader.byte(at) == CompiledCoding.tagDouble else { throw mismatch(type) }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(try reader.byte(at + 1 + i)) << (8 * UInt64(i)) }
        return Double(bitPattern: bits)
    }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}

/// A keyed reader's position (the container protocol's reads are not mutating).
private final class Cursor {
    var index = 0
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: Reader
    let entries: [(key: String, value: Int)]
    let codingPath: [any CodingKey]
    /// Where the next key is expected (entries are read in the order they were written).
    private let next = Cursor()

    init(reader: Reader, entries: [(key: String, value: Int)], codingPath: [any CodingKey]) {
        self.reader = reader
        self.entries = entries
        self.codingPath = codingPath
    }

    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

    private func index(of key: Key) -> Int? {
        let name = key.stringValue
        if next.index < entries.count, entries[next.index].key == name { return next.index }
        return entries.firstIndex { $0.key == name }
    }

    func contains(_ key: Key) -> Bool { index(of: key) != nil }

    private func decoder(_ key: Key) throws -> NodeDecoder {
        guard let i = index(of: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "not in the compiled catalog"))
        }
        next.index = i + 1
        return NodeDecoder(reader: reader, at: entries[i].value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).decodeNil() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: decoder(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).decode(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        let d = try decoder(key)
        return d.decodeNil() ? nil : try T(from: d)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard contains(key) else { return nil }
        let d = try decoder(key)
        return d.decodeNil() ? nil : try d.decode(type)
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try decoder(Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: Reader
    let items: [Int]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(reader: Reader, items: [Int], codingPath: [any CodingKey]) {
        self.reader = reader
        self.items = items
        self.codingPath = codingPath
    }

    private mutating func decoder() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "past the end"))
        }
        defer { currentIndex += 1 }
        return NodeDecoder(reader: reader, at: items[currentIndex], codingPath: codingPath)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, (try? reader.byte(items[currentIndex])) == CompiledCoding.tagNil else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder()) }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try decoder().decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decoder().decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decoder().decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decoder().decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decoder().decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decoder().decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decoder().decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decoder().decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decoder().decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decoder().decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder().decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder().decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder().decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder().decode(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try decoder().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try decoder() }
}
