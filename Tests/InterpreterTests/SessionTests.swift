import Foundation
import Interpreter
import Tensor
import XCTest

/// Echo and print formatting, assignment forms, objects, commands, completion, scripts.
final class SessionTests: XCTestCase {
    func testExpressionsEchoAndAssignmentsDoNot() {
        let t = Transcript()
        XCTAssertEqual(t.ok("a = 0.1"), "")
        XCTAssertEqual(t.ok("a"), "0.1")
        XCTAssertEqual(t.ok("1e-5"), "1e-05")
        XCTAssertEqual(t.ok("'it' + \"s\""), "'its'")
        XCTAssertEqual(t.ok("print('it' + \"s\", 2, 0.5, true, none)"), "its 2 0.5 True None")
        XCTAssertEqual(t.ok("(3, 4)"), "(3, 4)")
        XCTAssertEqual(t.ok("zeros(60000, 784).shape"), "(60000, 784)")
        XCTAssertEqual(t.ok("ones(3).shape"), "(3,)")
        XCTAssertEqual(t.ok("none"), "")
        XCTAssertEqual(t.ok("a = 1; a; b = 2; b"), "1\n2")
        XCTAssertEqual(t.ok("array([1, 2]) > 1"), "array([False,  True])")
        XCTAssertEqual(t.ok("[\"a\", 1]"), "['a', 1]")
        XCTAssertEqual(t.ok("x = ones(2, 3); x.sum()"), "np.float64(6.0)")
        XCTAssertEqual(t.ok("x.dtype"), "dtype('float64')")
        XCTAssertEqual(t.ok("print(x.dtype)"), "float64")
        XCTAssertEqual(t.ok("ones(2, dtype: \"float32\").sum()"), "np.float32(2.0)")
        XCTAssertEqual(t.ok("relu"), "<function relu(x)>")
    }

    func testAssignmentForms() {
        let t = Transcript()
        t.ok("X, y = array([1, 2]), 3")
        XCTAssertEqual(t.doubles("X"), [1, 2])
        XCTAssertEqual(t.session[variable: "y"]?.repr, "3")
        t.ok("a, b = array([[1, 2], [3, 4]])")
        XCTAssertEqual(t.doubles("b"), [3, 4])
        t.ok("(p, q) = 1, 2")
        XCTAssertEqual(t.session[variable: "q"]?.repr, "2")
        t.ok("a, b = b, a")
        XCTAssertEqual(t.doubles("a"), [3, 4])
        t.ok("W = ones(2, 2); dW = array([[1, 2], [3, 4]]); lr = 0.5; W -= lr * dW")
        XCTAssertEqual(t.doubles("W"), [0.5, 0, -0.5, -1])
        t.ok("W += 1; W *= 2; W /= 4")
        XCTAssertEqual(t.doubles("W"), [0.75, 0.5, 0.25, 0])
        t.ok("n = 7; n //= 2; n **= 2")
        XCTAssertEqual(t.session[variable: "n"]?.repr, "9")
        t.ok("x = zeros(2, 3); x[0, 1] = 5; x[1] = [1, 2, 3]; x[:, 2] += 10")
        XCTAssertEqual(t.doubles("x"), [0, 5, 10, 1, 2, 13])
        t.ok("g = array([1.0, -2.0, 0.5, -1.0]); h = array([1, -1, 0, 2]); g[h <= 0] = 0")
        XCTAssertEqual(t.doubles("g"), [1, 0, 0, -1])
        t.ok("L = [1, \"a\"]; L[1] = 2.5")
        XCTAssertEqual(t.session[variable: "L"]?.repr, "[1, 2.5]")
    }

