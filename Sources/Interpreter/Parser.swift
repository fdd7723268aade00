/// A recursive-descent parser for the REPL language. Operator precedence is
/// Python's (so numpy code means what it means in numpy), lowest first:
///
///     or · and · not · comparisons (< <= > >= == !=) · | · & · + - · * / // % @ · unary - + ~ · ** · x(…) x[…] x.name
///
/// `**` binds tighter than a unary minus on its left (`-2 ** 2` is -4) and is
/// right-associative. Comparisons do not chain: `0 < x < 1` is refused.
///
/// Trees deeper than `maximumDepth` are refused, so that neither parsing nor
/// evaluating (both recursive) can exhaust the stack on pathological input.
public struct Parser {
    private var tokens: [Token]
    private var position = 0
    /// How deep the node being parsed sits in the tree.
    private var depth = 0
    static let maximumDepth = 100

    /// Parses one line (or several, separated by newlines) into a program.
    public static func parse(_ source: String) throws -> Program {
        var parser = Parser(tokens: try Lexer.tokens(of: source))
        return Program(source: source, statements: try parser.program())
    }

    private init(tokens: [Token]) {
        self.tokens = Parser.joiningLinesInsideBrackets(tokens)
    }

    /// Inside brackets a newline is just a blank, as in Python.
    private static func joiningLinesInsideBrackets(_ tokens: [Token]) -> [Token] {
        var depth = 0
        return tokens.filter { token in
            switch token.kind {
            case .symbol("("), .symbol("["): depth += 1
            case .symbol(")"), .symbol("]"): depth = Swift.max(0, depth - 1)
            case .newline: return depth == 0
            default: break
            }
            return true
        }
    }

    // MARK: Statements

    private mutating func program() throws -> [Statement] {
        var statements: [Statement] = []
        while true {
            while isSeparator(current) { advance() }
            if current.kind == .end { return statements }
            statements.append(try statement())
            guard isSeparator(current) || current.kind == .end else { throw unexpected(current) }
        }
    }

    private func isSeparator(_ token: Token) -> Bool {
        token.kind == .symbol(";") || token.kind == .newline
    }

    private mutating func statement() throws -> Statement {
        if current.kind == .keyword(.for) { return try loop() }
        let start = current.span
        let first = try expressionList()
        if let symbol = symbol(current), let op = Parser.augmentedOperators[symbol] {
            let opToken = advance()
            if case .tuple = first.kind {
                throw InterpreterError(.syntax, "'\(symbol)' needs a single target, not several", at: opToken.span)
            }
            try checkAssignable(first)
            let value = try expression(after: opToken)
            return .augmented(first, op, value, span: start.union(value.span))
        }
        guard current.kind == .symbol("=") else { return .expression(first) }
        let equals = advance()
        let targets: [Expr]
        if case .tuple(let elements) = first.kind { targets = elements } else { targets = [first] }
        for target in targets { try checkAssignable(target) }
        let value = try expressionList(after: equals)
        if current.kind == .symbol("=") {
            throw InterpreterError(.syntax, "chained assignment (a = b = …) is not supported: assign one at a time",
                                   at: current.span)
        }
        return .assign(targets, value, span: start.union(value.span))
    }

    private static let augmentedOperators: [String: BinaryOperator] = [
        "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide, "**=": .power, "//=": .floorDivide, "@=": .matmul,
    ]

    /// `for NAME in EXPR: statement; statement` — the body is the rest of the line,
    /// one level deeper in the tree (loops nested in loops count towards `maximumDepth`).
    private mutating func loop() throws -> Statement {
        try descend()
        defer { depth -= 1 }
        let keyword = advance()
        guard case .name(let variable) = current.kind else {
            throw InterpreterError(.syntax, "expected a variable name after 'for'", at: current.span)
        }
        advance()
        guard current.kind == .keyword(.in) else {
            throw InterpreterError(.syntax, "expected 'in' after 'for \(variable)'", at: current.span)
        }
        let inToken = advance()
        let sequence = try expression(after: inToken)
        guard current.kind == .symbol(":") else {
            throw InterpreterError(.syntax, "expected ':' after the sequence of the for loop", at: current.span)
        }
        let colon = advance()
        var body: [Statement] = []
        while current.kind != .newline && current.kind != .end {
            if current.kind == .symbol(";") { advance(); continue }
            body.append(try statement())
            guard isSeparator(current) || current.kind == .end else { throw unexpected(current) }
        }
        if body.isEmpty {
            throw InterpreterError(.syntax, "expected statements after ':' on the same line", at: current.span)
        }
        return .loop(variable: variable, sequence: sequence, body: body, span: keyword.span.union(colon.span))
    }

