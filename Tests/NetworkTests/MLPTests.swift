import Datasets
import Foundation
import XCTest
import Network
import Tensor

final class MLPTests: XCTestCase {
    func makeReferenceMLP() throws -> MLP {
        var rng = NumpyRandom(seed: 0)
        return try MLP(sizes: [4, 5, 3], activation: .relu, loss: .softmaxCrossEntropy, initialization: .he, rng: &rng)
    }

    func testGradientsAndSGDStepsMatchNumpy() throws {
        let net = try makeReferenceMLP()
        let x = Reference["mlp.X"], y = Reference["mlp.Y"].astype(.int64)
        let optimizer = SGD(learningRate: 0.5)
        var losses: [Double] = []
        for step in 0..<5 {
            losses.append(try net.forward(x, y))
            let dx = try net.backward()
            if step == 0 {
                let named = Dictionary(uniqueKeysWithValues: net.namedParameters.map { ($0.name, $0.parameter) })
                for name in ["W1", "b1", "W2", "b2"] { assertClose(named[name]!.gradient, Reference["mlp.d\(name)"], name) }
                assertClose(dx, Reference["mlp.dx"], "dx")
            }
            try optimizer.step(net.parameters)
        }
        assertClose(Tensor(losses), Reference["mlp.losses"], "losses")
        assertClose(net.linearLayers[0].W, Reference["mlp.W1.final"], "W1 after 5 steps")
        XCTAssertLessThan(losses[4], losses[0])
    }

    func testSummaryWalksTheShapes() throws {
        var rng = NumpyRandom(seed: 0)
        let net = try MLP(sizes: [784, 256, 10], rng: &rng)
        XCTAssertEqual(net.summary(batchSize: 128), """
            MLP 784-256-10, relu, loss softmax cross-entropy, float64
              input            (128, 784)
              Linear(784→256)  (128, 256)   W (784, 256), b (256,)
              ReLU             (128, 256)
              Linear(256→10)   (128, 10)   W (256, 10), b (10,)
              203530 parameters
            """)
    }

    func testWrongInputWidthNamesTheShapes() throws {
        let net = try makeReferenceMLP()
        XCTAssertThrowsError(try net.predict(Tensor.zeros([2, 7]))) { error in
            XCTAssertEqual("\(error)", "forward: the network takes inputs (N, 4), got (2, 7)")
        }
    }
}

final class GradientCheckTests: XCTestCase {
    func testEveryLayerPassesTheGradientCheck() throws {
        var rng = NumpyRandom(seed: 1)
        let x = Tensor.randn([3, 4], using: &rng)
        let layers: [Layer] = [try Linear(4, 5, initialization: .randn, rng: &rng), ReLU(), Sigmoid(), Tanh(), Softmax(), LogSoftmax()]
        for layer in layers {
            for entry in try GradientCheck.check(layer, x, rng: &rng) {
                XCTAssertLessThan(entry.maxRelativeError, 1e-6, "\(layer.name) \(entry.name)")
            }
        }
    }

    /// The MSE gradient is the gradient of the loss the network reports: numpy's
    /// numerical gradient of mean((y - t)²) over all N·C elements equals backward.
    func testMSEGradientIsTheNumericalGradientOfTheReportedLoss() throws {
        let labels = Reference["loss.labels"].astype(.int64)
        let loss = MSELoss()
        XCTAssertEqual(try loss.forward(Reference["sigmoid.out"], labels), Reference["mse.loss"].doubles[0], accuracy: 1e-12)
        assertRelativelyClose(try loss.backward(), Reference["mse.numeric_grad"], within: 1e-6, "dMSE/dy")
    }

