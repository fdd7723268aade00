internal import CBLAS

/// Matrix products through BLAS (`cblas_dgemm` / `cblas_sgemm`), with numpy's
/// `matmul` rules for 1-D, 2-D and batched 3-D operands.
extension Tensor {
    /// `a @ b` like numpy's matmul: a 1-D operand is a row (left) or column
    /// (right) vector and that axis is dropped from the result; 3-D operands are
    /// stacks of matrices (a 2-D operand is shared by every matrix of the stack).
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.ndim >= 1, b.ndim >= 1, a.ndim <= 3, b.ndim <= 3 else {
            throw TensorError.invalidArgument(operation: "matmul",
                detail: "operands must be 1-D, 2-D or 3-D, got \(formatShape(a.shape)) @ \(formatShape(b.shape))")
        }
        let left = a.ndim == 1 ? try a.reshaped([1, a.count]) : a
        let right = b.ndim == 1 ? try b.reshaped([b.count, 1]) : b
        let (m, k) = (left.shape[left.ndim - 2], left.shape[left.ndim - 1])
        let (k2, n) = (right.shape[right.ndim - 2], right.shape[right.ndim - 1])
        guard k == k2 else {
            throw TensorError.shapeMismatch(operation: "matmul",
                detail: "\(formatShape(a.shape)) @ \(formatShape(b.shape)): inner dimensions \(k) and \(k2) differ")
        }
        let leftBatch = left.ndim == 3 ? left.shape[0] : 1, rightBatch = right.ndim == 3 ? right.shape[0] : 1
        guard leftBatch == rightBatch || left.ndim < 3 || right.ndim < 3 else {
            throw TensorError.shapeMismatch(operation: "matmul",
                detail: "\(formatShape(a.shape)) @ \(formatShape(b.shape)): batch sizes \(leftBatch) and \(rightBatch) differ")
        }
        let batch = Swift.max(leftBatch, rightBatch)
        var shape = (left.ndim == 3 || right.ndim == 3 ? [batch] : []) + [m, n]
        try checkAllocation(shape, operation: "matmul")

        let dtype = DType.promote(left.dtype, right.dtype)
        let product: TensorStorage
        switch dtype {
        case .float64:
            product = .float64(gemmBatches(left.doubles, right.doubles, batch, leftBatch > 1, rightBatch > 1, m, n, k, cblas_dgemm))
        case .float32:
            product = .float32(gemmBatches(left.floats, right.floats, batch, leftBatch > 1, rightBatch > 1, m, n, k, cblas_sgemm))
        case .int64, .bool:
            product = .int64(integerMatmul(left.int64s, right.int64s, batch, leftBatch > 1, rightBatch > 1, m, n, k))
        case .uint8, .float16:
            let wide = dtype.computedAs!
            return try matmul(a.astype(wide), b.astype(wide)).astype(dtype)
        }
        if a.ndim == 1 { shape.remove(at: shape.count - 2) }
        if b.ndim == 1 { shape.removeLast() }
        return Tensor(shape: shape, storage: product)
    }

    /// numpy's `dot`: the same as matmul for the 1-D and 2-D cases mlplab uses,
    /// and plain multiplication when either side is a scalar.
    public static func dot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.ndim == 0 || b.ndim == 0 { return try a * b }
        guard a.ndim <= 2, b.ndim <= 2 else {
            throw TensorError.invalidArgument(operation: "dot",
                detail: "mlplab's dot takes 1-D or 2-D operands, got \(formatShape(a.shape)) and \(formatShape(b.shape)); use matmul for stacks")
        }
        return try matmul(a, b)
    }

    private typealias Gemm<T> = (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, Int32, Int32, Int32, T,
                                 UnsafePointer<T>?, Int32, UnsafePointer<T>?, Int32, T, UnsafeMutablePointer<T>?, Int32) -> Void

    private static func gemmBatches<T: BinaryFloatingPoint>(
        _ a: [T], _ b: [T], _ batch: Int, _ aStacked: Bool, _ bStacked: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ gemm: Gemm<T>
    ) -> [T] {
        var c = [T](repeating: 0, count: batch * m * n)
        guard m > 0, n > 0 else { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    for i in 0..<batch {
                        gemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                             pa.baseAddress.map { $0 + (aStacked ? i * m * k : 0) }, Int32(Swift.max(k, 1)),
                             pb.baseAddress.map { $0 + (bStacked ? i * k * n : 0) }, Int32(n),
                             0, pc.baseAddress! + i * m * n, Int32(n))
                    }
                }
            }
        }
        return c
    }

    private static func integerMatmul(_ a: [Int64], _ b: [Int64], _ batch: Int, _ aStacked: Bool, _ bStacked: Bool,
                                      _ m: Int, _ n: Int, _ k: Int) -> [Int64] {
        var c = [Int64](repeating: 0, count: batch * m * n)
        for s in 0..<batch {
            let ao = aStacked ? s * m * k : 0, bo = bStacked ? s * k * n : 0, co = s * m * n
            for i in 0..<m {
                for p in 0..<k {
                    let x = a[ao + i * k + p]
                    for j in 0..<n { c[co + i * n + j] &+= x &* b[bo + p * n + j] }
                }
            }
        }
        return c
    }
}
