import Tensor

// Lesson 3, the forward pass — activation functions written so that no input can
// overflow them, and the Linear layer.
//
// Each function below is one exercise. Replace the `throw` between START CODE HERE
// and END CODE HERE with your code, then run `mlplab check NAME` (`:check NAME` in
// the REPL). `:hint NAME` gives one hint at a time; exercises/README.md lists the
// Tensor operations you can use.

/// The logistic sigmoid, element by element, finite for every finite input.
///
/// x: any shape, float64 → the same shape, float64, every value in [0, 1].
///
///     sigmoid(x) = 1 / (1 + e^-x)
///
/// e^-x overflows to inf for x < -709 in float64. The same function written as
/// e^x / (1 + e^x) takes e^ of a negative number exactly when x < 0: use each form
/// only where its exponent is ≤ 0. With e = e^-|x|, which lies in (0, 1] for every x,
/// they are 1 / (1 + e) for x ≥ 0 and e / (1 + e) for x < 0.
/// sigmoid([0, 1000, -1000]) = [0.5, 1, 0].
///
/// Swift types: `x.doubles` is a `[Double]`, row-major;
/// `try Tensor(shape: x.shape, doubles: values)` makes the result;
/// `Tensor.binary(.greaterEqual, x, Tensor(scalar: 0))` is a bool Tensor, a mask for
/// `Tensor.where_(mask, a, b)`, which takes a and b computed for every element: give
/// it forms that cannot overflow anywhere.
public func sigmoid(_ x: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("sigmoid")
    // END CODE HERE
}

/// The rectified linear unit, element by element.
///
/// x: any shape, float64 → the same shape, float64.
///
///     relu(x) = max(0, x)
///
/// relu([-2, 0, 3]) = [0, 0, 3].
///
/// Swift types: `x.doubles` is a `[Double]`, row-major;
/// `try Tensor(shape: x.shape, doubles: values)` makes the result; `Tensor(scalar: 0)` is a
/// 0-d float64 Tensor that broadcasts.
public func relu(_ x: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("relu")
    // END CODE HERE
}

/// Softmax along the last axis: each row becomes probabilities that sum to 1.
///
/// x: (C,) or (N, C) float64 scores → the same shape, float64.
///
///     softmax(x)[i, j] = e^(x[i, j] - m_i) / Σ_k e^(x[i, k] - m_i),   m_i = max_k x[i, k]
///
/// Subtracting each row's own maximum m_i changes nothing mathematically and keeps
/// every exponent ≤ 0, so e^ never overflows: softmax([0, 1000, -1000]) = [0, 1, 0].
///
/// Swift types: `x.max(axis: -1, keepdims: true)` is a Tensor of shape (N, 1) (or (1,)),
/// not a `Double`; `x.shape.last!` is C, an `Int`.
public func softmax(_ x: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("softmax")
    // END CODE HERE
}

/// The affine map of a Linear layer, for a whole batch at once.
///
/// x: (N, D) inputs, one row per sample; W: (D, H) weights; b: (H,) biases
/// → (N, H) float64.
///
///     out[i, h] = Σ_d x[i, d] · W[d, h] + b[h]        (out = x @ W + b)
///
/// N = batch size, D = input features (784 for MNIST), H = units of the layer.
/// Throws (any error) when the shapes do not fit together.
///
/// Swift types: `Tensor.matmul(x, W)` is a Tensor (N, H); `+ b` broadcasts (N, H) + (H,);
/// `x.ndim` and `W.shape[1]` are `Int`s.
public func linearForward(_ x: Tensor, _ W: Tensor, _ b: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("linearForward")
    // END CODE HERE
}
