import Foundation
import XCTest

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A path under `../shared/data` beside the repository, or a skip when it is absent.
func sharedData(_ relative: String) throws -> String {
    let path = repositoryRoot.appendingPathComponent("../shared/data").appendingPathComponent(relative)
        .standardizedFileURL.path
    guard FileManager.default.fileExists(atPath: path) else {
        throw XCTSkip("\(path) is absent: this test needs the shared data folder ../shared/data beside the repository")
    }
    return path
}

/// A JSON reference file from Fixtures/, written by scripts/make_datasets_fixtures.py.
func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw XCTSkip("fixture \(name).json is missing from the test bundle")
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(type, from: Data(contentsOf: url))
}

/// float64 values from their IEEE bits in hex, as the fixtures store them.
func doubles(fromHex bits: [String]) -> [Double] {
    bits.map { Double(bitPattern: UInt64($0, radix: 16)!) }
}

/// float32 values from their IEEE bits in hex.
func floats(fromHex bits: [String]) -> [Float] {
    bits.map { Float(bitPattern: UInt32($0, radix: 16)!) }
}

/// A fresh folder under the system's temporary folder, removed when released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("mlplab-datasets-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` (which may hold subfolders) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Makes the folder `name` (and its parents) and returns its path.
    @discardableResult
    func folder(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// An IDX file: 00 00 <type> <rank>, big-endian dimensions, then `elements`.
func idxFile(dims: [UInt32], elements: [UInt8], type: UInt8 = 0x08) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, type, UInt8(dims.count)]
    for dim in dims {
        bytes += [UInt8(dim >> 24), UInt8(dim >> 16 & 0xff), UInt8(dim >> 8 & 0xff), UInt8(dim & 0xff)]
    }
    return bytes + elements
}

/// `data` as a gzip file whose deflate stream is made of stored (uncompressed)
/// blocks: RFC 1952's header, RFC 1951's stored blocks, then CRC-32 and length.
/// Built by hand so that the tests need no compressor.
func gzipStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]  // deflate, no flags, mtime 0, unknown OS
    var start = 0
    repeat {
        let end = min(start + 65535, data.count)
        let length = UInt16(end - start)
        out.append(end == data.count ? 1 : 0)  // BFINAL, BTYPE = 00 (stored)
        out += littleEndian(UInt32(length) | UInt32(~length) << 16)
        out += data[start..<end]
        start = end
    } while start < data.count
    return out + littleEndian(crc32(data)) + littleEndian(UInt32(truncatingIfNeeded: data.count))
}

func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}

/// CRC-32 as gzip computes it (reflected polynomial 0xEDB88320).
func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xffff_ffff
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1
        }
    }
    return ~crc
}
