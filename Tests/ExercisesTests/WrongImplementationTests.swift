import Exercises
import ChildProcesses
import Course
import CourseConsole
import ReferenceSolutions
import Tensor
import XCTest

/// Deliberately wrong implementations, the mistakes learners make, must fail, and the
/// message must point at the problem: the first differing index, expected vs actual,
/// and where the pattern is clear, what the mistake probably is.
final class WrongImplementationTests: XCTestCase {
    let reference = Implementations.reference

    func testSoftmaxWithoutMaxSubtractionOverflowsToNanAndIsToldSo() throws {
        var broken = reference
        broken.softmax = { x in
            let e = try x.unary(.exp)
            return try e / e.sum(axis: -1, keepdims: true)
        }
        let all = try results("softmax", broken)
        XCTAssertEqual(try result(all, "scores (4, 10)").status, .passed, "ordinary scores are fine without the max")
        let overflow = try result(all, "[0, 1000, -1000]")
        XCTAssertEqual(overflow.status, .failed)
        let message = text(overflow)
        XCTAssertTrue(message.contains("inputs: x (3,) float64 = [0, 1000, -1000]"), message)
        XCTAssertTrue(message.contains("first difference at [1]: expected 1, actual nan"), message)
        XCTAssertTrue(message.contains("expected: [0, 1, 0]"), message)
        XCTAssertTrue(message.contains("actual:   [0, nan, 0]"), message)
        XCTAssertTrue(message.contains("an overflow?"), message)
        XCTAssertTrue(message.contains("tolerance: |actual - expected| ≤ 1e-09 + 1e-07·|expected|"), message)
    }

    func testSoftmaxWithOneMaximumForTheWholeBatchFailsOnTheRowsCase() throws {
        var broken = reference
        broken.softmax = { x in
            let e = try (x - x.max()).unary(.exp)
            return try e / e.sum(axis: -1, keepdims: true)
        }
        let rows = try result(try results("softmax", broken), "rows [1000")
        XCTAssertEqual(rows.status, .failed)
        XCTAssertTrue(text(rows).contains("first difference at [1, 0]: expected 0.66524096, actual nan"), text(rows))
    }

    func testTransposedDWIsReportedAsTransposed() throws {
        var broken = reference
        broken.linearBackward = { dOut, x, W in
            let right = try Implementations.reference.linearBackward(dOut, x, W)
            return (try Tensor.matmul(dOut.T, x), right.db, right.dx)     // dOutᵀ·x: (H, D) instead of (D, H)
        }
        let all = try results("linearBackward", broken)
        let seeds = try result(all, "the DL practice notebook's FC layer backward")
        XCTAssertEqual(seeds.status, .failed)
        let message = text(seeds)
        XCTAssertTrue(message.contains("dW: shape (3, 2), expected (2, 3)"), message)
        XCTAssertTrue(message.contains("the expected shape reversed: a transposed result?"), message)
        XCTAssertTrue(message.contains("Its transpose has exactly the expected values"), message)
        XCTAssertFalse(message.contains("db"), "db and dx are right and not mentioned: \(message)")

        let square = try result(all, "a square W (4, 4)")
        XCTAssertEqual(square.status, .failed)
        XCTAssertTrue(text(square).contains("the values are the transpose of the expected ones"), text(square))
    }

    func testReLUBackwardPassingTheGradientAtZeroIsShownWithTheInputThere() throws {
        var broken = reference
        broken.reluBackward = { dOut, x in
            try Tensor.where_(Tensor.binary(.greaterEqual, x, Tensor(scalar: 0)), dOut, Tensor(scalar: 0))
        }
        let all = try results("reluBackward", broken)
        XCTAssertEqual(try result(all, "dOut and x (4, 6)").status, .passed, "random inputs are never exactly 0")
        let zero = try result(all, "x exactly 0")
        XCTAssertEqual(zero.status, .failed)
        let message = text(zero)
        XCTAssertTrue(message.contains("2 of 6 values differ"), message)
        XCTAssertTrue(message.contains("first difference at [0, 1]: expected 0, actual 0.2"), message)
        XCTAssertTrue(message.contains("inputs at [0, 1]: dOut = 0.2, x = 0"), message)
    }

    func testAMissingDivisionByTheBatchSizeIsNamed() throws {
        var broken = reference
        broken.softmaxCrossEntropyGradient = { scores, labels in
            try ReferenceSolutions.softmax(scores) - ReferenceSolutions.oneHot(labels, classes: scores.shape[1])
        }
        let seeded = try result(try results("softmaxCrossEntropyGradient", broken), "scores (5, 10)")
        XCTAssertEqual(seeded.status, .failed)
        XCTAssertTrue(text(seeded).contains("every value is 5 times the expected one: the batch size N is 5. Is a division by N missing?"),
                      text(seeded))
    }

    /// Dividing the MSE gradient by the batch size only (as the DL practice notebook does)
    /// makes it C = 10 times the gradient of the mean over all N·C elements.
    func testMSEGradientDividedByTheBatchSizeOnlyIsOffByTheClassCount() throws {
        var broken = reference
        broken.mseGradient = { y, t in try (y - t) * Tensor(scalar: 2 / Double(y.shape[0])) }
        let seeded = try result(try results("mseGradient", broken), "y (4, 10)")
        XCTAssertEqual(seeded.status, .failed)
        XCTAssertTrue(text(seeded).contains("every value is 10 times the expected one: the number of columns C is 10."), text(seeded))
    }

