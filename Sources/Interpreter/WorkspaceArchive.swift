import Foundation
import Tensor

/// An object that `:save` can write and `:load` can read back (a model, say).
/// Register its type with `session.registerArchivable(MLP.self)` so `:load` knows it.
public protocol ArchivableObject: ScriptObject {
    /// The name its entries are stored under, e.g. "MLP"; unique among archivable types.
    static var archiveKind: String { get }
    /// The object as bytes, in a format of its own.
    func archived() throws -> Data
    /// The object back from `archived()`'s bytes; throws if they are not valid.
    static func unarchived(from data: Data) throws -> Self
}

/// The `:save` file format: simple, versioned, checked, no Codable.
///
///     magic       8 bytes  "MLPLABWS"
///     version     u32      1
///     count       u32      number of entries
///     entries     name (u32 length + UTF-8), tag (u8), payload
///     checksum    u32      CRC-32 (zlib's) of every byte before it
///
/// Payloads by tag (all integers little-endian):
///
///     1 tensor   dtype u8 (0 bool, 1 int64, 2 float32, 3 float64), ndim u32, dims u64 × ndim, elements
///     2 int      i64
///     3 float    f64 bits
///     4 bool     u8
///     5 string   u32 length + UTF-8
///     6 object   kind (u32 length + UTF-8), u64 length + the object's own bytes
enum WorkspaceArchive {
    static let magic = Array("MLPLABWS".utf8)
    static let version: UInt32 = 1

    private enum Tag: UInt8 {
        case tensor = 1, int, float, bool, string, object
    }

    /// The file's bytes, and the names of the values that have no file format (functions, tuples …).
    /// Throws, naming the variable, for a value that `decode` would refuse to read back.
    static func encode(_ variables: [(String, Value)]) throws -> (bytes: [UInt8], skipped: [String]) {
        var entries = ByteWriter()
        var count: UInt32 = 0
        var skipped: [String] = []
        for (name, value) in variables {
            var entry = ByteWriter()
            entry.string(name)
            let written: Bool
            do {
                written = try write(value, to: &entry)
            } catch {
                throw InterpreterError(.file, "cannot save '\(name)': \(InterpreterError.wrapping(error).message)")
            }
            guard written else {
                skipped.append(name)
                continue
            }
            entries.bytes(entry.data)
            count += 1
        }
        var file = ByteWriter()
        file.bytes(magic)
        file.u32(version)
        file.u32(count)
        file.bytes(entries.data)
        file.u32(Checksum.crc32(file.data))
        return (file.data, skipped)
    }

    /// Writes one value's tag and payload; false when the value has no file format.
    private static func write(_ value: Value, to writer: inout ByteWriter) throws -> Bool {
        switch value {
        case .tensor(let t):
            try checkTensorShape(t.shape)
            writer.u8(Tag.tensor.rawValue)
            writer.u8(dtypeCode(t.dtype))
            writer.u32(UInt32(t.ndim))
            t.shape.forEach { writer.u64(UInt64($0)) }
            switch t.storage {
            case .bool(let a): writer.littleEndian(a.map { UInt8($0 ? 1 : 0) })
            case .int64(let a): writer.littleEndian(a)
            case .float32(let a): writer.littleEndian(a.map(\.bitPattern))
            case .float64(let a): writer.littleEndian(a.map(\.bitPattern))
            }
        case .int(let i):
            writer.u8(Tag.int.rawValue)
            writer.u64(UInt64(bitPattern: Int64(i)))
        case .float(let d):
            writer.u8(Tag.float.rawValue)
            writer.u64(d.bitPattern)
        case .bool(let b):
            writer.u8(Tag.bool.rawValue)
            writer.u8(b ? 1 : 0)
        case .string(let s):
            writer.u8(Tag.string.rawValue)
            writer.string(s)
        case .object(let object as any ArchivableObject):
            let bytes = try object.archived()
            writer.u8(Tag.object.rawValue)
            writer.string(type(of: object).archiveKind)
            writer.u64(UInt64(bytes.count))
            writer.bytes(Array(bytes))
        default:
            return false
        }
        return true
    }

    /// The variables stored in a file, in file order. Throws a file error for
    /// anything that is not a complete, intact file of a known version.
    static func decode(_ data: Data, objectTypes: [String: (Data) throws -> any ScriptObject] = [:]) throws -> [(String, Value)] {
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count + 12, Array(bytes.prefix(magic.count)) == magic else {
            throw InterpreterError(.file, "this is not a workspace file saved by :save")
        }
        let body = Array(bytes.dropLast(4))
        var tail = ByteReader(Array(bytes.suffix(4)))
        guard try tail.u32() == Checksum.crc32(body) else {
            throw InterpreterError(.file, "the file is damaged (its checksum does not match)")
        }
        var reader = ByteReader(body)
        reader.skip(magic.count)
        let fileVersion = try reader.u32()
        guard fileVersion == version else {
            throw InterpreterError(.file, "the file has format version \(fileVersion); this mlplab reads version \(version)")
        }
        let count = try reader.u32()
        var result: [(String, Value)] = []
        for _ in 0..<count {
            let name = try reader.string()
            result.append((name, try readValue(&reader, objectTypes: objectTypes)))
        }
        guard reader.isAtEnd else { throw InterpreterError(.file, "the file has unexpected bytes after its last entry") }
        return result
    }

