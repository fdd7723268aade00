import XCTest
import Network
import Tensor

/// Three steps of each optimiser on a 2×3 weight with fixed gradients, against
/// numpy (scripts/make_optimizer_reference.py, float64).
final class OptimizerTests: XCTestCase {
    let start: [Double] = [0.5, -1.0, 2.0, 0.0, 0.25, -0.75]
    let gradients: [[Double]] = [[0.1, -0.2, 0.3, 0.0, 0.5, -0.4],
                                 [-0.3, 0.1, 0.2, 0.6, -0.5, 0.05],
                                 [0.2, 0.2, -0.1, -0.1, 0.3, 0.25]]

    /// The weight after the three steps, computed in `dtype`.
    func weightAfterThreeSteps(_ optimizer: Optimizer, dtype: DType) throws -> [Double] {
        let p = Parameter(name: "W", value: Tensor(shape: [2, 3], storage: .float64(start)).astype(dtype))
        for g in gradients {
            p.gradient = Tensor(shape: [2, 3], storage: .float64(g)).astype(dtype)
            try optimizer.step([p])
        }
        XCTAssertEqual(p.value.dtype, dtype)
        return p.value.doubles
    }

    func assertClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ message: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        for (i, (a, e)) in zip(actual, expected).enumerated() where abs(a - e) > tolerance * max(1, abs(e)) {
            XCTFail("\(message): element \(i) is \(a), numpy \(e)", file: file, line: line)
            return
        }
    }

    func testMomentumMatchesNumpy() throws {
        let numpy = [0.5099, -0.9848, 1.8907, -0.104, 0.17950000000000002, -0.6760999999999999]
        assertClose(try weightAfterThreeSteps(Momentum(learningRate: 0.1, momentum: 0.9), dtype: .float64), numpy,
                    tolerance: 1e-12, "momentum float64")
        assertClose(try weightAfterThreeSteps(Momentum(learningRate: 0.1, momentum: 0.9), dtype: .float32), numpy,
                    tolerance: 1e-6, "momentum float32")
    }

    func testAdamMatchesNumpy() throws {
        let numpy = [0.4947540221765934, -0.9900635980238933, 1.9747775607211318,
                     -0.012064511160721544, 0.23840422286570018, -0.7338838208271883]
        assertClose(try weightAfterThreeSteps(Adam(learningRate: 0.01), dtype: .float64), numpy,
                    tolerance: 1e-12, "adam float64")
        assertClose(try weightAfterThreeSteps(Adam(learningRate: 0.01), dtype: .float32), numpy,
                    tolerance: 1e-6, "adam float32")
    }

    func testAdamWithWeightDecayMatchesNumpy() throws {
        let numpy = [0.49054270068939415, -0.9804896182789199, 1.9716040052278063,
                     -0.012055760105104455, 0.23740467130575063, -0.7300383757934514]
        assertClose(try weightAfterThreeSteps(Adam(learningRate: 0.01, weightDecay: 0.1), dtype: .float64), numpy,
                    tolerance: 1e-12, "adam with weight decay")
    }
}
