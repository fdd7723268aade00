import Tensor
import TensorComparison

// The checks and hints of exercises/04-loss.swift.

extension Exercise {
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

    static let softmaxCrossEntropy = Exercise("softmaxCrossEntropy", .loss,
        summary: "-1/N Σ log softmax(scores)[i, label_i], computed without log(0)",
        hints: [
            "Only the log-probability of the right class counts in each row: L = -(1/N) Σ_i log p[i, labels[i]].",
            "Taking softmax first and then the log fails for large scores: a probability like e^-2000 underflows to 0 and log(0) = -inf. Compute log p directly: log p = (s - m) - log Σ_k e^(s_k - m), with m the row's maximum.",
            "Pick log p[i, labels[i]] from each row (a loop over the rows, or multiply by the one-hot rows and sum), add them up, divide by N and negate.",
        ]) {
        try crossEntropyInputs().map { title, scores, y in
            CheckCase(title, inputs: [Named("scores", scores), Named("labels", y)]) {
                [Named("loss", scalar: try $0.softmaxCrossEntropy(scores, y))]
            }
        }
    }

    static let softmaxCrossEntropyGradient = Exercise("softmaxCrossEntropyGradient", .loss,
        summary: "(softmax(scores) - onehot(labels)) / N",
        hints: [
            "Softmax and cross-entropy together have a simple gradient: for each row, the probabilities minus the one-hot row of the label.",
            "The loss is a mean over N rows, so its gradient is divided by N too: (softmax(scores) - onehot(labels)) / N. Without the division it is N times too large.",
        ]) {
        try crossEntropyInputs().map { title, scores, y in
            CheckCase(title, inputs: [Named("scores", scores), Named("labels", y)]) {
                [Named("result", try $0.softmaxCrossEntropyGradient(scores, y))]
            }
        }
    }

    /// Sigmoid-like outputs and one-hot targets shared by MSE and its gradient.
    private static func squaredErrorInputs() throws -> [(title: String, y: Tensor, t: Tensor)] {
        var draw = Draw(seed: 16)
        let y = draw.rand(4, 10), t = try Solutions.oneHot(try draw.randint(0, 10, 4), classes: 10)
        let eight = draw.rand(8, 3), eightTargets = try Solutions.oneHot(try draw.randint(0, 3, 8), classes: 3)
        let one = draw.rand(1, 10)
        return [
            ("y (4, 10) in [0, 1), one-hot t, seed 16", y, t),
            ("N = 8 rows, C = 3 classes", eight, eightTargets),
            ("y equal to t", t, t),
            ("batch of 1", one, try Solutions.oneHot(labels([3]), classes: 10)),
        ]
    }

    static let mse = Exercise("mse", .loss,
        summary: "the mean of (y - t)² over all N·C elements",
        hints: [
            "The mean over all N·C elements of the squared differences (y - t)².",
            "Check y.shape == t.shape first (throw otherwise). Then (y - t).unary(.square).mean() is a 0-d tensor and .doubles[0] is its number.",
        ]) {
        try squaredErrorInputs().map { title, y, t in
            CheckCase(title, inputs: [Named("y", y), Named("t", t)]) { [Named("loss", scalar: try $0.mse(y, t))] }
        } + [CheckCase("y (2, 3) and t (3, 2): must throw", inputs: [Named("y", try Tensor.ones([2, 3])), Named("t", try Tensor.ones([3, 2]))]) {
            [Named("loss", scalar: try $0.mse(try Tensor.ones([2, 3]), try Tensor.ones([3, 2])))]
        }]
    }

    static let mseGradient = Exercise("mseGradient", .loss,
        summary: "2 (y - t) / N, N the number of rows",
        hints: [
            "Differentiate (y - t)²: 2 (y - t).",
            "Divide by N = y.shape[0], the number of rows, not by N·C: the seeds train with 2 (y - t) / N.",
        ]) {
        try squaredErrorInputs().map { title, y, t in
            CheckCase(title, inputs: [Named("y", y), Named("t", t)]) { [Named("result", try $0.mseGradient(y, t))] }
        }
    }
}
