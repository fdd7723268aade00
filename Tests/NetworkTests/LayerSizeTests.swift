import XCTest
import Network
import Tensor

/// Layers and networks check their sizes before drawing a single weight: a size that is
/// not positive, or a weight matrix beyond the allocation limit, is an error, not a crash.
final class LayerSizeTests: XCTestCase {
    private func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "no error" } catch { return String(describing: error) }
    }

    func testLinearNeedsPositiveSizes() {
        var rng = NumpyRandom(seed: 0)
        for (inputs, outputs) in [(-1, 2), (0, 2), (2, 0), (3, -5)] {
            XCTAssertEqual(message { try Linear(inputs, outputs, rng: &rng) },
                           "a Linear layer needs a positive number of inputs and outputs, like Linear(784, 256); got Linear(\(inputs), \(outputs))")
        }
    }

    func testLinearRefusesWeightsBeyondTheLimit() {
        var rng = NumpyRandom(seed: 0)
        XCTAssertEqual(message { try Linear(1 << 62, 2, rng: &rng) },
                       "refusing to allocate (4611686018427387904, 2) = more than 9223372036854775807 elements: the limit is 268435456 elements (2048 MiB as float64)")
        XCTAssertEqual(message { try Linear(1 << 20, 1 << 20, rng: &rng) },
                       "refusing to allocate (1048576, 1048576) = 1099511627776 elements: the limit is 268435456 elements (2048 MiB as float64)")
    }

    func testMLPChecksEveryLayerBeforeDrawingAnyWeight() throws {
        var rng = NumpyRandom(seed: 0)
        XCTAssertEqual(message { try MLP(sizes: [3, 1 << 62], rng: &rng) },
                       "refusing to allocate (3, 4611686018427387904) = more than 9223372036854775807 elements: the limit is 268435456 elements (2048 MiB as float64)")
        XCTAssertEqual(message { try MLP(sizes: [4, 3, 1 << 30], rng: &rng) },
                       "refusing to allocate (3, 1073741824) = 3221225472 elements: the limit is 268435456 elements (2048 MiB as float64)")
        // Nothing was drawn: the generator gives numpy's first value after seed(0), 1.76405235.
        XCTAssertEqual(rng.randn(1)[0], 1.764052345967664, accuracy: 1e-15)
    }
}
