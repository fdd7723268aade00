import Tensor

// The checks and hints of exercises/02-activations.swift.

extension Exercise {
    /// The seeds' Chapter 2 lab draws 16 random image indices after `np.random.seed(0)`,
    /// then the sigmoid layer's test input x = randn(5, 2), then the FC layer's inputs.
    /// Replaying those draws reproduces the numbers the lab prints.
    static func seedsChapter2Draws() throws -> (sigmoidX: Tensor, fcX: Tensor, fcDOut: Tensor, fcW: Tensor, fcB: Tensor) {
        var draw = Draw(seed: 0)
        _ = try draw.randint(0, 60000, 16)
        let sigmoidX = draw.randn(5, 2)
        let fcX = draw.randn(5, 2), fcDOut = draw.randn(5, 3)
        let fcW = draw.randn(2, 3), fcB = draw.randn(3)
        return (sigmoidX, fcX, fcDOut, fcW, fcB)
    }

    static let sigmoid = Exercise("sigmoid", .activations,
        summary: "the logistic sigmoid, finite for every input",
        hints: [
            "1 / (1 + e^-x) overflows where -x is large (e^1000 is inf in float64). Use it only where x ≥ 0; where x < 0 use the equal form e^x / (1 + e^x), whose exponent is then negative.",
            "Both forms need only e = e^-|x|, which lies in (0, 1] and never overflows: try x.unary(.abs).unary(.negative).unary(.exp). For x ≥ 0 the sigmoid is 1 / (1 + e); for x < 0 it is e / (1 + e).",
            "A mask picks between them element by element: let m = try Tensor.binary(.greaterEqual, x, Tensor(scalar: 0)); Tensor.where_(m, a, b) takes a where m is true and b elsewhere. Or loop over x.doubles.",
        ]) {
        func apply(_ title: String, _ x: Tensor, seeds: [Double]? = nil, source: String? = nil) -> CheckCase {
            CheckCase(title, inputs: [Named("x", x)], seedValues: seeds.map { [Named("result", Tensor(shape: x.shape, doubles: $0))] } ?? [],
                      seedSource: source) { [Named("result", try $0.sigmoid(x))] }
        }
        var draw = Draw(seed: 7)
        return [
            apply("the seeds' sigmoid layer test, x (5, 2)", try seedsChapter2Draws().sigmoidX,
                  seeds: [0.47421817, 0.60123138, 0.53594876, 0.81065526, 0.68157899, 0.53038128,
                          0.60917918, 0.58265313, 0.81668973, 0.44888958],
                  source: "seeds 004, sigmoid_layer.forward(x)"),
            apply("[0, 1000, -1000]: no overflow", Tensor([0, 1000, -1000]), seeds: [0.5, 1, 0],
                  source: "seeds 002, mySigmoid"),
            apply("very large and very negative: ±1e308, ±710, ±40", Tensor([-1e308, -710, -40, 0, 40, 710, 1e308])),
            apply("batch of 1: (1, 10), seed 7, scaled by 10", try draw.randn(1, 10) * Tensor(scalar: 10)),
            apply("any shape: (2, 3, 4)", draw.randn(2, 3, 4)),
        ]
    }

    static let relu = Exercise("relu", .activations,
        summary: "max(0, x), element by element",
        hints: [
            "Negative values become 0; zero and positive values stay as they are. The shape does not change.",
            "Tensor.binary(.maximum, x, Tensor(scalar: 0)) compares every element with 0. A loop works too: Tensor(shape: x.shape, doubles: x.doubles.map { max(0, $0) }).",
        ]) {
        func apply(_ title: String, _ x: Tensor) -> CheckCase {
            CheckCase(title, inputs: [Named("x", x)]) { [Named("result", try $0.relu(x))] }
        }
        var draw = Draw(seed: 9)
        return [
            apply("x (4, 5), seed 9", draw.randn(4, 5)),
            apply("-1000, tiny negative, 0, tiny positive, 1000", Tensor([-1000, -1e-300, 0, 1e-300, 1000])),
            apply("batch of 1: (1, 10)", draw.randn(1, 10)),
        ]
    }

    static let softmax = Exercise("softmax", .activations,
        summary: "softmax along the last axis, each row's maximum subtracted first",
        hints: [
            "e^1000 is inf in float64, and inf / inf is nan. Subtracting the same number from every score of a row does not change the row's softmax, so subtract the row's maximum first: then every exponent is ≤ 0.",
            "Take the maximum of each row, not of the whole tensor: x.max(axis: -1, keepdims: true) has shape (N, 1), which broadcasts against (N, C). With keepdims the same code works for a 1-D (C,) input.",
            "Then e = e^(x - max) and the result is e divided by e.sum(axis: -1, keepdims: true).",
        ]) {
        func apply(_ title: String, _ x: Tensor, seeds: [Double]? = nil, source: String? = nil) -> CheckCase {
            CheckCase(title, inputs: [Named("x", x)], seedValues: seeds.map { [Named("result", Tensor(shape: x.shape, doubles: $0))] } ?? [],
                      seedSource: source) { [Named("result", try $0.softmax(x))] }
        }
        var draw = Draw(seed: 10)
        return [
            apply("scores (4, 10), seed 10, scaled by 3", try draw.randn(4, 10) * Tensor(scalar: 3)),
            apply("[0, 1000, -1000]: no overflow", Tensor([0, 1000, -1000]), seeds: [0, 1, 0], source: "seeds 002, mySoftmax"),
            apply("rows [1000, 1001, 1002] and [-1000, -1001, -1002]: each row needs its own maximum",
                  matrix([[1000, 1001, 1002], [-1000, -1001, -1002]])),
            apply("batch of 1: (1, 10)", draw.randn(1, 10)),
            apply("one row as a 1-D tensor (10,)", draw.randn(10)),
        ]
    }
}
