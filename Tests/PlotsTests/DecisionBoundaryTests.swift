import Plots
import Tensor
import XCTest

final class DecisionBoundaryTests: XCTestCase {
    /// Two points, (0, 0) of class 0 and (1, 1) of class 1.
    private let points = Tensor(shape: [2, 2], storage: .float64([0, 0, 1, 1]))

    /// Class 1 right of x = 0.5.
    private func rightHalf(_ grid: Tensor) -> [Int] {
        let values = grid.doubles
        return (0..<grid.shape[0]).map { values[2 * $0] > 0.5 ? 1 : 0 }
    }

    func testThePredictorSeesCellCentres() throws {
        var seen: Tensor?
        let grid = try DecisionGrid(points: points, columns: 4, rows: 2) { cells in
            seen = cells
            return Array(repeating: 0, count: cells.shape[0])
        }
        // Span 1 × 5% is under the 0.1 minimum margin: the area is -0.1...1.1 on both axes,
        // so cells are 0.3 wide and 0.6 tall, the top row first.
        XCTAssertEqual(grid.xRange, -0.1...1.1)
        let cells = try XCTUnwrap(seen)
        XCTAssertEqual(cells.shape, [8, 2])
        XCTAssertEqual(cells.dtype, .float64)
        let expected: [Double] = [0.05, 0.8, 0.35, 0.8, 0.65, 0.8, 0.95, 0.8,
                                  0.05, 0.2, 0.35, 0.2, 0.65, 0.2, 0.95, 0.2]
        for (actual, wanted) in zip(cells.doubles, expected) { XCTAssertEqual(actual, wanted, accuracy: 1e-12) }
    }

    func testPlainMap() throws {
        let map = try TerminalPicture.boundary(points: points, labels: [0, 1], width: 4, height: 2, style: .plain,
                                               predict: rightHalf)
        // (0, 0) falls in the bottom-left cell, (1, 1) in the top-right one.
        XCTAssertEqual(map, "..-x\no.--\no class 0 (.)   x class 1 (-)")
    }

    func testColourMapPaintsRegions() throws {
        let map = try TerminalPicture.boundary(points: points, labels: [0, 1], width: 4, height: 2,
                                               style: .trueColor, predict: rightHalf)
        XCTAssertEqual(map.components(separatedBy: "●").count - 1, 4, "two points and two legend entries")
        // Region 0 is the first palette colour (31, 119, 180) darkened by 60%.
        XCTAssertTrue(map.contains("48;2;12;48;72m"), map)
    }

    func testWrongPredictionCountIsAnError() {
        XCTAssertThrowsError(try TerminalPicture.boundary(points: points, labels: [0, 1], width: 4, height: 2,
                                                          style: .plain) { _ in [0, 1] }) {
            XCTAssertEqual($0 as? PlotError, .countMismatch(what: "predicted classes for the 8 grid points",
                                                            expected: 8, got: 2))
        }
    }

    func testPointsMustBePairs() {
        let triples = Tensor(shape: [2, 3], storage: .float64(Array(repeating: 0, count: 6)))
        XCTAssertThrowsError(try TerminalPicture.boundary(points: triples, labels: [0, 1], style: .plain) { _ in [] })
        XCTAssertThrowsError(try TerminalPicture.boundary(points: points, labels: [0], style: .plain) { _ in [] })
    }

    func testPredictorErrorsPassThrough() {
        struct Refused: Error {}
        XCTAssertThrowsError(try TerminalPicture.boundary(points: points, labels: [0, 1], style: .plain) { _ in
            throw Refused()
        }) { XCTAssertTrue($0 is Refused) }
    }
}
