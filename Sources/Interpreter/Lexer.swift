/// One token of the REPL language, with where it sits in the source.
struct Token: Equatable {
    enum Kind: Equatable {
        case int(Int)
        case float(Double)
        case string(String)
        case name(String)
        case keyword(Keyword)
        /// An operator or punctuation mark: `+`, `**`, `-=`, `(`, `,`, `:` …
        case symbol(String)
        case newline
        case end
    }

    var kind: Kind
    var span: SourceSpan

    /// How the token is quoted in messages: `'+'`, `')'`, `end of line`.
    var quoted: String {
        switch kind {
        case .int(let v): return "'\(v)'"
        case .float(let v): return "'\(v)'"
        case .string: return "a string"
        case .name(let n): return "'\(n)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .symbol(let s): return "'\(s)'"
        case .newline, .end: return "the end of the line"
        }
    }
}

/// Words with a meaning of their own. `True`, `False` and `None` are accepted as
/// well as `true`, `false` and `none`, so numpy code can be pasted in.
enum Keyword: String, CaseIterable {
    case `true`, `false`, none, True, False, None
    case and, or, not, `for`, `in`
}

/// Splits source text into tokens. Comments (`#` to the end of the line) and
/// blanks are dropped; `;` and newlines separate statements.
struct Lexer {
    private let characters: [Character]
    private var position = 0

    /// Longest first, so that `**=` is not read as `**` then `=`.
    private static let symbols = [
        "**=", "//=",
        "**", "//", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "@=",
        "+", "-", "*", "/", "@", "<", ">", "=", "(", ")", "[", "]", ",", ":", ";", ".", "&", "|", "~", "%",
    ].map(Array.init)

    init(_ source: String) {
        characters = Array(source)
    }

    /// All tokens of the source, ending with `.end`.
    static func tokens(of source: String) throws -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws -> Token {
        skipBlanksAndComments()
        let start = position
        guard position < characters.count else { return Token(kind: .end, span: SourceSpan(start, start + 1)) }
        let c = characters[position]
        if c == "\n" {
            position += 1
            return Token(kind: .newline, span: SourceSpan(start, position))
        }
        if c.isNumber && c.isASCII || (c == "." && peek(1)?.isASCIIDigit == true) {
            return try number()
        }
        if c == "'" || c == "\"" {
            return try string(quote: c)
        }
        if c.isLetter || c == "_" {
            while position < characters.count, characters[position].isIdentifierCharacter { position += 1 }
            let word = String(characters[start..<position])
            let kind: Token.Kind = Keyword(rawValue: word).map { .keyword($0) } ?? .name(word)
            return Token(kind: kind, span: SourceSpan(start, position))
        }
        for symbol in Lexer.symbols where matches(symbol) {
            position += symbol.count
            return Token(kind: .symbol(String(symbol)), span: SourceSpan(start, position))
        }
        throw InterpreterError(.syntax, "unexpected character '\(c)'", at: SourceSpan(start, start + 1))
    }

    private mutating func skipBlanksAndComments() {
        while position < characters.count {
            let c = characters[position]
            if c == "#" {
                while position < characters.count, characters[position] != "\n" { position += 1 }
            } else if c.isWhitespace && c != "\n" {
                position += 1
            } else {
                return
            }
        }
    }

    private func peek(_ offset: Int) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    private func matches(_ symbol: [Character]) -> Bool {
        position + symbol.count <= characters.count && Array(characters[position..<position + symbol.count]) == symbol
    }

    /// `42`, `1_000`, `0.5`, `.5`, `1.`, `1e-3`, `2.5E+4`.
    private mutating func number() throws -> Token {
        let start = position
        var isFloat = false
        consumeDigits()
        if peek(0) == "." && peek(1)?.isIdentifierStart != true {
            isFloat = true
            position += 1
            consumeDigits()
        }
        if let e = peek(0), e == "e" || e == "E" {
            let signOffset = (peek(1) == "+" || peek(1) == "-") ? 1 : 0
            if peek(1 + signOffset)?.isASCIIDigit == true {
                isFloat = true
                position += 1 + signOffset
                consumeDigits()
            }
        }
        if let c = peek(0), c.isIdentifierCharacter {
            throw InterpreterError(.syntax, "invalid number: '\(String(characters[start...position]))'",
                                   at: SourceSpan(start, position + 1))
        }
        let span = SourceSpan(start, position)
        let text = String(characters[start..<position]).replacingUnderscores()
        if isFloat {
            guard let value = Double(text) else { throw InterpreterError(.syntax, "invalid number '\(text)'", at: span) }
            return Token(kind: .float(value), span: span)
        }
        guard let value = Int(text) else {
            throw InterpreterError(.syntax, "integer \(text) is too large (the limit is \(Int.max))", at: span)
        }
        return Token(kind: .int(value), span: span)
    }

    private mutating func consumeDigits() {
        while let c = peek(0), c.isASCIIDigit || (c == "_" && peek(1)?.isASCIIDigit == true) { position += 1 }
    }

    /// A string in single or double quotes, with the escapes `\n \t \\ \' \"`.
    private mutating func string(quote: Character) throws -> Token {
        let start = position
        position += 1
        var text = ""
        while position < characters.count {
            let c = characters[position]
            if c == quote {
                position += 1
                return Token(kind: .string(text), span: SourceSpan(start, position))
            }
            if c == "\n" { break }
            if c == "\\", let escaped = peek(1) {
                text.append(Lexer.unescape(escaped))
                position += 2
            } else {
                text.append(c)
                position += 1
            }
        }
        throw InterpreterError(.syntax, "this string is never closed: add a \(quote) at its end",
                               at: SourceSpan(start, start + 1))
    }

    private static func unescape(_ c: Character) -> Character {
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "0": return "\0"
        default: return c
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isIdentifierStart: Bool { isLetter || self == "_" }
    var isIdentifierCharacter: Bool { isLetter || isNumber || self == "_" }
}

private extension String {
    func replacingUnderscores() -> String { filter { $0 != "_" } }
}
