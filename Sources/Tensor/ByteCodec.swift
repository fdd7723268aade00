/// The little-endian byte layout that workspace files (`:save`) and the messages to the
/// learner's process share: whole numbers, strings, and tensors as
///
///     dtype u8 (0 bool, 1 int64, 2 float32, 3 float64, 4 uint8, 5 float16), ndim u32, dims u64 × ndim, elements
public struct ByteWriter {
    public private(set) var data: [UInt8] = []

    public init() {}

    public mutating func u8(_ v: UInt8) { data.append(v) }
    public mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    public mutating func bytes(_ v: [UInt8]) { data.append(contentsOf: v) }

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

    /// A tensor's dtype, shape and elements.
    public mutating func tensor(_ t: Tensor) {
        u8(UInt8(ByteReader.dtypes.firstIndex(of: t.dtype)!))
        u32(UInt32(t.ndim))
        t.shape.forEach { u64(UInt64($0)) }
        switch t.storage {
        case .bool(let a): littleEndian(a.map { UInt8($0 ? 1 : 0) })
        case .int64(let a): littleEndian(a)
        case .float32(let a): littleEndian(a.map(\.bitPattern))
        case .float64(let a): littleEndian(a.map(\.bitPattern))
        case .uint8(let a): littleEndian(a)
        case .float16(let a): littleEndian(a.map(\.bitPattern))
        }
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

    /// `count` whole numbers stored little-endian, as `ByteWriter.littleEndian` writes them.
    public mutating func littleEndian<T: FixedWidthInteger>(_ count: Int, as type: T.Type) throws -> [T] {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow, count >= 0, byteCount <= remaining else { throw malformed("ends too early (it is truncated)") }
        defer { position += byteCount }
        return data.withUnsafeBytes { raw in
            (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: position + $0 * MemoryLayout<T>.size, as: T.self)) }
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

    /// A tensor as `ByteWriter.tensor` writes it, refused unless its shape is one a tensor
    /// may have within the allocation limit (`Tensor.checkAllocation`).
    public mutating func tensor() throws -> Tensor {
        let code = Int(try u8())
        guard code < ByteReader.dtypes.count else { throw malformed("holds an unknown dtype") }
        let ndim = Int(try u32())
        guard ndim <= Tensor.maxDimensions else {
            throw malformed("holds a tensor of \(ndim) dimensions; the limit is \(Tensor.maxDimensions)")
        }
        let shape = try (0..<ndim).map { _ -> Int in
            guard let d = Int(exactly: try u64()) else { throw malformed("holds a tensor dimension that is too large") }
            return d
        }
        let n = try Tensor.checkAllocation(shape, operation: "tensor")
        return try elements(n, ByteReader.dtypes[code]).reshaped(shape)
    }

    /// The next `n` elements of `dtype` as a 1-D tensor, as numpy lays them out in memory
    /// on a little-endian machine (a bool is one byte, non-zero for true).
    public mutating func elements(_ n: Int, _ dtype: DType) throws -> Tensor {
        switch dtype {
        case .bool: return Tensor(shape: [n], bools: try littleEndian(n, as: UInt8.self).map { $0 != 0 })
        case .uint8: return Tensor(shape: [n], bytes: try littleEndian(n, as: UInt8.self))
        case .int64: return Tensor(shape: [n], int64s: try littleEndian(n, as: Int64.self))
        case .float16: return Tensor(shape: [n], halves: try littleEndian(n, as: UInt16.self).map(Float16.init(bitPattern:)))
        case .float32: return Tensor(shape: [n], floats: try littleEndian(n, as: UInt32.self).map(Float.init(bitPattern:)))
        case .float64: return Tensor(shape: [n], storage: .float64(try littleEndian(n, as: UInt64.self).map(Double.init(bitPattern:))))
        }
    }

    /// Dtypes by their code in the bytes; new dtypes are added at the end, so older files still read.
    static let dtypes: [DType] = [.bool, .int64, .float32, .float64, .uint8, .float16]
}

/// Bytes that are not what `ByteWriter` writes: cut short, or holding values out of range.
public struct ByteReaderError: Error, CustomStringConvertible, Equatable {
    public let description: String
}
