import Foundation
import ChildProcesses
import Course
import CourseConsole
import ExerciseCalls
import ReferenceSolutions
import Tensor
import XCTest

/// Under `:use mine` every call of a learner's function crosses to a child process as a
/// message and comes back. The messages must carry every function's arguments and results
/// exactly, the process must serve many calls, and a crash must end only the child.
final class LearnerProcessTests: XCTestCase {
    /// The reference functions, each call encoded, decoded, answered, and the answer
    /// encoded and decoded again: every case of every exercise still passes its checks
    /// (which compare with the reference called directly).
    func testEveryExercisePassesItsChecksThroughTheMessages() throws {
        let throughMessages = Implementations { name, arguments in
            let request = try LearnerMessage.decodeRequest(LearnerMessage.encode(.init(function: name, arguments: arguments)))
            let answer = try Implementations.reference.tensors(request.function, request.arguments)
            switch try LearnerMessage.decodeReply(LearnerMessage.encode(.values(answer))) {
            case .values(let results): return results
            case .thrown(let message): throw LearnerError(description: message)
            }
        }
        for exercise in Course.exercises {
            let results = try Checker.runAll(exercise, with: throughMessages)
            XCTAssertFalse(results.isEmpty, exercise.name)
            XCTAssertEqual(results.filter { $0.status != .passed }.map(\.title), [], exercise.name)
        }
    }

    /// The random generator goes to the other side and comes back advanced: the next
    /// epoch's batches are those of a generator that never left.
    func testTheGeneratorComesBackWhereItWas() throws {
        let remote = Implementations { try Implementations.reference.tensors($0, $1) }
        var here = NumpyRandom(seed: 3), there = NumpyRandom(seed: 3)
        _ = here.standardNormal()           // a cached gaussian travels too
        _ = there.standardNormal()
        for _ in 0..<2 {
            let batches: [[Int]] = try remote.call("miniBatches", 10, 4, &there)
            XCTAssertEqual(batches, try ReferenceSolutions.miniBatches(count: 10, batchSize: 4, rng: &here))
        }
        XCTAssertEqual(there.standardNormal(), here.standardNormal())
        XCTAssertNil(NumpyRandom(stateWords: [1, 2, 3]), "a state of the wrong length is refused")
    }

    func testAMalformedMessageThrowsInsteadOfCrashing() throws {
        let request = LearnerMessage.encode(.init(function: "relu", arguments: [Tensor([1, 2, 3])]))
        for length in [0, 3, request.count - 1] {
            XCTAssertThrowsError(try LearnerMessage.decodeRequest(Array(request.prefix(length))), "cut at \(length)")
        }
        XCTAssertThrowsError(try LearnerMessage.decodeReply([7])) { error in
            XCTAssertEqual("\(error)", "the learner process sent a reply of unknown kind 7")
        }
    }

    /// A runner that crashes: the call throws the crash report with the learner's line, and
    /// the next call starts a new process (the stand-in counts its starts).
    func testACrashEndsTheCallWithTheReportAndTheNextCallStartsAfresh() throws {
        let folder = try temporaryFolder(self)
        let runner = folder + "/mlplab-exercises"
        try """
            #!/bin/sh
            echo start >> '\(folder)/starts'
            echo 'Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range' >&2
            echo '3 [ra] 0x0000557afb1a2c95 accuracy(_:labels:) + 452 in mlplab-exercises at \(repositoryRoot)/exercises/06-training.swift:63:37' >&2
            kill -ILL $$
            """.write(toFile: runner, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: runner)
        var driver = CheckDriver(root: PackageRoot(path: repositoryRoot, configuration: "release"))
        driver.runner = runner
        driver.library.folder = folder
        XCTAssertTrue(FileManager.default.createFile(atPath: driver.library.path, contents: Data()))
        let learner = LearnerProcess(driver: driver)
        for _ in 0..<2 {
            XCTAssertThrowsError(try learner.implementations.call("accuracy", Tensor([1, 2]), Tensor([0])) as Double) { error in
                XCTAssertEqual("\(error)", """
                    your accuracy crashed, so mlplab stopped the call (your variables are kept):
                    the function crashed: SIGILL (a Swift runtime check failed: index out of range, nil force-unwrapped, integer overflow, or a Tensor made with the wrong number of elements)
                      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
                      in your code: accuracy(_:labels:) at exercises/06-training.swift:63:37
                    fix accuracy in exercises/06-training.swift, then `:reload` runs your new code; meanwhile `:use reference accuracy` uses the reference.
                    """)
            }
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "/starts", encoding: .utf8), "start\nstart\n")

        // Under --lang ko the report's own words are Korean.
        driver.language = .ko
        let korean = LearnerProcess(driver: driver)
        XCTAssertThrowsError(try korean.implementations.call("accuracy", Tensor([1, 2]), Tensor([0])) as Double) { error in
            XCTAssertTrue("\(error)".hasPrefix("여러분의 accuracy이(가) 비정상 종료해서 mlplab이 호출을 멈추었습니다 (변수는 그대로입니다):\n"), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("\nexercises/06-training.swift에서 accuracy을(를) 고친 뒤 `:reload`로 새 코드를 실행하세요. "
                                               + "그동안은 `:use reference accuracy`이(가) 참조 구현을 씁니다."), "\(error)")
        }
    }
}
