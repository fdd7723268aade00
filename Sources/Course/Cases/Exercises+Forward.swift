import Tensor
import TensorComparison

// The checks of exercises/03-forward.swift.

extension CheckCases {
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

    /// The checks of each exercise in forward, by name.
    static let forward: [String: CaseBuilder] = [
        "sigmoid": {
            func apply(_ title: String, _ x: Tensor, seeds: [Double]? = nil, source: String? = nil) -> CheckCase {
                CheckCase(title, inputs: [Named("x", x)], seedValues: seeds.map { [Named("result", Tensor(shape: x.shape, storage: .float64($0)))] } ?? [],
                          seedSource: source) { [Named("result", try $0.sigmoid(x))] }
            }
            var draw = Draw(seed: 7)
            return [
                apply("the DL practice notebook's sigmoid layer test, x (5, 2)", try seedsChapter2Draws().sigmoidX,
                      seeds: [0.47421817, 0.60123138, 0.53594876, 0.81065526, 0.68157899, 0.53038128,
                              0.60917918, 0.58265313, 0.81668973, 0.44888958],
                      source: "seeds 004, sigmoid_layer.forward(x)"),
                apply("[0, 1000, -1000]: no overflow", Tensor([0, 1000, -1000]), seeds: [0.5, 1, 0],
                      source: "seeds 002, mySigmoid"),
                apply("very large and very negative: ±1e308, ±710, ±40", Tensor([-1e308, -710, -40, 0, 40, 710, 1e308])),
                apply("batch of 1: (1, 10), seed 7, scaled by 10", try draw.randn(1, 10) * Tensor(scalar: 10)),
                apply("any shape: (2, 3, 4)", draw.randn(2, 3, 4)),
            ]
        },
        "relu": {
            func apply(_ title: String, _ x: Tensor) -> CheckCase {
                CheckCase(title, inputs: [Named("x", x)]) { [Named("result", try $0.relu(x))] }
            }
            var draw = Draw(seed: 9)
            return [
                apply("x (4, 5), seed 9", draw.randn(4, 5)),
                apply("-1000, tiny negative, 0, tiny positive, 1000", Tensor([-1000, -1e-300, 0, 1e-300, 1000])),
                apply("batch of 1: (1, 10)", draw.randn(1, 10)),
            ]
        },
        "softmax": {
            func apply(_ title: String, _ x: Tensor, seeds: [Double]? = nil, source: String? = nil) -> CheckCase {
                CheckCase(title, inputs: [Named("x", x)], seedValues: seeds.map { [Named("result", Tensor(shape: x.shape, storage: .float64($0)))] } ?? [],
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
        },
        "linearForward": {
            func apply(_ title: String, _ x: Tensor, _ W: Tensor, _ b: Tensor, seeds: [Double]? = nil, source: String? = nil) -> CheckCase {
                CheckCase(title, inputs: [Named("x", x), Named("W", W), Named("b", b)],
                          seedValues: seeds.map { [Named("result", Tensor(shape: [x.shape[0], W.shape.last ?? 0], storage: .float64($0)))] } ?? [],
                          seedSource: source) { [Named("result", try $0.linearForward(x, W, b))] }
            }
            let seeds = try seedsChapter2Draws()
            var draw = Draw(seed: 11)
            let mnistX = draw.rand(8, 784), mnistW = try draw.randn(784, 16) * Tensor(scalar: 0.01), mnistB = draw.randn(16)
            let oneX = draw.randn(1, 4), oneW = draw.randn(4, 3), oneB = draw.randn(3)
            let squareX = draw.randn(3, 4), squareW = draw.randn(4, 4), squareB = draw.randn(4)
            return [
                apply("the DL practice notebook's FC layer test: x (5, 2), W (2, 3), b (3,)", seeds.fcX, seeds.fcW, seeds.fcB,
                      seeds: [1.46799167, -1.7190734, 1.62817886, -6.01190034, 0.91385242, 0.45042808,
                              2.40336148, -1.9130545, 1.20599374, 6.03706376, -3.18300724, 1.73977896,
                              0.11102737, -1.06432113, 0.66895248],
                      source: "seeds 004, fc_layer.forward(x)"),
                apply("an MNIST-sized batch: x (8, 784), W (784, 16)", mnistX, mnistW, mnistB),
                apply("batch of 1: x (1, 4), W (4, 3)", oneX, oneW, oneB),
                apply("a square W (4, 4), where x @ Wᵀ would fit too", squareX, squareW, squareB),
                apply("x (2, 3) with W (4, 5): the shapes do not fit, must throw", draw.randn(2, 3), draw.randn(4, 5), draw.randn(5)),
            ]
        },
    ]
}
