import Exercises
import Tensor

// Reference solutions for exercises/04-loss.swift.

/// Reference for `softmaxCrossEntropy`: -1/N Σ_i log softmax(scores)[i, labels[i]].
public func softmaxCrossEntropy(_ scores: Tensor, labels: Tensor) throws -> Double {
    let n = scores.shape[0]
    // log p = (s - m) - log Σ e^(s - m): every exponent ≤ 0, and the log of a sum ≥ 1.
    let shifted = try scores - scores.max(axis: -1, keepdims: true)
    let logP = try shifted - shifted.unary(.exp).sum(axis: -1, keepdims: true).unary(.log)
    // Multiplying by the one-hot rows picks log p[i, labels[i]] out of each row.
    let picked = try (logP * oneHot(labels, classes: scores.shape[1])).sum()
    return -picked.doubles[0] / Double(n)
}

/// Reference for `softmaxCrossEntropyGradient`: (softmax(scores) - onehot(labels)) / N.
public func softmaxCrossEntropyGradient(_ scores: Tensor, labels: Tensor) throws -> Tensor {
    let n = Double(scores.shape[0])
    let difference = try softmax(scores) - oneHot(labels, classes: scores.shape[1])
    return try difference / Tensor(scalar: n)
}

/// Reference for `mse`: the mean of (y - t)² over all N·C elements.
public func mse(_ y: Tensor, _ t: Tensor) throws -> Double {
    guard y.shape == t.shape else {
        throw ExerciseError.invalidInput("mse needs y and t of one shape, got \(formatShape(y.shape)) and \(formatShape(t.shape))")
    }
    return try (y - t).unary(.square).mean().doubles[0]
}

/// Reference for `mseGradient`: 2 (y - t) / (N·C), the gradient of the mean over all N·C elements.
public func mseGradient(_ y: Tensor, _ t: Tensor) throws -> Tensor {
    guard y.shape == t.shape else {
        throw ExerciseError.invalidInput("mseGradient needs y and t of one shape, got \(formatShape(y.shape)) and \(formatShape(t.shape))")
    }
    // Every element of the mean weighs 1 / (N·C), y.count elements in all.
    return try (y - t) * Tensor(scalar: 2 / Double(y.count))
}
