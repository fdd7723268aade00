import Datasets
import Support
import Tensor

/// Reading files as the seeds' loaders do: `open(path, 'rb').read()` and
/// `gzip.open(path).read()` give bytes, and `np.frombuffer(bytes, np.uint8, offset=16)`
/// turns them into a tensor.
extension CoreBuiltins {
    /// The most bytes one file (or its decompressed contents) may hold: as many as the
    /// largest uint8 tensor.
    static var fileLimit: Int { Tensor.maxElements }

    static let files: [Builtin] = [
        Builtin("open", [.required("file"), .optional("mode", .string("r"))], category: "files",
                help: "Opens a file for reading, as Python's open: mode 'rb' reads bytes (for np.frombuffer), 'r' text. f.read() gives the whole contents. Files are only read, never written.",
                example: ">>> f = open('data/sample/train-labels-idx1-ubyte.gz', 'rb')\n>>> np.frombuffer(f.read(), np.uint8)[:2]\narray([ 31, 139], dtype=uint8)") { args in
            .object(try OpenFile(path: try args.string("file"), mode: try args.string("mode"), gunzip: false, args))
        },
        Builtin("frombuffer", [.required("buffer"), .optional("dtype", .string("float64")), .optional("count", .int(-1)),
                               .optional("offset", .int(0))], category: "files",
                help: "The bytes of buffer read as elements of dtype (uint8 for pixels), skipping offset bytes first and reading count elements (all when -1), like np.frombuffer. The MNIST labs read the image files with np.frombuffer(f.read(), np.uint8, offset=16), skipping the 16-byte header.",
                example: ">>> import gzip\n>>> f = gzip.open('data/sample/train-labels-idx1-ubyte.gz')\n>>> np.frombuffer(f.read(), np.uint8, offset=8)[:5]\narray([5, 1, 9, 5, 0], dtype=uint8)") { args in
            guard case .object(let buffer as PythonBytes) = args["buffer"] else {
                throw args.error("buffer must be bytes, as f.read() gives for a file opened with 'rb', got \(args["buffer"].kindDescription)")
            }
            return .tensor(try buffer.elements(try args.requiredDType("dtype"), count: try args.int("count"),
                                               offset: try args.int("offset"), args))
        },
    ]

    /// `gzip.open(file, mode='rb')`: a gzip-compressed file, read decompressed.
    static let gzipOpen = Builtin("open", [.required("filename"), .optional("mode", .string("rb"))], category: "files",
                                  help: "Opens a gzip-compressed file for reading, as Python's gzip.open: f.read() gives the decompressed bytes.",
                                  example: ">>> import gzip\n>>> f = gzip.open('data/sample/train-labels-idx1-ubyte.gz')\n>>> np.frombuffer(f.read(), np.uint8, offset=8)[:5]\n[5 1 9 5 0]") { args in
        .object(try OpenFile(path: try args.string("filename"), mode: try args.string("mode"), gunzip: true, args))
    }
}

/// Python's `bytes`: what `read()` gives for a file opened with 'rb'.
struct PythonBytes: ScriptObject {
    let bytes: [UInt8]

    var typeName: String { "bytes" }
    var attributeNames: [String] { [] }
    func attribute(_ name: String) throws -> Value { throw noSuchAttribute(name) }

    /// Python's repr for short bytes (`b'\x1f\x8b'`); long ones only say how long they are.
    var description: String {
        guard bytes.count <= 64 else { return "<bytes of length \(bytes.count)>" }
        return "b'" + bytes.map { byte in
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\\"): return "\\" + String(UnicodeScalar(byte))
            case 0x20..<0x7f: return String(UnicodeScalar(byte))
            default: return "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }.joined() + "'"
    }

    /// numpy's `frombuffer`: `count` elements of `dtype` (all that remain when -1) after `offset` bytes.
    func elements(_ dtype: DType, count: Int, offset: Int, _ args: Arguments) throws -> Tensor {
        guard (0...bytes.count).contains(offset) else {
            throw args.valueError("offset must be non-negative and no greater than buffer length (\(bytes.count)), got \(offset)")
        }
        let available = bytes.count - offset
        let width = dtype.byteWidth
        let n: Int
        if count < 0 {
            guard available % width == 0 else {
                throw args.valueError("buffer size \(available) after the offset must be a multiple of the \(width)-byte size of \(dtype.rawValue)")
            }
            n = available / width
        } else {
            guard count <= available / width else {
                throw args.valueError("buffer is smaller than requested size: \(count) elements of \(width) bytes after \(offset) bytes, but the buffer holds \(bytes.count)")
            }
            n = count
        }
        var reader = ByteReader(Array(bytes[offset..<(offset + n * width)]), source: "the buffer")
        return try reader.elements(n, dtype)
    }
}

/// A file opened for reading with `open` or `gzip.open`; its contents are read when it
/// is opened, and `read()` hands them out once, as Python's does (a second read is empty).
/// `with gzip.open(path) as f:` closes it after the block.
final class OpenFile: ScriptObject, ClosableObject {
    private let path: String
    private let binary: Bool
    private var contents: [UInt8]?

    init(path: String, mode: String, gunzip: Bool, _ args: Arguments) throws {
        guard ["r", "rb", "rt"].contains(mode) else {
            throw args.valueError("mode \(PythonFormat.quoted(mode)) is not supported: files are only read, with 'rb' (bytes) or 'r' (text)")
        }
        self.path = path
        binary = mode == "rb" || gunzip && mode == "r"
        do {
            contents = try fileContents(path, gunzip: gunzip, limit: CoreBuiltins.fileLimit)
        } catch {
            throw InterpreterError(.file, "cannot read \(path): \(error)")
        }
    }

    var typeName: String { "file" }
    var description: String { "<file '\(path)'>" }
    var attributeNames: [String] { ["close", "read"] }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "read":
            return .function(Builtin("read", [], category: "files", help: "The file's whole contents (bytes in mode 'rb', text in 'r').",
                                     example: "") { [self] _ in read() })
        case "close":
            return .function(Builtin("close", [], category: "files", help: "Closes the file; nothing more can be read.",
                                     example: "") { [self] _ in close(); return .none })
        default:
            throw noSuchAttribute(name)
        }
    }

    func close() { contents = nil }

    /// The contents not read yet, as bytes or text; empty after the first read.
    private func read() -> Value {
        let bytes = contents ?? []
        contents = []
        return binary ? .object(PythonBytes(bytes: bytes)) : .string(String(decoding: bytes, as: UTF8.self))
    }
}
