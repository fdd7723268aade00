import Foundation

/// Element-wise binary operations with numpy's broadcasting and type promotion.
public enum BinaryOp: String, CaseIterable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "**"
    case floorDivide = "//", remainder = "%"
    case maximum, minimum
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="

    public var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }
}

/// Element-wise functions of one tensor.
public enum UnaryOp: String, CaseIterable, Sendable {
    case negative, exp, log, sqrt, sin, cos, tanh, abs, sigmoid, relu, square

    /// Functions that turn integers into float64, as numpy's ufuncs do.
    var needsFloat: Bool {
        switch self {
        case .exp, .log, .sqrt, .sin, .cos, .tanh, .sigmoid: return true
        case .negative, .abs, .relu, .square: return false
        }
    }
}

extension Tensor {
    /// The dtype of `a op b` under numpy 2's rules (NEP 50). A weak operand is a
    /// Python-style number literal: it adopts the other operand's dtype when its
    /// kind (bool < integer < float) fits, so `float32_array * 2.0` stays float32
    /// and `int_array / 255` becomes float64.
    static func resultType(_ a: DType, weakA: Bool, _ b: DType, weakB: Bool) -> DType {
        if weakB && !weakA { return DType.ofNumber(b, beside: a) }
        if weakA && !weakB { return DType.ofNumber(a, beside: b) }
        return DType.promote(a, b)
    }

    /// Throws unless every weak (Python) integer beside a uint8 result fits uint8:
    /// numpy 2 refuses `uint8_array + 300` instead of wrapping the 300.
    private static func checkWeakIntegers(_ operands: [(Tensor, Bool)], fit dtype: DType) throws {
        guard dtype == .uint8 else { return }
        for (t, weak) in operands where weak && t.dtype == .int64 {
            if let value = t.int64s.first(where: { UInt8(exactly: $0) == nil }) {
                throw TensorError.invalidArgument(operation: "uint8 arithmetic",
                    detail: "Python integer \(value) out of bounds for uint8")
            }
        }
    }

