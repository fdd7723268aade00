import Foundation
import Tensor

/// Numbers and strings printed the way Python prints them, so that what the
/// REPL shows can be compared with a Python session character for character.
public enum PythonFormat {
    /// Python's `repr(float)`: the shortest digits that read back to the same
    /// number, fixed notation for exponents -4 ... 15 and scientific otherwise:
    /// `0.1`, `100.0`, `1e-05`, `1e+16`, `nan`, `-inf`. numpy prints its float64
    /// scalars the same way, so this is NumpyFormat's 0-d printing.
    public static func float(_ value: Double) -> String {
        NumpyFormat.string(Tensor(scalar: value))
    }

    /// numpy's `str(np.float32(x))`: float32's shortest digits (`0.1`, `1.6777216e+07`).
    public static func float(_ value: Float) -> String {
        NumpyFormat.string(Tensor(shape: [], floats: [value]))
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
}

/// Python's format specification mini-language, for f-strings (`f"{loss:.4f}"`),
/// `str.format` and `%`-formatting: `[[fill]align][sign][0][width][,][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ text: String) throws {
        var chars = Array(text)[...]
        let aligns: Set<Character> = ["<", ">", "^", "="]
        if chars.count >= 2, aligns.contains(chars[chars.startIndex + 1]) {
            fill = chars.removeFirst()
            align = chars.removeFirst()
        } else if let first = chars.first, aligns.contains(first) {
            align = chars.removeFirst()
        }
        if let first = chars.first, "+- ".contains(first) { sign = chars.removeFirst() }
        if chars.first == "0" {
            chars.removeFirst()
            if align == nil { fill = "0"; align = "=" }
        }
        width = FormatSpec.number(&chars) ?? 0
        if let first = chars.first, first == "," || first == "_" { grouping = chars.removeFirst() }
        if chars.first == "." {
            chars.removeFirst()
            guard let p = FormatSpec.number(&chars) else { throw FormatSpec.invalid(text) }
            precision = p
        }
        if let first = chars.first, "bcdeEfFgGnosxX%".contains(first) { type = chars.removeFirst() }
        guard chars.isEmpty else { throw FormatSpec.invalid(text) }
    }

    private static func number(_ chars: inout ArraySlice<Character>) -> Int? {
        let digits = chars.prefix { $0.isASCIIDigit }
        chars.removeFirst(digits.count)
        return digits.isEmpty ? nil : Int(String(digits))
    }

    static func invalid(_ text: String) -> InterpreterError {
        InterpreterError(.value, "invalid format specification '\(text)'; a spec looks like '.4f', '8.2e', '>10', '4d' or ','")
    }

    /// The value formatted by this spec, as Python's `format(value, spec)` does.
    func format(_ value: Value) throws -> String {
        switch value {
        case .bool(let b) where type == nil: return pad(b ? "True" : "False", numeric: false)
        case .int, .float, .bool: return try formatNumber(value)
        case .tensor(let t) where t.ndim == 0: return try formatNumber(Value.plain(t))
        case .string(let s):
            guard type == nil || type == "s" else { throw unknownCode(for: "str") }
            return pad(precision.map { String(s.prefix($0)) } ?? s, numeric: false)
        default:
            guard type == nil && precision == nil else {
                throw InterpreterError(.type, "a format spec like '.4f' applies to numbers and strings, not to \(value.kindDescription)")
            }
            return pad(value.str, numeric: false)
        }
    }

    private func unknownCode(for kind: String) -> InterpreterError {
        InterpreterError(.value, "unknown format code '\(type.map(String.init) ?? "")' for a \(kind)")
    }

    private func formatNumber(_ value: Value) throws -> String {
        let isInt: Bool
        let number: Double
        switch value {
        case .int(let i): isInt = true; number = Double(i)
        case .bool(let b): isInt = true; number = b ? 1 : 0
        case .float(let d): isInt = false; number = d
        default: return pad(value.str, numeric: false)
        }
        var body: String
        switch type {
        case nil where isInt, "d", "n":
            guard isInt, case let whole = value.asInt ?? 0 else { throw unknownCode(for: "float") }
            body = String(whole.magnitude)
        case "x", "X", "o", "b":
            guard isInt, let whole = value.asInt else { throw unknownCode(for: "float") }
            let radix = type == "o" ? 8 : type == "b" ? 2 : 16
            body = String(whole.magnitude, radix: radix, uppercase: type == "X")
        case "c":
            guard isInt, let whole = value.asInt, let scalar = Unicode.Scalar(whole) else { throw unknownCode(for: "float") }
            return pad(String(Character(scalar)), numeric: false)
        case nil:
            body = precision.map { cFormat(abs(number), "g", $0) } ?? PythonFormat.float(abs(number))
        case "%":
            body = cFormat(abs(number) * 100, "f", precision ?? 6) + "%"
        case let code?:
            body = cFormat(abs(number), code, precision ?? 6)
        }
        if let grouping { body = grouped(body, by: grouping) }
        let negative = number < 0 || (number == 0 && number.sign == .minus && !isInt)
        let signText = negative ? "-" : sign == "+" ? "+" : sign == " " ? " " : ""
        return pad(body, numeric: true, sign: signText)
    }

    private func cFormat(_ number: Double, _ code: Character, _ precision: Int) -> String {
        if number.isNaN { return code.isUppercase ? "NAN" : "nan" }
        if number.isInfinite { return code.isUppercase ? "INF" : "inf" }
        return String(format: "%.\(precision)\(code)", number)
    }

    /// Thousands separators in the whole part: 1234567.5 → 1,234,567.5.
    private func grouped(_ body: String, by separator: Character) -> String {
        let whole = body.prefix { $0.isASCIIDigit }
        var result = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { result.append(separator) }
            result.append(c)
        }
        return result + body.dropFirst(whole.count)
    }

    private func pad(_ body: String, numeric: Bool, sign: String = "") -> String {
        let missing = width - body.count - sign.count
        guard missing > 0 else { return sign + body }
        let filler = { (n: Int) in String(repeating: fill, count: n) }
        switch align ?? (numeric ? ">" : "<") {
        case "<": return sign + body + filler(missing)
        case "^": return filler(missing / 2) + sign + body + filler(missing - missing / 2)
        case "=": return sign + filler(missing) + body
        default: return filler(missing) + sign + body
        }
    }
}

