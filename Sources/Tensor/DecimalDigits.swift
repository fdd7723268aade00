#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A finite, non-negative decimal number as a string of digits: `digits` d₀d₁d₂… with d₀ in
/// the 10^`exponent` place, so 0.0625 is `[6, 2, 5]` at exponent -2 and 1500 is `[1, 5]` at
/// exponent 3. Trailing zeros are never stored; zero is `[0]` at exponent 0.
///
/// This is the intermediate form of numpy's Dragon4 printer: first choose the digits, then lay
/// them out in positional (`0.0625`) or scientific (`6.25e-02`) notation.
struct DecimalDigits {
    private(set) var digits: [UInt8]
    private(set) var exponent: Int

    static let zero = DecimalDigits(digits: [0], exponent: 0)

    init(digits: [UInt8], exponent: Int) {
        var digits = digits
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        self.digits = digits.isEmpty ? [0] : digits
        self.exponent = self.digits == [0] ? 0 : exponent
    }

    /// How many digits lie right of the decimal point in positional notation.
    var fractionDigitCount: Int { max(0, digits.count - exponent - 1) }
}

// MARK: - Choosing the digits (numpy's Dragon4 in "unique" mode)

extension DecimalDigits {
    /// The fewest digits that read back as exactly `value` (numpy's `unique=True`), taken from
    /// Swift's `description`, which chooses them by the same rule as numpy's Dragon4: the interval
    /// of values that round to `value` includes its ends when the significand is even, and among
    /// the shortest candidates the closest wins.
    init<F: NumpyFloat>(shortest value: F) {
        self.init(parsing: value.magnitude.shortestDescription)
    }

    /// The digits numpy prints in positional notation with at most `maxFractionDigits` after
    /// the point: the shortest unique digits when they fit, else the exact binary value rounded
    /// half-to-even at the cutoff (what Dragon4 does when it reaches the cutoff first).
    static func positional<F: NumpyFloat>(
        _ value: F, maxFractionDigits: Int?
    ) -> DecimalDigits {
        let shortest = DecimalDigits(shortest: value)
        guard let cutoff = maxFractionDigits, shortest.fractionDigitCount > cutoff else { return shortest }
        return DecimalDigits(exactly: Double(value), roundedTo: cutoff, style: .positional)
    }

    /// The digits numpy prints in scientific notation with between `minFractionDigits` and
    /// `maxFractionDigits` digits after the leading one. Past the shortest unique digits, numpy
    /// keeps generating the exact value's digits and rounds the last one, so both the cutoff
    /// and the padding come from rounding the exact value.
    ///
    /// (Dragon4 can differ from plain rounding when the padding reaches the last bits of precision
    /// of a power of two: at 16 or more significant digits of a Double. numpy's print pads to at
    /// most 9, where the two agree; checked against numpy for every Float power of two.)
    static func scientific<F: NumpyFloat>(
        _ value: F, maxFractionDigits: Int?, minFractionDigits: Int = 0
    ) -> DecimalDigits {
        let shortest = DecimalDigits(shortest: value)
        let shortestFraction = shortest.digits.count - 1
        if let cutoff = maxFractionDigits, shortestFraction > cutoff {
            return DecimalDigits(exactly: Double(value), roundedTo: cutoff, style: .scientific)
        }
        if shortestFraction < minFractionDigits {
            return DecimalDigits(exactly: Double(value), roundedTo: minFractionDigits, style: .scientific)
        }
        return shortest
    }
}

// MARK: - Exact rounding and parsing

extension DecimalDigits {
    /// printf's two layouts: `%.*f` counts digits after the point, `%.*e` after the first digit.
    enum RoundingStyle {
        case positional, scientific
        var conversion: String { self == .positional ? "%.*f" : "%.*e" }
    }

