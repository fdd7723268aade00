import CLibFuzzer
import Foundation

/// The entry point of every fuzz target: libFuzzer's driver, with the target's test.
public enum Fuzzer {
    /// Hands the process to libFuzzer, which reads its options and corpus folders from the
    /// command line, calls `test` with each input it makes, and exits. `test` must return for
    /// every input; a trap, an address error or a leak in it is the finding libFuzzer reports.
    public static func run(_ test: @escaping (_ input: [UInt8]) -> Void) -> Never {
        currentTest = test
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            currentTest(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
    }
}

/// The test that libFuzzer's C callback calls; set once, before the driver starts.
private var currentTest: ([UInt8]) -> Void = { _ in }