    /// `a op b` element-wise, broadcasting the two shapes. Pass `weakA`/`weakB`
    /// for an operand that came from a number literal (see `resultType`).
    public static func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor,
                              weakA: Bool = false, weakB: Bool = false) throws -> Tensor {
        guard let shape = Broadcast.shape(a.shape, b.shape) else {
            throw TensorError.shapeMismatch(operation: opName(op),
                detail: "operands could not be broadcast together with shapes \(formatShape(a.shape)) \(formatShape(b.shape))")
        }
        try checkAllocation(shape, operation: opName(op))
        var common = resultType(a.dtype, weakA: weakA, b.dtype, weakB: weakB)
        if op == .divide && !common.isFloatingPoint { common = .float64 }
        if common == .bool && !op.isComparison { return try boolArithmetic(op, a, b, shape) }
        if let wide = common.computedAs {
            // uint8 wraps and float16 rounds: computing in int64 or float32 and storing back
            // gives numpy's values. The operands are cast to the result's dtype first, as numpy
            // casts a Python number (`half_array * 0.1` multiplies by float16(0.1)), except that
            // a comparison with uint8 compares a Python integer as it is (`x < 300`).
            if op.isComparison && common == .uint8 { return try binary(op, a.astype(wide), b.astype(wide)) }
            try checkWeakIntegers([(a, weakA), (b, weakB)], fit: common)
            let result = try binary(op, a.astype(common).astype(wide), b.astype(common).astype(wide))
            return op.isComparison ? result : result.astype(common)
        }

        switch common {
        case .float64:
            return try floatingBinary(op, a.doubles, a.shape, b.doubles, b.shape, shape, wrap: TensorStorage.float64)
        case .float32:
            return try floatingBinary(op, a.floats, a.shape, b.floats, b.shape, shape, wrap: TensorStorage.float32)
        case .int64:
            return try integerBinary(op, a.int64s, a.shape, b.int64s, b.shape, shape)
        case .uint8, .float16:
            preconditionFailure("\(common) is computed as \(common.computedAs!)")
        case .bool:
            let (x, y) = (a.bools, b.bools)
            let result: [Bool]
            switch op {
            case .equal: result = Broadcast.apply(x, a.shape, y, b.shape, shape) { $0 == $1 }
            case .notEqual: result = Broadcast.apply(x, a.shape, y, b.shape, shape) { $0 != $1 }
            default: return try binary(op, a.astype(.int64), b.astype(.int64))
            }
            return Tensor(shape: shape, bools: result)
        }
    }

    private static func opName(_ op: BinaryOp) -> String {
        switch op {
        case .maximum, .minimum: return op.rawValue
        default: return "operator \(op.rawValue)"
        }
    }

    private static func floatingBinary<T: BinaryFloatingPoint & ElementaryFunctions>(
        _ op: BinaryOp, _ x: [T], _ xShape: [Int], _ y: [T], _ yShape: [Int], _ shape: [Int],
        wrap: ([T]) -> TensorStorage
    ) throws -> Tensor {
        func map(_ f: (T, T) -> T) -> Tensor {
            Tensor(shape: shape, storage: wrap(Broadcast.apply(x, xShape, y, yShape, shape, f)))
        }
        switch op {
        case .add: return map(+)
        case .subtract: return map(-)
        case .multiply: return map(*)
        case .divide: return map(/)
        case .power: return map { T.pow($0, $1) }
        case .floorDivide: return map { floorDivision($0, $1).quotient }
        case .remainder: return map { floorDivision($0, $1).remainder }
        // numpy's maximum and minimum propagate NaN.
        case .maximum: return map { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
        case .minimum: return map { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
        default: return compared(op, x, xShape, y, yShape, shape)
        }
    }

    /// numpy's `divmod` for floats (`npy_divmod`): the remainder has the sign of the
    /// divisor, as in Python, and the quotient is the floor of a / b snapped to the
    /// nearest whole number; dividing by 0 gives a / b and fmod's NaN.
    static func floorDivision<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> (quotient: T, remainder: T) {
        var remainder = a.truncatingRemainder(dividingBy: b)
        guard b != 0 else { return (a / b, remainder) }
        var division = (a - remainder) / b
        if remainder != 0 {
            if (b < 0) != (remainder < 0) {
                remainder += b
                division -= 1
            }
        } else {
            remainder = T(signOf: b, magnitudeOf: 0)
        }
        guard division != 0 else { return (T(signOf: a / b, magnitudeOf: 0), remainder) }
        var quotient = division.rounded(.down)
        if division - quotient > 0.5 { quotient += 1 }
        return (quotient, remainder)
    }

    /// numpy's floor division and remainder for int64: rounded toward minus infinity,
    /// the remainder with the sign of the divisor; a divisor of 0 gives 0 for both, and
    /// Int64.min // -1 wraps to Int64.min, as numpy does (with a warning).
    static func integerFloorDivision(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
        guard b != 0 else { return (0, 0) }
        guard b != -1 else { return (0 &- a, 0) }
        var (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        if remainder != 0 && (remainder < 0) != (b < 0) {
            quotient -= 1
            remainder += b
        }
        return (quotient, remainder)
    }

    /// `x op y` for a comparison operator, as a bool tensor.
    private static func compared<T: Comparable>(_ op: BinaryOp, _ x: [T], _ xShape: [Int], _ y: [T], _ yShape: [Int],
                                                _ shape: [Int]) -> Tensor {
        func compare(_ f: (T, T) -> Bool) -> Tensor {
            Tensor(shape: shape, bools: Broadcast.apply(x, xShape, y, yShape, shape, f))
        }
        switch op {
        case .less: return compare(<)
        case .lessEqual: return compare(<=)
        case .greater: return compare(>)
        case .greaterEqual: return compare(>=)
        case .equal: return compare(==)
        case .notEqual: return compare(!=)
        default: preconditionFailure("\(op) is not a comparison")
        }
    }

    private static func integerBinary(_ op: BinaryOp, _ x: [Int64], _ xShape: [Int], _ y: [Int64], _ yShape: [Int],
                                      _ shape: [Int]) throws -> Tensor {
        func map(_ f: (Int64, Int64) -> Int64) -> Tensor {
            Tensor(shape: shape, int64s: Broadcast.apply(x, xShape, y, yShape, shape, f))
        }
        switch op {
        case .add: return map(&+)
        case .subtract: return map(&-)
        case .multiply: return map(&*)
        case .divide: preconditionFailure("integer division is promoted to float64 before this point")
        case .floorDivide: return map { integerFloorDivision($0, $1).quotient }
        case .remainder: return map { integerFloorDivision($0, $1).remainder }
        case .power:
            if y.contains(where: { $0 < 0 }) {
                throw TensorError.invalidArgument(operation: "operator **",
                    detail: "integers to negative integer powers are not allowed (write 2.0 ** -1)")
            }
            return map(integerPower)
        case .maximum: return map(Swift.max)
        case .minimum: return map(Swift.min)
        default: return compared(op, x, xShape, y, yShape, shape)
        }
    }

    /// numpy's bool arithmetic: `+` and maximum are logical or, `*` and minimum logical and.
    private static func boolArithmetic(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ shape: [Int]) throws -> Tensor {
        let (x, y) = (a.bools, b.bools)
        switch op {
        case .add, .maximum: return Tensor(shape: shape, bools: Broadcast.apply(x, a.shape, y, b.shape, shape) { $0 || $1 })
        case .multiply, .minimum: return Tensor(shape: shape, bools: Broadcast.apply(x, a.shape, y, b.shape, shape) { $0 && $1 })
        case .subtract:
            throw TensorError.invalidArgument(operation: "operator -",
                detail: "subtracting booleans is not supported; convert with astype(\"int64\") first")
        default: return try binary(op, a.astype(.int64), b.astype(.int64))
        }
    }

    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try binary(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try binary(.subtract, a, b) }
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try binary(.multiply, a, b) }
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try binary(.divide, a, b) }

    // A plain number beside a tensor follows numpy's weak-scalar rule: it takes the tensor's
    // kind, so `(p - t) / n` and `1 - y` on float32 stay float32, as they do in numpy.
    public static func + (a: Tensor, x: Double) throws -> Tensor { try binary(.add, a, Tensor(scalar: x), weakB: true) }
    public static func - (a: Tensor, x: Double) throws -> Tensor { try binary(.subtract, a, Tensor(scalar: x), weakB: true) }
    public static func * (a: Tensor, x: Double) throws -> Tensor { try binary(.multiply, a, Tensor(scalar: x), weakB: true) }
    public static func / (a: Tensor, x: Double) throws -> Tensor { try binary(.divide, a, Tensor(scalar: x), weakB: true) }
    public static func + (x: Double, a: Tensor) throws -> Tensor { try binary(.add, Tensor(scalar: x), a, weakA: true) }
    public static func - (x: Double, a: Tensor) throws -> Tensor { try binary(.subtract, Tensor(scalar: x), a, weakA: true) }
    public static func * (x: Double, a: Tensor) throws -> Tensor { try binary(.multiply, Tensor(scalar: x), a, weakA: true) }
    public static func / (x: Double, a: Tensor) throws -> Tensor { try binary(.divide, Tensor(scalar: x), a, weakA: true) }

    // MARK: Unary

    /// `op` applied to every element. exp, log, sqrt, tanh and sigmoid turn
    /// integers into float64; the rest keep the dtype.
    public func unary(_ op: UnaryOp) throws -> Tensor {
        if dtype == .uint8 && op.needsFloat { return try astype(.float16).unary(op) }
        if let wide = dtype.computedAs { return try astype(wide).unary(op).astype(dtype) }
        switch (storage, op.needsFloat) {
        case (.float64(let a), _): return Tensor(shape: shape, storage: .float64(Tensor.applied(op, a)))
        case (.float32(let a), _): return Tensor(shape: shape, floats: Tensor.applied(op, a))
        case (_, true): return try astype(.float64).unary(op)
        case (.int64(let a), false):
            switch op {
            case .negative: return Tensor(shape: shape, int64s: a.map { 0 &- $0 })
            case .abs: return Tensor(shape: shape, int64s: a.map { $0 < 0 ? 0 &- $0 : $0 })
            case .relu: return Tensor(shape: shape, int64s: a.map { Swift.max($0, 0) })
            default: return Tensor(shape: shape, int64s: a.map { $0 &* $0 })
            }
        case (.bool, false):
            if op == .negative {
                throw TensorError.invalidArgument(operation: "negative",
                    detail: "the - operator is not supported on booleans; use astype(\"int64\") first")
            }
            return op == .square ? try astype(.int64).unary(op) : self
        case (.uint8, _), (.float16, _):
            preconditionFailure("\(dtype) is computed as \(dtype.computedAs!)")
        }
    }

    /// `op` applied to each element (one loop per function, so each is inlined).
    private static func applied<T: BinaryFloatingPoint & ElementaryFunctions>(_ op: UnaryOp, _ a: [T]) -> [T] {
        switch op {
        case .negative: return a.map { -$0 }
        case .exp: return a.map { T.exp($0) }
        case .log: return a.map { T.log($0) }
        case .sqrt: return a.map { $0.squareRoot() }
        case .sin: return a.map { T.sin($0) }
        case .cos: return a.map { T.cos($0) }
        case .tanh: return a.map { T.tanh($0) }
        case .abs: return a.map { Swift.abs($0) }
        case .square: return a.map { $0 * $0 }
        case .relu: return rectified(a)
        case .sigmoid: return a.map(stableSigmoid)
        }
    }

    /// max(x, 0) element by element, NaN kept (numpy's maximum), in one
    /// branch-free loop over the buffer that the compiler turns into vector code:
    /// one comparison, false for NaN, so NaN passes through with the positives.
    private static func rectified<T: BinaryFloatingPoint>(_ a: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: a.count) { out, initialized in
            a.withUnsafeBufferPointer { pa in
                for i in 0..<pa.count {
                    let x = pa[i]
                    (out.baseAddress! + i).initialize(to: x <= 0 ? 0 : x)
                }
            }
            initialized = a.count
        }
    }

    /// This tensor where `reference` is positive and 0 elsewhere: ReLU's
    /// backward pass, dOut passed through where the forward output was positive.
    /// Both tensors must have the same shape.
    public func keepingWherePositive(_ reference: Tensor) throws -> Tensor {
        guard shape == reference.shape else {
            throw TensorError.shapeMismatch(operation: "relu backward",
                detail: "the gradient \(formatShape(shape)) and the layer's output \(formatShape(reference.shape)) differ")
        }
        switch (storage, reference.storage) {
        case (.float32(let g), .float32(let r)): return Tensor(shape: shape, floats: Tensor.kept(g, wherePositive: r))
        case (.float64(let g), .float64(let r)): return Tensor(shape: shape, storage: .float64(Tensor.kept(g, wherePositive: r)))
        default:
            let positive = try Tensor.binary(.greater, reference, Tensor(scalar: 0), weakB: true)
            return try Tensor.where_(positive, self, Tensor(scalar: 0).astype(dtype))
        }
    }

    /// g[i] where r[i] > 0, else 0, in one branch-free loop (vector code).
    private static func kept<T: BinaryFloatingPoint>(_ g: [T], wherePositive r: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: g.count) { out, initialized in
            g.withUnsafeBufferPointer { pg in
                r.withUnsafeBufferPointer { pr in
                    for i in 0..<pg.count {
                        let (gradient, output) = (pg[i], pr[i])   // both loaded, so the choice is a select, not a branch
                        (out.baseAddress! + i).initialize(to: output > 0 ? gradient : 0)
                    }
                }
            }
            initialized = g.count
        }
    }

    /// Clamps every element to [min, max], like `np.clip`: `minimum(maximum(x, min), max)`, so the
    /// dtype follows numpy's promotion. A weak bound is a plain Python number, which takes x's dtype
    /// when it is of the same kind (an int64 x clipped to 1 and 4 stays int64; to 1.5 becomes float64).
    public func clip(min lower: Tensor?, max upper: Tensor?, weakMin: Bool = false, weakMax: Bool = false) throws -> Tensor {
        var result = self
        if let lower { result = try Tensor.binary(.maximum, result, lower, weakB: weakMin) }
        if let upper { result = try Tensor.binary(.minimum, result, upper, weakB: weakMax) }
        return result
    }

    /// Elements of `a` where `mask` is true and of `b` elsewhere, all three broadcast together (`np.where`).
    public static func where_(_ mask: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard let ab = Broadcast.shape(a.shape, b.shape), let shape = Broadcast.shape(mask.shape, ab) else {
            throw TensorError.shapeMismatch(operation: "where",
                detail: "could not broadcast \(formatShape(mask.shape)), \(formatShape(a.shape)) and \(formatShape(b.shape)) together")
        }
        let dtype = DType.promote(a.dtype, b.dtype)
        let m = try mask.astype(.bool).broadcast(to: shape).bools
        let x = try a.astype(dtype).broadcast(to: shape), y = try b.astype(dtype).broadcast(to: shape)
        switch (x.storage, y.storage) {
        case (.float64(let p), .float64(let q)): return Tensor(shape: shape, storage: .float64(choose(m, p, q)))
        case (.float32(let p), .float32(let q)): return Tensor(shape: shape, floats: choose(m, p, q))
        case (.int64(let p), .int64(let q)): return Tensor(shape: shape, int64s: choose(m, p, q))
        default: return Tensor(shape: shape, bools: choose(m, x.bools, y.bools))
        }
    }

    private static func choose<E>(_ mask: [Bool], _ a: [E], _ b: [E]) -> [E] {
        mask.indices.map { mask[$0] ? a[$0] : b[$0] }
    }
}

