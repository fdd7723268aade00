import Foundation
import Tensor

/// The messages between the REPL and the process that runs the learner's functions
/// (`LearnerProcess`, `LearnerServer`). Every argument and result crosses as a tensor,
/// so one codec carries them all: numbers as 0-d tensors, index lists as int64 vectors,
/// the random generator as its state words.
///
///     frame      u64 byte count, then the body (all integers little-endian)
///     request    function name (u32 length + UTF-8), u32 count, tensors
///     reply      u8 0, u32 count, tensors           the function returned
///                u8 1, message (u32 length + UTF-8)  the function threw
///     tensor     dtype u8 (0 bool, 1 int64, 2 float32, 3 float64), ndim u32,
///                dims u64 × ndim, elements           (the payload of a :save file's tensor entry)
public enum LearnerMessage {
    public struct Request {
        public let function: String
        public let arguments: [Tensor]

        public init(function: String, arguments: [Tensor]) {
            self.function = function
            self.arguments = arguments
        }
    }

    public enum Reply {
        case values([Tensor])
        case thrown(String)
    }

    public static func encode(_ request: Request) -> [UInt8] {
        var body = Bytes()
        body.string(request.function)
        body.tensors(request.arguments)
        return body.bytes
    }

    public static func decodeRequest(_ bytes: [UInt8]) throws -> Request {
        var reader = BytesReader(bytes)
        return Request(function: try reader.string(), arguments: try reader.tensors())
    }

    public static func encode(_ reply: Reply) -> [UInt8] {
        var body = Bytes()
        switch reply {
        case .values(let tensors):
            body.u8(0)
            body.tensors(tensors)
        case .thrown(let message):
            body.u8(1)
            body.string(message)
        }
        return body.bytes
    }

    public static func decodeReply(_ bytes: [UInt8]) throws -> Reply {
        var reader = BytesReader(bytes)
        switch try reader.u8() {
        case 0: return .values(try reader.tensors())
        case 1: return .thrown(try reader.string())
        case let tag: throw LearnerMessageError("a reply of unknown kind \(tag)")
        }
    }
}

public struct LearnerMessageError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = "the learner process sent " + description }
}

/// Little-endian bytes of a message.
private struct Bytes {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }

    mutating func elements<T: FixedWidthInteger>(_ values: [T]) {
        values.forEach { v in withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    mutating func tensors(_ tensors: [Tensor]) {
        u32(UInt32(tensors.count))
        for t in tensors {
            u8(LearnerMessage.dtypes.firstIndex(of: t.dtype).map(UInt8.init) ?? 0)
            u32(UInt32(t.ndim))
            t.shape.forEach { u64(UInt64($0)) }
            switch t.storage {
            case .bool(let a): elements(a.map { UInt8($0 ? 1 : 0) })
            case .int64(let a): elements(a)
            case .float32(let a): elements(a.map(\.bitPattern))
            case .float64(let a): elements(a.map(\.bitPattern))
            }
        }
    }
}

/// Reading a message back, with bounds checks: a short or malformed message throws.
private struct BytesReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - position else { throw LearnerMessageError("a message cut short") }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func u8() throws -> UInt8 { try take(1).first! }
    mutating func u32() throws -> UInt32 { UInt32(try integer(4)) }
    mutating func u64() throws -> UInt64 { try integer(8) }

    private mutating func integer(_ size: Int) throws -> UInt64 {
        try take(size).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func string() throws -> String {
        String(decoding: try take(Int(try u32())), as: UTF8.self)
    }

    mutating func elements<T: FixedWidthInteger>(_ count: Int, as: T.Type) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard count <= (bytes.count - position) / size else { throw LearnerMessageError("a tensor cut short") }
        let raw = try take(count * size)
        return raw.withUnsafeBytes { buffer in
            (0..<count).map { T(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * size, as: T.self)) }
        }
    }

    mutating func tensors() throws -> [Tensor] {
        try (0..<Int(try u32())).map { _ in
            let code = Int(try u8())
            guard code < LearnerMessage.dtypes.count else { throw LearnerMessageError("a tensor of unknown dtype") }
            let shape = try (0..<Int(try u32())).map { _ in Int(truncatingIfNeeded: try u64()) }
            try Tensor.checkAllocation(shape, operation: "a learner call")
            let n = shape.reduce(1, *)
            switch LearnerMessage.dtypes[code] {
            case .bool: return Tensor(shape: shape, bools: try elements(n, as: UInt8.self).map { $0 != 0 })
            case .int64: return Tensor(shape: shape, int64s: try elements(n, as: Int64.self))
            case .float32: return Tensor(shape: shape, floats: try elements(n, as: UInt32.self).map(Float.init(bitPattern:)))
            case .float64: return Tensor(shape: shape, doubles: try elements(n, as: UInt64.self).map(Double.init(bitPattern:)))
            }
        }
    }
}

extension LearnerMessage {
    /// Dtypes by their code in a message.
    static let dtypes: [DType] = [.bool, .int64, .float32, .float64]
}
