import Tensor

// Lesson 4, the loss — softmax cross-entropy and mean squared error, and their gradients.
//
// Each function below is one exercise. Replace the `throw` between START CODE HERE
// and END CODE HERE with your code, then run `mlplab check NAME` (`:check NAME` in
// the REPL). `:hint NAME` gives one hint at a time; exercises/README.md lists the
// Tensor operations you can use.

/// The mean softmax cross-entropy of a batch of scores, finite for every finite score.
///
/// scores: (N, C) float64, the last Linear layer's raw outputs; labels: (N,) int64 in 0..<C
/// → the mean loss, a Double.
///
///     L = -1/N Σ_i log p[i, labels[i]],     p = softmax(scores)
///
/// Take the log without ever computing log(0): with m_i the row's maximum,
///     log p[i, j] = (scores[i, j] - m_i) - log Σ_k e^(scores[i, k] - m_i).
/// Scores [0, 1000, -1000] with label 2 give a loss of 2000, not inf.
///
/// Swift types: the result is a Swift `Double`: a 0-d Tensor `t` gives it as
/// `t.doubles[0]`; `labels.int64s` is an `[Int64]` (index with `Int(label)`);
/// `scores.shape[0]` is N, an `Int`.
public func softmaxCrossEntropy(_ scores: Tensor, labels: Tensor) throws -> Double {
    // START CODE HERE
    throw ExerciseError.notImplemented("softmaxCrossEntropy")
    // END CODE HERE
}

/// The gradient of `softmaxCrossEntropy` with respect to the scores.
///
/// scores: (N, C) float64; labels: (N,) int64 in 0..<C → (N, C) float64.
///
///     dL/dscores = (softmax(scores) - onehot(labels)) / N
///
/// The division by N is there because the loss is a mean over the batch.
///
/// Swift types: `labels.int64s` is an `[Int64]` (index with `Int(label)`);
/// `scores.shape[0]` is N, an `Int`: divide by `Tensor(scalar: Double(n))`.
public func softmaxCrossEntropyGradient(_ scores: Tensor, labels: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("softmaxCrossEntropyGradient")
    // END CODE HERE
}

/// The mean squared error, averaged over every element.
///
/// y: (N, C) float64 outputs; t: (N, C) float64 targets (one-hot rows) → a Double.
///
///     L = 1/(N·C) Σ_i Σ_j (y[i, j] - t[i, j])²
///
/// Throws (any error) when y and t have different shapes.
///
/// Swift types: the result is a Swift `Double`: `try d.mean()` is a 0-d Tensor,
/// `.doubles[0]` its value.
public func mse(_ y: Tensor, _ t: Tensor) throws -> Double {
    // START CODE HERE
    throw ExerciseError.notImplemented("mse")
    // END CODE HERE
}

/// The gradient of `mse` with respect to the outputs.
///
/// y: (N, C) float64 outputs; t: (N, C) float64 targets → (N, C) float64.
///
///     dL/dy[i, j] = 2 (y[i, j] - t[i, j]) / (N·C)
///
/// Each of the N·C squared errors enters the mean with weight 1/(N·C), so each gets
/// that share of the gradient. (The DL practice notebook divides by N only: its gradient
/// is C times this one, and its learning rates are C times smaller for the same steps.)
///
/// Swift types: `y.count` is N·C, an `Int`: divide by `Tensor(scalar: Double(y.count))`;
/// `Tensor(scalar: 2)` is a 0-d float64 Tensor.
public func mseGradient(_ y: Tensor, _ t: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("mseGradient")
    // END CODE HERE
}
