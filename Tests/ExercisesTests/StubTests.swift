import Foundation
import ChildProcesses
import Course
import CourseConsole
import ReferenceSolutions
import Tensor
import XCTest

/// The stubs as the repository ships them: the shape the tools rely on, the contract in
/// each doc comment, and the Swift types it names. (LearnerLibraryTests compiles them and
/// runs every case on them.)
final class StubTests: XCTestCase {
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

    /// The checks call each function with one signature: the stub's is its reference solution's.
    func testEveryStubHasTheSignatureOfItsReferenceSolution() throws {
        for exercise in Course.exercises {
            let stub = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.file, encoding: .utf8)
            let reference = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.solutionFile, encoding: .utf8)
            XCTAssertEqual(FunctionText(function: exercise.name, in: stub)?.signature,
                           FunctionText(function: exercise.name, in: reference)?.signature, exercise.name)
        }
    }

    /// Every stub says which Swift types the learner meets in it (`:exercise NAME` shows it).
    func testEveryStubNamesTheSwiftTypesItMeets() throws {
        for exercise in Course.exercises {
            let source = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.file, encoding: .utf8)
            let function = try XCTUnwrap(FunctionText(function: exercise.name, in: source), exercise.name)
            let paragraph = function.documentation.drop { !$0.hasPrefix("Swift types: ") }.joined(separator: " ")
            XCTAssertFalse(paragraph.isEmpty, "\(exercise.name) has no \"Swift types:\" paragraph")
        }
        let miniBatches = try XCTUnwrap(FunctionText(function: "miniBatches", in: try String(
            contentsOfFile: repositoryRoot + "/exercises/06-training.swift", encoding: .utf8)))
        XCTAssertTrue(miniBatches.documentation.joined(separator: " ").contains("`rng.permutation(count)` returns an `[Int64]`"))
    }

    /// The "Swift types:" paragraph names the type of every parameter and of the result, as
    /// the signature spells it (`Int`, `[UInt8]`, `NumpyRandom`, `[[Int]]` …; Tensor is Tensor).
    func testEveryStubNamesTheTypeOfEachParameterAndOfItsResult() throws {
        for exercise in Course.exercises {
            let source = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.file, encoding: .utf8)
            let function = try XCTUnwrap(FunctionText(function: exercise.name, in: source), exercise.name)
            let paragraph = function.documentation.drop { !$0.hasPrefix("Swift types: ") }.joined(separator: " ")
            for type in signatureTypes(function.signature) {
                let named = type.contains("Tensor") ? paragraph.contains("Tensor") : paragraph.contains("`\(type)`")
                XCTAssertTrue(named, "\(exercise.name): the Swift types paragraph names \(type)")
            }
        }
    }

    /// The types of the parameters (without `inout`) and the result type of a signature.
    private func signatureTypes(_ signature: String) -> [String] {
        let open = signature.firstIndex(of: "(")!, arrow = signature.range(of: "-> ")!
        let parameters = signature[signature.index(after: open)..<signature.range(of: ") throws")!.lowerBound]
        var types: [String] = [], depth = 0, current = ""
        for character in parameters + "," {
            if "([".contains(character) { depth += 1 } else if ")]".contains(character) { depth -= 1 }
            if character == ",", depth == 0 {
                let type = current.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespacesAndNewlines)
                types.append(type.hasPrefix("inout ") ? String(type.dropFirst(6)) : type)
                current = ""
            } else {
                current.append(character)
            }
        }
        return types + [String(signature[arrow.upperBound...]).trimmingCharacters(in: .whitespaces)]
    }

    /// The types the stubs' "Swift types:" paragraphs name, as the compiler sees them.
    func testTheSwiftTypesTheStubsNameAreTheRealOnes() throws {
        var rng = NumpyRandom(seed: 0)
        let order: [Int64] = rng.permutation(4)
        XCTAssertEqual(order.sorted(), [0, 1, 2, 3])
        let labels = Tensor(shape: [2], int64s: [2, 0])
        let (values, shape): ([Int64], [Int]) = (labels.int64s, labels.shape)
        XCTAssertEqual(values, [2, 0])
        XCTAssertEqual(shape, [2])
        let pixels = Tensor(shape: [2], int64s: [0, 255])
        XCTAssertEqual(pixels.doubles, [0, 255], "doubles whatever the dtype")
        let scores = try Tensor(shape: [2, 3], doubles: [0, 5, 1, 9, 2, 3])
        XCTAssertEqual(try scores.argmax(axis: -1).dtype, .int64)
        XCTAssertEqual(try scores.max(axis: -1, keepdims: true).shape, [2, 1])
        XCTAssertEqual(try Tensor(shape: [3], doubles: [1, 2, 3]).max(axis: -1, keepdims: true).shape, [1])
        XCTAssertEqual(try scores.mean().shape, [])
        XCTAssertEqual(Tensor(scalar: 2).dtype, .float64)
        XCTAssertEqual(try Tensor.binary(.greater, scores, Tensor(scalar: 0)).dtype, .bool)
        XCTAssertEqual(try scores.sum(axis: 0).shape, [3])
        let bytes: [UInt8] = [0xEA]
        XCTAssertEqual(Int(bytes[0]) << 24, 0xEA00_0000)
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
