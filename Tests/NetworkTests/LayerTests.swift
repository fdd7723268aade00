import Foundation
import XCTest
import Network
import NumericAssertions
import Tensor

/// Reference values written by scripts/make_network_fixtures.py (numpy).
enum Reference {
    static let values: [String: Tensor] = {
        let url = Bundle.module.url(forResource: "network", withExtension: "json", subdirectory: "Fixtures")!
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: [String: Any]]
        return json.mapValues { entry in
            Tensor(shape: entry["shape"] as! [Int], storage: .float64((entry["values"] as! [String]).map { Double($0)! }))
        }
    }()

    static subscript(_ name: String) -> Tensor { values[name]! }
}

func assertClose(_ actual: Tensor, _ expected: Tensor, tolerance: Double = 1e-12, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.shape, expected.shape, "shape: \(message)", file: file, line: line)
    for (i, (a, e)) in zip(actual.doubles, expected.doubles).enumerated() where abs(a - e) > tolerance * max(1, abs(e)) {
        XCTFail("\(message): element \(i) is \(a), numpy \(e)", file: file, line: line)
        return
    }
}

final class LayerTests: XCTestCase {
    func testLinearForwardAndBackwardMatchNumpy() throws {
        let layer = Linear(W: Reference["linear.W"], b: Reference["linear.b"])
        assertClose(try layer.forward(Reference["linear.x"]), Reference["linear.out"], "out")
        assertClose(try layer.backward(Reference["linear.dout"]), Reference["linear.dx"], "dx")
        assertClose(layer.dW, Reference["linear.dW"], "dW")
        assertClose(layer.db, Reference["linear.db"], "db")
    }

    /// A batch given as its non-zero pixels gives the dense batch's output and
    /// gradients, to float32 rounding.
    func testASparseBatchGivesTheDenseBatchsOutputAndGradients() throws {
        var rng = NumpyRandom(seed: 11)
        let pixels = Tensor.rand([64, 784], using: &rng).doubles.map { $0 < 0.8 ? 0 : $0 }
        let x = Tensor(shape: [64, 784], storage: .float64(pixels)).astype(.float32)
        let dOut = Tensor.randn([64, 32], using: &rng).astype(.float32)
        let dense = try Linear(784, 32, initialization: .he, rng: &rng, dtype: .float32)
        let sparse = dense.astype(.float32)
        let reference = (out: try dense.forward(x), dx: try dense.backward(dOut))
        let out = try sparse.forward(try XCTUnwrap(SparseRows(x)))
        try sparse.storeParameterGradients(dOut)
        // Both are float32 sums in different orders: out sums 784 products and the bias,
        // dW = xᵀ·dOut and db = Σ dOut sum over the 64 rows of the batch.
        let (x64, w64, dOut64) = (x.doubles, dense.W.doubles, dOut.doubles)
        let outSums = absoluteProducts(x64, w64, m: 64, k: 784, n: 32).enumerated().map { $1 + abs(dense.b.doubles[$0 % 32]) }
        let dWSums = absoluteProducts(x.T.doubles, dOut64, m: 784, k: 64, n: 32)
        let dbSums = (0..<32).map { j in (0..<64).reduce(0) { $0 + abs(dOut64[$1 * 32 + j]) } }
        let bound = SumBound.float32
        assertWithinBounds(out.doubles, reference.out.doubles, bounds: bound.betweenTwo(terms: 785, absoluteSums: outSums), "out")
        assertWithinBounds(sparse.dW.doubles, dense.dW.doubles, bounds: bound.betweenTwo(terms: 64, absoluteSums: dWSums), "dW")
        assertWithinBounds(sparse.db.doubles, dense.db.doubles, bounds: bound.betweenTwo(terms: 64, absoluteSums: dbSums), "db")
        XCTAssertEqual(reference.dx.shape, [64, 784])
        XCTAssertNil(sparse.x, "the layer kept its input in the form it came in")
        XCTAssertEqual(try sparse.backward(dOut).shape, [64, 784], "dx of a sparse batch, when asked for")

        // Only float32 data that is mostly zeros is kept sparse: MNIST-like pixels, not
        // Gaussian noise, and not float64.
        XCTAssertTrue(BatchSource(x, skippingZeros: true).skipsZeros)
        XCTAssertFalse(BatchSource(x, skippingZeros: false).skipsZeros)
        XCTAssertFalse(BatchSource(x.astype(.float64), skippingZeros: true).skipsZeros)
        XCTAssertFalse(BatchSource(Tensor.randn([64, 784], using: &rng).astype(.float32), skippingZeros: true).skipsZeros)
        guard case .sparse(let rows) = try BatchSource(x, skippingZeros: true).batch(at: [5, 2]) else {
            return XCTFail("a batch of sparse data comes sparse")
        }
        let expected = try sparse.forward(try x.index([.tensor(Tensor(shape: [2], int64s: [5, 2]))])).doubles
        let largestDifference = zip(try sparse.forward(rows).doubles, expected).map { abs($0 - $1) }.max()!
        XCTAssertLessThan(largestDifference, 1e-5, "the batch holds rows 5 and 2, in that order (float32 sums in two orders)")
    }

