import Exercises
import Tensor

// Reference solution for exercises/03-forward.swift.

/// Reference for `linearForward`: x (N, D) @ W (D, H) + b (H,) → (N, H).
public func linearForward(_ x: Tensor, _ W: Tensor, _ b: Tensor) throws -> Tensor {
    guard x.ndim == 2, W.ndim == 2, b.shape == [W.shape[1]] else {
        throw ExerciseError.invalidInput("linearForward needs x (N, D), W (D, H), b (H,), got \(formatShape(x.shape)), \(formatShape(W.shape)), \(formatShape(b.shape))")
    }
    // The bias (H,) broadcasts over the N rows of the product.
    return try Tensor.matmul(x, W) + b
}
