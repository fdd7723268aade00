#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// numpy's RuntimeWarnings: an element-wise operation whose floating-point arithmetic divided
/// by zero, overflowed or made an invalid value (`log(-1)`, `0 / 0`) warns
/// `RuntimeWarning: overflow encountered in exp` and goes on with inf or nan, as numpy does.
///
/// Like numpy, it reads the processor's floating-point exception flags (IEEE 754) around the
/// operation; underflow and inexact results are not warned about, as numpy's defaults do not.
struct FloatingPointWarnings: OptionSet {
    let rawValue: Int32

    static let divideByZero = FloatingPointWarnings(rawValue: FE_DIVBYZERO as Int32)
    static let overflow = FloatingPointWarnings(rawValue: FE_OVERFLOW as Int32)
    static let invalid = FloatingPointWarnings(rawValue: FE_INVALID as Int32)

    /// The flags `body` raised, with its result.
    static func raised<T>(by body: () throws -> T) rethrows -> (result: T, raised: FloatingPointWarnings) {
        let watched = FloatingPointWarnings([.divideByZero, .overflow, .invalid]).rawValue
        feclearexcept(watched)
        let result = try body()
        return (result, FloatingPointWarnings(rawValue: fetestexcept(watched)))
    }

    /// numpy's texts, in numpy's order, for the operation it calls `operation` (`exp`, `divide`, `cast`).
    func messages(in operation: String) -> [String] {
        let names: [(FloatingPointWarnings, String)] = [(.divideByZero, "divide by zero"), (.overflow, "overflow"),
                                                         (.invalid, "invalid value")]
        return names.filter { contains($0.0) }.map { "RuntimeWarning: \($0.1) encountered in \(operation)" }
    }
}

extension Session {
    /// Runs a numpy operation (`exp`, `divide`, `cast` …) and warns about what its floating-point
    /// arithmetic raised. numpy calls an operator on two scalars (a 0-d result) `scalar divide`;
    /// Python's own numbers never warn (Python gives inf, or raises an error, instead).
    func warningAsNumpy(in operation: String, isOperator: Bool = false, _ body: () throws -> Value) rethrows -> Value {
        let (result, raised) = try FloatingPointWarnings.raised(by: body)
        guard case .tensor(let t) = result, !raised.isEmpty else { return result }
        raised.messages(in: isOperator && t.ndim == 0 ? "scalar " + operation : operation).forEach(warn)
        return result
    }

    /// `a op b`, warning as numpy does when array arithmetic divides by zero or overflows.
    func operate(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        guard let name = op.numpyName else { return try Operators.binary(op, a, b) }
        return try warningAsNumpy(in: name, isOperator: true) { try Operators.binary(op, a, b) }
    }
}
