import Foundation

/// numpy's functions that pick, repeat, reorder or accumulate elements along an
/// axis: take, repeat, tile, squeeze, expand_dims, swapaxes, sort, argsort,
/// cumsum and prod. Each works on the tensor as `outer` blocks of `length` slices
/// of `inner` elements along the axis (`Lanes`).
extension Tensor {
    /// The elements along one axis: `outer` × `length` × `inner`; the element at
    /// (o, k, i) is at flat offset (o × length + k) × inner + i.
    struct Lanes {
        let outer: Int, length: Int, inner: Int

        init(_ shape: [Int], axis: Int) {
            outer = shape[..<axis].reduce(1, *)
            length = shape[axis]
            inner = shape[(axis + 1)...].reduce(1, *)
        }

        /// The flat offsets of lane (o, i), in order along the axis.
        func offsets(_ o: Int, _ i: Int) -> [Int] {
            (0..<length).map { (o * length + $0) * inner + i }
        }

        /// Every lane, in row-major order of (o, i).
        var all: [(Int, Int)] {
            (0..<outer).flatMap { o in (0..<inner).map { (o, $0) } }
        }
    }

    /// The slices at `positions` along `axis`, in that order (positions already in range).
    func selecting(_ positions: [Int], along axis: Int) throws -> Tensor {
        let lanes = Lanes(shape, axis: axis)
        var newShape = shape
        newShape[axis] = positions.count
        try Tensor.checkAllocation(newShape, operation: "take")
        var offsets: [Int] = []
        offsets.reserveCapacity(lanes.outer * positions.count * lanes.inner)
        for o in 0..<lanes.outer {
            for k in positions {
                let base = (o * lanes.length + k) * lanes.inner
                offsets.append(contentsOf: base..<(base + lanes.inner))
            }
        }
        return gathered(offsets, shape: newShape)
    }

    // MARK: take, repeat, tile

    /// The elements at `indices` (negative ones count from the end), like `np.take(x, indices, axis)`:
    /// with no axis from the flattened tensor, in the shape of `indices`; with an axis, the
    /// slices along it, `indices`' shape taking the axis's place.
    public func take(_ indices: Tensor, axis: Int? = nil) throws -> Tensor {
        guard indices.dtype.kind == .integer || indices.dtype == .bool && indices.count == 0 else {
            throw TensorError.invalidArgument(operation: "take", detail: "indices must be whole numbers, got \(indices.dtype.rawValue)")
        }
        let source = axis == nil ? flattened() : self
        let a = try axis.map { try normalizedAxis($0, operation: "take") } ?? 0
        let size = source.shape[a]
        let positions = try indices.int64s.map { raw -> Int in
            let k = raw < 0 ? Int(raw) + size : Int(raw)
            guard k >= 0 && k < size else { throw TensorError.indexOutOfRange(index: Int(raw), axis: a, size: size) }
            return k
        }
        let picked = try source.selecting(positions, along: a)
        return try picked.reshaped(Array(source.shape[..<a]) + indices.shape + Array(source.shape[(a + 1)...]))
    }

