import Interpreter
import XCTest

/// numpy's RuntimeWarnings: the value as numpy gives it, and numpy's warning beside it, not in it.
/// Every expected value and warning was printed by numpy 2 for the same expression (with
/// `warnings.simplefilter("always")`; `np.` prefixes dropped).
final class FloatingPointWarningTests: XCTestCase {
    private let warned: [(source: String, value: String, warnings: [String])] = [
        ("exp(array([0.0, 1000.0]))", "array([ 1., inf])", ["RuntimeWarning: overflow encountered in exp"]),
        ("log(array([0.0, -1.0]))", "array([-inf,  nan])",
         ["RuntimeWarning: divide by zero encountered in log", "RuntimeWarning: invalid value encountered in log"]),
        ("sqrt(array([-1.0]))", "array([nan])", ["RuntimeWarning: invalid value encountered in sqrt"]),
        ("cos(array([inf]))", "array([nan])", ["RuntimeWarning: invalid value encountered in cos"]),
        ("1 / array([1.0, 0.0])", "array([ 1., inf])", ["RuntimeWarning: divide by zero encountered in divide"]),
        ("array([0.0]) / 0", "array([nan])", ["RuntimeWarning: invalid value encountered in divide"]),
        ("array([1e308]) * 10", "array([inf])", ["RuntimeWarning: overflow encountered in multiply"]),
        ("array([1e308]) + array([1e308])", "array([inf])", ["RuntimeWarning: overflow encountered in add"]),
        ("array([-1e308]) - 1e308", "array([-inf])", ["RuntimeWarning: overflow encountered in subtract"]),
        ("array([2.0])[0] ** 2000", "np.float64(inf)", ["RuntimeWarning: overflow encountered in scalar power"]),
        ("array([1e300]).astype(float32)", "array([inf], dtype=float32)", ["RuntimeWarning: overflow encountered in cast"]),
    ]

    /// What numpy computes without a warning: underflow to 0, nan carried along, ordinary values,
    /// the stable sigmoid; and Python's own floats, which overflow to inf silently.
    private let silent: [(source: String, value: String)] = [
        ("exp(array([-1000.0]))", "array([0.])"),
        ("array([nan]) + 1", "array([nan])"),
        ("log(array([1.0]))", "array([0.])"),
        ("sigmoid(array([0.0, 1000.0, -1000.0]))", "array([0.5, 1. , 0. ])"),
        ("1e308 * 10", "inf"),
    ]

    func testNumpysWarningsAreGivenBesideTheValue() {
        for (source, value, warnings) in warned {
            let t = Transcript()
            XCTAssertEqual(t.ok(source), value, source)
            XCTAssertEqual(t.warnings, warnings, source)
        }
    }

    func testWhatNumpyComputesQuietlyWarnsNothing() {
        for (source, value) in silent {
            let t = Transcript()
            XCTAssertEqual(t.ok(source), value, source)
            XCTAssertEqual(t.warnings, [], source)
        }
    }

    /// Python shows a warning once for each line of code, however often the line runs.
    func testALoopWarnsOnceForEachInput() {
        let t = Transcript()
        t.ok("for i in range(5): y = exp(array([1000.0 * i]))")
        XCTAssertEqual(t.warnings, ["RuntimeWarning: overflow encountered in exp"])
        t.ok("for i in range(5): y = exp(array([1000.0 * i])); z = log(array([0.0 * i]))")
        XCTAssertEqual(t.warnings, ["RuntimeWarning: divide by zero encountered in log", "RuntimeWarning: overflow encountered in exp"],
                       "log(0) warns in the first pass, exp(1000) in the second; then neither again")
    }

    func testAWarningIsOfItsOwnStyleAfterTheLinePrintLeftOpen() {
        let t = Transcript()
        t.ok("print('a', end=''); y = exp(array([1000.0])); print('b')")
        XCTAssertEqual(t.lines.map(\.0), ["a", "RuntimeWarning: overflow encountered in exp", "b"])
        XCTAssertEqual(t.lines.map(\.1), [.text, .warning, .text])
    }
}
