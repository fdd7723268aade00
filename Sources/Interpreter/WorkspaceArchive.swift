import Foundation
import Support
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
///     6 object   kind (u32 length + UTF-8), u64 length + the object's own bytes (a module's: its import name)
///     7 list     count u32, then each item as a tag and payload
///     8 tuple    count u32, then each item as a tag and payload
///     9 dict     count u32, then each key and its value as tags and payloads
///    10 none     nothing
///
/// Lists, tuples and dicts nest at most `Operators.maximumNesting` deep, as in a session.
enum WorkspaceArchive {
    static let magic = Array("MLPLABWS".utf8)
    static let version: UInt32 = 1

    private enum Tag: UInt8 {
        case tensor = 1, int, float, bool, string, object, list, tuple, dict, none
    }

    /// The file's bytes, and the names of the values that have no file format (functions, tuples …).
    /// Throws, naming the variable, for a value that `decode` would refuse to read back.
    static func encode(_ variables: [(String, Value)]) throws -> (bytes: [UInt8], skipped: [String]) {
        var file = ByteWriter()
        file.bytes(magic)
        file.u32(version)
        let countOffset = file.data.count
        file.u32(0)
        var count: UInt32 = 0
        var skipped: [String] = []
        // Each entry is written in place (a tensor's elements are copied once); one without a
        // file format is taken back out.
        for (name, value) in variables {
            let start = file.data.count
            file.string(name)
            let written: Bool
            do {
                written = try write(value, to: &file)
            } catch {
                throw InterpreterError(.file, "cannot save '\(name)': \(InterpreterError.wrapping(error).message)")
            }
            guard written else {
                file.removeAll(from: start)
                skipped.append(name)
                continue
            }
            count += 1
        }
        file.u32(count, at: countOffset)
        file.u32(Checksum.crc32(file.data))
        return (file.data, skipped)
    }

    /// Writes one value's tag and payload; false when the value has no file format.
    private static func write(_ value: Value, to writer: inout ByteWriter) throws -> Bool {
        switch value {
        case .tensor(let t):
            // The rule `ByteReader.tensor` applies, so that every file `:save` writes can be read back.
            try Tensor.checkAllocation(t.shape, operation: "tensor")
            writer.u8(Tag.tensor.rawValue)
            writer.tensor(t)
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
        case .none:
            writer.u8(Tag.none.rawValue)
        case .list(let items):
            return try writeItems(.list, items, to: &writer)
        case .tuple(let items):
            return try writeItems(.tuple, items, to: &writer)
        case .object(let dict as PythonDict):
            return try writeItems(.dict, zip(dict.keys, dict.values).flatMap { [$0, $1] }, count: dict.count, to: &writer)
        case .object(let object as any ArchivableObject):
            writeObject(kind: type(of: object).archiveKind, try object.archived(), to: &writer)
        case .object(let module as any ImportedModule):
            writeObject(kind: moduleKind, Data(module.importName.utf8), to: &writer)
        default:
            return false
        }
        return true
    }

    /// The kind under which a module's import name is stored.
    static let moduleKind = "module"

    /// An object's tag, kind and bytes.
    private static func writeObject(kind: String, _ bytes: Data, to writer: inout ByteWriter) {
        writer.u8(Tag.object.rawValue)
        writer.string(kind)
        writer.u64(UInt64(bytes.count))
        writer.bytes(Array(bytes))
    }

    /// A list's, tuple's or dict's tag, count and items; false, writing nothing, when one of the
    /// items has no file format (a list holding a function is skipped whole). A dict's `count`
    /// is its number of entries, each written as its key and its value.
    private static func writeItems(_ tag: Tag, _ items: [Value], count: Int? = nil, to writer: inout ByteWriter) throws -> Bool {
        var nested = ByteWriter()
        nested.u8(tag.rawValue)
        nested.u32(UInt32(count ?? items.count))
        for item in items where !(try write(item, to: &nested)) { return false }
        writer.bytes(nested.data)
        return true
    }

    /// The variables stored in a file, in file order. Throws a file error for
    /// anything that is not a complete, intact file of a known version.
    static func decode(_ data: Data, objectTypes: [String: (Data) throws -> any ScriptObject] = [:]) throws -> [(String, Value)] {
        do {
            return try decodeEntries(data, objectTypes: objectTypes)
        } catch let error as ByteReaderError {
            throw InterpreterError(.file, error.description)
        }
    }

    private static func decodeEntries(_ data: Data, objectTypes: [String: (Data) throws -> any ScriptObject]) throws -> [(String, Value)] {
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count + 12, Array(bytes.prefix(magic.count)) == magic else {
            throw InterpreterError(.file, "this is not a workspace file saved by :save")
        }
        let body = Array(bytes.dropLast(4))
        var tail = ByteReader(Array(bytes.suffix(4)), source: "the file")
        guard try tail.u32() == Checksum.crc32(body) else {
            throw InterpreterError(.file, "the file is damaged (its checksum does not match)")
        }
        var reader = ByteReader(body, source: "the file")
        try reader.skip(magic.count)
        let fileVersion = try reader.u32()
        guard fileVersion == version else {
            throw InterpreterError(.file, "the file has format version \(fileVersion); this mlplab reads version \(version)")
        }
        let count = try reader.u32()
        var result: [(String, Value)] = []
        for _ in 0..<count {
            let name = try reader.string()
            result.append((name, try readValue(&reader, objectTypes: objectTypes, depth: 1)))
        }
        guard reader.isAtEnd else { throw InterpreterError(.file, "the file has unexpected bytes after its last entry") }
        return result
    }

    private static func readValue(_ reader: inout ByteReader, objectTypes: [String: (Data) throws -> any ScriptObject],
                                  depth: Int) throws -> Value {
        guard let tag = Tag(rawValue: try reader.u8()) else { throw InterpreterError(.file, "the file holds an unknown kind of value") }
        /// The items of a list, tuple or dict: each takes at least one byte, and they nest within the limit.
        func items(perEntry: Int) throws -> [Value] {
            guard depth <= Operators.maximumNesting else {
                throw InterpreterError(.file, "the file nests lists deeper than \(Operators.maximumNesting)")
            }
            let count = Int(try reader.u32()) * perEntry
            guard count <= reader.remaining else { throw reader.malformed("ends too early (it is truncated)") }
            return try (0..<count).map { _ in try readValue(&reader, objectTypes: objectTypes, depth: depth + 1) }
        }
        switch tag {
        case .none: return .none
        case .list: return .list(try items(perEntry: 1))
        case .tuple: return .tuple(try items(perEntry: 1))
        case .dict:
            let entries = try items(perEntry: 2)
            var dict = PythonDict()
            for i in stride(from: 0, to: entries.count, by: 2) {
                do { try dict.set(entries[i], entries[i + 1]) } catch { throw InterpreterError(.file, "the file holds a dict key that is not a number or a string") }
            }
            return .object(dict)
        case .tensor: return .tensor(try reader.tensor())
        case .int: return .int(Int(Int64(bitPattern: try reader.u64())))
        case .float: return .float(Double(bitPattern: try reader.u64()))
        case .bool: return .bool(try reader.u8() != 0)
        case .string: return .string(try reader.string())
        case .object:
            let kind = try reader.string()
            let length = try reader.u64()
            guard length <= UInt64(reader.remaining) else { throw reader.malformed("ends too early (it is truncated)") }
            let bytes = try reader.bytes(Int(length))
            guard let decode = objectTypes[kind] else {
                throw InterpreterError(.file, "the file holds a \(kind), which this session cannot load")
            }
            return .object(try decode(Data(bytes)))
        }
    }
}
