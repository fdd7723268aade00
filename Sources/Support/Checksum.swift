internal import CZlib

/// CRC-32 (the one in gzip and PNG, from zlib) of a byte sequence: the
/// integrity check of mlplab's model and workspace files.
public enum Checksum {
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
