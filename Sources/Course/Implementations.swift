import Exercises
import ReferenceSolutions
import Tensor

/// One implementation of every exercise function: the reference solutions or the
/// learner's code. The checks run each case twice, once with each set, and compare;
/// `ExerciseTrainer` trains a network with either set.
///
/// The fields are variables so that a test can swap in one deliberately wrong function:
/// `var broken = Implementations.reference; broken.softmax = { … }`.
public struct Implementations {
    public var parseIDXHeader: ([UInt8]) throws -> [Int]
    public var oneHot: (_ labels: Tensor, _ classes: Int) throws -> Tensor
    public var normalise: (_ pixels: Tensor) throws -> Tensor
    public var zeroCentre: (_ x: Tensor, _ mean: Tensor) throws -> Tensor
    public var sigmoid: (_ x: Tensor) throws -> Tensor
    public var relu: (_ x: Tensor) throws -> Tensor
    public var softmax: (_ x: Tensor) throws -> Tensor
    public var linearForward: (_ x: Tensor, _ W: Tensor, _ b: Tensor) throws -> Tensor
    public var linearBackward: (_ dOut: Tensor, _ x: Tensor, _ W: Tensor) throws -> (dW: Tensor, db: Tensor, dx: Tensor)
    public var reluBackward: (_ dOut: Tensor, _ x: Tensor) throws -> Tensor
    public var sigmoidBackward: (_ dOut: Tensor, _ out: Tensor) throws -> Tensor
    public var softmaxCrossEntropy: (_ scores: Tensor, _ labels: Tensor) throws -> Double
    public var softmaxCrossEntropyGradient: (_ scores: Tensor, _ labels: Tensor) throws -> Tensor
    public var mse: (_ y: Tensor, _ t: Tensor) throws -> Double
    public var mseGradient: (_ y: Tensor, _ t: Tensor) throws -> Tensor
    public var sgdStep: (_ parameter: Tensor, _ gradient: Tensor, _ learningRate: Double) throws -> Tensor
    public var miniBatches: (_ count: Int, _ batchSize: Int, _ rng: inout NumpyRandom) throws -> [[Int]]
    public var accuracy: (_ scores: Tensor, _ labels: Tensor) throws -> Double

    /// The reference solutions (this module).
    public static let reference = Implementations(
        parseIDXHeader: ReferenceSolutions.parseIDXHeader,
        oneHot: { try ReferenceSolutions.oneHot($0, classes: $1) },
        normalise: ReferenceSolutions.normalise,
        zeroCentre: { try ReferenceSolutions.zeroCentre($0, mean: $1) },
        sigmoid: ReferenceSolutions.sigmoid,
        relu: ReferenceSolutions.relu,
        softmax: ReferenceSolutions.softmax,
        linearForward: ReferenceSolutions.linearForward,
        linearBackward: { try ReferenceSolutions.linearBackward($0, x: $1, W: $2) },
        reluBackward: { try ReferenceSolutions.reluBackward($0, x: $1) },
        sigmoidBackward: { try ReferenceSolutions.sigmoidBackward($0, out: $1) },
        softmaxCrossEntropy: { try ReferenceSolutions.softmaxCrossEntropy($0, labels: $1) },
        softmaxCrossEntropyGradient: { try ReferenceSolutions.softmaxCrossEntropyGradient($0, labels: $1) },
        mse: ReferenceSolutions.mse,
        mseGradient: ReferenceSolutions.mseGradient,
        sgdStep: { try ReferenceSolutions.sgdStep($0, gradient: $1, learningRate: $2) },
        miniBatches: { try ReferenceSolutions.miniBatches(count: $0, batchSize: $1, rng: &$2) },
        accuracy: { try ReferenceSolutions.accuracy($0, labels: $1) })

    /// The learner's functions in exercises/ (module Exercises), as last compiled.
    public static let mine = Implementations(
        parseIDXHeader: Exercises.parseIDXHeader,
        oneHot: { try Exercises.oneHot($0, classes: $1) },
        normalise: Exercises.normalise,
        zeroCentre: { try Exercises.zeroCentre($0, mean: $1) },
        sigmoid: Exercises.sigmoid,
        relu: Exercises.relu,
        softmax: Exercises.softmax,
        linearForward: Exercises.linearForward,
        linearBackward: { try Exercises.linearBackward($0, x: $1, W: $2) },
        reluBackward: { try Exercises.reluBackward($0, x: $1) },
        sigmoidBackward: { try Exercises.sigmoidBackward($0, out: $1) },
        softmaxCrossEntropy: { try Exercises.softmaxCrossEntropy($0, labels: $1) },
        softmaxCrossEntropyGradient: { try Exercises.softmaxCrossEntropyGradient($0, labels: $1) },
        mse: Exercises.mse,
        mseGradient: Exercises.mseGradient,
        sgdStep: { try Exercises.sgdStep($0, gradient: $1, learningRate: $2) },
        miniBatches: { try Exercises.miniBatches(count: $0, batchSize: $1, rng: &$2) },
        accuracy: { try Exercises.accuracy($0, labels: $1) })
}

extension Implementations {
    /// The function of `mine` for each exercise `usesMine` names, the reference for the
    /// others: each call goes by the exercise's name to one set or the other (`answer`).
    public static func choosing(_ usesMine: @escaping (String) -> Bool, from mine: Implementations) -> Implementations {
        .remote { name, arguments in try (usesMine(name) ? mine : reference).answer(name, arguments) }
    }
}
