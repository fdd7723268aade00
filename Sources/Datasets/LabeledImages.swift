import Tensor

/// Images and their labels, as read from a pair of IDX files.
///
/// Shapes: N examples of rows × columns pixels (MNIST: 28 × 28 = 784 = D).
/// The bytes stay as they are in the file; the methods below turn them into
/// tensors in the dtype each use needs.
public struct LabeledImages: Sendable {
    /// The pixels, dims (N, rows, columns), one byte each (0...255).
    public let images: IDXArray
    /// The label of each image, (N,), each in 0..<classes.
    public let labels: [UInt8]
    /// The number of classes C; every label is below it.
    public let classes: Int

    /// Pairs `images` (N, rows, columns) with `labels` (N,), checking that
    /// there is at least one image of at least one pixel, that the shapes fit
    /// and that every label is in 0..<classes; the file names are for the
    /// error messages.
    public init(images: IDXArray, labels: IDXArray, classes: Int = 10,
                imagesFile: String = "images", labelsFile: String = "labels") throws {
        guard images.dims.count == 3 else { throw DatasetError.notImages(file: imagesFile, dims: images.dims) }
        guard !images.dims.contains(0) else { throw DatasetError.emptyImages(file: imagesFile, dims: images.dims) }
        guard labels.dims.count == 1 else { throw DatasetError.notLabels(file: labelsFile, dims: labels.dims) }
        guard images.dims[0] == labels.dims[0] else {
            throw DatasetError.countMismatch(imagesFile: imagesFile, images: images.dims[0],
                                             labelsFile: labelsFile, labels: labels.dims[0])
        }
        if let index = labels.bytes.firstIndex(where: { Int($0) >= classes }) {
            throw DatasetError.labelOutOfRange(file: labelsFile, index: index,
                                               label: Int(labels.bytes[index]), classes: classes)
        }
        self.images = images
        self.labels = labels.bytes
        self.classes = classes
    }

    /// Reads and pairs the two IDX files of one split.
    public static func read(_ files: DatasetFiles, classes: Int = 10) throws -> LabeledImages {
        try LabeledImages(images: IDX.read(files.images), labels: IDX.read(files.labels), classes: classes,
                          imagesFile: files.images, labelsFile: files.labels)
    }

    /// Finds and reads one split of an image data set (not the generated spiral).
    public static func load(_ dataset: DatasetName, split: Split,
                            locator: DataLocator = DataLocator()) throws -> LabeledImages {
        let files = try locator.locate(dataset, split: split)
        return try read(files, classes: dataset.classCount)
    }

    /// The number of examples N.
    public var count: Int { images.dims[0] }
    /// The height of each image in pixels.
    public var rows: Int { images.dims[1] }
    /// The width of each image in pixels.
    public var columns: Int { images.dims[2] }
    /// The pixels per image, D = rows × columns: each image's length once flattened.
    public var pixelsPerImage: Int { rows * columns }

    // MARK: - Tensors

    /// The raw pixels, int64 (N, D) with values 0...255: what numpy gives for
    /// `np.frombuffer(...).reshape(N, 784).astype(np.int64)`, so that `/ 255`
    /// then makes float64 and `.astype("float32") / 255` float32.
    public func pixels() -> Tensor {
        Tensor(shape: [count, pixelsPerImage], int64s: mapElements(images.bytes) { Int64($0) })
    }

    /// The pixels scaled to [0, 1], float32 (N, D): each byte divided by 255
    /// in float32, in one pass, bit for bit numpy's `x.astype("float32") / 255`.
    /// This is what training uses.
    public func scaledFloat32() -> Tensor {
        Tensor(shape: [count, pixelsPerImage], floats: mapElements(images.bytes) { Float($0) / 255 })
    }

    /// The pixels scaled to [0, 1], float64 (N, D): numpy's `x / 255.0`, as the seeds do.
    public func scaledFloat64() -> Tensor {
        Tensor(shape: [count, pixelsPerImage], storage: .float64(mapElements(images.bytes) { Double($0) / 255 }))
    }

    /// The labels as int64 (N,).
    public func labelTensor() -> Tensor {
        Tensor(shape: [count], int64s: mapElements(labels) { Int64($0) })
    }
}
