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
            let elements = Tensor.product(of: shape).map(String.init) ?? "more than \(Int.max)"
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
    /// A task-local value rather than a global: a test lowers it for the code it runs,
    /// `Tensor.$maxElements.withValue(1000) { … }`, and nothing else sees the change.
    @TaskLocal public static var maxElements = 1 << 28

    /// numpy's limit on the number of axes of an array.
    public static let maxDimensions = 64

    /// The number of elements of a tensor of `shape`, after checking that `shape` is one a
    /// tensor may have: at most `maxDimensions` axes, no negative dimension, and, as in numpy,
    /// non-zero dimensions whose product fits in an `Int` even when another dimension is 0
    /// (`(0, 2**62, 2**62)` is refused; without a 0 the error is `tooLarge`). Every stride and every product of some of the
    /// dimensions of such a shape fits in an `Int` too, so the code that walks tensors need
    /// not check for overflow. This is the one place where a shape becomes an element count.
    @discardableResult
    public static func elementCount(_ shape: [Int], operation: String) throws -> Int {
        guard shape.count <= maxDimensions else {
            throw TensorError.invalidArgument(operation: operation,
                detail: "maximum supported dimension for an ndarray is \(maxDimensions), found \(shape.count)")
        }
        if let negative = shape.first(where: { $0 < 0 }) {
            throw TensorError.invalidArgument(operation: operation,
                detail: "negative dimension \(negative) in shape \(formatShape(shape))")
        }
        guard let nonZeroProduct = product(of: shape.lazy.filter { $0 != 0 }) else {
            guard shape.contains(0) else { throw TensorError.tooLarge(shape: shape, limit: maxElements) }
            throw TensorError.invalidArgument(operation: operation,
                detail: "array is too big: the dimensions of \(formatShape(shape)) other than 0 multiply to more than \(Int.max)")
        }
        return shape.contains(0) ? 0 : nonZeroProduct
    }

    /// Throws `tooLarge` if a tensor of `shape` would exceed `maxElements`, and
    /// `invalidArgument` for a shape no tensor may have (see `elementCount`);
    /// returns the number of elements.
    @discardableResult
    public static func checkAllocation(_ shape: [Int], operation: String) throws -> Int {
        let count = try elementCount(shape, operation: operation)
        guard count <= maxElements else { throw TensorError.tooLarge(shape: shape, limit: maxElements) }
        return count
    }

    /// The product of `dimensions`, or nil when it overflows an `Int`.
    static func product<Dimensions: Sequence<Int>>(of dimensions: Dimensions) -> Int? {
        var product = 1
        for dim in dimensions {
            let (next, overflow) = product.multipliedReportingOverflow(by: dim)
            if overflow { return nil }
            product = next
        }
        return product
    }
}
