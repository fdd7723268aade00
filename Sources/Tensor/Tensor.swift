/// An n-dimensional array that behaves like a numpy `ndarray`.
///
/// Storage is one contiguous, row-major Swift array, so a `Tensor` is a value:
/// copying it is cheap and the elements are copied only when one of the copies
/// is written to (Swift's copy-on-write arrays).
///
/// Shape letters used in comments across mlplab: N = batch size, D = input
/// features (784 for MNIST), H = hidden units, C = classes (10).
public struct Tensor {
    /// The extent of each axis, outermost first: `(60000, 784)` is `[60000, 784]`.
    public internal(set) var shape: [Int]
    /// The elements in row-major order, in the tensor's dtype.
    public internal(set) var storage: TensorStorage

    /// Wraps `storage` as a tensor of `shape`; the shape must be valid (`Tensor.elementCount`)
    /// and its element count must match. Code that makes a shape from input checks it first
    /// with `Tensor.checkAllocation`, which throws.
    public init(shape: [Int], storage: TensorStorage) {
        precondition((try? Tensor.elementCount(shape, operation: "Tensor")) == storage.count,
                     "shape \(shape) does not hold the \(storage.count) elements of the storage")
        self.shape = shape
        self.storage = storage
    }

    public var dtype: DType { storage.dtype }
    public var ndim: Int { shape.count }
    /// The number of elements (numpy's `size`).
    public var count: Int { storage.count }
}

/// numpy's dtypes that mlplab supports.
public enum DType: String, CaseIterable, Sendable {
    case bool, int64, float32, float64

    /// numpy's promotion rule for a binary operation between two arrays:
    /// the wider of the two, except that int64 with float32 gives float64
    /// (int64 values do not fit float32's 24-bit mantissa).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if Set([a, b]) == [.int64, .float32] { return .float64 }
        return max(a, b)
    }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
}

extension DType: Comparable {
    /// bool < int64 < float32 < float64.
    public static func < (a: DType, b: DType) -> Bool { a.rank < b.rank }
    private var rank: Int {
        switch self {
        case .bool: return 0
        case .int64: return 1
        case .float32: return 2
        case .float64: return 3
        }
    }
}

/// The elements of a tensor, one case per dtype.
public enum TensorStorage {
    case float64([Double])
    case float32([Float])
    case int64([Int64])
    case bool([Bool])

    public var dtype: DType {
        switch self {
        case .float64: return .float64
        case .float32: return .float32
        case .int64: return .int64
        case .bool: return .bool
        }
    }

    public var count: Int {
        switch self {
        case .float64(let a): return a.count
        case .float32(let a): return a.count
        case .int64(let a): return a.count
        case .bool(let a): return a.count
        }
    }
}
