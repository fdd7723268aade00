import ExerciseCalls
import Foundation
import Network
import Support
import Tensor

/// A training step built from nothing but the exercise functions: with `.mine` it trains
/// a network with the code the learner wrote (`:use mine`), with `.reference` with the
/// reference solutions. `Trainer` runs it as it runs the engine's `NetworkStep`, so both
/// give the same numbers from the same seed.
///
/// One step, for an MLP Linear → activation → … → Linear:
///
///     forward:   z = linearForward(a, W, b), a = relu(z) or sigmoid(z), layer by layer
///     loss:      softmaxCrossEntropy(scores, y)        (or mse(sigmoid(scores), oneHot(y)))
///     backward:  g = softmaxCrossEntropyGradient(scores, y)
///                (dW, db, dx) = linearBackward(g, a_in, W); W = sgdStep(W, dW); b = sgdStep(b, db)
///                g = reluBackward(dx, z_below) or sigmoidBackward(dx, a_below), layer by layer
///
/// The exercises compute in float64 on integer labels: a float32 model is converted
/// first, and each batch on its way in.
public final class ExerciseStep: TrainingStep {
    public let learningRate: Double
    private let network: TrainableNetwork

    /// `fit(...)` of the REPL under `:use mine`: of its options the exercises cover plain
    /// SGD (`sgdStep`) with no gradient clipping.
    public init(_ model: MLP, _ implementations: Implementations, config: TrainingConfig, optimizer: OptimizerKind,
                learningRate: Double, reporter: TrainingReporter? = nil) throws {
        guard optimizer == .sgd else {
            throw NetworkError.invalidConfiguration("your functions train with plain SGD (sgdStep): "
                + "use optimizer \"sgd\", or :use reference")
        }
        guard config.maxGradNorm == nil else {
            throw NetworkError.invalidConfiguration("your functions train without max_grad: leave it out, or :use reference")
        }
        network = try TrainableNetwork(model, implementations)
        self.learningRate = learningRate
        if model.dtype != .float64 {
            network.convertToFloat64()
            reporter?.message("the network now computes in float64, as the exercise functions do")
        }
    }

    public var inputSize: Int { network.layers[0].W.shape[0] }
    public var parameters: [Parameter] { network.parameters }
    public var takesSparseBatches: Bool { false }

    /// The learner's `step` does forward and backward in one call, so `afterForward` comes first.
    public func train(on batch: InputBatch, targets: Tensor, afterForward: () -> Void) throws -> Double {
        guard case .dense(let x) = batch else {
            throw NetworkError.invalidConfiguration("the exercise functions take dense batches")
        }
        afterForward()
        return try network.step(x.astype(.float64), Self.integerLabels(targets), learningRate: learningRate)
    }

    public func evaluate(_ data: BatchSource, _ y: Tensor) throws -> (loss: Double, accuracy: Double) {
        try network.evaluate(data.inputs.astype(.float64), Self.integerLabels(y))
    }

    /// The batches of an epoch from the learner's `miniBatches`.
    public func shuffledBatches(count n: Int, batchSize: Int, rng: inout NumpyRandom) throws -> [[Int64]] {
        let batches: [[Int]] = try network.f.call("miniBatches", n, batchSize, &rng)
        return batches.map { $0.map(Int64.init) }
    }

    /// Labels as int64 (N,): integer labels as they are, one-hot rows by their argmax.
    static func integerLabels(_ y: Tensor) throws -> Tensor {
        y.ndim == 2 ? try y.argmax(axis: -1) : y.astype(.int64)
    }
}

/// An MLP's Linear layers and activation, run forward and backward with the exercise functions.
private final class TrainableNetwork {
    let layers: [Linear]
    let activation: Activation
    let usesMSE: Bool
    let f: Implementations

    init(_ model: MLP, _ implementations: Implementations) throws {
        guard model.activation != .tanh else {
            throw NetworkError.invalidConfiguration("the exercises have no tanh: train with activation \"relu\" or \"sigmoid\"")
        }
        guard [.softmaxCrossEntropy, .mse].contains(model.lossKind) else {
            throw NetworkError.invalidConfiguration(
                "the exercises cover the softmax cross-entropy and MSE losses, not \(model.lossKind.rawValue)")
        }
        layers = model.linearLayers
        activation = model.activation
        usesMSE = model.lossKind == .mse
        f = implementations
    }

