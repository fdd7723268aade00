import Tensor

// Lesson 6, training — the update step, the order of the mini-batches, and how often
// the network is right.
//
// Each function below is one exercise. Replace the `throw` between START CODE HERE
// and END CODE HERE with your code, then run `mlplab check NAME` (`:check NAME` in
// the REPL). `:hint NAME` gives one hint at a time; exercises/README.md lists the
// Tensor operations you can use.

/// One step of stochastic gradient descent on one parameter.
///
/// parameter: any shape, float64 (W or b); gradient: the same shape, dLoss/dparameter;
/// learningRate: the step size → the updated parameter, same shape, float64.
///
///     parameter ← parameter - learningRate · gradient
///
/// Throws (any error) when the shapes differ.
///
/// Swift types: `learningRate` is a Swift `Double`: make it a Tensor with
/// `Tensor(scalar: learningRate)` before multiplying.
public func sgdStep(_ parameter: Tensor, gradient: Tensor, learningRate: Double) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("sgdStep")
    // END CODE HERE
}

/// The mini-batches of one epoch: every sample once, in a fresh random order.
///
/// count: N, the number of samples; batchSize: B ≥ 1; rng: the generator to draw from
/// → ⌈N / B⌉ arrays of sample indices. Every batch has B indices except the last,
/// which has what is left.
///
///     order = rng.permutation(count)         numpy's np.random.permutation(N)
///     batches = order[0..<B], order[B..<2B], …
///
/// Call `rng.permutation` exactly once per call, so that one call is one epoch and the
/// next call (the next epoch) gets a different order, as a training loop does each epoch.
/// Throws `ExerciseError.invalidInput` when batchSize < 1.
///
/// Swift types: `rng.permutation(count)` returns an `[Int64]`, not an `[Int]`: convert
/// with `.map { Int($0) }`; `rng` is `inout`, call it as `rng.permutation(count)` (no
/// `&`). The result is an `[[Int]]`: `stride(from: 0, to: count, by: batchSize)` gives
/// each batch's start, `Array(order[start..<end])` turns a slice into an array.
public func miniBatches(count: Int, batchSize: Int, rng: inout NumpyRandom) throws -> [[Int]] {
    // START CODE HERE
    throw ExerciseError.notImplemented("miniBatches")
    // END CODE HERE
}

/// The fraction of samples whose highest score is at the right class.
///
/// scores: (N, C) float64; labels: (N,) int64 in 0..<C → a Double in [0, 1].
///
///     accuracy = (1/N) · #{ i : argmax_j scores[i, j] == labels[i] }
///
/// When several scores tie for the maximum, the first one counts (numpy's argmax).
///
/// Swift types: `scores.argmax(axis: -1)` is an int64 Tensor (N,): `.int64s` gives an
/// `[Int64]` to compare with `labels.int64s`; the result is a Swift `Double`:
/// `Double(correct) / Double(n)`.
public func accuracy(_ scores: Tensor, labels: Tensor) throws -> Double {
    // START CODE HERE
    throw ExerciseError.notImplemented("accuracy")
    // END CODE HERE
}
