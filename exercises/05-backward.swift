import Tensor

// Lesson 5, the backward pass — from dLoss/dOutput to the gradients of the parameters
// and of the input (the chain rule, one layer at a time).
//
// Each function below is one exercise. Replace the `throw` between START CODE HERE
// and END CODE HERE with your code, then run `mlplab check NAME` (`:check NAME` in
// the REPL). `:hint NAME` gives one hint at a time; exercises/README.md lists the
// Tensor operations you can use.

/// The gradients of a Linear layer (out = x @ W + b).
///
/// dOut: (N, H), dLoss/dout; x: (N, D), the input of the forward pass; W: (D, H)
/// → dW: (D, H), db: (H,), dx: (N, D), all float64.
///
///     dW = xᵀ @ dOut          each weight's gradient, summed over the batch
///     db = Σ_i dOut[i, :]     the rows of dOut added up
///     dx = dOut @ Wᵀ          passed on to the layer below
///
/// Each gradient has the shape of what it is the gradient of: dW like W, db like b, dx like x.
///
/// Swift types: the result is a tuple of three Tensors:
/// `return (dW: dW, db: db, dx: dx)`; `x.T` is the transpose, a Tensor;
/// `dOut.sum(axis: 0)` is a Tensor (H,).
public func linearBackward(_ dOut: Tensor, x: Tensor, W: Tensor) throws -> (dW: Tensor, db: Tensor, dx: Tensor) {
    // START CODE HERE
    throw ExerciseError.notImplemented("linearBackward")
    // END CODE HERE
}

/// The gradient through ReLU.
///
/// dOut: any shape, dLoss/drelu(x); x: the same shape, the input of the forward pass
/// → the same shape, float64.
///
///     dx = dOut where x > 0, and 0 where x ≤ 0
///
/// At x = 0 exactly the gradient is blocked (0), as the 2-layer MNIST lab's
/// `hidden_grad[hidden_input <= 0] = 0` does.
///
/// Swift types: `Tensor.binary(.greater, x, Tensor(scalar: 0))` is a bool Tensor, a mask
/// for `Tensor.where_(mask, dOut, Tensor(scalar: 0))`; `x.doubles` is a `[Double]`.
public func reluBackward(_ dOut: Tensor, x: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("reluBackward")
    // END CODE HERE
}

/// The gradient through the sigmoid, from its output.
///
/// dOut: any shape, dLoss/dout; out: the same shape, sigmoid(x) from the forward pass
/// → the same shape, float64.
///
///     dx = dOut · (1 - out) · out          since sigmoid'(x) = sigmoid(x) · (1 - sigmoid(x))
///
/// The DNN lab's check of its dJdz_sigmoid: with seed(0), sigmoidBackward(randn(3), out: randn(3))
/// = [-4.90531647, -0.64834065, -1.89126428].
///
/// Swift types: `Tensor(scalar: 1) - out` is a Tensor; each product of Tensors may throw,
/// so write `try` before it.
public func sigmoidBackward(_ dOut: Tensor, out: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("sigmoidBackward")
    // END CODE HERE
}