    /// The same for a whole network: sigmoid layers, sigmoid outputs and the MSE, each
    /// parameter's gradient against numpy's numerical gradient of the printed loss; and
    /// the gradient check, which differentiates that printed loss, finds the same.
    func testMSENetworkGradientsAreTheNumericalGradientsOfTheReportedLoss() throws {
        let net = MLP(activation: .sigmoid, loss: .mse, linearLayers: [Linear(W: Reference["msenet.W1"], b: Reference["msenet.b1"]),
                                                                       Linear(W: Reference["msenet.W2"], b: Reference["msenet.b2"])])
        XCTAssertEqual(net.layers.map(\.name), ["Linear(4→5)", "Sigmoid", "Linear(5→3)", "Sigmoid"])
        let x = Reference["msenet.X"], y = Reference["msenet.Y"].astype(.int64)
        XCTAssertEqual(try net.forward(x, y), Reference["msenet.loss"].doubles[0], accuracy: 1e-12)
        try net.backward()
        for (name, parameter) in net.namedParameters {
            assertRelativelyClose(parameter.gradient, Reference["msenet.numeric_d\(name)"], within: 1e-6, "d\(name)")
        }
        for entry in try GradientCheck.check(net, x, y) {
            XCTAssertLessThan(entry.maxRelativeError, 1e-6, entry.name)
        }
    }

    func testEveryLossPassesTheGradientCheck() throws {
        var rng = NumpyRandom(seed: 2)
        let labels = Tensor(shape: [4], int64s: [0, 2, 1, 2])
        let scores = Tensor.randn([4, 3], using: &rng)
        let probabilities = try scores.unary(.sigmoid)
        let logProbabilities = try logSoftmax(scores)
        let cases: [(Loss, Tensor)] = [(SoftmaxCrossEntropyLoss(), scores), (MSELoss(), probabilities),
                                       (SigmoidCrossEntropyLoss(), probabilities), (NLLLoss(), logProbabilities)]
        for (loss, outputs) in cases {
            let entry = try GradientCheck.check(loss, outputs, labels)
            XCTAssertLessThan(entry.maxRelativeError, 1e-4, loss.name)
        }
    }

    func testWholeNetworksPassForEveryActivationAndLoss() throws {
        var rng = NumpyRandom(seed: 3)
        let x = Tensor.randn([5, 6], using: &rng)
        let y = Tensor(shape: [5], int64s: [0, 1, 2, 3, 1])
        for activation in Activation.allCases {
            for loss in LossKind.allCases {
                let net = try MLP(sizes: [6, 7, 5, 4], activation: activation, loss: loss, initialization: .xavier, rng: &rng)
                for entry in try GradientCheck.check(net, x, y) {
                    XCTAssertTrue(entry.passed, "\(activation) \(loss) \(entry.name): \(entry.maxRelativeError)")
                }
            }
        }
    }

