import Notebook
import TensorComparison
import XCTest

final class OutputComparisonTests: XCTestCase {
    private func difference(_ actual: String, _ expected: String, _ tolerance: Tolerance = .standard) -> Mismatch? {
        OutputComparison.difference(actual: actual, expected: expected, tolerance: tolerance)
    }

    func testIdenticalTextMatches() {
        XCTAssertNil(difference("[[1 2]\n [3 4]]", "[[1 2]\n [3 4]]"))
        XCTAssertNil(difference("", ""))
    }

    func testNumbersWithinTheToleranceMatch() {
        // 1e-8 + 1e-5 · 0.5 = 5.01e-6 is allowed.
        XCTAssertNil(difference("[0.500005 1.]", "[0.5 1.]"))
        XCTAssertNotNil(difference("[0.50001 1.]", "[0.5 1.]"))
        XCTAssertNil(difference("0.50001", "0.5", Tolerance(absolute: 0, relative: 1e-4)))
        XCTAssertNil(difference("1e-09", "0."))
        XCTAssertNotNil(difference("1e-07", "0."))
    }

    func testSpacingMayChangeWhenDigitsDo() {
        // numpy widens every column when one number gains a digit.
        XCTAssertNil(difference("[ 1.  -0.5]", "[1. -0.5]"))
    }

    func testTheFirstDifferenceIsReported() {
        let mismatch = difference("[ 0.53948992 -0.29540078 -1.5]", "[ 0.53948992 -0.29540078 -1.55749236]")
        XCTAssertEqual(mismatch?.expected, "-1.55749236")
        XCTAssertEqual(mismatch?.actual, "-1.5")
        XCTAssertEqual(mismatch?.line, 1)
        XCTAssertEqual(mismatch?.description, "line 1: expected -1.55749236, got -1.5 (off by 0.0575, allowed 1.56e-5)")
    }

    func testLineNumbersCountFromTheStartOfTheOutput() {
        XCTAssertEqual(difference("[[1 2]\n [3 5]]", "[[1 2]\n [3 4]]")?.line, 2)
    }

    func testIntegersAndFloatsDiffer() {
        XCTAssertEqual(difference("[1. 2.]", "[1 2]")?.note, "a float where an integer was expected")
        XCTAssertEqual(difference("3", "3.0")?.note, "an integer where a float was expected")
    }

    func testNanAndInfinity() {
        XCTAssertNil(difference("[ 0. nan  0.]", "[ 0. nan  0.]"))
        XCTAssertNil(difference("[ 1. inf  0.]", "[ 1. inf  0.]"))
        XCTAssertNotNil(difference("[-inf]", "[inf]"))
        XCTAssertNotNil(difference("nan", "0."))
    }

    func testNamesWithDigitsAreWords() {
        XCTAssertNil(difference("dtype('float32')", "dtype('float32')"))
        XCTAssertNotNil(difference("dtype('float64')", "dtype('float32')"))
        XCTAssertEqual(difference("W2 shape", "W1 shape")?.expected, "W1")
    }

    func testWordsMustBeEqual() {
        XCTAssertEqual(difference("True", "False")?.description, "line 1: expected False, got True")
        XCTAssertNotNil(difference("helloworld", "hello world"))
    }

    func testShorterAndLongerOutput() {
        XCTAssertEqual(difference("[1 2]", "[1 2 3]")?.description, "line 1: expected 3, got ]")
        XCTAssertEqual(difference("1\n2", "1")?.description, "line 2: unexpected 2 after the end of the expected output")
        XCTAssertEqual(difference("", "7")?.description, "line 1: expected 7, but the output stops before it")
    }

    func testCountsEveryDifferingNumber() {
        let mismatch = difference("[1.5 2.5 3.]", "[1. 2. 3.]")
        XCTAssertEqual(mismatch?.differingNumbers, 2)
        XCTAssertTrue(mismatch?.description.hasSuffix("; 2 numbers differ in all") ?? false)
    }

    func testTrainingLogLines() {
        let expected = "[Epoch 1/5] Training Loss = 1.2817 / Training Acc = 78.35%"
        XCTAssertNil(difference("[Epoch 1/5] Training Loss = 1.2817 / Training Acc = 78.35%", expected))
        XCTAssertEqual(difference("[Epoch 1/5] Training Loss = 1.2817 / Training Acc = 78.36%", expected)?.actual, "78.36")
        XCTAssertNil(difference("[Epoch 1/5] Training Loss = 1.2817 / Training Acc = 78.36%", expected,
                                Tolerance(absolute: 0, relative: 1e-3)))
    }
}
