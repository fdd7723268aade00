import Foundation
import Exercises
import Solutions
import XCTest

/// The untouched stubs compile (this test target links them) and fail every case
/// cleanly: no crash, and the "not implemented yet" message naming the function.
final class StubTests: XCTestCase {
    func testEveryUntouchedStubFailsEveryCaseWithNotImplementedYet() throws {
        var checked = 0
        for exercise in Course.exercises {
            let source = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.file, encoding: .utf8)
            let function = try XCTUnwrap(FunctionText(function: exercise.name, in: source), exercise.name)
            guard function.isUntouchedStub else {
                print("skipped \(exercise.name): its stub in \(exercise.group.file) has been edited")
                continue
            }
            let results = try Checker.runAll(exercise, with: .mine)
            XCTAssertEqual(results.count, try exercise.cases().count)
            for result in results {
                XCTAssertEqual(result.status, .notImplemented, "\(exercise.name) case \(result.index)")
                XCTAssertEqual(result.details, ["\(exercise.name): not implemented yet: write its body between START CODE HERE and END CODE HERE"])
            }
            checked += 1
        }
        print("checked \(checked) untouched stubs")
    }

    /// Every stub has the shape the tools rely on: a doc comment with the contract (shapes
    /// in and out, →), the START/END markers around a `throw ExerciseError.notImplemented`.
    func testEveryStubHasItsContractAndMarkers() throws {
        for exercise in Course.exercises {
            let source = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.file, encoding: .utf8)
            let function = try XCTUnwrap(FunctionText(function: exercise.name, in: source), exercise.name)
            let documentation = function.documentation.joined(separator: "\n")
            XCTAssertTrue(documentation.contains("→"), "\(exercise.name): the contract states the shapes in → out")
            XCTAssertGreaterThan(function.documentation.count, 3, exercise.name)
            XCTAssertEqual(function.body.filter { $0.contains("// START CODE HERE") }.count, 1, exercise.name)
            XCTAssertEqual(function.body.filter { $0.contains("// END CODE HERE") }.count, 1, exercise.name)
            XCTAssertTrue(function.signature.hasPrefix("public func \(exercise.name)("), function.signature)
        }
    }

    /// The reference solution of every exercise can be shown by `:solution`.
    func testEverySolutionCanBeFoundInItsFile() throws {
        for exercise in Course.exercises {
            let source = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.solutionFile, encoding: .utf8)
            let function = try XCTUnwrap(FunctionText(function: exercise.name, in: source), exercise.name)
            XCTAssertFalse(function.isUntouchedStub)
            XCTAssertTrue(function.source.hasSuffix("\n}"), exercise.name)
            XCTAssertTrue(function.source.contains("public func \(exercise.name)("), exercise.name)
        }
    }
}
