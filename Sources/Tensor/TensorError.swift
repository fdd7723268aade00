/// Everything that can go wrong in a tensor operation, with a message that
/// names the operation and the shapes involved.
public enum TensorError: Error, CustomStringConvertible, Equatable {
    /// Two shapes that the operation cannot combine, e.g. a matmul whose inner dimensions differ.
    case shapeMismatch(operation: String, detail: String)
    /// An argument outside what the operation accepts (an axis, a dtype, a reshape target).
    case invalidArgument(operation: String, detail: String)
    /// An index beyond the end of an axis.
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    /// An allocation larger than `Tensor.maxElements`, refused before it exhausts memory.
    case tooLarge(shape: [Int], limit: Int)

    public var description: String {
        switch self {
        case .shapeMismatch(let operation, let detail):
            return "\(operation): \(detail)"
        case .invalidArgument(let operation, let detail):
            return "\(operation): \(detail)"
        case .indexOutOfRange(let index, let axis, let size):
            return "index \(index) is out of bounds for axis \(axis) with size \(size)"
        case .tooLarge(let shape, let limit):
            let (count, overflow) = shape.reduce((1, false)) { acc, dim in
                let (product, o) = acc.0.multipliedReportingOverflow(by: dim)
                return (product, acc.1 || o)
            }
            let elements = overflow ? "more than \(Int.max)" : "\(count)"
            return "refusing to allocate \(formatShape(shape)) = \(elements) elements: "
                + "the limit is \(limit) elements (\(limit * 8 / (1 << 20)) MiB as float64)"
        }
    }
}

/// numpy's shape tuple: `(60000, 784)`, `(3,)`, `()`.
public func formatShape(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

extension Tensor {
    /// The largest tensor mlplab will allocate: 2^28 elements (2 GiB as float64).
    /// A learner's `zeros(100000, 100000)` is refused with a message instead of exhausting memory.
    public static var maxElements = 1 << 28

    /// Throws `tooLarge` if a tensor of `shape` would exceed `maxElements`, and
    /// `invalidArgument` for a negative dimension.
    public static func checkAllocation(_ shape: [Int], operation: String) throws {
        if let negative = shape.first(where: { $0 < 0 }) {
            throw TensorError.invalidArgument(operation: operation,
                                              detail: "negative dimension \(negative) in shape \(formatShape(shape))")
        }
        var count = 1
        for dim in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dim)
            if overflow || product > maxElements { throw TensorError.tooLarge(shape: shape, limit: maxElements) }
            count = product
        }
    }
}
