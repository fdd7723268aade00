import Exercises
import Foundation
import ChildProcesses
import NumericAssertions
import Course
import CourseConsole
import ReferenceSolutions
import Tensor
import XCTest

/// The reference solutions are the expected values of every check, so they are tested
/// against independent references: numpy on the very same inputs, and the numbers the
/// seeds' labs print.
final class ReferenceTests: XCTestCase {
    func testEveryCaseHasANumpyAnswer() throws {
        XCTAssertEqual(Set(NumpyCases.all.keys), Set(Course.exercises.map(\.name)))
        for exercise in Course.exercises {
            XCTAssertEqual(try exercise.cases().count, NumpyCases.all[exercise.name]?.count, exercise.name)
        }
    }

    func testReferenceSolutionsMatchNumpyOnEveryCase() throws {
        for exercise in Course.exercises {
            let cases = try exercise.cases()
            for (check, expected) in zip(cases, NumpyCases.all[exercise.name]!) {
                let label = "\(exercise.name), \(check.title)"
                switch expected {
                case .error:
                    XCTAssertThrowsError(try check.run(.reference), label)
                case .outputs(let outputs):
                    let actual = try check.run(.reference)
                    XCTAssertEqual(actual.map(\.name), outputs.map(\.name), label)
                    for (a, e) in zip(actual, outputs) {
                        XCTAssertEqual(a.value.shape, e.value.shape, "\(label): \(a.name) shape")
                        for (i, (x, y)) in zip(a.value.doubles, e.value.doubles).enumerated()
                        where !(x == y || abs(x - y) <= 1e-12 + 1e-10 * abs(y)) {
                            XCTFail("\(label): \(a.name)[\(i)] is \(x), numpy \(y)")
                            break
                        }
                    }
                }
            }
        }
    }

    /// The seeds print 8 decimals: the reference must round to what they print.
    func testReferenceSolutionsReproduceTheSeedsPrintedNumbers() throws {
        var checked = 0
        for exercise in Course.exercises {
            for check in try exercise.cases() where !check.seedValues.isEmpty {
                let outputs = try check.run(.reference)
                for seed in check.seedValues {
                    let actual = try XCTUnwrap(outputs.first { $0.name == seed.name })
                    XCTAssertEqual(actual.value.shape, seed.value.shape, check.title)
                    for (a, s) in zip(actual.value.doubles, seed.value.doubles) {
                        XCTAssertEqual(a, s, accuracy: 5.1e-9, "\(exercise.name): \(check.title) (\(check.seedSource ?? ""))")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 7, "the seeds' printed outputs reproduced")
    }

    /// The brief's example: seed(0): dJdz_sigmoid(randn(3), randn(3)) = [-4.90531647 -0.64834065 -1.89126428].
    func testTheSeedsDJdzSigmoidExample() throws {
        var rng = NumpyRandom(seed: 0)
        let dOut = Tensor.randn([3], using: &rng), out = Tensor.randn([3], using: &rng)
        let result = try ReferenceSolutions.sigmoidBackward(dOut, out: out).doubles
        for (a, e) in zip(result, [-4.90531647, -0.64834065, -1.89126428]) { XCTAssertEqual(a, e, accuracy: 5e-9) }
    }

    /// The reference sigmoid computes both of its forms from e^-|x|: no exponent is ever
    /// positive, so nothing overflows, even where the other form is thrown away.
    func testTheReferenceSigmoidNeverOverflows() throws {
        let extremes = Tensor([0, 1000, -1000, 710, -710, 1e308, -1e308])
        var result: [Double] = []
        XCTAssertEqual(try floatingPointExceptions { result = try ReferenceSolutions.sigmoid(extremes).doubles }, [])
        XCTAssertEqual(result, [0.5, 1, 0, 1, Foundation.exp(-710), 1, 0])    // e^-710 / (1 + e^-710) rounds to e^-710
    }

    func testEverySolutionPassesEveryCase() throws {
        for exercise in Course.exercises {
            let results = try Checker.runAll(exercise, with: .reference)
            XCTAssertEqual(results.count, try exercise.cases().count)
            for result in results {
                XCTAssertEqual(result.status, .passed, "\(exercise.name) \(result.index): \(result.title) \(result.details)")
            }
        }
    }

    func testErrorCasesAreThereForEveryContractThatSaysThrows() throws {
        // Cases that must throw: the reference throws, so a learner's function must too.
        let throwing = try Course.exercises.flatMap { exercise in
            try exercise.cases().filter { check in (try? check.run(.reference)) == nil }.map { "\(exercise.name): \($0.title)" }
        }
        XCTAssertEqual(throwing.count, 12, throwing.joined(separator: "\n"))
        XCTAssertTrue(throwing.allSatisfy { $0.hasSuffix("must throw") }, throwing.joined(separator: "\n"))
    }
}
