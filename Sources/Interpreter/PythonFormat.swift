import Tensor

/// Numbers and strings printed the way Python prints them, so that what the
/// REPL shows can be compared with a Python session character for character.
public enum PythonFormat {
    /// Python's `repr(float)`: the shortest digits that read back to the same
    /// number, fixed notation for exponents -4 ... 15 and scientific otherwise:
    /// `0.1`, `100.0`, `1e-05`, `1e+16`, `nan`, `-inf`.
    public static func float(_ value: Double) -> String {
        shortest(value.description, isFinite: value.isFinite, isNaN: value.isNaN)
    }

    /// numpy's `str(np.float32(x))`: the same rules with float32's shortest digits.
    public static func float(_ value: Float) -> String {
        shortest(value.description, isFinite: value.isFinite, isNaN: value.isNaN)
    }

    /// A 0-d tensor as numpy prints its scalar: `3.5`, `7`, `True`.
    public static func scalar(_ tensor: Tensor) -> String {
        switch tensor.storage {
        case .float64(let a): return float(a[0])
        case .float32(let a): return float(a[0])
        case .int64(let a): return String(a[0])
        case .bool(let a): return a[0] ? "True" : "False"
        }
    }

    /// Python's `repr(str)`: single quotes unless the text holds a single quote
    /// and no double quote; backslash escapes for quotes, backslashes and control characters.
    public static func quoted(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for c in text {
            switch c {
            case quote, "\\": result += "\\\(c)"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if let ascii = c.asciiValue, ascii < 0x20 || ascii == 0x7f {
                    result += "\\x" + (ascii < 16 ? "0" : "") + String(ascii, radix: 16)
                } else {
                    result.append(c)
                }
            }
        }
        result.append(quote)
        return result
    }

    /// Re-lays out Swift's shortest round-trip digits (`description`) in Python's format.
    private static func shortest(_ description: String, isFinite: Bool, isNaN: Bool) -> String {
        if isNaN { return "nan" }
        if !isFinite { return description.hasPrefix("-") ? "-inf" : "inf" }
        let (negative, digits, exponent) = decompose(description)
        let sign = negative ? "-" : ""
        // The value is 0.d1d2d3… × 10^(exponent + 1) written as d1.d2d3… × 10^exponent.
        if exponent < -4 || exponent >= 16 {
            let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            let exponentSign = exponent < 0 ? "-" : "+"
            let magnitude = abs(exponent)
            return sign + mantissa + "e" + exponentSign + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let integerDigits = exponent + 1
        if digits.count <= integerDigits {
            return sign + digits + String(repeating: "0", count: integerDigits - digits.count) + ".0"
        }
        return sign + digits.prefix(integerDigits) + "." + digits.dropFirst(integerDigits)
    }

    /// Splits "-1.2345e-07" or "0.00012" into the sign, the significant digits
    /// without leading or trailing zeros ("12345"), and the decimal exponent of the first digit.
    private static func decompose(_ description: String) -> (negative: Bool, digits: String, exponent: Int) {
        var text = Substring(description)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fractionPart = parts.count > 1 ? parts[1] : ""
        var allDigits = String(integerPart + fractionPart)
        var pointPosition = integerPart.count
        while allDigits.hasPrefix("0") && allDigits.count > 1 {
            allDigits.removeFirst()
            pointPosition -= 1
        }
        while allDigits.hasSuffix("0") && allDigits.count > 1 { allDigits.removeLast() }
        if allDigits == "0" { return (negative, "0", 0) }
        return (negative, allDigits, exponent + pointPosition - 1)
    }
}
