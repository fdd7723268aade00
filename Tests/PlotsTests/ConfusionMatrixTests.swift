import Plots
import XCTest

/// The labels and expected counts are those of scripts/plots_reference.py (numpy's np.add.at).
final class ConfusionMatrixTests: XCTestCase {
    private let truth = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0, 1, 2, 2]
    private let predicted = [0, 1, 0, 1, 1, 2, 1, 2, 0, 2, 2, 1, 0, 1, 2, 2]

    func testCounts() throws {
        let matrix = try ConfusionMatrix(trueLabels: truth, predicted: predicted, classes: 3)
        XCTAssertEqual(matrix.counts, [[3, 1, 0], [0, 4, 1], [1, 1, 5]])
        XCTAssertEqual(matrix.total, 16)
        XCTAssertEqual(matrix.correct, 12)
        XCTAssertEqual(matrix.accuracy, 0.75)
        XCTAssertEqual(matrix.classAccuracy[0], 0.75)
        XCTAssertEqual(matrix.classAccuracy[1], 0.8)
        XCTAssertEqual(matrix.classAccuracy[2]!, 5.0 / 7.0, accuracy: 1e-15)
    }

    func testTable() throws {
        let table = try TerminalPicture.confusion(trueLabels: truth, predicted: predicted, classes: 3, style: .plain)
        XCTAssertEqual(table, """
            true\\pred  0  1  2  accuracy
                    0  3  1  0    75.00%
                    1  0  4  1    80.00%
                    2  1  1  5    71.43%
            overall accuracy 75.00% (12 of 16)
            """)
    }

    func testEmptyClassesShowADash() throws {
        let table = try TerminalPicture.confusion(trueLabels: [0], predicted: [0], classes: 2, style: .plain)
        XCTAssertTrue(table.contains("        1  0  0         -"), table)
    }

    func testColourMarksTheDiagonalAndMistakes() throws {
        let table = try TerminalPicture.confusion(trueLabels: [0, 1], predicted: [0, 0], classes: 2, style: .trueColor)
        XCTAssertTrue(table.contains("\u{1B}[38;2;80;200;80m  1\u{1B}[0m"), "right answers in green")
        XCTAssertTrue(table.contains("\u{1B}[38;2;230;50;50m  1\u{1B}[0m"), "mistakes in red")
    }

    func testBadInputIsReported() {
        XCTAssertThrowsError(try ConfusionMatrix(trueLabels: [0, 1], predicted: [0], classes: 2)) {
            XCTAssertEqual($0 as? PlotError,
                           .countMismatch(what: "predicted labels for 2 true labels", expected: 2, got: 1))
        }
        XCTAssertThrowsError(try ConfusionMatrix(trueLabels: [0, 3], predicted: [0, 1], classes: 3)) {
            XCTAssertEqual($0 as? PlotError, .labelOutOfRange(label: 3, classes: 3))
        }
        XCTAssertThrowsError(try ConfusionMatrix(trueLabels: [-1], predicted: [0], classes: 3))
    }
}
