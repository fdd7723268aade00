import ReferenceSolutions
import Tensor
import TensorComparison

// The checks of exercises/05-backward.swift.

extension CheckCases {
    /// The checks of each exercise in backward, by name.
    static let backward: [String: CaseBuilder] = [
        "linearBackward": {
            func apply(_ title: String, _ dOut: Tensor, _ x: Tensor, _ W: Tensor, seeds: [Named] = [], source: String? = nil) -> CheckCase {
                CheckCase(title, inputs: [Named("dOut", dOut), Named("x", x), Named("W", W)], seedValues: seeds, seedSource: source) {
                    let (dW, db, dx) = try $0.linearBackward(dOut, x, W)
                    return [Named("dW", dW), Named("db", db), Named("dx", dx)]
                }
            }
            let seeds = try seedsChapter2Draws()
            var draw = Draw(seed: 12)
            let dOut = draw.randn(6, 3), x = draw.randn(6, 5), W = draw.randn(5, 3)
            let squareDOut = draw.randn(3, 4), squareX = draw.randn(3, 4), squareW = draw.randn(4, 4)
            let oneDOut = draw.randn(1, 3), oneX = draw.randn(1, 2), oneW = draw.randn(2, 3)
            return [
                apply("the DL practice notebook's FC layer backward: dOut (5, 3), x (5, 2), W (2, 3)", seeds.fcDOut, seeds.fcX, seeds.fcW,
                      seeds: [Named("dx", Tensor(shape: [5, 2], storage: .float64([
                          2.17336759, -1.02791573, 2.05790811, 2.03279805, -1.29734078, -1.42814094,
                          2.67540605, -1.319593, -0.57430296, 2.96331783])))],
                      source: "seeds 004, fc_layer.backward(y)"),
                apply("dOut (6, 3), x (6, 5), W (5, 3), seed 12", dOut, x, W),
                apply("a square W (4, 4), where a transposed dW has the right shape", squareDOut, squareX, squareW),
                apply("batch of 1: dOut (1, 3), x (1, 2)", oneDOut, oneX, oneW),
            ]
        },
        "reluBackward": {
            func apply(_ title: String, _ dOut: Tensor, _ x: Tensor) -> CheckCase {
                CheckCase(title, inputs: [Named("dOut", dOut), Named("x", x)]) { [Named("result", try $0.reluBackward(dOut, x))] }
            }
            var draw = Draw(seed: 13)
            let x = draw.randn(4, 6), dOut = draw.randn(4, 6)
            return [
                apply("dOut and x (4, 6), seed 13", dOut, x),
                apply("x exactly 0 blocks the gradient", matrix([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]), matrix([[-1, 0, 2], [0, 3, -0.5]])),
                apply("batch of 1: (1, 5)", draw.randn(1, 5), draw.randn(1, 5)),
            ]
        },
        "sigmoidBackward": {
            func apply(_ title: String, _ dOut: Tensor, _ out: Tensor, seeds: [Double]? = nil, source: String? = nil) -> CheckCase {
                CheckCase(title, inputs: [Named("dOut", dOut), Named("out", out)],
                          seedValues: seeds.map { [Named("result", Tensor(shape: out.shape, storage: .float64($0)))] } ?? [],
                          seedSource: source) { [Named("result", try $0.sigmoidBackward(dOut, out))] }
            }
            var seedsLab2 = Draw(seed: 0)
            let upstream = seedsLab2.randn(3), activation = seedsLab2.randn(3)
            let layerOut = try ReferenceSolutions.sigmoid(try seedsChapter2Draws().sigmoidX)
            var draw = Draw(seed: 14)
            return [
                apply("the DNN lab's dJdz_sigmoid: seed(0), dOut = randn(3), out = randn(3)", upstream, activation,
                      seeds: [-4.90531647, -0.64834065, -1.89126428], source: "seeds 002, dJdz_sigmoid"),
                apply("the DL practice notebook's sigmoid layer: backward(1) after forward(x (5, 2))", try Tensor.ones([5, 2]), layerOut,
                      seeds: [0.2493353, 0.23975221, 0.24870769, 0.15349331, 0.21702907, 0.24907698,
                              0.23807991, 0.24316846, 0.14970761, 0.24738772],
                      source: "seeds 004, sigmoid_layer.backward(1)"),
                apply("saturated outputs 0 and 1 pass no gradient", Tensor([1, 1, 1]), Tensor([0, 1, 0.5])),
                apply("batch of 1: (1, 10)", draw.randn(1, 10), draw.rand(1, 10)),
            ]
        },
    ]
}
