import Tensor

// Reference solutions for exercises/02-normalising.swift.

/// Reference for `normalise`: pixels 0…255 → 0…1 in float64.
public func normalise(_ pixels: Tensor) throws -> Tensor {
    try pixels.astype(.float64) / Tensor(scalar: 255)
}

/// Reference for `zeroCentre`: x (N, D) minus the per-feature mean (D,).
public func zeroCentre(_ x: Tensor, mean: Tensor) throws -> Tensor {
    guard x.ndim == 2, mean.shape == [x.shape[1]] else {
        throw ExerciseError.invalidInput("zeroCentre needs x (N, D) and mean (D,), got \(formatShape(x.shape)) and \(formatShape(mean.shape))")
    }
    // Broadcasting subtracts mean from every row.
    return try x - mean
}
