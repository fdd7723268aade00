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
/// x: (N, D) → out: (N, H), with W: (D, H) and b: (H,).
public final class Linear: Layer {
    public let weight: Parameter
    public let bias: Parameter
    /// The input of the last forward call, kept because dW = xᵀ · dOut needs it.
    public private(set) var x: Tensor?
    public private(set) var out: Tensor?
    /// When false, backward skips dx (the first layer's input gradient is never used).
    public var computesInputGradient = true
    /// When true and a float32 input is mostly zeros (MNIST's pixels), the
    /// products x·W and xᵀ·dOut go over its non-zero entries only. Set on a
    /// network's first layer, whose inputs are the data.
    public var skipsZeroInputs = false
    /// The non-zero entries of the last input, when `skipsZeroInputs` used them.
    private var sparseX: SparseRows?

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
        self.x = x
        sparseX = skipsZeroInputs && W.dtype == .float32 && b.dtype == .float32 ? SparseRows(x) : nil
        let result = try sparseX?.times(W, bias: b) ?? Tensor.gemm(x, W, bias: b)
        out = result
        return result
    }

    /// out = x @ W + b for a batch already in sparse form: a mini-batch drawn
    /// from a data set kept as its non-zero pixels (see `Trainer.fit`).
    /// `x` is then nil; the input is kept only in sparse form.
    public func forward(_ x: SparseRows) throws -> Tensor {
        guard W.dtype == .float32, b.dtype == .float32 else {
            throw TensorError.invalidArgument(operation: "\(name).forward",
                detail: "a sparse batch needs float32 weights, these are \(W.dtype.rawValue)")
        }
        self.x = nil
        sparseX = x
        let result = try x.times(W, bias: b)
        out = result
        return result
    }

    /// dW = xᵀ · dOut, db = Σ_rows dOut, dx = dOut · Wᵀ.
    public func backward(_ dOut: Tensor) throws -> Tensor {
        if let sparseX, dOut.dtype == .float32 {
            weight.gradient = try sparseX.transposed().times(dOut)
        } else if let x {
            weight.gradient = try Tensor.gemm(x, transposeA: true, dOut)
        } else if sparseX != nil {
            throw TensorError.invalidArgument(operation: "\(name).backward",
                detail: "the layer ran on a float32 sparse batch, so dOut must be float32 too, got \(dOut.dtype.rawValue)")
        } else {
            throw NetworkError.backwardBeforeForward(layer: name)
        }
        bias.gradient = try dOut.sum(axis: 0)
        return computesInputGradient ? try Tensor.gemm(dOut, W, transposeB: true) : dOut
    }

    public func converted(to dtype: DType) -> Layer {
        let copy = Linear(W: W.astype(dtype), b: b.astype(dtype))
        copy.computesInputGradient = computesInputGradient
        copy.skipsZeroInputs = skipsZeroInputs
        return copy
    }
}
