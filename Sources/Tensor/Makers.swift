/// numpy's array constructors: zeros, ones, full, arange.
extension Tensor {
    /// A tensor of `shape` with every element `value`, like `np.full`.
    public static func full(_ shape: [Int], value: Double, dtype: DType = .float64) throws -> Tensor {
        try filled(shape, value: value, dtype: dtype, operation: "full")
    }

    public static func zeros(_ shape: [Int], dtype: DType = .float64) throws -> Tensor {
        try filled(shape, value: 0, dtype: dtype, operation: "zeros")
    }

    public static func ones(_ shape: [Int], dtype: DType = .float64) throws -> Tensor {
        try filled(shape, value: 1, dtype: dtype, operation: "ones")
    }

    /// Zeros of the shape and dtype of `tensor`: no larger than a tensor that exists, so never refused.
    public static func zeros(like tensor: Tensor) -> Tensor {
        filled(tensor.shape, value: 0, dtype: tensor.dtype)
    }

    /// A tensor of `shape` holding `value` everywhere; `operation` names the maker in errors.
    private static func filled(_ shape: [Int], value: Double, dtype: DType, operation: String) throws -> Tensor {
        try checkAllocation(shape, operation: operation)
        return filled(shape, value: value, dtype: dtype)
    }

    /// A tensor of a checked `shape` holding `value` everywhere.
    private static func filled(_ shape: [Int], value: Double, dtype: DType) -> Tensor {
        let count = shape.reduce(1, *)
        switch dtype {
        case .float64: return Tensor(shape: shape, storage: .float64(Array(repeating: value, count: count)))
        case .float32: return Tensor(shape: shape, floats: Array(repeating: Float(value), count: count))
        case .int64: return Tensor(shape: shape, int64s: Array(repeating: Int64(value), count: count))
        case .float16: return Tensor(shape: shape, halves: Array(repeating: Float16(value), count: count))
        case .uint8: return Tensor(shape: shape, bytes: Array(repeating: UInt8(truncatingIfNeeded: Int64(value)), count: count))
        case .bool: return Tensor(shape: shape, bools: Array(repeating: value != 0, count: count))
        }
    }

    /// Evenly spaced values in [start, stop), like `np.arange`: element i is `start + i * step`.
    public static func arange(_ start: Double, _ stop: Double, step: Double = 1, dtype: DType) throws -> Tensor {
        guard step != 0 else { throw TensorError.invalidArgument(operation: "arange", detail: "step must not be zero") }
        let exactLength = ((stop - start) / step).rounded(.up)
        guard exactLength.isFinite, exactLength < Double(maxElements) else {
            throw TensorError.invalidArgument(operation: "arange",
                detail: "from \(start) to \(stop) in steps of \(step) is not a finite range of at most \(maxElements) numbers")
        }
        let length = Swift.max(0, Int(exactLength))
        try checkAllocation([length], operation: "arange")
        let values = (0..<length).map { start + Double($0) * step }
        return Tensor(shape: [length], storage: .float64(values)).astype(dtype)
    }
}
