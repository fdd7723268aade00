/// numpy's broadcasting: aligning two shapes from the right, where a
/// dimension of 1 stretches to match the other.
public enum Broadcast {
    /// The shape two operands broadcast to, or nil when some aligned pair of
    /// dimensions differs and neither is 1.
    public static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else { return nil }
            result[i] = da == 1 ? db : da
        }
        return result
    }

    /// Row-major strides of `shape` as seen from `target`: 0 on every axis
    /// that is broadcast (missing or of extent 1).
    static func strides(of shape: [Int], in target: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: target.count)
        var step = 1
        for i in Swift.stride(from: shape.count - 1, through: 0, by: -1) {
            let axis = i + target.count - shape.count
            strides[axis] = shape[i] == 1 ? 0 : step
            step *= shape[i]
        }
        return strides
    }

    /// Calls `body(outIndex, aOffset, bOffset)` for every element of `target` in
    /// row-major order, walking the operands with their broadcast strides.
    @inline(__always)
    static func forEach(_ target: [Int], _ aStrides: [Int], _ bStrides: [Int],
                        _ body: (Int, Int, Int) -> Void) {
        let count = target.reduce(1, *)
        if count == 0 { return }
        let rank = target.count
        if rank == 0 { body(0, 0, 0); return }
        var counter = [Int](repeating: 0, count: rank)
        var aOffset = 0, bOffset = 0
        let inner = target[rank - 1], aInner = aStrides[rank - 1], bInner = bStrides[rank - 1]
        var out = 0
        while out < count {
            var ai = aOffset, bi = bOffset
            for _ in 0..<inner {
                body(out, ai, bi)
                out += 1; ai += aInner; bi += bInner
            }
            // Advance the odometer over the outer axes.
            var axis = rank - 2
            while axis >= 0 {
                counter[axis] += 1
                aOffset += aStrides[axis]; bOffset += bStrides[axis]
                if counter[axis] < target[axis] { break }
                aOffset -= aStrides[axis] * target[axis]; bOffset -= bStrides[axis] * target[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }

    /// `f` applied element-wise to `a` and `b` broadcast together to `target`.
    @inline(__always)
    static func apply<A, B, R>(_ a: [A], _ aShape: [Int], _ b: [B], _ bShape: [Int], _ target: [Int],
                               _ f: (A, B) -> R) -> [R] {
        let count = target.reduce(1, *)
        if aShape == target && bShape == target {
            return [R](unsafeUninitializedCapacity: count) { out, initialized in
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        for i in 0..<count { (out.baseAddress! + i).initialize(to: f(pa[i], pb[i])) }
                    }
                }
                initialized = count
            }
        }
        let aStrides = strides(of: aShape, in: target), bStrides = strides(of: bShape, in: target)
        return [R](unsafeUninitializedCapacity: count) { out, initialized in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    forEach(target, aStrides, bStrides) { o, i, j in
                        (out.baseAddress! + o).initialize(to: f(pa[i], pb[j]))
                    }
                }
            }
            initialized = count
        }
    }
}

extension Tensor {
    /// This tensor's elements repeated to fill `shape` (which it must broadcast to).
    public func broadcast(to target: [Int]) throws -> Tensor {
        guard Broadcast.shape(shape, target) == target else {
            throw TensorError.shapeMismatch(operation: "broadcast",
                detail: "cannot broadcast \(formatShape(shape)) to \(formatShape(target))")
        }
        try Tensor.checkAllocation(target, operation: "broadcast")
        if shape == target { return self }
        func spread<E>(_ a: [E]) -> [E] {
            Broadcast.apply(a, shape, [0], [], target) { x, _ in x }
        }
        switch storage {
        case .float64(let a): return Tensor(shape: target, storage: .float64(spread(a)))
        case .float32(let a): return Tensor(shape: target, storage: .float32(spread(a)))
        case .int64(let a): return Tensor(shape: target, storage: .int64(spread(a)))
        case .bool(let a): return Tensor(shape: target, storage: .bool(spread(a)))
        case .uint8(let a): return Tensor(shape: target, storage: .uint8(spread(a)))
        case .float16(let a): return Tensor(shape: target, storage: .float16(spread(a)))
        }
    }
}
