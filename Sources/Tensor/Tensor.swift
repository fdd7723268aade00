/// An n-dimensional array that behaves like a numpy `ndarray`.
///
/// Storage is one contiguous, row-major Swift array in a buffer object. For Swift
/// code a `Tensor` is a value: copying it is cheap and the elements are copied only
/// when one of the copies is written to (copy-on-write). The notebook language
/// also needs numpy's aliasing, where `b = a; b += 1` changes `a` too: the
/// `…Shared` methods write into the buffer that every copy of the tensor holds.
///
/// Shape letters used in comments across mlplab: N = batch size, D = input
/// features (784 for MNIST), H = hidden units, C = classes (10).
public struct Tensor {
    /// The extent of each axis, outermost first: `(60000, 784)` is `[60000, 784]`.
    public internal(set) var shape: [Int]
    /// The buffer that holds the elements; copies of the tensor share it.
    private var buffer: TensorBuffer

    /// The elements in row-major order, in the tensor's dtype. Writing them gives
    /// this tensor a buffer of its own first when another copy shares it.
    public internal(set) var storage: TensorStorage {
        get { buffer.storage }
        _modify {
            if !isKnownUniquelyReferenced(&buffer) { buffer = TensorBuffer(buffer.storage) }
            yield &buffer.storage
        }
    }

    /// Wraps `storage` as a tensor of `shape`; the shape must be valid (`Tensor.elementCount`)
    /// and its element count must match. Code that makes a shape from input checks it first
    /// with `Tensor.checkAllocation`, which throws.
    public init(shape: [Int], storage: TensorStorage) {
        precondition((try? Tensor.elementCount(shape, operation: "Tensor")) == storage.count,
                     "shape \(shape) does not hold the \(storage.count) elements of the storage")
        self.shape = shape
        self.buffer = TensorBuffer(storage)
    }

    /// A tensor with the same elements in a buffer of its own, as numpy's `copy()`: a
    /// shared write to either leaves the other alone. The elements are copied only when
    /// one of the two is written to.
    public func copy() -> Tensor { Tensor(shape: shape, storage: storage) }

    /// True when both tensors hold the same buffer, so that a shared write to one is seen in
    /// the other (numpy's `np.shares_memory` for whole arrays).
    public func sharesElements(with other: Tensor) -> Bool { buffer === other.buffer }

    /// Runs `body` on a tensor that holds this tensor's elements alone, then puts the
    /// elements it leaves back into the shared buffer, where every copy sees them. The
    /// elements are moved, not copied: while `body` runs, the buffer holds none.
    private mutating func updateShared(_ body: (inout Tensor) throws -> Void) rethrows {
        var own = Tensor(shape: shape, storage: buffer.storage)
        buffer.storage = buffer.storage.emptied
        defer { buffer.storage = own.storage }
        try body(&own)
    }

    /// `x[indices] = value`, written where every copy of `x` sees it, as numpy does.
    public mutating func assignShared(_ indices: [TensorIndex], _ value: Tensor) throws {
        // `x[...] = x` reads the buffer that the write empties for a moment: read a copy.
        let value = value.sharesElements(with: self) ? value.copy() : value
        try updateShared { try $0.assign(indices, value) }
    }

    /// Replaces the elements with `result`'s, where every copy sees them: `x += y`
    /// computes `x + y` and stores it into `x`, as numpy's in-place operators do. The
    /// result must have `x`'s shape, and its dtype is cast to `x`'s under numpy's
    /// "same kind" rule (float64 into float32 is allowed, a float into an integer is not).
    public mutating func storeShared(_ result: Tensor, operation: String) throws {
        guard result.shape == shape else {
            throw TensorError.shapeMismatch(operation: operation, detail:
                "the array of shape \(formatShape(shape)) cannot hold the result of shape \(formatShape(result.shape)) in place")
        }
        guard DType.castsSameKind(result.dtype, to: dtype) else {
            throw TensorError.invalidArgument(operation: operation, detail:
                "cannot cast the result from dtype('\(result.dtype)') to dtype('\(dtype)') with casting rule 'same_kind'")
        }
        buffer.storage = result.astype(dtype).storage
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

    /// Bytes per element, as numpy stores them (numpy's `itemsize`).
    public var itemSize: Int {
        switch self {
        case .bool, .uint8: return 1
        case .float16: return 2
        case .float32: return 4
        case .int64, .float64: return 8
        }
    }

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

    /// numpy's "same kind" casting: to a wider or equal kind (bool < integer < float), or
    /// within the same kind (float64 into float32). In-place operators cast their result so.
    public static func castsSameKind(_ source: DType, to target: DType) -> Bool {
        source.kind <= target.kind
    }
}

/// The box that holds a tensor's elements. Copies of a tensor share it until one of them
/// is written to with Swift's copy-on-write, or for good with a shared write.
final class TensorBuffer {
    var storage: TensorStorage
    init(_ storage: TensorStorage) { self.storage = storage }
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

    /// No elements, in the same dtype: what a buffer holds while its elements are moved out.
    var emptied: TensorStorage {
        switch self {
        case .float64: return .float64([])
        case .float32: return .float32([])
        case .float16: return .float16([])
        case .int64: return .int64([])
        case .uint8: return .uint8([])
        case .bool: return .bool([])
        }
    }
}