    private func checkAssignable(_ target: Expr) throws {
        switch target.kind {
        case .name, .index, .attribute:
            return
        case .call:
            throw InterpreterError(.syntax, "cannot assign to a function call", at: target.span)
        case .int, .float, .string, .bool, .none:
            throw InterpreterError(.syntax, "cannot assign to a literal", at: target.span)
        case .tuple:
            throw InterpreterError(.syntax, "cannot assign to a nested tuple", at: target.span)
        default:
            throw InterpreterError(.syntax, "cannot assign to an expression; assign to a name like 'x = …'",
                                   at: target.span)
        }
    }

    // MARK: Expressions

    /// `a` or `a, b, …` (a tuple without brackets, as on either side of `=`).
    private mutating func expressionList(after previous: Token? = nil) throws -> Expr {
        let first = try expression(after: previous)
        guard current.kind == .symbol(",") else { return first }
        var elements = [first]
        while current.kind == .symbol(",") {
            advance()
            if !startsExpression(current) { break }
            elements.append(try expression())
        }
        return Expr(kind: .tuple(elements), span: first.span.union(elements.last!.span))
    }

    /// An expression; `previous` names the token before it for the message
    /// "expected an expression after '+'".
    private mutating func expression(after previous: Token? = nil) throws -> Expr {
        guard startsExpression(current) else { throw expectedExpression(after: previous) }
        try descend()
        defer { depth -= 1 }
        return try logicalOr()
    }

    /// One level deeper into the tree; throws past `maximumDepth`.
    private mutating func descend() throws {
        depth += 1
        if depth > Parser.maximumDepth {
            throw InterpreterError(.syntax, "this expression is nested too deeply (over \(Parser.maximumDepth) levels): split it into several statements",
                                   at: current.span)
        }
    }

    private mutating func logicalOr() throws -> Expr {
        var left = try logicalAnd()
        var chain = 0
        defer { depth -= chain }
        while current.kind == .keyword(.or) {
            try descend()
            chain += 1
            let op = advance()
            let right = try operand(after: op) { try $0.logicalAnd() }
            left = Expr(kind: .logical(.or, left, right), span: left.span.union(right.span))
        }
        return left
    }

    private mutating func logicalAnd() throws -> Expr {
        var left = try logicalNot()
        var chain = 0
        defer { depth -= chain }
        while current.kind == .keyword(.and) {
            try descend()
            chain += 1
            let op = advance()
            let right = try operand(after: op) { try $0.logicalNot() }
            left = Expr(kind: .logical(.and, left, right), span: left.span.union(right.span))
        }
        return left
    }

    private mutating func logicalNot() throws -> Expr {
        guard current.kind == .keyword(.not) else { return try comparison() }
        let op = advance()
        let operand = try operand(after: op) { try $0.logicalNot() }
        return Expr(kind: .unary(.not, operand), span: op.span.union(operand.span))
    }

    private mutating func comparison() throws -> Expr {
        let left = try bitwiseOr()
        guard let op = binaryOperator(current), op.isComparison else { return left }
        let opToken = advance()
        let right = try operand(after: opToken) { try $0.bitwiseOr() }
        if let next = binaryOperator(current), next.isComparison {
            throw InterpreterError(.syntax, "comparisons cannot be chained: write (a \(op.rawValue) b) & (b \(next.rawValue) c)",
                                   at: current.span)
        }
        return Expr(kind: .binary(op, left, right), span: left.span.union(right.span))
    }

    private mutating func bitwiseOr() throws -> Expr {
        try leftAssociative([.or]) { try $0.bitwiseAnd() }
    }

    private mutating func bitwiseAnd() throws -> Expr {
        try leftAssociative([.and]) { try $0.arithmetic() }
    }

    private mutating func arithmetic() throws -> Expr {
        try leftAssociative([.add, .subtract]) { try $0.term() }
    }

    private mutating func term() throws -> Expr {
        try leftAssociative([.multiply, .divide, .floorDivide, .remainder, .matmul]) { try $0.unary() }
    }

    private mutating func leftAssociative(_ operators: Set<BinaryOperator>,
                                          _ next: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try next(&self)
        var chain = 0
        defer { depth -= chain }
        while let op = binaryOperator(current), operators.contains(op) {
            try descend()
            chain += 1
            let opToken = advance()
            let right = try operand(after: opToken, next)
            left = Expr(kind: .binary(op, left, right), span: left.span.union(right.span))
        }
        return left
    }

