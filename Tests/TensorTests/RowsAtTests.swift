import Tensor
import XCTest

/// `rows(at:)`, the mini-batch pick, against numpy's `x[idx]` written out by hand.
final class RowsAtTests: XCTestCase {
    func testPicksRowsInTheOrderGiven() throws {
        let x = Tensor(shape: [4, 2], floats: [0, 1, 10, 11, 20, 21, 30, 31])
        let picked = try x.rows(at: [2, 0, 2, -1])
        XCTAssertEqual(picked.shape, [4, 2])
        XCTAssertEqual(picked.floats, [20, 21, 0, 1, 20, 21, 30, 31], "x[[2, 0, 2, -1]]")
        let labels = Tensor(shape: [4], int64s: [7, 3, 9, 1])
        XCTAssertEqual(try labels.rows(at: [3, 1]).int64s, [1, 3])
        XCTAssertEqual(try labels.rows(at: []).shape, [0])
    }

    func testAPositionOutsideTheRowsIsNumpysError() {
        let labels = Tensor(shape: [4], int64s: [7, 3, 9, 1])
        for position: Int64 in [4, -5] {
            XCTAssertThrowsError(try labels.rows(at: [0, position])) {
                XCTAssertEqual("\($0)", "index \(position) is out of bounds for axis 0 with size 4")
            }
        }
        XCTAssertThrowsError(try Tensor(scalar: 1).rows(at: [0]))
    }
}
