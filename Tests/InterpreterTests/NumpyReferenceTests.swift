import Interpreter
import Tensor
import XCTest

/// Every operator and builtin against numpy: the cases and numpy's values are
/// in NumpyReference.swift, written by scripts/make_interpreter_fixtures.py.
final class NumpyReferenceTests: XCTestCase {
    func testEveryCaseMatchesNumpy() throws {
        var failures = 0
        for c in numpyCases {
            let session = Session(output: { _, _ in })
            XCTAssertEqual(session.run(numpyCaseSetup), .success)
            do {
                let value = try evaluateLast(c.source, in: session)
                if !matches(value, c) {
                    failures += 1
                    XCTFail("\(c.source): got \(value.repr) (\(value.kindName)), numpy gives \(c.repr ?? "\(c.dtype!) \(c.shape) \(c.values)")")
                }
            } catch {
                failures += 1
                XCTFail("\(c.source): \(error)")
            }
        }
        XCTAssertEqual(failures, 0)
        XCTAssertGreaterThan(numpyCases.count, 200)
    }

    /// Runs the statements before the last `;` and returns the last one's value.
    private func evaluateLast(_ source: String, in session: Session) throws -> Value {
        var parts = source.components(separatedBy: "; ")
        let last = parts.removeLast()
        for part in parts where session.run(part) != .success { throw InterpreterError(.value, "setup failed: \(part)") }
        return try session.evaluate(last)
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
