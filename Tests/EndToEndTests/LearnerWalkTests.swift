import Foundation
import Notebook
import XCTest

/// A learner's exercise work from start to end, on the real binary at a terminal, with the
/// real compiler and runner: lesson 6 leads to `accuracy`; the learner writes one that
/// passes its checks but crashes on a data set (an index out of range once a batch has more
/// than 1,000 rows); under `:use mine`, `fit` runs it and the crash is reported while the
/// session goes on; a fix and `:reload` make `fit` train with it; `:reset` puts the stub back.
///
/// mlplab is pointed (MLPLAB_HOME) at a copy of the package's exercises/, so that the test
/// edits no file of the repository; the copy compiles against the modules and runs the
/// runner (`mlplab-exercises`) that the build of this test left beside it.
final class LearnerWalkTests: XCTestCase {
    private let exerciseFile = "exercises/06-training.swift"
    private let stubBody = "throw ExerciseError.notImplemented(\"accuracy\")"
    /// The learner's mistake: `hits` has room for 1,000 rows, enough for every check (20 rows
    /// at most) but not for a data set.
    private let crashingLine = "for i in 0..<truth.count { hits[i] = predicted[i] == truth[i] }"

    func testALessonLeadsToAnExerciseWhoseCrashInFitIsReportedFixedReloadedAndReset() throws {
        let package = try learnerPackage()
        let file = package + "/" + exerciseFile
        let terminal = try ReplTerminalTests.Terminal(arguments: ["--lang", "en"], environment: [
            "MLPLAB_HOME": package, "XDG_STATE_HOME": package + "/state"])
        defer { terminal.finish() }
        // Each step needs the one before: the walk stops at the first text that does not come.
        func expect(_ text: String, seconds: Double = 30, _ step: String, line: UInt = #line) throws {
            guard terminal.wait(for: text, seconds: seconds) else {
                XCTFail("\(step): no \(text.debugDescription) on the terminal:\n\(terminal.record)", line: line)
                throw WalkStopped(description: "the walk stopped at: \(step)")
            }
        }
        try expect(">>> ", "the prompt")
        terminal.type("kept = arange(4) * 7\r")
        try expect(">>> ", "a variable made before the lesson")

        // 1. Lesson 6 leads to accuracy; :exercise shows the file and the line to edit.
        let lesson = try LessonParser.load(path: Binary.repositoryRoot.appendingPathComponent("lessons/en/06-training.md").path)
        let cell = try XCTUnwrap(lesson.cells.first { $0.exercises.contains("accuracy") }, "lesson 6 names accuracy").index + 1
        terminal.type(":open 6\r")
        try expect("cell 1 of \(lesson.cells.count)", "lesson 6 opens")
        for skipped in 1..<cell {
            terminal.type(":next\r")
            try expect("Skipped cell \(skipped):", seconds: 120, "lesson 6 moves on to its accuracy cell")
        }
        try expect("Exercise accuracy: write it yourself in \(exerciseFile).", "the lesson's cell names the exercise")
        terminal.type(":exercise accuracy\r")
        try expect("\(exerciseFile):\(try lineNumber(of: "public func accuracy(", in: file))", ":exercise shows the file and line")
        try expect("status: · not started.", ":exercise shows the stub's status")

        // 2. The learner's accuracy passes its checks: they have 20 rows at most.
        try edit(file, replacing: stubBody, with: """
            let predicted = try scores.argmax(axis: -1).int64s
                let truth = labels.int64s
                var hits = [Bool](repeating: false, count: 1000)
                \(crashingLine)
                return Double(hits.filter { $0 }.count) / Double(truth.count)
            """)
        let crashAt = try lineNumber(of: crashingLine, in: file)
        terminal.type(":check accuracy\r")
        try expect(" cases pass — accuracy is finished", seconds: 120, "the learner's accuracy passes every check")

        // 3. Under :use mine, fit calls it on the 4,000 training rows of the bundled sample: it crashes.
        terminal.type(":use mine\r")
        try expect("fit and the lesson cells use your accuracy, and the reference for the \(try exerciseCount() - 1) others",
               ":use mine takes the accuracy that passes")
        terminal.type("seed(0); net = mlp([784, 100, 10], dtype=\"float64\")\r")
        try expect(">>> ", "a network")
        terminal.type("crashed = fit(net, x, y, epochs=1, lr=0.1, batch_size=128, test=(xt, yt))\r")
        try expect("your accuracy crashed, so mlplab stopped the call (your variables are kept):", seconds: 120,
               "the crash inside fit is reported, naming the function")
        try expect("the function crashed: SIGILL (a Swift runtime check failed: index out of range", "what crashed")
        try expect("Fatal error: Index out of range", "the runtime's message")
        try expect("in your code: accuracy(_:labels:) at \(exerciseFile):\(crashAt):", "the learner's line")
        try expect("fix accuracy in \(exerciseFile), then `:reload` runs your new code; "
               + "meanwhile `:use reference accuracy` uses the reference.", "what to do")
        try expect(">>> ", "the prompt comes back")
        terminal.type("kept.sum() + 1000, history.test_acc[0], x.shape\r")
        try expect("(np.int64(1042), np.float64(0.767), (4000, 784))", "the session goes on with its variables, "
               + "the one made before the lesson and the lesson's")
        XCTAssertTrue(terminal.process.isRunning, "mlplab still runs:\n\(terminal.record)")

        // 4. Fixed and reloaded, fit trains with the learner's accuracy: the lesson's first epoch.
        try edit(file, replacing: "count: 1000)", with: "count: truth.count)")
        terminal.type(":reload\r")
        try expect("compiled: fit and the lesson cells now call your latest accuracy; your variables are as they were",
               seconds: 120, ":reload compiles the fix")
        terminal.type("seed(0); net = mlp([784, 100, 10], dtype=\"float64\")\r")
        try expect(">>> ", "a fresh network")
        terminal.type("fixed = fit(net, x, y, epochs=1, lr=0.1, batch_size=128, test=(xt, yt))\r")
        // Lesson 6 trains the same network from the same seed: its first epoch gives these accuracies.
        try expect("Training Acc = 78.62%", seconds: 120, "fit runs the fixed accuracy on the training set")
        try expect("Test Acc = 76.70%", "and on the test set")
        try expect(">>> ", "fit returns")
        terminal.type("fixed.train_acc\r")
        try expect("array([0.78625])", "the history holds the learner's accuracy")

        // 5. :reset puts the stub back, after asking; the checks find it not implemented again.
        terminal.type(":reset accuracy\r")
        try expect("Put the stub of accuracy back in \(exerciseFile)? The code you wrote in it is lost. [y/N]", ":reset asks")
        terminal.type("y\r")
        try expect("accuracy is the stub again (\(exerciseFile):", ":reset answers")
        terminal.type(":check accuracy\r")
        try expect("accuracy: not implemented yet: write its body between START CODE HERE and END CODE HERE (",
               seconds: 120, "the checks meet the stub")
        terminal.type(":exercise accuracy\r")
        try expect("status: · not started.", "the exercise is the untouched stub")
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains(stubBody), "the stub is in the file")
    }

