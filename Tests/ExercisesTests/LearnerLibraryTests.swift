import Foundation
import ChildProcesses
import Course
import CourseConsole
import ExerciseCalls
import Support
import Tensor
import XCTest

/// The learner's exercises compiled on their own into a library and loaded by the real
/// runner, as `:check` and `:use mine` do: the shipped stubs, a copy completed with the
/// reference bodies, an edit of one function, a crash, a changed signature. The runner is
/// the one `swift build` left beside this test program; the compiler is the one on the PATH.
final class LearnerLibraryTests: XCTestCase {
    private let root = PackageRoot(path: repositoryRoot, configuration: "release")

    private var runner: String {
        URL(fileURLWithPath: Installation.currentExecutable()).deletingLastPathComponent().appendingPathComponent("mlplab-exercises").path
    }

    /// A driver for the exercises in `exercises`, its library compiled into a folder of this test.
    private func driver(exercises: String) throws -> CheckDriver {
        guard FileManager.default.isExecutableFile(atPath: runner) else {
            throw XCTSkip("\(runner) is not built (swift build --product mlplab-exercises builds it)")
        }
        var driver = CheckDriver(root: root)
        driver.runner = runner
        driver.library.exercises = exercises
        driver.library.folder = try temporaryFolder(self) + "/learner"
        return driver
    }

    /// A copy of exercises/ with every stub completed with its reference body.
    private func solvedCopy() throws -> String {
        let folder = try temporaryFolder(self) + "/exercises"
        try CheckBenchmark.copySolved(from: root, to: folder)
        return folder
    }

    /// Replaces `old` with `new` in the copy's file `name`.
    private func edit(_ folder: String, _ name: String, replacing old: String, with new: String) throws {
        let path = folder + "/" + name
        let source = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(source.contains(old), "\(name) has no \(old)")
        try source.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func testTheShippedStubsCompileAndEveryCaseIsNotImplementedYet() throws {
        var untouched = true
        for exercise in Course.exercises {
            let source = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.file, encoding: .utf8)
            untouched = untouched && FunctionText(function: exercise.name, in: source)?.isUntouchedStub == true
        }
        guard untouched else { throw XCTSkip("a stub in exercises/ has been edited: this test needs them as shipped") }
        let driver = try driver(exercises: repositoryRoot + "/exercises")
        try driver.build { _ in }
        let (status, output, errors) = try run(runner, ["--json", "--library", driver.library.path, "--all"])
        XCTAssertEqual(status, 0, errors)
        let results = try output.split(separator: "\n").map { try JSONDecoder().decode(CaseResult.self, from: Data($0.utf8)) }
        XCTAssertEqual(results.count, try Course.exercises.map { try $0.cases().count }.reduce(0, +))
        for result in results {
            XCTAssertEqual(result.status, .notImplemented, "\(result.exercise) \(result.index)")
            XCTAssertEqual(result.details, ["\(result.exercise): not implemented yet: write its body between START CODE HERE and END CODE HERE"])
        }

        let (badStatus, _, badErrors) = try run(runner, ["--library", driver.library.path, "sofmax"])
        XCTAssertEqual(badStatus, 2)
        XCTAssertTrue(badErrors.contains("there is no exercise called 'sofmax'; did you mean 'softmax'?"), badErrors)

        // Under :use mine the same library answers call after call, each with the stub's error.
        let learner = LearnerProcess(driver: driver)
        for _ in 0..<3 {
            XCTAssertThrowsError(try learner.implementations.call("relu", Tensor([-1, 2])) as Tensor) { error in
                XCTAssertEqual("\(error)", "relu: not implemented yet (write its body between START CODE HERE and END CODE HERE)")
            }
        }
    }

    /// Completed as a learner completes them, every case of every exercise passes.
    func testACompletedCopyPassesEveryCaseOfEveryExercise() throws {
        let driver = try driver(exercises: try solvedCopy())
        try driver.build { _ in }
        for exercise in Course.exercises {
            let results = try driver.run(exercise)
            XCTAssertEqual(results.count, try exercise.cases().count, exercise.name)
            XCTAssertEqual(results.filter { $0.status != .passed }.map(\.title), [], exercise.name)
        }
    }

