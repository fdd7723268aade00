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

    /// What mlplab runs with, as `mlplab bench --print-blas-kernels` names it: never OpenBLAS's
    /// Prescott fallback on a processor with AVX2 and FMA when the variable is unset, and the
    /// user's own choice when it is set. Holds whatever core type this test process runs with.
    func testMlplabRunsWithTheKernelsItChoseAndKeepsTheUsers() throws {
        let flags = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? []
        if flags.contains("avx2") && flags.contains("fma") {
            XCTAssertNotEqual(try kernelsOfMlplab(coreType: nil).lowercased(), "prescott")
        }
        XCTAssertEqual(try kernelsOfMlplab(coreType: "Prescott").lowercased(), "prescott", "the user's choice is kept")
    }

    /// The kernels mlplab names with `OPENBLAS_CORETYPE` set to `coreType` (nil: unset).
    private func kernelsOfMlplab(coreType: String?) throws -> String {
        // The products folder the test bundle was built into holds the executable too.
        let mlplab = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mlplab")
        guard FileManager.default.isExecutableFile(atPath: mlplab.path) else {
            throw MissingExecutable(description: "\(mlplab.path) is missing: build it with `swift build` (make test does)")
        }
        let process = Process()
        process.executableURL = mlplab
        process.arguments = ["bench", "--print-blas-kernels"]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = coreType
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The mlplab executable the test runs is not built: the test fails saying so.
private struct MissingExecutable: Error, CustomStringConvertible {
    let description: String
}
