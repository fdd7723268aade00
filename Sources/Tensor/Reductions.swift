internal import CKernels

/// Reductions along an axis (or over everything) with numpy's results:
/// sum, mean, max, min, argmax, argmin, std and var.
extension Tensor {
    /// The three extents of a reduction along `axis`: the axes before it
    /// (outer), the axis itself, and the axes after it (inner). When the result is
    /// empty, outer is 0, so that no loop runs over the extents of the other axes.
    private struct Split {
        let outer: Int, length: Int, inner: Int
        let resultShape: [Int]
    }

    private func split(_ axis: Int?, keepdims: Bool, operation: String) throws -> Split {
        guard let axis else {
            return Split(outer: 1, length: count, inner: 1,
                         resultShape: keepdims ? Array(repeating: 1, count: ndim) : [])
        }
        let a = try normalizedAxis(axis, operation: operation)
        var resultShape = shape
        if keepdims { resultShape[a] = 1 } else { resultShape.remove(at: a) }
        let resultCount = try Tensor.checkAllocation(resultShape, operation: operation)
        return Split(outer: resultCount == 0 ? 0 : shape[..<a].reduce(1, *), length: shape[a],
                     inner: shape[(a + 1)...].reduce(1, *), resultShape: resultShape)
    }

    /// `axis` made non-negative (numpy counts negative axes from the end).
    public func normalizedAxis(_ axis: Int, operation: String) throws -> Int {
        let a = axis < 0 ? axis + ndim : axis
        guard a >= 0 && a < ndim else {
            throw TensorError.invalidArgument(operation: operation,
                detail: "axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        return a
    }

    // MARK: sum and mean

    /// The sum along `axis` (all elements when nil), like `np.sum`. Floats are
    /// added in numpy's pairwise order along contiguous rows, so results agree
    /// with numpy to the last bit; ints and bools sum to int64.
    public func sum(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        let s = try split(axis, keepdims: keepdims, operation: "sum")
        switch storage {
        case .float64(let a): return Tensor(shape: s.resultShape, storage: .float64(Tensor.sum(a, s, addingRows: mlplab_add_rows_double)))
        case .float32(let a): return Tensor(shape: s.resultShape, floats: Tensor.sum(a, s, addingRows: mlplab_add_rows_float))
        case .int64(let a): return Tensor(shape: s.resultShape, int64s: Tensor.integerSum(a, s))
        // numpy sums bools to int64 and uint8 to uint64, which has the same values here.
        case .bool, .uint8: return try astype(.int64).sum(axis: axis, keepdims: keepdims)
        // float16 is summed in float32 and rounded back, as numpy's float16 sum does.
        case .float16: return try astype(.float32).sum(axis: axis, keepdims: keepdims).astype(.float16)
        }
    }

    /// The arithmetic mean along `axis`, like `np.mean` (ints and bools give float64).
    public func mean(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else { return try astype(.float64).mean(axis: axis, keepdims: keepdims) }
        if dtype == .float16 { return try astype(.float32).mean(axis: axis, keepdims: keepdims).astype(.float16) }
        let s = try split(axis, keepdims: keepdims, operation: "mean")
        let total = try sum(axis: axis, keepdims: keepdims)
        return try total / Double(s.length)
    }

    /// The variance along `axis` (numpy's `var` with ddof 0): mean((x - mean(x))²).
    public func variance(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else { return try astype(.float64).variance(axis: axis, keepdims: keepdims) }
        let deviation = try self - mean(axis: axis, keepdims: true)
        return try deviation.unary(.square).mean(axis: axis, keepdims: keepdims)
    }

    /// The standard deviation along `axis`: the square root of `variance`.
    public func std(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try variance(axis: axis, keepdims: keepdims).unary(.sqrt)
    }

    /// `addRows(rows, width, a, total)` adds rows of a into total one row after another.
    private static func sum<T: BinaryFloatingPoint>(
        _ a: [T], _ s: Split, addingRows addRows: (Int64, Int64, UnsafePointer<T>?, UnsafeMutablePointer<T>?) -> Void
    ) -> [T] {
        var result = [T](repeating: 0, count: s.outer * s.inner)
        a.withUnsafeBufferPointer { p in
            result.withUnsafeMutableBufferPointer { r in
                for o in 0..<s.outer where s.length > 0 && s.inner > 0 {
                    if s.inner == 1 {
                        r[o] = pairwiseSum(p.baseAddress! + o * s.length, s.length)
                    } else {
                        // Along a non-contiguous axis numpy adds the rows one after another.
                        addRows(Int64(s.length), Int64(s.inner), p.baseAddress! + o * s.length * s.inner, r.baseAddress! + o * s.inner)
                    }
                }
            }
        }
        return result
    }

    private static func integerSum(_ a: [Int64], _ s: Split) -> [Int64] {
        var result = [Int64](repeating: 0, count: s.outer * s.inner)
        for o in 0..<s.outer {
            for k in 0..<s.length {
                for i in 0..<s.inner { result[o * s.inner + i] &+= a[(o * s.length + k) * s.inner + i] }
            }
        }
        return result
    }

    // MARK: max, min, argmax, argmin

    /// The largest element along `axis`, like `np.max` (NaN wins, as in numpy).
    public func max(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try extreme(axis: axis, keepdims: keepdims, operation: "max", isBetter: >)
    }

    /// The smallest element along `axis`, like `np.min`.
    public func min(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try extreme(axis: axis, keepdims: keepdims, operation: "min", isBetter: <)
    }

    /// The index of the largest element along `axis` (of the flattened tensor when nil), as int64.
    public func argmax(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try argExtreme(axis: axis, keepdims: keepdims, operation: "argmax", isBetter: >)
    }

    /// The index of the smallest element along `axis`, as int64.
    public func argmin(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try argExtreme(axis: axis, keepdims: keepdims, operation: "argmin", isBetter: <)
    }

    private func extreme(axis: Int?, keepdims: Bool, operation: String,
                         isBetter: @escaping (Double, Double) -> Bool) throws -> Tensor {
        let positions = try argExtreme(axis: axis, keepdims: keepdims, operation: operation, isBetter: isBetter)
        let s = try split(axis, keepdims: keepdims, operation: operation)
        let flatOffsets = positions.int64s.enumerated().map { (slot, k) in
            (slot / s.inner * s.length + Int(k)) * s.inner + slot % s.inner
        }
        return gathered(flatOffsets, shape: s.resultShape)
    }

    /// Index of the best element along the axis; the first NaN counts as best,
    /// and ties go to the first occurrence, as in numpy.
    private func argExtreme(axis: Int?, keepdims: Bool, operation: String,
                            isBetter: (Double, Double) -> Bool) throws -> Tensor {
        let s = try split(axis, keepdims: keepdims, operation: operation)
        guard s.length > 0 else {
            throw TensorError.invalidArgument(operation: operation,
                detail: "attempt to get \(operation) of an empty sequence")
        }
        var result = [Int64](repeating: 0, count: s.outer * s.inner)
        doubles.withUnsafeBufferPointer { values in
            result.withUnsafeMutableBufferPointer { r in
                for o in 0..<s.outer {
                    for i in 0..<s.inner {
                        var best = 0
                        var bestValue = values[o * s.length * s.inner + i]
                        if !bestValue.isNaN {
                            for k in 1..<Swift.max(s.length, 1) {
                                let v = values[(o * s.length + k) * s.inner + i]
                                if v.isNaN { best = k; break }
                                if isBetter(v, bestValue) { best = k; bestValue = v }
                            }
                        }
                        r[o * s.inner + i] = Int64(best)
                    }
                }
            }
        }
        return Tensor(shape: s.resultShape, int64s: result)
    }
}

/// The sum of `n` contiguous values in numpy's pairwise order: blocks of up to
/// 128 elements summed with eight running partial sums, larger runs split in
/// two halves (at a multiple of 8) and summed recursively. The rounding error
/// grows like O(log n) instead of O(n).
func pairwiseSum<T: BinaryFloatingPoint>(_ a: UnsafePointer<T>, _ n: Int) -> T {
    if n < 8 {
        var sum: T = 0
        for i in 0..<n { sum += a[i] }
        return sum
    }
    if n <= 128 {
        var r = (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
        var i = 8
        while i < n - n % 8 {
            r.0 += a[i]; r.1 += a[i + 1]; r.2 += a[i + 2]; r.3 += a[i + 3]
            r.4 += a[i + 4]; r.5 += a[i + 5]; r.6 += a[i + 6]; r.7 += a[i + 7]
            i += 8
        }
        var sum = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
        while i < n { sum += a[i]; i += 1 }
        return sum
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(a, half) + pairwiseSum(a + half, n - half)
}