    private mutating func unary() throws -> Expr {
        let op: UnaryOperator
        switch current.kind {
        case .symbol("-"): op = .negate
        case .symbol("+"): op = .plus
        case .symbol("~"): op = .invert
        default: return try power()
        }
        let opToken = advance()
        let operand = try operand(after: opToken) { try $0.unary() }
        return Expr(kind: .unary(op, operand), span: opToken.span.union(operand.span))
    }

    private mutating func power() throws -> Expr {
        let base = try postfix()
        guard current.kind == .symbol("**") else { return base }
        let opToken = advance()
        let exponent = try operand(after: opToken) { try $0.unary() }
        return Expr(kind: .binary(.power, base, exponent), span: base.span.union(exponent.span))
    }

    /// Calls, subscripts and attributes, applied left to right: `net.layers[0].W.sum(axis: 0)`.
    private mutating func postfix() throws -> Expr {
        var expr = try atom()
        var chain = 0
        defer { depth -= chain }
        while true {
            if [.symbol("("), .symbol("["), .symbol(".")].contains(current.kind) {
                try descend()
                chain += 1
            }
            switch current.kind {
            case .symbol("("):
                let open = advance()
                let arguments = try callArguments(open: open)
                expr = Expr(kind: .call(expr, arguments), span: expr.span.union(previous.span))
            case .symbol("["):
                let open = advance()
                let subscripts = try subscriptList(open: open)
                expr = Expr(kind: .index(expr, subscripts), span: expr.span.union(previous.span))
            case .symbol("."):
                let dot = advance()
                guard case .name(let name) = current.kind else {
                    throw InterpreterError(.syntax, "expected an attribute name after '.'", at: current.span)
                }
                advance()
                expr = Expr(kind: .attribute(expr, name), span: expr.span.union(dot.span).union(previous.span))
            default:
                return expr
            }
        }
    }

    private mutating func atom() throws -> Expr {
        let token = current
        let literal: Expr.Kind?
        switch token.kind {
        case .int(let v): literal = .int(v)
        case .float(let v): literal = .float(v)
        case .string(let s): literal = .string(s)
        case .name(let n): literal = .name(n)
        case .keyword(.true), .keyword(.True): literal = .bool(true)
        case .keyword(.false), .keyword(.False): literal = .bool(false)
        case .keyword(.none), .keyword(.None): literal = Expr.Kind.none
        default: literal = nil
        }
        if let literal {
            advance()
            return Expr(kind: literal, span: token.span)
        }
        switch token.kind {
        case .symbol("("): return try parenthesized()
        case .symbol("["): return try listLiteral()
        default: throw expectedExpression(after: position > 0 ? previous : nil)
        }
    }

    /// `()`, `(a)`, `(a,)`, `(a, b)`.
    private mutating func parenthesized() throws -> Expr {
        let open = advance()
        if current.kind == .symbol(")") {
            let close = advance()
            return Expr(kind: .tuple([]), span: open.span.union(close.span))
        }
        let first = try expression(after: open)
        if current.kind == .symbol(")") {
            advance()
            return first
        }
        var elements = [first]
        while current.kind == .symbol(",") {
            advance()
            if current.kind == .symbol(")") { break }
            if current.kind == .end || current.kind == .newline { throw neverClosed(open) }
            elements.append(try expression())
        }
        let close = try expectClosing(")", open: open)
        return Expr(kind: .tuple(elements), span: open.span.union(close.span))
    }

    private mutating func listLiteral() throws -> Expr {
        let open = advance()
        let elements = try commaSeparated(closing: "]", open: open) { try $0.expression(after: $0.previous) }
        return Expr(kind: .list(elements), span: open.span.union(previous.span))
    }

    private mutating func callArguments(open: Token) throws -> [Argument] {
        var sawKeyword = false
        return try commaSeparated(closing: ")", open: open) { parser in
            let start = parser.current.span
            if case .name(let label) = parser.current.kind,
               parser.peek.kind == .symbol(":") || parser.peek.kind == .symbol("=") {
                parser.advance()
                let separator = parser.advance()
                let value = try parser.expression(after: separator)
                sawKeyword = true
                return Argument(label: label, value: value, span: start.union(value.span))
            }
            let value = try parser.expression(after: parser.previous)
            if sawKeyword {
                throw InterpreterError(.syntax, "a positional argument cannot follow a keyword argument",
                                       at: value.span)
            }
            return Argument(label: nil, value: value, span: value.span)
        }
    }

