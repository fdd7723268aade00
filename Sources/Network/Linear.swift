import Tensor

/// How a Linear layer's weights are first drawn (all from numpy's global-style generator).
public enum Initialization: String, CaseIterable, Sendable {
    /// W = 0.01 · randn, b = 0 (the seeds' `weight_init_std=0.01`).
    case small
    /// W = randn, b = randn, exactly as the seeds' FCLayer does.
    case randn
    /// Xavier/Glorot: W = randn / √fanIn, b = 0 (suits sigmoid and tanh).
    case xavier
    /// He: W = randn · √(2 / fanIn), b = 0 (suits ReLU).
    case he
}

/// The affine (fully connected) layer: out = x @ W + b.
///
/// x: (N, D) → out: (N, H), with W: (D, H) and b: (H,). The input is a dense batch, or a
/// batch kept as its non-zero entries (`SparseRows`: MNIST's pixels are mostly zeros), and
/// the products go over what the batch holds; the layer itself has no mode.
public final class Linear: Layer {
    public let weight: Parameter
    public let bias: Parameter
    /// The input of the last forward call, kept because dW = xᵀ · dOut needs it
    /// (nil when that input was a sparse batch).
    public var x: Tensor? {
        if case .dense(let x) = input { return x }
        return nil
    }
    public private(set) var out: Tensor?
    /// The last input, in the form it came in. A sparse batch is kept as its transpose, made
    /// on a worker thread while the rest of the network runs: only dW = xᵀ · dOut needs it.
    private enum Input {
        case dense(Tensor)
        case sparse(transposed: Background<SparseRows>)
    }
    private var input: Input?

    public var W: Tensor { weight.value }
    public var b: Tensor { bias.value }
    public var dW: Tensor { weight.gradient }
    public var db: Tensor { bias.gradient }
    public var parameters: [Parameter] { [weight, bias] }
    public var name: String { "Linear(\(W.shape[0])→\(W.shape[1]))" }

    public init(W: Tensor, b: Tensor) {
        weight = Parameter(name: "W", value: W)
        bias = Parameter(name: "b", value: b)
    }

    /// A layer from `inputs` to `outputs` units, initialised with `initialization`.
    public convenience init(_ inputs: Int, _ outputs: Int, initialization: Initialization = .he,
                            rng: inout NumpyRandom, dtype: DType = .float64) throws {
        try Linear.checkSizes(inputs, outputs)
        let W = Tensor.randn([inputs, outputs], using: &rng)
        let scale: Double
        switch initialization {
        case .small: scale = 0.01
        case .randn: scale = 1
        case .xavier: scale = 1 / Double(inputs).squareRoot()
        case .he: scale = (2 / Double(inputs)).squareRoot()
        }
        let b = initialization == .randn ? Tensor.randn([outputs], using: &rng) : try Tensor.zeros([outputs])
        self.init(W: try (W * scale).astype(dtype), b: b.astype(dtype))
    }

    /// Throws unless a layer from `inputs` to `outputs` units can be made: both sizes
    /// positive, and W (inputs, outputs) within `Tensor.maxElements`.
    static func checkSizes(_ inputs: Int, _ outputs: Int) throws {
        guard inputs > 0, outputs > 0 else {
            throw NetworkError.invalidConfiguration(
                "a Linear layer needs a positive number of inputs and outputs, like Linear(784, 256); got Linear(\(inputs), \(outputs))")
        }
        try Tensor.checkAllocation([inputs, outputs], operation: "Linear")
    }

    /// out = x @ W + b (one BLAS call, the bias added in the same pass).
    public func forward(_ x: Tensor) throws -> Tensor {
        guard x.ndim == 2 else {
            throw TensorError.shapeMismatch(operation: "\(name).forward",
                detail: "expects a batch (N, \(W.shape[0])), got \(formatShape(x.shape))")
        }
        return try remember(.dense(x), out: Tensor.gemm(x, W, bias: b))
    }

    /// out = x @ W + b over the non-zero entries of x only.
    public func forward(_ x: SparseRows) throws -> Tensor {
        let out = try output(x)
        // dW = xᵀ · dOut needs the transpose: it is made on a worker while the rest of the
        // network runs forward and backward.
        return remember(.sparse(transposed: Background { x.transposed() }), out: out)
    }

    /// The same product for inference: nothing is kept for a backward pass.
    public func output(_ x: SparseRows) throws -> Tensor {
        guard W.dtype == .float32, b.dtype == .float32 else {
            throw TensorError.invalidArgument(operation: "\(name).forward",
                detail: "a sparse batch needs float32 weights, these are \(W.dtype.rawValue)")
        }
        return try x.times(W, bias: b)
    }

    public func forward(_ batch: InputBatch) throws -> Tensor {
        switch batch {
        case .dense(let x): return try forward(x)
        case .sparse(let x): return try forward(x)
        }
    }

    private func remember(_ batch: Input, out result: Tensor) -> Tensor {
        input = batch
        out = result
        return result
    }

    /// dW = xᵀ · dOut, db = Σ_rows dOut; returns dx = dOut · Wᵀ.
    public func backward(_ dOut: Tensor) throws -> Tensor {
        try storeParameterGradients(dOut)
        return try Tensor.gemm(dOut, W, transposeB: true)
    }

    /// dW = xᵀ · dOut and db = Σ_rows dOut alone: what a network's first layer needs in
    /// training, where dx (the gradient with respect to the data) is never used.
    public func storeParameterGradients(_ dOut: Tensor) throws {
        switch input {
        case .dense(let x):
            weight.gradient = try Tensor.gemm(x, transposeA: true, dOut)
        case .sparse(let transposed):
            guard dOut.dtype == .float32 else {
                throw TensorError.invalidArgument(operation: "\(name).backward",
                    detail: "the layer ran on a float32 sparse batch, so dOut must be float32 too, got \(dOut.dtype.rawValue)")
            }
            weight.gradient = try transposed.value.times(dOut)
        case nil:
            throw NetworkError.backwardBeforeForward(layer: name)
        }
        bias.gradient = try dOut.sum(axis: 0)
    }

    public func converted(to dtype: DType) -> Layer { astype(dtype) }

    /// The same layer with its parameters in `dtype`.
    public func astype(_ dtype: DType) -> Linear {
        Linear(W: W.astype(dtype), b: b.astype(dtype))
    }
}
