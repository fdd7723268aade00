import Foundation

/// How close an actual value must be to the expected one:
/// |actual - expected| ≤ absolute + relative · |expected|, as numpy's `isclose`.
/// Infinities must match exactly; nan never matches a number.
public struct Tolerance: Equatable, Sendable {
    public var absolute: Double
    public var relative: Double

    public init(absolute: Double, relative: Double) {
        self.absolute = absolute
        self.relative = relative
    }

    /// numpy's own default: 1e-8 + 1e-5·|expected|.
    public static let standard = Tolerance(absolute: 1e-8, relative: 1e-5)
    /// For floating-point results: 1e-9 + 1e-7·|expected|, far looser than rounding
    /// differences between a loop and a BLAS call, far tighter than any mistake.
    public static let close = Tolerance(absolute: 1e-9, relative: 1e-7)
    /// For integer results (dimensions, indices).
    public static let exact = Tolerance(absolute: 0, relative: 0)

    public func accepts(_ actual: Double, _ expected: Double) -> Bool {
        if expected.isNaN { return actual.isNaN }
        if expected.isInfinite || actual.isInfinite { return actual == expected }
        return abs(actual - expected) <= absolute + relative * abs(expected)
    }

    public var description: String {
        self == .exact ? "exact" : "|actual - expected| ≤ \(Self.format(absolute)) + \(Self.format(relative))·|expected|"
    }

    private static func format(_ value: Double) -> String {
        String(format: "%g", value)
    }
}
