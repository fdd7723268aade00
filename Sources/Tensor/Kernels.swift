internal import CBLAS
internal import CKernels

/// The building blocks of the training engine's inner loop: a matrix product
/// with transpose flags (no transposed copies) and a fused bias, and in-place
/// parameter updates. All work on float32 or float64 2-D tensors.
extension Tensor {
    /// op(a) @ op(b) (+ bias broadcast over the rows), where op transposes when
    /// asked. `gemm(x, true, dOut, false)` is `x.T @ dOut` without copying x.T.
    ///
    /// a: (m, k), or (k, m) with transposeA · b: (k, n), or (n, k) with transposeB · bias: (n,) → (m, n)
    public static func gemm(_ a: Tensor, transposeA: Bool = false, _ b: Tensor, transposeB: Bool = false,
                            bias: Tensor? = nil) throws -> Tensor {
        guard a.ndim == 2, b.ndim == 2 else {
            throw TensorError.invalidArgument(operation: "gemm",
                detail: "needs 2-D operands, got \(formatShape(a.shape)) and \(formatShape(b.shape))")
        }
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard k == k2 else {
            let left = transposeA ? "\(formatShape(a.shape)).T" : formatShape(a.shape)
            let right = transposeB ? "\(formatShape(b.shape)).T" : formatShape(b.shape)
            throw TensorError.shapeMismatch(operation: "matmul", detail: "\(left) @ \(right): inner dimensions \(k) and \(k2) differ")
        }
        if let bias, bias.shape != [n] {
            throw TensorError.shapeMismatch(operation: "matmul + bias",
                detail: "bias \(formatShape(bias.shape)) does not match \(n) output columns")
        }
        try checkAllocation([m, n], operation: "matmul")
        let ta = transposeA ? CblasTrans : CblasNoTrans, tb = transposeB ? CblasTrans : CblasNoTrans
        let (lda, ldb) = (Int32(Swift.max(a.shape[1], 1)), Int32(Swift.max(b.shape[1], 1)))

        if a.dtype == .float32 && b.dtype == .float32 && (bias?.dtype ?? .float32) == .float32 {
            if let c = narrowProduct(a, transposeA: transposeA, b, transposeB: transposeB, bias: bias, m: m, k: k, n: n) {
                return Tensor(shape: [m, n], floats: c)
            }
            var c = rowsOf(bias?.floats, rows: m, columns: n)
            a.withFloats { pa in b.withFloats { pb in c.withUnsafeMutableBufferPointer { pc in
                cblas_sgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1, pa, lda, pb, ldb,
                            bias == nil ? 0 : 1, pc.baseAddress, Int32(Swift.max(n, 1)))
            } } }
            return Tensor(shape: [m, n], floats: c)
        }
        let (a64, b64) = (a.astype(.float64), b.astype(.float64))
        var c = rowsOf(bias?.doubles, rows: m, columns: n)
        a64.withDoubles { pa in b64.withDoubles { pb in c.withUnsafeMutableBufferPointer { pc in
            cblas_dgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1, pa, lda, pb, ldb,
                        bias == nil ? 0 : 1, pc.baseAddress, Int32(Swift.max(n, 1)))
        } } }
        return Tensor(shape: [m, n], storage: .float64(c))
    }

    /// The float32 product by mlplab's own kernels (`narrow_kernels.c`) when one side is
    /// narrow: at most 16 columns in the result (x @ W and xᵀ @ dOut of an output layer of 10
    /// classes) or in the sum (dOut @ Wᵀ). BLAS's kernels, made for large squares, take about
    /// four times as long on these. Nil for any other product.
    private static func narrowProduct(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool, bias: Tensor?,
                                      m: Int, k: Int, n: Int) -> [Float]? {
        let narrow = Int(MLPLAB_NARROW)
        let packedCount: Int
        switch (transposeA, transposeB) {
        case (false, false) where n <= narrow: packedCount = k * narrow
        case (true, false) where n <= narrow && bias == nil: packedCount = k * narrow
        case (false, true) where k <= narrow && bias == nil: packedCount = k * Int(mlplab_rounded_columns(Int64(n)))
        default: return nil
        }
        return [Float](unsafeUninitializedCapacity: m * n) { c, initialized in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: Swift.max(packedCount, 1)) { packed in
                a.withFloats { pa in b.withFloats { pb in
                    let (pc, scratch) = (c.baseAddress, packed.baseAddress)
                    switch (transposeA, transposeB) {
                    case (false, false):
                        let offsets = bias?.floats ?? [Float](repeating: 0, count: n)
                        mlplab_times_narrow(Int64(m), Int64(k), Int64(n), pa, pb, offsets, pc, scratch)
                    case (true, false): mlplab_transposed_times_narrow(Int64(k), Int64(m), Int64(n), pa, pb, pc, scratch)
                    default: mlplab_narrow_times_transposed(Int64(m), Int64(k), Int64(n), pa, pb, pc, scratch)
                    }
                } }
            }
            initialized = m * n
        }
    }

    /// `rows` copies of `row` (or zeros): the starting value of C in C = A·B + C.
    private static func rowsOf<T: Numeric>(_ row: [T]?, rows: Int, columns: Int) -> [T] {
        guard let row else { return [T](repeating: 0, count: rows * columns) }
        var c = [T]()
        c.reserveCapacity(rows * columns)
        for _ in 0..<rows { c.append(contentsOf: row) }
        return c
    }

    /// self += alpha * other, in place, for float tensors of the same shape and
    /// dtype (BLAS axpy): the SGD update `W -= lr * dW` without a temporary.
    public mutating func addScaled(_ other: Tensor, _ alpha: Double) throws {
        guard shape == other.shape, dtype == other.dtype, dtype.isFloatingPoint else {
            throw TensorError.shapeMismatch(operation: "in-place update",
                detail: "\(dtype.rawValue) \(formatShape(shape)) += \(other.dtype.rawValue) \(formatShape(other.shape))")
        }
        let n = Int32(count)
        switch other.storage {
        case .float32(let y): withMutableFloats { x in ComputeThreads.addScaled(y, Float(alpha), to: x) }
        case .float64(let y): withMutableDoubles { x in cblas_daxpy(n, alpha, y, 1, x.baseAddress, 1) }
        default: break
        }
    }

    /// self ← factor · self, in place (BLAS `scal`), for a float32 or float64 tensor.
    public mutating func scale(by factor: Double) {
        let n = Int32(count)
        switch dtype {
        case .float32: withMutableFloats { x in cblas_sscal(n, Float(factor), x.baseAddress, 1) }
        case .float64: withMutableDoubles { x in cblas_dscal(n, factor, x.baseAddress, 1) }
        default: break
        }
    }

    /// One Adam step in place. This tensor is the parameter W; `m` and `v` are
    /// its running averages of the gradient g and of g² (same shape and dtype):
    ///
    ///     m ← β1·m + (1-β1)·g
    ///     v ← β2·v + (1-β2)·g²
    ///     W ← W - lr · (m / c1) / (√(v / c2) + ε)
    ///
    /// where c1 = 1-β1ᵗ and c2 = 1-β2ᵗ correct the averages' start at zero.
    /// One pass over the elements, with no temporary tensors.
    public mutating func adamStep(gradient g: Tensor, m: inout Tensor, v: inout Tensor, learningRate: Double,
                                  beta1: Double, beta2: Double, epsilon: Double,
                                  correction1: Double, correction2: Double) throws {
        guard dtype.isFloatingPoint, [g, m, v].allSatisfy({ $0.shape == shape && $0.dtype == dtype }) else {
            throw TensorError.shapeMismatch(operation: "Adam step",
                detail: "parameter \(dtype.rawValue) \(formatShape(shape)), gradient \(g.dtype.rawValue) \(formatShape(g.shape)), "
                    + "averages \(formatShape(m.shape)) and \(formatShape(v.shape))")
        }
        let rule = AdamRule(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                            correction1: correction1, correction2: correction2)
        if dtype == .float32 {
            withMutableFloats { w in m.withMutableFloats { m in v.withMutableFloats { v in
                g.withFloats { g in rule.apply(w, m, v, g) }
            } } }
        } else {
            withMutableDoubles { w in m.withMutableDoubles { m in v.withMutableDoubles { v in
                g.withDoubles { g in rule.apply(w, m, v, g) }
            } } }
        }
    }

    /// Calls `body` with the elements of the case `elements` picks (a float32
    /// tensor's [Float], say), to change them in place. They are taken out of
    /// `storage` meanwhile, so that the array is uniquely referenced and updated
    /// where it lies: a second reference, even a temporary one such as a tuple
    /// of storages in a switch, would make Swift copy the whole array first.
    mutating func withMutableElements<E, R>(_ elements: (TensorStorage) -> [E]?, _ wrap: ([E]) -> TensorStorage,
                                            _ body: (UnsafeMutableBufferPointer<E>) -> R) -> R {
        guard var taken = elements(storage) else { preconditionFailure("\(E.self) elements of a \(dtype) tensor") }
        storage = wrap([])
        defer { storage = wrap(taken) }
        return taken.withUnsafeMutableBufferPointer { body($0) }
    }

    /// `withMutableElements` for a float32 tensor.
    mutating func withMutableFloats<R>(_ body: (UnsafeMutableBufferPointer<Float>) -> R) -> R {
        withMutableElements(TensorStorage.floats, TensorStorage.float32, body)
    }

    /// `withMutableElements` for a float64 tensor.
    mutating func withMutableDoubles<R>(_ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
        withMutableElements(TensorStorage.doubles, TensorStorage.float64, body)
    }

    /// Calls `body` with the float32 elements (the tensor must be float32).
    func withFloats<R>(_ body: (UnsafePointer<Float>) -> R) -> R {
        guard case .float32(let a) = storage else { preconditionFailure("withFloats on \(dtype)") }
        return a.withUnsafeBufferPointer { body($0.baseAddress ?? UnsafePointer(bitPattern: 8)!) }
    }

    /// Calls `body` with the float64 elements (the tensor must be float64).
    func withDoubles<R>(_ body: (UnsafePointer<Double>) -> R) -> R {
        guard case .float64(let a) = storage else { preconditionFailure("withDoubles on \(dtype)") }
        return a.withUnsafeBufferPointer { body($0.baseAddress ?? UnsafePointer(bitPattern: 8)!) }
    }
}

