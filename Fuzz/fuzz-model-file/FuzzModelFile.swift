import FuzzSupport
import Network

/// One model file's contents but its last four bytes, the CRC-32 that the target
/// appends. Every input must load or be refused with an error.
@main
enum FuzzModelFile {
    static func main() {
        Fuzzer.run { contents in
            _ = try? ModelFile.decode(appendingCRC32(contents))
        }
    }
}
