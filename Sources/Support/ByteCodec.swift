/// The little-endian byte layout that workspace files (`:save`) and the messages to the
/// learner's process share: whole numbers and strings here, tensors in Tensor's
/// extension (TensorBytes.swift).
public struct ByteWriter {
    public private(set) var data: [UInt8] = []

    public init() {}

    public mutating func u8(_ v: UInt8) { data.append(v) }
    public mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    public mutating func bytes(_ v: [UInt8]) { data.append(contentsOf: v) }
    public mutating func bytes(_ v: UnsafeRawBufferPointer) { data.append(contentsOf: v) }

    /// Overwrites the u32 written at `offset` (a count known only once what it counts is written).
    public mutating func u32(_ v: UInt32, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { data.replaceSubrange(offset..<offset + 4, with: $0) }
    }

    /// Drops everything written from `offset` on.
    public mutating func removeAll(from offset: Int) { data.removeSubrange(offset...) }

    /// Whole numbers in little-endian order; on a little-endian machine that is
    /// their memory, copied in one go.
    public mutating func littleEndian<T: FixedWidthInteger>(_ values: [T]) {
        #if _endian(little)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        #else
        values.forEach { v in withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        #endif
    }

    /// A u32 byte count, then the UTF-8 bytes.
    public mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
        bytes(utf8)
    }
}

/// Little-endian reading with bounds checks: short or malformed bytes throw, never crash.
/// `source` names what is read in the errors ("the file", "the learner process's message").
public struct ByteReader {
    private let data: [UInt8]
    private var position = 0
    private let source: String

    public init(_ data: [UInt8], source: String) {
        self.data = data
        self.source = source
    }

    public var remaining: Int { data.count - position }
    public var isAtEnd: Bool { position == data.count }

    public mutating func skip(_ n: Int) throws { _ = try bytes(n) }

    /// The error for `problem` with what is being read: "the file ends too early …".
    public func malformed(_ problem: String) -> ByteReaderError { ByteReaderError(description: "\(source) \(problem)") }

    public mutating func bytes(_ n: Int) throws -> [UInt8] {
        guard n >= 0, n <= remaining else { throw malformed("ends too early (it is truncated)") }
        defer { position += n }
        return Array(data[position..<position + n])
    }

    public mutating func u8() throws -> UInt8 { try bytes(1)[0] }

    /// `count` whole numbers stored little-endian, as `ByteWriter.littleEndian` writes them; on a
    /// little-endian machine that is their memory, copied in one go.
    public mutating func littleEndian<T: FixedWidthInteger>(_ count: Int, as type: T.Type) throws -> [T] {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow, count >= 0, byteCount <= remaining else { throw malformed("ends too early (it is truncated)") }
        defer { position += byteCount }
        return data.withUnsafeBytes { raw in
            let stored = UnsafeRawBufferPointer(rebasing: raw[position..<position + byteCount])
            #if _endian(little)
            return [T](unsafeUninitializedCapacity: count) { values, initialized in
                UnsafeMutableRawBufferPointer(values).copyMemory(from: stored)
                initialized = count
            }
            #else
            return (0..<count).map { T(littleEndian: stored.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self)) }
            #endif
        }
    }

    public mutating func u32() throws -> UInt32 {
        try bytes(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    public mutating func u64() throws -> UInt64 {
        try bytes(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    public mutating func string() throws -> String {
        let length = Int(try u32())
        guard let s = String(bytes: try bytes(length), encoding: .utf8) else {
            throw malformed("holds a name that is not valid UTF-8")
        }
        return s
    }
}

/// Bytes that are not what `ByteWriter` writes: cut short, or holding values out of range.
public struct ByteReaderError: Error, CustomStringConvertible, Equatable {
    public let description: String
}
