/// Random tensors, drawn from a `NumpyRandom` in numpy's row-major order, so that
/// `Tensor.randn([2, 3], using: &rng)` holds the numbers `np.random.randn(2, 3)` holds.
///
/// Every extent of `shape` must be 0 or more, as for every tensor; `[]` makes a
/// 0-d tensor of one value.
extension Tensor {
    /// Standard normal float64 values of `shape`, like `np.random.randn(*shape)`.
    public static func randn(_ shape: [Int], using rng: inout NumpyRandom) -> Tensor {
        Tensor(shape: shape, storage: .float64(rng.randn(shape.reduce(1, *))))
    }

    /// Uniform float64 values in [0, 1) of `shape`, like `np.random.rand(*shape)`.
    public static func rand(_ shape: [Int], using rng: inout NumpyRandom) -> Tensor {
        Tensor(shape: shape, storage: .float64(rng.rand(shape.reduce(1, *))))
    }

    /// Uniform int64 values in [low, high) of `shape`, like `np.random.randint(low, high, shape)`.
    /// - Throws: `RandomError.emptyRange` when `high <= low` and the shape is not empty.
    public static func randint(low: Int64, high: Int64, shape: [Int],
                               using rng: inout NumpyRandom) throws -> Tensor {
        Tensor(shape: shape, int64s: try rng.randint(low: low, high: high, count: shape.reduce(1, *)))
    }

    /// 0, 1, …, n-1 in random order as a 1-D int64 tensor, like `np.random.permutation(n)`.
    public static func permutation(_ n: Int, using rng: inout NumpyRandom) -> Tensor {
        let values = rng.permutation(n)
        return Tensor(shape: [values.count], int64s: values)
    }
}
