import Foundation
import Tensor

/// The interpreter's overhead: `h = x @ W + b` on a (128, 784) batch, run
/// from a parsed program, against the same Tensor calls made directly from
/// Swift. `mlplab bench` reports the ratio of the two times.
public final class InterpreterBenchmark {
    public let iterations: Int
    private let session = Session(output: { _, _ in })
    private let program: Program
    private let x: Tensor, W: Tensor, b: Tensor
    public private(set) var directResult = Tensor(scalar: 0)

    public init(iterations: Int = 1000) throws {
        self.iterations = iterations
        var rng = NumpyRandom(seed: 0)
        x = Tensor.randn([128, 784], using: &rng)
        W = Tensor.randn([784, 64], using: &rng)
        b = Tensor.randn([64], using: &rng)
        session[variable: "x"] = .tensor(x)
        session[variable: "W"] = .tensor(W)
        session[variable: "b"] = .tensor(b)
        program = try session.parse("h = x @ W + b")
    }

    public var interpretedResult: Tensor {
        if case .tensor(let h)? = session[variable: "h"] { return h }
        return Tensor(scalar: .nan)
    }

    /// Seconds for `iterations` direct evaluations.
    public func direct() throws -> Double {
        let started = Date()
        for _ in 0..<iterations { directResult = try Tensor.binary(.add, try Tensor.matmul(x, W), b) }
        return Date().timeIntervalSince(started)
    }

    /// Seconds for `iterations` runs of the parsed program.
    public func interpreted() throws -> Double {
        let started = Date()
        for _ in 0..<iterations { try session.execute(program) }
        return Date().timeIntervalSince(started)
    }
}
