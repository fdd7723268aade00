/// numpy indexing: integers, slices, `newaxis`, integer index arrays and boolean masks.
public enum TensorIndex {
    /// One position on an axis; the axis disappears from the result (`x[0]`).
    case int(Int)
    /// `start:stop:step` with numpy's defaults and negative counting (`x[0:5]`, `x[:, ::2]`).
    case slice(start: Int?, stop: Int?, step: Int?)
    /// An int64 index array (`x[idx]`, a mini-batch) or a boolean mask (`g[h <= 0]`). A 0-d
    /// mask takes no axis and adds one of length 1 (true) or 0 (false), as in numpy.
    case tensor(Tensor)
    /// A new axis of extent 1 (`x[:, None]`).
    case newAxis

    /// `:` — the whole axis.
    public static var all: TensorIndex { .slice(start: nil, stop: nil, step: nil) }
}

/// The positions a slice selects on one axis: `first`, `first + step`, …, `count` of them.
/// Python's lists and numpy's arrays clamp a slice the same way; this is the one place that does it.
public struct SlicePositions {
    public var first: Int
    public var step: Int
    public var count: Int

    /// The positions `start:stop:step` selects on an axis of `size`, with numpy's clamping
    /// (counted, not listed).
    public init(start: Int?, stop: Int?, step: Int?, size: Int) throws {
        let step = step ?? 1
        guard step != 0 else { throw TensorError.invalidArgument(operation: "index", detail: "slice step cannot be zero") }
        func clamp(_ v: Int, _ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(v, low), high) }
        let from: Int, to: Int
        if step > 0 {
            from = clamp(start.map { $0 < 0 ? $0 + size : $0 } ?? 0, 0, size)
            to = clamp(stop.map { $0 < 0 ? $0 + size : $0 } ?? size, 0, size)
        } else {
            from = clamp(start.map { $0 < 0 ? $0 + size : $0 } ?? size - 1, -1, size - 1)
            to = clamp(stop.map { $0 < 0 ? $0 + size : $0 } ?? -1, -1, size - 1)
        }
        // The distance is at most size + 1, so it and the count fit in an Int.
        let distance = step > 0 ? to - from : from - to
        self.first = from
        self.step = step
        self.count = distance > 0 ? Int((UInt(distance) - 1) / step.magnitude) + 1 : 0
    }

    /// Every position, in order.
    public var positions: [Int] { (0..<count).map { first + $0 * step } }
}

/// Where the selected elements live: `shape` is the result's shape and each
/// entry of `starts` begins a run of `blockLength` contiguous source elements.
struct Selection {
    var shape: [Int]
    var starts: [Int]
    var blockLength: Int
}

extension Tensor {
    /// The elements selected by `indices`, like `x[indices]` in numpy.
    public func index(_ indices: [TensorIndex]) throws -> Tensor {
        picking(try select(indices))
    }

    /// The rows at `positions` (along the first axis), in that order: `x[positions]` for an
    /// int64 index array, as a mini-batch's inputs and labels are taken, without the general
    /// indexing's bookkeeping. Negative positions count from the end, as in numpy.
    public func rows(at positions: [Int64]) throws -> Tensor {
        guard let count = shape.first else {
            throw TensorError.invalidArgument(operation: "index", detail: "a 0-d tensor has no rows to pick")
        }
        let rowLength = shape.dropFirst().reduce(1, *)
        let starts = try positions.map { position -> Int in
            let row = position < 0 ? Int(position) + count : Int(position)
            guard row >= 0 && row < count else { throw TensorError.indexOutOfRange(index: Int(position), axis: 0, size: count) }
            return row * rowLength
        }
        return picking(Selection(shape: [positions.count] + shape.dropFirst(), starts: starts, blockLength: rowLength))
    }

    /// The elements `selection` names, in a tensor of its shape.
    private func picking(_ selection: Selection) -> Tensor {
        func pick<E>(_ a: [E]) -> [E] {
            let n = selection.blockLength
            return [E](unsafeUninitializedCapacity: selection.starts.count * n) { out, initialized in
                a.withUnsafeBufferPointer { src in
                    var o = 0
                    for start in selection.starts {
                        (out.baseAddress! + o).initialize(from: src.baseAddress! + start, count: n)
                        o += n
                    }
                }
                initialized = selection.starts.count * n
            }
        }
        switch storage {
        case .float64(let a): return Tensor(shape: selection.shape, storage: .float64(pick(a)))
        case .float32(let a): return Tensor(shape: selection.shape, storage: .float32(pick(a)))
        case .int64(let a): return Tensor(shape: selection.shape, storage: .int64(pick(a)))
        case .bool(let a): return Tensor(shape: selection.shape, storage: .bool(pick(a)))
        case .uint8(let a): return Tensor(shape: selection.shape, storage: .uint8(pick(a)))
        case .float16(let a): return Tensor(shape: selection.shape, storage: .float16(pick(a)))
        }
    }

