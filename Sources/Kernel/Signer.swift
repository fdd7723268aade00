import Crypto
import Foundation

/// Signs messages with HMAC-SHA256 over their four JSON frames, as the connection file's key asks;
/// an empty key turns signing off (the signature frame is then empty), as in Jupyter.
package struct Signer {
    private let key: SymmetricKey?

    package init(key: String) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
    }

    /// The lowercase hex signature of header, parent header, metadata and content, in that order.
    package func signature(of frames: [Data]) -> String {
        guard let key else { return "" }
        var hmac = HMAC<SHA256>(key: key)
        for frame in frames { hmac.update(data: frame) }
        return String(decoding: hmac.finalize().flatMap { [Signer.hexDigits[Int($0 >> 4)], Signer.hexDigits[Int($0 & 0xF)]] },
                      as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// True when `signature` is the frames' signature; compared in constant time.
    package func isValid(_ signature: Data, for frames: [Data]) -> Bool {
        guard let key else { return true }
        guard let code = Signer.bytes(ofHex: signature) else { return false }
        var hmac = HMAC<SHA256>(key: key)
        for frame in frames { hmac.update(data: frame) }
        return hmac.finalize() == code
    }

    /// The bytes a hex string spells (either case); nil when it is not hex.
    private static func bytes(ofHex hex: Data) -> Data? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes = Data(capacity: hex.count / 2)
        var high: UInt8?
        for character in hex {
            guard let nibble = nibble(character) else { return nil }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