    private mutating func subscriptList(open: Token) throws -> [Subscript] {
        if current.kind == .symbol("]") {
            throw InterpreterError(.syntax, "expected an index between '[' and ']'", at: current.span)
        }
        return try commaSeparated(closing: "]", open: open) { try $0.subscriptEntry() }
    }

    /// `i`, `:`, `a:`, `:b`, `a:b`, `::2`, `a:b:c`.
    private mutating func subscriptEntry() throws -> Subscript {
        var parts: [Expr?] = []
        var current: Expr? = nil
        if startsExpression(self.current) { current = try expression() }
        guard self.current.kind == .symbol(":") else {
            guard let current else { throw expectedExpression(after: previous) }
            return .expression(current)
        }
        parts.append(current)
        while self.current.kind == .symbol(":") && parts.count < 3 {
            advance()
            parts.append(startsExpression(self.current) ? try expression() : nil)
        }
        while parts.count < 3 { parts.append(nil) }
        return .slice(parts[0], parts[1], parts[2])
    }

    /// Items separated by commas up to the closing bracket (a trailing comma is allowed).
    private mutating func commaSeparated<T>(closing: String, open: Token,
                                            _ item: (inout Parser) throws -> T) throws -> [T] {
        var items: [T] = []
        while current.kind != .symbol(closing) {
            if current.kind == .end || current.kind == .newline {
                throw neverClosed(open)
            }
            items.append(try item(&self))
            guard current.kind == .symbol(",") else { break }
            advance()
        }
        try expectClosing(closing, open: open)
        return items
    }

    @discardableResult
    private mutating func expectClosing(_ closing: String, open: Token) throws -> Token {
        if current.kind == .symbol(closing) { return advance() }
        switch current.kind {
        case .end, .newline:
            throw neverClosed(open)
        case .symbol(")"), .symbol("]"):
            throw InterpreterError(.syntax, "closing \(current.quoted) does not match \(open.quoted)", at: current.span)
        default:
            throw InterpreterError(.syntax, "expected ',' or '\(closing)' before \(current.quoted)", at: current.span)
        }
    }

    // MARK: Tokens

    private var current: Token { tokens[position] }
    private var peek: Token { tokens[Swift.min(position + 1, tokens.count - 1)] }
    private var previous: Token { tokens[Swift.max(position - 1, 0)] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func symbol(_ token: Token) -> String? {
        if case .symbol(let s) = token.kind { return s }
        return nil
    }

    private func binaryOperator(_ token: Token) -> BinaryOperator? {
        symbol(token).flatMap(BinaryOperator.init(rawValue:))
    }

    /// Can this token begin an expression?
    private func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .int, .float, .string, .name: return true
        case .keyword(let k): return ![.and, .or, .for, .in].contains(k)
        case .symbol(let s): return ["(", "[", "-", "+", "~"].contains(s)
        case .newline, .end: return false
        }
    }

    /// Parses the operand of an operator, with the right message when it is missing.
    private mutating func operand(after op: Token, _ parse: (inout Parser) throws -> Expr) throws -> Expr {
        guard startsExpression(current) else { throw expectedExpression(after: op) }
        try descend()
        defer { depth -= 1 }
        return try parse(&self)
    }

    private func expectedExpression(after previous: Token?) -> InterpreterError {
        if case .symbol(let s) = current.kind, s == ")" || s == "]", previous?.kind != .symbol("(") {
            let opener = s == ")" ? "(" : "["
            if !tokens[..<position].contains(where: { $0.kind == .symbol(opener) }) {
                return InterpreterError(.syntax, "unmatched '\(s)'", at: current.span)
            }
        }
        let message: String
        if let previous, previous.kind != .newline, previous.kind != .symbol(";") {
            message = "expected an expression after \(previous.quoted)"
        } else {
            message = "expected an expression"
        }
        return InterpreterError(.syntax, message, at: current.span)
    }

    private func unexpected(_ token: Token) -> InterpreterError {
        switch token.kind {
        case .symbol(")"), .symbol("]"):
            return InterpreterError(.syntax, "unmatched \(token.quoted)", at: token.span)
        default:
            return InterpreterError(.syntax, "unexpected \(token.quoted): is an operator or a comma missing?",
                                    at: token.span)
        }
    }

    private func neverClosed(_ open: Token) -> InterpreterError {
        InterpreterError(.syntax, "\(open.quoted) was never closed", at: open.span, isIncomplete: true)
    }
}
