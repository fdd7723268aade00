import Interpreter
import XCTest

/// The parser: Python's precedence, slices, keyword arguments, statements,
/// and syntax errors that point at the right column.
final class ParserTests: XCTestCase {
    /// The expression fully parenthesised, to make the tree visible.
    private func tree(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let program = try Parser.parse(source)
            guard program.statements.count == 1, case .expression(let expr) = program.statements[0] else {
                XCTFail("not one expression: \(source)", file: file, line: line)
                return ""
            }
            return describe(expr)
        } catch {
            XCTFail("\(source): \(error)", file: file, line: line)
            return ""
        }
    }

    private func describe(_ e: Expr) -> String {
        switch e.kind {
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .string(let s): return "'\(s)'"
        case .bool(let b): return String(b)
        case .none: return "none"
        case .name(let n), .local(let n, _): return n
        case .list(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .tuple(let items): return "tuple(" + items.map(describe).joined(separator: ", ") + ")"
        case .unary(let op, let x): return "(\(op.rawValue)\(op == .not ? " " : "")\(describe(x)))"
        case .binary(let op, let a, let b): return "(\(describe(a)) \(op.rawValue) \(describe(b)))"
        case .logical(let op, let a, let b): return "(\(describe(a)) \(op.rawValue) \(describe(b)))"
        case .call(let f, let args):
            return describe(f) + "(" + args.map { ($0.label.map { "\($0)=" } ?? "") + describe($0.value) }.joined(separator: ", ") + ")"
        case .attribute(let base, let name): return describe(base) + "." + name
        case .index(let base, let subs):
            return describe(base) + "[" + subs.map { sub -> String in
                switch sub {
                case .expression(let x): return describe(x)
                case .slice(let a, let b, let c): return [a, b, c].map { $0.map(describe) ?? "_" }.joined(separator: ":")
                }
            }.joined(separator: ", ") + "]"
        case .ellipsis: return "..."
        case .conditional(let c, let a, let b): return "(\(describe(a)) if \(describe(c)) else \(describe(b)))"
        case .lambda(let definition): return "lambda(" + definition.parameters.map(\.name).joined(separator: ", ") + ")"
        case .dict(let entries): return "{" + entries.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        case .comprehension: return "comprehension"
        case .formatted: return "f-string"
        }
    }

    func testArithmeticPrecedenceFollowsPython() {
        XCTAssertEqual(tree("a + b * c"), "(a + (b * c))")
        XCTAssertEqual(tree("a - b - c"), "((a - b) - c)")
        XCTAssertEqual(tree("a / b * c"), "((a / b) * c)")
        XCTAssertEqual(tree("x @ W + b"), "((x @ W) + b)")
        XCTAssertEqual(tree("a * b @ c"), "((a * b) @ c)")
        XCTAssertEqual(tree("a // b % c"), "((a // b) % c)")
    }

    func testPowerBindsTighterThanUnaryMinusAndIsRightAssociative() {
        XCTAssertEqual(tree("-2 ** 2"), "(-(2 ** 2))")
        XCTAssertEqual(tree("2 ** 3 ** 2"), "(2 ** (3 ** 2))")
        XCTAssertEqual(tree("2 ** -1"), "(2 ** (-1))")
        XCTAssertEqual(tree("-x.sum()"), "(-x.sum())")
        XCTAssertEqual(tree("~m & n"), "((~m) & n)")
    }

    func testComparisonsBitwiseAndLogicalOperators() {
        // As in numpy code: & binds tighter than comparisons, so masks need brackets.
        XCTAssertEqual(tree("x > 0 & y"), "(x > (0 & y))")
        XCTAssertEqual(tree("(x > 0) & (x < 1)"), "((x > 0) & (x < 1))")
        XCTAssertEqual(tree("a | b & c"), "(a | (b & c))")
        XCTAssertEqual(tree("h <= 0"), "(h <= 0)")
        XCTAssertEqual(tree("not a == b"), "(not (a == b))")
        XCTAssertEqual(tree("a or b and not c"), "(a or (b and (not c)))")
        XCTAssertEqual(tree("a + 1 != b * 2"), "((a + 1) != (b * 2))")
    }

    func testPostfixChains() {
        XCTAssertEqual(tree("net.layers[0].W.sum(axis: 0)"), "net.layers[0].W.sum(axis=0)")
        XCTAssertEqual(tree("f(x)(y)"), "f(x)(y)")
        XCTAssertEqual(tree("x.T @ y"), "(x.T @ y)")
        XCTAssertEqual(tree("np.random.randn(2, 3)"), "np.random.randn(2, 3)")
    }

    func testSlices() {
        XCTAssertEqual(tree("x[0]"), "x[0]")
        XCTAssertEqual(tree("x[0:5, :]"), "x[0:5:_, _:_:_]")
        XCTAssertEqual(tree("x[:, 3]"), "x[_:_:_, 3]")
        XCTAssertEqual(tree("x[::2]"), "x[_:_:2]")
        XCTAssertEqual(tree("x[1:]"), "x[1:_:_]")
        XCTAssertEqual(tree("x[:-1]"), "x[_:(-1):_]")
        XCTAssertEqual(tree("x[a:b:c]"), "x[a:b:c]")
        XCTAssertEqual(tree("x[idx]"), "x[idx]")
        XCTAssertEqual(tree("x[h <= 0]"), "x[(h <= 0)]")
        XCTAssertEqual(tree("x[:, None]"), "x[_:_:_, none]")
    }

    func testKeywordArgumentsInBothSpellings() {
        XCTAssertEqual(tree("x.sum(axis: 1, keepdims: true)"), "x.sum(axis=1, keepdims=true)")
        XCTAssertEqual(tree("sum(x, axis=1, keepdims=True)"), "sum(x, axis=1, keepdims=true)")
        XCTAssertEqual(tree("f(a == b)"), "f((a == b))")
        XCTAssertEqual(tree("f()"), "f()")
        XCTAssertEqual(tree("f(x,)"), "f(x)")
    }

    func testLiterals() {
        XCTAssertEqual(tree("[[1, 2], [3, 4]]"), "[[1, 2], [3, 4]]")
        XCTAssertEqual(tree("1e-3"), "0.001")
        XCTAssertEqual(tree("1_000"), "1000")
        XCTAssertEqual(tree(".5"), "0.5")
        XCTAssertEqual(tree("2."), "2.0")
        XCTAssertEqual(tree("'it\\'s'"), "'it's'")
        XCTAssertEqual(tree("\"a\\nb\""), "'a\nb'")
        XCTAssertEqual(tree("(1,)"), "tuple(1)")
        XCTAssertEqual(tree("()"), "tuple()")
        XCTAssertEqual(tree("(1)"), "1")
        XCTAssertEqual(tree("None"), "none")
        XCTAssertEqual(tree("False"), "false")
        XCTAssertEqual(tree("1 # a comment"), "1")
    }

    func testStatements() throws {
        let program = try Parser.parse("X, y = load(\"sample\", \"train\"); W1 -= lr * dW1; g[h <= 0] = 0")
        XCTAssertEqual(program.statements.count, 3)
        guard case .assign(let targets, _, _) = program.statements[0] else { return XCTFail("not an assignment") }
        XCTAssertEqual(targets.count, 2)
        guard case .augmented(_, let op, _, _) = program.statements[1] else { return XCTFail("not augmented") }
        XCTAssertEqual(op, .subtract)
        guard case .assign(let maskTargets, _, _) = program.statements[2],
              case .index = maskTargets[0].kind else { return XCTFail("not an index assignment") }

        let loop = try Parser.parse("for i in range(3): a = i; print(a)\nb = 1")
        XCTAssertEqual(loop.statements.count, 2)
        guard case .loop(let targets, _, let body, _) = loop.statements[0] else { return XCTFail("not a loop") }
        XCTAssertEqual(targets.count, 1)
        guard case .name("i") = targets[0].kind else { return XCTFail("the loop variable is not i") }
        XCTAssertEqual(body.count, 2)

        XCTAssertEqual(try Parser.parse("").statements.count, 0)
        XCTAssertEqual(try Parser.parse("  # only a comment").statements.count, 0)
        XCTAssertEqual(try Parser.parse("a = 1;;b = 2;").statements.count, 2)
        // Inside brackets a newline is a blank.
        XCTAssertEqual(try Parser.parse("f(1,\n  2)").statements.count, 1)
    }

    /// The message and the caret column (0-based, in the rendered line) of a syntax error.
    private func syntaxError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> (String, Int)? {
        do {
            _ = try Parser.parse(source)
            XCTFail("parsed: \(source)", file: file, line: line)
            return nil
        } catch let error as InterpreterError {
            XCTAssertEqual(error.kind, .syntax, file: file, line: line)
            return (error.message, error.span?.start ?? -1)
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testSyntaxErrorsPointAtTheRightColumn() {
        let cases: [(String, String, Int)] = [
            ("h = relu(X @ W1 +)", "expected an expression after '+'", 17),
            ("x = ", "expected an expression after '='", 4),
            ("(1, 2", "'(' was never closed", 0),
            ("f(x, [1, 2)", "closing ')' does not match '['", 10),
            ("x)", "unmatched ')'", 1),
            ("0 < x < 1", "comparisons cannot be chained: write (a < b) & (b < c)", 6),
            ("f(x) = 3", "cannot assign to a function call", 0),
            ("1 = x", "cannot assign to a literal", 0),
            ("a + b = 1", "cannot assign to an expression; assign to a name like 'x = …'", 0),
            ("a = b = 1", "chained assignment (a = b = …) is not supported: assign one at a time", 6),
            ("x $ 2", "unexpected character '$'", 2),
            ("s = \"abc", "this string is never closed: add a \" at its end", 4),
            ("a b", "unexpected 'b': is an operator or a comma missing?", 2),
            ("x[]", "expected an index between '[' and ']'", 2),
            ("f(a=1, 2)", "a positional argument cannot follow a keyword argument", 7),
            ("x.", "expected an attribute name after '.'", 2),
            ("for in x: 1", "expected a variable name after 'for'", 4),
            ("for i x: 1", "expected 'in' after the variables of 'for'", 6),
            ("for i in x 1", "expected ':' after the sequence of the for loop", 11),
            ("for i in x:", "expected an indented block after ':': indent the lines that belong to it", 10),
            ("a, b += 1", "'+=' needs a single target, not several", 5),
            ("12abc", "invalid number: '12a'", 0),
            ("99999999999999999999", "integer 99999999999999999999 is too large (the limit is 9223372036854775807)", 0),
            ("x == = 1", "expected an expression after '=='", 5),
        ]
        for (source, message, column) in cases {
            guard let (actual, actualColumn) = syntaxError(source) else { continue }
            XCTAssertEqual(actual, message, source)
            XCTAssertEqual(actualColumn, column, source)
        }
    }

    func testDeeplyNestedInputIsRefusedNotACrash() {
        for source in [String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
                       Array(repeating: "1", count: 5000).joined(separator: " + "),
                       String(repeating: "-", count: 5000) + "1",
                       "x" + String(repeating: ".T", count: 5000),
                       String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
                       String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
                       String(repeating: "-", count: 100_000) + "1",
                       String(repeating: "for k in range(1): ", count: 100_000) + "k"] {
            XCTAssertThrowsError(try Parser.parse(source)) { error in
                XCTAssertTrue((error as? InterpreterError)?.message.hasPrefix("this expression is nested too deeply") == true,
                              "\(source.prefix(20)): \(error)")
            }
        }
        // Long but flat is fine.
        XCTAssertNoThrow(try Parser.parse("[" + Array(repeating: "1", count: 5000).joined(separator: ", ") + "]"))
        XCTAssertNoThrow(try Parser.parse(Array(repeating: "1", count: 50).joined(separator: " + ")))
        // Python itself stops at 20 nested blocks ("too many statically nested blocks").
        XCTAssertNoThrow(try Parser.parse(String(repeating: "for k in range(1): ", count: 20) + "k"))
    }

    func testUnclosedBracketsAskForMoreInput() throws {
        for source in ["W = randn(3,", "x = [[1, 2],", "f(a, (b"] {
            XCTAssertThrowsError(try Parser.parse(source)) { error in
                XCTAssertTrue((error as? InterpreterError)?.isIncomplete == true, source)
            }
        }
        XCTAssertThrowsError(try Parser.parse("x = 1 +")) { error in
            XCTAssertFalse((error as? InterpreterError)?.isIncomplete == true)
        }
    }

    func testRenderedSyntaxErrorShowsTheLineAndACaret() {
        XCTAssertThrowsError(try Parser.parse("h = relu(X @ W1 +)")) { error in
            XCTAssertEqual(render(error as! InterpreterError, source: "h = relu(X @ W1 +)"), """
                  h = relu(X @ W1 +)
                                   ^
                syntax error: expected an expression after '+'
                """)
        }
        let source = "a = 1\nb = (2 +\n  * 3)"
        XCTAssertThrowsError(try Parser.parse(source)) { error in
            XCTAssertEqual(render(error as! InterpreterError, source: source), """
                    * 3)
                    ^
                syntax error: expected an expression after '+'
                """)
        }
    }
}
