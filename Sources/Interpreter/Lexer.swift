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
        /// An f-string: its literal text and `{…}` fields, in order.
        case formatted([FormattedPart])
        case newline
        /// A line indented deeper than the one before it: a block begins.
        case indent
        /// A line indented less: as many blocks end as there are dedents.
        case dedent
        case end
    }

    var kind: Kind
    var span: SourceSpan

    /// How the token is quoted in messages: `'+'`, `')'`, `end of line`.
    var quoted: String {
        switch kind {
        case .int(let v): return "'\(v)'"
        case .float(let v): return "'\(v)'"
        case .string, .formatted: return "a string"
        case .name(let n): return "'\(n)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .symbol(let s): return "'\(s)'"
        case .newline, .end: return "the end of the line"
        case .indent: return "an indented line"
        case .dedent: return "a less indented line"
        }
    }
}

/// One piece of an f-string.
enum FormattedPart: Equatable {
    case text(String)
    /// `{expression!conversion:spec}`; the tokens end with `.end`.
    case field(tokens: [Token], conversion: Character?, spec: String)
}

/// Words with a meaning of their own. `True`, `False` and `None` are accepted as
/// well as `true`, `false` and `none`, so numpy code can be pasted in.
enum Keyword: String, CaseIterable {
    case `true`, `false`, none, True, False, None
    case and, or, not, `for`, `in`, `is`
    case `if`, elif, `else`, `while`, `break`, `continue`, pass, assert
    case def, `return`, lambda, `class`, `import`, from, `as`, with
    /// Python's keywords for what the language does not have: reserved, so
    /// that using one is reported by name (see `Unsupported`).
    case `try`, except, finally, raise, yield, global, nonlocal, async, await, del
}

/// Splits source text into tokens. Comments (`#` to the end of the line) and
/// blanks are dropped; `;` and newlines separate statements.
struct Lexer {
    private let characters: [Character]
    private var position = 0
    /// Where lexing stops: the end of the source, or of an f-string's `{…}` field.
    private let limit: Int

    /// Longest first, so that `**=` is not read as `**` then `=`.
    private static let symbols = [
        "**=", "//=", "...",
        "**", "//", ":=", "->", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "@=",
        "+", "-", "*", "/", "@", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "&", "|", "~", "%",
    ].map(Array.init)

    init(_ source: String) {
        characters = Array(source)
        limit = characters.count
    }

    private init(_ characters: [Character], _ range: Range<Int>) {
        self.characters = characters
        position = range.lowerBound
        limit = range.upperBound
    }

