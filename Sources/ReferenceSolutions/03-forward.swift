import Tensor

// Reference solutions for exercises/03-forward.swift.

/// Reference for `sigmoid`: 1 / (1 + e^-x), stable at both tails.
public func sigmoid(_ x: Tensor) throws -> Tensor {
    // e = e^-|x| is in (0, 1]: it never overflows.
    let e = try x.unary(.abs).unary(.negative).unary(.exp)
    // x ≥ 0: 1 / (1 + e^-x) = 1 / (1 + e);   x < 0: e^x / (1 + e^x) = e / (1 + e).
    let nonNegative = try Tensor.binary(.greaterEqual, x, Tensor(scalar: 0))
    let numerator = try Tensor.where_(nonNegative, Tensor(scalar: 1), e)
    return try numerator / (Tensor(scalar: 1) + e)
}

/// Reference for `relu`: max(0, x).
public func relu(_ x: Tensor) throws -> Tensor {
    try Tensor.binary(.maximum, x.astype(.float64), Tensor(scalar: 0))
}

/// Reference for `softmax`: along the last axis, each row's maximum subtracted first.
public func softmax(_ x: Tensor) throws -> Tensor {
    // keepdims keeps the reduced axis (length 1), so the subtraction and the
    // division broadcast along each row: (N, C) - (N, 1).
    let shifted = try x - x.max(axis: -1, keepdims: true)
    let e = try shifted.unary(.exp)
    return try e / e.sum(axis: -1, keepdims: true)
}

/// Reference for `linearForward`: x (N, D) @ W (D, H) + b (H,) → (N, H).
public func linearForward(_ x: Tensor, _ W: Tensor, _ b: Tensor) throws -> Tensor {
    guard x.ndim == 2, W.ndim == 2, b.shape == [W.shape[1]] else {
        throw ExerciseError.invalidInput("linearForward needs x (N, D), W (D, H), b (H,), got \(formatShape(x.shape)), \(formatShape(W.shape)), \(formatShape(b.shape))")
    }
    // The bias (H,) broadcasts over the N rows of the product.
    return try Tensor.matmul(x, W) + b
}
