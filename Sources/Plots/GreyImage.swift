import Tensor

/// A single-channel image: `height` rows of `width` values, row-major, in any
/// numeric range (raw 0...255 bytes, 0...1, zero-centred data, signed weights).
public struct GreyImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// The `height × width` values, row by row.
    public let values: [Double]

    /// An image from its values; `values.count` must be `width * height`.
    public init(width: Int, height: Int, values: [Double]) throws {
        guard width > 0, height > 0, values.count == width * height else {
            throw PlotError.notAnImage(shape: [height, width])
        }
        self.width = width
        self.height = height
        self.values = values
    }

    /// One image from a tensor of shape (H, W), (1, H, W), or (D) with D a
    /// square number (a flattened square image, e.g. 784 → 28 × 28).
    public init(_ tensor: Tensor) throws {
        let shape = tensor.shape
        switch shape.count {
        case 1:
            guard let side = exactSquareRoot(shape[0]) else { throw PlotError.notAnImage(shape: shape) }
            try self.init(width: side, height: side, values: tensor.doubles)
        case 2:
            try self.init(width: shape[1], height: shape[0], values: tensor.doubles)
        case 3 where shape[0] == 1:
            try self.init(width: shape[2], height: shape[1], values: tensor.doubles)
        default:
            throw PlotError.notAnImage(shape: shape)
        }
    }

    /// The images in a stack of shape (N, H, W), or (N, D) with D a square number.
    /// A single image (H, W) is not a stack: use `GreyImage(_:)` for it.
    /// With `limit`, only the first `limit` images are read (and converted).
    public static func batch(_ tensor: Tensor, limit: Int = .max) throws -> [GreyImage] {
        let shape = tensor.shape
        let (height, width): (Int, Int)
        switch shape.count {
        case 2:
            guard let side = exactSquareRoot(shape[1]) else { throw PlotError.notAnImageBatch(shape: shape) }
            (height, width) = (side, side)
        case 3:
            (height, width) = (shape[1], shape[2])
        default:
            throw PlotError.notAnImageBatch(shape: shape)
        }
        guard shape[0] > 0, height > 0, width > 0 else { throw PlotError.notAnImageBatch(shape: shape) }
        let count = min(shape[0], max(limit, 1)), size = height * width
        let values = leadingDoubles(tensor, count: count * size)
        return try (0..<count).map { n in
            try GreyImage(width: width, height: height, values: Array(values[n * size ..< (n + 1) * size]))
        }
    }

    /// Each value rescaled to 0...1 from the image's own minimum...maximum, so any
    /// range shows with full contrast. A constant image is all 0; NaN and
    /// infinities are ignored when finding the range and show as 0.
    public var levels: [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low else {
            return Array(repeating: 0, count: values.count)
        }
        // Halving first keeps high − low finite even for values near ±Double.greatestFiniteMagnitude.
        let halfSpan = high / 2 - low / 2
        return values.map { $0.isFinite ? ($0 / 2 - low / 2) / halfSpan : 0 }
    }

    /// Each value divided by the image's largest magnitude, giving -1...1 with
    /// zero kept at zero: the scale for signed data such as weights.
    public var signedLevels: [Double] {
        let largest = values.filter(\.isFinite).map(abs).max() ?? 0
        guard largest > 0 else { return Array(repeating: 0, count: values.count) }
        return values.map { $0.isFinite ? $0 / largest : 0 }
    }
}

/// The integer square root of `n` when `n` is a positive perfect square, else nil.
func exactSquareRoot(_ n: Int) -> Int? {
    guard n > 0 else { return nil }
    let root = Int(Double(n).squareRoot().rounded())
    return root * root == n ? root : nil
}

/// The first `count` elements of `tensor` as Doubles, converting only those
/// (a slice of a 60000-image training set must not copy all of it).
func leadingDoubles(_ tensor: Tensor, count: Int) -> [Double] {
    switch tensor.storage {
    case .float64(let values): return Array(values.prefix(count))
    case .float32(let values): return values.prefix(count).map(Double.init)
    case .int64(let values): return values.prefix(count).map(Double.init)
    case .uint8(let values): return values.prefix(count).map(Double.init)
    case .float16(let values): return values.prefix(count).map(Double.init)
    case .bool(let values): return values.prefix(count).map { $0 ? 1 : 0 }
    }
}
