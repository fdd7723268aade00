#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The IEEE 754 exceptions a computation raised, by name: "overflow" (a result too large
/// for its type, such as e^1000), "invalid" (a nan made from numbers, such as inf / inf)
/// and "division by zero". A computation that raised none of them made no infinity and
/// no nan along the way, not even in values it threw away; numpy's overflow and
/// invalid-value warnings are these same flags.
public func floatingPointExceptions(raisedBy body: () throws -> Void) rethrows -> [String] {
    let overflow: Int32 = FE_OVERFLOW, invalid: Int32 = FE_INVALID, divisionByZero: Int32 = FE_DIVBYZERO
    let watched = [(overflow, "overflow"), (invalid, "invalid"), (divisionByZero, "division by zero")]
    let all = watched.reduce(0) { $0 | $1.0 }
    feclearexcept(all)
    try body()
    let raised = fetestexcept(all)
    return watched.filter { raised & $0.0 != 0 }.map(\.1)
}
