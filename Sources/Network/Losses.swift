import Foundation
import Tensor

/// A loss: `forward` reduces a batch of network outputs and their targets to
/// the mean loss, `backward` gives dLoss/dOutputs for the same batch.
///
/// Targets are integer labels (N,) or one-hot rows (N, C); each loss accepts both.
public protocol Loss: AnyObject {
    var name: String { get }
    func forward(_ outputs: Tensor, _ targets: Tensor) throws -> Double
    /// The exact gradient of the value `forward` returned, with respect to the outputs.
    func backward() throws -> Tensor
}

/// One-hot rows (N, C) in `dtype` for integer labels (N,); one-hot input is returned as is.
func oneHotTargets(_ targets: Tensor, like outputs: Tensor, loss: String) throws -> Tensor {
    guard outputs.ndim == 2 else {
        throw TensorError.shapeMismatch(operation: loss, detail: "outputs must be (N, C), got \(formatShape(outputs.shape))")
    }
    let (n, c) = (outputs.shape[0], outputs.shape[1])
    if targets.shape == [n] && !targets.dtype.isFloatingPoint {
        return try Tensor.oneHot(targets, classes: c, dtype: outputs.dtype)
    }
    guard targets.shape == outputs.shape else {
        throw TensorError.shapeMismatch(operation: loss,
            detail: "outputs \(formatShape(outputs.shape)) need integer labels (\(n),) or one-hot targets (\(n), \(c)), got \(targets.dtype.rawValue) \(formatShape(targets.shape))")
    }
    return targets.astype(outputs.dtype)
}

/// Softmax followed by cross-entropy, fused: L = -1/N Σ_i log p_i[y_i] with
/// p = softmax(scores). The fused gradient is the famous (p - onehot(y)) / N.
public final class SoftmaxCrossEntropyLoss: Loss {
    public let name = "softmax cross-entropy"
    /// The softmax probabilities of the last batch, (N, C).
    public private(set) var probabilities: Tensor?
    /// dL/dscores of the last batch, computed with the loss (it needs nothing more).
    private var gradient: Tensor?
    public init() {}

    public func forward(_ scores: Tensor, _ targets: Tensor) throws -> Double {
        let t = try oneHotTargets(targets, like: scores, loss: name)
        let n = Double(scores.shape[0])
        if scores.dtype == .float32, scores.shape[1] > 0 {
            let pass = SoftmaxCrossEntropyLoss.fusedPass(scores.floats, t.floats, classes: scores.shape[1])
            probabilities = Tensor(shape: scores.shape, floats: pass.p)
            gradient = Tensor(shape: scores.shape, floats: pass.gradient)
            return -pass.total / n
        }
        // log p = (s - max) - log Σ e^(s - max): stable, and never log(0).
        let logP = try logSoftmax(scores)
        let p = try logP.unary(.exp)
        probabilities = p
        gradient = try (p - t) / n
        return -(try (t * logP).sum().doubles[0]) / n
    }

    /// The same in one pass over each row of float32 scores s (training's case): the row's
    /// maximum m, then Σ e^(s - m), then p = e^(s - m) / Σ, Σ t·log p with
    /// log p = (s - m) - log Σ e^(s - m), and the gradient (p - t) / N. Returns p, the
    /// gradient and Σ over all rows of t·log p.
    static func fusedPass(_ s: [Float], _ t: [Float], classes: Int) -> (p: [Float], gradient: [Float], total: Double) {
        let rows = Float(s.count / classes)
        var total = 0.0
        var gradient = [Float](repeating: 0, count: s.count)
        let p = [Float](unsafeUninitializedCapacity: s.count) { p, initialized in
            s.withUnsafeBufferPointer { s in t.withUnsafeBufferPointer { t in gradient.withUnsafeMutableBufferPointer { g in
                for start in stride(from: 0, to: s.count, by: classes) {
                    let row = start..<start + classes
                    var m = s[start]
                    for k in row { m = Swift.max(m, s[k]) }
                    var sum: Float = 0
                    for k in row {
                        p[k] = Foundation.exp(s[k] - m)
                        sum += p[k]
                    }
                    let logSum = Foundation.log(sum)
                    for k in row {
                        p[k] /= sum
                        g[k] = (p[k] - t[k]) / rows
                        if t[k] != 0 { total += Double(t[k] * (s[k] - m - logSum)) }
                    }
                }
            } } }
            initialized = s.count
        }
        return (p, gradient, total)
    }

