import Tensor

// Lesson 2, normalising — pixels scaled to 0…1 and centred on zero.
//
// Each function below is one exercise. Replace the `throw` between START CODE HERE
// and END CODE HERE with your code, then run `mlplab check NAME` (`:check NAME` in
// the REPL). `:hint NAME` gives one hint at a time; exercises/README.md lists the
// Tensor operations you can use.

/// Pixel values 0…255 scaled to 0…1.
///
/// pixels: any shape, int64 (or any dtype) holding 0…255 → the same shape, float64.
///
///     result = pixels / 255
///
/// normalise([0, 51, 255]) = [0, 0.2, 1].
///
/// Swift types: `pixels.doubles` is a `[Double]` whatever the dtype;
/// `pixels.astype(.float64)` is a float64 Tensor; `Tensor(scalar: 255)` is a 0-d float64
/// Tensor that broadcasts.
public func normalise(_ pixels: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("normalise")
    // END CODE HERE
}

/// The data shifted by its mean, so that it varies around zero.
///
/// x: (N, D) float64; mean: a 0-d float64 Tensor, one number: the mean of every pixel of
/// the *training* set (`x.mean()`), also used for the test set → (N, D) float64.
///
///     result[i, j] = x[i, j] - mean
///
/// Throws (any error) when mean is not 0-d (a mean per column, say).
///
/// Swift types: `x - mean` is a Tensor ((N, D) - a 0-d Tensor broadcasts to every element);
/// `mean.ndim` is an `Int`, 0 for one number.
public func zeroCentre(_ x: Tensor, mean: Tensor) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("zeroCentre")
    // END CODE HERE
}
