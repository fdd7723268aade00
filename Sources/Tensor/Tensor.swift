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

/// numpy's dtypes that mlplab supports: uint8 holds bytes and pixels, float16 is a
/// storage format whose arithmetic is done in float32 and rounded back, as numpy does.
public enum DType: String, CaseIterable, Sendable {
    case bool, uint8, int64, float16, float32, float64

    /// bool, integer or floating point: the kinds numpy 2 compares first.
    public enum Kind: Int, Comparable, Sendable {
        case bool, integer, floatingPoint
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind {
        switch self {
        case .bool: return .bool
        case .uint8, .int64: return .integer
        case .float16, .float32, .float64: return .floatingPoint
        }
    }

    /// numpy 2's promotion rule for a binary operation between two arrays, the one place
    /// mlplab decides a result's dtype: within a kind the wider dtype; bool with anything
    /// the other; an integer with a float the narrowest float at least as wide as the
    /// float and able to hold every value of the integer (uint8 + float16 is float16,
    /// int64 + float32 is float64, since int64 values do not fit float32's mantissa).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a.kind == b.kind { return max(a, b) }
        let (low, high) = a.kind < b.kind ? (a, b) : (b, a)
        if low.kind == .bool { return high }
        return max(high, low == .uint8 ? .float16 : .float64)
    }

    /// numpy 2's rule (NEP 50) for an array of dtype `array` beside a Python number of
    /// dtype `number` (bool, int64 or float64): the number is "weak" and takes the
    /// array's dtype unless its kind is higher (`uint8_array + 1` stays uint8,
    /// `int_array * 0.5` becomes float64).
    public static func ofNumber(_ number: DType, beside array: DType) -> DType {
        number.kind <= array.kind ? array : number
    }

    public var isFloatingPoint: Bool { kind == .floatingPoint }

    /// The dtype arithmetic on this storage-only dtype is done in, as numpy's loops do:
    /// int64 for uint8 (the result keeps its low 8 bits), float32 for float16 (the result
    /// is rounded back to float16); nil for the dtypes that compute in themselves.
    public var computedAs: DType? {
        switch self {
        case .uint8: return .int64
        case .float16: return .float32
        default: return nil
        }
    }
}

extension DType: Comparable {
    /// bool < uint8 < int64 < float16 < float32 < float64.
    public static func < (a: DType, b: DType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The elements of a tensor, one case per dtype.
public enum TensorStorage {
    case float64([Double])
    case float32([Float])
    case float16([Float16])
    case int64([Int64])
    case uint8([UInt8])
    case bool([Bool])

    public var dtype: DType {
        switch self {
        case .float64: return .float64
        case .float32: return .float32
        case .float16: return .float16
        case .int64: return .int64
        case .uint8: return .uint8
        case .bool: return .bool
        }
    }

    public var count: Int {
        switch self {
        case .float64(let a): return a.count
        case .float32(let a): return a.count
        case .float16(let a): return a.count
        case .int64(let a): return a.count
        case .uint8(let a): return a.count
        case .bool(let a): return a.count
        }
    }
}
