/// Making tensors from Swift values and reading their elements back.
extension Tensor {
    /// A float64 tensor (numpy's default dtype) of `shape` holding `values`: the way the
    /// exercises make their results. Throws when the shape is invalid or does not hold
    /// exactly `values.count` elements, so that a learner's slip is an error they can read,
    /// not a crash. (Code that made the values for the shape itself uses `init(shape:storage:)`.)
    public init(shape: [Int], doubles values: [Double]) throws {
        let count = try Tensor.elementCount(shape, operation: "Tensor(shape:doubles:)")
        guard count == values.count else {
            func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
            throw TensorError.shapeMismatch(operation: "Tensor(shape:doubles:)", detail: "shape \(formatShape(shape)) holds "
                                            + "\(counted(count, "element")), but \(counted(values.count, "value")) given")
        }
        self.init(shape: shape, storage: .float64(values))
    }

    /// A float32 tensor of `shape` holding `values`.
    public init(shape: [Int], floats values: [Float]) {
        self.init(shape: shape, storage: .float32(values))
    }

    /// An int64 tensor of `shape` holding `values`.
    public init(shape: [Int], int64s values: [Int64]) {
        self.init(shape: shape, storage: .int64(values))
    }

    /// A float16 tensor of `shape` holding `values`.
    public init(shape: [Int], halves values: [Float16]) {
        self.init(shape: shape, storage: .float16(values))
    }

    /// A uint8 tensor of `shape` holding `values`.
    public init(shape: [Int], bytes values: [UInt8]) {
        self.init(shape: shape, storage: .uint8(values))
    }

    /// A bool tensor of `shape` holding `values`.
    public init(shape: [Int], bools values: [Bool]) {
        self.init(shape: shape, storage: .bool(values))
    }

    /// A 1-D float64 tensor, like `np.array([0.5, 1.0])`.
    public init(_ values: [Double]) {
        self.init(shape: [values.count], storage: .float64(values))
    }

    /// A 0-d float64 tensor holding one number (numpy's scalar result of `x.sum()`).
    public init(scalar value: Double) {
        self.init(shape: [], storage: .float64([value]))
    }

    /// Every element converted to Double, in row-major order.
    public var doubles: [Double] {
        switch storage {
        case .float64(let a): return a
        case .float32(let a): return a.map(Double.init)
        case .float16(let a): return a.map(Double.init)
        case .int64(let a): return a.map(Double.init)
        case .uint8(let a): return a.map(Double.init)
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        }
    }

    /// Every element converted to Float, in row-major order.
    public var floats: [Float] {
        switch storage {
        case .float64(let a): return a.map(Float.init)
        case .float32(let a): return a
        case .float16(let a): return a.map(Float.init)
        case .int64(let a): return a.map(Float.init)
        case .uint8(let a): return a.map(Float.init)
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        }
    }

    /// Every element converted to Int64 (floats truncate toward zero, as numpy's astype does).
    public var int64s: [Int64] {
        switch storage {
        case .float64(let a): return a.map { Int64(exactly: $0.rounded(.towardZero)) ?? Int64.min }
        case .float32(let a): return a.map { Int64(exactly: $0.rounded(.towardZero)) ?? Int64.min }
        case .float16(let a): return a.map { Int64(exactly: $0.rounded(.towardZero)) ?? Int64.min }
        case .int64(let a): return a
        case .uint8(let a): return a.map(Int64.init)
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        }
    }

    /// Every element as a truth value (non-zero is true).
    public var bools: [Bool] {
        switch storage {
        case .float64(let a): return a.map { $0 != 0 }
        case .float32(let a): return a.map { $0 != 0 }
        case .float16(let a): return a.map { $0 != 0 }
        case .int64(let a): return a.map { $0 != 0 }
        case .uint8(let a): return a.map { $0 != 0 }
        case .bool(let a): return a
        }
    }

    /// Every element converted to Float16, rounded to the nearest, as numpy's astype(float16).
    public var halves: [Float16] {
        switch storage {
        case .float16(let a): return a
        case .float64(let a): return a.map(Float16.init)
        default: return floats.map(Float16.init)
        }
    }

    /// Every element converted to UInt8 as numpy's astype(uint8) does: whole numbers
    /// keep their lowest 8 bits (300 is 44, -1 is 255), floats are truncated first.
    public var bytes: [UInt8] {
        if case .uint8(let a) = storage { return a }
        return int64s.map { UInt8(truncatingIfNeeded: $0) }
    }

    /// The same values in another dtype (numpy's `astype`).
    public func astype(_ dtype: DType) -> Tensor {
        if dtype == self.dtype { return self }
        switch dtype {
        case .float64: return Tensor(shape: shape, storage: .float64(doubles))
        case .float32: return Tensor(shape: shape, floats: floats)
        case .float16: return Tensor(shape: shape, halves: halves)
        case .int64: return Tensor(shape: shape, int64s: int64s)
        case .uint8: return Tensor(shape: shape, bytes: bytes)
        case .bool: return Tensor(shape: shape, bools: bools)
        }
    }

    /// The one element of a tensor of size 1, as a Double.
    public var scalarValue: Double? {
        count == 1 ? doubles[0] : nil
    }
}
