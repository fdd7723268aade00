/// Why a picture could not be made. Each message says what was wrong and what to pass instead.
public enum PlotError: Error, CustomStringConvertible, Equatable {
    /// The tensor is not one image: `shape` is what was given.
    case notAnImage(shape: [Int])
    /// The tensor is not a stack of images.
    case notAnImageBatch(shape: [Int])
    /// Two lists that must pair up element by element have different lengths.
    case countMismatch(what: String, expected: Int, got: Int)
    /// A class label outside 0..<classes.
    case labelOutOfRange(label: Int, classes: Int)
    /// A tensor of the wrong shape for this picture.
    case wrongShape(what: String, expected: String, got: [Int])
    /// Nothing to draw.
    case empty(what: String)
    /// zlib failed while compressing PNG data.
    case compressionFailed(code: Int32)
    /// A file name whose extension says no format we write.
    case unsupportedFileType(path: String, supported: [String])

    public var description: String {
        switch self {
        case .notAnImage(let shape):
            return "a tensor of shape \(shape) is not an image: pass (H, W), e.g. (28, 28), "
                + "or a flat vector whose length is a square number, e.g. (784)"
        case .notAnImageBatch(let shape):
            return "a tensor of shape \(shape) is not a stack of images: pass (N, H, W), "
                + "or (N, D) with D a square number, e.g. (16, 784)"
        case .countMismatch(let what, let expected, let got):
            return "\(what): expected \(expected), got \(got)"
        case .labelOutOfRange(let label, let classes):
            return "label \(label) is outside the \(classes) classes 0...\(classes - 1)"
        case .wrongShape(let what, let expected, let got):
            return "\(what) must have shape \(expected), got \(got)"
        case .empty(let what):
            return "nothing to draw: \(what) is empty"
        case .compressionFailed(let code):
            return "zlib could not compress the PNG data (error \(code))"
        case .unsupportedFileType(let path, let supported):
            return "cannot tell which format to write to \(path): "
                + "use a name ending in " + supported.map { "." + $0 }.joined(separator: " or ")
        }
    }
}
