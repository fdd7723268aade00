import Interpreter
import Tensor
import XCTest

/// Runs each case, with `setup` first, in a fresh session and fails for each whose value
/// `matches` refuses (or that throws), naming the source, the value and numpy's.
func assertEveryCase(_ cases: [NumpyCase], setup: String = "", matches: (Value, NumpyCase) -> Bool,
                     file: StaticString = #filePath, line: UInt = #line) {
    var failures = 0
    for c in cases {
        do {
            let value = try evaluateLast(setup.isEmpty ? c.source : setup + "; " + c.source)
            if !matches(value, c) {
                failures += 1
                XCTFail("\(c.source): got \(value.repr) (\(value.kindName)), numpy gives \(c.repr ?? "\(c.dtype!) \(c.shape) \(c.values)")",
                        file: file, line: line)
            }
        } catch {
            failures += 1
            XCTFail("\(c.source): \(error)", file: file, line: line)
        }
    }
    XCTAssertEqual(failures, 0, file: file, line: line)
}

/// Runs each source in one session: each must fail with an error that holds its phrase, and
/// the session must go on with a variable made before them intact.
func assertEachFailsNaming(_ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
    let t = Transcript()
    t.ok("x = 41")
    for (source, phrase) in cases {
        XCTAssertNotEqual(t.session.run(source), .success, source, file: file, line: line)
        XCTAssertTrue(t.errors.joined().contains(phrase), "\(source): \(t.errors)", file: file, line: line)
        t.clear()
    }
    XCTAssertEqual(t.session[variable: "x"]?.repr, "41", file: file, line: line)
}

/// Runs a fresh session's statements before the last `; ` and returns the last one's value.
func evaluateLast(_ source: String) throws -> Value {
    let session = Session(output: { _, _ in })
    var parts = source.components(separatedBy: "; ")
    let last = parts.removeLast()
    for part in parts where session.run(part) != .success { throw InterpreterError(.value, "setup failed: \(part)") }
    return try session.evaluate(last)
}

/// One REPL expression and numpy's value for it: a tensor (dtype, shape,
/// row-major values) or, for plain Python values, their repr.
struct NumpyCase {
    let source: String
    let dtype: String?
    let shape: [Int]
    let values: [Double]
    let repr: String?

    init(_ source: String, dtype: String, shape: [Int], values: [Double]) {
        self.source = source
        self.dtype = dtype
        self.shape = shape
        self.values = values
        repr = nil
    }

    init(_ source: String, repr: String) {
        self.source = source
        self.repr = repr
        dtype = nil
        shape = []
        values = []
    }
}

/// A session whose output is collected instead of printed.
final class Transcript {
    let session: Session
    private(set) var lines: [(String, OutputStyle)] = []

    init() {
        session = Session()
        session.output = { [unowned self] text, style in self.lines.append((text, style)) }
    }

    /// Everything written so far but the warnings (what goes to standard output, and the errors), one message per line.
    var text: String { lines.filter { $0.1 != .warning }.map(\.0).joined(separator: "\n") }
    var errors: [String] { lines.filter { $0.1 == .error }.map(\.0) }
    var warnings: [String] { lines.filter { $0.1 == .warning }.map(\.0) }

    func clear() { lines.removeAll() }

    /// The elements of a tensor variable, or nil if there is no such tensor.
    func doubles(_ name: String) -> [Double]? {
        guard case .tensor(let t)? = session[variable: name] else { return nil }
        return t.doubles
    }

    /// Runs a line and returns what it wrote.
    @discardableResult
    func run(_ source: String) -> String {
        clear()
        session.run(source)
        return text
    }

    /// Runs a line that must succeed and returns what it wrote.
    @discardableResult
    func ok(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        clear()
        let outcome = session.run(source)
        XCTAssertEqual(outcome, .success, "\(source) failed: \(text)", file: file, line: line)
        return text
    }
}

extension Value {
    /// A plain number or a one-element tensor as a Double.
    var asNumber: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .tensor(let t) where t.count == 1: return t.doubles[0]
        default: return nil
        }
    }

    /// The tensor inside, or a test failure.
    func tensor(file: StaticString = #filePath, line: UInt = #line) throws -> Tensor {
        guard case .tensor(let t) = self else {
            XCTFail("expected a tensor, got \(repr)", file: file, line: line)
            throw XCTSkip("not a tensor")
        }
        return t
    }
}

/// A fake model for attribute, completion and save tests: `net.layers[0].W`, `net.lr`.
struct FakeLayer: ScriptObject {
    var W: Tensor
    var b: Tensor
    var typeName: String { "Linear" }
    var description: String { "Linear(\(W.shape[0]) → \(W.shape[1]))" }
    var attributeNames: [String] { ["W", "b"] }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "W": return .tensor(W)
        case "b": return .tensor(b)
        default: throw noSuchAttribute(name)
        }
    }

    mutating func setAttribute(_ name: String, _ value: Value) throws {
        guard case .tensor(let t) = value else { throw InterpreterError(.type, "\(name) must be a tensor") }
        switch name {
        case "W": W = t
        case "b": b = t
        default: throw noSuchAttribute(name)
        }
    }
}

struct FakeNet: ScriptObject {
    var layers: [FakeLayer]
    var lr: Double
    var typeName: String { "MLP" }
    var description: String { "MLP(\(layers.count) layers)" }
    var attributeNames: [String] { ["layers", "lr"] }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "layers": return .list(layers.map { .object($0) })
        case "lr": return .float(lr)
        default: throw noSuchAttribute(name)
        }
    }

    mutating func setAttribute(_ name: String, _ value: Value) throws {
        switch (name, value) {
        case ("lr", .float(let d)): lr = d
        case ("layers", .list(let items)):
            layers = try items.map {
                guard case .object(let o) = $0, let layer = o as? FakeLayer else { throw InterpreterError(.type, "layers must be Linear layers") }
                return layer
            }
        default: throw InterpreterError(.type, "cannot set \(name)")
        }
    }

    static func make() -> FakeNet {
        FakeNet(layers: [FakeLayer(W: Tensor(shape: [2, 3], storage: .float64([1, 2, 3, 4, 5, 6])), b: Tensor([0, 0, 0]))], lr: 0.1)
    }
}
