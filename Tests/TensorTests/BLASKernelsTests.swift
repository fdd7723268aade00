import Tensor
import XCTest

/// mlplab's choice of OpenBLAS kernels: only when OpenBLAS fell back to its oldest ones, and
/// never over the user's own OPENBLAS_CORETYPE.
final class BLASKernelsTests: XCTestCase {
    func testACoreTypeSetByTheUserIsKept() {
        for coreType in ["Haswell", "Prescott", "SkylakeX"] {
            XCTAssertNil(betterBLASCoreType(environment: ["OPENBLAS_CORETYPE": coreType]), coreType)
        }
    }

    /// Kernels OpenBLAS recognised are kept; the oldest ones are replaced by what the
    /// processor runs (the test process shows which case this machine is).
    func testOnlyTheOldestKernelsAreReplaced() {
        let choice = betterBLASCoreType(environment: [:])
        if blasKernelName().lowercased() == "prescott" {
            XCTAssertNotEqual(choice, "Prescott", "a better core than the fallback, or none on a processor without AVX2")
        } else {
            XCTAssertNil(choice, "OpenBLAS chose \(blasKernelName()) itself")
        }
    }

    /// What mlplab runs with after its choice: the kernels named, as `mlplab bench` prints them.
    func testMlplabRunsWithTheKernelsItChose() throws {
        // The products folder the test bundle was built into holds the executable too.
        let mlplab = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mlplab")
        guard FileManager.default.isExecutableFile(atPath: mlplab.path) else {
            return XCTFail("\(mlplab.path) is missing: build it with `swift build` (make test does)")
        }
        let process = Process()
        process.executableURL = mlplab
        process.arguments = ["bench", "--print-blas-kernels"]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let expected = betterBLASCoreType(environment: [:]) ?? blasKernelName()
        XCTAssertEqual(printed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), expected.lowercased())
    }
}
