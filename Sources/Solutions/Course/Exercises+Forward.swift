import Tensor

// The checks and hints of exercises/03-forward.swift.

extension Exercise {
    static let linearForward = Exercise("linearForward", .forward,
        summary: "out = x @ W + b for a batch: (N, D) → (N, H)",
        hints: [
            "Write the shapes down: x is (N, D), W is (D, H), so x @ W is (N, H); the bias (H,) is added to every one of the N rows.",
            "Tensor.matmul(x, W) is the matrix product, and adding b to it broadcasts over the rows: try Tensor.matmul(x, W) + b.",
        ]) {
        func apply(_ title: String, _ x: Tensor, _ W: Tensor, _ b: Tensor, seeds: [Double]? = nil, source: String? = nil) -> CheckCase {
            CheckCase(title, inputs: [Named("x", x), Named("W", W), Named("b", b)],
                      seedValues: seeds.map { [Named("result", Tensor(shape: [x.shape[0], W.shape.last ?? 0], doubles: $0))] } ?? [],
                      seedSource: source) { [Named("result", try $0.linearForward(x, W, b))] }
        }
        let seeds = try seedsChapter2Draws()
        var draw = Draw(seed: 11)
        let mnistX = draw.rand(8, 784), mnistW = try draw.randn(784, 16) * Tensor(scalar: 0.01), mnistB = draw.randn(16)
        let oneX = draw.randn(1, 4), oneW = draw.randn(4, 3), oneB = draw.randn(3)
        let squareX = draw.randn(3, 4), squareW = draw.randn(4, 4), squareB = draw.randn(4)
        return [
            apply("the seeds' FC layer test: x (5, 2), W (2, 3), b (3,)", seeds.fcX, seeds.fcW, seeds.fcB,
                  seeds: [1.46799167, -1.7190734, 1.62817886, -6.01190034, 0.91385242, 0.45042808,
                          2.40336148, -1.9130545, 1.20599374, 6.03706376, -3.18300724, 1.73977896,
                          0.11102737, -1.06432113, 0.66895248],
                  source: "seeds 004, fc_layer.forward(x)"),
            apply("an MNIST-sized batch: x (8, 784), W (784, 16)", mnistX, mnistW, mnistB),
            apply("batch of 1: x (1, 4), W (4, 3)", oneX, oneW, oneB),
            apply("a square W (4, 4), where x @ Wᵀ would fit too", squareX, squareW, squareB),
            apply("x (2, 3) with W (4, 5): the shapes do not fit, must throw", draw.randn(2, 3), draw.randn(4, 5), draw.randn(5)),
        ]
    }
}
