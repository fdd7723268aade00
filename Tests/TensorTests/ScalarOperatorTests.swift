import XCTest
import Tensor

/// A tensor beside a plain number, as `(p - t) / n` is written in the losses. The dtypes and
/// values are numpy 2.4's (weak Python scalars, NEP 50):
///
///     a = np.array([0.1, 0.2, 0.7], np.float32)
///     1 - a       # array([0.9, 0.8, 0.3], dtype=float32)
///     a * 3.0     # array([0.3, 0.6, 2.1], dtype=float32)
///     i = np.array([1, 2])
///     i / 2.0     # array([0.5, 1. ])
///     2.0 - i     # array([1., 0.])
///     np.array([1, 200], np.uint8) + 1.0   # array([  2., 201.])
final class ScalarOperatorTests: XCTestCase {
    let a = Tensor(shape: [3], floats: [0.1, 0.2, 0.7])
    let i = Tensor(shape: [2], int64s: [1, 2])

    func testANumberKeepsAFloat32Tensor() throws {
        let oneMinus = try 1 - a
        XCTAssertEqual(oneMinus.dtype, .float32)
        XCTAssertEqual(oneMinus.floats, [0.9, 0.8, 0.3])
        let tripled = try a * 3
        XCTAssertEqual(tripled.dtype, .float32)
        XCTAssertEqual(tripled.floats, [0.3, 0.6, 2.1])
    }

    func testANumberMakesAnIntegerTensorFloat64() throws {
        let halved = try i / 2
        XCTAssertEqual(halved.dtype, .float64)
        XCTAssertEqual(halved.doubles, [0.5, 1])
        let fromTwo = try 2 - i
        XCTAssertEqual(fromTwo.dtype, .float64)
        XCTAssertEqual(fromTwo.doubles, [1, 0])
        let bytes = try Tensor(shape: [2], int64s: [1, 200]).astype(.uint8) + 1
        XCTAssertEqual(bytes.dtype, .float64)
        XCTAssertEqual(bytes.doubles, [2, 201])
    }
}