/// Adam's hyper-parameters for one step, applied element by element in the
/// parameter's own precision (as numpy does with Python-float scalars).
private struct AdamRule {
    let learningRate, beta1, beta2, epsilon, correction1, correction2: Double

    func apply<T: BinaryFloatingPoint>(_ w: UnsafeMutableBufferPointer<T>, _ m: UnsafeMutableBufferPointer<T>,
                                       _ v: UnsafeMutableBufferPointer<T>, _ g: UnsafePointer<T>) {
        let (b1, b2, rest1, rest2) = (T(beta1), T(beta2), T(1 - beta1), T(1 - beta2))
        let (unbias1, unbias2, eps, step) = (T(1 / correction1), T(1 / correction2), T(epsilon), T(-learningRate))
        for i in 0..<w.count {
            m[i] = b1 * m[i] + rest1 * g[i]
            v[i] = b2 * v[i] + rest2 * (g[i] * g[i])
            w[i] = w[i] + step * ((m[i] * unbias1) / ((v[i] * unbias2).squareRoot() + eps))
        }
    }
}

/// Each case's elements, or nil for the other cases: the `elements` argument of `withMutableElements`.
extension TensorStorage {
    static func doubles(_ storage: TensorStorage) -> [Double]? { if case .float64(let a) = storage { return a }; return nil }
    static func floats(_ storage: TensorStorage) -> [Float]? { if case .float32(let a) = storage { return a }; return nil }
    static func int64s(_ storage: TensorStorage) -> [Int64]? { if case .int64(let a) = storage { return a }; return nil }
    static func bools(_ storage: TensorStorage) -> [Bool]? { if case .bool(let a) = storage { return a }; return nil }
    static func bytes(_ storage: TensorStorage) -> [UInt8]? { if case .uint8(let a) = storage { return a }; return nil }
    static func halves(_ storage: TensorStorage) -> [Float16]? { if case .float16(let a) = storage { return a }; return nil }
}
