import Foundation
import ChildProcesses
import Course
import CourseConsole
import ReferenceSolutions
import XCTest

/// The parent side of a check: the learner's code runs in a child process, so a crash or
/// an endless loop is reported as that case's failure and the checks go on with the next.
/// Fake runners (shell scripts) play the learner's code here.
final class RunnerTests: XCTestCase {
    /// A driver whose runner is `script`, a shell script given `--json --from K NAME`.
    private func driver(_ script: String) throws -> CheckDriver {
        let folder = try temporaryFolder(self)
        let path = folder + "/fake-runner"
        try ("#!/bin/sh\nfrom=$3\n" + script).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        var driver = CheckDriver(root: PackageRoot(path: repositoryRoot, configuration: "debug"))
        driver.runner = path
        return driver
    }

    private func json(_ index: Int, _ status: String = "passed") -> String {
        "echo '{\"details\":[],\"exercise\":\"relu\",\"index\":\(index),\"status\":\"\(status)\",\"title\":\"case \(index)\",\"total\":3}'\n"
    }

    func testACrashIsReportedAsThatCaseFailingWithTheSignalAndTheLearnersLine() throws {
        let driver = try driver("""
            if [ "$from" = 1 ]; then
            \(json(1))
            echo 'Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range' >&2
            echo '3 [ra]  0x0000557afb1a2c95 relu(_:) + 452 in mlplab-exercises at \(repositoryRoot)/exercises/03-forward.swift:34:47' >&2
            kill -ILL $$
            fi
            \(json(3))
            """)
        var heard: [Int] = []
        let results = try driver.run(try Course.find("relu")) { heard.append($0.index) }
        XCTAssertEqual(results.map(\.status), [.passed, .crashed, .passed])
        XCTAssertEqual(heard, [1, 2, 3], "each result is passed on as it arrives")
        let crash = results[1]
        XCTAssertEqual(crash.index, 2)
        XCTAssertEqual(crash.title, try Course.find("relu").cases()[1].title)
        XCTAssertTrue(crash.details[0].hasPrefix("the function crashed: SIGILL (a Swift runtime check failed: index out of range"), "\(crash.details)")
        XCTAssertTrue(crash.details.contains("  Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range"), "\(crash.details)")
        XCTAssertTrue(crash.details.contains("  in your code: relu(_:) at exercises/03-forward.swift:34:47"), "\(crash.details)")
    }

    func testACrashBeforeAnyOutputStillReportsEveryCase() throws {
        let driver = try driver("kill -SEGV $$\n")
        let results = try driver.run(try Course.find("relu"))
        XCTAssertEqual(results.map(\.index), [1, 2, 3])
        XCTAssertEqual(Set(results.map(\.status)), [.crashed])
        XCTAssertTrue(results[0].details[0].contains("SIGSEGV"), "\(results[0].details)")
    }

    func testAnEndlessLoopIsStoppedAndTheNextCaseRuns() throws {
        var driver = try driver("""
            if [ "$from" = 1 ]; then exec sleep 30; fi
            \(json(2))
            \(json(3))
            """)
        driver.caseTimeLimit = 1
        let started = Date()
        let results = try driver.run(try Course.find("relu"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(results.map(\.status), [.timedOut, .passed, .passed])
        XCTAssertEqual(results[0].details, ["no result after 1 s: an endless loop? (the case was stopped)"])
    }

    func testARunnerThatFailsToStartTheChecksIsAnError() throws {
        let driver = try driver("echo 'mlplab-exercises: there is no exercise called relu' >&2\nexit 2\n")
        XCTAssertThrowsError(try driver.run(try Course.find("relu"))) { error in
            XCTAssertTrue("\(error)".contains("stopped with exit status 2: mlplab-exercises: there is no exercise called relu"), "\(error)")
        }
    }

    func testAMissingRunnerIsAnError() throws {
        var driver = CheckDriver(root: PackageRoot(path: repositoryRoot, configuration: "debug"))
        driver.runner = "/nonexistent/mlplab-exercises"
        XCTAssertThrowsError(try driver.run(try Course.find("relu"))) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot start /nonexistent/mlplab-exercises"), "\(error)")
        }
    }

    func testSwiftBuildProgressLinesAreHiddenAndCompilerMessagesKept() {
        XCTAssertTrue(CheckDriver.isProgress("[3/7] Compiling Exercises 01-loading.swift"))
        XCTAssertTrue(CheckDriver.isProgress("Building for production..."))
        XCTAssertTrue(CheckDriver.isProgress("Build of product 'mlplab-exercises' complete! (0.79s)"))
        XCTAssertFalse(CheckDriver.isProgress("/r/exercises/03-forward.swift:20:9: error: cannot find 'y' in scope"))
        XCTAssertFalse(CheckDriver.isProgress("   |         `- error: cannot find 'y' in scope"))
        XCTAssertFalse(CheckDriver.isProgress("[[1, 2]]"))
    }
}
