import Interpreter
import XCTest

/// Python that the language does not have, or that is malformed, is reported by
/// name with the line and a caret, and the session goes on.
final class LanguageErrorTests: XCTestCase {
    /// Source, and a phrase the message must hold, naming the construct.
    private let cases: [(String, String)] = [
        ("try:\n    x = 1\nexcept:\n    pass", "'try' is not supported"),
        ("except ValueError: pass", "'except' is not supported"),
        ("finally: pass", "'finally' is not supported"),
        ("raise ValueError('bad')", "'raise' is not supported"),
        ("def g():\n    yield 1", "'yield' (generators) is not supported"),
        ("def g():\n    global x\n    x = 1", "'global' is not supported"),
        ("nonlocal x", "'nonlocal' is not supported"),
        ("async def f(): pass", "'async' is not supported"),
        ("y = await f()", "'await' is not supported"),
        ("del x", "'del' is not supported"),
        ("@decorator\ndef f(): pass", "decorators"),
        ("if (n := 10) > 5: pass", "walrus operator"),
        ("def f(*args): pass", "star parameters"),
        ("def f(a, **kwargs): pass", "star parameters"),
        ("f(*xs)", "star arguments"),
        ("f(**options)", "star arguments"),
        ("x: int = 5", "variable annotations"),
        ("s = {1, 2}", "sets ({a, b}) are not supported"),
        ("class C(A, B): pass", "multiple inheritance"),
        ("for i in range(3):\n    pass\nelse:\n    pass", "'else' after a for or while loop"),
        ("if x = 1: pass", "to compare, write '=='"),
        ("if True:\nx = 1", "expected an indented block"),
        ("x = 1\n    y = 2", "unexpected indentation"),
        ("if True:\n        a = 1\n    b = 2", "indentation matches no enclosing block"),
        ("else: pass", "'else' needs an 'if'"),
        ("elif x: pass", "'elif' needs an 'if'"),
        ("return 1", "'return' is only allowed inside a function"),
        ("break", "'break' is only allowed inside a for or while loop"),
        ("y = 1 if x", "expected 'else' in the conditional expression"),
        ("if a: pass\nelse if b: pass", "write 'elif'"),
        ("from . import layers", "relative imports"),
        ("from numpy import *", "import *"),
        ("def f(a=1, b): pass", "without a default cannot follow"),
        ("print 'hello'", "print is a function"),
        ("if !done: pass", "'!' is not an operator"),
    ]

    func testEachUnsupportedOrMalformedConstructIsNamedWithACaret() {
        XCTAssertGreaterThanOrEqual(cases.count, 30)
        let t = Transcript()
        t.ok("x = 41")
        for (source, phrase) in cases {
            let text = t.run(source)
            XCTAssertEqual(t.errors.count, 1, source)
            XCTAssertTrue(text.contains(phrase), "\(source)\n→ \(text)")
            XCTAssertTrue(text.contains("syntax error"), "\(source)\n→ \(text)")
            XCTAssertFalse(text.contains("is an operator or a comma missing"), "\(source)\n→ \(text)")
            XCTAssertTrue(text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("^") },
                          "no caret: \(source)\n→ \(text)")
        }
        XCTAssertEqual(t.ok("x + 1"), "42", "the session goes on with its variables")
    }

    func testTheCaretPointsAtTheLineOfTheError() {
        let t = Transcript()
        XCTAssertEqual(t.run("def f(x):\n    if x:\n        return 1\n      return 2"), """
                    return 2
                    ^
            syntax error: this line's indentation matches no enclosing block: indent it like the lines of the block it belongs to
            """)
        XCTAssertEqual(t.run("for i in range(2):\n    try:\n        pass"), """
                  try:
                  ^~~
            syntax error: 'try' is not supported in mlplab (there is no try/except/finally): an error stops the statement and the session goes on; check values with 'if' beforehand
            """)
    }

    func testImportOfAnotherModuleSaysWhichModulesThereAre() {
        let t = Transcript()
        XCTAssertEqual(t.run("import os"), """
            import error: there is no module 'os' in mlplab; the modules are IPython.display, gzip, matplotlib, matplotlib.pyplot, numpy, numpy.random and time (import numpy as np); the builtins need no import
            """)
        XCTAssertTrue(t.run("from numpy import nothing_here").contains("np has no attribute 'nothing_here'"))
    }

    func testAssertionErrorCarriesTheMessage() {
        let t = Transcript()
        t.ok("x = -1")
        XCTAssertEqual(t.run("assert x > 0, \"x must be positive\""), "AssertionError: x must be positive")
        XCTAssertEqual(t.run("assert x == 0"), "AssertionError: assert failed")
        XCTAssertEqual(t.ok("assert x < 0, 'fine'"), "")
    }

    func testRunawayRecursionStopsWithAClearErrorAndTheSessionGoesOn() {
        let t = Transcript()
        t.ok("def down(n):\n    return down(n + 1)")
        let text = t.run("down(0)")
        XCTAssertTrue(text.contains("recursion error: maximum recursion depth exceeded"), text)
        t.ok("def depth(n):\n    if n == 0:\n        return 0\n    return 1 + depth(n - 1)")
        XCTAssertEqual(t.ok("depth(150)"), "150")
        XCTAssertEqual(t.ok("down"), "<function down(n)>")
    }

    func testAnErrorInsideAFunctionNamesTheFunctionsAndPointsAtTheCall() {
        let t = Transcript()
        t.ok("def inner(v):\n    return v + undefined_name\n\ndef outer(v):\n    return inner(v) * 2")
        XCTAssertEqual(t.run("y = outer(1)"), """
              y = outer(1)
                  ^~~~~~~~
            name error: 'undefined_name' is not defined (in inner(), called by outer())
            """)
        XCTAssertEqual(t.run("outer(1, 2)"), "type error: outer() takes 1 positional argument but 2 were given")
        XCTAssertEqual(t.run("outer(w=1)"), "type error: outer() got an unexpected keyword argument 'w'")
    }

    func testReadingALocalBeforeAssigningItIsAnError() {
        let t = Transcript()
        t.ok("total = 5\ndef f():\n    total = total + 1\n    return total")
        XCTAssertTrue(t.run("f()").contains("local variable 'total' is used before it is assigned in f"))
    }

    func testHelpLanguageListsWhatTheLanguageHasWithExamples() {
        let t = Transcript()
        let text = t.ok(":help language")
        for construct in ["if / elif / else", "while", "break / continue", "assert", "def / return", "lambda", "class",
                          "inheritance, super", "import numpy as np", "f-strings", "% and .format", "dicts", "comprehensions"] {
            XCTAssertTrue(text.contains(construct), "\(construct) is missing from :help language")
        }
        XCTAssertTrue(text.contains("Not in the language: try/except/finally"))
    }

    func testBlocksNestedPastTheParsersLimitAreRefusedNotACrash() {
        let t = Transcript()
        let source = (0..<150).map { String(repeating: " ", count: $0) + "if True:" }.joined(separator: "\n")
            + "\n" + String(repeating: " ", count: 150) + "x = 1"
        XCTAssertTrue(t.run(source).contains("nested too deeply"))
        XCTAssertEqual(t.ok("1 + 1"), "2")
    }
}
