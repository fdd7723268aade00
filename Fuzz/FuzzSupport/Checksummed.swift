import Support
import Tensor

/// `bytes` followed by their CRC-32 (zlib's, little-endian), as model and workspace
/// files end. Their targets take the file without those four bytes and append them,
/// so that mutations reach what the checksum guards instead of stopping at it.
public func appendingCRC32(_ bytes: [UInt8]) -> [UInt8] {
    bytes + withUnsafeBytes(of: Checksum.crc32(bytes).littleEndian, Array.init)
}