    /// All tokens of the source, ending with `.end`. Each logical line ends
    /// with `.newline`; inside brackets a line break is just a blank, as in
    /// Python. Blank and comment-only lines are skipped. A change of
    /// indentation at the start of a line gives `.indent` or `.dedent` tokens;
    /// the first line's indentation is the base level.
    static func tokens(of source: String) throws -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        var levels: [Int] = []
        var brackets = 0
        while true {
            if brackets == 0 && (tokens.isEmpty || tokens.last!.kind == .newline) {
                let column = lexer.skipBlankLines()
                if lexer.position < lexer.limit {
                    try lexer.indentation(column, levels: &levels, into: &tokens)
                }
            }
            let token = try lexer.next()
            switch token.kind {
            case .symbol("("), .symbol("["), .symbol("{"): brackets += 1
            case .symbol(")"), .symbol("]"), .symbol("}"): brackets = Swift.max(0, brackets - 1)
            case .newline where brackets > 0: continue
            case .end:
                if let last = tokens.last, last.kind != .newline {
                    tokens.append(Token(kind: .newline, span: token.span))
                }
                tokens += Array(repeating: Token(kind: .dedent, span: token.span), count: Swift.max(0, levels.count - 1))
                tokens.append(token)
                return tokens
            default: break
            }
            tokens.append(token)
        }
    }

    /// Skips lines that hold nothing but blanks or a comment; returns the
    /// indentation (in columns, a tab reaching the next multiple of 8) of the line reached.
    private mutating func skipBlankLines() -> Int {
        while true {
            var column = 0
            while position < limit, characters[position] == " " || characters[position] == "\t" {
                column = characters[position] == "\t" ? (column / 8 + 1) * 8 : column + 1
                position += 1
            }
            skipBlanksAndComments()
            guard position < limit, characters[position] == "\n" else { return column }
            position += 1
        }
    }

    /// The tokens a line indented by `column` opens with: an indent when deeper
    /// than the enclosing block, a dedent for each block it closes.
    private func indentation(_ column: Int, levels: inout [Int], into tokens: inout [Token]) throws {
        let span = SourceSpan(position, position + 1)
        guard let current = levels.last else {
            levels.append(column)
            return
        }
        if column > current {
            levels.append(column)
            tokens.append(Token(kind: .indent, span: span))
            return
        }
        while let last = levels.last, column < last, levels.count > 1 {
            levels.removeLast()
            tokens.append(Token(kind: .dedent, span: span))
        }
        if column != levels.last {
            throw InterpreterError(.syntax, "this line's indentation matches no enclosing block: indent it like the lines of the block it belongs to",
                                   at: span)
        }
    }

    private mutating func next() throws -> Token {
        skipBlanksAndComments()
        let start = position
        guard position < limit else { return Token(kind: .end, span: SourceSpan(start, start + 1)) }
        let c = characters[position]
        if c == "\n" {
            position += 1
            return Token(kind: .newline, span: SourceSpan(start, position))
        }
        if c.isNumber && c.isASCII || (c == "." && peek(1)?.isASCIIDigit == true) {
            return try number()
        }
        if c == "'" || c == "\"" {
            return Token(kind: .string(try string()), span: SourceSpan(start, position))
        }
        if c.isLetter || c == "_" {
            while position < limit, characters[position].isIdentifierCharacter { position += 1 }
            let word = String(characters[start..<position])
            if word == "f" || word == "F", let quote = peek(0), quote == "'" || quote == "\"" {
                return Token(kind: .formatted(try formattedString()), span: SourceSpan(start, position))
            }
            let kind: Token.Kind = Keyword(rawValue: word).map { .keyword($0) } ?? .name(word)
            return Token(kind: kind, span: SourceSpan(start, position))
        }
        for symbol in Lexer.symbols where matches(symbol) {
            position += symbol.count
            return Token(kind: .symbol(String(symbol)), span: SourceSpan(start, position))
        }
        if c == "!" {
            throw InterpreterError(.syntax, "'!' is not an operator: write 'not x' to negate, '!=' to compare", at: SourceSpan(start, start + 1))
        }
        throw InterpreterError(.syntax, "unexpected character '\(c)'", at: SourceSpan(start, start + 1))
    }

    private mutating func skipBlanksAndComments() {
        while position < limit {
            let c = characters[position]
            if c == "#" {
                while position < limit, characters[position] != "\n" { position += 1 }
            } else if c.isWhitespace && c != "\n" {
                position += 1
            } else {
                return
            }
        }
    }

    private func peek(_ offset: Int) -> Character? {
        position + offset < limit ? characters[position + offset] : nil
    }

    private func matches(_ symbol: [Character]) -> Bool {
        position + symbol.count <= limit && Array(characters[position..<position + symbol.count]) == symbol
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

    /// A string in single or double quotes, or in tripled quotes (which may
    /// span lines), with the escapes `\n \t \0 \\ \' \"`.
    private mutating func string() throws -> String {
        var text = ""
        try stringBody { c, _, _ in text.append(c) }
        return text
    }

    /// Reads a quoted string from its opening quote to its closing one,
    /// handing each character (escapes resolved), whether it was escaped and
    /// where it sits to `visit`.
    private mutating func stringBody(_ visit: (Character, Bool, Int) throws -> Void) throws {
        let start = position
        let quote = characters[position]
        let tripled = peek(1) == quote && peek(2) == quote
        position += tripled ? 3 : 1
        while position < limit {
            let c = characters[position]
            if c == quote && (!tripled || (peek(1) == quote && peek(2) == quote)) {
                position += tripled ? 3 : 1
                return
            }
            if c == "\n" && !tripled { break }
            if c == "\\", let escaped = peek(1) {
                try visit(Lexer.unescape(escaped), true, position)
                position += 2
            } else {
                try visit(c, false, position)
                position += 1
            }
        }
        let closing = tripled ? String(repeating: quote, count: 3) : "a \(quote)"
        throw InterpreterError(.syntax, "this string is never closed: add \(closing) at its end",
                               at: SourceSpan(start, start + 1), isIncomplete: tripled)
    }

    /// `f"loss {loss:.4f}"`: literal text and `{expression!conversion:spec}` fields;
    /// `{{` and `}}` stand for braces.
    private mutating func formattedString() throws -> [FormattedPart] {
        var body: [(Character, Bool, Int)] = []
        try stringBody { body.append(($0, $1, $2)) }
        var parts: [FormattedPart] = []
        var text = ""
        var i = 0
        while i < body.count {
            let (c, escaped, at) = body[i]
            let next = i + 1 < body.count && !body[i + 1].1 ? body[i + 1].0 : nil
            if escaped || (c != "{" && c != "}") {
                text.append(c)
                i += 1
            } else if next == c {
                text.append(c)
                i += 2
            } else if c == "}" {
                throw InterpreterError(.syntax, "a single '}' in an f-string: write '}}' for a brace", at: SourceSpan(at, at + 1))
            } else {
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                let (field, end) = try formattedField(body, from: i + 1)
                parts.append(field)
                i = end + 1
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    /// The field that starts after the `{` at `body[from - 1]`, and the index of its closing `}`.
    private func formattedField(_ body: [(Character, Bool, Int)], from: Int) throws -> (FormattedPart, Int) {
        var depth = 0
        var expressionEnd: Int?
        var conversion: Character?
        var i = from
        while i < body.count {
            let c = body[i].0
            if "([{".contains(c) { depth += 1 }
            if ")]".contains(c) || (c == "}" && depth > 0) { depth -= 1 }
            if depth == 0 {
                if c == "}" || (c == ":" && expressionEnd == nil) { break }
                if c == "!", i + 1 < body.count, body[i + 1].0 != "=", expressionEnd == nil {
                    expressionEnd = i
                    conversion = i + 1 < body.count ? body[i + 1].0 : nil
                    i += 2
                    continue
                }
            }
            i += 1
        }
        let open = body[from - 1].2
        guard i < body.count else {
            throw InterpreterError(.syntax, "this f-string field is never closed: add '}'", at: SourceSpan(open, open + 1))
        }
        let end = expressionEnd ?? i
        var spec = ""
        if body[i].0 == ":" {
            var j = i + 1
            while j < body.count, body[j].0 != "}" { spec.append(body[j].0); j += 1 }
            guard j < body.count else {
                throw InterpreterError(.syntax, "this f-string field is never closed: add '}'", at: SourceSpan(open, open + 1))
            }
            i = j
        }
        if let conversion, conversion != "r", conversion != "s" {
            throw InterpreterError(.syntax, "an f-string conversion is !r or !s, not !\(conversion)", at: SourceSpan(open, body[i].2))
        }
        let range = (from < end ? body[from].2 : open + 1)..<(from < end ? body[end - 1].2 + 1 : open + 1)
        var tokens = try Lexer.tokens(ofField: characters, range)
        if tokens.count == 1 {
            throw InterpreterError(.syntax, "an f-string field needs an expression between '{' and '}'", at: SourceSpan(open, body[i].2 + 1))
        }
        tokens[tokens.count - 1].span = SourceSpan(range.upperBound, range.upperBound + 1)
        return (.field(tokens: tokens, conversion: conversion, spec: spec), i)
    }

    /// The tokens of an f-string field's expression, which sits in `range` of the source.
    private static func tokens(ofField characters: [Character], _ range: Range<Int>) throws -> [Token] {
        var lexer = Lexer(characters, range)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            if token.kind == .newline { continue }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
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
