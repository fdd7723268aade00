import Foundation
import XCTest
import Tensor

/// Every tensor operation against numpy's results (Fixtures/ops.json, written by
/// scripts/make_tensor_fixtures.py). Arithmetic, reductions and reshaping must
/// match to the last bit; transcendental functions within a few ulps, since
/// numpy's vectorised exp/log/tanh may round differently from the C library.
final class TensorOpsTests: XCTestCase {
    struct Case {
        let name: String, op: String
        let inputs: [Tensor]
        let keywords: [String: Any]
        let expected: Tensor
    }

    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "ops", withExtension: "json", subdirectory: "Fixtures")!
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let arrays = (root["arrays"] as! [[String: Any]]).map(decodeTensor)
        return (root["cases"] as! [[String: Any]]).map { c in
            Case(name: c["name"] as! String, op: c["op"] as! String,
                 inputs: (c["inputs"] as! [Int]).map { arrays[$0] },
                 keywords: c["kw"] as! [String: Any], expected: arrays[c["expected"] as! Int])
        }
    }()

    static func decodeTensor(_ json: [String: Any]) -> Tensor {
        let shape = json["shape"] as! [Int]
        let values = json["values"] as! [Any]
        switch json["dtype"] as! String {
        case "float64": return Tensor(shape: shape, doubles: values.map { Double($0 as! String)! })
        case "float32": return Tensor(shape: shape, floats: values.map { Float(Double($0 as! String)!) })
        case "bool": return Tensor(shape: shape, bools: values.map { $0 as! Bool })
        default: return Tensor(shape: shape, int64s: values.map { Int64(($0 as! NSNumber).int64Value) })
        }
    }

    func run(_ c: Case) throws -> Tensor {
        let x = c.inputs[0]
        let axis = c.keywords["axis"] as? Int
        let keepdims = c.keywords["keepdims"] as? Bool ?? false
        let binary: [String: BinaryOp] = ["add": .add, "subtract": .subtract, "multiply": .multiply, "divide": .divide,
                                          "power": .power, "maximum": .maximum, "minimum": .minimum, "less": .less,
                                          "greater_equal": .greaterEqual, "equal": .equal]
        let unary: [String: UnaryOp] = ["exp": .exp, "log": .log, "sqrt": .sqrt, "tanh": .tanh, "abs": .abs,
                                        "negative": .negative, "square": .square, "sigmoid": .sigmoid, "relu": .relu]
        if let op = binary[c.op] { return try Tensor.binary(op, x, c.inputs[1]) }
        if c.op.hasSuffix("_weak"), let op = binary[String(c.op.dropLast(5))] {
            return try Tensor.binary(op, x, c.inputs[1], weakB: true)
        }
        if let op = unary[c.op] { return try x.unary(op) }
        switch c.op {
        case "clip": return try x.clip(min: c.keywords["min"] as? Double, max: c.keywords["max"] as? Double)
        case "where": return try Tensor.where_(x, c.inputs[1], c.inputs[2])
        case "sum": return try x.sum(axis: axis, keepdims: keepdims)
        case "mean": return try x.mean(axis: axis, keepdims: keepdims)
        case "max": return try x.max(axis: axis, keepdims: keepdims)
        case "min": return try x.min(axis: axis, keepdims: keepdims)
        case "argmax": return try x.argmax(axis: axis, keepdims: keepdims)
        case "std": return try x.std(axis: axis, keepdims: keepdims)
        case "var": return try x.variance(axis: axis, keepdims: keepdims)
        case "matmul": return try Tensor.matmul(x, c.inputs[1])
        case "reshape": return try x.reshaped(c.keywords["shape"] as! [Int])
        case "T": return x.T
        case "transpose": return try x.transposed(c.keywords["axes"] as! [Int])
        case "concatenate": return try Tensor.concatenate(c.inputs, axis: axis ?? 0)
        case "onehot": return try Tensor.oneHot(x, classes: c.keywords["classes"] as! Int)
        case "identity": return x
        case "index":
            return try x.index(indices(c))
        case "assign":
            var result = x
            try result.assign(indices(c), c.inputs.last!)
            return result
        default: throw XCTSkip("unknown op \(c.op)")
        }
    }

    /// The numpy index a case describes: ["int", k], ["slice", start, stop, step], ["input", n], ["newaxis"].
    func indices(_ c: Case) -> [TensorIndex] {
        (c.keywords["spec"] as! [[Any]]).map { item in
            switch item[0] as! String {
            case "int": return .int(item[1] as! Int)
            case "slice": return .slice(start: item[1] as? Int, stop: item[2] as? Int, step: item[3] as? Int)
            case "input": return .tensor(c.inputs[1 + (item[1] as! Int)])
            default: return .newAxis
            }
        }
    }

    /// Relative tolerance per operation: 0 means bit-for-bit.
    func tolerance(_ c: Case) -> Double {
        let inexact = ["exp", "log", "tanh", "power", "sigmoid", "power_weak", "matmul", "std"]
        guard inexact.contains(c.op) else { return 0 }
        return c.expected.dtype == .float32 ? 2e-6 : 1e-14
    }

    func testEveryOperationMatchesNumpy() throws {
        XCTAssertGreaterThan(Self.cases.count, 600)
        var failures: [String] = []
        for c in Self.cases {
            let actual: Tensor
            do { actual = try run(c) } catch { failures.append("\(c.name): threw \(error)"); continue }
            if actual.dtype != c.expected.dtype || actual.shape != c.expected.shape {
                failures.append("\(c.name): got \(actual.dtype) \(actual.shape), numpy \(c.expected.dtype) \(c.expected.shape)")
                continue
            }
            if let worst = largestDifferenceBeyondBound(c, actual) { failures.append(worst) }
        }
        XCTAssertEqual(failures, [], "\(failures.count) of \(Self.cases.count) cases differ from numpy")
    }

    /// The element farthest outside its bound, described with the bound, or nil if every
    /// element is within it (NaN matching NaN).
    func largestDifferenceBeyondBound(_ c: Case, _ actual: Tensor) -> String? {
        let bounds = allowedDifferences(c)
        var worst: (index: Int, excess: Double)?
        for (i, (a, e)) in zip(actual.doubles, c.expected.doubles).enumerated() where !(a == e || (a.isNaN && e.isNaN)) {
            let excess = abs(a - e).isNaN ? .infinity : abs(a - e) / bounds[i]
            if excess > 1, excess > worst?.excess ?? 0 { worst = (i, excess) }
        }
        guard let worst else { return nil }
        let (a, e) = (actual.doubles[worst.index], c.expected.doubles[worst.index])
        return "\(c.name): element \(worst.index) is \(a), numpy \(e): difference \(abs(a - e)), "
            + "allowed \(bounds[worst.index]) (the largest excess over the bound)"
    }

    /// The difference each element may show from numpy's. Arithmetic, reductions and
    /// reshaping must match to the last bit. Transcendental functions may differ by a few
    /// ulps, since numpy's vectorised exp/log/tanh may round differently from the C library.
    /// A matrix product through BLAS adds its K terms in an order that depends on the
    /// processor's kernel; for every order the rounding error is at most γ_K·Σ|aᵢbᵢ| with
    /// γ_K = K·u/(1 − K·u) (u the unit roundoff), so two correct products differ by at most
    /// twice that.
    func allowedDifferences(_ c: Case) -> [Double] {
        let expected = c.expected.doubles
        let unitRoundoff = c.expected.dtype == .float32 ? 0x1p-24 : 0x1p-53
        if c.op == "matmul", c.expected.dtype == .float32 || c.expected.dtype == .float64 {
            let k = Double(c.keywords["depth"] as! Int)
            let gamma = k * unitRoundoff / (1 - k * unitRoundoff)
            return (c.keywords["abs_products"] as! [Double]).map { max(2 * gamma * $0, .leastNonzeroMagnitude) }
        }
        let inexact = ["exp", "log", "tanh", "power", "sigmoid", "power_weak", "std"]
        let relative = inexact.contains(c.op) ? (c.expected.dtype == .float32 ? 2e-6 : 1e-14) : 0
        return expected.map { relative * max(abs($0), 1e-300) }
    }
}