    /// After training, many ReLU units sit near their kink; nudges that cross
    /// it are left out, and the true gradients still pass.
    func testATrainedReLUNetworkPassesTheGradientCheck() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let images = try LabeledImages.load(.sample, split: .train, locator: DataLocator(currentDirectory: root))
        let (x, y) = (images.scaledFloat64(), images.labelTensor())
        var rng = NumpyRandom(seed: 5)
        let net = try MLP(sizes: [784, 32, 10], rng: &rng, dtype: .float64)
        let trainer = Trainer(model: net, optimizer: SGD(learningRate: 0.1),
                              config: TrainingConfig(epochs: 3, batchSize: 32, evaluateTraining: false), rng: rng)
        _ = try trainer.fit(x, y)
        let batch = TensorIndex.slice(start: 0, stop: 16, step: nil)
        for entry in try GradientCheck.check(net, try x.index([batch]), try y.index([batch])) {
            XCTAssertTrue(entry.passed, "\(entry.name): \(entry.maxRelativeError)")
            XCTAssertGreaterThan(entry.checkedElements, 0)
        }
    }

    /// A hidden unit 2e-6 above ReLU's kink: nudging its bias (or its weight)
    /// by ε = 1e-5 crosses the kink, where the difference quotient measures
    /// the corner instead of the slope. Those elements must be left out.
    func testNudgesAcrossTheReLUKinkAreLeftOut() throws {
        func network() -> MLP {
            MLP(activation: .relu, loss: .softmaxCrossEntropy, linearLayers: [
                Linear(W: Tensor(shape: [1, 1], storage: .float64([1])), b: Tensor(shape: [1], storage: .float64([-0.5 + 2e-6]))),
                Linear(W: Tensor(shape: [1, 2], storage: .float64([1, -1])), b: Tensor(shape: [2], storage: .float64([0, 0]))),
            ])
        }
        let (x, y) = (Tensor(shape: [1, 1], storage: .float64([0.5])), Tensor(shape: [1], int64s: [1]))
        let entries = Dictionary(uniqueKeysWithValues: try GradientCheck.check(network(), x, y).map { ($0.name, $0) })
        XCTAssertEqual(entries["b1"]?.checkedElements, 0, "the bias nudge crosses the kink")
        XCTAssertEqual(entries["W1"]?.checkedElements, 0, "so does the weight's (x = 0.5)")
        XCTAssertEqual(entries["W2"]?.checkedElements, 2)
        XCTAssertTrue(entries.values.allSatisfy(\.passed), "\(entries.values.map { ($0.name, $0.maxRelativeError) })")

        // Had b1 been compared, the check would have failed a correct backward pass.
        let net = network()
        _ = try net.forward(x, y)
        try net.backward()
        let analytic = net.linearLayers[0].db.doubles[0]
        func loss(bias: Double) throws -> Double {
            let nudged = network()
            nudged.linearLayers[0].bias.value = Tensor(shape: [1], storage: .float64([bias]))
            return try nudged.forward(x, y)
        }
        let eps = GradientCheck.epsilon
        let numeric = (try loss(bias: -0.5 + 2e-6 + eps) - loss(bias: -0.5 + 2e-6 - eps)) / (2 * eps)
        XCTAssertGreaterThan(abs(analytic - numeric) / (abs(analytic) + abs(numeric)), GradientCheck.threshold)
    }

    /// A layer whose backward forgets the transpose-free rule (dW = x · dOut
    /// summed wrongly) must fail clearly.
    final class BrokenLinear: Layer {
        let inner: Linear
        init(_ inner: Linear) { self.inner = inner }
        var name: String { "BrokenLinear" }
        var parameters: [Parameter] { inner.parameters }
        var out: Tensor? { inner.out }
        func forward(_ x: Tensor) throws -> Tensor { try inner.forward(x) }
        func backward(_ dOut: Tensor) throws -> Tensor {
            let dx = try inner.backward(dOut)
            inner.bias.gradient = try Tensor.binary(.multiply, inner.db, Tensor(scalar: 2), weakB: true)  // wrong: 2·db
            return dx
        }
        func converted(to dtype: DType) -> Layer { self }
    }

    func testABrokenGradientFailsClearly() throws {
        var rng = NumpyRandom(seed: 4)
        let layer = BrokenLinear(try Linear(3, 2, initialization: .randn, rng: &rng))
        let entries = try GradientCheck.check(layer, Tensor.randn([4, 3], using: &rng), rng: &rng)
        let db = entries.first { $0.name == "db" }!
        XCTAssertGreaterThan(db.maxRelativeError, 0.3)
        XCTAssertFalse(db.passed)
        XCTAssertTrue(entries.first { $0.name == "dW" }!.passed)
    }
}

/// Fails unless every element of `actual` is within `within` of `expected`, relative to
/// the larger of the two in size (the measure the gradient check prints).
func assertRelativelyClose(_ actual: Tensor, _ expected: Tensor, within tolerance: Double, _ message: String,
                           file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.shape, expected.shape, "shape: \(message)", file: file, line: line)
    for (i, (a, e)) in zip(actual.doubles, expected.doubles).enumerated()
    where abs(a - e) > tolerance * max(abs(a), abs(e), 1e-12) {
        XCTFail("\(message): element \(i) is \(a), numpy's numerical gradient \(e)", file: file, line: line)
        return
    }
}