    /// An edit inside one function's body compiles that file again and no other; an edit of
    /// what the other files see (a new top-level function) compiles them all. The check
    /// after each sees the edit.
    func testAnEditInsideOneFunctionCompilesOnlyItsFile() throws {
        let copy = try solvedCopy()
        let driver = try driver(exercises: copy)
        try driver.build { _ in }
        let files = try FileManager.default.contentsOfDirectory(atPath: copy).sorted().map { copy + "/" + $0 }
        let compiled = { files.map { modificationTime(driver.library.object(of: $0)) } }
        let first = compiled()
        XCTAssertFalse(first.contains(nil))

        try edit(copy, "03-forward.swift", replacing: "let shifted = try x - x.max(axis: -1, keepdims: true)", with: "let shifted = x")
        try driver.build { _ in }
        let second = compiled()
        for (file, (before, after)) in zip(files, zip(first, second)) {
            XCTAssertEqual(before != after, file.hasSuffix("03-forward.swift"), file)
        }
        let overflow = try driver.run(try Course.find("softmax"))
        XCTAssertTrue(overflow.contains { $0.details.contains("  first difference at [1]: expected 1, actual nan") }, "\(overflow)")

        try edit(copy, "03-forward.swift", replacing: "public func relu(", with: "func unused() {}\n\npublic func relu(")
        try driver.build { _ in }
        for (file, (before, after)) in zip(files, zip(second, compiled())) {
            XCTAssertNotEqual(before, after, "every file compiled again: \(file)")
        }
    }

    /// An index out of range in the learner's relu: every case reports the crash with the
    /// learner's line, the checks go on, and under :use mine the call throws the same report
    /// and the next call, to another function, is answered.
    func testACrashInTheLearnersCodeIsReportedWithItsLineAndEverythingGoesOn() throws {
        let copy = try solvedCopy()
        let broken = "let values = x.doubles; _ = values[values.count]"
        try edit(copy, "03-forward.swift", replacing: "try Tensor.binary(.maximum, x.astype(.float64), Tensor(scalar: 0))",
                 with: broken + "\n    return x")
        let line = try XCTUnwrap(try String(contentsOfFile: copy + "/03-forward.swift", encoding: .utf8)
            .components(separatedBy: "\n").firstIndex { $0.contains(broken) }) + 1
        let driver = try driver(exercises: copy)
        try driver.build { _ in }
        let results = try driver.run(try Course.find("relu"))
        XCTAssertEqual(results.map(\.status), Array(repeating: .crashed, count: try Course.find("relu").cases().count))
        let report = results[0].details.joined(separator: "\n")
        XCTAssertTrue(report.contains("the function crashed: SIGILL (a Swift runtime check failed: index out of range"), report)
        XCTAssertTrue(report.contains("Fatal error: Index out of range"), report)
        XCTAssertTrue(report.contains("in your code: relu(_:) at exercises/03-forward.swift:\(line):"), report)

        let learner = LearnerProcess(driver: driver)
        XCTAssertThrowsError(try learner.implementations.call("relu", Tensor([-1, 2])) as Tensor) { error in
            XCTAssertTrue("\(error)".hasPrefix("your relu crashed, so mlplab stopped the call (your variables are kept):"), "\(error)")
            XCTAssertTrue("\(error)".contains("in your code: relu(_:) at exercises/03-forward.swift:\(line):"), "\(error)")
        }
        let sigmoid: Tensor = try learner.implementations.call("sigmoid", Tensor([0]))
        XCTAssertEqual(sigmoid.doubles, [0.5])
    }

    /// A function whose signature was changed cannot be called by the checks: the check
    /// stops before compiling, naming it and the signature its stub has.
    func testAChangedSignatureIsNamedWithTheOneTheChecksCall() throws {
        let copy = try solvedCopy()
        try edit(copy, "03-forward.swift", replacing: "public func softmax(_ x: Tensor) throws -> Tensor {",
                 with: "public func softmax(_ x: Tensor,\n                    axis: Int) throws -> Tensor {")
        let driver = try driver(exercises: copy)
        XCTAssertThrowsError(try driver.build { _ in }) { error in
            XCTAssertEqual("\(error)", "the checks call softmax with the signature of its stub, `public func softmax(_ x: Tensor) throws -> Tensor`, "
                           + "but exercises/03-forward.swift has `public func softmax(_ x: Tensor, axis: Int) throws -> Tensor`: "
                           + "put the stub's back (or `:reset softmax` to start the exercise again)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: driver.library.path))

        try edit(copy, "03-forward.swift", replacing: "public func softmax(", with: "public func softmaxRows(")
        XCTAssertThrowsError(try driver.build { _ in }) { error in
            XCTAssertEqual("\(error)", "exercises/03-forward.swift has no `public func softmax(` any more: the checks call "
                           + "`public func softmax(_ x: Tensor) throws -> Tensor`; put it back")
        }
    }

    private func run(_ program: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

private func modificationTime(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
}
