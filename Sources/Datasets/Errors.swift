import Tensor

/// Everything that can be wrong with an IDX file, each message naming the file.
///
/// The reader checks every header field before it trusts it: a damaged or
/// hostile file gives one of these errors, never a crash and never a huge
/// allocation.
public enum IDXError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or read (missing, a folder, no permission).
    case unreadable(file: String, reason: String)
    /// The file holds no bytes at all.
    case empty(file: String)
    /// The file is larger than any IDX file mlplab accepts.
    case fileTooLarge(file: String, size: Int, limit: Int)
    /// The name ends in `.gz` but the bytes do not start with gzip's signature 1f 8b.
    case notGzip(file: String, firstBytes: [UInt8])
    /// zlib rejected the compressed stream (bad block, bad checksum, cut short).
    case corruptGzip(file: String, reason: String)
    /// The header stops before all of its fields: `needed` bytes, `available` present.
    case truncatedHeader(file: String, needed: Int, available: Int)
    /// The first two bytes are not zero, so this is not an IDX file.
    case notIDX(file: String, magic: [UInt8])
    /// The third magic byte names an element type other than unsigned byte (0x08).
    case unsupportedElementType(file: String, code: UInt8)
    /// The fourth magic byte gives a number of dimensions outside 1...IDX.maxRank.
    case badRank(file: String, rank: Int)
    /// The dimensions multiply to more elements than `IDX.maxElements` (or overflow).
    case tooLarge(file: String, dims: [Int], limit: Int)
    /// The header promises more data than the file can possibly hold.
    case headerExceedsFile(file: String, dims: [Int], needed: Int, available: Int, compressed: Bool)
    /// The data stops early: `expected` bytes after the header, `actual` present.
    case truncated(file: String, dims: [Int], expected: Int, actual: Int)
    /// Bytes follow the data that the header describes.
    case trailingBytes(file: String, dims: [Int], expected: Int, extra: Int)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .empty(let file), .fileTooLarge(let file, _, _),
             .notGzip(let file, _), .corruptGzip(let file, _), .truncatedHeader(let file, _, _),
             .notIDX(let file, _), .unsupportedElementType(let file, _), .badRank(let file, _),
             .tooLarge(let file, _, _), .headerExceedsFile(let file, _, _, _, _),
             .truncated(let file, _, _, _), .trailingBytes(let file, _, _, _):
            return file
        }
    }

    public var description: String {
        "\(file): " + problem
    }

    /// What is wrong, without the file name.
    private var problem: String {
        switch self {
        case .unreadable(_, let reason):
            return "cannot read the file: \(reason)"
        case .empty:
            return "the file is empty (0 bytes); an IDX file starts with a 4-byte magic number"
        case .fileTooLarge(_, let size, let limit):
            return "the file has \(size) bytes, more than the \(limit) bytes mlplab reads from one IDX file"
        case .notGzip(_, let firstBytes):
            return "the name ends in .gz but the file is not gzip-compressed "
                + "(it starts with \(hex(firstBytes)); gzip files start with 1f 8b); "
                + "rename it without .gz if it is a plain IDX file"
        case .corruptGzip(_, let reason):
            return "the gzip data is damaged (\(reason)); download the file again"
        case .truncatedHeader(_, let needed, let available):
            return "the IDX header is cut short: it needs \(needed) bytes, the file has \(available)"
        case .notIDX(_, let magic):
            return "not an IDX file: the magic number is \(hex(magic)), "
                + "but IDX files start with 00 00 (e.g. 00 00 08 03 for images, 00 00 08 01 for labels)"
        case .unsupportedElementType(_, let code):
            return "the IDX element type is 0x\(hex([code])) (\(IDX.elementTypeName(code))); "
                + "mlplab reads unsigned bytes (type 0x08) only"
        case .badRank(_, let rank):
            return "the IDX header gives \(rank) dimensions; mlplab accepts 1 to \(IDX.maxRank)"
        case .tooLarge(_, let dims, let limit) where dims.contains(0):
            return "the header's dimensions \(formatShape(dims)) describe no elements, but its other "
                + "dimensions multiply past \(limit), the most mlplab reads from one file: the header is damaged"
        case .tooLarge(_, let dims, let limit):
            return "the header's dimensions \(formatShape(dims)) describe more than \(limit) elements, "
                + "the most mlplab reads from one file"
        case .headerExceedsFile(_, let dims, let needed, let available, let compressed):
            let holds = compressed
                ? "the compressed file can expand to at most \(available) bytes"
                : "only \(available) bytes follow the header"
            return "the header's dimensions \(formatShape(dims)) need \(needed) bytes of data, but \(holds): "
                + "the file is truncated or its header is wrong"
        case .truncated(_, let dims, let expected, let actual):
            return "the file is truncated: the dimensions \(formatShape(dims)) need \(expected) bytes of data, "
                + "only \(actual) are present"
        case .trailingBytes(_, let dims, let expected, let extra):
            return "\(extra) unexpected bytes follow the \(expected) bytes of data that the dimensions "
                + "\(formatShape(dims)) describe: the header does not match the file"
        }
    }
}

