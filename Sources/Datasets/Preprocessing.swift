import Tensor

/// What can be wrong with a preprocessing step's input.
public enum PreprocessingError: Error, CustomStringConvertible, Equatable {
    /// The tensor's dtype is not one the step works on.
    case unsupportedDType(operation: String, dtype: DType, expected: String)
    /// The tensor's shape is not the one the step needs.
    case wrongShape(operation: String, shape: [Int], expected: String)
    /// A label outside 0..<classes.
    case labelOutOfRange(index: Int, label: Int64, classes: Int)
    /// An argument the step cannot use (a zero standard deviation, no classes).
    case invalidArgument(operation: String, detail: String)

    public var description: String {
        switch self {
        case .unsupportedDType(let operation, let dtype, let expected):
            return "\(operation): the input is \(dtype.rawValue), expected \(expected)"
        case .wrongShape(let operation, let shape, let expected):
            return "\(operation): the input has shape \(formatShape(shape)), expected \(expected)"
        case .labelOutOfRange(let index, let label, let classes):
            return "one_hot: label \(label) at index \(index) is outside 0...\(classes - 1) "
                + "(classes = \(classes))"
        case .invalidArgument(let operation, let detail):
            return "\(operation): \(detail)"
        }
    }
}

/// The seeds' preprocessing, on tensor storage directly, with numpy's dtype rules:
///
/// ```
/// tr_data = tr_data / 255.0          # scale to [0, 1]        → Preprocessing.scaled
/// tr_mean = np.mean(tr_data)         # one scalar
/// tr_data = tr_data - tr_mean        # zero-centre            → Preprocessing.zeroCentred
/// te_data = te_data - tr_mean        # the test set uses the *training* mean
/// y = make_labels_onehot(labels, 10) #                        → Preprocessing.oneHot
/// ```
///
/// An int64 input gives float64 (numpy's true division); a float32 input stays
/// float32, the number rounded to float32 first, as numpy 2 does with a Python
/// float; float64 stays float64.
public enum Preprocessing {
    /// `x / 255`: pixel values 0...255 to [0, 1].
    public static func scaled(_ x: Tensor) throws -> Tensor {
        try elementwise(x, operation: "scale") { $0 / 255 } float32: { $0 / 255 }
    }

    /// `x - mean`: moves the data's mean to zero. Pass the training set's mean
    /// for both the training and the test set.
    public static func zeroCentred(_ x: Tensor, mean: Double) throws -> Tensor {
        let mean32 = Float(mean)
        return try elementwise(x, operation: "zero_centre") { $0 - mean } float32: { $0 - mean32 }
    }

    /// `(x - mean) / std`: zero mean and unit standard deviation, with the
    /// training set's statistics.
    public static func standardised(_ x: Tensor, mean: Double, std: Double) throws -> Tensor {
        guard std > 0, std.isFinite else {
            throw PreprocessingError.invalidArgument(operation: "standardise",
                                                     detail: "the standard deviation must be positive, got \(std)")
        }
        let (mean32, std32) = (Float(mean), Float(std))
        return try elementwise(x, operation: "standardise") { ($0 - mean) / std } float32: { ($0 - mean32) / std32 }
    }

    /// The seeds' `make_labels_onehot`: int64 `labels` (N,) to (N, classes) of
    /// `dtype`, row i all zeros but a 1 in column labels[i]. Throws for a label
    /// outside 0..<classes, naming its index; the matrix is `Tensor.oneHot`'s.
    public static func oneHot(_ labels: Tensor, classes: Int, dtype: DType = .float64) throws -> Tensor {
        guard case .int64(let values) = labels.storage else {
            throw PreprocessingError.unsupportedDType(operation: "one_hot", dtype: labels.dtype,
                                                      expected: "int64 labels")
        }
        guard labels.ndim == 1 else {
            throw PreprocessingError.wrongShape(operation: "one_hot", shape: labels.shape, expected: "(N,)")
        }
        guard classes > 0 else {
            throw PreprocessingError.invalidArgument(operation: "one_hot",
                                                     detail: "classes must be at least 1, got \(classes)")
        }
        if let index = values.firstIndex(where: { $0 < 0 || $0 >= classes }) {
            throw PreprocessingError.labelOutOfRange(index: index, label: values[index], classes: classes)
        }
        return try Tensor.oneHot(labels, classes: classes, dtype: dtype)
    }

    /// Applies `float64` to int64 and float64 elements (giving float64) and
    /// `float32` to float32 elements; bools are refused.
    private static func elementwise(_ x: Tensor, operation: String,
                                    _ float64: (Double) -> Double,
                                    float32: (Float) -> Float) throws -> Tensor {
        switch x.storage {
        case .float64(let values): return Tensor(shape: x.shape, storage: .float64(mapElements(values, float64)))
        case .float32(let values): return Tensor(shape: x.shape, floats: mapElements(values, float32))
        case .int64(let values): return Tensor(shape: x.shape, storage: .float64(mapElements(values) { float64(Double($0)) }))
        case .uint8(let values): return Tensor(shape: x.shape, storage: .float64(mapElements(values) { float64(Double($0)) }))
        case .float16(let values): return Tensor(shape: x.shape, storage: .float32(mapElements(values) { float32(Float($0)) }))
        case .bool:
            throw PreprocessingError.unsupportedDType(operation: operation, dtype: .bool,
                                                      expected: "int64, float32 or float64")
        }
    }
}
