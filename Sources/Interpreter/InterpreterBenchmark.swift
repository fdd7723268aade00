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

    /// The cost of a call: seconds for a loop of `calls` iterations whose body calls a
    /// `def` (`y = affine(i)`), and for the same loop with the function's body written inline.
    public static func functionCallTimes(calls: Int = 10_000) throws -> (function: Double, inline: Double) {
        let session = Session(output: { _, _ in })
        guard session.run("def affine(v):\n    return v * 2.5 + 1\n") == .success else {
            throw InterpreterError(.syntax, "the benchmark's function does not parse")
        }
        let called = try session.parse("for i in range(\(calls)): y = affine(i)")
        let inline = try session.parse("for i in range(\(calls)): y = i * 2.5 + 1")
        func seconds(_ program: Program) throws -> Double {
            let started = Date()
            try session.execute(program)
            return Date().timeIntervalSince(started)
        }
        var best = (function: Double.infinity, inline: Double.infinity)
        for _ in 0..<3 {
            best.function = Swift.min(best.function, try seconds(called))
            best.inline = Swift.min(best.inline, try seconds(inline))
        }
        return best
    }
}
