import Tensor

/// The hidden layers' activation function.
public enum Activation: String, CaseIterable, Sendable {
    case relu, sigmoid, tanh

    func makeLayer() -> Layer {
        switch self {
        case .relu: return ReLU()
        case .sigmoid: return Sigmoid()
        case .tanh: return Tanh()
        }
    }
}

/// Which loss the network trains with; it decides the output layer too.
public enum LossKind: String, CaseIterable, Sendable {
    /// Softmax cross-entropy on raw scores (the output layer is Linear).
    case softmaxCrossEntropy = "softmax-ce"
    /// The seeds' MSE on sigmoid outputs.
    case mse
    /// The seeds' element-wise cross-entropy on sigmoid outputs.
    case sigmoidCrossEntropy = "sigmoid-ce"
    /// LogSoftmax output and negative log-likelihood (PyTorch's CrossEntropyLoss).
    case nll

    public func makeLoss() -> Loss {
        switch self {
        case .softmaxCrossEntropy: return SoftmaxCrossEntropyLoss()
        case .mse: return MSELoss()
        case .sigmoidCrossEntropy: return SigmoidCrossEntropyLoss()
        case .nll: return NLLLoss()
        }
    }

    /// The layer after the last Linear layer, if any.
    func outputLayer() -> Layer? {
        switch self {
        case .softmaxCrossEntropy: return nil
        case .mse, .sigmoidCrossEntropy: return Sigmoid()
        case .nll: return LogSoftmax()
        }
    }
}

/// A multi-layer perceptron: Linear → activation → … → Linear (→ output layer),
/// with a loss. `MLP(sizes: [784, 256, 10])` has one hidden layer of 256 units.
public final class MLP {
    public let sizes: [Int]
    public let activation: Activation
    public let lossKind: LossKind
    public let layers: [Layer]
    public let loss: Loss

    /// The network of these Linear layers, each but the last followed by `activation`, and
    /// after the last the output layer `loss` needs: the one place that stacks the layers,
    /// for a fresh network, a model file and a conversion alike.
    public init(activation: Activation, loss lossKind: LossKind, linearLayers: [Linear]) {
        precondition(!linearLayers.isEmpty, "an MLP has at least one Linear layer")
        self.sizes = [linearLayers[0].W.shape[0]] + linearLayers.map { $0.W.shape[1] }
        self.activation = activation
        self.lossKind = lossKind
        self.layers = linearLayers.enumerated().flatMap { i, linear -> [Layer] in
            i < linearLayers.count - 1 ? [linear, activation.makeLayer()] : [linear]
        } + (lossKind.outputLayer().map { [$0] } ?? [])
        self.loss = lossKind.makeLoss()
    }

    /// A freshly initialised network. Weights are drawn layer by layer, W then b,
    /// from `rng` — the order numpy code following the seeds uses.
    public convenience init(sizes: [Int], activation: Activation = .relu, loss: LossKind = .softmaxCrossEntropy,
                            initialization: Initialization = .he, rng: inout NumpyRandom,
                            dtype: DType = .float64) throws {
        guard sizes.count >= 2, sizes.allSatisfy({ $0 > 0 }) else {
            throw NetworkError.invalidConfiguration(
                "an MLP needs at least an input and an output size, all positive, like [784, 256, 10]; got \(sizes)")
        }
        guard dtype.isFloatingPoint else {
            throw NetworkError.invalidConfiguration("an MLP computes in float32 or float64, not \(dtype.rawValue)")
        }
        // Every layer's size is checked before the first weight is drawn.
        for (inputs, outputs) in zip(sizes, sizes.dropFirst()) { try Linear.checkSizes(inputs, outputs) }
        let linearLayers = try zip(sizes, sizes.dropFirst()).map { inputs, outputs in
            try Linear(inputs, outputs, initialization: initialization, rng: &rng, dtype: dtype)
        }
        self.init(activation: activation, loss: loss, linearLayers: linearLayers)
    }

    public var linearLayers: [Linear] { layers.compactMap { $0 as? Linear } }
    public var dtype: DType { linearLayers.first?.W.dtype ?? .float64 }

    /// The parameters named as the seeds name them: W1, b1, W2, b2, …
    public var namedParameters: [(name: String, parameter: Parameter)] {
        linearLayers.enumerated().flatMap { i, layer in
            [("W\(i + 1)", layer.weight), ("b\(i + 1)", layer.bias)]
        }
    }

