/// An array read from an IDX file (the format of the MNIST files): its
/// dimensions and its unsigned-byte elements.
///
/// MNIST's training images are `dims == [60000, 28, 28]` with 47,040,000
/// bytes, one per pixel (0 = background, 255 = ink); its labels are
/// `dims == [60000]` with one byte (0...9) per image.
public struct IDXArray: Equatable, Sendable {
    /// The extent of each axis, outermost first.
    public let dims: [Int]
    /// The elements in row-major order: `dims.reduce(1, *)` of them.
    public let bytes: [UInt8]

    /// An array of `dims` holding `bytes`; nil if the counts disagree.
    public init?(dims: [Int], bytes: [UInt8]) {
        guard let count = IDX.elementCount(dims), count == bytes.count else { return nil }
        self.dims = dims
        self.bytes = bytes
    }

    /// For the reader, which has checked the counts itself.
    init(checkedDims dims: [Int], bytes: [UInt8]) {
        self.dims = dims
        self.bytes = bytes
    }
}

/// The IDX file format (http://yann.lecun.com/exdb/mnist/, "FILE FORMATS"):
///
/// ```
/// offset  size     field
/// 0       2        zero bytes: 00 00
/// 2       1        element type: 0x08 = unsigned byte (also 09 i8, 0B i16, 0C i32, 0D f32, 0E f64)
/// 3       1        number of dimensions, n
/// 4       4 * n    the dimensions, each a big-endian 32-bit integer
/// 4 + 4n  ...      the elements, row-major
/// ```
///
/// So MNIST's images begin `00 00 08 03` (three dimensions) and its labels
/// `00 00 08 01`. Files may be gzip-compressed, as they are distributed.
public enum IDX {
    /// The most dimensions mlplab accepts in one file.
    public static let maxRank = 8
    /// The most elements mlplab reads from one file: 2^28 (256 MiB of bytes),
    /// five times MNIST's training images.
    public static let maxElements = 1 << 28
    /// The largest file mlplab opens: a plain IDX file of `maxElements` bytes and its header.
    static let maxFileSize = maxElements + 4 + 4 * maxRank

    /// Reads the IDX file at `path`, decompressing it if it is gzip data.
    ///
    /// Every header field is checked before it is used: the magic number, the
    /// number of dimensions, the element count against `maxElements` and
    /// against what the file can hold, then that the data is exactly as long
    /// as the dimensions say. A file whose name ends in `.gz` must be gzip.
    public static func read(_ path: String) throws -> IDXArray {
        let contents = try readFile(path, limit: maxFileSize)
        return try decode(contents, file: path)
    }

    /// Decodes the contents of an IDX file, plain or gzip-compressed;
    /// `file` names it in errors, and a name ending in `.gz` requires gzip data.
    public static func decode(_ contents: [UInt8], file: String) throws -> IDXArray {
        guard !contents.isEmpty else { throw IDXError.empty(file: file) }
        if isGzip(contents) {
            let stream = try GzipStream(compressed: contents, file: file)
            return try decode(from: stream, file: file)
        }
        if file.hasSuffix(".gz") {
            throw IDXError.notGzip(file: file, firstBytes: Array(contents.prefix(4)))
        }
        return try decode(from: MemoryStream(contents), file: file)
    }

    /// The first `count` bytes of the file's (decompressed) contents, header
    /// included: what a learner reads to see the magic number and the sizes.
    public static func leadingBytes(_ path: String, count: Int) throws -> [UInt8] {
        let contents = try readFile(path, limit: maxFileSize)
        guard isGzip(contents) else { return Array(contents.prefix(count)) }
        let stream = try GzipStream(compressed: contents, file: path)
        var buffer = [UInt8](repeating: 0, count: max(0, count))
        let got = try buffer.withUnsafeMutableBufferPointer { try stream.read(into: $0) }
        return Array(buffer.prefix(got))
    }

