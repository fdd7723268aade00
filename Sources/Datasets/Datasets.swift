// Datasets: the data the course trains on. Reads IDX files, plain or gzipped, with every
// header field checked (IDX, ByteStreams), pairs images with labels (LabeledImages), finds
// the files of a named data set (DataLocator), makes the spiral of the 『밑바닥 2』 notes, and
// normalises and zero-centres (Preprocessing).
//
// It leaves downloading to Fetch and training to Network.

/// The data sets mlplab knows, by the name the command line and the REPL use.
public enum DatasetName: String, CaseIterable, Sendable {
    /// 5,000 real MNIST digits shipped in the repository's `data/sample/` (4,000 train, 1,000 test).
    case sample
    /// MNIST: 70,000 handwritten digits, 28×28 (60,000 train, 10,000 test).
    case mnist
    /// Fashion-MNIST: 70,000 pictures of clothing in MNIST's format.
    case fashionMnist = "fashion-mnist"
    /// The seeds' three-class spiral: 300 points in the plane, generated from a seed.
    case spiral
    /// scikit-learn's 8×8 digits (UCI's optical digits), shipped in `data/digits/`: 1,797 images of
    /// 64 pixels 0...16, split as `train_test_split(test_size=0.2, random_state=0)` does (1,437 train, 360 test).
    case digits

    /// The name people write: "MNIST", "Fashion-MNIST".
    public var title: String {
        switch self {
        case .sample: return "MNIST sample"
        case .mnist: return "MNIST"
        case .fashionMnist: return "Fashion-MNIST"
        case .spiral: return "spiral"
        case .digits: return "8×8 digits"
        }
    }

    /// What each label means, indexed by label.
    public var classNames: [String] {
        switch self {
        case .sample, .mnist, .digits:
            return (0...9).map(String.init)
        case .fashionMnist:
            return ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        case .spiral:
            return ["0", "1", "2"]
        }
    }

    /// The number of classes C: 10, or 3 for the spiral.
    public var classCount: Int { classNames.count }

    /// True for data made by a function rather than read from IDX files.
    public var isGenerated: Bool { self == .spiral }

    /// True for the data sets that ship in the repository's `data/` folder, in `data/<name>`.
    public var isBundled: Bool { self == .sample || self == .digits }

    /// True for the data sets `mlplab fetch` downloads from public mirrors (Fetch holds
    /// their mirrors and checksums).
    public var isDownloaded: Bool { self == .mnist || self == .fashionMnist }
}

/// The two halves every data set comes in.
public enum Split: String, CaseIterable, Sendable {
    case train, test

    /// The start of the split's file names: MNIST calls its test set "t10k" (ten thousand).
    var filePrefix: String {
        switch self {
        case .train: return "train"
        case .test: return "t10k"
        }
    }
}

/// The paths of one split's images file and labels file.
public struct DatasetFiles: Equatable, Sendable {
    public let images: String
    public let labels: String

    public init(images: String, labels: String) {
        self.images = images
        self.labels = labels
    }

    /// The names MNIST is distributed under: `train-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`.
    public static func canonicalNames(_ split: Split) -> (images: String, labels: String) {
        (imageNames(split)[0], labelNames(split)[0])
    }

    /// The images file names accepted, in the order they are tried.
    static func imageNames(_ split: Split) -> [String] {
        variants(split.filePrefix + "-images", "idx3-ubyte")
    }

    /// The labels file names accepted, in the order they are tried.
    static func labelNames(_ split: Split) -> [String] {
        variants(split.filePrefix + "-labels", "idx1-ubyte")
    }

    /// The canonical name gzipped and plain, then the `train-images.idx3-ubyte`
    /// spelling that some mirrors and archives use, plain and gzipped.
    private static func variants(_ stem: String, _ format: String) -> [String] {
        let canonical = stem + "-" + format
        let dotted = stem + "." + format
        return [canonical + ".gz", canonical, dotted, dotted + ".gz"]
    }
}
