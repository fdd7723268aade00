import Foundation
import XCTest

/// Under `:use mine` the learner's functions run in a process of their own: a crash in
/// them inside `fit` is reported with the learner's file:line:column, and the session
/// goes on with its variables.
///
/// The real binary is pointed (MLPLAB_HOME) at a stand-in package whose built runner
/// crashes the way Swift does on an index out of range (its crash report on standard
/// error, then SIGILL), so that the test needs no second build of the package.
/// ExercisesTests' LearnerLibraryTests crash the real runner with compiled learner code.
final class LearnerCrashTests: XCTestCase {
    func testACrashInTheLearnersCodeDuringFitIsReportedAndTheVariablesStay() throws {
        let package = try standInPackage(runner: """
            #!/bin/sh
            echo 'Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range' >&2
            echo '3 [ra] 0x0000557afb1a2c95 accuracy(_:labels:) + 452 in mlplab-exercises at PACKAGE/exercises/06-training.swift:63:37' >&2
            kill -ILL $$
            """)
        defer { try? FileManager.default.removeItem(atPath: package) }
        let script = """
            kept = arange(4) * 7
            :use mine accuracy
            seed(0); X = randn(20, 4); y = randint(0, 3, 20); net = mlp([4, 5, 3])
            history = fit(net, X, y, epochs: 1, batch_size: 5, lr: 0.1)
            kept.sum() + 1000
            """
        let result = try Binary.run([], input: script + "\n", environment: ["MLPLAB_HOME": package])
        let output = result.stdout + result.stderr
        XCTAssertTrue(output.contains("crashed, so mlplab stopped the call (your variables are kept)"), output)
        XCTAssertTrue(output.contains("the function crashed: SIGILL (a Swift runtime check failed: index out of range"), output)
        XCTAssertTrue(output.contains("Fatal error: Index out of range"), output)
        XCTAssertTrue(output.contains("in your code: accuracy(_:labels:) at exercises/06-training.swift:63:37"), output)
        XCTAssertTrue(result.stdout.hasSuffix("np.int64(1042)\n"), "the session went on with kept = [0 7 14 21]: \(output)")
    }

    /// A package folder with exercises/, a built runner `.build/release/mlplab-exercises`
    /// that runs `runner` (PACKAGE in it stands for the folder), and the learner's library,
    /// compiled after the last edit.
    private func standInPackage(runner: String) throws -> String {
        let files = FileManager.default
        let package = Binary.temporaryFile("learner-package-\(UUID().uuidString)")
        for folder in ["exercises", ".build/release"] {
            try files.createDirectory(atPath: package + "/" + folder, withIntermediateDirectories: true)
        }
        XCTAssertTrue(files.createFile(atPath: package + "/Package.swift", contents: Data()))
        let program = package + "/.build/release/mlplab-exercises"
        try runner.replacingOccurrences(of: "PACKAGE", with: package).write(toFile: program, atomically: true, encoding: .utf8)
        try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        try files.createDirectory(atPath: package + "/.build/release/learner", withIntermediateDirectories: true)
        XCTAssertTrue(files.createFile(atPath: package + "/.build/release/learner/libExercises.so", contents: Data(),
                                       attributes: [.modificationDate: Date().addingTimeInterval(60)]))
        return package
    }
}
