import Foundation

/// A plain number with Python's arithmetic: int op int stays int (`7 // 2` is 3),
/// `/` always gives a float, division by zero is an error rather than inf, and
/// an int result that does not fit 64 bits is reported instead of wrapping.
/// Bools count as the ints 0 and 1, as in Python.
enum PythonNumber {
    case int(Int)
    case float(Double)

    init?(_ value: Value) {
        switch value {
        case .int(let i): self = .int(i)
        case .bool(let b): self = .int(b ? 1 : 0)
        case .float(let d): self = .float(d)
        default: return nil
        }
    }

    var double: Double {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        }
    }

    var value: Value {
        switch self {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        }
    }

    static func binary(_ op: BinaryOperator, _ a: PythonNumber, _ b: PythonNumber) throws -> Value {
        if op.isComparison { return .bool(compare(op, a.double, b.double)) }
        if case .int(let x) = a, case .int(let y) = b { return try integer(op, x, y) }
        return try real(op, a.double, b.double)
    }

    private static func compare(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .equal: return x == y
        default: return x != y
        }
    }

    private static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Value {
            if result.overflow { throw overflow(op) }
            return .int(result.partialValue)
        }
        switch op {
        case .add: return try checked(x.addingReportingOverflow(y))
        case .subtract: return try checked(x.subtractingReportingOverflow(y))
        case .multiply: return try checked(x.multipliedReportingOverflow(by: y))
        case .divide:
            if y == 0 { throw divisionByZero }
            return .float(Double(x) / Double(y))
        case .floorDivide:
            if y == 0 { throw divisionByZero }
            if x == Int.min && y == -1 { throw overflow(op) }
            // Python rounds toward negative infinity; Swift's / rounds toward zero.
            let q = x / y
            return .int((x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q)
        case .remainder:
            if y == 0 { throw divisionByZero }
            if y == -1 { return .int(0) }
            // The remainder takes the divisor's sign, as in Python: -7 % 3 is 2.
            let r = x % y
            return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        case .power:
            if y < 0 {
                if x == 0 { throw InterpreterError(.arithmetic, "0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            return try checked(power(x, y))
        case .and: return .int(x & y)
        case .or: return .int(x | y)
        case .matmul: throw matmulOnNumbers
        default: return .bool(compare(op, Double(x), Double(y)))
        }
    }

    private static func real(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            if y == 0 { throw divisionByZero }
            return .float(x / y)
        case .floorDivide:
            if y == 0 { throw divisionByZero }
            return .float((x / y).rounded(.down))
        case .remainder:
            if y == 0 { throw divisionByZero }
            let r = x.truncatingRemainder(dividingBy: y)
            return .float(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        case .power:
            if x == 0 && y < 0 { throw InterpreterError(.arithmetic, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(x, y))
        case .and, .or:
            throw InterpreterError(.type, "'\(op.rawValue)' needs whole numbers or bools, not floats")
        case .matmul: throw matmulOnNumbers
        default: return .bool(compare(op, x, y))
        }
    }

    /// x ** y for y ≥ 0 by repeated squaring, reporting overflow.
    private static func power(_ x: Int, _ y: Int) -> (partialValue: Int, overflow: Bool) {
        var result = 1, base = x, exponent = y, overflow = false
        while exponent > 0 {
            if exponent & 1 == 1 {
                let r = result.multipliedReportingOverflow(by: base)
                result = r.partialValue
                overflow = overflow || r.overflow
            }
            exponent >>= 1
            if exponent > 0 {
                let b = base.multipliedReportingOverflow(by: base)
                base = b.partialValue
                overflow = overflow || b.overflow
            }
        }
        return (result, overflow)
    }

    static func unary(_ op: UnaryOperator, _ x: PythonNumber, isBool: Bool) throws -> Value {
        switch (op, x) {
        case (.plus, _): return x.value
        case (.negate, .int(let i)):
            if i == Int.min { throw overflow(.subtract) }
            return .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        // numpy's ~ on a bool flips it (Python's ~True would be -2).
        case (.invert, .int(let i)): return isBool ? .bool(i == 0) : .int(~i)
        case (.invert, .float):
            throw InterpreterError(.type, "'~' flips bools and int bits, not floats")
        case (.not, _): return .bool(x.double == 0)
        }
    }

    private static let divisionByZero = InterpreterError(.arithmetic, "division by zero")
    private static let matmulOnNumbers = InterpreterError(.type, "'@' multiplies tensors, not plain numbers; use '*'")

    private static func overflow(_ op: BinaryOperator) -> InterpreterError {
        InterpreterError(.arithmetic, "the result of '\(op.rawValue)' does not fit a 64-bit integer")
    }
}
