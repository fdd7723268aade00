import XCTest
import Tensor

/// Bad shapes, indices and sizes give typed errors whose messages name the
/// operation and both shapes (the messages a learner reads in the REPL).
final class TensorErrorTests: XCTestCase {
    func message(_ body: () throws -> Tensor) -> String {
        do { _ = try body(); return "no error" } catch { return String(describing: error) }
    }

    func testMatmulNamesBothShapes() throws {
        let x = try Tensor.zeros([128, 784]), w = try Tensor.zeros([256, 10])
        XCTAssertEqual(message { try Tensor.matmul(x, w) },
                       "matmul: (128, 784) @ (256, 10): inner dimensions 784 and 256 differ")
    }

    func testBroadcastMismatchNamesOperatorAndShapes() throws {
        let a = try Tensor.zeros([3, 4]), b = try Tensor.zeros([3])
        XCTAssertEqual(message { try a + b },
                       "operator +: operands could not be broadcast together with shapes (3, 4) (3,)")
    }

    func testHugeAllocationIsRefused() {
        XCTAssertTrue(message { try Tensor.zeros([100000, 100000]) }.hasPrefix("refusing to allocate (100000, 100000)"))
        XCTAssertTrue(message { try Tensor.ones([1 << 40, 1 << 40]) }.hasPrefix("refusing to allocate"))
    }

    func testMakersNameThemselvesAndRefuseEndlessRanges() {
        XCTAssertEqual(message { try Tensor.zeros([-1]) }, "zeros: negative dimension -1 in shape (-1,)")
        XCTAssertEqual(message { try Tensor.ones([2, -3]) }, "ones: negative dimension -3 in shape (2, -3)")
        XCTAssertTrue(message { try Tensor.arange(0, .infinity, dtype: .float64) }.hasPrefix("arange: from 0.0 to inf"))
        XCTAssertTrue(message { try Tensor.arange(0, 1e300, step: 1e-300, dtype: .float64) }.hasPrefix("arange: "))
        XCTAssertEqual(message { try Tensor.arange(0, 3, dtype: .int64) }, "no error")
        XCTAssertEqual(message { try Tensor.oneHot(Tensor(shape: [1], int64s: [0]), classes: -1) },
                       "onehot: the number of classes must be positive, got -1")
    }

    /// The initializer the exercises make their results with throws on a wrong count
    /// instead of stopping the program: 2·3 = 6 elements, by hand.
    func testMakingATensorFromTooFewOrTooManyValuesThrows() {
        XCTAssertEqual(message { try Tensor(shape: [2, 3], doubles: [1, 2, 3, 4, 5]) },
                       "Tensor(shape:doubles:): shape (2, 3) holds 6 elements, but 5 values given")
        XCTAssertEqual(message { try Tensor(shape: [], doubles: [1, 2]) },
                       "Tensor(shape:doubles:): shape () holds 1 element, but 2 values given")
        XCTAssertEqual(message { try Tensor(shape: [2], doubles: [7]) },
                       "Tensor(shape:doubles:): shape (2,) holds 2 elements, but 1 value given")
        XCTAssertEqual(message { try Tensor(shape: [-2, -3], doubles: [1, 2, 3, 4, 5, 6]) },
                       "Tensor(shape:doubles:): negative dimension -2 in shape (-2, -3)")
        XCTAssertEqual(try Tensor(shape: [2, 3], doubles: [1, 2, 3, 4, 5, 6]).shape, [2, 3])
    }

    func testIndexErrors() throws {
        let x = try Tensor.zeros([6, 5])
        XCTAssertEqual(message { try x.index([.int(6)]) }, "index 6 is out of bounds for axis 0 with size 6")
        XCTAssertEqual(message { try x.index([.int(0), .int(0), .int(0)]) },
                       "index: too many indices for array: array is 2-dimensional, but 3 were indexed")
        XCTAssertEqual(message { try x.index([.tensor(Tensor([1.5]))]) },
                       "index: arrays used as indices must be of integer or boolean type, got float64")
    }

    func testReshapeAndAxisErrors() throws {
        let x = try Tensor.zeros([6, 5])
        XCTAssertEqual(message { try x.reshaped([-1, 7]) }, "reshape: cannot reshape array of size 30 into shape (-1, 7)")
        XCTAssertEqual(message { try x.sum(axis: 2) }, "sum: axis 2 is out of bounds for array of dimension 2")
        XCTAssertEqual(message { try Tensor.oneHot(Tensor(shape: [2], int64s: [3, 10]), classes: 10) },
                       "onehot: label 10 is outside 0..<10")
    }

    func testCopyOnWriteKeepsValues() throws {
        let a = Tensor([1, 2, 3])
        var b = a
        try b.assign([.int(0)], Tensor(scalar: 9))
        XCTAssertEqual(a.doubles, [1, 2, 3])
        XCTAssertEqual(b.doubles, [9, 2, 3])
    }
}
