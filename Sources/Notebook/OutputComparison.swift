import TensorComparison

/// Comparing what a cell printed with what the lesson says it prints.
///
/// Both texts are cut into tokens: numbers (`-0.64834065`, `1e-05`, `3`, `nan`,
/// `-inf`) and words (everything else between spaces: `[[`, `(3,)`'s `(` and
/// `,)`, `dtype('float32')`). Spaces only separate tokens, so numpy's column
/// alignment may shift when a digit changes. Numbers match within the
/// tolerance, and an integer (`3`) never matches a float (`3.`), since that is
/// a dtype changing; words must be equal.
public enum OutputComparison {
    /// Why `actual` does not match `expected`, or nil when it does.
    public static func difference(actual: String, expected: String, tolerance: Tolerance) -> Mismatch? {
        let got = tokens(of: actual)
        let want = tokens(of: expected)
        for (position, (a, e)) in zip(got, want).enumerated() where !matches(a.kind, e.kind, tolerance) {
            let differingNumbers = zip(got, want).filter { pair in
                if case .number = pair.0.kind, case .number = pair.1.kind { return !matches(pair.0.kind, pair.1.kind, tolerance) }
                return false
            }.count
            return Mismatch(position: position, line: e.line, expected: e.text, actual: a.text,
                            note: note(a.kind, e.kind, tolerance), differingNumbers: differingNumbers)
        }
        if got.count < want.count {
            let e = want[got.count]
            return Mismatch(position: got.count, line: e.line, expected: e.text, actual: nil,
                            note: "the output stops before it", differingNumbers: 0)
        }
        if got.count > want.count {
            let a = got[want.count]
            return Mismatch(position: want.count, line: a.line, expected: nil, actual: a.text,
                            note: "more output than expected", differingNumbers: 0)
        }
        return nil
    }

    /// One piece of printed output.
    struct Token {
        enum Kind: Equatable {
            case number(Double, isInteger: Bool)
            case word(String)
        }
        let kind: Kind
        let text: String
        /// 1-based line of the output the token is on.
        let line: Int
    }

    static func tokens(of text: String) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var line = 1
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if c.isWhitespace {
                if c.isNewline { line += 1 }
                index += 1
            } else if let end = numberEnd(characters, at: index) {
                let text = String(characters[index..<end])
                tokens.append(Token(kind: number(text), text: text, line: line))
                index = end
            } else {
                var end = index + 1
                while end < characters.count, !characters[end].isWhitespace, numberEnd(characters, at: end) == nil {
                    end += 1
                }
                let text = String(characters[index..<end])
                tokens.append(Token(kind: .word(text), text: text, line: line))
                index = end
            }
        }
        return tokens
    }

    /// Where a number starting at `start` ends, or nil when none starts there.
    /// A number never starts inside a name (`float32`, `W1`).
    private static func numberEnd(_ c: [Character], at start: Int) -> Int? {
        if start > 0, isNamePart(c[start - 1]) || c[start - 1] == "." { return nil }
        var i = start
        if c[i] == "-" || c[i] == "+" { i += 1 }
        guard i < c.count else { return nil }
        for word in ["nan", "inf"] {
            let letters = Array(word)
            if i + letters.count <= c.count, Array(c[i..<(i + letters.count)]) == letters,
               i + letters.count == c.count || !isNamePart(c[i + letters.count]) {
                return i + letters.count
            }
        }
        let digitsStart = i
        while i < c.count, c[i].isASCII, c[i].isNumber { i += 1 }
        let integerDigits = i - digitsStart
        if i < c.count, c[i] == "." {
            let afterPoint = i + 1
            var j = afterPoint
            while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 }
            if integerDigits == 0 && j == afterPoint { return nil }
            i = j
        } else if integerDigits == 0 {
            return nil
        }
        if i < c.count, c[i] == "e" || c[i] == "E" {
            var j = i + 1
            if j < c.count, c[j] == "-" || c[j] == "+" { j += 1 }
            let exponentStart = j
            while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 }
            if j > exponentStart { i = j }
        }
        return i
    }

    private static func isNamePart(_ c: Character) -> Bool {
        c == "_" || (c.isASCII && (c.isLetter || c.isNumber))
    }

    private static func number(_ text: String) -> Token.Kind {
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        let negative = text.hasPrefix("-")
        let magnitude: Double
        switch unsigned {
        case "nan": return .number(.nan, isInteger: false)
        case "inf": magnitude = .infinity
        default: magnitude = Double(unsigned.hasSuffix(".") ? unsigned + "0" : unsigned) ?? .nan
        }
        let isInteger = unsigned.allSatisfy { $0.isASCII && $0.isNumber }
        return .number(negative ? -magnitude : magnitude, isInteger: isInteger)
    }

    private static func matches(_ a: Token.Kind, _ e: Token.Kind, _ tolerance: Tolerance) -> Bool {
        switch (a, e) {
        case let (.number(x, xInteger), .number(y, yInteger)):
            return xInteger == yInteger && tolerance.accepts(x, y)
        case let (.word(x), .word(y)):
            return x == y
        default:
            return false
        }
    }

    private static func note(_ a: Token.Kind, _ e: Token.Kind, _ tolerance: Tolerance) -> String {
        guard case let .number(x, xInteger) = a, case let .number(y, yInteger) = e else { return "" }
        if xInteger != yInteger { return xInteger ? "an integer where a float was expected" : "a float where an integer was expected" }
        let allowed = tolerance.absolute + tolerance.relative * abs(y)
        return "off by \(shortNumber(abs(x - y))), allowed \(shortNumber(allowed))"
    }

    private static func shortNumber(_ value: Double) -> String {
        if value.isNaN || value.isInfinite { return "\(value)" }
        var text = String(format: "%.3g", value)
        if text.contains("e") { text = text.replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e+") }
        return text
    }
}

/// Where an actual output first departs from the expected one.
public struct Mismatch: Equatable, Sendable, CustomStringConvertible {
    /// The index of the first differing token.
    public let position: Int
    /// The 1-based line of the output it is on.
    public let line: Int
    /// The expected token there; nil when the actual output has more tokens.
    public let expected: String?
    /// The actual token there; nil when the actual output stopped early.
    public let actual: String?
    /// Why two numbers differ ("off by 0.01, allowed 5e-06"); empty for words.
    public let note: String
    /// How many numbers of the aligned outputs are outside the tolerance.
    public let differingNumbers: Int

    public var description: String {
        var text = "line \(line): "
        switch (expected, actual) {
        case let (e?, a?): text += "expected \(e), got \(a)"
        case let (e?, nil): text += "expected \(e), but the output stops before it"
        case let (nil, a?): text += "unexpected \(a) after the end of the expected output"
        case (nil, nil): text += "outputs differ"
        }
        if !note.isEmpty && expected != nil && actual != nil { text += " (\(note))" }
        if differingNumbers > 1 { text += "; \(differingNumbers) numbers differ in all" }
        return text
    }
}
