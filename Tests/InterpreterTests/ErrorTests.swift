import Interpreter
import Support
import Tensor
import XCTest

/// Bad input never ends the session and never changes the workspace: each of
/// these lines fails with its own message, and the variables stay as they were.
final class ErrorTests: XCTestCase {
    private let setup = "x = array([[1.0, 2.0], [3.0, 4.0]]); W = ones(3, 2); n = 3; s = \"text\"; net = 0; opt = SGD(0.1)"

    /// (line, the error's kind and message). A `…` at the end means "starts with", at the
    /// start "ends with": the rest of those messages comes from the Tensor module.
    private let badInputs: [(String, String)] = [
        ("h = relu(X @ W1 +)", "syntax error: expected an expression after '+'"),
        ("rleu(x)", "name error: 'rleu' is not defined; did you mean 'relu'?"),
        ("W1 -= 1", "name error: 'W1' is not defined; did you mean 'W'?"),
        ("zeros(100000, 100000)", "size error: refusing to allocate (100000, 100000) = 10000000000 elements…"),
        ("randn(100000, 100000)", "size error: refusing to allocate (100000, 100000)…"),
        ("y = x @ W", "shape error: matmul…"),
        ("x + W", "shape error: operator +: operands could not be broadcast together with shapes (2, 2) (3, 2)…"),
        ("5 / 0", "arithmetic error: division by zero"),
        ("2 ** 100", "arithmetic error: the result of '**' does not fit a 64-bit integer"),
        ("0 ** -1", "arithmetic error: 0 cannot be raised to a negative power"),
        ("x[5]", "index error: index 5 is out of bounds for axis 0 with size 2"),
        ("x[0, 0, 0]", "value error: index: too many indices for array…"),
        ("\"abc\"[7]", "index error: string index 7 is out of range for length 3"),
        ("relu(x, x)", "type error: relu(x): takes at most 1 positional argument, got 2"),
        ("relu()", "type error: relu(x): missing argument 'x'"),
        ("sum(x, axes: 1)", "type error: sum(x, axis: none, keepdims: false): unexpected keyword argument 'axes'; did you mean 'axis'?"),
        ("sum(x, 0, axis: 1)", "type error: sum(x, axis: none, keepdims: false): got 'axis' twice"),
        ("zeros(\"3\")", "type error: zeros(*shape, dtype: \"float64\"): shape must be a whole number, got a string"),
        ("zeros(3, dtype: \"complex64\")", "type error: zeros(*shape, dtype: \"float64\"): unknown dtype 'complex64'; use one of \"bool\", \"uint8\", \"int64\", \"float16\", \"float32\", \"float64\""),
        ("zeros()", "type error: zeros(*shape, dtype: \"float64\"): missing the shape"),
        ("x.shpe", "type error: a tensor has no attribute 'shpe'; did you mean 'shape'?"),
        ("n.shape", "type error: an int has no attribute 'shape'"),
        ("x.shape = (4,)", "type error: a tensor's 'shape' cannot be assigned; make a new tensor (reshape, astype …) instead"),
        ("s + 1", "type error: '+' is not defined between a string and an int"),
        ("n()", "type error: an int is not callable"),
        ("range(2)()", "type error: a range is not callable"),
        ("opt()", "type error: an SGD is not callable"),
        ("opt[\"lr\"]", "type error: an SGD cannot be indexed; its values are attributes: did you mean .lr?"),
        ("opt[\"rate\"]", "type error: an SGD cannot be indexed; its values are attributes: they are .lr and .update"),
        ("opt[0]", "type error: an SGD cannot be indexed"),
        ("quit", "name error: 'quit' is not defined; to leave mlplab, type quit() or :quit, or press Ctrl-D"),
        ("exit(1)", "type error: exit() takes no arguments in mlplab; it ends the session, as :quit does"),
        ("a, b = x, x, x", "value error: cannot unpack 3 values into 2 names"),
        ("a, b = 5", "type error: cannot unpack an int into 2 names"),
        ("x[1.5]", "type error: indices must be whole numbers, slices, tensors or none, not a float"),
        ("x[::0]", "value error: slice step cannot be zero"),
        ("x[true]", "type error: a plain true/false cannot index a tensor; use a bool mask tensor like x[x > 0]"),
        ("x[x]", "type error: index tensors must hold int64 positions or a bool mask, not float64; use idx.astype(\"int64\")"),
        ("x = ", "syntax error: expected an expression after '='"),
        ("(1, 2", "syntax error: '(' was never closed"),
        ("0 < x < 1", "syntax error: comparisons cannot be chained: write (a < b) & (b < c)"),
        ("x.reshape(3, 3)", "shape error: reshape: cannot reshape array of size 4 into shape (3, 3)"),
        ("seed(-1)", "value error: seed: the seed must be between 0 and 2**32 - 1, got -1"),
        ("randint(5, 2)", "value error: randint: low must be less than high, got [5, 2)"),
        ("onehot([1, 5], 3)", "value error: onehot: label 5 is outside 0..<3"),
        ("x and 1", "value error: the truth value of a tensor with 4 elements is ambiguous; use any(x) or all(x)"),
        ("x @ 2", "type error: '@' multiplies tensors of at least one dimension, not a plain number; to scale, use '*'"),
        ("2 @ 3", "type error: '@' multiplies tensors, not plain numbers; use '*'"),
        ("1.5 & 2", "type error: '&' needs whole numbers or bools, not floats"),
        ("astype([300, 1], \"uint8\") + 300", "value error: uint8 arithmetic: Python integer 300 out of bounds for uint8"),
        ("x & x", "type error: '&' combines bool masks, got float64 and float64; compare first, as in (x > 0) & (x < 1)"),
        ("-(x > 0)", "type error: '-' is not defined for a bool tensor; use '~' to flip a mask"),
        ("~x", "type error: '~' flips bool masks and int bits, not float64 values"),
        ("for i in 5: print(i)", "type error: cannot loop over an int"),
        ("x[0] = \"a\"", "type error: cannot store a string in a tensor"),
        ("x[0, 1] = zeros(3)", "shape error: broadcast…"),
        ("s[0] = \"T\"", "type error: a string does not support item assignment"),
        ("len(n)", "type error: len(x): an int has no length"),
        ("help(\"nosuch\")", "name error: no help for 'nosuch' (:help lists every topic)"),
        ("int(\"4x\")", "value error: int: could not read '4x' as a whole number"),
        ("float(s)", "value error: float: could not read 'text' as a number"),
        ("concatenate(5)", "type error: concatenate(tensors, axis: 0): tensors must be a list of tensors, got an int"),
        ("clip(x)", "type error: clip(x, min: none, max: none): give min, max or both"),
        ("item(x)", "value error: item: only a tensor of one element has an item; this one has 4"),
        ("array([\"a\", \"b\"])", "type error: array(values, dtype: none): values must be a tensor or a number, got a list"),
        ("sum(x, axis: (0, 1))", "type error: sum(x, axis: none, keepdims: false): axis must be one whole number or none; several axes at once are not supported"),
        ("x.sum(axis: 2)", "value error: …"),
        ("arange(0, 5, 0)", "value error: arange: step cannot be zero"),
        ("np.nosuch", "type error: np has no attribute 'nosuch'"),
        (":nope", "command error: unknown command ':nope' (:help lists the commands)"),
        (":vasr", "command error: unknown command ':vasr'; did you mean ':vars'? (:help lists the commands)"),
        (":del nothere", "name error: no variable named 'nothere'"),
        (":del", "command error: usage: :del NAME …"),
        (":load /nonexistent/dir/file.ws", "file error: cannot read /nonexistent/dir/file.ws…"),
        (":save", "command error: usage: :save FILE [NAME …]"),
        (":save /nonexistent/dir/file.ws", "file error: cannot save /nonexistent/dir/file.ws: …"),
        (":time", "command error: usage: :time STATEMENT"),
        (":time zeros(-1)", "…negative dimension -1 in shape (-1,)"),
    ]

