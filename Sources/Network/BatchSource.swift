import Tensor

/// The inputs of one mini-batch: dense rows, or rows kept as their non-zero entries.
public enum InputBatch {
    case dense(Tensor)
    case sparse(SparseRows)

    public var rows: Int {
        switch self {
        case .dense(let x): return x.shape.first ?? 0
        case .sparse(let x): return x.rows
        }
    }

    public var columns: Int {
        switch self {
        case .dense(let x): return x.ndim == 2 ? x.shape[1] : x.count
        case .sparse(let x): return x.columns
        }
    }
}

/// Where a training run's mini-batches come from. The training inputs are kept as they
/// are, or, when they are float32 and mostly zeros (MNIST's pixels: 81 % zeros), as their
/// non-zero entries: each mini-batch is then gathered, and multiplied by the first layer,
/// without its zeros. Sparsity is a property of the data and its batches, never of a layer.
public struct BatchSource {
    /// The number of training rows.
    public let count: Int
    /// The training inputs, as given.
    public let inputs: Tensor
    private let nonZeroEntries: SparseRows?

    /// `skippingZeros`: keep the inputs as their non-zero entries when that pays
    /// (float32 and at most `SparseRows.worthwhileDensity` of them non-zero).
    public init(_ inputs: Tensor, skippingZeros: Bool) {
        self.inputs = inputs
        self.count = inputs.shape.first ?? 0
        self.nonZeroEntries = skippingZeros ? SparseRows(inputs) : nil
    }

    /// True when batches come as their non-zero entries.
    public var skipsZeros: Bool { nonZeroEntries != nil }

    /// The rows at `positions`, in that order.
    public func batch(at positions: [Int64]) throws -> InputBatch {
        if let nonZeroEntries { return .sparse(nonZeroEntries.rows(at: positions)) }
        return .dense(try inputs.rows(at: positions))
    }

    /// The sparse batch at `positions`, gathered on a worker thread while the current batch
    /// trains (its first product shares the cores with it); nil for dense batches, whose
    /// products OpenBLAS spreads over every core, and when there is no next batch.
    public func prefetch(_ positions: [Int64]?) -> Background<InputBatch>? {
        guard let nonZeroEntries, let positions else { return nil }
        return Background { .sparse(nonZeroEntries.rows(at: positions)) }
    }
}