    /// A package folder that mlplab takes for its own (Package.swift and a copy of exercises/),
    /// whose sources are the repository's and whose build folder (for the configuration mlplab
    /// was built in) holds the learner's library and links to the built runner and modules.
    private func learnerPackage() throws -> String {
        let files = FileManager.default
        let built = Binary.url.deletingLastPathComponent()
        let (products, configuration) = (built.path, built.lastPathComponent)
        for product in ["mlplab-exercises", "Modules/Tensor.swiftmodule"] where !files.fileExists(atPath: products + "/" + product) {
            throw MissingProduct(description: "\(products)/\(product) is missing: `make test` (swift build --build-tests) builds it")
        }
        let package = Binary.temporaryFile("learner-walk-\(UUID().uuidString)")
        addTeardownBlock { try? files.removeItem(atPath: package) }
        let repository = Binary.repositoryRoot.path
        try files.createDirectory(atPath: package + "/.build/" + configuration, withIntermediateDirectories: true)
        try files.copyItem(atPath: repository + "/Package.swift", toPath: package + "/Package.swift")
        try files.copyItem(atPath: repository + "/exercises", toPath: package + "/exercises")
        // The installation's other parts, as they are: the sources, the lessons and the bundled data.
        for part in ["Sources", "lessons", "data"] {
            try files.createSymbolicLink(atPath: package + "/" + part, withDestinationPath: repository + "/" + part)
        }
        for product in ["mlplab-exercises", "Modules"] {
            try files.createSymbolicLink(atPath: package + "/.build/\(configuration)/" + product,
                                         withDestinationPath: products + "/" + product)
        }
        return package
    }

    /// Replaces `old` with `new` in the file at `path`.
    private func edit(_ path: String, replacing old: String, with new: String) throws {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(source.contains(old), "\(path) has no \(old)")
        try source.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The number of the first line of the file at `path` that contains `text`.
    private func lineNumber(of text: String, in path: String) throws -> Int {
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        return try XCTUnwrap(lines.firstIndex { $0.contains(text) }, "\(path) has no \(text)") + 1
    }

    /// How many exercises course.json declares.
    private func exerciseCount() throws -> Int {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: Binary.repositoryRoot
            .appendingPathComponent("Sources/Course/course.json"))) as? [String: Any]
        return try XCTUnwrap(manifest?["exercises"] as? [Any]).count
    }
}

/// A product of the build that the test needs and cannot find.
private struct MissingProduct: Error, CustomStringConvertible {
    let description: String
}

/// A step of the walk whose text never came.
private struct WalkStopped: Error, CustomStringConvertible {
    let description: String
}
