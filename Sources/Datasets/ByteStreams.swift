import CZlib
import Foundation

/// A source of an IDX file's bytes, read front to back: the file itself, or
/// the output of gzip decompression.
protocol ByteStream {
    /// Fills `buffer` from the front and returns how many bytes it wrote;
    /// fewer than `buffer.count` only when the data has ended.
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int
    /// The most bytes the stream can still yield: exact for a plain file,
    /// an upper bound for compressed data.
    var maxRemaining: Int { get }
    /// Whether `maxRemaining` is a bound from compressed data rather than an exact count.
    var isCompressed: Bool { get }
}

/// The bytes of an uncompressed file, already in memory.
struct MemoryStream: ByteStream {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var maxRemaining: Int { bytes.count - position }
    var isCompressed: Bool { false }

    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        let count = min(buffer.count, maxRemaining)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            buffer.baseAddress!.update(from: source.baseAddress! + position, count: count)
        }
        position += count
        return count
    }
}

/// The decompressed contents of a gzip file, inflated by zlib straight into
/// the caller's buffer (no intermediate copy). Files made of several gzip
/// members, as `cat a.gz b.gz` makes, decompress to the members' concatenation.
final class GzipStream: ByteStream {
    /// deflate cannot compress better than 1032:1 (zlib's documentation), so
    /// n compressed bytes expand to at most 1032 n bytes.
    static let maxExpansion = 1032

    private let compressed: [UInt8]
    private let file: String
    /// zlib's state points back at the z_stream, so it needs a fixed address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var consumed = 0
    private var ended = false

    init(compressed: [UInt8], file: String) throws {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 32: a 32 KiB window, and accept a gzip (or zlib) header.
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw IDXError.corruptGzip(file: file, reason: "zlib could not start inflating (status \(status))")
        }
        self.stream = stream
        self.compressed = compressed
        self.file = file
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    var maxRemaining: Int {
        let (bound, overflow) = (compressed.count - consumed).multipliedReportingOverflow(by: Self.maxExpansion)
        return overflow ? Int.max : bound
    }

    var isCompressed: Bool { true }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        var produced = 0
        while produced < buffer.count && !ended {
            let status = inflateStep(into: buffer, produced: &produced)
            try handle(status)
        }
        return produced
    }

    /// Runs zlib once on the unread input, writing after `produced` bytes of `buffer`.
    private func inflateStep(into buffer: UnsafeMutableBufferPointer<UInt8>, produced: inout Int) -> Int32 {
        compressed.withUnsafeBufferPointer { input in
            let inputLeft = UInt32(clamping: input.count - consumed)
            let outputLeft = UInt32(clamping: buffer.count - produced)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)
            stream.pointee.avail_in = inputLeft
            stream.pointee.next_out = buffer.baseAddress! + produced
            stream.pointee.avail_out = outputLeft
            let status = inflate(stream, Z_NO_FLUSH)
            consumed += Int(inputLeft - stream.pointee.avail_in)
            produced += Int(outputLeft - stream.pointee.avail_out)
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
            return status
        }
    }

    private func handle(_ status: Int32) throws {
        switch status {
        case Z_OK:
            return
        case Z_STREAM_END:
            try startNextMember()
        case Z_BUF_ERROR where consumed == compressed.count:
            throw IDXError.corruptGzip(file: file, reason: "the compressed data stops before the end of the "
                + "gzip stream after \(compressed.count) bytes: the .gz file is truncated")
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw IDXError.corruptGzip(file: file, reason: message)
        }
    }

    /// After one gzip member ends: stop at the end of the input, go on into a
    /// following member, or reject anything else that follows.
    private func startNextMember() throws {
        let rest = compressed.count - consumed
        if rest == 0 {
            ended = true
        } else if rest >= 2 && compressed[consumed] == 0x1f && compressed[consumed + 1] == 0x8b {
            inflateReset(stream)
        } else {
            throw IDXError.corruptGzip(file: file, reason: "\(rest) bytes that are not gzip data "
                + "follow the end of the compressed stream")
        }
    }
}

/// The bytes of the file at `path`, as Python's `open(path, 'rb').read()` gives them, or
/// with `gunzip` its decompressed contents, as `gzip.open(path).read()` does. Files, and
/// decompressed contents, over `limit` bytes are refused.
public func fileContents(_ path: String, gunzip: Bool, limit: Int) throws -> [UInt8] {
    let contents = try readFile(path, limit: limit)
    guard gunzip else { return contents }
    let stream = try GzipStream(compressed: contents, file: path)
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = try chunk.withUnsafeMutableBufferPointer { try stream.read(into: $0) }
        output += chunk[..<count]
        guard output.count <= limit else { throw IDXError.fileTooLarge(file: path, size: output.count, limit: limit) }
        if count < chunk.count { return output }
    }
}

/// The whole file at `path`, refusing files over `limit` bytes.
func readFile(_ path: String, limit: Int) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw IDXError.unreadable(file: path, reason: systemError()) }
    defer { close(descriptor) }

    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw IDXError.unreadable(file: path, reason: systemError()) }
    guard info.st_mode & S_IFMT != S_IFDIR else {
        throw IDXError.unreadable(file: path, reason: "it is a folder, not a file")
    }
    let size = Int(info.st_size)
    guard size <= limit else { throw IDXError.fileTooLarge(file: path, size: size, limit: limit) }
    guard size > 0 else { return [] }

    return try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        while count < size {
            let got = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw IDXError.unreadable(file: path, reason: systemError()) }
            if got == 0 { break }  // the file shrank while we read it
            count += got
        }
    }
}

/// The C library's message for the current `errno`, e.g. "No such file or directory".
private func systemError() -> String {
    String(cString: strerror(errno))
}