    /// numpy's semantics, worked out by hand: a second name for an array sees every in-place
    /// change (element assignment, augmented operators, through a list), a copy or a new
    /// value made by `b = b + 1` does not.
    func testAssignmentNamesTheSameArrayAsNumpyDoes() {
        let t = Transcript()
        t.ok("a = array([1, 2, 3]); b = a; b[0] = 10")
        XCTAssertEqual(t.doubles("a"), [10, 2, 3])
        t.ok("b += 1")
        XCTAssertEqual(t.doubles("a"), [11, 3, 4])
        t.ok("c = a.copy(); c[0] = 0; d = array(a); d[1] = 0; e = a.astype(\"int64\"); e[2] = 0")
        XCTAssertEqual(t.doubles("a"), [11, 3, 4])
        t.ok("b = b + 1")
        XCTAssertEqual(t.doubles("a"), [11, 3, 4])
        XCTAssertEqual(t.doubles("b"), [12, 4, 5])
        t.ok("params = [a, b]; grads = [ones(3, dtype=\"int64\"), 2 * ones(3, dtype=\"int64\")]")
        t.ok("for i in range(2): params[i] -= grads[i]")
        XCTAssertEqual(t.doubles("a"), [10, 2, 3])
        XCTAssertEqual(t.doubles("b"), [10, 2, 3])
        t.ok("g = [zeros(2)]; w = g[0]; g[0][...] = array([1.0, 2.0])")
        XCTAssertEqual(t.doubles("w"), [1, 2])
        XCTAssertEqual(t.ok("w is g[0]"), "True")
        XCTAssertEqual(t.ok("w is w.copy()"), "False")
        // numpy refuses to store a float result into an int array in place.
        XCTAssertEqual(t.run("a += 0.5"),
                       "value error: +=: cannot cast the result from dtype('float64') to dtype('int64') with casting rule 'same_kind'")
        XCTAssertEqual(t.doubles("a"), [10, 2, 3])
        // A number is a value: n += 1 gives n a new value.
        t.ok("n = 1; m = n; m += 1")
        XCTAssertEqual(t.session[variable: "n"]?.repr, "1")
    }

    func testListsArePythonLists() {
        let t = Transcript()
        XCTAssertEqual(t.ok("[1, 2] + [3]"), "[1, 2, 3]")
        XCTAssertEqual(t.ok("[1, 2] * 2"), "[1, 2, 1, 2]")
        XCTAssertEqual(t.ok("W, = [7]; W"), "7")
        XCTAssertEqual(t.ok("array([1.0, 2.0]) * [2, 3]"), "array([2., 6.])")
        XCTAssertEqual(t.run("[1, 2] - 1"), "type error: '-' is not defined between a list and an int")
    }

    func testObjectsAttributesAndWriteBack() {
        let t = Transcript()
        t.session[variable: "net"] = .object(FakeNet.make())
        XCTAssertEqual(t.ok("net"), "MLP(1 layers)")
        XCTAssertEqual(t.ok("net.layers[0].W.shape"), "(2, 3)")
        XCTAssertEqual(t.ok("net.lr"), "0.1")
        t.ok("net.layers[0].W -= 1; net.lr = 0.01")
        XCTAssertEqual(t.ok("net.layers[0].W.sum()"), "np.float64(15.0)")
        XCTAssertEqual(t.ok("net.lr"), "0.01")
        XCTAssertEqual(t.run("net.layers[0].WW"), "type error: Linear has no attribute 'WW'; did you mean 'W'?")
        XCTAssertEqual(t.run("net.layers[0].W = 3"), "  net.layers[0].W = 3\n  ^~~~~~~~~~~~~~~\ntype error: W must be a tensor")
        XCTAssertEqual(t.ok("net.layers[0].W.sum()"), "np.float64(15.0)")
        XCTAssertTrue(t.ok("help(net)").hasPrefix("MLP: MLP(1 layers)\n\nattributes: layers, lr"))
    }

    func testLoops() {
        let t = Transcript()
        XCTAssertEqual(t.ok("for i in range(3): print(i, i ** 2)"), "0 0\n1 1\n2 4")
        t.ok("total = 0; for row in array([[1, 2], [3, 4]]): total = total + row.sum()")
        XCTAssertEqual(t.ok("total"), "np.int64(10)")
        XCTAssertEqual(t.ok("for c in \"ab\": print(c)"), "a\nb")
    }

    func testNumpyNamespace() {
        let t = Transcript()
        t.ok("np.random.seed(0); a = np.random.randn(3); seed(0); b = randn(3)")
        XCTAssertEqual(t.ok("array_equal(a, b)"), "True")
        XCTAssertEqual(t.ok("np.sum(np.ones((2, 2)), axis=0).shape"), "(2,)")
        XCTAssertEqual(t.ok("np.ones(2).astype(np.float32).dtype"), "dtype('float32')")
        XCTAssertEqual(t.ok("np.pi"), "3.141592653589793")
        XCTAssertEqual(t.run("np.random.zeros"), "type error: np.random has no attribute 'zeros'")
    }