    /// The exact binary value of `value` rounded half-to-even to `count` digits (C's printf,
    /// which rounds the exact value in the default rounding mode). Float values are exact in
    /// Double, so this serves both.
    init(exactly value: Double, roundedTo count: Int, style: RoundingStyle) {
        // %.*f of the largest Double has 309 whole digits; leave room for the sign and point.
        var buffer = [CChar](repeating: 0, count: 320 + count)
        let length = withVaList([Int32(count), value.magnitude]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, style.conversion, arguments) }
        }
        let text = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.init(parsing: text)
    }

    /// Reads an unsigned decimal such as `123.45`, `0.00012`, `1e+16` or `1.5e-07`.
    init(parsing text: String) {
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let powerOfTen = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let wholeDigitCount = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        let allDigits = mantissa.compactMap { $0.wholeNumberValue }.map(UInt8.init)
        guard let firstNonZero = allDigits.firstIndex(where: { $0 != 0 }) else {
            self = .zero
            return
        }
        self.init(digits: Array(allDigits[firstNonZero...]),
                  exponent: wholeDigitCount - 1 - firstNonZero + powerOfTen)
    }
}

// MARK: - Laying the digits out (numpy's FormatPositional / FormatScientific)

/// What to do with trailing zeros and the decimal point: numpy's `trim` argument.
enum TrailingZeros {
    /// `'k'`: keep them, padding to the requested number of fraction digits: `1.50000000e+00`.
    case keep
    /// `'.'`: drop them, keep the point: `1.`, `0.5`.
    case trimKeepPoint
    /// `'0'`: drop them but leave one zero after the point: `1.0`.
    case leaveOneZero
    /// `'-'`: drop them and the point when nothing follows it: `1e+20`.
    case trimAll
}

extension DecimalDigits {
    /// `digits` in positional notation: `-12.5`, padded with spaces to at least `padLeft`
    /// characters before the point (sign included) and `padRight` after it.
    func positionalString(negative: Bool, trim: TrailingZeros, padLeft: Int = 0, padRight: Int = 0) -> String {
        let text = digits.map(String.init).joined()
        let whole: String
        let fraction: String
        if exponent >= 0 {
            let wholeCount = exponent + 1
            whole = String(text.prefix(wholeCount)) + zeros(wholeCount - text.count)
            fraction = String(text.dropFirst(wholeCount))
        } else {
            whole = "0"
            fraction = zeros(-exponent - 1) + text
        }
        return lay(negative: negative, whole: whole, fraction: fraction, trim: trim,
                   padLeft: padLeft, padRight: padRight)
    }

    /// `digits` in scientific notation: `-1.25e-05`, with at least `exponentDigits` exponent
    /// digits and spaces in front so that at least `padLeft` characters precede the point.
    func scientificString(negative: Bool, trim: TrailingZeros, minFractionDigits: Int = 0,
                          padLeft: Int = 0, exponentDigits: Int = 2) -> String {
        let mantissa = lay(negative: negative, whole: String(digits[0]),
                           fraction: digits.dropFirst().map(String.init).joined(),
                           trim: trim, minFractionDigits: minFractionDigits, padLeft: padLeft)
        let exponentText = String(exponent.magnitude)
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + zeros(exponentDigits - exponentText.count) + exponentText
    }

    /// Joins sign, whole part, point and fraction, and pads with spaces. The stored digits have
    /// no trailing zeros, so `trim` only decides whether zeros are added back and the point kept.
    private func lay(negative: Bool, whole: String, fraction: String, trim: TrailingZeros,
                     minFractionDigits: Int = 0, padLeft: Int, padRight: Int = 0) -> String {
        var fraction = fraction
        switch trim {
        case .keep: fraction += zeros(minFractionDigits - fraction.count)
        case .leaveOneZero where fraction.isEmpty: fraction = "0"
        default: break
        }
        let sign = negative ? "-" : ""
        let point = trim == .trimAll && fraction.isEmpty ? "" : "."
        let leftSpaces = String(repeating: " ", count: max(0, padLeft - sign.count - whole.count))
        let rightSpaces = String(repeating: " ", count: max(0, padRight - fraction.count))
        return leftSpaces + sign + whole + point + fraction + rightSpaces
    }

    /// `count` zeros (none when `count` is not positive).
    private func zeros(_ count: Int) -> String {
        String(repeating: "0", count: max(0, count))
    }
}