    var parameters: [Parameter] { layers.flatMap(\.parameters) }

    func convertToFloat64() {
        for p in parameters {
            p.value = p.value.astype(.float64)
            p.gradient = p.gradient.astype(.float64)
        }
    }

    /// What the forward pass keeps for the backward pass, per Linear layer.
    struct Cache {
        let input: Tensor      // a, the layer's input
        let z: Tensor          // a @ W + b
        let out: Tensor        // activation(z), or z itself for the last layer with softmax cross-entropy
    }

    /// The network's output for x, and what each layer kept for the backward pass.
    func forward(_ x: Tensor) throws -> (out: Tensor, caches: [Cache]) {
        var a = x
        var caches: [Cache] = []
        for (i, layer) in layers.enumerated() {
            let z: Tensor = try f.call("linearForward", a, layer.W, layer.b)
            let isLast = i == layers.count - 1
            let out = isLast ? (usesMSE ? try f.call("sigmoid", z) : z) : try activate(z)
            caches.append(Cache(input: a, z: z, out: out))
            a = out
        }
        return (a, caches)
    }

    /// One mini-batch: forward, loss, backward, and an SGD step on every parameter.
    /// Returns the batch's loss (before the step).
    func step(_ x: Tensor, _ y: Tensor, learningRate: Double) throws -> Double {
        let (out, caches) = try forward(x)
        let (loss, gradient) = try lossAndGradient(out, y)
        var g = gradient
        for i in layers.indices.reversed() {
            let layer = layers[i]
            let (dW, db, dx): (Tensor, Tensor, Tensor) = try f.call("linearBackward", g, caches[i].input, layer.W)
            layer.weight.gradient = dW
            layer.bias.gradient = db
            // dx was computed with W before this step, as it must be.
            layer.weight.value = try f.call("sgdStep", layer.W, dW, learningRate)
            layer.bias.value = try f.call("sgdStep", layer.b, db, learningRate)
            if i > 0 { g = try activateBackward(dx, caches[i - 1]) }
        }
        return loss
    }

    /// The mean loss and the accuracy on a whole data set, 10,000 rows at a time.
    func evaluate(_ x: Tensor, _ y: Tensor) throws -> (loss: Double, accuracy: Double) {
        let n = x.shape[0], chunk = 10_000
        var lossSum = 0.0, correct = 0.0
        for start in stride(from: 0, to: n, by: chunk) {
            let rows = TensorIndex.slice(start: start, stop: min(start + chunk, n), step: nil)
            let (xs, ys) = (try x.index([rows]), try y.index([rows]))
            let out = try forward(xs).out
            let count = Double(xs.shape[0])
            lossSum += try loss(out, ys) * count
            correct += try f.call("accuracy", out, ys) * count
        }
        return (lossSum / Double(max(n, 1)), correct / Double(max(n, 1)))
    }

    private func oneHot(_ y: Tensor, classes: Int) throws -> Tensor {
        try f.call("oneHot", y, classes)
    }

    private func activate(_ z: Tensor) throws -> Tensor {
        try f.call(activation == .relu ? "relu" : "sigmoid", z)
    }

    private func activateBackward(_ dOut: Tensor, _ below: Cache) throws -> Tensor {
        activation == .relu ? try f.call("reluBackward", dOut, below.z) : try f.call("sigmoidBackward", dOut, below.out)
    }

    private func loss(_ out: Tensor, _ y: Tensor) throws -> Double {
        usesMSE ? try f.call("mse", out, oneHot(y, classes: out.shape[1])) : try f.call("softmaxCrossEntropy", out, y)
    }

    /// The loss and dLoss/dz of the last layer.
    private func lossAndGradient(_ out: Tensor, _ y: Tensor) throws -> (Double, Tensor) {
        guard usesMSE else {
            return (try f.call("softmaxCrossEntropy", out, y), try f.call("softmaxCrossEntropyGradient", out, y))
        }
        let t = try oneHot(y, classes: out.shape[1])
        // out = sigmoid(z): dL/dz = sigmoidBackward(dL/dout, out).
        let dOut: Tensor = try f.call("mseGradient", out, t)
        return (try f.call("mse", out, t), try f.call("sigmoidBackward", dOut, out))
    }
}
