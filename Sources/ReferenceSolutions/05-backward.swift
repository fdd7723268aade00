import Tensor

// Reference solutions for exercises/05-backward.swift.

/// Reference for `linearBackward`: dW = xᵀ·dOut, db = Σ_rows dOut, dx = dOut·Wᵀ.
public func linearBackward(_ dOut: Tensor, x: Tensor, W: Tensor) throws -> (dW: Tensor, db: Tensor, dx: Tensor) {
    let dW = try Tensor.matmul(x.T, dOut)      // (D, N) @ (N, H) = (D, H), like W
    let db = try dOut.sum(axis: 0)             // (H,), like b
    let dx = try Tensor.matmul(dOut, W.T)      // (N, H) @ (H, D) = (N, D), like x
    return (dW, db, dx)
}

/// Reference for `reluBackward`: dOut where x > 0, else 0.
public func reluBackward(_ dOut: Tensor, x: Tensor) throws -> Tensor {
    let mask = try Tensor.binary(.greater, x, Tensor(scalar: 0))    // true where the unit was active
    return try Tensor.where_(mask, dOut, Tensor(scalar: 0))
}

/// Reference for `sigmoidBackward`: dOut · (1 - out) · out.
public func sigmoidBackward(_ dOut: Tensor, out: Tensor) throws -> Tensor {
    try dOut * (Tensor(scalar: 1) - out) * out
}
