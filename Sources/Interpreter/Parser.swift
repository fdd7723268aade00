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
        self.tokens = tokens
    }

    /// How many loops, and how many functions, enclose the statement being
    /// parsed: `break` needs a loop, `return` a function.
    private var loopDepth = 0
    private var functionDepth = 0

    // MARK: Statements

    private mutating func program() throws -> [Statement] {
        var statements: [Statement] = []
        while true {
            while isSeparator(current) { advance() }
            if current.kind == .end { return statements }
            if current.kind == .indent { throw unexpectedIndent() }
            statements.append(try statement())
            try expectEndOfStatement()
        }
    }

    private func isSeparator(_ token: Token) -> Bool {
        token.kind == .symbol(";") || token.kind == .newline
    }

    /// After a statement: `;`, the end of the line, or the end of an indented block.
    private func expectEndOfStatement() throws {
        if isSeparator(current) || current.kind == .end || current.kind == .dedent || previous.kind == .dedent { return }
        throw unexpected(current)
    }

    private mutating func statement() throws -> Statement {
        if case .keyword(let keyword) = current.kind, let compound = try compoundStatement(keyword) { return compound }
        if current.kind == .symbol("@") { throw Unsupported.decorator.error(at: current.span) }
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
        if current.kind == .symbol(":"), case .name = first.kind {
            throw Unsupported.annotation.error(at: current.span)
        }
        guard current.kind == .symbol("=") else { return .expression(first) }
        let equals = advance()
        let targets: [Expr]
        // `a, b = …` has two targets; `W, = …` has one, a tuple, which unpacks one item.
        if case .tuple(let elements) = first.kind, elements.count > 1 { targets = elements } else { targets = [first] }
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
        "%=": .remainder,
    ]

    /// The statement a keyword begins, or nil when the keyword begins an expression (`not x`, `lambda …`).
    private mutating func compoundStatement(_ keyword: Keyword) throws -> Statement? {
        switch keyword {
        case .for: return try loop()
        case .while: return try whileLoop()
        case .with: return try withStatement()
        case .if: return try branches()
        case .def: return try functionDefinition()
        case .class: return try classDefinition()
        case .import, .from: return try moduleImport()
        case .return: return try returnStatement()
        case .assert: return try assertion()
        case .pass:
            advance()
            return .pass
        case .break, .continue:
            let token = advance()
            guard loopDepth > 0 else {
                throw InterpreterError(.syntax, "'\(keyword.rawValue)' is only allowed inside a for or while loop", at: token.span)
            }
            return keyword == .break ? .breakLoop : .continueLoop
        case .elif, .else:
            throw InterpreterError(.syntax, "'\(keyword.rawValue)' needs an 'if' just above it, at the same indentation",
                                   at: current.span)
        default:
            if let unsupported = Unsupported(keyword) { throw unsupported.error(at: current.span) }
            return nil
        }
    }

    /// `for TARGETS in EXPR:` and its block, one level deeper in the tree (loops nested
    /// in loops count towards `maximumDepth`).
    private mutating func loop() throws -> Statement {
        try descend()
        defer { depth -= 1 }
        let keyword = advance()
        let targets = try loopTargets(after: keyword)
        let inToken = advance()
        let sequence = try expressionList(after: inToken)
        let colon = try expectColon(after: "the sequence of the for loop")
        let body = try loopBody(after: colon)
        return .loop(targets: targets, sequence: sequence, body: body, span: keyword.span.union(colon.span))
    }

    /// `x`, `i, x`, `(a, b), c`: what a `for` assigns, up to its `in`.
    private mutating func loopTargets(after keyword: Token) throws -> [Expr] {
        var targets: [Expr] = []
        repeat {
            if current.kind == .symbol(",") { advance() }
            guard startsExpression(current) else {
                throw InterpreterError(.syntax, "expected a variable name after \(previous.quoted)", at: current.span)
            }
            let target = try postfix()
            try checkAssignable(target)
            targets.append(target)
        } while current.kind == .symbol(",")
        guard current.kind == .keyword(.in) else {
            throw InterpreterError(.syntax, "expected 'in' after the variables of 'for'", at: current.span)
        }
        return targets
    }

    private mutating func whileLoop() throws -> Statement {
        let keyword = advance()
        let condition = try expression(after: keyword)
        let colon = try expectColon(after: "the condition of while")
        return .whileLoop(condition: condition, body: try loopBody(after: colon))
    }

    /// `with EXPR as NAME:` and its block (one context, as the notebooks' file reading has).
    private mutating func withStatement() throws -> Statement {
        let keyword = advance()
        let context = try expression(after: keyword)
        var target: Expr?
        if current.kind == .keyword(.as) {
            let asToken = advance()
            guard startsExpression(current) else {
                throw InterpreterError(.syntax, "expected a variable name after 'as'", at: asToken.span)
            }
            let name = try postfix()
            try checkAssignable(name)
            target = name
        }
        if current.kind == .symbol(",") {
            throw InterpreterError(.syntax, "'with' takes one context here; nest a second 'with' inside the first",
                                   at: current.span)
        }
        let colon = try expectColon(after: "the context of with")
        return .with(context: context, target: target, body: try block(after: colon), span: keyword.span.union(colon.span))
    }

    private mutating func loopBody(after colon: Token) throws -> [Statement] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        let body = try block(after: colon)
        skipNewline(before: .else)
        if current.kind == .keyword(.else) { throw Unsupported.loopElse.error(at: current.span) }
        return body
    }

    /// `if …: … elif …: … else: …`.
    private mutating func branches() throws -> Statement {
        var keyword = advance()
        var branches: [(condition: Expr, body: [Statement])] = []
        while true {
            let condition = try expression(after: keyword)
            if current.kind == .symbol("=") {
                throw InterpreterError(.syntax, "'=' assigns; to compare, write '=='", at: current.span)
            }
            let colon = try expectColon(after: "the condition of \(keyword.quoted)")
            branches.append((condition, try block(after: colon)))
            skipNewline(before: .elif)
            skipNewline(before: .else)
            guard current.kind == .keyword(.elif) else { break }
            keyword = advance()
        }
        var otherwise: [Statement] = []
        if current.kind == .keyword(.else) {
            let keyword = advance()
            if current.kind == .keyword(.if) {
                throw InterpreterError(.syntax, "write 'elif' instead of 'else if'", at: keyword.span.union(current.span))
            }
            otherwise = try block(after: try expectColon(after: "'else'"))
        }
        return .branches(branches, otherwise: otherwise)
    }

    /// A same-line block ends at its newline; the next line may go on with `elif` or `else`.
    private mutating func skipNewline(before keyword: Keyword) {
        if current.kind == .newline && peek.kind == .keyword(keyword) { advance() }
    }

    private mutating func expectColon(after what: String) throws -> Token {
        guard current.kind == .symbol(":") else {
            throw InterpreterError(.syntax, "expected ':' after \(what)", at: current.span)
        }
        return advance()
    }

    /// The statements after a `:`: the rest of the line, or the lines indented under it.
    private mutating func block(after colon: Token) throws -> [Statement] {
        try descend()
        defer { depth -= 1 }
        guard current.kind == .newline || current.kind == .end else { return try sameLineBlock() }
        if current.kind == .newline { advance() }
        guard current.kind == .indent else {
            let atEnd = tokens[position...].allSatisfy { $0.kind == .dedent || $0.kind == .end }
            throw InterpreterError(.syntax, "expected an indented block after ':': indent the lines that belong to it",
                                   at: atEnd ? colon.span : current.span, isIncomplete: atEnd)
        }
        advance()
        var body: [Statement] = []
        while current.kind != .dedent && current.kind != .end {
            if isSeparator(current) { advance(); continue }
            if current.kind == .indent { throw unexpectedIndent() }
            body.append(try statement())
            try expectEndOfStatement()
        }
        if current.kind == .dedent { advance() }
        return body
    }

    /// `for i in range(3): a; b` — the body is the rest of the line.
    private mutating func sameLineBlock() throws -> [Statement] {
        var body: [Statement] = []
        while current.kind != .newline && current.kind != .end && current.kind != .dedent {
            if current.kind == .symbol(";") { advance(); continue }
            body.append(try statement())
            try expectEndOfStatement()
        }
        if body.isEmpty {
            throw InterpreterError(.syntax, "expected statements after ':' on the same line", at: current.span)
        }
        return body
    }

    /// `def name(a, b=1): …`.
    private mutating func functionDefinition() throws -> Statement {
        let keyword = advance()
        let name = try expectName(after: "'def'")
        guard current.kind == .symbol("(") else {
            throw InterpreterError(.syntax, "expected '(' and the parameters after 'def \(name)'", at: current.span)
        }
        let parameters = try parameterList(closing: ")", open: advance())
        if current.kind == .symbol("->") {
            let arrow = advance()
            _ = try expression(after: arrow)
        }
        let colon = try expectColon(after: "the parameters of '\(name)'")
        let body = try functionBody(after: colon)
        return .function(FunctionDefinition(name: name, parameters: parameters, body: body,
                                            span: keyword.span.union(colon.span)))
    }

    private mutating func functionBody(after colon: Token) throws -> [Statement] {
        let loops = loopDepth
        loopDepth = 0
        functionDepth += 1
        defer {
            loopDepth = loops
            functionDepth -= 1
        }
        return try block(after: colon)
    }

    /// `a, b=1` up to the closing `)` (or the `:` of a lambda). An annotation `a: int` is read and ignored.
    private mutating func parameterList(closing: String, open: Token?) throws -> [FunctionDefinition.Parameter] {
        var parameters: [FunctionDefinition.Parameter] = []
        while current.kind != .symbol(closing) {
            if current.kind == .symbol("*") || current.kind == .symbol("**") {
                throw Unsupported.starParameters.error(at: current.span)
            }
            let name = try expectName(after: parameters.isEmpty ? (open?.quoted ?? "'lambda'") : "','")
            if parameters.contains(where: { $0.name == name }) {
                throw InterpreterError(.syntax, "parameter '\(name)' is named twice", at: previous.span)
            }
            if closing == ")" && current.kind == .symbol(":") {
                let colon = advance()
                _ = try expression(after: colon)
            }
            var defaultValue: Expr?
            if current.kind == .symbol("=") {
                defaultValue = try expression(after: advance())
            } else if parameters.last?.defaultValue != nil {
                throw InterpreterError(.syntax, "parameter '\(name)' without a default cannot follow one with a default",
                                       at: previous.span)
            }
            parameters.append(.init(name: name, defaultValue: defaultValue))
            guard current.kind == .symbol(",") else { break }
            advance()
        }
        if let open {
            try expectClosing(closing, open: open)
        } else if current.kind != .symbol(closing) {
            throw InterpreterError(.syntax, "expected ',' or ':' in the parameters of lambda", at: current.span)
        }
        return parameters
    }

    private mutating func expectName(after what: String) throws -> String {
        guard case .name(let name) = current.kind else {
            throw InterpreterError(.syntax, "expected a name after \(what)", at: current.span)
        }
        advance()
        return name
    }

    /// `class Name:` or `class Name(Base):`, whose block holds methods and class attributes.
    private mutating func classDefinition() throws -> Statement {
        let keyword = advance()
        let name = try expectName(after: "'class'")
        var base: Expr?
        if current.kind == .symbol("(") {
            let open = advance()
            let bases = try commaSeparated(closing: ")", open: open) { try $0.expression(after: $0.previous) }
            if bases.count > 1 { throw Unsupported.multipleInheritance.error(at: bases[1].span) }
            base = bases.first
        }
        let colon = try expectColon(after: "'class \(name)'")
        let body = try functionBody(after: colon)
        for statement in body {
            switch statement {
            case .function, .pass, .assign: continue
            case .expression(let expr) where expr.isString: continue
            default:
                throw InterpreterError(.syntax, "the body of class \(name) may hold only methods (def), class attributes (name = value) and pass",
                                       at: keyword.span)
            }
        }
        return .classDefinition(ClassDefinition(name: name, base: base, body: body, span: keyword.span.union(colon.span)))
    }

    /// `import numpy`, `import numpy as np`, `from numpy import zeros, exp as e`.
    private mutating func moduleImport() throws -> Statement {
        let keyword = advance()
        let module = try dottedName(after: keyword.quoted)
        if keyword.kind == .keyword(.import) {
            var alias: String?
            if current.kind == .keyword(.as) {
                advance()
                alias = try expectName(after: "'as'")
            }
            if current.kind == .symbol(",") {
                throw InterpreterError(.syntax, "import one module per line", at: current.span)
            }
            return .importModule(ModuleImport(module: module, alias: alias, names: [], isFrom: false,
                                              span: keyword.span.union(previous.span)))
        }
        guard current.kind == .keyword(.import) else {
            throw InterpreterError(.syntax, "expected 'import' after 'from \(module)'", at: current.span)
        }
        advance()
        if current.kind == .symbol("*") {
            throw InterpreterError(.syntax, "'from \(module) import *' is not supported: name what you import, or write 'import numpy as np'",
                                   at: current.span)
        }
        let parenthesized = current.kind == .symbol("(")
        if parenthesized { advance() }
        var names: [(name: String, alias: String)] = []
        repeat {
            if current.kind == .symbol(",") { advance() }
            let name = try expectName(after: names.isEmpty ? "'import'" : "','")
            var alias = name
            if current.kind == .keyword(.as) {
                advance()
                alias = try expectName(after: "'as'")
            }
            names.append((name, alias))
        } while current.kind == .symbol(",")
        if parenthesized {
            guard current.kind == .symbol(")") else { throw InterpreterError(.syntax, "expected ')' after the imported names", at: current.span) }
            advance()
        }
        return .importModule(ModuleImport(module: module, alias: nil, names: names, isFrom: true,
                                          span: keyword.span.union(previous.span)))
    }

    /// `numpy` or `numpy.random`.
    private mutating func dottedName(after what: String) throws -> String {
        if current.kind == .symbol(".") || current.kind == .symbol("...") {
            throw InterpreterError(.syntax, "relative imports are not supported: mlplab has no files to import from", at: current.span)
        }
        var name = try expectName(after: what)
        while current.kind == .symbol(".") {
            advance()
            name += "." + (try expectName(after: "'.'"))
        }
        return name
    }

    private mutating func returnStatement() throws -> Statement {
        let keyword = advance()
        guard functionDepth > 0 else {
            throw InterpreterError(.syntax, "'return' is only allowed inside a function (def)", at: keyword.span)
        }
        guard startsExpression(current) else { return .returnValue(nil) }
        return .returnValue(try expressionList(after: keyword))
    }

    /// `assert condition` or `assert condition, "message"`.
    private mutating func assertion() throws -> Statement {
        let keyword = advance()
        let condition = try expression(after: keyword)
        var message: Expr?
        if current.kind == .symbol(",") { message = try expression(after: advance()) }
        return .assert(condition, message: message, span: keyword.span.union(previous.span))
    }

    private func checkAssignable(_ target: Expr) throws {
        switch target.kind {
        case .name, .index, .attribute:
            return
        case .call:
            throw InterpreterError(.syntax, "cannot assign to a function call", at: target.span)
        case .int, .float, .string, .bool, .none:
            throw InterpreterError(.syntax, "cannot assign to a literal", at: target.span)
        case .tuple(let elements):
            for element in elements { try checkAssignable(element) }
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
        if current.kind == .keyword(.lambda) { return try lambda() }
        let value = try logicalOr()
        if current.kind == .symbol(":=") { throw Unsupported.walrus.error(at: current.span) }
        guard current.kind == .keyword(.if) else { return value }
        let ifToken = advance()
        let condition = try operand(after: ifToken) { try $0.logicalOr() }
        guard current.kind == .keyword(.else) else {
            throw InterpreterError(.syntax, "expected 'else' in the conditional expression 'a if condition else b'", at: current.span)
        }
        let elseToken = advance()
        let otherwise = try operand(after: elseToken) { try $0.expression(after: elseToken) }
        return Expr(kind: .conditional(condition: condition, then: value, otherwise: otherwise),
                    span: value.span.union(otherwise.span))
    }

    /// `lambda a, b=1: expression`.
    private mutating func lambda() throws -> Expr {
        let keyword = advance()
        let parameters = try parameterList(closing: ":", open: nil)
        let colon = advance()
        let loops = loopDepth
        loopDepth = 0
        defer { loopDepth = loops }
        let body = try expression(after: colon)
        let definition = FunctionDefinition(name: "<lambda>", parameters: parameters,
                                            body: [.returnValue(body)], span: keyword.span.union(body.span))
        return Expr(kind: .lambda(definition), span: definition.span)
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
        guard let op = comparisonOperator() else { return left }
        let opToken = advance()
        if op == .notContains || op == .notIdentical { advance() }
        let right = try operand(after: opToken) { try $0.bitwiseOr() }
        if let next = comparisonOperator() {
            throw InterpreterError(.syntax, "comparisons cannot be chained: write (a \(op.rawValue) b) & (b \(next.rawValue) c)",
                                   at: current.span)
        }
        return Expr(kind: .binary(op, left, right), span: left.span.union(right.span))
    }

    /// The comparison at the current token: a symbol, `in`, `not in`, `is`, `is not`.
    private func comparisonOperator() -> BinaryOperator? {
        switch current.kind {
        case .keyword(.in): return .contains
        case .keyword(.not) where peek.kind == .keyword(.in): return .notContains
        case .keyword(.is): return peek.kind == .keyword(.not) ? .notIdentical : .identical
        default:
            guard let op = binaryOperator(current), op.isComparison else { return nil }
            return op
        }
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
        case .string: return try strings()
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
        case .symbol("{"): return try dictLiteral()
        case .symbol("..."):
            advance()
            return Expr(kind: .ellipsis, span: token.span)
        case .formatted: return try strings()
        default: throw expectedExpression(after: position > 0 ? previous : nil)
        }
    }

    /// A string, an f-string, or several written side by side (`"a" f"{b}"`), joined as in Python.
    private mutating func strings() throws -> Expr {
        let start = current.span
        var fields: [FormattedField] = []
        while true {
            switch current.kind {
            case .string(let text): fields.append(.text(text))
            case .formatted(let parts): fields += try parts.map { try formattedField($0) }
            default:
                let span = start.union(previous.span)
                if fields.allSatisfy({ if case .text = $0 { return true } else { return false } }) {
                    let text = fields.map { if case .text(let t) = $0 { return t } else { return "" } }.joined()
                    return Expr(kind: .string(text), span: span)
                }
                return Expr(kind: .formatted(fields), span: span)
            }
            advance()
        }
    }

    private mutating func formattedField(_ part: FormattedPart) throws -> FormattedField {
        switch part {
        case .text(let text):
            return .text(text)
        case .field(let tokens, let conversion, let spec):
            var parser = Parser(tokens: tokens)
            parser.depth = depth
            let value = try parser.expressionList()
            guard parser.current.kind == .end else { throw parser.unexpected(parser.current) }
            return .value(value, conversion: conversion, spec: spec)
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
        if current.kind == .keyword(.for) {
            let generator = try comprehension(.item(first), closing: ")", open: open)
            advance()
            return generator
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

    /// `[a, b]` or `[x for x in xs]`.
    private mutating func listLiteral() throws -> Expr {
        let open = advance()
        if startsExpression(current) {
            let first = try expression(after: open)
            if current.kind == .keyword(.for) {
                let comprehension = try comprehension(.item(first), closing: "]", open: open)
                advance()
                return comprehension
            }
            if current.kind == .symbol(",") { advance() }
            let rest = try commaSeparated(closing: "]", open: open) { try $0.expression(after: $0.previous) }
            return Expr(kind: .list([first] + rest), span: open.span.union(previous.span))
        }
        let elements = try commaSeparated(closing: "]", open: open) { try $0.expression(after: $0.previous) }
        return Expr(kind: .list(elements), span: open.span.union(previous.span))
    }

    /// `{k: v, …}` or `{k: v for … in …}`; a set `{a, b}` is refused by name.
    private mutating func dictLiteral() throws -> Expr {
        let open = advance()
        var entries: [(key: Expr, value: Expr)] = []
        while current.kind != .symbol("}") {
            if current.kind == .end || current.kind == .newline { throw neverClosed(open) }
            if current.kind == .symbol("**") { throw Unsupported.starArguments.error(at: current.span) }
            let key = try expression(after: entries.isEmpty ? open : previous)
            guard current.kind == .symbol(":") else {
                if current.kind == .symbol(",") || current.kind == .symbol("}") || current.kind == .keyword(.for) {
                    throw Unsupported.set.error(at: open.span.union(current.span))
                }
                throw InterpreterError(.syntax, "expected ':' between a key and its value", at: current.span)
            }
            let colon = advance()
            let value = try expression(after: colon)
            if entries.isEmpty && current.kind == .keyword(.for) {
                let comprehension = try comprehension(.entry(key: key, value: value), closing: "}", open: open)
                advance()
                return comprehension
            }
            entries.append((key, value))
            guard current.kind == .symbol(",") else { break }
            advance()
        }
        try expectClosing("}", open: open)
        return Expr(kind: .dict(entries), span: open.span.union(previous.span))
    }

    /// The `for … in …` and `if …` clauses after a comprehension's element, up to
    /// (not including) `closing`.
    private mutating func comprehension(_ element: Comprehension.Element, closing: String, open: Token) throws -> Expr {
        var clauses: [Comprehension.Clause] = []
        var names: [String] = []
        while current.kind != .symbol(closing) {
            switch current.kind {
            case .keyword(.for):
                let keyword = advance()
                let targets = try loopTargets(after: keyword)
                let inToken = advance()
                let sequence = try operand(after: inToken) { try $0.logicalOr() }
                clauses.append(.loop(targets: targets, sequence: sequence))
                names += targets.flatMap(\.boundNames)
            case .keyword(.if):
                let keyword = advance()
                clauses.append(.filter(try operand(after: keyword) { try $0.logicalOr() }))
            case .end, .newline:
                throw neverClosed(open)
            default:
                throw InterpreterError(.syntax, "expected 'for', 'if' or '\(closing)' in the comprehension", at: current.span)
            }
        }
        let span = open.span.union(current.span)
        let scope = FunctionDefinition(name: "<comprehension>", parameters: names.map { .init(name: $0, defaultValue: nil) },
                                       body: [], span: span)
        return Expr(kind: .comprehension(Comprehension(element: element, clauses: clauses, scope: scope)), span: span)
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
            if parser.current.kind == .symbol("*") || parser.current.kind == .symbol("**") {
                throw Unsupported.starArguments.error(at: parser.current.span)
            }
            var value = try parser.expression(after: parser.previous)
            if parser.current.kind == .keyword(.for) {
                value = try parser.comprehension(.item(value), closing: ")", open: open)
            }
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
        case .formatted: return true
        case .keyword(let k): return [.true, .false, .none, .True, .False, .None, .not, .lambda].contains(k)
        case .symbol(let s): return ["(", "[", "{", "-", "+", "~", "..."].contains(s)
        case .newline, .end, .indent, .dedent: return false
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
        if case .keyword(let keyword) = current.kind, let unsupported = Unsupported(keyword) {
            return unsupported.error(at: current.span)
        }
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
        case .symbol(")"), .symbol("]"), .symbol("}"):
            return InterpreterError(.syntax, "unmatched \(token.quoted)", at: token.span)
        case .keyword(let keyword):
            if let unsupported = Unsupported(keyword) { return unsupported.error(at: token.span) }
            return InterpreterError(.syntax, "unexpected \(token.quoted) here", at: token.span)
        case .symbol(":="):
            return Unsupported.walrus.error(at: token.span)
        case .indent:
            return unexpectedIndent()
        case _ where previous.kind == .name("print") && startsExpression(token):
            return InterpreterError(.syntax, "print is a function (Python 3): write print(…) with brackets", at: token.span)
        default:
            return InterpreterError(.syntax, "unexpected \(token.quoted): is an operator or a comma missing?",
                                    at: token.span)
        }
    }

    private func unexpectedIndent() -> InterpreterError {
        InterpreterError(.syntax, "unexpected indentation: only the lines of a block (under a line ending in ':') are indented",
                         at: current.span)
    }

    private func neverClosed(_ open: Token) -> InterpreterError {
        InterpreterError(.syntax, "\(open.quoted) was never closed", at: open.span, isIncomplete: true)
    }
}
