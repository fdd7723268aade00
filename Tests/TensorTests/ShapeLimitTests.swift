import XCTest
import Tensor

/// The shape rules every tensor keeps (`Tensor.elementCount`) and the allocation limit
/// applied to what operations make. Expected counts and numpy's answers were worked
/// out by hand and with numpy 2.4 (`np.zeros((0, 2**62, 2**62))` raises "array is too big").
final class ShapeLimitTests: XCTestCase {
    private func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "no error" } catch { return String(describing: error) }
    }

    /// Runs `body` with a small allocation limit, so that refusals can be tested cheaply.
    private func withLimit(_ limit: Int, _ body: () throws -> Void) rethrows {
        try Tensor.$maxElements.withValue(limit, operation: body)
    }

    func testElementCountIsTheProductOrZero() throws {
        XCTAssertEqual(try Tensor.elementCount([3, 4, 5], operation: "t"), 60)
        XCTAssertEqual(try Tensor.elementCount([], operation: "t"), 1)
        XCTAssertEqual(try Tensor.elementCount([0, 1 << 40], operation: "t"), 0)
        XCTAssertEqual(try Tensor.elementCount([1 << 31, 0, 1 << 31], operation: "t"), 0)
        XCTAssertEqual(try Tensor.elementCount(Array(repeating: 1, count: 64), operation: "t"), 1)
    }

    func testElementCountRefusesWhatNumpyRefuses() {
        XCTAssertEqual(message { try Tensor.elementCount(Array(repeating: 1, count: 65), operation: "zeros") },
                       "zeros: maximum supported dimension for an ndarray is 64, found 65")
        XCTAssertEqual(message { try Tensor.elementCount([0, 1 << 62, 1 << 62], operation: "zeros") },
                       "zeros: array is too big: the dimensions of (0, 4611686018427387904, 4611686018427387904) "
                       + "other than 0 multiply to more than 9223372036854775807")
        XCTAssertEqual(message { try Tensor.elementCount([1 << 62, 1 << 62, 0], operation: "zeros") },
                       "zeros: array is too big: the dimensions of (4611686018427387904, 4611686018427387904, 0) "
                       + "other than 0 multiply to more than 9223372036854775807")
        XCTAssertEqual(message { try Tensor.elementCount([1 << 62, 2], operation: "zeros") },
                       "refusing to allocate (4611686018427387904, 2) = more than 9223372036854775807 elements: "
                       + "the limit is 268435456 elements (2048 MiB as float64)")
        XCTAssertEqual(message { try Tensor.elementCount([2, -1], operation: "zeros") },
                       "zeros: negative dimension -1 in shape (2, -1)")
    }

    func testMakersKeepTheDimensionLimit() throws {
        XCTAssertEqual(try Tensor.zeros(Array(repeating: 1, count: 64)).ndim, 64)
        XCTAssertEqual(message { try Tensor.zeros(Array(repeating: 1, count: 32000)) },
                       "zeros: maximum supported dimension for an ndarray is 64, found 32000")
        let full = try Tensor.zeros(Array(repeating: 1, count: 64))
        XCTAssertEqual(message { try full.index([.newAxis]) },
                       "index: maximum supported dimension for an ndarray is 64, found 65")
        XCTAssertEqual(message { try full.reshaped(Array(repeating: 1, count: 65)) },
                       "reshape: maximum supported dimension for an ndarray is 64, found 65")
    }

    func testZeroSizeTensorsWithHugeDimensionsStayEmptyThroughShapeChanges() throws {
        let wide = try Tensor.zeros([0, 1 << 40])
        XCTAssertEqual(wide.count, 0)
        XCTAssertEqual(wide.T.shape, [1 << 40, 0])
        XCTAssertEqual(try Tensor.zeros([1 << 40, 0, 5]).transposed([2, 0, 1]).shape, [5, 1 << 40, 0])
        XCTAssertEqual(try wide.T.index([.slice(start: nil, stop: nil, step: -1)]).shape, [1 << 40, 0])
        XCTAssertEqual(try wide.T.index([.slice(start: 5, stop: nil, step: 1 << 20)]).shape, [1 << 20, 0])
        XCTAssertEqual(try wide.reshaped([1 << 20, 0, 1 << 20]).shape, [1 << 20, 0, 1 << 20])
        let tall = try Tensor.zeros([1 << 40, 0])
        XCTAssertEqual(try Tensor.concatenate([tall, tall], axis: 1).shape, [1 << 40, 0])
        XCTAssertEqual(try tall.sum(axis: 0).shape, [0])
        XCTAssertEqual(try Tensor.zeros([1 << 40, 0, 3], dtype: .int64).sum(axis: 2).shape, [1 << 40, 0])
        XCTAssertEqual(try Tensor.zeros([1 << 40, 0, 3]).max(axis: 2).shape, [1 << 40, 0])
    }

    func testResultsBeyondTheLimitAreRefusedBeforeAllocating() throws {
        let wide = try Tensor.zeros([0, 1 << 40])
        let tooLarge = "refusing to allocate (1099511627776,) = 1099511627776 elements: the limit is 268435456 elements (2048 MiB as float64)"
        XCTAssertEqual(message { try wide.sum(axis: 0) }, tooLarge)
        XCTAssertEqual(message { try wide.T.sum(axis: -1) }, tooLarge)
        XCTAssertEqual(message { try wide.max(axis: 0) }, tooLarge)
        XCTAssertEqual(message { try wide.mean(axis: 0) }, tooLarge)
        let half = try Tensor.zeros([0, 1 << 62])
        XCTAssertEqual(message { try Tensor.concatenate([half, half], axis: 1) },
                       "concatenate: array is too big: the lengths along axis 1 add up to more than 9223372036854775807")
        try withLimit(10) {
            let rows = try Tensor.zeros([2, 3])
            XCTAssertEqual(message { try Tensor.concatenate([rows, rows]) },
                           "refusing to allocate (4, 3) = 12 elements: the limit is 10 elements (0 MiB as float64)")
            let index = Tensor(shape: [4, 1], int64s: [0, 1, 0, 1]), other = Tensor(shape: [1, 3], int64s: [0, 1, 2])
            XCTAssertEqual(message { try rows.index([.tensor(index), .tensor(other)]) },
                           "refusing to allocate (4, 3) = 12 elements: the limit is 10 elements (0 MiB as float64)")
        }
    }

    func testReshapeWhoseDimensionsOverflowIsAMismatch() throws {
        let x = try Tensor.arange(0, 12, dtype: .int64).reshaped([3, 4])
        XCTAssertEqual(message { try x.reshaped([1 << 62, 1 << 62]) },
                       "reshape: cannot reshape array of size 12 into shape (4611686018427387904, 4611686018427387904)")
        XCTAssertEqual(message { try x.reshaped([1 << 62, 4, -1]) },
                       "reshape: cannot reshape array of size 12 into shape (4611686018427387904, 4, -1)")
        XCTAssertEqual(try x.reshaped([2, -1, 3]).shape, [2, 2, 3])
    }

    func testChoiceWithoutReplacementRefusesAPopulationBeyondTheLimit() {
        var rng = NumpyRandom(seed: 0)
        XCTAssertEqual(message { try rng.choice(1 << 62, size: 3, replace: false) },
                       "cannot choose without replacement from 4611686018427387904 values: that shuffles all of them, "
                       + "and the population is larger than the allocation limit of 268435456 elements; use replace: true")
        // numpy: np.random.seed(0); np.random.choice(10, 3, replace=False) -> [2 8 4]
        XCTAssertEqual(try rng.choice(10, size: 3, replace: false), [2, 8, 4])
    }
}