    func testVariablesShadowBuiltinsUntilDeleted() {
        let t = Transcript()
        t.ok("sum = 5")
        XCTAssertEqual(t.ok("sum"), "5")
        t.ok(":del sum")
        XCTAssertEqual(t.ok("sum([1, 2])"), "np.int64(3)")
    }

    // MARK: Commands

    func testVarsListsNameKindShapeDtypeAndSize() {
        let t = Transcript()
        XCTAssertEqual(t.ok(":vars"), "no variables yet")
        t.ok("W1 = zeros(784, 256); lr = 0.1; name = \"mnist\"; n = 3; mask = W1 > 0; f = ones(3, dtype: \"float32\"); shape = (2, 3)")
        XCTAssertEqual(t.ok(":vars"), """
            Name   Kind    Data/Info
            -----  ------  --------------------------------------------
            W1     tensor  (784, 256) float64, 200704 elements, 1.5 MiB
            f      tensor  (3,) float32, 3 elements, 12 B
            lr     float   0.1
            mask   tensor  (784, 256) bool, 200704 elements, 196.0 KiB
            n      int     3
            name   string  'mnist'
            shape  tuple   (2, 3)
            """)
    }

    func testVarsShowsTheFirstLineOfAnObject() {
        struct Summary: ScriptObject {
            var typeName: String { "MLP" }
            var description: String { "MLP 784-32-10   \n  Linear(784→32)\n  ReLU" }
            var attributeNames: [String] { [] }
            func attribute(_ name: String) throws -> Value { throw noSuchAttribute(name) }
        }
        let t = Transcript()
        t.session[variable: "net"] = .object(Summary())
        XCTAssertEqual(t.ok(":vars"), "Name  Kind  Data/Info\n----  ----  ---------------\nnet   MLP   MLP 784-32-10 …")
    }

    func testDelResetAndQuit() {
        let t = Transcript()
        t.ok("a = 1; b = 2; c = 3")
        t.ok(":del a b")
        XCTAssertEqual(t.session.variables.keys.sorted(), ["c"])
        XCTAssertEqual(t.ok(":reset"), "deleted 1 variable")
        XCTAssertTrue(t.session.variables.isEmpty)
        XCTAssertEqual(t.session.run(":quit"), .quit)
        XCTAssertEqual(t.session.run("  :exit"), .quit)
    }

