import Tensor

// Reference solutions for exercises/02-activations.swift.

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
