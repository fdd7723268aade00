import ExerciseCalls
import ReferenceSolutions
import Tensor
import TensorComparison

// The checks of exercises/06-training.swift.

extension CheckCases {
    /// The checks of each exercise in training, by name.
    static let training: [String: CaseBuilder] = [
        "sgdStep": {
            func step(_ title: String, _ parameter: Tensor, _ gradient: Tensor, _ learningRate: Double) -> CheckCase {
                CheckCase(title, inputs: [Named("parameter", parameter), Named("gradient", gradient), Named("learningRate", scalar: learningRate)]) {
                    [Named("result", try $0.call("sgdStep", parameter, gradient, learningRate))]
                }
            }
            var draw = Draw(seed: 18)
            let W = draw.randn(3, 4), dW = draw.randn(3, 4), b = draw.randn(4), db = draw.randn(4)
            return [
                step("W (3, 4), learning rate 0.1, seed 18", W, dW, 0.1),
                step("b (4,), learning rate 0.5", b, db, 0.5),
                step("learning rate 0 leaves the parameter as it was", W, dW, 0),
                step("a gradient (4, 3) for a parameter (3, 4): must throw", W, dW.T, 0.1),
            ]
        },
        "miniBatches": {
            func epochs(_ title: String, count: Int, batchSize: Int, seed: UInt32, epochs: Int = 1) -> CheckCase {
                CheckCase(title, inputs: [Named("count", integer: count), Named("batchSize", integer: batchSize),
                                          Named("rng seed", integer: Int(seed))]) { implementations in
                    var rng = NumpyRandom(seed: seed)
                    var outputs: [Named] = []
                    for epoch in 1...epochs {
                        let batches: [[Int]] = try implementations.call("miniBatches", count, batchSize, &rng)
                        let prefix = epochs == 1 ? "" : "epoch \(epoch) "
                        outputs.append(Named(prefix + "batch sizes", integers: batches.map(\.count)))
                        outputs.append(Named(prefix + "indices", integers: batches.flatMap { $0 }))
                    }
                    return outputs
                }
            }
            return [
                epochs("10 samples in batches of 4: sizes 4, 4, 2", count: 10, batchSize: 4, seed: 0),
                epochs("12 samples in batches of 3: sizes 3, 3, 3, 3", count: 12, batchSize: 3, seed: 1),
                epochs("batches of 1", count: 5, batchSize: 1, seed: 2),
                epochs("batch size 128 for 3 samples: one batch of 3", count: 3, batchSize: 128, seed: 3),
                epochs("two epochs in a row draw two different orders", count: 6, batchSize: 4, seed: 4, epochs: 2),
                epochs("1000 samples in batches of 128: seven of 128 and one of 104", count: 1000, batchSize: 128, seed: 5),
                epochs("batch size 0: must throw", count: 10, batchSize: 0, seed: 6),
            ]
        },
        "accuracy": {
            func score(_ title: String, _ scores: Tensor, _ y: Tensor) -> CheckCase {
                CheckCase(title, inputs: [Named("scores", scores), Named("labels", y)]) {
                    [Named("accuracy", scalar: try $0.call("accuracy", scores, y))]
                }
            }
            var draw = Draw(seed: 19)
            let scores = draw.randn(20, 10), truth = try draw.randint(0, 10, 20)
            let rightLabels = try draw.randint(0, 10, 6)
            let right = try ReferenceSolutions.oneHot(rightLabels, classes: 10) + draw.rand(6, 10) * Tensor(scalar: 0.5)
            let single = draw.randn(1, 10)
            let wrongLabel = (try single.argmax().int64s[0] + 1) % 10
            return [
                score("scores (20, 10), labels (20,), seed 19", scores, truth),
                score("every prediction right: 1", right, rightLabels),
                score("ties go to the first maximum", matrix([[1, 1, 0], [0, 2, 2], [5, 5, 5]]), labels([0, 1, 0])),
                score("labels 0 and 9", matrix([[3, 1, 0, 0, 0, 0, 0, 0, 0, 2], [0, 0, 0, 0, 0, 0, 0, 0, 1, 2]]), labels([0, 9])),
                score("batch of 1, predicted wrong: 0", single, labels([wrongLabel])),
            ]
        },
    ]
}
