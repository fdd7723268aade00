import Foundation
import XCTest
import NumericAssertions
import Tensor

/// Every tensor operation against numpy's results (Fixtures/ops.json, written by
/// scripts/make_tensor_fixtures.py), each within the difference `allowedDifferences`
/// derives from the operation: none for arithmetic, reductions and reshaping.
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
        case "float64": return Tensor(shape: shape, storage: .float64(values.map { Double($0 as! String)! }))
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
        case "clip": return try x.clip(min: (c.keywords["min"] as? Double).map { Tensor(scalar: $0) },
                                       max: (c.keywords["max"] as? Double).map { Tensor(scalar: $0) },
                                       weakMin: true, weakMax: true)
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
            if let worst = largestExcess(actual.doubles, c.expected.doubles, bounds: allowedDifferences(c)) {
                failures.append("\(c.name): \(worst)")
            }
        }
        XCTAssertEqual(failures, [], "\(failures.count) of \(Self.cases.count) cases differ from numpy")
    }

    /// ReLU at the edges, as `np.maximum(x, 0)` gives them: NaN stays NaN, -0.0 and -inf
    /// become +0.0, inf stays inf.
    func testReLUKeepsNaNAndGivesPositiveZero() throws {
        let edges: [Double] = [.nan, -0.0, 0, -1, 2, .infinity, -.infinity]
        for x in [Tensor(shape: [7], storage: .float64(edges)), Tensor(shape: [7], storage: .float64(edges)).astype(.float32)] {
            let r = try x.unary(.relu).doubles
            XCTAssertTrue(r[0].isNaN, "\(x.dtype)")
            XCTAssertEqual(Array(r.dropFirst()), [0, 0, 0, 2, .infinity, 0], "\(x.dtype)")
            XCTAssertEqual(r.dropFirst().map(\.sign), Array(repeating: .plus, count: 6), "no -0.0: \(x.dtype)")
        }
    }

    /// The difference each element may show from numpy's. Arithmetic, reductions and
    /// reshaping must match to the last bit. Transcendental functions may differ by a few
    /// ulps, since numpy's vectorised exp/log/tanh may round differently from the C library.
    /// A float matrix product goes through BLAS, whose order of summation depends on the
    /// processor: it may differ by the bound that holds for every order (`SumBound`).
    func allowedDifferences(_ c: Case) -> [Double] {
        let float32 = c.expected.dtype == .float32
        if c.op == "matmul", float32 || c.expected.dtype == .float64 {
            let bound = float32 ? SumBound.float32 : SumBound.float64
            return bound.betweenTwo(terms: c.keywords["depth"] as! Int, absoluteSums: c.keywords["abs_products"] as! [Double])
        }
        let inexact = ["exp", "log", "tanh", "power", "sigmoid", "power_weak", "std"]
        let relative = inexact.contains(c.op) ? (float32 ? 2e-6 : 1e-14) : 0
        return c.expected.doubles.map { relative * max(abs($0), 1e-300) }
    }
}
