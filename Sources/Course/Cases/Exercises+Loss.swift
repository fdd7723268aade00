import ExerciseCalls
import ReferenceSolutions
import Tensor
import TensorComparison

// The checks of exercises/04-loss.swift.

extension CheckCases {
    /// Scores and labels shared by the softmax cross-entropy loss and its gradient.
    private static func crossEntropyInputs() throws -> [(title: String, scores: Tensor, labels: Tensor)] {
        var draw = Draw(seed: 15)
        return [
            ("scores (5, 10), labels (5,), seed 15", draw.randn(5, 10), try draw.randint(0, 10, 5)),
            ("labels 0 and 9", draw.randn(2, 10), labels([0, 9])),
            ("scores [0, 1000, -1000] with labels 1 and 2: the log of a tiny probability must stay finite",
             matrix([[0, 1000, -1000], [0, 1000, -1000]]), labels([1, 2])),
            ("equal scores: every class has probability 1/10", try Tensor.zeros([3, 10]), labels([0, 5, 9])),
            ("batch of 1", draw.randn(1, 10), labels([4])),
        ]
    }

    /// Sigmoid-like outputs and one-hot targets shared by MSE and its gradient.
    private static func squaredErrorInputs() throws -> [(title: String, y: Tensor, t: Tensor)] {
        var draw = Draw(seed: 16)
        let y = draw.rand(4, 10), t = try ReferenceSolutions.oneHot(try draw.randint(0, 10, 4), classes: 10)
        let eight = draw.rand(8, 3), eightTargets = try ReferenceSolutions.oneHot(try draw.randint(0, 3, 8), classes: 3)
        let one = draw.rand(1, 10)
        return [
            ("y (4, 10) in [0, 1), one-hot t, seed 16", y, t),
            ("N = 8 rows, C = 3 classes", eight, eightTargets),
            ("y equal to t", t, t),
            ("batch of 1", one, try ReferenceSolutions.oneHot(labels([3]), classes: 10)),
        ]
    }

    /// The checks of each exercise in loss, by name.
    static let loss: [String: CaseBuilder] = [
        "softmaxCrossEntropy": {
            try crossEntropyInputs().map { title, scores, y in
                CheckCase(title, inputs: [Named("scores", scores), Named("labels", y)]) {
                    [Named("loss", scalar: try $0.call("softmaxCrossEntropy", scores, y))]
                }
            }
        },
        "softmaxCrossEntropyGradient": {
            try crossEntropyInputs().map { title, scores, y in
                CheckCase(title, inputs: [Named("scores", scores), Named("labels", y)]) {
                    [Named("result", try $0.call("softmaxCrossEntropyGradient", scores, y))]
                }
            }
        },
        "mse": {
            try squaredErrorInputs().map { title, y, t in
                CheckCase(title, inputs: [Named("y", y), Named("t", t)]) { [Named("loss", scalar: try $0.call("mse", y, t))] }
            } + [CheckCase("y (2, 3) and t (3, 2): must throw", inputs: [Named("y", try Tensor.ones([2, 3])), Named("t", try Tensor.ones([3, 2]))]) {
                [Named("loss", scalar: try $0.call("mse", try Tensor.ones([2, 3]), try Tensor.ones([3, 2])))]
            }]
        },
        "mseGradient": {
            try squaredErrorInputs().map { title, y, t in
                CheckCase(title, inputs: [Named("y", y), Named("t", t)]) { [Named("result", try $0.call("mseGradient", y, t))] }
            }
        },
    ]
}
