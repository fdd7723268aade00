import Interpreter
import XCTest

/// A bare expression echoes numpy 2.x's `repr`, as Python's REPL does; `print` and `str` keep
/// numpy's `str`. Expected texts are what python3 with numpy 2.4 prints for the same code
/// (with `x = np.array([[1, 2, 3], [4, 5, 6]])`).
final class ReprTests: XCTestCase {
    private func transcript() -> Transcript {
        let t = Transcript()
        t.ok("x = array([[1, 2, 3], [4, 5, 6]])")
        return t
    }

    func testArraysEchoTheirRepr() {
        let t = transcript()
        XCTAssertEqual(t.ok("x + x"), "array([[ 2,  4,  6],\n       [ 8, 10, 12]])")
        XCTAssertEqual(t.ok("x.astype(\"float32\") / 2"), "array([[0.5, 1. , 1.5],\n       [2. , 2.5, 3. ]], dtype=float32)")
        XCTAssertEqual(t.ok("x > 2"), "array([[False, False,  True],\n       [ True,  True,  True]])")
        XCTAssertEqual(t.ok("zeros((0, 3))"), "array([], shape=(0, 3), dtype=float64)")
    }

    /// numpy: `repr(x.sum())`, `repr(x.mean())`, `repr(x[0, 1])`, `repr(x.astype(np.float32).sum())`, `repr((x > 2).any())`.
    func testReductionsAndElementsEchoNumpyScalars() {
        let t = transcript()
        XCTAssertEqual(t.ok("x.sum()"), "np.int64(21)")
        XCTAssertEqual(t.ok("x.mean()"), "np.float64(3.5)")
        XCTAssertEqual(t.ok("x[0, 1]"), "np.int64(2)")
        XCTAssertEqual(t.ok("x.astype(\"float32\").sum()"), "np.float32(21.0)")
        XCTAssertEqual(t.ok("(x > 2).any()"), "np.True_")
    }

    /// numpy: `repr(list(x))`, `repr((x.shape, x.dtype))`, `repr(['abc', 1, 2.5, None, True])`.
    func testPythonValuesEchoPythonsRepr() {
        let t = transcript()
        XCTAssertEqual(t.ok("list(x)"), "[array([1, 2, 3]), array([4, 5, 6])]")
        XCTAssertEqual(t.ok("(x.shape, x.dtype)"), "((2, 3), dtype('int64'))")
        XCTAssertEqual(t.ok("x.shape[0]"), "2")
        XCTAssertEqual(t.ok("0.1 + 0.2"), "0.30000000000000004")
        XCTAssertEqual(t.ok("\"abc\""), "'abc'")
        XCTAssertEqual(t.ok("[\"abc\", 1, 2.5, None, True]"), "['abc', 1, 2.5, None, True]")
    }

    /// numpy: `print(x)`, `str(x[0])`, `repr(x[0])`, `print(x.sum())`.
    func testPrintAndStrKeepNumpysStr() {
        let t = transcript()
        XCTAssertEqual(t.ok("print(x)"), "[[1 2 3]\n [4 5 6]]")
        XCTAssertEqual(t.ok("str(x[0])"), "'[1 2 3]'")
        XCTAssertEqual(t.ok("repr(x[0])"), "'array([1, 2, 3])'")
        XCTAssertEqual(t.ok("print(x.sum())"), "21")
    }
}