    func testSigmoidAsExpOverOnePlusExpFailsForLargeInputs() throws {
        var broken = reference
        broken.sigmoid = { x in
            let e = try x.unary(.exp)
            return try e / (Tensor(scalar: 1) + e)
        }
        let all = try results("sigmoid", broken)
        XCTAssertEqual(try result(all, "the DL practice notebook's sigmoid").status, .passed)
        let large = try result(all, "[0, 1000, -1000]")
        XCTAssertEqual(large.status, .failed)
        XCTAssertTrue(text(large).contains("first difference at [1]: expected 1, actual nan"), text(large))
    }

    func testLogOfSoftmaxGivesAnInfiniteLoss() throws {
        var broken = reference
        broken.softmaxCrossEntropy = { scores, labels in
            let p = try ReferenceSolutions.softmax(scores)
            let picked = try (p.unary(.log) * ReferenceSolutions.oneHot(labels, classes: scores.shape[1])).sum()
            return -picked.doubles[0] / Double(scores.shape[0])
        }
        let tiny = try result(try results("softmaxCrossEntropy", broken), "scores [0, 1000, -1000]")
        XCTAssertEqual(tiny.status, .failed)
        XCTAssertTrue(text(tiny).contains("loss (): 1 of 1 values differ"), text(tiny))
        XCTAssertTrue(text(tiny).contains("expected 1000, actual nan"), text(tiny))   // log(0) · 0 from the one-hot row
        XCTAssertTrue(text(tiny).contains("log(0) is -inf"), text(tiny))
    }

    func testIDXHeaderWithoutTheMagicCheckMustThrowButReturns() throws {
        var broken = reference
        broken.parseIDXHeader = { bytes in
            guard bytes.count >= 4, bytes.count >= 4 + 4 * Int(bytes[3]) else { throw ExerciseError.invalidInput("too short") }
            let n = Int(bytes[3])
            return (0..<n).map { k in bytes[(4 + 4 * k)..<(8 + 4 * k)].reduce(0) { $0 << 8 | Int($1) } }
        }
        let gzip = try result(try results("parseIDXHeader", broken), "gzip bytes")
        XCTAssertEqual(gzip.status, .failed)
        XCTAssertTrue(text(gzip).contains("expected an error, because these inputs break the contract (an IDX file starts with 00 00, got 1f 8b)"),
                      text(gzip))
        XCTAssertTrue(text(gzip).contains("but the function returned result = []"), text(gzip))
    }

    func testAPermutationPerBatchGivesOtherIndices() throws {
        var broken = reference
        broken.miniBatches = { count, size, rng in
            guard size > 0 else { throw ExerciseError.invalidInput("batch size 0") }
            return stride(from: 0, to: count, by: size).map { start in
                Array(rng.permutation(count).prefix(min(size, count - start)).map(Int.init))
            }
        }
        let first = try result(try results("miniBatches", broken), "10 samples")
        XCTAssertEqual(first.status, .failed)
        XCTAssertTrue(text(first).contains("indices (10,): "), text(first))
        XCTAssertFalse(text(first).contains("batch sizes"), "the batch sizes are right: \(text(first))")
    }

    func testAccuracyThatTakesTheLastOfTiedScoresFailsTheTiesCase() throws {
        var broken = reference
        broken.accuracy = { scores, labels in
            let c = scores.shape[1], values = scores.doubles, truth = labels.int64s
            let correct = truth.indices.filter { i in
                let row = values[(i * c)..<((i + 1) * c)]
                return row.lastIndex(of: row.max()!)! - i * c == Int(truth[i])
            }
            return Double(correct.count) / Double(truth.count)
        }
        let all = try results("accuracy", broken)
        let ties = try result(all, "ties")
        XCTAssertEqual(ties.status, .failed)
        XCTAssertTrue(text(ties).contains("first difference at []: expected 1, actual 0"), text(ties))
    }

    func testAResultOfTheWrongDTypeIsNamed() throws {
        var broken = reference
        broken.relu = { x in try Implementations.reference.relu(x).astype(.float32) }
        let seeded = try result(try results("relu", broken), "x (4, 5)")
        XCTAssertEqual(seeded.status, .failed)
        XCTAssertTrue(text(seeded).contains("result: dtype float32, expected float64"), text(seeded))
    }

    func testAnErrorWhereAValueIsExpectedShowsTheErrorAndTheExpectedShape() throws {
        var broken = reference
        broken.linearForward = { x, W, b in try Tensor.matmul(x, W.T) + b }
        let seeds = try result(try results("linearForward", broken), "the DL practice notebook's FC layer")
        XCTAssertEqual(seeds.status, .failed)
        XCTAssertTrue(text(seeds).contains("the function threw: matmul"), text(seeds))
        XCTAssertTrue(text(seeds).contains("expected result (5, 3)"), text(seeds))
    }

    /// A result made from one value too few (a loop that stops early) is reported as the
    /// error it throws, with the counts, in every case: the check goes on, nothing crashes.
    func testAResultWithTheWrongNumberOfValuesIsReportedAsAnError() throws {
        var broken = reference
        broken.relu = { x in try Tensor(shape: x.shape, doubles: x.doubles.dropLast().map { max(0, $0) }) }
        let all = try results("relu", broken)
        XCTAssertEqual(all.map(\.status), Array(repeating: .failed, count: all.count))
        let seeded = try result(all, "x (4, 5)")
        XCTAssertTrue(text(seeded).contains("the function threw: Tensor(shape:doubles:): shape (4, 5) holds 20 elements, "
                                            + "but 19 values given"), text(seeded))
    }
}
