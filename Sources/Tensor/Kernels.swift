import CBLAS

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
        return Tensor(shape: [m, n], doubles: c)
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
        // The elements are taken out of `storage` before they are written, so
        // that the array is uniquely referenced and updated where it lies
        // (a second reference, even a temporary one, would make Swift copy it).
        switch other.storage {
        case .float32(let y):
            guard case .float32(var x) = storage else { return }
            storage = .float32([])
            x.withUnsafeMutableBufferPointer { px in cblas_saxpy(n, Float(alpha), y, 1, px.baseAddress, 1) }
            storage = .float32(x)
        case .float64(let y):
            guard case .float64(var x) = storage else { return }
            storage = .float64([])
            x.withUnsafeMutableBufferPointer { px in cblas_daxpy(n, alpha, y, 1, px.baseAddress, 1) }
            storage = .float64(x)
        default: break
        }
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
