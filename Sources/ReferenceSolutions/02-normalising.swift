import Exercises
import Tensor

// Reference solutions for exercises/02-normalising.swift.

/// Reference for `normalise`: pixels 0…255 → 0…1 in float64.
public func normalise(_ pixels: Tensor) throws -> Tensor {
    try pixels.astype(.float64) / Tensor(scalar: 255)
}

/// Reference for `zeroCentre`: x (N, D) minus one number, the training set's mean pixel.
public func zeroCentre(_ x: Tensor, mean: Tensor) throws -> Tensor {
    guard x.ndim == 2, mean.ndim == 0 else {
        throw ExerciseError.invalidInput("zeroCentre needs x (N, D) and a 0-d mean, one number, got \(formatShape(x.shape)) and \(formatShape(mean.shape))")
    }
    // Broadcasting subtracts the one number from every element.
    return try x - mean
}