/// Everything that can be wrong when finding or pairing a data set's files.
public enum DatasetError: Error, CustomStringConvertible, Equatable {
    /// None of the folders searched holds the files; `searched` says what each lacked.
    case notFound(dataset: DatasetName, split: Split, searched: [String], help: String)
    /// The data set is generated, not read from files (the spiral).
    case notAnImageDataset(DatasetName)
    /// An images file whose dimensions are not (N, rows, columns).
    case notImages(file: String, dims: [Int])
    /// A labels file whose dimensions are not (N,).
    case notLabels(file: String, dims: [Int])
    /// The images and labels files hold different numbers of examples.
    case countMismatch(imagesFile: String, images: Int, labelsFile: String, labels: Int)
    /// A label outside 0..<classes.
    case labelOutOfRange(file: String, index: Int, label: Int, classes: Int)
    /// An images file with no images, or images of no pixels (0 rows or 0 columns).
    case emptyImages(file: String, dims: [Int])

    public var description: String {
        switch self {
        case .notFound(let dataset, let split, let searched, let help):
            let files = DatasetFiles.canonicalNames(split)
            return "cannot find the \(dataset.title) \(split.rawValue) files "
                + "(\(files.images) and \(files.labels)). Looked in:\n"
                + searched.map { "  " + $0 }.joined(separator: "\n")
                + "\n" + help
        case .notAnImageDataset(let dataset):
            return "\(dataset.rawValue) is generated, not read from IDX files: use Spiral.load()"
        case .notImages(let file, let dims):
            return "\(file): expected images with 3 dimensions (N, rows, columns), "
                + "the header gives \(formatShape(dims)); is this a labels file?"
        case .notLabels(let file, let dims):
            return "\(file): expected labels with 1 dimension (N,), "
                + "the header gives \(formatShape(dims)); is this an images file?"
        case .countMismatch(let imagesFile, let images, let labelsFile, let labels):
            return "\(imagesFile) holds \(images) images but \(labelsFile) holds \(labels) labels: "
                + "the two files do not belong together"
        case .labelOutOfRange(let file, let index, let label, let classes):
            return "\(file): label \(label) at index \(index) is outside 0...\(classes - 1)"
        case .emptyImages(let file, let dims):
            let what = dims[0] == 0 ? "no images" : "images of \(dims[1]) × \(dims[2]) pixels"
            return "\(file): the header's dimensions \(formatShape(dims)) (N, rows, columns) give \(what); "
                + "an images file needs at least one image of at least 1 × 1 pixels"
        }
    }
}

/// Bytes as space-separated hex pairs: `00 00 08 03`.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: " ")
}