    /// Writes `value` (broadcast to the selection's shape, cast to this tensor's
    /// dtype) into the elements selected by `indices`: `x[0, 1] = 5`, `g[h <= 0] = 0`.
    public mutating func assign(_ indices: [TensorIndex], _ value: Tensor) throws {
        let selection = try select(indices)
        let source = try value.astype(dtype).droppingLeadingUnitAxes(downTo: selection.shape.count)
            .broadcast(to: selection.shape)
        func write<E>(_ dst: UnsafeMutableBufferPointer<E>, _ v: [E]) {
            let n = selection.blockLength
            v.withUnsafeBufferPointer { src in
                for (k, start) in selection.starts.enumerated() {
                    (dst.baseAddress! + start).update(from: src.baseAddress! + k * n, count: n)
                }
            }
        }
        switch source.storage {
        case .float64(let v): withMutableElements(TensorStorage.doubles, TensorStorage.float64) { write($0, v) }
        case .float32(let v): withMutableElements(TensorStorage.floats, TensorStorage.float32) { write($0, v) }
        case .int64(let v): withMutableElements(TensorStorage.int64s, TensorStorage.int64) { write($0, v) }
        case .bool(let v): withMutableElements(TensorStorage.bools, TensorStorage.bool) { write($0, v) }
        case .uint8(let v): withMutableElements(TensorStorage.bytes, TensorStorage.uint8) { write($0, v) }
        case .float16(let v): withMutableElements(TensorStorage.halves, TensorStorage.float16) { write($0, v) }
        }
    }

    /// numpy's assignment rule: a value with more axes than the selection fits it when the
    /// extra leading axes have length 1 (`a[:, :] = ones((1, 3, 2))` into a (3, 2) `a`).
    private func droppingLeadingUnitAxes(downTo rank: Int) throws -> Tensor {
        let extra = shape.prefix(Swift.max(0, ndim - rank)).prefix { $0 == 1 }.count
        return extra == 0 ? self : try reshaped(Array(shape.dropFirst(extra)))
    }

    /// One piece of the result: its dimensions and the source-offset
    /// contribution of each of its positions, listed only when the result is
    /// not empty (`x[::-1]` of a (2**40, 0) tensor lists no 2**40 positions).
    private struct Component {
        var dims: [Int]
        var contributions: () -> [Int]
    }

    /// Resolves numpy indices into the source offsets of the selected elements.
    func select(_ rawIndices: [TensorIndex]) throws -> Selection {
        let indices = try expandedIndices(rawIndices)
        let strides = Tensor.rowMajorStrides(shape)
        var base = 0
        var components: [Component] = []
        var advanced: [(axis: Int?, values: Tensor)] = []
        var advancedSlot: Int?            // where the advanced block goes among the components
        var advancedContiguous = true
        var lastWasAdvanced = false
        var axis = 0

        for index in indices {
            switch index {
            case .int(let i):
                base += try position(i, axis: axis) * strides[axis]
                axis += 1
                lastWasAdvanced = false
            case .slice(let start, let stop, let step):
                let positions = try SlicePositions(start: start, stop: stop, step: step, size: shape[axis])
                let stride = strides[axis]
                components.append(Component(dims: [positions.count], contributions: {
                    (0..<positions.count).map { (positions.first + $0 * positions.step) * stride }
                }))
                axis += 1
                lastWasAdvanced = false
            case .newAxis:
                components.append(Component(dims: [1], contributions: { [0] }))
                lastWasAdvanced = false
            case .tensor(let t) where t.dtype == .bool && t.shape.isEmpty:
                // numpy's nonzero of a 0-d mask: one position (true) or none (false), on no axis.
                if advancedSlot == nil { advancedSlot = components.count } else if !lastWasAdvanced { advancedContiguous = false }
                advanced.append((nil, Tensor(shape: [t.bools[0] ? 1 : 0], int64s: t.bools[0] ? [0] : [])))
                lastWasAdvanced = true
            case .tensor(let mask) where mask.dtype == .bool:
                guard Array(shape[axis..<Swift.min(axis + mask.ndim, ndim)]) == mask.shape else {
                    throw TensorError.shapeMismatch(operation: "index",
                        detail: "boolean index of shape \(formatShape(mask.shape)) does not match the indexed axes \(formatShape(Array(shape[axis..<Swift.min(axis + mask.ndim, ndim)])))")
                }
                if advancedSlot == nil { advancedSlot = components.count } else if !lastWasAdvanced { advancedContiguous = false }
                for (k, coordinates) in Tensor.nonzero(mask).enumerated() {
                    advanced.append((axis + k, coordinates))
                }
                axis += mask.ndim
                lastWasAdvanced = true
            case .tensor(let t):
                guard t.dtype.kind == .integer else {
                    throw TensorError.invalidArgument(operation: "index",
                        detail: "arrays used as indices must be of integer or boolean type, got \(t.dtype.rawValue)")
                }
                if advancedSlot == nil { advancedSlot = components.count } else if !lastWasAdvanced { advancedContiguous = false }
                advanced.append((axis, t))
                axis += 1
                lastWasAdvanced = true
            }
        }
        if let slot = advancedSlot {
            let block = try advancedComponent(advanced, strides: strides)
            components.insert(block, at: advancedContiguous ? slot : 0)
        }
        return try Tensor.selection(base: base, components: components, trailing: Array(shape[axis...]))
    }