extension PythonFormat {
    /// `format % values`: printf-style conversions `%d %i %f %e %g %s %r %x %%`
    /// with flags `- + 0 space`, a width and a precision.
    static func percent(_ format: String, _ values: Value) throws -> String {
        var arguments: [Value]
        if case .tuple(let items) = values { arguments = items } else { arguments = [values] }
        arguments.reverse()
        var result = ""
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            guard c == "%" else { result.append(c); continue }
            var flags = ""
            while let f = chars.first, "-+ 0#".contains(f) { flags.append(chars.removeFirst()) }
            let width = String(chars.prefix { $0.isASCIIDigit })
            chars.removeFirst(width.count)
            var precision = ""
            if chars.first == "." {
                chars.removeFirst()
                precision = "." + String(chars.prefix { $0.isASCIIDigit })
                chars.removeFirst(precision.count - 1)
                if precision == "." { precision = ".0" }
            }
            guard let code = chars.popFirst() else {
                throw InterpreterError(.value, "incomplete format: '%' at the end; write '%%' for a percent sign")
            }
            if code == "%" { result.append("%"); continue }
            guard "diouxXeEfFgGcrsa".contains(code) else {
                throw InterpreterError(.value, "unsupported format character '\(code)' after '%'")
            }
            guard var value = arguments.popLast() else {
                throw InterpreterError(.type, "not enough values for the format string: it has more % fields than values")
            }
            let align = flags.contains("-") ? "<" : ""
            let zero = flags.contains("0") && !flags.contains("-") ? "0" : ""
            let sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            var type = String(code)
            switch code {
            case "s", "a": value = .string(value.str); type = ""
            case "r": value = .string(value.repr); type = ""
            case "d", "i", "u":
                guard let d = value.asDouble else { throw InterpreterError(.type, "%\(code) needs a number, not \(value.kindDescription)") }
                value = .int(Int(d.rounded(.towardZero))); type = "d"
            default:
                if let d = value.asDouble, "eEfFgG".contains(code) { value = .float(d) }
            }
            result += try FormatSpec(align + sign + zero + width + precision + type).format(value)
        }
        guard arguments.isEmpty else {
            throw InterpreterError(.type, "not all values were used by the format string: it has fewer % fields than values")
        }
        return result
    }

    /// `"{} and {name:.2f}".format(a, name=b)`: fields by position (`{}`, `{0}`) or by name, each with an optional spec.
    static func format(_ template: String, _ positional: [Value], _ keywords: [(String, Value)]) throws -> String {
        var result = ""
        var chars = Array(template)[...]
        var next = 0
        while let c = chars.popFirst() {
            if c == "}" {
                guard chars.popFirst() == "}" else { throw InterpreterError(.value, "a single '}' in a format string: write '}}' for a brace") }
                result.append("}")
                continue
            }
            guard c == "{" else { result.append(c); continue }
            if chars.first == "{" { chars.removeFirst(); result.append("{"); continue }
            let content = String(chars.prefix { $0 != "}" })
            guard chars.count > content.count else { throw InterpreterError(.value, "a '{' in a format string is never closed") }
            chars.removeFirst(content.count + 1)
            let parts = content.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            var name = String(parts[0])
            var conversion: Character?
            if let bang = name.firstIndex(of: "!") {
                conversion = name[name.index(after: bang)...].first
                name = String(name[..<bang])
            }
            let value: Value
            if name.isEmpty {
                guard next < positional.count else { throw InterpreterError(.index, "the format string has more {} fields than values") }
                value = positional[next]
                next += 1
            } else if let i = Int(name) {
                guard i < positional.count else { throw InterpreterError(.index, "format field {\(i)} has no value: only \(positional.count) given") }
                value = positional[i]
            } else {
                guard let match = keywords.first(where: { $0.0 == name }) else { throw InterpreterError(.name, "format field {\(name)} has no value: pass \(name)=…") }
                value = match.1
            }
            result += try field(value, conversion: conversion, spec: parts.count > 1 ? String(parts[1]) : "")
        }
        return result
    }

    /// One `{value!conversion:spec}` field of an f-string or `str.format`.
    static func field(_ value: Value, conversion: Character?, spec: String) throws -> String {
        switch conversion {
        case "r": return try FormatSpec(spec).format(.string(value.repr))
        case "s": return try FormatSpec(spec).format(.string(value.str))
        default: return spec.isEmpty ? value.str : try FormatSpec(spec).format(value)
        }
    }
}