    func testBadInputsEachGetTheirOwnMessageAndLeaveTheWorkspaceAlone() throws {
        XCTAssertGreaterThanOrEqual(badInputs.count, 40)
        XCTAssertEqual(Set(badInputs.map(\.1)).count, badInputs.count, "every message is different")
        let transcript = Transcript()
        transcript.ok(setup)
        let before = snapshot(transcript.session)
        for (input, expected) in badInputs {
            transcript.clear()
            XCTAssertEqual(transcript.session.run(input), .failure, input)
            guard let message = transcript.errors.last?.components(separatedBy: "\n").last else {
                XCTFail("no error for \(input)")
                continue
            }
            if expected.hasPrefix("…") {
                XCTAssertTrue(message.hasSuffix(String(expected.dropFirst())), "\(input): \(message)")
            } else if expected.hasSuffix("…") {
                XCTAssertTrue(message.hasPrefix(String(expected.dropLast())), "\(input): \(message)")
            } else {
                XCTAssertEqual(message, expected, input)
            }
            XCTAssertEqual(snapshot(transcript.session), before, "workspace changed by \(input)")
        }
        // And the session still works.
        XCTAssertEqual(transcript.ok("x.sum()"), "np.float64(10.0)")
    }

    /// The variables, as text that changes whenever any of them does.
    private func snapshot(_ session: Session) -> [String: String] {
        session.variables.mapValues { value in
            if case .tensor(let t) = value { return "\(t.dtype) \(t.shape) \(t.doubles)" }
            return value.repr
        }
    }

