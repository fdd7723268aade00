import Tensor

// Lesson 1, loading MNIST — from the bytes of an IDX file to labels a network can learn from.
//
// Each function below is one exercise. Replace the `throw` between START CODE HERE
// and END CODE HERE with your code, then run `mlplab check NAME` (`:check NAME` in
// the REPL). `:hint NAME` gives one hint at a time; exercises/README.md lists the
// Tensor operations you can use.

/// The dimensions stored in the header of an IDX file (the format of the MNIST files).
///
/// bytes: the first bytes of a decompressed IDX file (the header, possibly followed by data)
/// → the dimensions, outermost first: `[60000, 28, 28]` for MNIST's training images.
///
///     offset  size   field
///     0       2      zero bytes: 00 00
///     2       1      element type: 08 = unsigned byte (the only type asked for here)
///     3       1      n, the number of dimensions (at least 1)
///     4       4·n    the dimensions, each a big-endian 32-bit unsigned integer
///
/// So MNIST's training labels begin `00 00 08 01 00 00 EA 60`: one dimension, 0xEA60 = 60000.
/// Throws `ExerciseError.invalidInput` when the first two bytes are not zero, the type is
/// not 08, n is 0, or there are fewer than 4 + 4·n bytes. Check before you read: never
/// index past the end of `bytes`.
///
/// Swift types: `bytes` is a `[UInt8]` and `bytes[i]` a `UInt8`: widen it before shifting,
/// `Int(bytes[4]) << 24`, or the shift stays within 8 bits. The result is an `[Int]`.
public func parseIDXHeader(_ bytes: [UInt8]) throws -> [Int] {
    // START CODE HERE
    throw ExerciseError.notImplemented("parseIDXHeader")
    // END CODE HERE
}

/// Integer labels turned into one-hot rows.
///
/// labels: (N,) int64, each in 0..<classes → (N, classes) float64.
///
///     result[i, j] = 1 if j == labels[i], else 0
///
/// oneHot([2, 0], classes: 3) = [[0, 0, 1], [1, 0, 0]].
/// Throws `ExerciseError.invalidInput` for a label outside 0..<classes.
///
/// Swift types: `classes` is an `Int`; `labels.int64s` is an `[Int64]` (index with
/// `Int(label)`); `labels.shape` is an `[Int]`; make the result with
/// `try Tensor(shape: [n, classes], doubles: values)` from a `[Double]` of n·classes values.
public func oneHot(_ labels: Tensor, classes: Int) throws -> Tensor {
    // START CODE HERE
    throw ExerciseError.notImplemented("oneHot")
    // END CODE HERE
}
