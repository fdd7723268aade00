/// Changing how the elements are arranged: reshape, transpose, concatenate.
extension Tensor {
    /// A new tensor of `shape` made of the elements at the given flat offsets.
    func gathered(_ offsets: [Int], shape: [Int]) -> Tensor {
        func pick<E>(_ a: [E]) -> [E] {
            a.withUnsafeBufferPointer { p in offsets.map { p[$0] } }
        }
        switch storage {
        case .float64(let a): return Tensor(shape: shape, storage: .float64(pick(a)))
        case .float32(let a): return Tensor(shape: shape, storage: .float32(pick(a)))
        case .int64(let a): return Tensor(shape: shape, storage: .int64(pick(a)))
        case .bool(let a): return Tensor(shape: shape, storage: .bool(pick(a)))
        case .uint8(let a): return Tensor(shape: shape, storage: .uint8(pick(a)))
        case .float16(let a): return Tensor(shape: shape, storage: .float16(pick(a)))
        }
    }

    /// The same elements viewed with another shape; one dimension may be -1 and
    /// is then inferred, like numpy's `reshape`.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        let inferred = newShape.filter { $0 == -1 }.count
        let known = newShape.filter { $0 != -1 }
        guard inferred <= 1, known.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidArgument(operation: "reshape",
                detail: "can only specify one unknown dimension (-1) and no other negative ones, got \(formatShape(newShape))")
        }
        let mismatch = TensorError.shapeMismatch(operation: "reshape",
            detail: "cannot reshape array of size \(count) into shape \(formatShape(newShape))")
        guard let knownCount = Tensor.product(of: known) else { throw mismatch }
        var target = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            guard knownCount > 0, count % knownCount == 0 else { throw mismatch }
            target[unknown] = count / knownCount
        }
        guard try Tensor.elementCount(target, operation: "reshape") == count else { throw mismatch }
        var result = self
        result.shape = target
        return result
    }

    /// The elements as a 1-D tensor.
    public func flattened() -> Tensor {
        var result = self
        result.shape = [count]
        return result
    }

    /// The transpose: axes in reverse order (numpy's `.T`).
    public var T: Tensor {
        permuted(Array(shape.indices.reversed()))
    }

    /// The axes permuted so that result axis i is this tensor's axis `axes[i]`.
    public func transposed(_ axes: [Int]) throws -> Tensor {
        let normalized = try axes.map { try normalizedAxis($0, operation: "transpose") }
        guard normalized.count == ndim, Set(normalized).count == ndim else {
            throw TensorError.invalidArgument(operation: "transpose",
                detail: "axes \(axes) don't match array of dimension \(ndim)")
        }
        return permuted(normalized)
    }

    /// The axes permuted by `axes`, a permutation of 0..<ndim. The result has as many
    /// elements as this tensor, so it needs no allocation check.
    private func permuted(_ axes: [Int]) -> Tensor {
        if axes == Array(shape.indices) { return self }
        if ndim == 2 { return transposed2D(rows: shape[0], columns: shape[1]) }
        let newShape = axes.map { shape[$0] }
        let sourceStrides = Tensor.rowMajorStrides(shape)
        let strides = axes.map { sourceStrides[$0] }
        var offsets = [Int]()
        offsets.reserveCapacity(count)
        Broadcast.forEach(newShape, strides, strides) { _, offset, _ in offsets.append(offset) }
        return gathered(offsets, shape: newShape)
    }

    /// A 2-D transpose copied in cache-friendly tiles.
    private func transposed2D(rows: Int, columns: Int) -> Tensor {
        func flip<E>(_ a: [E]) -> [E] {
            guard let first = a.first else { return a }
            var out = [E](repeating: first, count: a.count)
            let tile = 32
            a.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for r0 in stride(from: 0, to: rows, by: tile) {
                        for c0 in stride(from: 0, to: columns, by: tile) {
                            for r in r0..<Swift.min(r0 + tile, rows) {
                                for c in c0..<Swift.min(c0 + tile, columns) {
                                    dst[c * rows + r] = src[r * columns + c]
                                }
                            }
                        }
                    }
                }
            }
            return out
        }
        let shape = [columns, rows]
        switch storage {
        case .float64(let a): return Tensor(shape: shape, storage: .float64(flip(a)))
        case .float32(let a): return Tensor(shape: shape, storage: .float32(flip(a)))
        case .int64(let a): return Tensor(shape: shape, storage: .int64(flip(a)))
        case .bool(let a): return Tensor(shape: shape, storage: .bool(flip(a)))
        case .uint8(let a): return Tensor(shape: shape, storage: .uint8(flip(a)))
        case .float16(let a): return Tensor(shape: shape, storage: .float16(flip(a)))
        }
    }

    static func rowMajorStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        for i in Swift.stride(from: shape.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * shape[i + 1] }
        return strides
    }

    /// The tensors joined along an existing axis, like `np.concatenate`.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument(operation: "concatenate", detail: "need at least one array to concatenate")
        }
        guard first.ndim > 0 else {
            throw TensorError.invalidArgument(operation: "concatenate", detail: "zero-dimensional arrays cannot be concatenated")
        }
        let a = try first.normalizedAxis(axis, operation: "concatenate")
        for t in tensors where t.ndim != first.ndim || zip(t.shape, first.shape).enumerated().contains(where: { $0.offset != a && $0.element.0 != $0.element.1 }) {
            throw TensorError.shapeMismatch(operation: "concatenate",
                detail: "all the input array dimensions except for the concatenation axis must match exactly, but got \(formatShape(first.shape)) and \(formatShape(t.shape))")
        }
        let dtype = tensors.map(\.dtype).reduce(first.dtype, DType.promote)
        var shape = first.shape
        shape[a] = try joinedLength(tensors.map { $0.shape[a] }, axis: a)
        let count = try checkAllocation(shape, operation: "concatenate")
        // Each input contributes one contiguous chunk per outer index.
        let outer = count == 0 ? 0 : shape[..<a].reduce(1, *)
        let parts = tensors.map { $0.astype(dtype) }
        let chunks = parts.map { $0.count / Swift.max(outer, 1) }
        var offsets = [Int](), source = [Int]()
        offsets.reserveCapacity(count); source.reserveCapacity(count)
        for o in 0..<outer {
            for (p, chunk) in chunks.enumerated() {
                for i in 0..<chunk { source.append(p); offsets.append(o * chunk + i) }
            }
        }
        func join<E>(_ arrays: [[E]]) -> [E] { zip(source, offsets).map { arrays[$0][$1] } }
        switch dtype {
        case .float64: return Tensor(shape: shape, storage: .float64(join(parts.map(\.doubles))))
        case .float32: return Tensor(shape: shape, floats: join(parts.map(\.floats)))
        case .int64: return Tensor(shape: shape, int64s: join(parts.map(\.int64s)))
        case .bool: return Tensor(shape: shape, bools: join(parts.map(\.bools)))
        case .uint8: return Tensor(shape: shape, bytes: join(parts.map(\.bytes)))
        case .float16: return Tensor(shape: shape, halves: join(parts.map(\.halves)))
        }
    }

    /// The length of the concatenation axis: the sum of the inputs' `lengths`, refused
    /// when it overflows an `Int`, as numpy refuses an array that is too big.
    private static func joinedLength(_ lengths: [Int], axis: Int) throws -> Int {
        try lengths.reduce(0) { total, length in
            let (sum, overflow) = total.addingReportingOverflow(length)
            guard !overflow else {
                throw TensorError.invalidArgument(operation: "concatenate",
                    detail: "array is too big: the lengths along axis \(axis) add up to more than \(Int.max)")
            }
            return sum
        }
    }

    /// Integer labels (N,) turned into one-hot rows (N, classes): row i is all
    /// zeros except a 1 in column labels[i].
    public static func oneHot(_ labels: Tensor, classes: Int, dtype: DType = .float64) throws -> Tensor {
        guard !labels.dtype.isFloatingPoint || labels.doubles.allSatisfy({ $0 == $0.rounded() }) else {
            throw TensorError.invalidArgument(operation: "onehot", detail: "labels must be integers, got \(labels.dtype.rawValue)")
        }
        guard labels.ndim == 1 else {
            throw TensorError.shapeMismatch(operation: "onehot", detail: "labels must be 1-D (N,), got \(formatShape(labels.shape))")
        }
        guard classes > 0 else {
            throw TensorError.invalidArgument(operation: "onehot", detail: "the number of classes must be positive, got \(classes)")
        }
        let values = labels.int64s
        if let bad = values.first(where: { $0 < 0 || $0 >= classes }) {
            throw TensorError.invalidArgument(operation: "onehot", detail: "label \(bad) is outside 0..<\(classes)")
        }
        try checkAllocation([values.count, classes], operation: "onehot")
        var result = [Double](repeating: 0, count: values.count * classes)
        for (i, label) in values.enumerated() { result[i * classes + Int(label)] = 1 }
        return Tensor(shape: [values.count, classes], storage: .float64(result)).astype(dtype)
    }
}