/// 1 / (1 + e^-x), computed so that neither tail overflows: for negative x
/// the equal form e^x / (1 + e^x) is used, so `sigmoid([0, 1000, -1000])` is `[0.5, 1, 0]`.
@inline(__always)
func stableSigmoid<T: BinaryFloatingPoint & ElementaryFunctions>(_ x: T) -> T {
    if x >= 0 { return 1 / (1 + T.exp(-x)) }
    let e = T.exp(x)
    return e / (1 + e)
}

/// base ** exponent for non-negative integer exponents, by repeated squaring (wrapping like numpy).
private func integerPower(_ base: Int64, _ exponent: Int64) -> Int64 {
    var result: Int64 = 1, b = base, e = exponent
    while e > 0 {
        if e & 1 == 1 { result = result &* b }
        b = b &* b
        e >>= 1
    }
    return result
}

/// The elementary functions mlplab needs, for Float and Double alike.
public protocol ElementaryFunctions {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
}

extension Double: ElementaryFunctions {
    public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    public static func log(_ x: Double) -> Double { Foundation.log(x) }
    public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}

extension Float: ElementaryFunctions {
    public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
    public static func log(_ x: Float) -> Float { Foundation.logf(x) }
    public static func tanh(_ x: Float) -> Float { Foundation.tanhf(x) }
    public static func sin(_ x: Float) -> Float { Foundation.sinf(x) }
    public static func cos(_ x: Float) -> Float { Foundation.cosf(x) }
    public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.powf(x, y) }
}