    public func backward() throws -> Tensor {
        guard let gradient else { throw NetworkError.backwardBeforeForward(layer: name) }
        return gradient
    }
}

/// Mean squared error: L = mean((y - t)²) over all N·C elements, and
/// `backward` is its exact gradient 2(y - t)/(N·C), so the loss a network
/// reports is the function its gradient (and the gradient check) follows.
///
/// Seed 004 prints this same mean but steps with 2(y - t)/N, C times this
/// gradient: its learning rate 3 is 3·C = 30 here for the same trajectory.
public final class MSELoss: Loss {
    public let name = "MSE"
    private var outputs: Tensor?
    private var targets: Tensor?
    public init() {}

    public func forward(_ y: Tensor, _ targets: Tensor) throws -> Double {
        let t = try oneHotTargets(targets, like: y, loss: name)
        outputs = y
        self.targets = t
        return try meanSquaredError(y, t)
    }

    /// dL/dy = 2(y - t)/(N·C): every element of the mean weighs 1/(N·C).
    public func backward() throws -> Tensor {
        guard let outputs, let targets else { throw NetworkError.backwardBeforeForward(layer: name) }
        return try (outputs - targets) * (2 / Double(outputs.count))
    }
}

/// mean((y - t)²) over every element of two tensors of the same shape: the value `MSELoss` reports.
public func meanSquaredError(_ y: Tensor, _ t: Tensor) throws -> Double {
    try (y - t).unary(.square).mean().doubles[0]
}

/// The seeds' element-wise (binary) cross-entropy over sigmoid outputs:
/// L = -1/N Σ [t log(y + ε) + (1 - t) log(1 - y + ε)], ε = 1e-7 keeping log away from 0.
public final class SigmoidCrossEntropyLoss: Loss {
    public let name = "sigmoid cross-entropy"
    public static let epsilon = 1e-7
    private var outputs: Tensor?
    private var targets: Tensor?
    public init() {}

    public func forward(_ y: Tensor, _ targets: Tensor) throws -> Double {
        let t = try oneHotTargets(targets, like: y, loss: name)
        outputs = y
        self.targets = t
        let eps = Self.epsilon
        let logY = try (y + eps).unary(.log)
        let logOneMinusY = try (1 - y + eps).unary(.log)
        let total = try (t * logY + (1 - t) * logOneMinusY).sum().doubles[0]
        return -total / Double(y.shape[0])
    }

    /// dL/dy = (y - t) / (N (1 - y) y + ε), the seeds' formula.
    public func backward() throws -> Tensor {
        guard let y = outputs, let t = targets else { throw NetworkError.backwardBeforeForward(layer: name) }
        let n = Double(y.shape[0])
        return try (y - t) / ((1 - y) * y * n + Self.epsilon)
    }
}

/// Negative log-likelihood of log-probabilities: L = -1/N Σ_i logp_i[y_i].
/// After `LogSoftmax` this is softmax cross-entropy (PyTorch's CrossEntropyLoss).
public final class NLLLoss: Loss {
    public let name = "NLL"
    private var targets: Tensor?
    public init() {}

    public func forward(_ logProbabilities: Tensor, _ targets: Tensor) throws -> Double {
        let t = try oneHotTargets(targets, like: logProbabilities, loss: name)
        self.targets = t
        return -(try (t * logProbabilities).sum().doubles[0]) / Double(logProbabilities.shape[0])
    }

    /// dL/dlogp = -onehot(y) / N
    public func backward() throws -> Tensor {
        guard let targets else { throw NetworkError.backwardBeforeForward(layer: name) }
        return try targets.unary(.negative) / Double(targets.shape[0])
    }
}

/// The fraction of rows whose largest score is at the target class
/// (targets as integer labels or one-hot rows, as in the seeds' `accuracy`).
public func accuracy(_ scores: Tensor, _ targets: Tensor) throws -> Double {
    let predicted = try scores.argmax(axis: -1).int64s
    let labels = targets.ndim == 2 ? try targets.argmax(axis: -1).int64s : targets.int64s
    guard predicted.count == labels.count else {
        throw TensorError.shapeMismatch(operation: "accuracy",
            detail: "\(predicted.count) predictions but \(labels.count) labels")
    }
    guard !labels.isEmpty else { return 0 }
    return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
}