    func testASparseBatchNeedsFloat32WeightsAndGradients() throws {
        let batch = try XCTUnwrap(SparseRows(Tensor(shape: [2, 3], floats: [1, 0, 0, 0, 0, 2]), maxDensity: 0.5))
        let weights = Tensor(shape: [3, 2], storage: .float64([1, 2, 3, 4, 5, 6]))
        let wide = Linear(W: weights, b: Tensor(shape: [2], storage: .float64([0, 0])))
        XCTAssertThrowsError(try wide.forward(batch)) { XCTAssertTrue("\($0)".contains("float32 weights"), "\($0)") }
        let layer = Linear(W: weights.astype(.float32), b: Tensor(shape: [2], floats: [0.5, 0]))
        // [[1, 0, 0], [0, 0, 2]] @ [[1, 2], [3, 4], [5, 6]] + [0.5, 0] by hand.
        XCTAssertEqual(try layer.forward(batch).floats, [1.5, 2, 10.5, 12])
        XCTAssertThrowsError(try layer.backward(Tensor(shape: [2, 2], storage: .float64([1, 1, 1, 1])))) {
            XCTAssertTrue("\($0)".contains("dOut must be float32"), "\($0)")
        }
        _ = try layer.backward(Tensor(shape: [2, 2], floats: [1, 0, 0, 1]))
        XCTAssertEqual(layer.dW.floats, [1, 0, 0, 0, 0, 2], "xᵀ · dOut by hand")
        let network = try { var rng = NumpyRandom(seed: 1); return try MLP(sizes: [4, 3, 2], rng: &rng, dtype: .float32) }()
        XCTAssertThrowsError(try network.predict(.sparse(batch))) { XCTAssertTrue("\($0)".contains("(N, 4), got (2, 3)"), "\($0)") }
    }

    func testActivationsMatchNumpy() throws {
        let cases: [(String, Layer)] = [("relu", ReLU()), ("sigmoid", Sigmoid()), ("tanh", Tanh()),
                                        ("softmax", Softmax()), ("logsoftmax", LogSoftmax())]
        for (name, layer) in cases {
            assertClose(try layer.forward(Reference["act.x"]), Reference["\(name).out"], "\(name) forward")
            assertClose(try layer.backward(Reference["act.dout"]), Reference["\(name).dx"], "\(name) backward")
        }
    }

    func testSigmoidAndSoftmaxAreStableAtBothTails() throws {
        let x = Tensor([0, 1000, -1000])
        XCTAssertEqual(try Sigmoid().forward(x).doubles, [0.5, 1, 0])
        // Not only the result: no exp anywhere overflows, as the naive form's does.
        let extremes = Tensor([0, 1000, -1000, 710, -710, 1e308, -1e308, .infinity, -.infinity])
        XCTAssertEqual(try floatingPointExceptions { _ = try Sigmoid().forward(extremes) }, [])
        let extremes32 = Tensor([0, 1000, -1000, 90, -90, 3e38, -3e38, .infinity, -.infinity]).astype(.float32)
        XCTAssertEqual(try floatingPointExceptions { _ = try Sigmoid().forward(extremes32) }, [])
        XCTAssertEqual(try floatingPointExceptions { _ = try extremes.unary(.negative).unary(.exp) }, ["overflow"],
                       "exp(-x) of the naive form overflows, and the check sees it")
        let p = try softmax(Tensor(shape: [1, 3], storage: .float64([1000, 1000, -1000]))).doubles
        XCTAssertEqual(p, [0.5, 0.5, 0])
    }

    func testLossesMatchNumpy() throws {
        let labels = Reference["loss.labels"].astype(.int64)
        let scores = Reference["loss.scores"], probabilities = Reference["sigmoid.out"]
        let cases: [(String, Loss, Tensor)] = [("softmaxce", SoftmaxCrossEntropyLoss(), scores),
                                               ("mse", MSELoss(), probabilities),
                                               ("sigmoidce", SigmoidCrossEntropyLoss(), probabilities),
                                               ("nll", NLLLoss(), Reference["logsoftmax.out"])]
        for (name, loss, input) in cases {
            XCTAssertEqual(try loss.forward(input, labels), Reference["\(name).loss"].doubles[0], accuracy: 1e-12, name)
            assertClose(try loss.backward(), Reference["\(name).grad"], "\(name) gradient")
            // One-hot targets give the same loss as integer labels.
            let oneHot = try Tensor.oneHot(labels, classes: 3)
            XCTAssertEqual(try loss.forward(input, oneHot), Reference["\(name).loss"].doubles[0], accuracy: 1e-12, name)
        }
    }

    /// Training computes softmax cross-entropy on float32 scores in one fused pass over each
    /// row; its loss and gradient are numpy's float64 ones to float32's precision.
    func testFloat32SoftmaxCrossEntropyMatchesNumpy() throws {
        let labels = Reference["loss.labels"].astype(.int64)
        let loss = SoftmaxCrossEntropyLoss()
        let value = try loss.forward(Reference["loss.scores"].astype(.float32), labels)
        XCTAssertEqual(value, Reference["softmaxce.loss"].doubles[0], accuracy: 1e-6)
        let gradient = try loss.backward()
        XCTAssertEqual(gradient.dtype, .float32)
        assertClose(gradient, Reference["softmaxce.grad"], tolerance: 1e-6, "float32 gradient")
        assertClose(try XCTUnwrap(loss.probabilities).sum(axis: 1), try Tensor.ones([labels.count]), tolerance: 1e-6,
                    "each row of probabilities sums to 1")
    }

    /// Scores that overflowed make the loss NaN (so that training stops as diverged), never a number.
    func testFloat32SoftmaxCrossEntropyOfInfiniteScoresIsNaN() throws {
        let scores = Tensor(shape: [2, 3], floats: [1, .infinity, 2, 0, 1, 2])
        XCTAssertTrue(try SoftmaxCrossEntropyLoss().forward(scores, Tensor(shape: [2], int64s: [1, 2])).isNaN)
    }

    func testBackwardBeforeForwardIsAnError() {
        XCTAssertThrowsError(try ReLU().backward(Tensor([1]))) { error in
            XCTAssertTrue("\(error)".contains("ReLU.backward called before forward"))
        }
    }
}