    public var parameters: [Parameter] { namedParameters.map(\.parameter) }
    public var parameterCount: Int { parameters.map(\.value.count).reduce(0, +) }

    /// The network's outputs for a batch x: (N, D) → (N, C).
    public func predict(_ x: Tensor) throws -> Tensor {
        try predict(.dense(inputs(x)))
    }

    /// x checked against the first layer and converted to the network's dtype.
    func inputs(_ x: Tensor) throws -> Tensor {
        let expected = sizes[0]
        guard x.ndim == 2, x.shape[1] == expected else {
            throw TensorError.shapeMismatch(operation: "forward",
                detail: "the network takes inputs (N, \(expected)), got \(formatShape(x.shape))")
        }
        return x.dtype == dtype ? x : x.astype(dtype)
    }

    /// The outputs for evaluation, where no backward follows: the first layer keeps nothing
    /// for a backward pass when the rows come as their non-zero entries.
    func evaluationOutputs(_ batch: InputBatch) throws -> Tensor {
        switch batch {
        case .dense(let x): return try predict(x)
        case .sparse(let x): return try laterLayers(linearLayers[0].output(x))
        }
    }

    /// The outputs for a mini-batch, dense or as its non-zero entries (the first layer
    /// takes it as it is).
    public func predict(_ batch: InputBatch) throws -> Tensor {
        guard batch.columns == sizes[0] else {
            throw TensorError.shapeMismatch(operation: "forward",
                detail: "the network takes inputs (N, \(sizes[0])), got (\(batch.rows), \(batch.columns))")
        }
        return try laterLayers(linearLayers[0].forward(batch))
    }

    /// Every layer after the first, on the first one's output.
    private func laterLayers(_ first: Tensor) throws -> Tensor {
        var h = first
        for layer in layers.dropFirst() { h = try layer.forward(h) }
        return h
    }

    /// Runs a batch forward and returns the mean loss against `targets`.
    public func forward(_ x: Tensor, _ targets: Tensor) throws -> Double {
        try loss.forward(predict(x), targets)
    }

    /// The same for a mini-batch.
    public func forward(_ batch: InputBatch, _ targets: Tensor) throws -> Double {
        try loss.forward(predict(batch), targets)
    }

    /// Backpropagates from the loss through every layer, storing each
    /// parameter's gradient, and returns dLoss/dx.
    @discardableResult
    public func backward() throws -> Tensor {
        try layers.first!.backward(backpropagateToFirstLayer())
    }

    /// The same, without dLoss/dx: training never uses the gradient with respect to the
    /// data, so the first layer computes its dW and db alone.
    public func backwardToParameters() throws {
        try linearLayers[0].storeParameterGradients(backpropagateToFirstLayer())
    }

    /// dLoss/d(output of the first layer), every later layer's gradients stored on the way.
    private func backpropagateToFirstLayer() throws -> Tensor {
        var gradient = try loss.backward()
        for layer in layers.dropFirst().reversed() { gradient = try layer.backward(gradient) }
        return gradient
    }

    /// A copy of the network computing in `dtype` (float32 for speed, float64 for checks).
    public func converted(to dtype: DType) -> MLP {
        MLP(activation: activation, loss: lossKind, linearLayers: linearLayers.map { $0.astype(dtype) })
    }

    /// One line per layer with its output shape for a batch of `batchSize`: the shape walk-through.
    public func summary(batchSize: Int = 1) -> String {
        var lines = ["MLP \(sizes.map(String.init).joined(separator: "-")), \(activation.rawValue), loss \(loss.name), \(dtype.rawValue)"]
        var width = sizes[0]
        lines.append("  input            (\(batchSize), \(width))")
        for layer in layers {
            if let linear = layer as? Linear { width = linear.W.shape[1] }
            let params = layer.parameters.map { "\($0.name) \(formatShape($0.value.shape))" }.joined(separator: ", ")
            let padded = layer.name.padding(toLength: 16, withPad: " ", startingAt: 0)
            lines.append("  \(padded) (\(batchSize), \(width))" + (params.isEmpty ? "" : "   " + params))
        }
        lines.append("  \(parameterCount) parameters")
        return lines.joined(separator: "\n")
    }
}
