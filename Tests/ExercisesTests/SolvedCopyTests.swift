import Foundation
import ChildProcesses
import Course
import CourseConsole
import ReferenceSolutions
import XCTest

/// End to end, on a copy of the package whose stubs are completed with the reference
/// solutions' bodies, exactly as a learner would complete them: `mlplab check --all`
/// builds the copy and every case of every exercise passes; then one file is broken
/// and `mlplab check softmax` shows the failure (its time is printed; `mlplab bench`
/// is where speed is measured); then accuracy indexes out of range, and `fit` under
/// `:use mine` in the REPL reports the crash and the session goes on.
///
/// It builds a second package (minutes), so it runs only when MLPLAB_SLOW_TESTS=1, as
/// `.ci/run` sets it.
final class SolvedCopyTests: XCTestCase {
    func testACompletedCopyPassesEveryCaseAndAnEditIsCheckedQuickly() throws {
        guard ProcessInfo.processInfo.environment["MLPLAB_SLOW_TESTS"] == "1" else {
            throw XCTSkip("builds a copy of the package; set MLPLAB_SLOW_TESTS=1 to run it")
        }
        let mlplab = URL(fileURLWithPath: PackageRoot.currentExecutable()).deletingLastPathComponent()
            .appendingPathComponent("mlplab").path
        guard FileManager.default.isExecutableFile(atPath: mlplab) else { throw XCTSkip("\(mlplab) is not built") }
        let copy = try temporaryFolder(self) + "/mlplab"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for item in ["Package.swift", "Package.resolved", "Sources", "Tests", "exercises"]
        where FileManager.default.fileExists(atPath: repositoryRoot + "/" + item) {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/" + item, toPath: copy + "/" + item)
        }
        for group in LessonGroup.all { try complete(group, in: copy) }

        let state = try temporaryFolder(self)
        let all = try run(mlplab, ["check", "--all"], root: copy, state: state)
        XCTAssertEqual(all.status, 0, all.output)
        XCTAssertTrue(all.output.contains("18 of 18 exercises pass, 0 have failing cases, 0 not implemented yet"), all.output)

        let file = copy + "/exercises/03-forward.swift"
        let source = try String(contentsOfFile: file, encoding: .utf8)
        try source.replacingOccurrences(of: "let shifted = try x - x.max(axis: -1, keepdims: true)", with: "let shifted = x")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let started = Date()
        let one = try run(mlplab, ["check", "softmax"], root: copy, state: state)
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "mlplab check softmax after editing one file: %.1f s", seconds))
        XCTAssertEqual(one.status, 1, one.output)
        XCTAssertTrue(one.output.contains("first difference at [1]: expected 1, actual nan"), one.output)

        // An index out of range in accuracy, which fit calls after each epoch under :use mine:
        // the REPL reports the crash at the learner's line and goes on with its variables.
        let training = copy + "/exercises/06-training.swift"
        let broken = "let correct = (0...truth.count).filter { predicted[$0] == truth[$0] }.count"
        let trainingSource = try String(contentsOfFile: training, encoding: .utf8)
        try trainingSource.replacingOccurrences(of: "let correct = zip(predicted, truth).filter { $0 == $1 }.count", with: broken)
            .write(toFile: training, atomically: true, encoding: .utf8)
        let brokenLine = try XCTUnwrap(try String(contentsOfFile: training, encoding: .utf8)
            .components(separatedBy: "\n").firstIndex { $0.contains(broken) }) + 1
        let repl = try run(mlplab, [], root: copy, state: state, input: """
            kept = arange(4) * 7
            :use mine
            seed(0); X = randn(40, 4); y = randint(0, 3, 40); net = mlp([4, 5, 3])
            history = fit(net, X, y, epochs: 1, batch_size: 10, lr: 0.1)
            kept.sum() + 1000
            """ + "\n")
        XCTAssertTrue(repl.output.contains("your accuracy crashed, so mlplab stopped the call (your variables are kept)"), repl.output)
        XCTAssertTrue(repl.output.contains("in your code: accuracy(_:labels:) at exercises/06-training.swift:\(brokenLine):"), repl.output)
        XCTAssertTrue(repl.output.contains("1042"), "the session went on with kept = [0 7 14 21]: \(repl.output)")
    }

    /// Replaces each stub's START…END region in the copy with the reference body.
    private func complete(_ group: LessonGroup, in copy: String) throws {
        let path = copy + "/" + group.file
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let reference = try String(contentsOfFile: copy + "/" + group.solutionFile, encoding: .utf8)
        for exercise in Course.exercises(in: group) {
            let body = try XCTUnwrap(FunctionText(function: exercise.name, in: reference)).body
            let stub = try XCTUnwrap(FunctionText(function: exercise.name, in: lines.joined(separator: "\n")))
            let start = try XCTUnwrap(lines[stub.line...].firstIndex { $0.contains("// START CODE HERE") })
            let end = try XCTUnwrap(lines[start...].firstIndex { $0.contains("// END CODE HERE") })
            lines.replaceSubrange((start + 1)..<end, with: body)
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func run(_ program: String, _ arguments: [String], root: String, state: String,
                     input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["MLPLAB_ROOT": root, "XDG_STATE_HOME": state]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
