import Interpreter
import Tensor
import XCTest

/// numpy's array functions and methods through the REPL: the cases and numpy's values
/// are in NumpyFunctionReference.swift, written by scripts/make_function_fixtures.py.
/// Every result must have numpy's dtype, shape and elements to the bit, except the
/// norms, which numpy computes with a BLAS dot product.
final class NumpyFunctionTests: XCTestCase {
    func testEveryCaseGivesNumpysValues() throws {
        assertEveryCase(numpyFunctionCases, matches: matches)
        XCTAssertGreaterThan(numpyFunctionCases.count, 100)
    }

    /// Each bad argument gets a message that says what is wrong, and the session goes on.
    func testBadArgumentsAreExplained() {
        let cases: [(String, String)] = [
            ("np.squeeze(np.zeros((2, 1)), axis=0)", "size not equal to one"),
            ("np.expand_dims(np.zeros(2), 3)", "out of bounds"),
            ("np.repeat(np.arange(3), [1, 2])", "one per element"),
            ("np.repeat(np.arange(3), -1)", "negative"),
            ("np.tile(np.arange(3), -2)", "negative"),
            ("np.take(np.arange(3), [3])", "out of bounds"),
            ("np.take(np.arange(3), [0.5])", "whole numbers"),
            ("np.swapaxes(np.zeros((2, 3)), 0, 2)", "out of bounds"),
            ("np.broadcast_to(np.arange(3), (2, 2))", "cannot broadcast"),
            ("np.linspace(0, 1, -1)", "non-negative"),
            ("np.linalg.norm(np.arange(3.0), ord=1)", "Euclidean"),
            ("np.sort(np.arange(3), axis=1)", "out of bounds"),
            ("np.bincount(np.array([1, -1]))", "no negative numbers"),
            ("np.bincount(np.arange(3.0))", "1-D array of whole numbers"),
            ("np.bincount(np.zeros((2, 2), dtype=int))", "1-D array of whole numbers"),
            ("np.bincount(np.arange(3), minlength=-1)", "minlength must be 0 or more"),
            ("np.arange(3).astype('q2')", "unknown dtype"),
            ("np.histogram(np.array([1.0, np.nan]))", "autodetected range of [nan, nan] is not finite"),
            ("np.histogram(np.array([1.0, np.inf]))", "autodetected range of [1.0, inf] is not finite"),
            ("np.histogram(np.arange(3), range=(2, 1))", "max must be larger than min in range parameter"),
            ("np.histogram(np.arange(3), range=(0, np.inf))", "inf] is not finite"),
            ("np.histogram(np.arange(3), bins=0)", "`bins` must be positive"),
            ("np.histogram(np.array([1.0, 1.0000001], dtype=np.float32), bins=100)", "Cannot create 100 finite-sized bins"),
            ("np.histogram(np.arange(3), bins=[0, 1, 2])", "bins must be a whole number"),
            ("np.histogram(np.arange(3), range=(0, 1, 2))", "range must be a pair of numbers"),
            ("np.array([250, 3], dtype=np.uint8) + 300", "Python integer 300 out of bounds for uint8"),
            ("np.array([250, 3], dtype=np.uint8) - 1000", "out of bounds for uint8"),
            ("np.frombuffer(np.arange(3), np.uint8)", "buffer must be bytes"),
            ("f = open('data/sample/train-labels-idx1-ubyte.gz', 'rb'); np.frombuffer(f.read(), np.uint8, offset=99999)", "offset must be"),
            ("f = open('data/sample/train-labels-idx1-ubyte.gz', 'rb'); np.frombuffer(f.read(), np.int64, offset=1)", "multiple"),
            ("f = open('data/sample/train-labels-idx1-ubyte.gz', 'rb'); np.frombuffer(f.read(), np.uint8, count=99999)", "smaller than requested"),
            ("f = open('no/such/file.bin', 'rb')", "cannot read no/such/file.bin"),
            ("f = open('data/sample/train-labels-idx1-ubyte.gz', 'w')", "only read"),
            ("import gzip; f = gzip.open('data/README.md')", "cannot read data/README.md"),
        ]
        assertEachFailsNaming(cases)
    }

    /// numpy's dtype, shape and elements. numpy's scalars (a 0-d result) may come back as
    /// plain numbers of the same kind, as `item()` gives them.
    private func matches(_ value: Value, _ c: NumpyCase) -> Bool {
        if let repr = c.repr { return value.repr == repr }
        let (dtype, shape, actual): (String, [Int], [Double])
        switch value {
        case .tensor(let t): (dtype, shape, actual) = (t.dtype.rawValue, t.shape, t.doubles)
        case .int(let i): (dtype, shape, actual) = ("int64", [], [Double(i)])
        case .float(let d): (dtype, shape, actual) = ("float64", [], [d])
        case .bool(let b): (dtype, shape, actual) = ("bool", [], [b ? 1 : 0])
        default: return false
        }
        guard dtype == c.dtype, shape == c.shape, actual.count == c.values.count else { return false }
        let tolerance = c.source.contains("norm") ? 4 * Double.ulpOfOne : 0
        return zip(actual, c.values).allSatisfy { a, b in
            (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern || tolerance > 0 && abs(a - b) <= tolerance * abs(b)
        }
    }
}