    /// Checks there are not too many indices and drops trailing `:` over whole
    /// axes, which select the same as leaving them out (and let the rows be
    /// copied as contiguous blocks).
    private func expandedIndices(_ indices: [TensorIndex]) throws -> [TensorIndex] {
        func axesConsumed(_ list: ArraySlice<TensorIndex>) -> Int {
            list.reduce(0) { total, index in
                switch index {
                case .newAxis: return total
                case .tensor(let t) where t.dtype == .bool: return total + t.ndim
                default: return total + 1
                }
            }
        }
        var kept = indices[...]
        let consumed = axesConsumed(kept)
        guard consumed <= ndim else {
            throw TensorError.invalidArgument(operation: "index",
                detail: "too many indices for array: array is \(ndim)-dimensional, but \(consumed) were indexed")
        }
        while case .slice(let start, let stop, let step)? = kept.last {
            let size = shape[axesConsumed(kept) - 1]
            let from = start ?? 0
            guard from == 0 || from <= -size, (stop ?? size) >= size, (step ?? 1) == 1 else { break }
            kept.removeLast()
        }
        return Array(kept)
    }

    private func position(_ i: Int, axis: Int) throws -> Int {
        let p = i < 0 ? i + shape[axis] : i
        guard p >= 0 && p < shape[axis] else { throw TensorError.indexOutOfRange(index: i, axis: axis, size: shape[axis]) }
        return p
    }

    /// The advanced-index block: index arrays broadcast together; position k
    /// contributes the sum over arrays of `array[k] * stride(axis)` (nothing for a 0-d mask's, on no axis).
    private func advancedComponent(_ arrays: [(axis: Int?, values: Tensor)], strides: [Int]) throws -> Component {
        var blockShape: [Int] = []
        for (_, values) in arrays {
            guard let s = Broadcast.shape(blockShape, values.shape) else {
                throw TensorError.shapeMismatch(operation: "index",
                    detail: "shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + arrays.map { formatShape($0.values.shape) }.joined(separator: " "))
            }
            blockShape = s
        }
        var contributions = [Int](repeating: 0, count: try Tensor.checkAllocation(blockShape, operation: "index"))
        for case let (axis?, values) in arrays {
            let spread = try values.broadcast(to: blockShape).int64s
            for (k, raw) in spread.enumerated() {
                contributions[k] += try position(Int(raw), axis: axis) * strides[axis]
            }
        }
        return Component(dims: blockShape, contributions: { contributions })
    }

    /// Combines the components into block start offsets. Trailing axes that no
    /// index touched stay contiguous and are copied as one block. The result's
    /// shape is checked before any offset is listed; an empty result lists none.
    private static func selection(base: Int, components: [Component], trailing: [Int]) throws -> Selection {
        let shape = components.flatMap(\.dims) + trailing
        guard try checkAllocation(shape, operation: "index") > 0 else {
            return Selection(shape: shape, starts: [], blockLength: 0)
        }
        var starts = [base]
        for component in components {
            let contributions = component.contributions()
            var next = [Int]()
            next.reserveCapacity(starts.count * contributions.count)
            for s in starts { for c in contributions { next.append(s + c) } }
            starts = next
        }
        // Contributions were computed with full strides; trailing axes form the block.
        return Selection(shape: shape, starts: starts, blockLength: trailing.reduce(1, *))
    }

    /// For each axis of `mask`, the coordinates of its true elements (`np.nonzero`).
    public static func nonzero(_ mask: Tensor) -> [Tensor] {
        let flags = mask.bools
        let strides = rowMajorStrides(mask.shape)
        let hits = flags.indices.filter { flags[$0] }
        return mask.shape.indices.map { axis in
            Tensor(shape: [hits.count], int64s: hits.map { Int64($0 / strides[axis] % mask.shape[axis]) })
        }
    }
}
