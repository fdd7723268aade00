import FuzzSupport
import Network

/// One model file's contents. Every input must load or be refused with an error.
@main
enum FuzzModelFile {
    static func main() {
        Fuzzer.run { contents in
            _ = try? ModelFile.decode(contents)
        }
    }
}