    func testTimeRunsTheStatementAndReportsWallTime() {
        let t = Transcript()
        let output = t.ok(":time x = ones(100, 100) @ ones(100, 100); x[0, 0]")
        let lines = output.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "np.float64(100.0)")
        XCTAssertTrue(lines.last?.range(of: #"^wall time: [0-9.]+ (µs|ms|s)$"#, options: .regularExpression) != nil, output)
        XCTAssertEqual(t.doubles("x")?.count, 10000)
    }

    func testHelpShowsSignatureParagraphAndExample() {
        let t = Transcript()
        let relu = t.ok("help(relu)")
        XCTAssertTrue(relu.hasPrefix("relu(x)\n\nmax(0, x) for each element"))
        XCTAssertTrue(relu.contains("Example:\n    >>> relu([-2.0, 0.5, 3.0])"))
        XCTAssertEqual(t.ok(":help relu"), relu)
        XCTAssertEqual(t.ok("help(\"relu\")"), relu)
        XCTAssertTrue(t.ok(":help :save").hasPrefix(":save FILE [NAME …]\n\nWrites"))
        XCTAssertTrue(t.ok(":help vars").hasPrefix(":vars\n\nLists"))
        XCTAssertTrue(t.ok("help(ones(2).sum)").hasPrefix("sum(x, axis: none, keepdims: false)"))
        let overview = t.ok(":help")
        XCTAssertTrue(overview.contains("  :help [TOPIC]"))
        XCTAssertTrue(overview.contains("  random:     choice get_state normal permutation rand randint randn"))
        XCTAssertEqual(overview, t.ok("help()"))
    }

    func testEveryBuiltinHasHelpAndAnExample() {
        let session = Session()
        for name in session.builtins.names {
            let builtin = session.builtins[name]!
            XCTAssertGreaterThan(builtin.help.count, 30, name)
            XCTAssertTrue(builtin.example.hasPrefix(">>> "), name)
        }
        let required = ["zeros", "ones", "arange", "randn", "rand", "randint", "permutation", "seed", "array", "exp", "log",
                        "sqrt", "abs", "tanh", "maximum", "minimum", "sum", "mean", "std", "var", "max", "min", "argmax",
                        "matmul", "dot", "clip", "where", "concatenate", "reshape", "transpose", "len", "shape", "print",
                        "help", "float", "int", "range", "sigmoid", "relu", "softmax", "onehot"]
        XCTAssertEqual(required.filter { session.builtins[$0] == nil }, [])
    }

    /// Help speaks to a learner: it names the document it means ("the DL practice
    /// notebook"), never "the seeds" or "the lab", which mean nothing to them.
    func testNoHelpSpeaksOfTheSeedsOrTheLab() throws {
        let t = Transcript()
        let vague = try NSRegularExpression(pattern: #"\bthe seeds\b|\bseeds'|\bseed 00\d|\bthe labs?\b"#, options: [.caseInsensitive])
        var pages = t.session.builtins.names.map { ("help(\($0))", t.ok("help(\"\($0)\")")) }
        pages += t.session.commands.all.map { (":help :\($0.name)", $0.helpText) }
        pages += [(":help language", t.ok(":help language")), (":help", t.ok(":help"))]
        for (page, text) in pages {
            let found = vague.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertNil(found, "\(page): \(found.map { (text as NSString).substring(with: $0.range) } ?? "")")
        }
    }

    /// Each example is a transcript: `>>> ` lines are typed, the lines after them are what must appear.
    /// A picture is too big for a help page: its example shows a line in parentheses, such as
    /// "(the digit is drawn here)", and the picture must then be drawn (non-empty) but is not compared.
    func testEveryHelpExampleRunsAsShown() {
        for name in Session().builtins.names {
            let t = Transcript()
            let example = t.session.builtins[name]!.example
            var expected: [String] = []
            var actual: [String] = []
            for line in example.components(separatedBy: "\n") {
                if line.hasPrefix(">>> ") {
                    let output = t.ok(String(line.dropFirst(4)))
                    if !output.isEmpty { actual.append(output) }
                } else if line.hasPrefix("(") && line.hasSuffix(" here)") {
                    XCTAssertFalse(actual.popLast()?.isEmpty ?? true, "example of \(name) draws nothing")
                } else {
                    expected.append(line)
                }
            }
            XCTAssertEqual(actual.joined(separator: "\n"), expected.joined(separator: "\n"), "example of \(name)")
        }
    }

    func testRegisteringBuiltinsAndCommandsFromOutside() {
        let t = Transcript()
        t.session.builtins.register(Builtin("double", [.required("x"), .optional("times", .int(2))], category: "test",
                                            help: "Multiplies by two, or by times.", example: ">>> double(2)\n4") { args in
            .tensor(try Tensor.binary(.multiply, try args.tensor("x"), Tensor(scalar: Double(try args.int("times")))))
        })
        t.session.commands.register(Command("hello", arguments: "NAME", summary: "greets", help: "Says hello.") { session, argument in
            session.write("hello, \(argument)")
            return .done
        })
        XCTAssertEqual(t.ok("double(2.0, times: 3)"), "np.float64(6.0)")
        XCTAssertEqual(t.ok(":hello lab"), "hello, lab")
        XCTAssertTrue(t.ok(":help").contains("  :hello NAME"))
        XCTAssertEqual(t.run("double(1, 2, 3)"), "type error: double(x, times: 2): takes at most 2 positional arguments, got 3")
    }

    // MARK: Completion

    func testCompletionCandidates() {
        let session = Session()
        session.run("x = ones(2, 3); xs = 1; net = 0")
        session[variable: "net"] = .object(FakeNet.make())
        XCTAssertEqual(session.completions(for: "rel", in: "h = rel", at: 4), ["relu"])
        XCTAssertEqual(session.completions(for: "x", in: "x", at: 0), ["x", "xs"])
        XCTAssertEqual(session.completions(for: "net.la", in: "net.la", at: 0), ["net.layers"])
        XCTAssertEqual(session.completions(for: "net.", in: "print(net.", at: 6), ["net.layers", "net.lr"])
        XCTAssertEqual(session.completions(for: "net.layers[0].", in: "net.layers[0].", at: 0),
                       ["net.layers[0].W", "net.layers[0].b"])
        XCTAssertEqual(session.completions(for: "x.sh", in: "x.sh", at: 0), ["x.shape"])
        XCTAssertEqual(session.completions(for: "x.ar", in: "x.ar", at: 0), ["x.argmax", "x.argmin", "x.argsort"])
        XCTAssertEqual(session.completions(for: "np.random.ra", in: "np.random.ra", at: 0),
                       ["np.random.rand", "np.random.randint", "np.random.randn", "np.random.random", "np.random.random_sample"])
        XCTAssertEqual(session.completions(for: "va", in: ":va", at: 1), ["vars"])
        XCTAssertEqual(session.completions(for: ":va", in: ":va", at: 0), [":vars"])
        XCTAssertEqual(session.completions(for: "x[x", in: "x[x", at: 0), ["x[x", "x[xs"])
        XCTAssertEqual(session.completions(for: "x[0:x", in: "x[0:x", at: 0), ["x[0:x", "x[0:xs"])
        XCTAssertEqual(session.completions(for: "x[x.sh", in: "x[x.sh", at: 0), ["x[x.shape"])
        XCTAssertEqual(session.completions(for: "net.layers[0].W.sh", in: "net.layers[0].W.sh", at: 0),
                       ["net.layers[0].W.shape"])
        XCTAssertEqual(session.completions(for: "re", in: ":help re", at: 6), ["read_bytes", "relu", "repeat", "repr", "reset", "reshape", "reversed"])
        XCTAssertEqual(session.completions(for: "x", in: ":del x", at: 5), ["x", "xs"])
        XCTAssertEqual(session.completions(for: "zz", in: "zz", at: 0), [])
    }

    func testCompletionNeverCallsAFunction() {
        let session = Session()
        var calls = 0
        session.builtins.register(Builtin("tick", [], category: "test", help: "", example: "") { _ in
            calls += 1
            return .tensor(Tensor([1]))
        })
        XCTAssertEqual(session.completions(for: "tick().sh", in: "tick().sh", at: 0), [])
        XCTAssertEqual(calls, 0)
    }

    // MARK: Scripts and the front end's helpers

    func testRunLinesJoinsUnclosedBracketsAndStopsAtQuit() {
        let t = Transcript()
        let ok = t.session.runLines(["W = randn(3,", "  4)", "W.shape", "", "# comment", ":quit", "print(1)"])
        XCTAssertTrue(ok)
        XCTAssertEqual(t.text, "(3, 4)")
        t.clear()
        XCTAssertFalse(t.session.runLines(["1 / 0", "print(2)", "x = (1,"]))
        XCTAssertEqual(t.lines.map(\.0), ["arithmetic error: division by zero", "2",
                                          "  x = (1,\n      ^\nsyntax error: '(' was never closed"])
    }

    func testHistoryPathAndColour() {
        XCTAssertEqual(ReplFiles.historyPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/mlplab/history")
        XCTAssertEqual(ReplFiles.historyPath(environment: ["HOME": "/h"]), "/h/.local/state/mlplab/history")
        XCTAssertEqual(ReplFiles.historyPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]), "/h/.local/state/mlplab/history")
        XCTAssertNil(ReplFiles.historyPath(environment: [:]))
        XCTAssertTrue(ReplFiles.useColour(isTerminal: true, environment: [:]))
        XCTAssertFalse(ReplFiles.useColour(isTerminal: false, environment: [:]))
        XCTAssertFalse(ReplFiles.useColour(isTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(ReplFiles.useColour(isTerminal: true, environment: ["NO_COLOR": ""]))
    }

    func testSuggestions() {
        XCTAssertEqual(closestName(to: "rleu", among: ["relu", "reshape", "x"]), "relu")
        XCTAssertEqual(closestName(to: "shpe", among: ["shape", "size"]), "shape")
        XCTAssertEqual(closestName(to: "softmaxx", among: ["softmax", "sigmoid"]), "softmax")
        XCTAssertEqual(closestName(to: "X", among: ["x", "y"]), "x")
        XCTAssertNil(closestName(to: "q", among: ["x", "y"]))
        XCTAssertNil(closestName(to: "banana", among: ["relu", "zeros"]))
        XCTAssertEqual(editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(editDistance("ab", "ba"), 1)
    }
}
