import Course
import Foundation
import Support
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
///     tensor     as `ByteWriter.tensor` writes it     (the payload of a :save file's tensor entry)
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
        var body = ByteWriter()
        body.string(request.function)
        body.tensors(request.arguments)
        return body.data
    }

    public static func decodeRequest(_ bytes: [UInt8]) throws -> Request {
        try reading(bytes) { reader in Request(function: try reader.string(), arguments: try reader.tensors()) }
    }

    public static func encode(_ reply: Reply) -> [UInt8] {
        var body = ByteWriter()
        switch reply {
        case .values(let tensors):
            body.u8(0)
            body.tensors(tensors)
        case .thrown(let message):
            body.u8(1)
            body.string(message)
        }
        return body.data
    }

    public static func decodeReply(_ bytes: [UInt8]) throws -> Reply {
        try reading(bytes) { reader in
            switch try reader.u8() {
            case 0: return .values(try reader.tensors())
            case 1: return .thrown(try reader.string())
            case let tag: throw LearnerMessageError("a reply of unknown kind \(tag)")
            }
        }
    }

    /// `body` applied to a reader of `bytes`, its malformed bytes reported as a `LearnerMessageError`.
    private static func reading<T>(_ bytes: [UInt8], _ body: (inout ByteReader) throws -> T) throws -> T {
        var reader = ByteReader(bytes, source: "a message that")
        do {
            return try body(&reader)
        } catch let error as ByteReaderError {
            throw LearnerMessageError(error.description)
        }
    }
}

/// A message's list of tensors: a u32 count, then each tensor.
private extension ByteWriter {
    mutating func tensors(_ tensors: [Tensor]) {
        u32(UInt32(tensors.count))
        tensors.forEach { tensor($0) }
    }
}

private extension ByteReader {
    mutating func tensors() throws -> [Tensor] {
        try (0..<Int(try u32())).map { _ in try tensor() }
    }
}

/// A message across the process boundary that cannot be read.
public struct LearnerMessageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = "the learner process sent " + description }
}
