import Interpreter
import XCTest

/// How the front ends gather the lines of a block: the REPL asks for more after
/// a line ending in ':' until an empty line; a script's block ends at the next
/// line at the left margin.
final class BlockInputTests: XCTestCase {
    func testTheREPLAsksForMoreUntilABlockEndsWithAnEmptyLine() {
        let session = Session()
        XCTAssertTrue(session.needsMoreInput("def f(x):"))
        XCTAssertTrue(session.needsMoreInput("def f(x):\n    return x"))
        XCTAssertTrue(session.needsMoreInput("def f(x):\n    if x:"))
        XCTAssertTrue(session.needsMoreInput("if x:\n    a = 1\nelse:"))
        XCTAssertFalse(session.needsMoreInput("def f(x):\n    return x\n"))
        XCTAssertFalse(session.needsMoreInput("for i in range(3): print(i)"), "a one-line loop runs at once, as before")
        XCTAssertFalse(session.needsMoreInput("x = 1"))
        XCTAssertTrue(session.needsMoreInput("x = [1,"))
        XCTAssertTrue(session.needsMoreInput("s = \"\"\"a docstring"))
        XCTAssertFalse(session.needsMoreInput("if x:\ny = 1"), "a missing indentation is an error, not more input")
    }

    func testAScriptsBlockEndsAtTheNextUnindentedLineAndMayHoldBlankLines() {
        let t = Transcript()
        let lines = [
            "total = 0", "for i in range(4):", "    if i % 2 == 0:", "", "        total += i", "    else:",
            "        total -= 1", "print(total)", "if total > 0: print('positive')", "else: print('not positive')",
        ]
        XCTAssertTrue(t.session.runLines(lines), t.text)
        // python3: 0 - 1 + 2 - 1 = 0, so "not positive".
        XCTAssertEqual(t.text, "0\nnot positive")
    }

    func testAnErrorInABlockReportsItAndTheNextStatementsRun() {
        let t = Transcript()
        XCTAssertFalse(t.session.runLines(["for i in range(2):", "    print(undefined)", "print('after')"]))
        XCTAssertEqual(t.errors.count, 1)
        XCTAssertTrue(t.text.hasSuffix("after"), t.text)
    }

    func testPrintWithEndKeepsTheLineOpenAcrossStatements() {
        let t = Transcript()
        XCTAssertTrue(t.session.runLines(["for i in range(3):", "    print(i, end=' ')", "print('done')"]))
        XCTAssertEqual(t.text, "0 1 2 done")
        XCTAssertEqual(t.ok("print('a', end='')"), "a", "the REPL ends an open line when the statement is done")
    }

    func testADefCalledTenThousandTimesRunsInALessonCell() {
        let t = Transcript()
        t.ok("def f(a, b):\n    c = a * b + 1\n    return c")
        t.ok("s = 0\nfor i in range(10000):\n    s += f(i, 2)")
        // sum(2i + 1 for i < 10000) = 10000^2 = 100000000
        XCTAssertEqual(t.ok("s"), "100000000")
    }
}
