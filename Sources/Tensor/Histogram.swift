/// numpy's `histogram` with a number of equal bins: how many elements fall in each bin.
extension Tensor {
    /// The counts (int64, `bins` of them) and the `bins + 1` edges of equal bins from the
    /// smallest element to the largest, or over `range` when given; every element of any
    /// shape counts, those outside the range (and NaN) do not. Each bin holds its left
    /// edge, the last one its right edge too. As in numpy, the edges are float32 for
    /// float32 elements (float16 for float16) and float64 otherwise, a range of one
    /// value is widened by 0.5 each way, and an element near an edge falls on the
    /// side numpy's own arithmetic puts it.
    public func histogram(bins: Int, range: (lower: Double, upper: Double)? = nil) throws -> (counts: Tensor, edges: Tensor) {
        guard bins > 0 else {
            throw TensorError.invalidArgument(operation: "histogram", detail: "`bins` must be positive, when an integer")
        }
        try Tensor.checkAllocation([bins + 1], operation: "histogram")
        switch storage {
        case .float32(let a):
            let (counts, edges) = try range.map { try EqualBins<Float>.count(a, bins, $0) } ?? EqualBins<Float>.count(a, bins)
            return (counts, Tensor(shape: [bins + 1], floats: edges))
        case .float16(let a):
            let (counts, edges) = try range.map { try EqualBins<Float16>.count(a, bins, $0) } ?? EqualBins<Float16>.count(a, bins)
            return (counts, Tensor(shape: [bins + 1], halves: edges))
        case .float64, .int64, .uint8, .bool:
            let (counts, edges) = try range.map { try EqualBins<Double>.count(doubles, bins, $0) } ?? EqualBins<Double>.count(doubles, bins)
            return (counts, Tensor(shape: [bins + 1], storage: .float64(edges)))
        }
    }
}

/// Counting into equal bins in the arithmetic numpy uses: elements and edges in the
/// elements' float type E, the outer edges in E when taken from the data and in
/// float64 when given as a range of Python numbers.
private enum EqualBins<E: BinaryFloatingPoint> {
    /// Bins over the elements' own smallest and largest values (over 0 to 1 when there are none).
    static func count(_ values: [E], _ bins: Int) throws -> (Tensor, [E]) {
        guard let lower = values.min(), let upper = values.max() else { return try count(values, bins, 0.0, 1.0) }
        guard !values.contains(where: \.isNaN), lower.isFinite, upper.isFinite else {
            let shown = values.contains(where: \.isNaN) ? ("nan", "nan") : (describe(lower), describe(upper))
            throw TensorError.invalidArgument(operation: "histogram",
                detail: "autodetected range of [\(shown.0), \(shown.1)] is not finite")
        }
        return try count(values, bins, lower, upper)
    }

    /// Bins over a range given as two numbers.
    static func count(_ values: [E], _ bins: Int, _ range: (lower: Double, upper: Double)) throws -> (Tensor, [E]) {
        guard range.lower <= range.upper else {
            throw TensorError.invalidArgument(operation: "histogram", detail: "max must be larger than min in range parameter.")
        }
        guard range.lower.isFinite, range.upper.isFinite else {
            throw TensorError.invalidArgument(operation: "histogram",
                detail: "supplied range of [\(describe(range.lower)), \(describe(range.upper))] is not finite")
        }
        return try count(values, bins, range.lower, range.upper)
    }

    /// numpy's fast path for equal bins: an element's bin is (x - lower) / (upper - lower) · bins,
    /// truncated, then moved by one where that lands it on the wrong side of an edge.
    private static func count<R: BinaryFloatingPoint>(_ values: [E], _ bins: Int, _ lower: R, _ upper: R) throws -> (Tensor, [E]) {
        let (first, last) = lower == upper ? (lower - 0.5, upper + 0.5) : (lower, upper)
        let edges = evenlySpaced(first, last, count: bins + 1, endpoint: true).map { E($0) }
        guard zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw TensorError.invalidArgument(operation: "histogram",
                detail: "Too many bins for data range. Cannot create \(bins) finite-sized bins.")
        }
        let width = last - first, (low, high) = (E(first), E(last))
        var counts = [Int64](repeating: 0, count: bins)
        for x in values where x >= low && x <= high {
            let position = R(x - low) / width * R(bins)   // in 0...bins, or inf where x - low overflows E
            var bin = position < R(bins) ? Int(position) : bins - 1
            if x < edges[bin] { bin -= 1 }
            if x >= edges[bin + 1] && bin != bins - 1 { bin += 1 }
            counts[bin] += 1
        }
        return (Tensor(shape: [bins], int64s: counts), edges)
    }

    /// A number as Python prints it: 1.0, inf, nan.
    private static func describe<T: BinaryFloatingPoint>(_ x: T) -> String {
        "\(x)"
    }
}