    func testAFailingStatementAssignsNothingButEarlierOnesStay() {
        let t = Transcript()
        t.ok("a = 1; b = 2")
        XCTAssertEqual(t.session.run("a = 10; a, b = 20, zeros(-1)"), .failure)
        XCTAssertEqual(t.session[variable: "a"]?.repr, "10")
        XCTAssertEqual(t.session[variable: "b"]?.repr, "2")
        XCTAssertEqual(t.session.run("b, c = 5, 1 / 0"), .failure)
        XCTAssertEqual(t.session[variable: "b"]?.repr, "2")
        XCTAssertNil(t.session[variable: "c"])
    }

    func testValuesNestedTooDeeplyAreRefused() {
        let t = Transcript()
        XCTAssertEqual(t.run("t = (1,); for k in range(200): t = (t,)"),
                       "  t = (1,); for k in range(200): t = (t,)\n                                     ^~~~\nvalue error: tuples and lists cannot be nested more than 100 deep")
        XCTAssertEqual(t.session[variable: "k"]?.repr, "99")
        XCTAssertEqual(t.ok("len(t)"), "1")
    }

    func testAFailedIndexAssignmentLeavesTheTensorAsItWas() {
        let t = Transcript()
        t.ok("g = array([1.0, -2.0, 3.0])")
        XCTAssertEqual(t.session.run("g[[0, 5]] = 0"), .failure)
        XCTAssertEqual(t.doubles("g"), [1, -2, 3])
        XCTAssertEqual(t.session.run("g[g < 0] = zeros(5)"), .failure)
        XCTAssertEqual(t.doubles("g"), [1, -2, 3])
    }

    func testRuntimeErrorsPointAtThePartThatFailed() {
        let t = Transcript()
        t.ok("x = ones(2, 3); W = ones(4, 5)")
        t.run("y = relu(x @ W) + 1")
        let lines = t.errors.last?.components(separatedBy: "\n") ?? []
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines.first, "  y = relu(x @ W) + 1")
        XCTAssertEqual(lines.dropFirst().first, "           ^~~~~")
        // An error of the whole line has nothing to point at.
        t.run("zeros(100000, 100000)")
        XCTAssertEqual(t.errors.last?.contains("\n"), false)
    }

    /// Python's `quit()` and `exit()` end the session as `:quit` does, from a function too; a
    /// script stops there. A variable of that name is the learner's own.
    func testQuitAndExitEndTheSession() {
        let t = Transcript()
        XCTAssertEqual(t.session.run("quit()"), .quit)
        XCTAssertEqual(t.session.run("def done():\n    exit()\n    print(\"never\")\n"), .success)
        XCTAssertEqual(t.session.run("done()"), .quit)
        XCTAssertEqual(t.text, "")
        XCTAssertTrue(t.session.runLines(["n = 1", "if n == 1:", "    exit()", "n = 2"]), "leaving is no error")
        XCTAssertEqual(t.session[variable: "n"]?.repr, "1")
        t.ok("exit = lambda: 5")
        XCTAssertEqual(t.ok("exit()"), "5")
    }

    /// A History or an MLP is read by attribute; a key says which attribute it meant.
    func testIndexingAHistoryNamesItsAttributes() {
        let t = Transcript()
        t.ok("seed(0); history = fit(mlp([4, 3, 2]), randn(8, 4), randint(0, 2, 8), epochs: 1)")
        XCTAssertEqual(t.run("history[\"loss\"]"), "type error: a History cannot be indexed; its values are attributes: "
                       + "did you mean .interval_loss, .step_loss, .test_loss or .train_loss?")
        XCTAssertEqual(t.run("history[\"trian_acc\"]"),
                       "type error: a History cannot be indexed; its values are attributes: did you mean .train_acc?")
        XCTAssertEqual(t.run("mlp([2, 2])[0]"), "type error: an MLP cannot be indexed")
    }

    func testInterruptStopsALoopAndReturnsToThePrompt() {
        let t = Transcript()
        Interrupt.install()
        t.session.builtins.register(Builtin("press_ctrl_c", [], category: "test", help: "", example: "") { _ in
            raise(SIGINT)
            return .none
        })
        XCTAssertEqual(t.session.run("n = 0; for i in range(1000): n = n + 1; press_ctrl_c()"), .failure)
        XCTAssertEqual(t.errors.last, "interrupted")
        XCTAssertEqual(t.session[variable: "n"]?.repr, "1")
        XCTAssertFalse(Interrupt.isRequested)
        XCTAssertEqual(t.session.run("n = n + 1"), .success)
        XCTAssertEqual(t.session[variable: "n"]?.repr, "2")
    }
}