    /// The element count of `dims`, or nil if a dimension is negative or the
    /// dimensions multiply past `maxElements`. An axis of length 0 makes the count 0,
    /// but the other axes must still multiply within the limit: code that multiplies
    /// only some of them (the pixels per image of zero images) must not overflow.
    static func elementCount(_ dims: [Int]) -> Int? {
        var product = 1
        for dim in dims where dim != 0 {
            let (next, overflow) = product.multipliedReportingOverflow(by: dim)
            guard dim > 0, !overflow, next <= maxElements else { return nil }
            product = next
        }
        return dims.contains(0) ? 0 : product
    }

    /// numpy's name for an IDX element type code.
    static func elementTypeName(_ code: UInt8) -> String {
        switch code {
        case 0x08: return "uint8"
        case 0x09: return "int8"
        case 0x0B: return "int16"
        case 0x0C: return "int32"
        case 0x0D: return "float32"
        case 0x0E: return "float64"
        default: return "not an IDX type"
        }
    }

    private static func isGzip(_ contents: [UInt8]) -> Bool {
        contents.count >= 2 && contents[0] == 0x1f && contents[1] == 0x8b
    }

    private static func decode(from source: some ByteStream, file: String) throws -> IDXArray {
        var stream = source
        let dims = try readHeader(from: &stream, file: file)
        guard let count = elementCount(dims) else {
            throw IDXError.tooLarge(file: file, dims: dims, limit: maxElements)
        }
        guard count <= stream.maxRemaining else {
            throw IDXError.headerExceedsFile(file: file, dims: dims, needed: count,
                                             available: stream.maxRemaining, compressed: stream.isCompressed)
        }
        // Only now, with the count checked, allocate: one buffer that the
        // stream fills directly.
        let bytes = try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = try stream.read(into: buffer)
        }
        guard bytes.count == count else {
            throw IDXError.truncated(file: file, dims: dims, expected: count, actual: bytes.count)
        }
        let extra = try countRemaining(&stream)
        guard extra == 0 else {
            throw IDXError.trailingBytes(file: file, dims: dims, expected: count, extra: extra)
        }
        return IDXArray(checkedDims: dims, bytes: bytes)
    }

    /// Reads and checks the magic number and the dimensions.
    private static func readHeader(from stream: inout some ByteStream, file: String) throws -> [Int] {
        let magic = try readUpTo(4, from: &stream)
        if magic.count >= 2 && (magic[0] != 0 || magic[1] != 0) {
            throw IDXError.notIDX(file: file, magic: magic)
        }
        guard magic.count == 4 else {
            throw IDXError.truncatedHeader(file: file, needed: 4, available: magic.count)
        }
        guard magic[2] == 0x08 else { throw IDXError.unsupportedElementType(file: file, code: magic[2]) }
        let rank = Int(magic[3])
        guard (1...maxRank).contains(rank) else { throw IDXError.badRank(file: file, rank: rank) }

        let dimBytes = try readUpTo(4 * rank, from: &stream)
        guard dimBytes.count == 4 * rank else {
            throw IDXError.truncatedHeader(file: file, needed: 4 + 4 * rank, available: 4 + dimBytes.count)
        }
        return (0..<rank).map { axis in
            dimBytes[4 * axis ..< 4 * axis + 4].reduce(0) { $0 << 8 | Int($1) }  // big-endian
        }
    }

    /// Up to `count` bytes from the stream (fewer only at its end).
    private static func readUpTo(_ count: Int, from stream: inout some ByteStream) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = try stream.read(into: buffer)
        }
    }

    /// Reads the stream to its end and returns how many bytes were left.
    private static func countRemaining(_ stream: inout some ByteStream) throws -> Int {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let got = try scratch.withUnsafeMutableBufferPointer { try stream.read(into: $0) }
            total += got
            if got < scratch.count || total > maxElements { return total }
        }
    }
}