    private static func readValue(_ reader: inout ByteReader,
                                  objectTypes: [String: (Data) throws -> any ScriptObject]) throws -> Value {
        guard let tag = Tag(rawValue: try reader.u8()) else { throw InterpreterError(.file, "the file holds an unknown kind of value") }
        switch tag {
        case .tensor:
            guard let dtype = dtype(code: try reader.u8()) else { throw InterpreterError(.file, "the file holds an unknown dtype") }
            let ndim = Int(try reader.u32())
            guard ndim <= Tensor.maxDimensions else {
                throw InterpreterError(.file, "the file holds a tensor of \(ndim) dimensions; the limit is \(Tensor.maxDimensions)")
            }
            let shape = try (0..<ndim).map { _ -> Int in
                guard let d = Int(exactly: try reader.u64()) else { throw InterpreterError(.file, "a tensor dimension is too large") }
                return d
            }
            let n = try checkTensorShape(shape)
            switch dtype {
            case .bool: return .tensor(Tensor(shape: shape, bools: try reader.littleEndian(n, as: UInt8.self).map { $0 != 0 }))
            case .int64: return .tensor(Tensor(shape: shape, int64s: try reader.littleEndian(n, as: Int64.self)))
            case .float32: return .tensor(Tensor(shape: shape, floats: try reader.littleEndian(n, as: UInt32.self).map(Float.init(bitPattern:))))
            case .float64: return .tensor(Tensor(shape: shape, doubles: try reader.littleEndian(n, as: UInt64.self).map(Double.init(bitPattern:))))
            }
        case .int: return .int(Int(Int64(bitPattern: try reader.u64())))
        case .float: return .float(Double(bitPattern: try reader.u64()))
        case .bool: return .bool(try reader.u8() != 0)
        case .string: return .string(try reader.string())
        case .object:
            let kind = try reader.string()
            let length = try reader.u64()
            guard length <= UInt64(reader.remaining) else { throw ByteReader.truncated }
            let bytes = try reader.bytes(Int(length))
            guard let decode = objectTypes[kind] else {
                throw InterpreterError(.file, "the file holds a \(kind), which this session cannot load")
            }
            return .object(try decode(Data(bytes)))
        }
    }

    /// The one rule both `:save` and `:load` apply to a tensor, so that every file
    /// `:save` writes can be read back: a valid shape within the allocation limit.
    /// Returns the number of elements.
    @discardableResult
    private static func checkTensorShape(_ shape: [Int]) throws -> Int {
        try Tensor.checkAllocation(shape, operation: "tensor")
    }

    private static func dtypeCode(_ dtype: DType) -> UInt8 {
        switch dtype {
        case .bool: return 0
        case .int64: return 1
        case .float32: return 2
        case .float64: return 3
        }
    }

    private static func dtype(code: UInt8) -> DType? {
        [0: .bool, 1: .int64, 2: .float32, 3: .float64][code]
    }
}

/// Little-endian serialisation into a byte array.
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
}

/// Little-endian reading with bounds checks: a short file throws, never crashes.
public struct ByteReader {
    private let data: [UInt8]
    private var position = 0

    static let truncated = InterpreterError(.file, "the file ends too early (it is truncated)")

    public init(_ data: [UInt8]) { self.data = data }

    public var remaining: Int { data.count - position }
    public var isAtEnd: Bool { position == data.count }

    mutating func skip(_ n: Int) { position += n }

    public mutating func bytes(_ n: Int) throws -> [UInt8] {
        guard n >= 0, n <= remaining else { throw ByteReader.truncated }
        defer { position += n }
        return Array(data[position..<position + n])
    }

    public mutating func u8() throws -> UInt8 { try bytes(1)[0] }

    /// `count` whole numbers stored little-endian, as `ByteWriter.littleEndian` writes them.
    public mutating func littleEndian<T: FixedWidthInteger>(_ count: Int, as type: T.Type) throws -> [T] {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow, count >= 0, byteCount <= remaining else { throw ByteReader.truncated }
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
            throw InterpreterError(.file, "the file holds a name that is not valid UTF-8")
        }
        return s
    }
}
