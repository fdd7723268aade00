import CZlib
import Support
import Tensor

/// A minimal PNG encoder: 8-bit greyscale (colour type 0) or RGB (colour
/// type 2), not interlaced, every scanline with filter 0 ("None").
///
/// A PNG file is the 8-byte signature and a list of chunks, each
/// `length (4 bytes, big-endian) | type (4 ASCII letters) | data | CRC-32 of type + data`.
/// We write three: IHDR (size and pixel format), one IDAT (the scanlines,
/// each led by its filter byte, zlib-compressed together) and the empty IEND.
public enum PNGWriter {
    /// The pixel formats written.
    public enum ColourType: UInt8, Sendable {
        /// One byte per pixel.
        case grey = 0
        /// Three bytes per pixel: red, green, blue.
        case rgb = 2

        var bytesPerPixel: Int { self == .grey ? 1 : 3 }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file for `pixels`: `height` rows of `width` pixels, each 1 (grey)
    /// or 3 (RGB) bytes, row-major from the top left.
    public static func encode(width: Int, height: Int, colourType: ColourType, pixels: [UInt8]) throws -> [UInt8] {
        let rowBytes = width * colourType.bytesPerPixel
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw PlotError.wrongShape(what: "a PNG image", expected: "at least 1 × 1 pixels", got: [height, width])
        }
        guard pixels.count == rowBytes * height else {
            throw PlotError.countMismatch(what: "bytes for a \(width) × \(height) PNG image",
                                          expected: rowBytes * height, got: pixels.count)
        }
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((rowBytes + 1) * height)
        for row in 0..<height {
            scanlines.append(0)  // filter type 0: the row's bytes as they are
            scanlines += pixels[row * rowBytes ..< (row + 1) * rowBytes]
        }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
            + [8, colourType.rawValue, 0, 0, 0]  // bit depth, colour type, compression, filter, interlace
        return signature
            + chunk("IHDR", header)
            + chunk("IDAT", try deflate(scanlines))
            + chunk("IEND", [])
    }

    /// The PNG file for `raster`: greyscale when every pixel is grey, RGB otherwise.
    public static func encode(_ raster: Raster) throws -> [UInt8] {
        if raster.isGreyscale {
            return try encode(width: raster.width, height: raster.height, colourType: .grey,
                              pixels: raster.pixels.map(\.r))
        }
        return try encode(width: raster.width, height: raster.height, colourType: .rgb,
                          pixels: raster.pixels.flatMap { [$0.r, $0.g, $0.b] })
    }

    /// Saves `raster` as a PNG file at `path`, atomically (see `AtomicFile`).
    public static func write(_ raster: Raster, to path: String) throws {
        try AtomicFile.write(try encode(raster), to: path)
    }

    /// One chunk: length, type, data, and the CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(crc32(typeAndData))
    }

    /// zlib's CRC-32 (the one PNG uses) of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// `bytes` as a zlib stream (deflate with zlib's header and Adler-32 trailer).
    static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &size, input.baseAddress, uLong(input.count), Z_BEST_COMPRESSION)
            }
        }
        guard status == Z_OK else { throw PlotError.compressionFailed(code: status) }
        return Array(output.prefix(Int(size)))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
