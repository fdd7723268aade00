import Tensor

// Lesson 3 — the forward pass of a fully connected (Linear) layer.
//
// Replace the `throw` between START CODE HERE and END CODE HERE with your code,
// then run `mlplab check linearForward` (`:check linearForward` in the REPL).

/// The affine map of a Linear layer, for a whole batch at once.
///
/// x: (N, D) inputs, one row per sample; W: (D, H) weights; b: (H,) biases
/// → (N, H) float64.
///
///     out[i, h] = Σ_d x[i, d] · W[d, h] + b[h]        (out = x @ W + b)
///
/// N = batch size, D = input features (784 for MNIST), H = units of the layer.
/// Throws (any error) when the shapes do not fit together.
public func linearForward(_ x: Tensor, _ W: Tensor, _ b: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("linearForward")
    // END CODE HERE
}
