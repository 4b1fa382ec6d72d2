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
            let decoder = NodeDecoder(reader: reader, at: 0)
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

    /// The container at `at` (of the kind `tag`): how many entries, and where the first starts.
    func contents(_ at: Int, tag: UInt8) throws -> (count: Int, first: Int) {
        guard try byte(at) == tag else { throw CompiledCoding.Malformed() }
        let (n, first) = try varint(at + 5)
        guard n <= UInt64(bytes.count) else { throw CompiledCoding.Malformed() }
        return (Int(n), first)
    }

    /// The keyed entry at `at`: whether its key is `key`, and where its value starts.
    func entry(_ at: Int, is key: String) throws -> (matches: Bool, value: Int) {
        let (length, start) = try varint(at)
        guard length <= UInt64(bytes.count), start + Int(length) <= bytes.count else { throw CompiledCoding.Malformed() }
        let value = start + Int(length)
        var matches = key.utf8.count == Int(length)
        if matches {
            var i = start
            for byte in key.utf8 where matches {
                matches = bytes[i] == byte
                i += 1
            }
        }
        return (matches, value)
    }
}

/// Reads the value at `at`. No coding path is kept (an array per value read cost more than the
/// rest of the read); an error says only that the compiled form is not the catalog's.
private struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let reader: Reader
    let at: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(reader: Reader, at: Int) {
        self.reader = reader
        self.at = at
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let (count, first) = try reader.contents(at, tag: CompiledCoding.tagKeyed)
        return KeyedDecodingContainer(KeyedReader<Key>(reader: reader, count: count, first: first))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (count, first) = try reader.contents(at, tag: CompiledCoding.tagUnkeyed)
        return UnkeyedReader(reader: reader, count: count, next: first)
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

/// A keyed reader's position: the entry it expects next, and where that entry starts (the
/// container protocol's reads are not mutating).
private final class Cursor {
    var index = 0
    var position: Int
    init(position: Int) { self.position = position }
}

/// Entries are read in the order they were written (what synthesized `Codable` does); a key asked
/// for out of order, or not there (`decodeIfPresent`), is looked for from the first entry.
private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: Reader
    let count: Int
    let first: Int
    private let cursor: Cursor

    init(reader: Reader, count: Int, first: Int) {
        self.reader = reader
        self.count = count
        self.first = first
        cursor = Cursor(position: first)
    }

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var at = first
        for _ in 0..<count {
            guard let (length, start) = try? reader.varint(at), length <= UInt64(reader.bytes.count),
                  let name = try? reader.string(start, Int(length)),
                  let next = try? reader.end(of: start + Int(length)) else { return keys }
            if let key = Key(stringValue: name) { keys.append(key) }
            at = next
        }
        return keys
    }

    /// Where the value of `key` starts, or nil; moves the cursor past it.
    private func find(_ key: Key) throws -> Int? {
        let name = key.stringValue
        if cursor.index < count {
            let (matches, value) = try reader.entry(cursor.position, is: name)
            if matches {
                cursor.index += 1
                cursor.position = try reader.end(of: value)
                return value
            }
        }
        var at = first
        for index in 0..<count {
            let (matches, value) = try reader.entry(at, is: name)
            let next = try reader.end(of: value)
            if matches {
                cursor.index = index + 1
                cursor.position = next
                return value
            }
            at = next
        }
        return nil
    }

    func contains(_ key: Key) -> Bool {
        let saved = (cursor.index, cursor.position)
        defer { (cursor.index, cursor.position) = saved }
        return (try? find(key)) != nil
    }

    private func decoder(_ key: Key) throws -> NodeDecoder {
        guard let at = try find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the compiled catalog"))
        }
        return NodeDecoder(reader: reader, at: at)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let saved = (cursor.index, cursor.position)
        let isNil = try decoder(key).decodeNil()
        if !isNil { (cursor.index, cursor.position) = saved }   // the value is read next
        return isNil
    }
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
        guard let at = try find(key) else { return nil }
        let d = NodeDecoder(reader: reader, at: at)
        return d.decodeNil() ? nil : try T(from: d)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let at = try find(key) else { return nil }
        let d = NodeDecoder(reader: reader, at: at)
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
    let total: Int
    /// Where the next item starts.
    var next: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(reader: Reader, count: Int, next: Int) {
        self.reader = reader
        self.total = count
        self.next = next
    }

    private mutating func decoder() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: [], debugDescription: "past the end"))
        }
        let at = next
        next = try reader.end(of: at)
        currentIndex += 1
        return NodeDecoder(reader: reader, at: at)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.byte(next) == CompiledCoding.tagNil else { return false }
        next += 1
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
