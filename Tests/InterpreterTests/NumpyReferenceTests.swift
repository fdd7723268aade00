import Interpreter
import Tensor
import XCTest

/// Every operator and builtin against numpy: the cases and numpy's values are
/// in NumpyReference.swift, written by scripts/make_interpreter_fixtures.py.
final class NumpyReferenceTests: XCTestCase {
    func testEveryCaseMatchesNumpy() throws {
        assertEveryCase(numpyCases, setup: numpyCaseSetup, matches: matches)
        XCTAssertGreaterThan(numpyCases.count, 200)
    }

    private func matches(_ value: Value, _ c: NumpyCase) -> Bool {
        if let repr = c.repr { return value.repr == repr }
        guard case .tensor(let t) = value, t.dtype.rawValue == c.dtype, t.shape == c.shape else { return false }
        let actual = t.doubles
        guard actual.count == c.values.count else { return false }
        // Integers and bools exactly; floats to a relative 1e-12 (float32 to its own precision).
        let tolerance = t.dtype == .float32 ? 1e-6 : t.dtype == .float64 ? 1e-12 : 0
        return zip(actual, c.values).allSatisfy { a, b in
            (a.isNaN && b.isNaN) || a == b || abs(a - b) <= tolerance * Swift.max(1, abs(b))
        }
    }

    /// Forward pass, softmax cross-entropy, backward pass and SGD, typed as a
    /// learner would, end on numpy's loss and accuracy.
    func testTrainingByHandMatchesNumpy() throws {
        let t = Transcript()
        for line in handTrainingLines { t.ok(line) }
        let loss = try XCTUnwrap(t.session[variable: "loss"]?.asNumber)
        let accuracy = try XCTUnwrap(t.session[variable: "accuracy"]?.asNumber)
        XCTAssertEqual(loss, handTrainingLoss, accuracy: 1e-12)
        XCTAssertEqual(accuracy, handTrainingAccuracy)
        XCTAssertEqual(t.session[variable: "step"]?.repr, "49")
    }

    func testPythonFloatFormattingMatchesPythonRepr() {
        for (value, expected) in pythonFloatReprs {
            XCTAssertEqual(PythonFormat.float(value), expected)
        }
    }

    func testFloat32FormattingMatchesNumpyStr() {
        for (value, expected) in numpyFloat32Strs {
            XCTAssertEqual(PythonFormat.float(Float(value)), expected)
        }
    }

    func testStringsEchoLikePythonRepr() {
        XCTAssertEqual(PythonFormat.quoted("abc"), "'abc'")
        XCTAssertEqual(PythonFormat.quoted("it's"), "\"it's\"")
        XCTAssertEqual(PythonFormat.quoted("say \"hi\" it's"), "'say \"hi\" it\\'s'")
        XCTAssertEqual(PythonFormat.quoted("a\nb\\"), "'a\\nb\\\\'")
        XCTAssertEqual(PythonFormat.quoted("\u{1}"), "'\\x01'")
    }
}