    /// Each slice along `axis` repeated `repeats` times in place, like `np.repeat`:
    /// `repeats` holds one count for all slices or one per slice; with no axis the
    /// flattened elements are repeated.
    public func repeated(_ repeats: [Int], axis: Int? = nil) throws -> Tensor {
        let source = axis == nil ? flattened() : self
        let a = try axis.map { try normalizedAxis($0, operation: "repeat") } ?? 0
        let length = source.shape[a]
        guard repeats.count == 1 || repeats.count == length else {
            throw TensorError.invalidArgument(operation: "repeat",
                detail: "repeats must be one count or one per element along the axis (\(length)), got \(repeats.count)")
        }
        guard repeats.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidArgument(operation: "repeat", detail: "repeats may not contain negative values")
        }
        let counts = repeats.count == 1 ? Array(repeating: repeats[0], count: length) : repeats
        var newShape = source.shape
        newShape[a] = 0
        for count in counts {
            let (total, overflow) = newShape[a].addingReportingOverflow(count)
            guard !overflow else { throw TensorError.tooLarge(shape: newShape, limit: Tensor.maxElements) }
            newShape[a] = total
        }
        try Tensor.checkAllocation(newShape, operation: "repeat")
        return try source.selecting(counts.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }, along: a)
    }

    /// The tensor repeated `reps` times along each axis, like `np.tile`: the shorter of
    /// the shape and `reps` is padded with leading 1s.
    public func tiled(_ reps: [Int]) throws -> Tensor {
        guard reps.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidArgument(operation: "tile", detail: "reps may not contain negative values, got \(reps)")
        }
        let rank = Swift.max(ndim, reps.count)
        let padded = Array(repeating: 1, count: rank - reps.count) + reps
        var result = try reshaped(Array(repeating: 1, count: rank - ndim) + shape)
        let finalShape = zip(result.shape, padded).map { Tensor.product(of: [$0, $1]) ?? Int.max }
        try Tensor.checkAllocation(finalShape, operation: "tile")
        for (axis, times) in padded.enumerated() where times != 1 {
            let length = result.shape[axis]
            result = try result.selecting((0..<times).flatMap { _ in 0..<length }, along: axis)
        }
        return result
    }

    // MARK: Axes of length 1, and swapping axes

    /// The tensor without the axes of length 1 (or only the ones given), like `np.squeeze`.
    public func squeezed(axes: [Int]? = nil) throws -> Tensor {
        guard let axes else { return try reshaped(shape.filter { $0 != 1 }) }
        let dropped = Set(try axes.map { try normalizedAxis($0, operation: "squeeze") })
        if let wide = dropped.sorted().first(where: { shape[$0] != 1 }) {
            throw TensorError.invalidArgument(operation: "squeeze",
                detail: "cannot select an axis to squeeze out which has size not equal to one (axis \(wide) has size \(shape[wide]))")
        }
        return try reshaped(shape.enumerated().filter { !dropped.contains($0.offset) }.map(\.element))
    }

    /// The tensor with new axes of length 1 at `axes` (positions in the result), like `np.expand_dims`.
    public func expandingDimensions(at axes: [Int]) throws -> Tensor {
        let rank = ndim + axes.count
        let positions = axes.map { $0 < 0 ? $0 + rank : $0 }
        if let bad = zip(axes, positions).first(where: { !(0..<rank).contains($0.1) }) {
            throw TensorError.invalidArgument(operation: "expand_dims",
                detail: "axis \(bad.0) is out of bounds for array of dimension \(rank)")
        }
        guard Set(positions).count == positions.count else {
            throw TensorError.invalidArgument(operation: "expand_dims", detail: "repeated axis in \(axes)")
        }
        var remaining = shape.makeIterator()
        return try reshaped((0..<rank).map { positions.contains($0) ? 1 : remaining.next()! })
    }

    /// The tensor with two axes exchanged, like `np.swapaxes`.
    public func swappingAxes(_ first: Int, _ second: Int) throws -> Tensor {
        var order = Array(0..<ndim)
        order.swapAt(try normalizedAxis(first, operation: "swapaxes"), try normalizedAxis(second, operation: "swapaxes"))
        return try transposed(order)
    }

    // MARK: Sorting

    /// The positions that sort each lane along `axis` (the last by default), like `np.argsort`
    /// with a stable sort: equal elements keep their order, NaN goes last. With no axis the
    /// flattened tensor is sorted.
    public func argsort(axis: Int? = -1) throws -> Tensor {
        let source = axis == nil ? flattened() : self
        guard source.ndim > 0 else { return Tensor(shape: [], int64s: [0]) }
        let lanes = Lanes(source.shape, axis: try source.normalizedAxis(axis ?? 0, operation: "argsort"))
        var positions = [Int64](repeating: 0, count: source.count)
        for (o, i) in lanes.all {
            let offsets = lanes.offsets(o, i)
            for (k, position) in source.sortedOrder(offsets).enumerated() { positions[offsets[k]] = Int64(position) }
        }
        return Tensor(shape: source.shape, int64s: positions)
    }

    /// The elements sorted along `axis` (the last by default), like `np.sort`; see `argsort`.
    public func sorted(axis: Int? = -1) throws -> Tensor {
        let source = axis == nil ? flattened() : self
        guard source.ndim > 0 else { return self }
        let lanes = Lanes(source.shape, axis: try source.normalizedAxis(axis ?? 0, operation: "sort"))
        var offsets = [Int](repeating: 0, count: source.count)
        for (o, i) in lanes.all {
            let lane = lanes.offsets(o, i)
            for (k, position) in source.sortedOrder(lane).enumerated() { offsets[lane[k]] = lane[position] }
        }
        return source.gathered(offsets, shape: source.shape)
    }

    /// The positions within `lane` (flat offsets) of its elements in ascending order.
    private func sortedOrder(_ lane: [Int]) -> [Int] {
        func order<E>(_ a: [E], _ less: (E, E) -> Bool) -> [Int] {
            lane.indices.sorted { i, j in
                less(a[lane[i]], a[lane[j]]) || !less(a[lane[j]], a[lane[i]]) && i < j
            }
        }
        switch storage {
        case .float64(let a): return order(a) { !$0.isNaN && ($1.isNaN || $0 < $1) }
        case .float32(let a): return order(a) { !$0.isNaN && ($1.isNaN || $0 < $1) }
        case .float16(let a): return order(a) { !$0.isNaN && ($1.isNaN || $0 < $1) }
        case .int64(let a): return order(a, <)
        case .uint8(let a): return order(a, <)
        case .bool(let a): return order(a) { !$0 && $1 }
        }
    }

    // MARK: Running sums and products

    /// The running sums along `axis` (of the flattened tensor when nil), like `np.cumsum`;
    /// bools and ints sum to int64, floats keep their dtype and add in order.
    public func cumulativeSum(axis: Int? = nil) throws -> Tensor {
        let source = axis == nil ? flattened() : self
        guard source.ndim > 0 else { return try source.reshaped([1]).cumulativeSum(axis: 0) }
        let lanes = Lanes(source.shape, axis: try source.normalizedAxis(axis ?? 0, operation: "cumsum"))
        func accumulate<E>(_ a: [E], _ add: (E, E) -> E) -> [E] {
            var result = a
            for (o, i) in lanes.all {
                let offsets = lanes.offsets(o, i)
                for (previous, next) in zip(offsets, offsets.dropFirst()) { result[next] = add(result[previous], a[next]) }
            }
            return result
        }
        switch source.storage {
        case .float64(let a): return Tensor(shape: source.shape, storage: .float64(accumulate(a, +)))
        case .float32(let a): return Tensor(shape: source.shape, floats: accumulate(a, +))
        case .int64(let a): return Tensor(shape: source.shape, int64s: accumulate(a, &+))
        case .bool, .uint8: return try source.astype(.int64).cumulativeSum(axis: axis)
        case .float16: return try source.astype(.float32).cumulativeSum(axis: axis).astype(.float16)
        }
    }

    /// The product of the elements along `axis` (all of them when nil), like `np.prod`:
    /// bools and ints multiply to int64 (wrapping on overflow, as numpy does), floats
    /// keep their dtype and multiply in order.
    public func product(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        if dtype == .bool || dtype == .uint8 { return try astype(.int64).product(axis: axis, keepdims: keepdims) }
        if dtype == .float16 { return try astype(.float32).product(axis: axis, keepdims: keepdims).astype(.float16) }
        let source = axis == nil ? flattened() : self
        let a = try axis.map { try normalizedAxis($0, operation: "prod") } ?? 0
        var resultShape = axis == nil ? [] : shape
        if axis != nil { if keepdims { resultShape[a] = 1 } else { resultShape.remove(at: a) } }
        if axis == nil && keepdims { resultShape = Array(repeating: 1, count: ndim) }
        let lanes = Lanes(source.shape, axis: a)
        func multiply<E>(_ values: [E], one: E, _ times: (E, E) -> E) -> [E] {
            lanes.all.map { o, i in lanes.offsets(o, i).reduce(one) { times($0, values[$1]) } }
        }
        switch source.storage {
        case .float64(let v): return Tensor(shape: resultShape, storage: .float64(multiply(v, one: 1, *)))
        case .float32(let v): return Tensor(shape: resultShape, floats: multiply(v, one: 1, *))
        case .int64(let v): return Tensor(shape: resultShape, int64s: multiply(v, one: 1, &*))
        case .bool, .uint8, .float16: preconditionFailure("\(dtype) is multiplied as \(dtype.computedAs ?? .int64)")
        }
    }

    // MARK: Rounding

    /// Each element rounded to `decimals` decimals, halves to even, like `np.round`/`np.around`:
    /// floats are multiplied by 10^decimals, rounded and divided back in their own dtype
    /// (divided and multiplied for negative decimals); integers are returned as they are
    /// for decimals ≥ 0 and rounded to tens, hundreds … for negative ones.
    public func rounded(decimals: Int) throws -> Tensor {
        func round<T: BinaryFloatingPoint>(_ a: [T]) -> [T] {
            let factor = T(pow(10.0, Double(Swift.abs(decimals))))
            if decimals == 0 { return a.map { $0.rounded(.toNearestOrEven) } }
            if decimals > 0 { return a.map { ($0 * factor).rounded(.toNearestOrEven) / factor } }
            return a.map { ($0 / factor).rounded(.toNearestOrEven) * factor }
        }
        switch storage {
        case .float64(let a): return Tensor(shape: shape, storage: .float64(round(a)))
        case .float32(let a): return Tensor(shape: shape, floats: round(a))
        case .float16: return try astype(.float32).rounded(decimals: decimals).astype(.float16)
        case .int64, .uint8, .bool:
            return decimals >= 0 ? self : try astype(.float64).rounded(decimals: decimals).astype(dtype)
        }
    }

    // MARK: Evenly spaced numbers

    /// `count` numbers from `start` to `stop` (included unless `endpoint` is false) as float64,
    /// computed as numpy's `linspace` does: `start + i * step`, the last one set to `stop`.
    public static func linspace(_ start: Double, _ stop: Double, count: Int, endpoint: Bool = true) throws -> Tensor {
        guard count >= 0 else {
            throw TensorError.invalidArgument(operation: "linspace", detail: "Number of samples, \(count), must be non-negative.")
        }
        try checkAllocation([count], operation: "linspace")
        return Tensor(shape: [count], storage: .float64(evenlySpaced(start, stop, count: count, endpoint: endpoint)))
    }
}

/// `count` numbers from `start` to `stop` (included unless `endpoint` is false) in T's own
/// arithmetic, as numpy's `linspace` computes them in its dtype: `start + i * step`, the
/// last one set to `stop`.
func evenlySpaced<T: BinaryFloatingPoint>(_ start: T, _ stop: T, count: Int, endpoint: Bool) -> [T] {
    let divisions = endpoint ? count - 1 : count
    let delta = stop - start
    let step = delta / T(divisions)
    var values = (0..<count).map { i -> T in
        let k = T(i)
        if divisions <= 0 { return k * delta + start }
        return (step == 0 ? k / T(divisions) * delta : k * step) + start
    }
    if endpoint && count > 1 { values[count - 1] = stop }
    return values
}
