import Foundation

/// The floating-point dtypes, with the limits numpy's printer uses for each.
protocol NumpyFloat: BinaryFloatingPoint, CustomStringConvertible {
    /// Arrays switch to scientific notation when their largest magnitude reaches this:
    /// 10^min(8, digits of precision) — 1e8 for float64, 1e6 for float32.
    static var arrayScientificThreshold: Self { get }
    /// A scalar prints in positional notation below this magnitude (and at or above 1e-4).
    static var scalarPositionalLimit: Self { get }
    /// The fewest digits that read back as this value, as Swift's `description` writes them.
    var shortestDescription: String { get }
}

extension NumpyFloat {
    var shortestDescription: String { description }
}

extension Double: NumpyFloat {
    static var arrayScientificThreshold: Double { 1e8 }
    static var scalarPositionalLimit: Double { 1e16 }
}

extension Float: NumpyFloat {
    static var arrayScientificThreshold: Float { 1e6 }
    static var scalarPositionalLimit: Float { 1e6 }
}

extension Float16: NumpyFloat {
    static var arrayScientificThreshold: Float16 { 1e3 }
    static var scalarPositionalLimit: Float16 { 1e3 }

    /// Swift writes a float16 of 2048 or more as its whole integer (65504.0), which can be
    /// longer than the shortest digits that read back as it (6.55e+04), the ones numpy prints:
    /// the first correctly rounded 1, 2 … 5 significant digits that do.
    var shortestDescription: String {
        guard isFinite, magnitude >= 2048 else { return description }
        for precision in 0..<5 {
            let text = String(format: "%.\(precision)e", Double(self))
            if let value = Double(text), Float16(value) == self { return text }
        }
        return description
    }
}

// MARK: - Scalars (0-d tensors)

/// numpy's `str` of a float scalar: every digit needed to identify the value, `0.5`, `1.0`,
/// `1e-05`, `1.5e+16`, `nan`, `-inf`.
func numpyScalarString<F: NumpyFloat>(_ value: F) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let negative = value.sign == .minus
    let magnitude = value.magnitude
    // Compared in Double: the same outcome as numpy's long double constants for every F value.
    let positional = magnitude == 0
        || (magnitude < F.scalarPositionalLimit && Double(magnitude) >= 1e-4)
    if positional {
        return DecimalDigits(shortest: value).positionalString(negative: negative, trim: .leaveOneZero)
    }
    return DecimalDigits(shortest: value).scientificString(negative: negative, trim: .trimAll)
}

// MARK: - Array elements

/// numpy's `FloatingFormat` with the default print options (precision 8, `floatmode='maxprec'`,
/// `sign='-'`, no `suppress`): looks once at every element that will be printed, chooses the
/// notation and the column widths, and then formats each element to those widths.
struct FloatingFormat<F: NumpyFloat> {
    /// Digits after the point at most (numpy's `precision`).
    static var precision: Int { 8 }

    private enum Notation {
        /// `[ 0.5  -12.25]`-style: trailing zeros trimmed, the points lined up.
        case positional
        /// `1.50e-05`-style: every element has `fractionDigits` digits after the point and
        /// at least `exponentDigits` exponent digits.
        case scientific(fractionDigits: Int, exponentDigits: Int)
    }

    private let notation: Notation
    /// Characters before the point (sign included) in the widest element.
    private let padLeft: Int
    /// Characters after the point in the widest element (the exponent included).
    private let padRight: Int

    /// - Parameter shown: the elements that will be printed (the corners of a summarised array).
    init(shown: [F]) {
        let finite = shown.filter(\.isFinite)
        var padLeft = 0
        var padRight = 0
        if finite.isEmpty {
            notation = .positional
        } else if Self.needsScientificNotation(finite) {
            let digits = finite.map { DecimalDigits.scientific($0, maxFractionDigits: Self.precision) }
            let fractionDigits = digits.map { $0.digits.count - 1 }.max() ?? 0
            let exponentDigits = digits.map { max(2, String($0.exponent.magnitude).count) }.max() ?? 2
            notation = .scientific(fractionDigits: fractionDigits, exponentDigits: exponentDigits)
            padLeft = finite.contains { $0.sign == .minus } ? 2 : 1
            padRight = fractionDigits + 2 + exponentDigits // the "e", its sign, the exponent digits
        } else {
            notation = .positional
            for value in finite {
                let digits = DecimalDigits.positional(value, maxFractionDigits: Self.precision)
                let wholeCount = max(digits.exponent + 1, 1) + (value.sign == .minus ? 1 : 0)
                padLeft = max(padLeft, wholeCount)
                padRight = max(padRight, digits.fractionDigitCount)
            }
        }
        if finite.count != shown.count {
            // Room for "nan", "inf" or "-inf" in the column, counting the point as one character.
            let hasNegativeInfinity = shown.contains { $0.isInfinite && $0 < 0 }
            let charactersLeftOfColumn = padRight + 1
            padLeft = max(padLeft, 3 + (hasNegativeInfinity ? 1 : 0) - charactersLeftOfColumn)
        }
        self.padLeft = padLeft
        self.padRight = padRight
    }

    /// numpy switches to scientific notation when the non-zero magnitudes reach 10^8 (float64)
    /// or 10^6 (float32), go below 1e-4, or span more than a factor of 1000. The comparisons
    /// happen in F, as numpy's do.
    private static func needsScientificNotation(_ finite: [F]) -> Bool {
        let magnitudes = finite.lazy.filter { $0 != 0 }.map(\.magnitude)
        guard let largest = magnitudes.max(), let smallest = magnitudes.min() else { return false }
        let smallestPositional: Double = 0.0001 // numpy's Python float, rounded to F as numpy does
        return largest >= F.arrayScientificThreshold || smallest < F(smallestPositional)
            || largest / smallest > 1000
    }

    /// One element, padded to the common width.
    func format(_ value: F) -> String {
        guard value.isFinite else {
            let text = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            return String(repeating: " ", count: max(0, padLeft + padRight + 1 - text.count)) + text
        }
        let negative = value.sign == .minus
        switch notation {
        case .positional:
            return DecimalDigits.positional(value, maxFractionDigits: Self.precision)
                .positionalString(negative: negative, trim: .trimKeepPoint, padLeft: padLeft, padRight: padRight)
        case let .scientific(fractionDigits, exponentDigits):
            return DecimalDigits.scientific(value, maxFractionDigits: fractionDigits, minFractionDigits: fractionDigits)
                .scientificString(negative: negative, trim: .keep, minFractionDigits: fractionDigits,
                                  padLeft: padLeft, exponentDigits: exponentDigits)
        }
    }
}

/// numpy's `IntegerFormat`: right-aligned to the width of the longest shown element.
struct IntegerFormat {
    private let width: Int

    init(shown: [Int64]) {
        width = shown.map { String($0).count }.max() ?? 0
    }

    func format(_ value: Int64) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

/// numpy's `BoolFormat`: ` True` is padded to the width of `False` inside arrays (not in a 0-d one).
enum BoolFormat {
    static func format(_ value: Bool, padded: Bool) -> String { value ? (padded ? " True" : "True") : "False" }
}
